//! The measuring server. Stores nothing, forwards nothing: it sends zeros for
//! download, counts and discards upload bytes, and echoes latency probes.
//! Bounded: tests at once, streams per test, test length, handshake time.

use super::ServerOptions;
use super::congestion;
use super::delivered;
use super::phase::transient;
use super::protocol::{self, Dir, Msg};
use std::collections::HashMap;
use std::io::{self, ErrorKind, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How often blocked reads/writes wake up to look at the stop flags.
const TICK: Duration = Duration::from_millis(250);
const CHUNK: usize = 128 * 1024;

struct Test {
    started: Instant,
    deadline: Instant,
    up_bytes: AtomicU64,
    /// The download streams (clones), whose kernel says what the client has received.
    down_socks: Mutex<Vec<TcpStream>>,
    stop: AtomicBool,
    /// Data + echo connections, bounded per test.
    conns: AtomicUsize,
    /// Congestion control for the download streams, as the client asked.
    congestion: Option<String>,
    /// The client counts its upload itself (said in its hello).
    counts_upload: bool,
    /// Download streams sending now.
    downloading: AtomicUsize,
}

impl Test {
    /// How often the control connection carries a byte report. Every 100 ms while the
    /// client needs the counts; else once a second, because each report costs an ACK
    /// on the client's uplink: ten a second took 0.5 % of a 1 Mbit/s upload from the
    /// figure the client measured.
    fn report_every(&self) -> Duration {
        if !self.counts_upload || self.downloading.load(Ordering::Relaxed) > 0 {
            Duration::from_millis(100)
        } else {
            Duration::from_secs(1)
        }
    }

    fn over(&self, global: &AtomicBool) -> bool {
        self.stop.load(Ordering::Relaxed)
            || global.load(Ordering::Relaxed)
            || Instant::now() >= self.deadline
    }
}

struct Shared {
    opts: ServerOptions,
    tests: Mutex<HashMap<String, Arc<Test>>>,
    live: AtomicUsize,
    next_id: AtomicU64,
}

/// Decrements the live-connection count however the handler ends.
struct LiveGuard<'a>(&'a AtomicUsize);
impl Drop for LiveGuard<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::Relaxed);
    }
}

pub fn serve(listen: SocketAddr, opts: &ServerOptions, stop: &AtomicBool) -> io::Result<()> {
    let listener = TcpListener::bind(listen)?;
    serve_on(listener, opts, stop)
}

/// Like [`serve`] on a listener the caller bound (tests bind port 0 first).
pub fn serve_on(listener: TcpListener, opts: &ServerOptions, stop: &AtomicBool) -> io::Result<()> {
    listener.set_nonblocking(true)?;
    let shared = Shared {
        opts: opts.clone(),
        tests: Mutex::new(HashMap::new()),
        live: AtomicUsize::new(0),
        next_id: AtomicU64::new(1),
    };
    // A hard cap on connections overall: every test's streams plus slack.
    let max_live = opts.max_clients.saturating_mul(2 * opts.max_streams + 3);
    std::thread::scope(|s| {
        while !stop.load(Ordering::Relaxed) {
            match listener.accept() {
                Ok((sock, _peer)) => {
                    if shared.live.load(Ordering::Relaxed) >= max_live {
                        drop(sock);
                        continue;
                    }
                    shared.live.fetch_add(1, Ordering::Relaxed);
                    let sh = &shared;
                    let spawned = std::thread::Builder::new()
                        .stack_size(256 * 1024)
                        .spawn_scoped(s, move || {
                            let _g = LiveGuard(&sh.live);
                            let _ = handle(sock, sh, stop);
                        });
                    if spawned.is_err() {
                        shared.live.fetch_sub(1, Ordering::Relaxed);
                    }
                }
                // Wait for the next connection without polling: a poll
                // interval would be added to the first round trip of every
                // echo connection (seen as 1-1.5 ms of jitter).
                Err(e) if e.kind() == ErrorKind::WouldBlock => wait_readable(&listener, TICK),
                Err(e) if e.kind() == ErrorKind::Interrupted => {}
                // Out of descriptors and the like: wait, don't spin.
                Err(_) => std::thread::sleep(Duration::from_millis(100)),
            }
        }
        // Handlers see the global stop within one TICK; the scope joins them.
    });
    Ok(())
}

fn handle(mut sock: TcpStream, sh: &Shared, stop: &AtomicBool) -> io::Result<()> {
    sock.set_nonblocking(false)?;
    sock.set_nodelay(true)?;
    sock.set_read_timeout(Some(sh.opts.handshake_timeout))?;
    sock.set_write_timeout(Some(TICK))?;
    match protocol::read_line_exact(&mut sock)? {
        Msg::Hello {
            version,
            congestion,
            counts_upload,
        } => control(sock, sh, stop, version, congestion, counts_upload),
        Msg::Data { test, dir } => {
            let Some(t) = join(sh, &test, &mut sock)? else {
                return Ok(());
            };
            let r = match dir {
                Dir::Download => {
                    // The client learnt in the welcome whether this works.
                    congestion::apply(&sock, t.congestion.as_deref());
                    if let (Ok(clone), Ok(mut socks)) = (sock.try_clone(), t.down_socks.lock())
                        && socks.len() < sh.opts.max_streams * 4
                    {
                        socks.push(clone);
                    }
                    t.downloading.fetch_add(1, Ordering::Relaxed);
                    let r = send_zeros(&mut sock, &t, stop);
                    t.downloading.fetch_sub(1, Ordering::Relaxed);
                    r
                }
                Dir::Upload => count_upload(&mut sock, &t, stop),
            };
            t.conns.fetch_sub(1, Ordering::Relaxed);
            r
        }
        Msg::Echo { test } => {
            let Some(t) = join(sh, &test, &mut sock)? else {
                return Ok(());
            };
            let r = echo(&mut sock, &t, stop);
            t.conns.fetch_sub(1, Ordering::Relaxed);
            r
        }
        other => protocol::send(
            &mut sock,
            &Msg::Error {
                message: format!("unexpected first message {other:?}"),
            },
        ),
    }
}

/// Finds the test and takes a connection slot in it, or tells the client why not.
fn join(sh: &Shared, id: &str, sock: &mut TcpStream) -> io::Result<Option<Arc<Test>>> {
    let t = sh
        .tests
        .lock()
        .map_err(|_| io::Error::other("lock poisoned"))?
        .get(id)
        .cloned();
    let Some(t) = t else {
        protocol::send(
            sock,
            &Msg::Error {
                message: format!("unknown or finished test {id:?}"),
            },
        )?;
        return Ok(None);
    };
    if t.conns.fetch_add(1, Ordering::Relaxed) >= 2 * sh.opts.max_streams + 2 {
        t.conns.fetch_sub(1, Ordering::Relaxed);
        protocol::send(
            sock,
            &Msg::Error {
                message: "too many streams for this test".into(),
            },
        )?;
        return Ok(None);
    }
    Ok(Some(t))
}

fn control(
    mut sock: TcpStream,
    sh: &Shared,
    stop: &AtomicBool,
    version: u32,
    asked: Option<String>,
    counts_upload: bool,
) -> io::Result<()> {
    if version != protocol::VERSION {
        let message = format!(
            "protocol version {version} not supported (server speaks {})",
            protocol::VERSION
        );
        return protocol::send(&mut sock, &Msg::Error { message });
    }
    let id = format!(
        "{:x}-{:x}",
        std::process::id(),
        sh.next_id.fetch_add(1, Ordering::Relaxed)
    );
    let now = Instant::now();
    let t = Arc::new(Test {
        started: now,
        deadline: now + sh.opts.max_test_duration,
        up_bytes: AtomicU64::new(0),
        down_socks: Mutex::new(Vec::new()),
        stop: AtomicBool::new(false),
        conns: AtomicUsize::new(0),
        congestion: asked.clone().filter(|n| congestion::valid_name(n)),
        counts_upload,
        downloading: AtomicUsize::new(0),
    });
    {
        let mut tests = sh
            .tests
            .lock()
            .map_err(|_| io::Error::other("lock poisoned"))?;
        if tests.len() >= sh.opts.max_clients {
            drop(tests);
            let message = format!(
                "server busy: {} tests running, try again later",
                sh.opts.max_clients
            );
            return protocol::send(&mut sock, &Msg::Error { message });
        }
        tests.insert(id.clone(), t.clone());
    }
    let welcome = Msg::Welcome {
        test: id.clone(),
        max_seconds: sh.opts.max_test_duration.as_secs(),
        max_streams: sh.opts.max_streams,
        // Tried on this socket: the download streams get the same.
        congestion: Some(congestion::apply(&sock, asked.as_deref())),
    };
    let r = report_loop(&mut sock, &t, stop, welcome);
    t.stop.store(true, Ordering::Relaxed);
    if let Ok(mut tests) = sh.tests.lock() {
        tests.remove(&id);
    }
    let _ = sock.shutdown(Shutdown::Both);
    r
}

/// Sends the byte counts (see `Test::report_every`) and watches for "stop".
fn report_loop(sock: &mut TcpStream, t: &Test, stop: &AtomicBool, welcome: Msg) -> io::Result<()> {
    protocol::send(sock, &welcome)?;
    // Whether this kernel says what a socket delivered: asked of the control socket.
    let counts_delivered = delivered::total(std::slice::from_ref(sock)).is_some();
    let mut line = Vec::new();
    let mut buf = [0u8; 512];
    // The first report goes out at once: it tells the client whether this server counts.
    let mut next = Instant::now();
    let mut last: Option<Instant> = None;
    while !t.over(stop) {
        let now = Instant::now();
        if now >= next {
            let m = Msg::Bytes {
                t_ms: now.duration_since(t.started).as_millis() as u64,
                up_bytes: t.up_bytes.load(Ordering::Relaxed),
                down_delivered: t
                    .down_socks
                    .lock()
                    .ok()
                    .filter(|_| counts_delivered)
                    .and_then(|socks| delivered::total(&socks)),
            };
            protocol::send(sock, &m)?;
            last = Some(now);
            let every = t.report_every();
            next = (next + every).max(now + every / 2);
        }
        // A download that starts during a one-second pause needs its reports at once.
        if let Some(l) = last {
            next = next.min(l + t.report_every());
        }
        let wait = next
            .saturating_duration_since(Instant::now())
            .clamp(Duration::from_millis(5), Duration::from_millis(100));
        sock.set_read_timeout(Some(wait))?;
        match sock.read(&mut buf) {
            Ok(0) => return Ok(()),
            Ok(n) => {
                line.extend_from_slice(&buf[..n]);
                while let Some(pos) = line.iter().position(|b| *b == b'\n') {
                    let msg = protocol::parse(&line[..pos]);
                    line.drain(..=pos);
                    if matches!(msg, Ok(Msg::Stop)) {
                        return Ok(());
                    }
                }
                if line.len() > protocol::MAX_LINE {
                    return Err(io::Error::new(
                        ErrorKind::InvalidData,
                        "control line too long",
                    ));
                }
            }
            Err(e) if transient(&e) => {}
            Err(e) => return Err(e),
        }
    }
    // Cut off by the server (duration limit or shutdown): say so.
    protocol::send(
        sock,
        &Msg::Error {
            message: "test ended by the server (time limit or shutdown)".into(),
        },
    )
}

fn send_zeros(sock: &mut TcpStream, t: &Test, stop: &AtomicBool) -> io::Result<()> {
    let buf = vec![0u8; CHUNK];
    while !t.over(stop) {
        match sock.write(&buf) {
            Ok(0) => return Ok(()),
            Ok(_) => {}
            Err(e) if transient(&e) => {}
            Err(e) => return Err(e),
        }
    }
    sock.shutdown(Shutdown::Both)
}

fn count_upload(sock: &mut TcpStream, t: &Test, stop: &AtomicBool) -> io::Result<()> {
    sock.set_read_timeout(Some(TICK))?;
    let mut buf = vec![0u8; CHUNK];
    while !t.over(stop) {
        match sock.read(&mut buf) {
            Ok(0) => return Ok(()),
            Ok(n) => {
                t.up_bytes.fetch_add(n as u64, Ordering::Relaxed);
            }
            Err(e) if transient(&e) => {}
            Err(e) => return Err(e),
        }
    }
    sock.shutdown(Shutdown::Both)
}

fn echo(sock: &mut TcpStream, t: &Test, stop: &AtomicBool) -> io::Result<()> {
    sock.set_read_timeout(Some(TICK))?;
    sock.set_write_timeout(Some(Duration::from_secs(2)))?;
    let mut buf = [0u8; 256];
    while !t.over(stop) {
        match sock.read(&mut buf) {
            Ok(0) => return Ok(()),
            Ok(n) => sock.write_all(&buf[..n])?,
            Err(e) if transient(&e) => {}
            Err(e) => return Err(e),
        }
    }
    sock.shutdown(Shutdown::Both)
}

/// Blocks until the listener has a connection waiting or `limit` passed.
#[cfg(unix)]
fn wait_readable(listener: &TcpListener, limit: Duration) {
    use std::os::fd::AsRawFd;
    let mut fds = libc::pollfd {
        fd: listener.as_raw_fd(),
        events: libc::POLLIN,
        revents: 0,
    };
    // SAFETY: one valid pollfd for the duration of the call.
    let rc = unsafe { libc::poll(&mut fds, 1, limit.as_millis() as libc::c_int) };
    if rc < 0 {
        // EINTR and the like: do not spin.
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[cfg(not(unix))]
fn wait_readable(_listener: &TcpListener, _limit: Duration) {
    std::thread::sleep(Duration::from_millis(2));
}
