//! A user-space L2 delay line for the network lab (`benches/*-netlab.sh`), for kernels
//! without `sch_netem` (this machine's): every Ethernet frame that arrives on one
//! interface leaves on the other after a fixed one-way delay. Shaping and queueing stay
//! with the `tbf` qdisc on the egress side, as on a real line.
//!
//! Why not the lab's Python line: it tops out near 113 Mbit/s (one Python call per frame),
//! so a 180/40 link could not be measured. This one forwards in batches with one `ppoll`
//! per wake-up and reuses its buffers; it keeps a frame's order and adds no jitter of its
//! own beyond the timer's (tens of microseconds).
//!
//! Usage: `delayline IF_A IF_B ONE_WAY_DELAY_MS` (root, inside the router namespace).
//! Ends on SIGTERM or SIGINT and prints what it forwarded and what the qdisc dropped.
//! Linux only: on other systems it says so and exits.

#[cfg(target_os = "linux")]
fn main() {
    if let Err(e) = linux::run() {
        eprintln!("delayline: {e}");
        std::process::exit(1);
    }
}

#[cfg(not(target_os = "linux"))]
fn main() {
    eprintln!("delayline: Linux only (AF_PACKET)");
    std::process::exit(1);
}

#[cfg(target_os = "linux")]
mod linux {
    use std::collections::VecDeque;
    use std::ffi::CString;
    use std::io;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, Ordering};
    use std::time::{Duration, Instant};

    /// Largest frame on a veth without offloads (the lab turns them off), with room.
    const FRAME_MAX: usize = 65536;
    /// Frames read from one socket per wake-up before looking at the other.
    const BATCH: usize = 256;

    struct Port {
        fd: i32,
        name: String,
    }

    fn last_error(what: &str) -> io::Error {
        let e = io::Error::last_os_error();
        io::Error::new(e.kind(), format!("{what}: {e}"))
    }

    impl Port {
        fn open(name: &str) -> io::Result<Port> {
            let proto = (libc::ETH_P_ALL as u16).to_be() as i32;
            // SAFETY: plain socket calls; every result is checked.
            unsafe {
                let fd = libc::socket(
                    libc::AF_PACKET,
                    libc::SOCK_RAW | libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC,
                    proto,
                );
                if fd < 0 {
                    return Err(last_error("socket(AF_PACKET)"));
                }
                let port = Port {
                    fd,
                    name: name.to_string(),
                };
                let big: libc::c_int = 16 << 20;
                for opt in [libc::SO_RCVBUFFORCE, libc::SO_SNDBUFFORCE] {
                    libc::setsockopt(
                        fd,
                        libc::SOL_SOCKET,
                        opt,
                        (&big as *const libc::c_int).cast(),
                        std::mem::size_of::<libc::c_int>() as libc::socklen_t,
                    );
                }
                // Our own sends are not read back (Linux 4.20+); older kernels: the
                // packet type is checked on every frame as well.
                let one: libc::c_int = 1;
                libc::setsockopt(
                    fd,
                    libc::SOL_PACKET,
                    libc::PACKET_IGNORE_OUTGOING,
                    (&one as *const libc::c_int).cast(),
                    std::mem::size_of::<libc::c_int>() as libc::socklen_t,
                );
                let cname = CString::new(name)
                    .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "interface name"))?;
                let index = libc::if_nametoindex(cname.as_ptr());
                if index == 0 {
                    return Err(last_error(&format!("interface {name}")));
                }
                let mut addr: libc::sockaddr_ll = std::mem::zeroed();
                addr.sll_family = libc::AF_PACKET as u16;
                addr.sll_protocol = proto as u16;
                addr.sll_ifindex = index as i32;
                if libc::bind(
                    fd,
                    (&addr as *const libc::sockaddr_ll).cast(),
                    std::mem::size_of::<libc::sockaddr_ll>() as libc::socklen_t,
                ) != 0
                {
                    return Err(last_error(&format!("bind to {name}")));
                }
                Ok(port)
            }
        }

        /// One frame that arrived from the wire into `buf`; `None` when nothing waits.
        fn receive(&self, buf: &mut [u8]) -> io::Result<Option<usize>> {
            // SAFETY: `buf` and `addr` are valid for the lengths passed.
            unsafe {
                let mut addr: libc::sockaddr_ll = std::mem::zeroed();
                let mut len = std::mem::size_of::<libc::sockaddr_ll>() as libc::socklen_t;
                let n = libc::recvfrom(
                    self.fd,
                    buf.as_mut_ptr().cast(),
                    buf.len(),
                    0,
                    (&mut addr as *mut libc::sockaddr_ll).cast(),
                    &mut len,
                );
                if n < 0 {
                    let e = io::Error::last_os_error();
                    return match e.kind() {
                        io::ErrorKind::WouldBlock | io::ErrorKind::Interrupted => Ok(None),
                        _ => Err(e),
                    };
                }
                if addr.sll_pkttype == libc::PACKET_OUTGOING {
                    return Ok(Some(0));
                }
                Ok(Some(n as usize))
            }
        }

        /// Sends one frame; `Ok(false)` when the egress qdisc dropped it (its queue is full,
        /// as a real line's would be).
        fn send(&self, frame: &[u8]) -> io::Result<bool> {
            // SAFETY: `frame` is valid for its length.
            let n = unsafe { libc::send(self.fd, frame.as_ptr().cast(), frame.len(), 0) };
            if n >= 0 {
                return Ok(true);
            }
            let e = io::Error::last_os_error();
            match e.raw_os_error() {
                Some(libc::ENOBUFS) | Some(libc::EAGAIN) => Ok(false),
                _ => Err(io::Error::new(
                    e.kind(),
                    format!("send on {}: {e}", self.name),
                )),
            }
        }
    }

    /// Frames of one direction waiting for their time, and spare buffers to reuse.
    #[derive(Default)]
    struct Line {
        waiting: VecDeque<(Instant, Vec<u8>)>,
        spare: Vec<Vec<u8>>,
        forwarded: u64,
        dropped: u64,
    }

    impl Line {
        fn buffer(&mut self) -> Vec<u8> {
            self.spare.pop().unwrap_or_else(|| vec![0; FRAME_MAX])
        }

        /// Reads what `from` has (at most a batch) into the line, due `delay` from now.
        fn take_in(&mut self, from: &Port, delay: Duration) -> io::Result<()> {
            for _ in 0..BATCH {
                let mut buf = self.buffer();
                buf.resize(FRAME_MAX, 0);
                match from.receive(&mut buf)? {
                    None => {
                        self.spare.push(buf);
                        return Ok(());
                    }
                    Some(0) => self.spare.push(buf),
                    Some(n) => {
                        buf.truncate(n);
                        self.waiting.push_back((Instant::now() + delay, buf));
                    }
                }
            }
            Ok(())
        }

        /// Sends every frame whose time has come to `to`.
        fn give_out(&mut self, to: &Port) -> io::Result<()> {
            let now = Instant::now();
            while self.waiting.front().is_some_and(|(due, _)| *due <= now) {
                let Some((_, frame)) = self.waiting.pop_front() else {
                    break;
                };
                if to.send(&frame)? {
                    self.forwarded += 1;
                } else {
                    self.dropped += 1;
                }
                self.spare.push(frame);
            }
            Ok(())
        }

        fn next_due(&self) -> Option<Instant> {
            self.waiting.front().map(|(due, _)| *due)
        }
    }

    pub fn run() -> io::Result<()> {
        let args: Vec<String> = std::env::args().skip(1).collect();
        let [a, b, ms] = args.as_slice() else {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "usage: delayline IF_A IF_B ONE_WAY_DELAY_MS",
            ));
        };
        let ms: f64 = ms
            .parse()
            .ok()
            .filter(|m: &f64| m.is_finite() && *m >= 0.0 && *m <= 10_000.0)
            .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "delay: 0 to 10000 ms"))?;
        let delay = Duration::from_secs_f64(ms / 1000.0);
        let ports = [Port::open(a)?, Port::open(b)?];
        let stop = Arc::new(AtomicBool::new(false));
        for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT] {
            signal_hook::flag::register(sig, stop.clone())?;
        }
        // lines[0]: from a to b; lines[1]: from b to a.
        let mut lines = [Line::default(), Line::default()];
        while !stop.load(Ordering::Relaxed) {
            let due = lines.iter().filter_map(Line::next_due).min();
            let wait = due.map(|d| d.saturating_duration_since(Instant::now()));
            let mut fds = [
                libc::pollfd {
                    fd: ports[0].fd,
                    events: libc::POLLIN,
                    revents: 0,
                },
                libc::pollfd {
                    fd: ports[1].fd,
                    events: libc::POLLIN,
                    revents: 0,
                },
            ];
            let ts = wait.map(|w| libc::timespec {
                tv_sec: w.as_secs() as libc::time_t,
                tv_nsec: w.subsec_nanos() as libc::c_long,
            });
            // SAFETY: two valid pollfds; the timespec lives across the call.
            let rc = unsafe {
                libc::ppoll(
                    fds.as_mut_ptr(),
                    2,
                    ts.as_ref().map_or(std::ptr::null(), |t| t as *const _),
                    std::ptr::null(),
                )
            };
            if rc < 0 {
                let e = io::Error::last_os_error();
                if e.kind() == io::ErrorKind::Interrupted {
                    continue;
                }
                return Err(e);
            }
            for (i, fd) in fds.iter().enumerate() {
                if fd.revents & libc::POLLIN != 0 {
                    lines[i].take_in(&ports[i], delay)?;
                }
            }
            lines[0].give_out(&ports[1])?;
            lines[1].give_out(&ports[0])?;
        }
        for (i, l) in lines.iter().enumerate() {
            let (from, to) = if i == 0 { (a, b) } else { (b, a) };
            eprintln!(
                "delayline: {from} -> {to}: {} frames forwarded, {} dropped by the qdisc, {} still waiting",
                l.forwarded,
                l.dropped,
                l.waiting.len()
            );
        }
        Ok(())
    }
}
