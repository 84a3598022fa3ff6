//! Round trips over an echo connection to the server (TCP, Nagle off). A TCP
//! echo needs no privileges, unlike ICMP, and goes where the data goes.

use super::protocol::{self, Msg};
use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

pub struct Echo {
    sock: TcpStream,
    seq: u64,
}

impl Echo {
    pub fn open(addr: SocketAddr, test: &str, timeout: Duration) -> io::Result<Echo> {
        let mut sock = TcpStream::connect_timeout(&addr, timeout)?;
        sock.set_nodelay(true)?;
        sock.set_read_timeout(Some(Duration::from_secs(2)))?;
        sock.set_write_timeout(Some(Duration::from_secs(2)))?;
        protocol::send(
            &mut sock,
            &Msg::Echo {
                test: test.to_string(),
            },
        )?;
        Ok(Echo { sock, seq: 0 })
    }

    /// One round trip in milliseconds. Replies to earlier, timed-out probes
    /// are skipped by their sequence number.
    pub fn rtt_ms(&mut self) -> io::Result<f64> {
        self.seq += 1;
        let t = Instant::now();
        self.sock.write_all(&self.seq.to_be_bytes())?;
        // At most a few stale replies can be in the pipe; bound the skipping.
        for _ in 0..64 {
            let mut b = [0u8; 8];
            self.sock.read_exact(&mut b)?;
            if u64::from_be_bytes(b) == self.seq {
                return Ok(t.elapsed().as_secs_f64() * 1000.0);
            }
        }
        Err(io::Error::new(
            io::ErrorKind::InvalidData,
            "echo replies out of step",
        ))
    }
}

/// Probes every `interval` until `stop`; returns (time since `t0`, rtt ms).
pub fn probe_until(
    echo: &mut Echo,
    interval: Duration,
    t0: Instant,
    stop: &AtomicBool,
) -> Vec<(Duration, f64)> {
    let mut out = Vec::new();
    // Bounded by the phase length (stop) and by a sample cap.
    while !stop.load(Ordering::Relaxed) && out.len() < 10_000 {
        let sent = t0.elapsed();
        match echo.rtt_ms() {
            Ok(ms) => out.push((sent, ms)),
            Err(_) => break,
        }
        let next = t0 + sent + interval;
        while !stop.load(Ordering::Relaxed) && Instant::now() < next {
            std::thread::sleep(
                Duration::from_millis(10).min(next.saturating_duration_since(Instant::now())),
            );
        }
    }
    out
}
