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

// The bandwidth probe's commands (client, server, the key its results are saved under).
#[path = "probe_bandwidth.rs"]
mod bw;
use bw::{BandwidthArgs, bandwidth_cmd};
pub use bw::{bandwidth_key, server_cmd};
