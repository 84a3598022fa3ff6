//! `intake probe bandwidth` and `intake bandwidth-server`: measuring the link, saving the
//! result under the location it was measured for.

use super::*;

/// How `intake probe bandwidth` measures.
pub(super) struct BandwidthArgs {
    pub(super) seconds: u64,
    pub(super) streams: usize,
    pub(super) full: bool,
    pub(super) congestion: String,
}

/// `save` is the intake to save with and the `--location` the measurement is for.
pub(super) fn bandwidth_cmd(
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
