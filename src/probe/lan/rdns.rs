//! Reverse DNS with a deadline: getnameinfo() (libc) can block for seconds when
//! no resolver answers, so lookups run on their own threads and whatever has
//! not answered by the deadline is left without a name.

use std::collections::HashMap;
use std::net::Ipv4Addr;
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// At most this many lookups (threads) per scan.
const MAX_LOOKUPS: usize = 256;

type Answer = (Ipv4Addr, Option<String>);

/// Lookups started while the sweep runs (as soon as a host answers), so
/// that they overlap with it, and collected with a deadline at the end.
pub struct Resolver {
    tx: mpsc::Sender<Answer>,
    rx: mpsc::Receiver<Answer>,
    started: usize,
    last_start: Option<Instant>,
}

impl Resolver {
    pub fn new() -> Resolver {
        let (tx, rx) = mpsc::channel();
        Resolver {
            tx,
            rx,
            started: 0,
            last_start: None,
        }
    }

    pub fn start(&mut self, a: Ipv4Addr) {
        if self.started >= MAX_LOOKUPS {
            return;
        }
        let tx = self.tx.clone();
        // Detached on purpose: a lookup stuck in the resolver must not hold up
        // the scan; it ends by itself when the resolver gives up.
        let spawned = std::thread::Builder::new()
            .name("rdns".into())
            .stack_size(128 * 1024)
            .spawn(move || {
                let _ = tx.send((a, lookup(a)));
            });
        if spawned.is_ok() {
            self.started += 1;
            self.last_start = Some(Instant::now());
        }
    }

    /// Names that arrived; waits at most `timeout` after the last lookup
    /// started (and never more than `timeout` from now).
    pub fn finish(self, timeout: Duration) -> HashMap<Ipv4Addr, String> {
        let Resolver {
            tx,
            rx,
            started,
            last_start,
        } = self;
        drop(tx);
        let now = Instant::now();
        let deadline = last_start.map_or(now, |t| (t + timeout).min(now + timeout));
        let mut out = HashMap::new();
        for _ in 0..started {
            let left = deadline.saturating_duration_since(Instant::now());
            match rx.recv_timeout(left) {
                Ok((a, Some(name))) => {
                    out.insert(a, name);
                }
                Ok((_, None)) => {}
                Err(_) => break,
            }
        }
        out
    }
}

#[cfg(test)]
fn lookup_all(addrs: &[Ipv4Addr], timeout: Duration) -> HashMap<Ipv4Addr, String> {
    let mut r = Resolver::new();
    for &a in addrs {
        r.start(a);
    }
    r.finish(timeout)
}

#[cfg(unix)]
pub fn lookup(a: Ipv4Addr) -> Option<String> {
    // SAFETY: sockaddr_in is plain data, zeroed then filled; getnameinfo
    // writes at most `host.len()` bytes into `host` and NUL-terminates it.
    unsafe {
        let mut sa: libc::sockaddr_in = std::mem::zeroed();
        sa.sin_family = libc::AF_INET as libc::sa_family_t;
        sa.sin_addr = libc::in_addr {
            s_addr: u32::from(a).to_be(),
        };
        let mut host = [0 as libc::c_char; 1025];
        let rc = libc::getnameinfo(
            (&sa as *const libc::sockaddr_in).cast::<libc::sockaddr>(),
            std::mem::size_of::<libc::sockaddr_in>() as libc::socklen_t,
            host.as_mut_ptr(),
            host.len() as libc::socklen_t,
            std::ptr::null_mut(),
            0,
            libc::NI_NAMEREQD,
        );
        if rc != 0 {
            return None;
        }
        let name = std::ffi::CStr::from_ptr(host.as_ptr())
            .to_string_lossy()
            .into_owned();
        (!name.is_empty()).then_some(name)
    }
}

#[cfg(not(unix))]
pub fn lookup(_a: Ipv4Addr) -> Option<String> {
    // Windows: not wired (would need ws2_32 GetNameInfoW); hosts keep no name.
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loopback_resolves_or_times_out_quickly() {
        let t = Instant::now();
        let m = lookup_all(&[Ipv4Addr::LOCALHOST], Duration::from_millis(1500));
        assert!(t.elapsed() < Duration::from_millis(1700));
        // /etc/hosts normally names 127.0.0.1; if it does, the name is not numeric.
        if let Some(n) = m.get(&Ipv4Addr::LOCALHOST) {
            assert!(n.parse::<Ipv4Addr>().is_err(), "{n}");
        }
    }
}
