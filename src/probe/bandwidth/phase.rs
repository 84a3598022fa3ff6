//! One throughput phase: N data streams until the rate is stable (warm-up,
//! then the measured window, see [`super::window`]), the byte counter
//! sampled every 100 ms (at the receiver; an upload from this end's kernel, see
//! [`super::delivered`]), round trips on the echo connection
//! alongside. A phase that cannot run its window to the end is an error that
//! says what happened, never a figure from part of a run.

use super::congestion::{self, Outcome};
use super::delivered;
use super::latency::{self, Echo};
use super::protocol::{self, Dir, Msg};
use super::text::{Cause, Step};
use super::window::{State, StopRule, Tracker, Window};
use super::{BandwidthError, BandwidthProgress, Phase, stats};
use std::collections::VecDeque;
use std::io::{ErrorKind, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

const CHUNK: usize = 128 * 1024;
const TICK: Duration = Duration::from_millis(250);
const SAMPLE: Duration = Duration::from_millis(100);

/// A byte-count report from the server (its clock).
#[derive(Debug, Clone, Copy)]
pub struct Report {
    pub t_ms: u64,
    pub up_bytes: u64,
    /// The download streams' bytes as the server's kernel counts them (see `delivered`).
    pub down_delivered: Option<u64>,
}

/// What the client's control reader collects.
#[derive(Default)]
pub struct ControlState {
    pub reports: Mutex<Vec<Report>>,
    /// The server's own message when it ended the test.
    pub error: Mutex<Option<String>>,
    /// The control connection ended without a message (server gone).
    pub lost: Mutex<Option<Cause>>,
}

impl ControlState {
    fn take<T: Clone>(m: &Mutex<Option<T>>) -> Option<T> {
        m.lock().ok().and_then(|e| e.clone())
    }
}

pub struct PhaseSpec<'a> {
    pub phase: Phase,
    pub dir: Dir,
    pub streams: usize,
    pub rule: StopRule,
    pub addr: SocketAddr,
    pub server: &'a str,
    pub test: &'a str,
    pub connect_timeout: Duration,
    pub loaded_interval: Duration,
    pub stall_timeout: Duration,
    /// Congestion control for the sockets this end sends on (upload).
    pub congestion: Option<&'a str>,
    /// Median idle round trip, to tell a standing queue.
    pub idle_ms: f64,
}

pub struct PhaseResult {
    pub window: Window,
    /// Round trips after the warm-up.
    pub loaded_rtts: Vec<f64>,
    /// This end's congestion control, for an upload.
    pub congestion: Option<Outcome>,
}

impl PhaseSpec<'_> {
    fn interrupted(&self, cause: Cause) -> BandwidthError {
        BandwidthError::Interrupted {
            server: self.server.to_string(),
            phase: self.phase,
            cause,
        }
    }
}

fn open_stream(s: &PhaseSpec) -> Result<TcpStream, BandwidthError> {
    let err = |step: Step, e: std::io::Error| BandwidthError::Connect {
        server: s.server.to_string(),
        addr: s.addr.to_string(),
        step,
        cause: Cause::from_io(&e, s.connect_timeout),
    };
    let connect = Step::ConnectData(s.phase);
    let mut sock =
        TcpStream::connect_timeout(&s.addr, s.connect_timeout).map_err(|e| err(connect, e))?;
    sock.set_read_timeout(Some(TICK))
        .map_err(|e| err(Step::Setup, e))?;
    sock.set_write_timeout(Some(TICK))
        .map_err(|e| err(Step::Setup, e))?;
    protocol::send(
        &mut sock,
        &Msg::Data {
            test: s.test.to_string(),
            dir: s.dir,
        },
    )
    .map_err(|e| err(Step::DataHello(s.phase), e))?;
    Ok(sock)
}

/// Opens the streams side by side: one after another costs a round trip each.
fn open_streams(s: &PhaseSpec) -> Result<Vec<TcpStream>, BandwidthError> {
    std::thread::scope(|sc| {
        let opening: Vec<_> = (0..s.streams)
            .map(|_| sc.spawn(|| open_stream(s)))
            .collect();
        opening
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(s.interrupted(Cause::StartFailed)))
            })
            .collect()
    })
}

/// A read or write that timed out or was interrupted: try again on the next tick.
pub(super) fn transient(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        ErrorKind::WouldBlock | ErrorKind::TimedOut | ErrorKind::Interrupted
    )
}

/// Moves data on one stream until `stop`; returns why it ended early, if it did.
fn pump(mut sock: TcpStream, dir: Dir, received: &AtomicU64, stop: &AtomicBool) -> Option<Cause> {
    let mut buf = vec![0u8; CHUNK];
    let mut first = true;
    while !stop.load(Ordering::Relaxed) {
        let r = match dir {
            Dir::Download => sock.read(&mut buf),
            Dir::Upload => sock.write(&buf),
        };
        match r {
            Ok(0) => return Some(Cause::Closed),
            Ok(n) => {
                if dir == Dir::Download {
                    // The server answers a data hello it cannot take with a JSON line.
                    if first && buf[0] == b'{' {
                        let line = String::from_utf8_lossy(&buf[..n.min(300)]).into_owned();
                        return Some(match protocol::parse(line.trim_end().as_bytes()) {
                            Ok(Msg::Error { message }) => Cause::DataRefused(message),
                            _ => Cause::NotTestData,
                        });
                    }
                    received.fetch_add(n as u64, Ordering::Relaxed);
                }
                first = false;
            }
            Err(e) if transient(&e) => {}
            Err(_) if stop.load(Ordering::Relaxed) => return None,
            Err(e) => return Some(Cause::from_io(&e, TICK)),
        }
    }
    None
}

pub fn run(
    s: &PhaseSpec,
    echo: &mut Echo,
    control: &ControlState,
    progress: &mut dyn FnMut(BandwidthProgress),
    cancel: &AtomicBool,
) -> Result<PhaseResult, BandwidthError> {
    let socks = open_streams(s)?;
    let cc = (s.dir == Dir::Upload).then(|| {
        let outcomes: Vec<Outcome> = socks
            .iter()
            .map(|x| congestion::apply(x, s.congestion))
            .collect();
        outcomes.into_iter().next().unwrap_or_default()
    });
    let handles: Vec<TcpStream> = socks.iter().filter_map(|x| x.try_clone().ok()).collect();
    let received = AtomicU64::new(0);
    let stop = AtomicBool::new(false);
    let failure: Mutex<Option<Cause>> = Mutex::new(None);
    let planned = Duration::from_secs_f64(s.rule.max_warmup + s.rule.max_measure);
    // Reports that came before this phase belong to the one before.
    let mut consumed = control.reports.lock().map(|r| r.len()).unwrap_or(0);
    let t0 = Instant::now();
    let mut tracker = Tracker::new(s.rule);
    let count = Count::choose(s.dir, &handles, control);
    if matches!(count, Count::ReadHere) {
        tracker.push(0.0, 0);
    }

    let loaded: Mutex<Vec<(Duration, f64)>> = Mutex::new(Vec::new());
    let (warm_end, echo_fail) = std::thread::scope(|sc| {
        for sock in socks {
            let (received, stop, failure, dir) = (&received, &stop, &failure, s.dir);
            sc.spawn(move || {
                if let Some(why) = pump(sock, dir, received, stop)
                    && let Ok(mut f) = failure.lock()
                {
                    f.get_or_insert(why);
                }
            });
        }
        let prober = sc.spawn(|| latency::probe_until(echo, s.loaded_interval, t0, &stop, &loaded));
        let counters = Counters {
            count,
            received: &received,
            loaded: &loaded,
            failure: &failure,
            consumed: &mut consumed,
            t0,
            planned,
        };
        let r = sample_until_done(s, control, &mut tracker, counters, progress, cancel);
        stop.store(true, Ordering::Relaxed);
        for h in &handles {
            let _ = h.shutdown(Shutdown::Both);
        }
        (r, prober.join().unwrap_or_default())
    });
    let warm_end = warm_end?;
    if let Some(fail) = echo_fail {
        return Err(s.interrupted(fail.cause()));
    }
    let window = tracker
        .window()
        .ok_or_else(|| s.interrupted(Cause::NoCounts))?;
    let loaded_rtts = loaded
        .into_inner()
        .unwrap_or_default()
        .into_iter()
        .filter(|(t, _)| *t >= warm_end)
        .map(|(_, ms)| ms)
        .collect();
    Ok(PhaseResult {
        window,
        loaded_rtts,
        congestion: cc,
    })
}

/// Where a phase's byte count comes from. The sending kernel's count where it has one
/// (see `delivered`: the receiver's in-order count lags behind lost segments), else the
/// receiver's; decided once when the phase starts, so one phase never mixes two counts.
#[derive(Clone, Copy)]
enum Count<'a> {
    /// Upload: what this end's streams delivered.
    SentHere(&'a [TcpStream]),
    /// Download: what the server's streams delivered (`down_delivered` in its reports).
    SentByServer,
    /// Upload: what the server read (its reports), where this kernel does not say.
    ReadByServer,
    /// Download: what this end read, from a server that does not send its count.
    ReadHere,
}

impl<'a> Count<'a> {
    fn choose(dir: Dir, streams: &'a [TcpStream], control: &ControlState) -> Count<'a> {
        match dir {
            Dir::Upload if delivered::total(streams).is_some() => Count::SentHere(streams),
            Dir::Upload => Count::ReadByServer,
            // The reports so far (of the idle phase) say whether the server counts.
            Dir::Download => {
                let counts = control
                    .reports
                    .lock()
                    .ok()
                    .and_then(|r| r.last().map(|x| x.down_delivered.is_some()));
                match counts {
                    Some(true) => Count::SentByServer,
                    _ => Count::ReadHere,
                }
            }
        }
    }
}

/// What the sampling loop reads besides the control state.
struct Counters<'a> {
    count: Count<'a>,
    /// Bytes received by the download streams.
    received: &'a AtomicU64,
    /// Why a data stream ended early.
    failure: &'a Mutex<Option<Cause>>,
    /// Round trips so far (time since `t0`, ms).
    loaded: &'a Mutex<Vec<(Duration, f64)>>,
    /// Server reports already taken (upload).
    consumed: &'a mut usize,
    t0: Instant,
    planned: Duration,
}

/// Samples the receiver's counter every 100 ms until the tracker is done;
/// returns when (since `t0`) the warm-up ended.
fn sample_until_done(
    s: &PhaseSpec,
    control: &ControlState,
    tracker: &mut Tracker,
    c: Counters,
    progress: &mut dyn FnMut(BandwidthProgress),
    cancel: &AtomicBool,
) -> Result<Duration, BandwidthError> {
    // Bounded: the stop rule ends by `planned`; a counter that stands still
    // ends at `stall_timeout`; one more stall's worth as a backstop.
    let give_up = c.planned + s.stall_timeout + Duration::from_secs(1);
    let mut warm_end = None;
    let (mut last_count, mut last_change) = (0u64, Duration::ZERO);
    // The last ~0.6 s of the counter, for the progress line.
    let mut recent: VecDeque<(f64, u64)> = VecDeque::new();
    let mut next = c.t0;
    loop {
        if cancel.load(Ordering::Relaxed) {
            return Err(BandwidthError::Cancelled);
        }
        if let Some(m) = ControlState::take(&control.error) {
            return Err(ended_by_server(s, m));
        }
        let broken = ControlState::take(&control.lost)
            .or_else(|| c.failure.lock().ok().and_then(|f| f.clone()));
        if let Some(cause) = broken {
            // The server's own reason (a time limit, a shutdown) arrives on the
            // control connection a moment later: prefer it when it comes.
            std::thread::sleep(Duration::from_millis(300));
            if let Some(m) = ControlState::take(&control.error) {
                return Err(ended_by_server(s, m));
            }
            return Err(s.interrupted(cause));
        }
        next += SAMPLE;
        std::thread::sleep(next.saturating_duration_since(Instant::now()));
        let now = c.t0.elapsed();
        let mut readings = Vec::new();
        match c.count {
            Count::ReadHere => {
                readings.push((now.as_secs_f64(), c.received.load(Ordering::Relaxed)));
            }
            Count::SentHere(streams) => {
                if let Some(bytes) = delivered::total(streams) {
                    readings.push((now.as_secs_f64(), bytes));
                }
            }
            Count::SentByServer | Count::ReadByServer => {
                if let Ok(r) = control.reports.lock() {
                    readings.extend(r.iter().skip(*c.consumed).filter_map(|x| {
                        let bytes = match c.count {
                            Count::SentByServer => x.down_delivered,
                            _ => Some(x.up_bytes),
                        };
                        bytes.map(|b| (x.t_ms as f64 / 1000.0, b))
                    }));
                    *c.consumed = r.len().max(*c.consumed);
                }
            }
        }
        // The figure waits for the loaded latency too: a queue still filling or a
        // CUBIC sawtooth caught in part needs more time than the rate does.
        if let Some(from) = warm_end {
            let held = c
                .loaded
                .lock()
                .map(|v| !latency::loaded_settled(&v, from, now, s.idle_ms))
                .unwrap_or(false);
            tracker.hold(held);
        }
        for &(t, b) in &readings {
            tracker.push(t, b);
            recent.push_back((t, b));
            if b != last_count {
                (last_count, last_change) = (b, now);
            }
        }
        while recent.len() > 2 && recent.back().map(|x| x.0) > recent.get(1).map(|x| x.0 + 0.6) {
            recent.pop_front();
        }
        if now.saturating_sub(last_change) >= s.stall_timeout {
            let seconds = s.stall_timeout.as_secs_f64();
            return Err(s.interrupted(match s.dir {
                Dir::Download => Cause::NoData { seconds },
                Dir::Upload => Cause::NothingReceived { seconds },
            }));
        }
        let state = tracker.state();
        if state != State::WarmingUp && warm_end.is_none() {
            warm_end = Some(now);
        }
        if state == State::Done {
            return Ok(warm_end.unwrap_or(now));
        }
        if now >= give_up {
            return Err(s.interrupted(Cause::CountsStopped));
        }
        let current = recent
            .front()
            .zip(recent.back())
            .and_then(|(a, b)| stats::mbps(*a, *b));
        progress(BandwidthProgress {
            phase: s.phase,
            elapsed: now,
            planned: c.planned,
            current_mbps: current,
            warming_up: state == State::WarmingUp,
            last_rtt_ms: None,
        });
    }
}

/// The server ended the test and said why (time limit, shutdown).
fn ended_by_server(s: &PhaseSpec, message: String) -> BandwidthError {
    BandwidthError::Protocol {
        server: s.server.to_string(),
        message,
    }
}
