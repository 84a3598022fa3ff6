//! A bandwidth test that cannot run to its end is an error that says what
//! happened, never a figure from part of a run: the real server process
//! killed in each phase, something else on the port, a link that goes dead.
//! All on loopback (127.0.0.1, ephemeral ports).

use intake::probe::bandwidth::{self, BandwidthError, MeasureOptions, Phase};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

fn quick() -> MeasureOptions {
    MeasureOptions {
        streams: 2,
        seconds: 2.0,
        min_seconds: 2.0,
        min_warmup: Duration::from_millis(300),
        max_warmup: Duration::from_secs(2),
        latency_probes: 10,
        latency_interval: Duration::from_millis(50),
        loaded_interval: Duration::from_millis(50),
        connect_timeout: Duration::from_secs(2),
        stall_timeout: Duration::from_secs(2),
        ..Default::default()
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("free port")
}

/// The real `intake bandwidth-server` in its own process (so it can be killed).
fn server_process() -> (Child, String) {
    let listen = format!("127.0.0.1:{}", free_port());
    let child = Command::new(env!("CARGO_BIN_EXE_intake"))
        .args([
            "bandwidth-server",
            "--listen",
            &listen,
            "--max-seconds",
            "60",
        ])
        .stderr(Stdio::null())
        .spawn()
        .expect("start server");
    let deadline = Instant::now() + Duration::from_secs(10);
    while TcpStream::connect(&listen).is_err() {
        assert!(Instant::now() < deadline, "server did not start");
        std::thread::sleep(Duration::from_millis(20));
    }
    (child, listen)
}

/// Kills the server once the client is `after` into `phase`; returns the client's error.
fn killed_during(phase: Phase, after: Duration) -> BandwidthError {
    let (child, listen) = server_process();
    let child = Mutex::new(child);
    let killed = AtomicBool::new(false);
    let t = Instant::now();
    let r = bandwidth::measure(
        &listen,
        &quick(),
        &mut |p| {
            if p.phase == phase && p.elapsed >= after && !killed.swap(true, Ordering::SeqCst) {
                let mut c = child.lock().expect("lock");
                let _ = c.kill();
                let _ = c.wait();
            }
        },
        &AtomicBool::new(false),
    );
    let mut c = child.into_inner().expect("lock");
    let _ = c.kill();
    let _ = c.wait();
    assert!(
        killed.load(Ordering::SeqCst),
        "never reached {phase:?}: {r:?}"
    );
    // Noticed within a stall timeout, not after the planned run.
    assert!(t.elapsed() < Duration::from_secs(12), "{:?}", t.elapsed());
    r.expect_err("a killed server must not give figures")
}

#[test]
fn server_killed_during_the_latency_test() {
    let e = killed_during(Phase::Latency, Duration::ZERO);
    let m = e.to_string();
    assert!(matches!(e, BandwidthError::Interrupted { .. }), "{m}");
    assert!(m.contains("during the latency test"), "{m}");
    assert!(
        m.contains("closed the connection") || m.contains("broke"),
        "{m}"
    );
}

#[test]
fn server_killed_during_the_download() {
    let e = killed_during(Phase::Download, Duration::from_millis(500));
    let m = e.to_string();
    assert!(matches!(e, BandwidthError::Interrupted { .. }), "{m}");
    assert!(m.contains("during the download"), "{m}");
    assert!(m.contains("server closed the connection"), "{m}");
    assert!(m.contains("no figures were kept"), "{m}");
}

#[test]
fn server_killed_during_the_upload() {
    let e = killed_during(Phase::Upload, Duration::from_millis(500));
    let m = e.to_string();
    assert!(matches!(e, BandwidthError::Interrupted { .. }), "{m}");
    assert!(m.contains("during the upload"), "{m}");
    assert!(m.contains("server closed the connection"), "{m}");
}

#[test]
fn the_command_exits_non_zero_without_figures_when_the_server_dies() {
    let (mut server, listen) = server_process();
    let dir = tempfile::tempdir().expect("tmp");
    let mut client = Command::new(env!("CARGO_BIN_EXE_intake"))
        .args([
            "--lang",
            "en",
            "probe",
            "bandwidth",
            "--server",
            &listen,
            "--seconds",
            "5",
        ])
        .env("INTAKE_DB", dir.path().join("i.db"))
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("client");
    // 20 idle round trips take about 2 s; the download runs at least 4 s after them.
    std::thread::sleep(Duration::from_millis(3500));
    let _ = server.kill();
    let _ = server.wait();
    let deadline = Instant::now() + Duration::from_secs(15);
    let status = loop {
        if let Some(s) = client.try_wait().expect("wait") {
            break s;
        }
        assert!(
            Instant::now() < deadline,
            "client hangs after the server died"
        );
        std::thread::sleep(Duration::from_millis(50));
    };
    let (mut out, mut err) = (String::new(), String::new());
    client.stdout.take().map(|mut s| s.read_to_string(&mut out));
    client.stderr.take().map(|mut s| s.read_to_string(&mut err));
    assert!(!status.success(), "{out}{err}");
    assert!(err.contains("during the download"), "{err}");
    assert!(
        !out.contains("Mbit/s"),
        "a figure from a partial run: {out}"
    );
    // Said once, not twice through the error chain.
    assert_eq!(err.matches("closed the connection").count(), 1, "{err}");
}

/// The error of a measurement against `addr` (which must fail).
fn refused_by(addr: SocketAddr, opts: &MeasureOptions) -> BandwidthError {
    bandwidth::measure(
        &addr.to_string(),
        opts,
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .expect_err("not our server: no figures")
}

#[test]
fn a_port_with_another_service_is_named_as_not_our_server() {
    // A service that greets first (as SSH and SMTP do).
    let l = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = l.local_addr().expect("addr");
    let banner = std::thread::spawn(move || {
        if let Ok((mut s, _)) = l.accept() {
            let _ = s.write_all(b"SSH-2.0-OpenSSH_9.2p1 Debian\r\n");
            std::thread::sleep(Duration::from_millis(500));
        }
    });
    let e = refused_by(addr, &quick());
    let m = e.to_string();
    assert!(matches!(e, BandwidthError::NotOurServer { .. }), "{m}");
    assert!(
        m.contains("not an intake bandwidth-server") && m.contains("SSH-2.0"),
        "{m}"
    );
    assert!(!m.contains("os error"), "{m}");
    let _ = banner.join();

    // A service that waits for the client to speak (as HTTP does) and then answers.
    let l = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = l.local_addr().expect("addr");
    let http = std::thread::spawn(move || {
        if let Ok((mut s, _)) = l.accept() {
            let mut b = [0u8; 64];
            let _ = s.read(&mut b);
            let _ = s.write_all(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
        }
    });
    let e = refused_by(addr, &quick());
    let m = e.to_string();
    assert!(
        m.contains("not an intake bandwidth-server") && m.contains("HTTP/1.1 400"),
        "{m}"
    );
    let _ = http.join();

    // A listener that never says anything: named so, not "Resource temporarily unavailable".
    let l = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = l.local_addr().expect("addr");
    let opts = MeasureOptions {
        connect_timeout: Duration::from_millis(500),
        ..quick()
    };
    let e = refused_by(addr, &opts);
    let m = e.to_string();
    assert!(m.contains("said nothing") && !m.contains("os error"), "{m}");
    drop(l);
}

/// A relay between client and server that can go dead (forwards nothing,
/// closes nothing), as a cut cable or a dead modem does.
struct Relay {
    addr: SocketAddr,
    cut: &'static AtomicBool,
}

fn relay(to: String) -> Relay {
    let cut: &'static AtomicBool = Box::leak(Box::new(AtomicBool::new(false)));
    let l = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = l.local_addr().expect("addr");
    std::thread::spawn(move || {
        // Bounded: a test opens fewer than 20 connections.
        for _ in 0..20 {
            let Ok((a, _)) = l.accept() else { return };
            let Ok(b) = TcpStream::connect(&to) else {
                return;
            };
            for (mut from, mut into) in [
                (a.try_clone().expect("clone"), b.try_clone().expect("clone")),
                (b, a),
            ] {
                std::thread::spawn(move || {
                    let mut buf = vec![0u8; 64 * 1024];
                    let _ = from.set_read_timeout(Some(Duration::from_millis(100)));
                    let start = Instant::now();
                    while start.elapsed() < Duration::from_secs(40) {
                        if cut.load(Ordering::Relaxed) {
                            std::thread::sleep(Duration::from_millis(50));
                            continue;
                        }
                        match from.read(&mut buf) {
                            Ok(0) => return,
                            Ok(n) => {
                                if into.write_all(&buf[..n]).is_err() {
                                    return;
                                }
                            }
                            Err(e)
                                if matches!(
                                    e.kind(),
                                    std::io::ErrorKind::WouldBlock | std::io::ErrorKind::TimedOut
                                ) => {}
                            Err(_) => return,
                        }
                    }
                });
            }
        }
    });
    Relay { addr, cut }
}

#[test]
fn a_link_that_goes_dead_during_the_download_is_reported_not_measured() {
    let (mut server, listen) = server_process();
    let r = relay(listen);
    let t = Instant::now();
    let res = bandwidth::measure(
        &r.addr.to_string(),
        &quick(),
        &mut |p| {
            if p.phase == Phase::Download && p.elapsed > Duration::from_millis(500) {
                r.cut.store(true, Ordering::Relaxed);
            }
        },
        &AtomicBool::new(false),
    );
    let _ = server.kill();
    let _ = server.wait();
    let e = res.expect_err("a dead link must not give figures");
    let m = e.to_string();
    assert!(matches!(e, BandwidthError::Interrupted { .. }), "{m}");
    assert!(m.contains("during the download"), "{m}");
    assert!(
        m.contains("no data arrived") || m.contains("did not answer a latency probe"),
        "{m}"
    );
    assert!(t.elapsed() < Duration::from_secs(15), "{:?}", t.elapsed());
}
