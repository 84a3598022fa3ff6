//! `intake probe ...` and `intake bandwidth-server`: measure, print, save with an intake.

use super::Ctx;
use super::args::{ProbeCmd, WorkstationArgs};
use crate::advice::observed::tagged;
use crate::form::Lang;
use crate::i18n::fmt;
use crate::probe::{bandwidth, lan, readiness, workstation};
use crate::t;
use crate::text::{printable, printable_path};
use crate::workspace::Workspace;
use anyhow::{Context, Result, bail};
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

pub fn run(ctx: &Ctx, cmd: ProbeCmd) -> Result<ExitCode> {
    match cmd {
        ProbeCmd::Workstation(a) => workstation_cmd(ctx, a),
        ProbeCmd::Lan {
            cidr,
            force,
            save,
            json,
        } => lan_cmd(ctx, cidr.as_deref(), force, save, json),
        ProbeCmd::Bandwidth {
            server,
            seconds,
            streams,
            full,
            congestion,
            save,
            location,
            json,
        } => bandwidth_cmd(
            ctx,
            &server,
            BandwidthArgs {
                seconds,
                streams,
                full,
                congestion,
            },
            save.map(|id| (id, location)),
            json,
        ),
        ProbeCmd::Import { id, files } => import_cmd(ctx, id, &files),
    }
}

/// The stored payload of a workstation: the probe plus its readiness verdict today.
fn workstation_payload(p: &workstation::WorkstationProbe) -> Result<serde_json::Value> {
    let thresholds = readiness::Thresholds::embedded()
        // The shipped thresholds are part of the program: a fault is a programmer's error.
        .map_err(|e| anyhow::anyhow!("assets/readiness.toml: {e}"))?;
    let verdict = readiness::assess(p, &thresholds, crate::workspace::today());
    let mut v = serde_json::to_value(p)?;
    v["readiness"] = serde_json::to_value(&verdict)?;
    Ok(v)
}

fn workstation_cmd(ctx: &Ctx, a: WorkstationArgs) -> Result<ExitCode> {
    // Check the intake exists before measuring, so a typo does not waste a run.
    let mut ws = a.save.map(|_| ctx.workspace()).transpose()?;
    if let (Some(ws), Some(id)) = (&ws, a.save) {
        ws.store.intake(id)?;
    }
    let p = workstation::collect();
    let payload = workstation_payload(&p)?;
    if let Some(out) = &a.out {
        let bytes = serde_json::to_vec_pretty(&p)?;
        crate::fsutil::write_atomic(out, &bytes)
            .with_context(|| t!(ctx.lang, "file-writing", path = printable_path(out)))?;
        eprintln!(
            "{}",
            t!(ctx.lang, "probe-written", path = printable_path(out))
        );
    }
    if let (Some(ws), Some(id)) = (&mut ws, a.save) {
        let replaced =
            ws.store
                .add_probe(id, "workstation", &p.machine_key(), &payload, "local")?;
        let id = id.to_string();
        eprintln!(
            "{}",
            if replaced {
                t!(ctx.lang, "probe-saved-replaced", id = id)
            } else {
                t!(ctx.lang, "probe-saved", id = id)
            }
        );
    }
    if a.json {
        println!("{}", serde_json::to_string_pretty(&payload)?);
    } else if a.out.is_none() || a.save.is_some() {
        print_workstation(&payload, ctx);
    }
    Ok(ExitCode::SUCCESS)
}

fn print_workstation(v: &serde_json::Value, ctx: &Ctx) {
    let lang = ctx.lang;
    let s = |k: &str| printable(v[k].as_str().unwrap_or("?"));
    let gb = |b: &serde_json::Value| {
        b.as_u64()
            .map(|b| fmt::with_unit(&fmt::decimal(b as f64 / 1e9, 1, lang), "GB"))
            .unwrap_or_else(|| "?".into())
    };
    let line = |label: &str, text: String| {
        println!("{:<10} {text}", t!(lang, label));
    };
    println!(
        "{} — {} {} ({}, {})",
        s("hostname"),
        s("os_name"),
        s("os_version"),
        s("arch"),
        s("kernel")
    );
    let cores = v["cpu_cores"].as_u64().unwrap_or(0);
    line(
        "ws-cpu",
        t!(lang, "ws-cpu-text", model = s("cpu_model"), cores = cores),
    );
    line(
        "ws-memory",
        t!(
            lang,
            "ws-memory-text",
            total = gb(&v["memory_total_bytes"]),
            available = gb(&v["memory_available_bytes"])
        ),
    );
    for d in v["disks"].as_array().into_iter().flatten() {
        line(
            "ws-disk",
            t!(
                lang,
                "ws-disk-text",
                mount = printable(d["mount"].as_str().unwrap_or("?")),
                free = gb(&d["available_bytes"]),
                total = gb(&d["total_bytes"])
            ),
        );
    }
    for i in v["interfaces"].as_array().into_iter().flatten() {
        let addrs: Vec<&str> = i["addresses"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|a| a.as_str())
            .collect();
        line(
            "ws-net",
            format!(
                "{} {}",
                printable(i["name"].as_str().unwrap_or("?")),
                addrs.join(", ")
            ),
        );
    }
    let r = &v["readiness"];
    let verdict = r["verdict"].as_str().unwrap_or("unknown");
    line("ws-verdict", t!(lang, &format!("ws-verdict-{verdict}")));
    for reason in r["reasons"].as_array().into_iter().flatten() {
        println!(
            "{:<10} - {}",
            "",
            reason[lang.code()].as_str().unwrap_or("")
        );
    }
    if let Some(u) = v["unreadable"].as_array().filter(|u| !u.is_empty()) {
        let u: Vec<&str> = u.iter().filter_map(|x| x.as_str()).collect();
        println!(
            "{}",
            t!(lang, "ws-unreadable", what = printable(&u.join("; ")))
        );
    }
}

fn import_cmd(ctx: &Ctx, id: i64, files: &[std::path::PathBuf]) -> Result<ExitCode> {
    let mut ws = ctx.workspace()?;
    ws.store.intake(id)?;
    // Check every file before saving any, so one bad file does not leave half an import.
    let mut probes = Vec::new();
    for f in files {
        let bytes = crate::fsutil::read_limited(
            f,
            workstation::MAX_FILE_BYTES,
            crate::fsutil::FileKind::ProbeFile,
        )?;
        let p = workstation::WorkstationProbe::from_untrusted_json(&bytes)
            .with_context(|| crate::text::printable_path(f))?;
        probes.push((f, p));
    }
    let mut payloads = Vec::with_capacity(probes.len());
    for (f, p) in &probes {
        let payload = workstation_payload(p).with_context(|| crate::text::printable_path(f))?;
        payloads.push((p.machine_key(), payload));
    }
    let rows: Vec<_> = payloads
        .iter()
        .map(|(key, payload)| crate::store::NewProbe {
            kind: "workstation",
            machine_key: key,
            payload,
            source: "import",
        })
        .collect();
    // One transaction: all files are saved, or none.
    let replaced = ws.store.add_probes(id, &rows)?;
    for ((f, p), replaced) in probes.iter().zip(replaced) {
        let id = if replaced {
            "probe-import-replaced"
        } else {
            "probe-import-added"
        };
        println!(
            "{}: {}",
            printable_path(f),
            t!(ctx.lang, id, host = printable(&p.hostname))
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn lan_cmd(
    ctx: &Ctx,
    cidr: Option<&str>,
    force: bool,
    save: Option<i64>,
    json: bool,
) -> Result<ExitCode> {
    let mut ws = save.map(|_| ctx.workspace()).transpose()?;
    if let (Some(ws), Some(id)) = (&ws, save) {
        ws.store.intake(id)?;
    }
    let targets = lan::plan(cidr, force)?;
    let mut nets: Vec<&str> = targets.iter().map(|t| t.network.as_str()).collect();
    nets.dedup();
    let opts = lan::LanOptions::default();
    let ports: Vec<String> = opts.ports.iter().map(u16::to_string).collect();
    // Say what will be scanned before scanning (issue #6).
    let lang = ctx.lang;
    eprintln!(
        "{}",
        t!(
            lang,
            "lan-scanning",
            count = targets.len(),
            networks = nets.join(", "),
            ports = ports.join(",")
        )
    );
    let tty = std::io::stderr().is_terminal();
    let mut progress = |p: lan::LanProgress| {
        if tty {
            eprint!(
                "\r{}   ",
                t!(
                    lang,
                    "lan-progress",
                    probed = p.probed,
                    total = p.total,
                    up = p.hosts_up,
                    seconds = fmt::with_unit(&fmt::decimal(p.elapsed.as_secs_f64(), 1, lang), "s")
                )
            );
            let _ = std::io::stderr().flush();
        }
    };
    let hosts = lan::scan(&targets, &opts, &mut progress, &AtomicBool::new(false));
    if tty {
        eprintln!();
    }
    let payload = serde_json::json!({ "networks": nets, "hosts": hosts });
    if let (Some(ws), Some(id)) = (&mut ws, save) {
        ws.store
            .add_probe(id, "lan", &nets.join(","), &payload, "local")?;
        eprintln!("{}", t!(lang, "probe-saved", id = id.to_string()));
    }
    if json {
        println!("{}", serde_json::to_string_pretty(&hosts)?);
    } else {
        println!(
            "{:<16} {:<20} {:<28} {}",
            t!(lang, "lan-head-address"),
            t!(lang, "lan-head-role"),
            t!(lang, "lan-head-ports"),
            t!(lang, "lan-head-hostname")
        );
        for h in &hosts {
            let v = serde_json::to_value(h)?;
            let role = v["role"].as_str().unwrap_or("unknown");
            let ports: Vec<String> = h.open_ports.iter().map(u16::to_string).collect();
            println!(
                "{:<16} {:<20} {:<28} {}",
                h.address,
                t!(lang, &format!("lan-role-{role}")),
                ports.join(","),
                printable(h.hostname.as_deref().unwrap_or(""))
            );
        }
        println!("{}", t!(lang, "lan-hosts", count = hosts.len()));
    }
    Ok(ExitCode::SUCCESS)
}

/// How `intake probe bandwidth` measures.
struct BandwidthArgs {
    seconds: u64,
    streams: usize,
    full: bool,
    congestion: String,
}

/// `save` is the intake to save with and the `--location` the measurement is for.
fn bandwidth_cmd(
    ctx: &Ctx,
    server: &str,
    args: BandwidthArgs,
    save: Option<(i64, Option<String>)>,
    json: bool,
) -> Result<ExitCode> {
    let mut ws = save.as_ref().map(|_| ctx.workspace()).transpose()?;
    // Checked before measuring, so a typo does not waste a run.
    let mut tag = None;
    if let (Some(ws), Some((id, location))) = (&ws, &save) {
        ws.store.intake(*id)?;
        if let Some(given) = location {
            tag = Some(location_tag(ws, *id, given, ctx.lang)?);
        }
    }
    let save = save.map(|(id, _)| id);
    if !(1..=120).contains(&args.seconds) {
        bail!("{}", t!(ctx.lang, "bw-seconds-range"));
    }
    let congestion = match args.congestion.as_str() {
        "system" => None,
        name => Some(name.to_string()),
    };
    let opts = bandwidth::MeasureOptions {
        seconds: args.seconds as f64,
        streams: args.streams,
        adaptive: !args.full,
        congestion,
        ..Default::default()
    };
    let tty = std::io::stderr().is_terminal();
    let lang = ctx.lang;
    let mut show = |p: bandwidth::BandwidthProgress| {
        if tty {
            let rate = p
                .current_mbps
                .map(|r| {
                    let rate = fmt::mbps(r, lang);
                    if p.warming_up {
                        t!(lang, "bw-cli-warming-up", rate = rate)
                    } else {
                        rate
                    }
                })
                .unwrap_or_default();
            eprint!(
                "\r{} {}/{} {rate}      ",
                p.phase.render(lang),
                fmt::decimal(p.elapsed.as_secs_f64(), 1, lang),
                fmt::with_unit(&fmt::decimal(p.planned.as_secs_f64(), 1, lang), "s")
            );
            let _ = std::io::stderr().flush();
        }
    };
    let r = bandwidth::measure(server, &opts, &mut show, &AtomicBool::new(false))?;
    if tty {
        eprintln!();
    }
    let mut payload = serde_json::to_value(&r)?;
    if let (Some(ws), Some(id)) = (&mut ws, save) {
        // One measurement per server and location: measuring another location's link
        // against the same server must not replace the first.
        let key = match &tag {
            Some(t) => {
                payload["location"] = t.clone();
                bandwidth_key(server, t)
            }
            None => server.to_string(),
        };
        ws.store
            .add_probe(id, "bandwidth", &key, &payload, "local")?;
        eprintln!("{}", t!(lang, "probe-saved", id = id.to_string()));
    }
    if json {
        println!("{}", serde_json::to_string_pretty(&payload)?);
    } else {
        let ms = |v: f64| fmt::with_unit(&fmt::decimal(v, 1, lang), "ms");
        let line = |label: &str, text: String| println!("{:<18} {text}", t!(lang, label));
        line("bw-cli-download", fmt::mbps(r.download_mbps, lang));
        line("bw-cli-upload", fmt::mbps(r.upload_mbps, lang));
        line(
            "bw-cli-latency",
            t!(
                lang,
                "bw-cli-latency-text",
                latency = ms(r.latency_ms),
                jitter = ms(r.jitter_ms)
            ),
        );
        line(
            "bw-cli-loaded",
            format!("{}{}", ms(r.loaded_latency_ms), per_direction(&r, lang)),
        );
        println!("{}", measured_how(&r, ctx.lang));
    }
    for w in &r.warnings {
        eprintln!(
            "{}",
            t!(ctx.lang, "bw-cli-warning", text = w.render(ctx.lang))
        );
    }
    Ok(ExitCode::SUCCESS)
}

/// " (download 41.0 ms, upload 380.2 ms)" when both directions have samples.
fn per_direction(r: &bandwidth::BandwidthResult, lang: Lang) -> String {
    let ms = |v: f64| fmt::with_unit(&fmt::decimal(v, 1, lang), "ms");
    match (r.loaded_latency_download_ms, r.loaded_latency_upload_ms) {
        (Some(d), Some(u)) => format!(
            " {}",
            t!(lang, "bw-cli-loaded-directions", down = ms(d), up = ms(u))
        ),
        _ => String::new(),
    }
}

/// Streams, measured seconds and congestion control per direction.
fn measured_how(r: &bandwidth::BandwidthResult, lang: Lang) -> String {
    let cc = |c: &Option<String>| c.clone().unwrap_or_else(|| t!(lang, "bw-cc-unknown"));
    let one = |v: f64| (v * 10.0).round() / 10.0;
    t!(
        lang,
        "bw-cli-measured",
        streams = r.streams,
        down = one(r.download_seconds),
        downwarm = one(r.download_warmup_seconds),
        downcc = cc(&r.congestion_control.download),
        up = one(r.upload_seconds),
        upwarm = one(r.upload_warmup_seconds),
        upcc = cc(&r.congestion_control.upload)
    )
}

pub fn server_cmd(ctx: &Ctx, listen: &str, max_seconds: Option<u64>) -> Result<ExitCode> {
    let lang = ctx.lang;
    // std's "invalid socket address syntax" adds nothing to our message (and is English).
    let addr: std::net::SocketAddr = listen.parse().map_err(|_| {
        anyhow::anyhow!(t!(lang, "bw-server-bad-listen", listen = printable(listen)))
    })?;
    let stop = Arc::new(AtomicBool::new(false));
    if let Some(secs) = max_seconds {
        let stop = stop.clone();
        std::thread::spawn(move || {
            std::thread::sleep(Duration::from_secs(secs));
            stop.store(true, Ordering::SeqCst);
        });
    }
    eprintln!(
        "{}",
        t!(lang, "bw-server-listening", addr = addr.to_string())
    );
    bandwidth::serve(addr, &bandwidth::ServerOptions::default(), &stop)
        .with_context(|| t!(lang, "bw-server-serving", addr = addr.to_string()))?;
    Ok(ExitCode::SUCCESS)
}

/// The key of a bandwidth measurement for one location: one per server and location,
/// so measuring another location's link against the same server does not replace the
/// first. The TUI tags its runs the same way.
pub fn bandwidth_key(server: &str, location: &serde_json::Value) -> String {
    // The store keeps keys to 200 characters; a long server and location name are cut
    // rather than refused after the measurement.
    format!("{server} @ {location}").chars().take(200).collect()
}

/// The tag of `--location`: an entry number (`2`) or the name of an entry of the
/// intake's locations group, checked now by the rule the advice matches it with later.
fn location_tag(ws: &Workspace, id: i64, given: &str, lang: Lang) -> Result<serde_json::Value> {
    let l = ws.load(id)?;
    let count = l.entry_count("locations");
    let name = |i: usize| {
        l.answers
            .get(&format!("locations[{i}].name"))
            .cloned()
            .unwrap_or_default()
    };
    let given = given.trim();
    let tag = match given.parse::<usize>() {
        Ok(n) => serde_json::json!(n),
        Err(_) => serde_json::json!(given),
    };
    if (1..=count).any(|i| tagged(&tag, i, name(i).as_str())) {
        return Ok(tag);
    }
    let known: Vec<String> = (1..=count)
        .map(|i| format!("{i} ({})", printable(name(i).as_str().unwrap_or("-"))))
        .collect();
    let known = if known.is_empty() {
        t!(lang, "bw-no-locations-yet")
    } else {
        known.join(", ")
    };
    bail!(
        "{}",
        t!(
            lang,
            "bw-unknown-location",
            given = printable(given),
            id = id.to_string(),
            known = known
        )
    )
}
