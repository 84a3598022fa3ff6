//! Bandwidth client and server on loopback (127.0.0.1, ephemeral ports).

use intake::probe::bandwidth::{self, BandwidthError, MeasureOptions, Phase, ServerOptions};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

fn quick() -> MeasureOptions {
    MeasureOptions {
        streams: 2,
        seconds: 1.0,
        min_warmup: Duration::from_millis(300),
        max_warmup: Duration::from_secs(2),
        latency_probes: 5,
        latency_interval: Duration::from_millis(20),
        loaded_interval: Duration::from_millis(50),
        ..Default::default()
    }
}

/// Server on a free port; returns its address. Stopped by the caller's flag.
fn start<'s>(
    scope: &'s std::thread::Scope<'s, '_>,
    opts: ServerOptions,
    stop: &'s AtomicBool,
) -> SocketAddr {
    let l = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = l.local_addr().expect("addr");
    drop(l);
    scope.spawn(move || bandwidth::serve(addr, &opts, stop).expect("serve"));
    // Wait (bounded) until it accepts.
    for _ in 0..100 {
        if TcpStream::connect(addr).is_ok() {
            break;
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    addr
}

#[test]
fn client_and_server_agree_on_loopback() {
    let stop = AtomicBool::new(false);
    std::thread::scope(|s| {
        let addr = start(s, ServerOptions::default(), &stop);
        let mut phases = Vec::new();
        let t = Instant::now();
        let r = bandwidth::measure(
            &addr.to_string(),
            &quick(),
            &mut |p| {
                if phases.last() != Some(&p.phase) {
                    phases.push(p.phase);
                }
            },
            &AtomicBool::new(false),
        );
        stop.store(true, Ordering::Relaxed);
        let r = r.expect("measure");
        assert!(
            t.elapsed() < Duration::from_secs(8),
            "took {:?}",
            t.elapsed()
        );
        assert_eq!(phases, vec![Phase::Latency, Phase::Download, Phase::Upload]);
        // Loopback moves hundreds of Mbit/s even in debug builds.
        assert!(r.download_mbps > 50.0, "{r:?}");
        assert!(r.upload_mbps > 50.0, "{r:?}");
        assert!(r.latency_ms > 0.0 && r.latency_ms < 20.0, "{r:?}");
        assert!(r.jitter_ms >= 0.0 && r.loaded_latency_ms > 0.0, "{r:?}");
        assert_eq!(r.streams, 2);
        let json = serde_json::to_value(&r).expect("json");
        for k in [
            "download_mbps",
            "upload_mbps",
            "latency_ms",
            "jitter_ms",
            "loaded_latency_ms",
            "server",
            "measured_at",
        ] {
            assert!(json.get(k).is_some(), "missing {k}");
        }
    });
}

#[test]
fn missing_server_is_a_clear_error_not_a_hang() {
    let l = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = l.local_addr().expect("addr");
    drop(l);
    let t = Instant::now();
    let e = bandwidth::measure(
        &addr.to_string(),
        &quick(),
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .unwrap_err();
    assert!(t.elapsed() < Duration::from_secs(4));
    let msg = e.to_string();
    assert!(matches!(e, BandwidthError::Connect { .. }), "{msg}");
    assert!(
        msg.contains(&addr.to_string()) && msg.contains("connect"),
        "{msg}"
    );

    let e = bandwidth::measure(
        "no-such-host.invalid:5201",
        &quick(),
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .unwrap_err();
    assert!(matches!(e, BandwidthError::Resolve { .. }), "{e}");
}

#[test]
fn server_that_never_answers_times_out() {
    // A listener that accepts (kernel backlog) but never speaks.
    let l = TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = l.local_addr().expect("addr");
    let opts = MeasureOptions {
        connect_timeout: Duration::from_millis(500),
        ..quick()
    };
    let t = Instant::now();
    let e = bandwidth::measure(
        &addr.to_string(),
        &opts,
        &mut |_| {},
        &AtomicBool::new(false),
    )
    .unwrap_err();
    assert!(t.elapsed() < Duration::from_secs(3), "{:?}", t.elapsed());
    assert!(e.to_string().contains("said nothing"), "{e}");
    drop(l);
}

#[test]
fn server_refuses_clients_beyond_its_bound_and_cuts_long_tests() {
    let stop = AtomicBool::new(false);
    std::thread::scope(|s| {
        let opts = ServerOptions {
            max_clients: 1,
            max_test_duration: Duration::from_secs(9),
            ..Default::default()
        };
        let addr = start(s, opts, &stop);
        let server = addr.to_string();
        // First client: wants 2 x 8 s (plus warm-ups), more than the server's 9 s.
        let long = MeasureOptions {
            seconds: 8.0,
            ..quick()
        };
        // A quick test (about 4.5 s: each direction warms up 1-2 s) fits in 9 s, even on a busy machine.
        let server1 = server.clone();
        let first = s.spawn(move || {
            bandwidth::measure(&server1, &long, &mut |_| {}, &AtomicBool::new(false))
        });
        std::thread::sleep(Duration::from_millis(300));
        // Second client while the first runs: refused, at once.
        let t = Instant::now();
        let e = bandwidth::measure(&server, &quick(), &mut |_| {}, &AtomicBool::new(false))
            .unwrap_err();
        assert!(matches!(e, BandwidthError::Refused { .. }), "{e}");
        assert!(e.to_string().contains("busy"), "{e}");
        assert!(t.elapsed() < Duration::from_secs(1));
        // The first is cut off by the server's time limit, with its message.
        let t = Instant::now();
        let r = first.join().expect("thread");
        let e = r.unwrap_err();
        assert!(e.to_string().contains("ended by the server"), "{e}");
        assert!(t.elapsed() < Duration::from_secs(10));
        // After that the server takes a new client again.
        let ok = bandwidth::measure(&server, &quick(), &mut |_| {}, &AtomicBool::new(false));
        stop.store(true, Ordering::Relaxed);
        assert!(ok.is_ok(), "{ok:?}");
    });
}

#[test]
fn cancel_stops_a_measurement_quickly() {
    let stop = AtomicBool::new(false);
    std::thread::scope(|s| {
        let addr = start(s, ServerOptions::default(), &stop);
        let cancel = AtomicBool::new(false);
        let t = Instant::now();
        let opts = MeasureOptions {
            seconds: 10.0,
            ..quick()
        };
        let r = bandwidth::measure(
            &addr.to_string(),
            &opts,
            &mut |p| {
                if p.phase == Phase::Download && p.elapsed > Duration::from_millis(300) {
                    cancel.store(true, Ordering::Relaxed);
                }
            },
            &cancel,
        );
        stop.store(true, Ordering::Relaxed);
        assert!(matches!(r, Err(BandwidthError::Cancelled)), "{r:?}");
        assert!(t.elapsed() < Duration::from_secs(3), "{:?}", t.elapsed());
    });
}

#[test]
fn serve_returns_when_stopped() {
    let stop = AtomicBool::new(false);
    let t = std::thread::scope(|s| {
        let addr = start(s, ServerOptions::default(), &stop);
        // An idle connection that never sends its hello must not hold it up.
        let _idle = TcpStream::connect(addr).expect("connect");
        let t = Instant::now();
        stop.store(true, Ordering::Relaxed);
        t
    });
    assert!(t.elapsed() < Duration::from_secs(2), "{:?}", t.elapsed());
}

/// Opens a control connection with `hello` and returns it with the test id.
fn control(addr: SocketAddr, hello: &str) -> (std::io::BufReader<TcpStream>, String) {
    use std::io::{BufRead, Write};
    let mut sock = TcpStream::connect(addr).expect("connect");
    sock.set_read_timeout(Some(Duration::from_millis(50)))
        .unwrap();
    sock.write_all(hello.as_bytes()).unwrap();
    let mut reader = std::io::BufReader::new(sock);
    let mut welcome = String::new();
    for _ in 0..40 {
        if reader.read_line(&mut welcome).is_ok() && welcome.ends_with('\n') {
            break;
        }
    }
    let v: serde_json::Value = serde_json::from_str(&welcome).expect(&welcome);
    (reader, v["test"].as_str().expect("test id").to_string())
}

/// Byte reports that arrive within `span`.
fn reports_within(reader: &mut std::io::BufReader<TcpStream>, span: Duration) -> usize {
    use std::io::BufRead;
    let (end, mut n, mut line) = (Instant::now() + span, 0, String::new());
    while Instant::now() < end {
        if reader.read_line(&mut line).is_ok() && line.ends_with('\n') {
            n += usize::from(line.contains(r#""op":"bytes""#));
            line.clear();
        }
    }
    n
}

#[test]
fn a_client_that_counts_its_upload_gets_few_reports_until_a_download_runs() {
    use std::io::Write;
    let stop = AtomicBool::new(false);
    std::thread::scope(|s| {
        let addr = start(s, ServerOptions::default(), &stop);
        let span = Duration::from_millis(1500);
        let (mut older, _) = control(addr, "{\"op\":\"hello\",\"version\":1}\n");
        let every = reports_within(&mut older, span);
        let hello = "{\"op\":\"hello\",\"version\":1,\"counts_upload\":true}\n";
        let (mut counting, test) = control(addr, hello);
        let idle = reports_within(&mut counting, span);
        let mut data = TcpStream::connect(addr).expect("data");
        let line = format!("{{\"op\":\"data\",\"test\":\"{test}\",\"dir\":\"download\"}}\n");
        data.write_all(line.as_bytes()).unwrap();
        let downloading = reports_within(&mut counting, span);
        stop.store(true, Ordering::Relaxed);
        // 100 ms apart: about 15 in 1.5 s; a second apart: 1 or 2 (the first at once).
        assert!(every >= 10, "{every} reports for an older client");
        assert!(idle <= 3, "{idle} reports while nothing needs them");
        assert!(downloading >= 10, "{downloading} reports during a download");
    });
}
