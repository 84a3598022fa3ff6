//! One throughput phase: N data streams for warm-up + measured time, the
//! byte counter sampled every 100 ms at the receiver, round trips on the echo
//! connection alongside.

use super::latency::{self, Echo};
use super::protocol::{self, Dir, Msg};
use super::stats;
use super::{BandwidthError, BandwidthProgress, Phase};
use std::io::{ErrorKind, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

const CHUNK: usize = 128 * 1024;
const TICK: Duration = Duration::from_millis(250);

/// A byte-count report from the server, with when it arrived here.
#[derive(Debug, Clone, Copy)]
pub struct Report {
    pub arrived: Instant,
    pub t_ms: u64,
    pub up_bytes: u64,
}

/// What the client's control reader collects.
#[derive(Default)]
pub struct ControlState {
    pub reports: Mutex<Vec<Report>>,
    pub error: Mutex<Option<String>>,
}

pub struct PhaseSpec<'a> {
    pub phase: Phase,
    pub dir: Dir,
    pub streams: usize,
    pub warmup: Duration,
    pub measure: Duration,
    pub addr: SocketAddr,
    pub server: &'a str,
    pub test: &'a str,
    pub connect_timeout: Duration,
    pub loaded_interval: Duration,
}

pub struct PhaseResult {
    pub mbps: f64,
    /// Round trips after the warm-up.
    pub loaded_rtts: Vec<f64>,
}

fn open_stream(s: &PhaseSpec) -> Result<TcpStream, BandwidthError> {
    let err = |what: &str, e: std::io::Error| BandwidthError::Connect {
        server: s.server.to_string(),
        addr: s.addr.to_string(),
        what: what.to_string(),
        source: e,
    };
    let mut sock = TcpStream::connect_timeout(&s.addr, s.connect_timeout)
        .map_err(|e| err("connect (data)", e))?;
    sock.set_read_timeout(Some(TICK))
        .map_err(|e| err("socket setup", e))?;
    sock.set_write_timeout(Some(TICK))
        .map_err(|e| err("socket setup", e))?;
    protocol::send(
        &mut sock,
        &Msg::Data {
            test: s.test.to_string(),
            dir: s.dir,
        },
    )
    .map_err(|e| err("data hello", e))?;
    Ok(sock)
}

/// A read or write that timed out or was interrupted: try again on the next tick.
pub(super) fn transient(e: &std::io::Error) -> bool {
    matches!(
        e.kind(),
        ErrorKind::WouldBlock | ErrorKind::TimedOut | ErrorKind::Interrupted
    )
}

pub fn run(
    s: &PhaseSpec,
    echo: &mut Echo,
    control: &ControlState,
    progress: &mut dyn FnMut(BandwidthProgress),
    cancel: &AtomicBool,
) -> Result<PhaseResult, BandwidthError> {
    let socks = (0..s.streams)
        .map(|_| open_stream(s))
        .collect::<Result<Vec<_>, _>>()?;
    let handles: Vec<TcpStream> = socks.iter().filter_map(|x| x.try_clone().ok()).collect();
    let received = AtomicU64::new(0);
    let stop = AtomicBool::new(false);
    let planned = s.warmup + s.measure;
    let t0 = Instant::now();
    let mut samples: Vec<(f64, u64)> = Vec::new();

    let (outcome, loaded) = std::thread::scope(|sc| {
        for mut sock in socks {
            let (received, stop, dir) = (&received, &stop, s.dir);
            sc.spawn(move || {
                let mut buf = vec![0u8; CHUNK];
                while !stop.load(Ordering::Relaxed) {
                    let r = match dir {
                        Dir::Download => sock.read(&mut buf),
                        Dir::Upload => sock.write(&buf),
                    };
                    match r {
                        Ok(0) => break,
                        Ok(n) => {
                            if dir == Dir::Download {
                                received.fetch_add(n as u64, Ordering::Relaxed);
                            }
                        }
                        Err(e) if transient(&e) => {}
                        Err(_) => break,
                    }
                }
            });
        }
        let prober = sc.spawn(|| latency::probe_until(echo, s.loaded_interval, t0, &stop));

        // Sample the receiver's counter every 100 ms until the phase is over.
        let mut outcome = Ok(());
        let mut next = t0;
        while t0.elapsed() < planned {
            if cancel.load(Ordering::Relaxed) {
                outcome = Err(BandwidthError::Cancelled);
                break;
            }
            if let Some(m) = control.error.lock().ok().and_then(|e| e.clone()) {
                outcome = Err(BandwidthError::Protocol {
                    server: s.server.to_string(),
                    message: m,
                });
                break;
            }
            next += Duration::from_millis(100);
            std::thread::sleep(next.saturating_duration_since(Instant::now()));
            let now = t0.elapsed();
            samples.push((now.as_secs_f64(), received.load(Ordering::Relaxed)));
            let current = match s.dir {
                Dir::Download => {
                    let back = samples.len().saturating_sub(6);
                    stats::mbps(samples[back], samples[samples.len() - 1])
                }
                Dir::Upload => server_window(
                    control,
                    t0,
                    now.saturating_sub(Duration::from_millis(600)),
                    now,
                ),
            };
            progress(BandwidthProgress {
                phase: s.phase,
                elapsed: now,
                planned,
                current_mbps: current,
                warming_up: now < s.warmup,
                last_rtt_ms: None,
            });
        }
        stop.store(true, Ordering::Relaxed);
        for h in &handles {
            let _ = h.shutdown(Shutdown::Both);
        }
        (outcome, prober.join().unwrap_or_default())
    });
    outcome?;
    let end = t0.elapsed();
    let mbps = match s.dir {
        Dir::Download => {
            let w = s.warmup.as_secs_f64();
            let first = samples.iter().find(|x| x.0 >= w).copied();
            first
                .zip(samples.last().copied())
                .and_then(|(a, b)| stats::mbps(a, b))
        }
        Dir::Upload => server_window(control, t0, s.warmup, end),
    };
    let mbps = mbps.ok_or_else(|| BandwidthError::Protocol {
        server: s.server.to_string(),
        message: format!(
            "no byte counts in the measured window of the {:?} phase",
            s.phase
        ),
    })?;
    let loaded_rtts = loaded
        .into_iter()
        .filter(|(t, _)| *t >= s.warmup)
        .map(|(_, ms)| ms)
        .collect();
    Ok(PhaseResult { mbps, loaded_rtts })
}

/// Upload rate from the server's reports that arrived between `from` and `to`
/// (since `t0`), timed by the server's own clock.
fn server_window(control: &ControlState, t0: Instant, from: Duration, to: Duration) -> Option<f64> {
    let reports = control.reports.lock().ok()?;
    let inside: Vec<&Report> = reports
        .iter()
        .filter(|r| {
            let at = r.arrived.saturating_duration_since(t0);
            r.arrived >= t0 && at >= from && at <= to
        })
        .collect();
    let (a, b) = (inside.first()?, inside.last()?);
    stats::mbps(
        (a.t_ms as f64 / 1000.0, a.up_bytes),
        (b.t_ms as f64 / 1000.0, b.up_bytes),
    )
}
