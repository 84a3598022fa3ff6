//! The measuring client: idle latency, then download, then upload (and an
//! optional single-stream download), against `intake bandwidth-server`.

use super::latency::Echo;
use super::phase::{self, ControlState, PhaseSpec, Report, transient};
use super::protocol::{self, Dir, Msg};
use super::{BandwidthError, BandwidthProgress, BandwidthResult, MeasureOptions, Phase, stats};
use std::io::Read;
use std::net::{Shutdown, SocketAddr, TcpStream, ToSocketAddrs};
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

fn check(opts: &MeasureOptions) -> Result<(), BandwidthError> {
    let bad = |m: &str| Err(BandwidthError::Options(m.to_string()));
    if !(1..=64).contains(&opts.streams) {
        return bad("streams must be 1..=64");
    }
    if !(opts.seconds >= 0.2 && opts.seconds <= 120.0) {
        return bad("seconds must be between 0.2 and 120");
    }
    if !(0.0..=60.0).contains(&opts.single_stream_seconds) {
        return bad("single_stream_seconds must be between 0 and 60");
    }
    if !(1..=200).contains(&opts.latency_probes) {
        return bad("latency_probes must be 1..=200");
    }
    if opts.connect_timeout.is_zero() || opts.connect_timeout > Duration::from_secs(60) {
        return bad("connect_timeout must be between 0 and 60 s");
    }
    Ok(())
}

fn resolve(server: &str) -> Result<SocketAddr, BandwidthError> {
    let err = |message: String| BandwidthError::Resolve {
        server: server.to_string(),
        message,
    };
    let addrs: Vec<SocketAddr> = server
        .to_socket_addrs()
        .map_err(|e| err(e.to_string()))?
        .collect();
    // Prefer IPv4: the lab and most office links are IPv4; fall back to any.
    addrs
        .iter()
        .find(|a| a.is_ipv4())
        .or(addrs.first())
        .copied()
        .ok_or_else(|| err("no address found".into()))
}

pub fn measure(
    server: &str,
    opts: &MeasureOptions,
    progress: &mut dyn FnMut(BandwidthProgress),
    cancel: &AtomicBool,
) -> Result<BandwidthResult, BandwidthError> {
    check(opts)?;
    let addr = resolve(server)?;
    let conn_err = |what: &str, e: std::io::Error| BandwidthError::Connect {
        server: server.to_string(),
        addr: addr.to_string(),
        what: what.to_string(),
        source: e,
    };
    let mut control = TcpStream::connect_timeout(&addr, opts.connect_timeout)
        .map_err(|e| conn_err("connect", e))?;
    control
        .set_nodelay(true)
        .map_err(|e| conn_err("socket setup", e))?;
    control
        .set_read_timeout(Some(opts.connect_timeout))
        .map_err(|e| conn_err("socket setup", e))?;
    control
        .set_write_timeout(Some(opts.connect_timeout))
        .map_err(|e| conn_err("socket setup", e))?;
    protocol::send(
        &mut control,
        &Msg::Hello {
            version: protocol::VERSION,
        },
    )
    .map_err(|e| conn_err("hello", e))?;
    let (test, max_streams) = match protocol::read_line_exact(&mut control) {
        Ok(Msg::Welcome {
            test, max_streams, ..
        }) => (test, max_streams),
        Ok(Msg::Error { message }) => {
            return Err(BandwidthError::Refused {
                server: server.into(),
                message,
            });
        }
        Ok(other) => {
            let message =
                format!("expected a welcome, got {other:?}: is this an intake bandwidth-server?");
            return Err(BandwidthError::Protocol {
                server: server.into(),
                message,
            });
        }
        Err(e) => {
            return Err(conn_err(
                "waiting for the welcome (is this an intake bandwidth-server?)",
                e,
            ));
        }
    };
    let streams = opts.streams.min(max_streams.max(1));
    let reader_sock = control
        .try_clone()
        .map_err(|e| conn_err("socket setup", e))?;
    let state = ControlState::default();
    let done = AtomicBool::new(false);

    std::thread::scope(|sc| {
        sc.spawn(|| read_control(reader_sock, &state, &done));
        let r = run_all(server, addr, &test, streams, opts, &state, progress, cancel);
        let _ = protocol::send(&mut control, &Msg::Stop);
        done.store(true, Ordering::Relaxed);
        let _ = control.shutdown(Shutdown::Both);
        r
    })
}

/// Collects the server's byte reports (and a cut-off message) until `done`.
fn read_control(mut sock: TcpStream, state: &ControlState, done: &AtomicBool) {
    let _ = sock.set_read_timeout(Some(Duration::from_millis(250)));
    let mut line = Vec::new();
    let mut buf = [0u8; 4096];
    while !done.load(Ordering::Relaxed) {
        match sock.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => line.extend_from_slice(&buf[..n]),
            Err(e) if transient(&e) => {}
            Err(_) => break,
        }
        let arrived = Instant::now();
        while let Some(pos) = line.iter().position(|b| *b == b'\n') {
            match protocol::parse(&line[..pos]) {
                Ok(Msg::Bytes { t_ms, up_bytes }) => {
                    if let Ok(mut r) = state.reports.lock()
                        && r.len() < 100_000
                    {
                        r.push(Report {
                            arrived,
                            t_ms,
                            up_bytes,
                        });
                    }
                }
                Ok(Msg::Error { message }) => {
                    if let Ok(mut e) = state.error.lock() {
                        *e = Some(message);
                    }
                }
                _ => {}
            }
            line.drain(..=pos);
        }
        if line.len() > protocol::MAX_LINE {
            break;
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn run_all(
    server: &str,
    addr: SocketAddr,
    test: &str,
    streams: usize,
    opts: &MeasureOptions,
    state: &ControlState,
    progress: &mut dyn FnMut(BandwidthProgress),
    cancel: &AtomicBool,
) -> Result<BandwidthResult, BandwidthError> {
    let mut echo =
        Echo::open(addr, test, opts.connect_timeout).map_err(|e| BandwidthError::Connect {
            server: server.to_string(),
            addr: addr.to_string(),
            what: "connect (echo)".into(),
            source: e,
        })?;
    let idle = idle_latency(server, &mut echo, opts, progress, cancel)?;
    let warmup = opts.effective_warmup();
    let spec = |phase: Phase, dir: Dir, streams: usize, seconds: f64| PhaseSpec {
        phase,
        dir,
        streams,
        warmup: if phase == Phase::SingleStream {
            warmup.min(Duration::from_secs_f64(seconds * 0.3))
        } else {
            warmup
        },
        measure: Duration::from_secs_f64(seconds),
        addr,
        server,
        test,
        connect_timeout: opts.connect_timeout,
        loaded_interval: opts.loaded_interval,
    };
    let down = phase::run(
        &spec(Phase::Download, Dir::Download, streams, opts.seconds),
        &mut echo,
        state,
        progress,
        cancel,
    )?;
    // Let the download's queue drain before loading the other direction.
    std::thread::sleep(Duration::from_millis(300));
    let up = phase::run(
        &spec(Phase::Upload, Dir::Upload, streams, opts.seconds),
        &mut echo,
        state,
        progress,
        cancel,
    )?;
    let single = if opts.single_stream_seconds > 0.0 {
        std::thread::sleep(Duration::from_millis(300));
        let s = spec(
            Phase::SingleStream,
            Dir::Download,
            1,
            opts.single_stream_seconds,
        );
        Some(phase::run(&s, &mut echo, state, progress, cancel)?.mbps)
    } else {
        None
    };
    let loaded: Vec<f64> = down
        .loaded_rtts
        .iter()
        .chain(&up.loaded_rtts)
        .copied()
        .collect();
    let m = |v: &[f64]| stats::median(v);
    Ok(BandwidthResult {
        download_mbps: round(down.mbps, 3),
        upload_mbps: round(up.mbps, 3),
        latency_ms: round(m(&idle).unwrap_or(0.0), 3),
        latency_min_ms: round(idle.iter().copied().fold(f64::INFINITY, f64::min), 3),
        latency_p90_ms: round(stats::percentile(&idle, 0.9).unwrap_or(0.0), 3),
        jitter_ms: round(stats::jitter(&idle).unwrap_or(0.0), 3),
        loaded_latency_ms: round(m(&loaded).unwrap_or(0.0), 3),
        loaded_latency_download_ms: m(&down.loaded_rtts).map(|v| round(v, 3)),
        loaded_latency_upload_ms: m(&up.loaded_rtts).map(|v| round(v, 3)),
        download_single_stream_mbps: single.map(|v| round(v, 3)),
        server: server.to_string(),
        streams,
        seconds: opts.seconds,
        warmup_seconds: warmup.as_secs_f64(),
        mode: "tcp".into(),
        measured_at: crate::probe::workstation::now_rfc3339(),
    })
}

fn round(v: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (v * f).round() / f
}

fn idle_latency(
    server: &str,
    echo: &mut Echo,
    opts: &MeasureOptions,
    progress: &mut dyn FnMut(BandwidthProgress),
    cancel: &AtomicBool,
) -> Result<Vec<f64>, BandwidthError> {
    let t0 = Instant::now();
    let planned = opts.latency_interval * opts.latency_probes as u32;
    let mut rtts = Vec::with_capacity(opts.latency_probes);
    for _ in 0..opts.latency_probes {
        if cancel.load(Ordering::Relaxed) {
            return Err(BandwidthError::Cancelled);
        }
        let ms = echo.rtt_ms().map_err(|e| BandwidthError::Protocol {
            server: server.to_string(),
            message: format!("latency probe failed: {e}"),
        })?;
        rtts.push(ms);
        progress(BandwidthProgress {
            phase: Phase::Latency,
            elapsed: t0.elapsed(),
            planned,
            current_mbps: None,
            warming_up: false,
            last_rtt_ms: Some(ms),
        });
        std::thread::sleep(opts.latency_interval);
    }
    Ok(rtts)
}
