//! The measuring client: idle latency, then download, then upload (and an
//! optional single-stream download), against `intake bandwidth-server`.

use super::latency::{Echo, EchoFail, REPLY_LIMIT};
use super::phase::{self, ControlState, PhaseSpec, Report, transient};
use super::protocol::{self, Dir, Msg};
use super::text::{Cause, Step, Warning};
use super::window::StopRule;
use super::{
    BandwidthError, BandwidthProgress, BandwidthResult, CongestionReport, MeasureOptions, Phase,
    congestion, stats, welcome,
};
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
    if !(opts.min_seconds >= 0.2 && opts.min_seconds <= 120.0) {
        return bad("min_seconds must be between 0.2 and 120");
    }
    if opts.min_warmup > opts.max_warmup || opts.max_warmup > Duration::from_secs(30) {
        return bad("the warm-up bounds must satisfy min <= max <= 30 s");
    }
    if opts.stall_timeout < Duration::from_millis(500)
        || opts.stall_timeout > Duration::from_secs(60)
    {
        return bad("stall_timeout must be between 0.5 and 60 s");
    }
    if let Some(cc) = &opts.congestion
        && !congestion::valid_name(cc)
    {
        return Err(BandwidthError::Options(format!(
            "{cc:?} is not a congestion control name (e.g. cubic, bbr, reno)"
        )));
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
    let conn_err = |step: Step, e: std::io::Error| BandwidthError::Connect {
        server: server.to_string(),
        addr: addr.to_string(),
        step,
        cause: Cause::from_io(&e, opts.connect_timeout),
    };
    let mut control = TcpStream::connect_timeout(&addr, opts.connect_timeout)
        .map_err(|e| conn_err(Step::Connect, e))?;
    control
        .set_nodelay(true)
        .map_err(|e| conn_err(Step::Setup, e))?;
    control
        .set_read_timeout(Some(opts.connect_timeout))
        .map_err(|e| conn_err(Step::Setup, e))?;
    control
        .set_write_timeout(Some(opts.connect_timeout))
        .map_err(|e| conn_err(Step::Setup, e))?;
    // Asked of the control socket; the upload's streams are counted the same way.
    let counts_upload = super::delivered::total(std::slice::from_ref(&control)).is_some();
    protocol::send(
        &mut control,
        &Msg::Hello {
            version: protocol::VERSION,
            congestion: opts.congestion.clone(),
            counts_upload,
        },
    )
    .map_err(|e| conn_err(Step::Hello, e))?;
    let welcome = welcome::read(&mut control, server, addr, opts.connect_timeout)?;
    let streams = opts.streams.min(welcome.max_streams.max(1));
    let reader_sock = control.try_clone().map_err(|e| conn_err(Step::Setup, e))?;
    let state = ControlState::default();
    let done = AtomicBool::new(false);
    let test = Test {
        server,
        addr,
        id: &welcome.test,
        streams,
        server_congestion: welcome.congestion,
    };

    std::thread::scope(|sc| {
        sc.spawn(|| read_control(reader_sock, &state, &done));
        let r = run_all(&test, opts, &state, progress, cancel);
        let _ = protocol::send(&mut control, &Msg::Stop);
        done.store(true, Ordering::Relaxed);
        let _ = control.shutdown(Shutdown::Both);
        r
    })
}

/// Collects the server's byte reports (and a cut-off message) until `done`;
/// says so when the connection ends before that.
fn read_control(mut sock: TcpStream, state: &ControlState, done: &AtomicBool) {
    let _ = sock.set_read_timeout(Some(Duration::from_millis(250)));
    let mut line = Vec::new();
    let mut buf = [0u8; 4096];
    let lost = |why: Cause| {
        if !done.load(Ordering::Relaxed)
            && let Ok(mut l) = state.lost.lock()
        {
            l.get_or_insert(why);
        }
    };
    while !done.load(Ordering::Relaxed) {
        match sock.read(&mut buf) {
            Ok(0) => {
                lost(Cause::Closed);
                break;
            }
            Ok(n) => line.extend_from_slice(&buf[..n]),
            Err(e) if transient(&e) => {}
            Err(e) => {
                lost(Cause::from_io(&e, Duration::from_millis(250)));
                break;
            }
        }
        while let Some(pos) = line.iter().position(|b| *b == b'\n') {
            match protocol::parse(&line[..pos]) {
                Ok(Msg::Bytes {
                    t_ms,
                    up_bytes,
                    down_delivered,
                }) => {
                    if let Ok(mut r) = state.reports.lock()
                        && r.len() < 100_000
                    {
                        r.push(Report {
                            t_ms,
                            up_bytes,
                            down_delivered,
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
            lost(Cause::ControlTooLong);
            break;
        }
    }
}

/// One test on the server, as agreed in the welcome.
struct Test<'a> {
    server: &'a str,
    addr: SocketAddr,
    id: &'a str,
    streams: usize,
    server_congestion: Option<congestion::Outcome>,
}

fn run_all(
    t: &Test,
    opts: &MeasureOptions,
    state: &ControlState,
    progress: &mut dyn FnMut(BandwidthProgress),
    cancel: &AtomicBool,
) -> Result<BandwidthResult, BandwidthError> {
    let interrupted = |phase: Phase, fail: EchoFail| BandwidthError::Interrupted {
        server: t.server.to_string(),
        phase,
        cause: fail.cause(),
    };
    let mut echo = Echo::open(t.addr, t.id, opts.connect_timeout)
        .map_err(|e| interrupted(Phase::Latency, e))?;
    let idle = idle_latency(&mut echo, opts, progress, cancel)
        .map_err(|e| e.unwrap_or_else(|f| interrupted(Phase::Latency, f)))?;
    let idle_median = stats::median(&idle).unwrap_or(0.0);
    // A few round trips at least: slow start on a long line needs them.
    let min_warmup = opts
        .min_warmup
        .as_secs_f64()
        .max(8.0 * idle_median / 1000.0)
        .min(opts.max_warmup.as_secs_f64());
    // TCP hands data over in jumps of up to a window, which grow with the round
    // trip: a window shorter than 25 round trips misreads a long line by several
    // per cent (`--seconds 1` at 120 ms read 6 % high), so it is never shorter.
    let floor = (25.0 * idle_median / 1000.0).min(10.0);
    let spec = |phase: Phase, dir: Dir, streams: usize, seconds: f64| PhaseSpec {
        phase,
        dir,
        streams,
        rule: StopRule {
            min_warmup,
            max_warmup: opts.max_warmup.as_secs_f64().max(min_warmup),
            min_measure: opts.min_seconds.min(seconds).max(floor),
            max_measure: seconds.max(floor),
            adaptive: opts.adaptive,
        },
        addr: t.addr,
        server: t.server,
        test: t.id,
        connect_timeout: opts.connect_timeout,
        loaded_interval: opts.loaded_interval,
        stall_timeout: opts.stall_timeout,
        congestion: opts.congestion.as_deref(),
        idle_ms: idle_median,
    };
    let down = phase::run(
        &spec(Phase::Download, Dir::Download, t.streams, opts.seconds),
        &mut echo,
        state,
        progress,
        cancel,
    )?;
    // Let the download's queue drain before loading the other direction.
    std::thread::sleep(Duration::from_millis(300));
    let up = phase::run(
        &spec(Phase::Upload, Dir::Upload, t.streams, opts.seconds),
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
        Some(
            phase::run(&s, &mut echo, state, progress, cancel)?
                .window
                .mbps,
        )
    } else {
        None
    };
    let loaded: Vec<f64> = down
        .loaded_rtts
        .iter()
        .chain(&up.loaded_rtts)
        .copied()
        .collect();
    let (congestion_control, warnings) =
        congestion_report(opts, t.server_congestion.as_ref(), up.congestion.as_ref());
    let m = |v: &[f64]| stats::median(v);
    Ok(BandwidthResult {
        download_mbps: round(down.window.mbps, 3),
        upload_mbps: round(up.window.mbps, 3),
        latency_ms: round(idle_median, 3),
        latency_min_ms: round(idle.iter().copied().fold(f64::INFINITY, f64::min), 3),
        latency_p90_ms: round(stats::percentile(&idle, 0.9).unwrap_or(0.0), 3),
        jitter_ms: round(stats::jitter(&idle).unwrap_or(0.0), 3),
        loaded_latency_ms: round(m(&loaded).unwrap_or(0.0), 3),
        loaded_latency_download_ms: m(&down.loaded_rtts).map(|v| round(v, 3)),
        loaded_latency_upload_ms: m(&up.loaded_rtts).map(|v| round(v, 3)),
        download_single_stream_mbps: single.map(|v| round(v, 3)),
        server: t.server.to_string(),
        streams: t.streams,
        download_seconds: round(down.window.measured_seconds, 2),
        upload_seconds: round(up.window.measured_seconds, 2),
        download_warmup_seconds: round(down.window.warmup_seconds, 2),
        upload_warmup_seconds: round(up.window.warmup_seconds, 2),
        congestion_control,
        warnings,
        mode: "tcp".into(),
        measured_at: crate::probe::workstation::now_rfc3339(),
    })
}

/// Which congestion control each direction used, and a warning per end that
/// could not use the one asked for.
fn congestion_report(
    opts: &MeasureOptions,
    server: Option<&congestion::Outcome>,
    client: Option<&congestion::Outcome>,
) -> (CongestionReport, Vec<Warning>) {
    let mut warnings = Vec::new();
    if let Some(asked) = &opts.congestion {
        match server {
            None => warnings.push(Warning::ServerSilent {
                asked: asked.clone(),
            }),
            Some(o) => {
                if let Some(why) = &o.refused {
                    warnings.push(Warning::ServerRefused {
                        asked: asked.clone(),
                        reason: why.clone(),
                        used: o.used.clone(),
                    });
                }
            }
        }
        if let Some(o) = client
            && let Some(why) = &o.refused
        {
            warnings.push(Warning::ClientRefused {
                asked: asked.clone(),
                reason: why.clone(),
                used: o.used.clone(),
            });
        }
    }
    let report = CongestionReport {
        requested: opts.congestion.clone(),
        download: server.and_then(|o| o.used.clone()),
        upload: client.and_then(|o| o.used.clone()),
    };
    (report, warnings)
}

fn round(v: f64, places: i32) -> f64 {
    let f = 10f64.powi(places);
    (v * f).round() / f
}

/// Idle round trips. `Err(Ok(e))` is cancelled, `Err(Err(f))` a failed probe.
fn idle_latency(
    echo: &mut Echo,
    opts: &MeasureOptions,
    progress: &mut dyn FnMut(BandwidthProgress),
    cancel: &AtomicBool,
) -> Result<Vec<f64>, Result<BandwidthError, EchoFail>> {
    let t0 = Instant::now();
    let planned = opts.latency_interval * opts.latency_probes as u32;
    let mut rtts = Vec::with_capacity(opts.latency_probes);
    for _ in 0..opts.latency_probes {
        if cancel.load(Ordering::Relaxed) {
            return Err(Ok(BandwidthError::Cancelled));
        }
        let ms = echo.rtt_ms(REPLY_LIMIT, cancel).map_err(|f| match f {
            EchoFail::Stopped => Ok(BandwidthError::Cancelled),
            f => Err(f),
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
