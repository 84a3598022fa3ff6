//! Round trips over an echo connection to the server (TCP, Nagle off). A TCP
//! echo needs no privileges, unlike ICMP, and goes where the data goes.

use super::phase::transient;
use super::protocol::{self, Msg};
use super::stats;
use super::text::Cause;
use std::collections::VecDeque;
use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

/// A reply later than this is recorded as this long (loaded) or ends the test (idle).
pub const REPLY_LIMIT: Duration = Duration::from_secs(2);
/// Reads wake up this often to look at the stop flag.
const SLICE: Duration = Duration::from_millis(100);

pub struct Echo {
    sock: TcpStream,
    seq: u64,
    /// Bytes read but not yet matched to a probe (replies are 8 bytes each).
    pending: Vec<u8>,
}

/// Why a round trip has no figure.
#[derive(Debug)]
pub enum EchoFail {
    /// The server closed the echo connection.
    Closed,
    /// Reset, broken pipe and the like.
    Broken(io::Error),
    /// No reply within the limit (the reply may still come; later probes skip it).
    TimedOut,
    /// The caller's stop flag was raised while waiting.
    Stopped,
    /// The server answered with an error message instead of an echo.
    Server(String),
}

impl EchoFail {
    /// What happened, for a message that then names the phase.
    pub fn cause(&self) -> Cause {
        match self {
            EchoFail::Closed | EchoFail::Stopped => Cause::Closed,
            EchoFail::Broken(e) => Cause::from_io(e, REPLY_LIMIT),
            EchoFail::TimedOut => Cause::EchoTimeout {
                seconds: REPLY_LIMIT.as_secs_f64(),
            },
            EchoFail::Server(m) => Cause::EchoRefused(m.clone()),
        }
    }
}

impl Echo {
    /// Opens the echo connection and makes one round trip, which is not
    /// counted: it carries the server's accept and thread start-up.
    pub fn open(addr: SocketAddr, test: &str, timeout: Duration) -> Result<Echo, EchoFail> {
        let mut sock = TcpStream::connect_timeout(&addr, timeout).map_err(EchoFail::Broken)?;
        sock.set_nodelay(true).map_err(EchoFail::Broken)?;
        sock.set_write_timeout(Some(REPLY_LIMIT))
            .map_err(EchoFail::Broken)?;
        protocol::send(
            &mut sock,
            &Msg::Echo {
                test: test.to_string(),
            },
        )
        .map_err(EchoFail::Broken)?;
        let mut echo = Echo {
            sock,
            seq: 0,
            pending: Vec::new(),
        };
        echo.rtt_ms(timeout.max(REPLY_LIMIT), &AtomicBool::new(false))?;
        Ok(echo)
    }

    /// One round trip in milliseconds, waiting at most `limit`. Replies to
    /// earlier, timed-out probes are skipped by their sequence number.
    pub fn rtt_ms(&mut self, limit: Duration, stop: &AtomicBool) -> Result<f64, EchoFail> {
        let t = Instant::now();
        let seq = self.send()?;
        loop {
            while let Some(reply) = self.next_reply()? {
                if reply == seq {
                    return Ok(t.elapsed().as_secs_f64() * 1000.0);
                }
            }
            let left = limit.saturating_sub(t.elapsed());
            if left.is_zero() {
                return Err(EchoFail::TimedOut);
            }
            if stop.load(Ordering::Relaxed) {
                return Err(EchoFail::Stopped);
            }
            self.receive(left.min(SLICE))?;
        }
    }

    /// Sends the next probe and returns its sequence number.
    fn send(&mut self) -> Result<u64, EchoFail> {
        self.seq += 1;
        self.sock
            .write_all(&self.seq.to_be_bytes())
            .map_err(write_failure)?;
        Ok(self.seq)
    }

    /// The sequence number of the next whole reply already read, if any.
    fn next_reply(&mut self) -> Result<Option<u64>, EchoFail> {
        if self.pending.first() == Some(&b'{') {
            return Err(self.server_message());
        }
        if self.pending.len() < 8 {
            return Ok(None);
        }
        let mut b = [0u8; 8];
        b.copy_from_slice(&self.pending[..8]);
        self.pending.drain(..8);
        Ok(Some(u64::from_be_bytes(b)))
    }

    /// Reads what has arrived, waiting at most `wait` for something to.
    fn receive(&mut self, wait: Duration) -> Result<(), EchoFail> {
        self.sock
            .set_read_timeout(Some(wait.max(Duration::from_millis(1))))
            .map_err(EchoFail::Broken)?;
        let mut buf = [0u8; 512];
        match self.sock.read(&mut buf) {
            Ok(0) => Err(EchoFail::Closed),
            Ok(n) if self.pending.len() < 4096 => {
                self.pending.extend_from_slice(&buf[..n]);
                Ok(())
            }
            Ok(_) => Err(EchoFail::Server("echo replies out of step".into())),
            Err(e) if transient(&e) => Ok(()),
            Err(e) => Err(EchoFail::Broken(e)),
        }
    }

    /// The rest of a JSON line the server sent instead of echoing (bounded).
    fn server_message(&mut self) -> EchoFail {
        let mut buf = [0u8; 256];
        let _ = self.sock.set_read_timeout(Some(SLICE));
        while !self.pending.contains(&b'\n') && self.pending.len() < protocol::MAX_LINE {
            match self.sock.read(&mut buf) {
                Ok(n) if n > 0 => self.pending.extend_from_slice(&buf[..n]),
                _ => break,
            }
        }
        let end = self
            .pending
            .iter()
            .position(|b| *b == b'\n')
            .unwrap_or(self.pending.len());
        match protocol::parse(&self.pending[..end]) {
            Ok(Msg::Error { message }) => EchoFail::Server(message),
            _ => EchoFail::Server("unexpected reply to a latency probe".into()),
        }
    }
}

/// A write that timed out is a reply that did not come; anything else broke the connection.
fn write_failure(e: io::Error) -> EchoFail {
    if transient(&e) {
        EchoFail::TimedOut
    } else if matches!(
        e.kind(),
        io::ErrorKind::BrokenPipe | io::ErrorKind::ConnectionReset
    ) {
        EchoFail::Closed
    } else {
        EchoFail::Broken(e)
    }
}

/// Probes every `interval` until `stop`, adding (time sent since `t0`, rtt ms)
/// to `out` in the order sent (the phase watches them settle). Like ping, a
/// probe goes out on time whether or not the ones before it were answered:
/// waiting for each reply took a sample only every round trip, so the deep
/// part of a filling queue got fewer samples than the shallow part and the
/// median read low (286 ms where ping saw 335 ms on a 500 ms modem queue).
/// A reply slower than [`REPLY_LIMIT`] is kept as that limit (a lower bound:
/// leaving it out would hide the worst queueing); a closed or broken
/// connection ends the sampling with its cause.
pub fn probe_until(
    echo: &mut Echo,
    interval: Duration,
    t0: Instant,
    stop: &AtomicBool,
    out: &Mutex<Vec<(Duration, f64)>>,
) -> Option<EchoFail> {
    let limit_ms = REPLY_LIMIT.as_secs_f64() * 1000.0;
    let push = |sent: Instant, ms: f64| {
        if let Ok(mut v) = out.lock() {
            v.push((sent.saturating_duration_since(t0), ms));
        }
    };
    // Probes in flight, oldest first. TCP answers them in order.
    let mut in_flight: VecDeque<(u64, Instant)> = VecDeque::new();
    let mut next = Instant::now();
    // Bounded by the phase length (stop) and by a count of wake-ups (a few per probe).
    for _ in 0..100_000 {
        if stop.load(Ordering::Relaxed) {
            break;
        }
        let now = Instant::now();
        if now >= next {
            match echo.send() {
                Ok(seq) => in_flight.push_back((seq, now)),
                Err(EchoFail::TimedOut) => push(now, limit_ms),
                Err(e) => return Some(e),
            }
            next = (next + interval).max(Instant::now());
        }
        loop {
            match echo.next_reply() {
                Ok(Some(reply)) => {
                    // An older reply belongs to a probe already counted at the limit.
                    while let Some(&(seq, sent)) = in_flight.front() {
                        if seq > reply {
                            break;
                        }
                        in_flight.pop_front();
                        if seq == reply {
                            push(sent, sent.elapsed().as_secs_f64() * 1000.0);
                        }
                    }
                }
                Ok(None) => break,
                Err(e) => return Some(e),
            }
        }
        while let Some(&(_, sent)) = in_flight.front() {
            if sent.elapsed() < REPLY_LIMIT {
                break;
            }
            in_flight.pop_front();
            push(sent, limit_ms);
        }
        let wait = next.saturating_duration_since(Instant::now()).min(SLICE);
        if let Err(e) = echo.receive(wait) {
            return Some(e);
        }
    }
    None
}

/// Whether the median round trip since `from` has settled: it moved at most
/// 10 % (or 5 ms) when the last `lookback` is left out. Under load a CUBIC
/// queue fills and drains in a sawtooth of several seconds; a figure from a
/// part of it would misstate the bufferbloat users feel.
fn settled(samples: &[(Duration, f64)], from: Duration, now: Duration, lookback: Duration) -> bool {
    let after: Vec<(Duration, f64)> = samples
        .iter()
        .copied()
        .filter(|(t, _)| *t >= from)
        .collect();
    let all: Vec<f64> = after.iter().map(|x| x.1).collect();
    let before: Vec<f64> = after
        .iter()
        .filter(|(t, _)| *t + lookback <= now)
        .map(|x| x.1)
        .collect();
    if before.len() < 5 {
        return false;
    }
    match (stats::median(&all), stats::median(&before)) {
        (Some(a), Some(b)) => (a - b).abs() <= (0.1 * a).max(5.0),
        _ => false,
    }
}

/// A queue this much deeper than idle (ms) fills and drains in a CUBIC sawtooth of
/// several seconds: such a phase runs its whole window (`--seconds`) before its loaded
/// latency counts. A 50 ms modem buffer stays under it: in the lab's 50 ms cases the 90th
/// percentile of ping under iperf3's load was at most idle + 49 ms at any moment after
/// the warm-up. Holding those too made a run on a stable link last 15 s.
const DEEP_QUEUE_MS: f64 = 75.0;

/// The loaded latency has settled; with a queue of more than `DEEP_QUEUE_MS` over idle,
/// never before the window's bound: once HyStart has left slow start, CUBIC fills a
/// 500 ms queue at about 50 ms a second (ping beside our download: 64 ms at 1.5 s,
/// 525 ms at 11 s, then a sawtooth between 390 and 525 ms), so a figure taken after
/// 6 s would hold only the low part. The full queue is the bufferbloat users feel.
/// Depth is judged on the 90th percentile, not the median: a queue that fills slowly
/// keeps its median low for seconds. One lab run on a 500 ms queue stopped at 3 s with
/// a median of idle + 99 ms (the bound was then the median over idle + 100) and reported
/// 120 ms where its other runs read 364-379.
pub fn loaded_settled(
    samples: &[(Duration, f64)],
    from: Duration,
    now: Duration,
    idle_ms: f64,
) -> bool {
    if !settled(samples, from, now, Duration::from_millis(1500)) {
        return false;
    }
    let after: Vec<f64> = samples
        .iter()
        .filter(|(t, _)| *t >= from)
        .map(|x| x.1)
        .collect();
    let deep = stats::percentile(&after, 0.9).is_some_and(|p| p > idle_ms + DEEP_QUEUE_MS);
    !deep
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(f: impl Fn(f64) -> f64, until: f64) -> Vec<(Duration, f64)> {
        (0..)
            .map(|i| i as f64 * 0.2)
            .take_while(|t| *t <= until)
            .map(|t| (Duration::from_secs_f64(t), f(t)))
            .collect()
    }

    #[test]
    fn a_flat_loaded_latency_settles_and_a_rising_queue_does_not() {
        let s = |v: &[(Duration, f64)], now: f64| {
            settled(
                v,
                Duration::from_secs(1),
                Duration::from_secs_f64(now),
                Duration::from_millis(1500),
            )
        };
        assert!(s(&series(|_| 40.0, 4.0), 4.0));
        // A queue still filling: 100 ms more every second.
        assert!(!s(&series(|t| 40.0 + 100.0 * t, 4.0), 4.0));
        // Too few samples after the warm-up to say.
        assert!(!s(&series(|_| 40.0, 2.0), 2.0));
    }

    fn loaded_settled_at(samples: &[(Duration, f64)], now: f64) -> bool {
        let (from, now) = (Duration::from_secs(1), Duration::from_secs_f64(now));
        loaded_settled(samples, from, now, 20.0)
    }

    #[test]
    fn a_full_50_ms_buffer_settles_as_soon_as_it_is_flat() {
        let fifty = series(|t| 62.0 + 8.0 * (t * 3.0).sin(), 4.0);
        assert!(loaded_settled_at(&fifty, 4.0));
    }

    #[test]
    fn a_deep_queue_whose_median_is_still_low_does_not_settle() {
        // The shape of the lab run that stopped early (only its summary was kept): flat
        // for a while near idle + 80 ms, then the queue going on filling; its median
        // stays under idle + 100 ms, the old bound.
        let slow = series(
            |t| {
                if t < 3.2 {
                    100.0
                } else {
                    100.0 + 30.0 * (t - 3.2)
                }
            },
            4.0,
        );
        let after: Vec<f64> = slow
            .iter()
            .filter(|x| x.0 >= Duration::from_secs(1))
            .map(|x| x.1)
            .collect();
        assert!(stats::median(&after).is_some_and(|m| m < 120.0));
        assert!(settled(
            &slow,
            Duration::from_secs(1),
            Duration::from_secs(4),
            Duration::from_millis(1500)
        ));
        assert!(!loaded_settled_at(&slow, 4.0));
    }

    use std::io::{BufRead, BufReader};
    use std::net::TcpListener;
    use std::sync::mpsc;

    /// An echo server on loopback that answers every probe `delay` after it came,
    /// like a deep queue does, however many are in flight.
    fn slow_echo_server(delay: Duration) -> SocketAddr {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        std::thread::spawn(move || {
            let (sock, _) = listener.accept().unwrap();
            let mut reader = BufReader::new(sock.try_clone().unwrap());
            let mut hello = String::new();
            reader.read_line(&mut hello).unwrap();
            let (tx, rx) = mpsc::channel::<(Instant, [u8; 8])>();
            let mut writer = sock;
            std::thread::spawn(move || {
                for (due, probe) in rx {
                    std::thread::sleep(due.saturating_duration_since(Instant::now()));
                    if writer.write_all(&probe).is_err() {
                        return;
                    }
                }
            });
            let mut probe = [0u8; 8];
            while reader.read_exact(&mut probe).is_ok() {
                if tx.send((Instant::now() + delay, probe)).is_err() {
                    return;
                }
            }
        });
        addr
    }

    #[test]
    fn probes_go_out_on_time_while_earlier_ones_are_still_queued() {
        let delay = Duration::from_millis(300);
        let addr = slow_echo_server(delay);
        let mut echo = Echo::open(addr, "t", Duration::from_secs(2)).unwrap();
        let (stop, out) = (AtomicBool::new(false), Mutex::new(Vec::new()));
        let t0 = Instant::now();
        std::thread::scope(|sc| {
            let prober =
                sc.spawn(|| probe_until(&mut echo, Duration::from_millis(50), t0, &stop, &out));
            std::thread::sleep(Duration::from_millis(1300));
            stop.store(true, Ordering::Relaxed);
            assert!(prober.join().unwrap().is_none());
        });
        let samples = out.into_inner().unwrap();
        // 1.3 s at 50 ms, less the last 300 ms still in flight: about 20. Waiting
        // for each reply before the next probe would give 4.
        assert!(samples.len() >= 15, "{} samples", samples.len());
        assert!(
            samples.windows(2).all(|w| w[0].0 < w[1].0),
            "in the order sent"
        );
        for (_, ms) in &samples {
            assert!((299.0..600.0).contains(ms), "{ms} ms for a 300 ms queue");
        }
    }
}
