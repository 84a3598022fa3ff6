//! The Probes screen: measure this workstation, the local network and the internet
//! link for the open intake. Measurements run on a background thread and report
//! progress over a channel, so the screen stays live and Esc cancels.

use super::home::tr;
use super::theme::Theme;
use crate::form::Lang;
use crate::probe::{bandwidth, lan, readiness, workstation};
use crate::store::ProbeRecord;
use crate::workspace::Workspace;
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Axis, Block, Borders, Chart, Dataset, Gauge, GraphType, Paragraph, Wrap};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, TryRecvError, channel};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

/// What a running measurement sends back.
pub enum JobEvent {
    Bandwidth(bandwidth::BandwidthProgress),
    Lan(lan::LanProgress),
    Done(Result<(String, String, serde_json::Value), String>),
}

pub struct Job {
    pub title: String,
    pub rx: Receiver<JobEvent>,
    pub cancel: Arc<AtomicBool>,
    /// 0..=1 for the gauge.
    pub ratio: f64,
    pub label: String,
    /// (seconds, Mbit/s) samples for the chart.
    pub samples: Vec<(f64, f64)>,
    offset: f64,
    last_phase: Option<bandwidth::Phase>,
}

pub struct ProbesScreen {
    pub intake_id: i64,
    pub saved: Vec<ProbeRecord>,
    pub job: Option<Job>,
    /// Server address being typed for a bandwidth measurement.
    pub server_input: Option<Input>,
    pub last_server: String,
    pub message: Option<String>,
    /// Measured seconds per direction (10 by default, as `intake probe bandwidth`).
    pub bandwidth_seconds: f64,
}

impl ProbesScreen {
    pub fn new(ws: &Workspace, intake_id: i64) -> ProbesScreen {
        ProbesScreen {
            intake_id,
            saved: ws.store.probes(intake_id).unwrap_or_default(),
            job: None,
            server_input: None,
            last_server: std::env::var("INTAKE_BANDWIDTH_SERVER").unwrap_or_default(),
            message: None,
            bandwidth_seconds: 10.0,
        }
    }

    pub fn is_typing(&self) -> bool {
        self.server_input.is_some()
    }

    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    /// Returns `true` when the user wants to leave the screen.
    pub fn handle_key(&mut self, k: KeyEvent, ws: &mut Workspace, lang: Lang) -> bool {
        if let Some(input) = &mut self.server_input {
            match k.code {
                KeyCode::Esc => self.server_input = None,
                KeyCode::Enter => {
                    let server = input.value().trim().to_string();
                    self.server_input = None;
                    if !server.is_empty() {
                        self.last_server = server.clone();
                        self.start_bandwidth(server, lang);
                    }
                }
                _ => {
                    input.handle_event(&crossterm::event::Event::Key(k));
                }
            }
            return false;
        }
        if let Some(job) = &self.job {
            if k.code == KeyCode::Esc {
                job.cancel.store(true, Ordering::SeqCst);
                self.message = Some(tr(
                    lang,
                    "Meting wordt afgebroken…",
                    "Cancelling the measurement…",
                ));
            }
            return false;
        }
        match k.code {
            KeyCode::Esc => return true,
            KeyCode::Char('w') => self.workstation(ws, lang),
            KeyCode::Char('l') => self.start_lan(lang),
            KeyCode::Char('b') => self.server_input = Some(Input::new(self.last_server.clone())),
            _ => {}
        }
        false
    }

    fn workstation(&mut self, ws: &mut Workspace, lang: Lang) {
        let p = workstation::collect();
        let mut payload = serde_json::to_value(&p).unwrap_or_default();
        if let Ok(t) = readiness::Thresholds::embedded() {
            let r = readiness::assess(&p, &t, crate::workspace::today());
            payload["readiness"] = serde_json::to_value(&r).unwrap_or_default();
        }
        self.save("workstation", &p.machine_key(), &payload, ws, lang);
    }

    fn save(
        &mut self,
        kind: &str,
        key: &str,
        payload: &serde_json::Value,
        ws: &mut Workspace,
        lang: Lang,
    ) {
        match ws
            .store
            .add_probe(self.intake_id, kind, key, payload, "local")
        {
            Ok(_) => {
                self.message = Some(tr(
                    lang,
                    &format!("Meting '{kind}' opgeslagen."),
                    &format!("Measurement '{kind}' saved."),
                ));
                self.saved = ws.store.probes(self.intake_id).unwrap_or_default();
            }
            Err(e) => self.message = Some(format!("{e:#}")),
        }
    }

    fn start_lan(&mut self, lang: Lang) {
        let targets = match lan::plan(None, false) {
            Ok(t) => t,
            Err(e) => {
                self.message = Some(e.to_string());
                return;
            }
        };
        let mut nets: Vec<String> = targets.iter().map(|t| t.network.clone()).collect();
        nets.dedup();
        let title = tr(
            lang,
            &format!(
                "Netwerk scannen: {} adressen in {}",
                targets.len(),
                nets.join(", ")
            ),
            &format!(
                "Scanning {} addresses in {}",
                targets.len(),
                nets.join(", ")
            ),
        );
        let (tx, rx) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let c = cancel.clone();
        std::thread::spawn(move || {
            let tx2 = tx.clone();
            let hosts = lan::scan(
                &targets,
                &lan::LanOptions::default(),
                &mut |p| {
                    let _ = tx2.send(JobEvent::Lan(p));
                },
                &c,
            );
            let payload = serde_json::json!({"networks": nets, "hosts": hosts});
            let _ = tx.send(JobEvent::Done(Ok(("lan".into(), nets.join(","), payload))));
        });
        self.job = Some(Job {
            title,
            rx,
            cancel,
            ratio: 0.0,
            label: String::new(),
            samples: vec![],
            offset: 0.0,
            last_phase: None,
        });
    }

    fn start_bandwidth(&mut self, server: String, lang: Lang) {
        let (tx, rx) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let c = cancel.clone();
        let title = tr(
            lang,
            &format!("Bandbreedte meten met {server}"),
            &format!("Measuring bandwidth with {server}"),
        );
        let opts = bandwidth::MeasureOptions {
            seconds: self.bandwidth_seconds,
            ..Default::default()
        };
        std::thread::spawn(move || {
            let tx2 = tx.clone();
            let r = bandwidth::measure(
                &server,
                &opts,
                &mut |p| {
                    let _ = tx2.send(JobEvent::Bandwidth(p));
                },
                &c,
            );
            let done = r
                .map_err(|e| e.render(lang))
                .and_then(|r| serde_json::to_value(&r).map_err(|e| e.to_string()))
                .map(|v| ("bandwidth".to_string(), server, v));
            let _ = tx.send(JobEvent::Done(done));
        });
        self.job = Some(Job {
            title,
            rx,
            cancel,
            ratio: 0.0,
            label: String::new(),
            samples: vec![],
            offset: 0.0,
            last_phase: None,
        });
    }

    /// Takes what the background job sent since the last frame. Returns whether
    /// anything changed (so the loop redraws).
    pub fn poll(&mut self, ws: &mut Workspace, lang: Lang) -> bool {
        let Some(job) = &mut self.job else {
            return false;
        };
        let mut changed = false;
        let mut finished = None;
        loop {
            match job.rx.try_recv() {
                Ok(JobEvent::Bandwidth(p)) => {
                    changed = true;
                    if job.last_phase != Some(p.phase) {
                        job.offset = job.samples.last().map(|s| s.0).unwrap_or(0.0);
                        job.last_phase = Some(p.phase);
                    }
                    let planned = p.planned.as_secs_f64().max(0.001);
                    job.ratio = (p.elapsed.as_secs_f64() / planned).clamp(0.0, 1.0);
                    let phase = format!("{:?}", p.phase);
                    job.label = match (p.current_mbps, p.last_rtt_ms) {
                        (Some(r), _) => format!(
                            "{phase} {r:.1} Mbit/s{}",
                            if p.warming_up { " (warm-up)" } else { "" }
                        ),
                        (None, Some(ms)) => format!("{phase} {ms:.1} ms"),
                        _ => phase,
                    };
                    if let Some(r) = p.current_mbps {
                        job.samples.push((job.offset + p.elapsed.as_secs_f64(), r));
                    }
                }
                Ok(JobEvent::Lan(p)) => {
                    changed = true;
                    job.ratio = if p.total == 0 {
                        1.0
                    } else {
                        p.probed as f64 / p.total as f64
                    };
                    job.label = format!("{}/{} — {} hosts", p.probed, p.total, p.hosts_up);
                }
                Ok(JobEvent::Done(r)) => {
                    finished = Some(r);
                    break;
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    finished = Some(Err(tr(
                        lang,
                        "de meting stopte onverwacht",
                        "the measurement stopped unexpectedly",
                    )));
                    break;
                }
            }
        }
        if let Some(r) = finished {
            let cancelled = job.cancel.load(Ordering::SeqCst);
            self.job = None;
            changed = true;
            match r {
                Ok((kind, key, payload)) if !cancelled => {
                    self.save(&kind, &key, &payload, ws, lang)
                }
                Ok(_) => {
                    self.message = Some(tr(
                        lang,
                        "Meting afgebroken; niets opgeslagen.",
                        "Measurement cancelled; nothing saved.",
                    ))
                }
                Err(e) => self.message = Some(e),
            }
        }
        changed
    }

    pub fn draw(&self, f: &mut Frame, area: Rect, theme: &Theme, lang: Lang) {
        let [head, gauge, chart, list] = Layout::vertical([
            Constraint::Length(4),
            Constraint::Length(3),
            Constraint::Min(6),
            Constraint::Length(8),
        ])
        .areas(area);
        let intro = tr(
            lang,
            "Metingen voor deze intake. w: deze werkplek   l: lokaal netwerk scannen   b: bandbreedte en vertraging   Esc: terug/afbreken",
            "Measurements for this intake. w: this workstation   l: scan the local network   b: bandwidth and latency   Esc: back/cancel",
        );
        let mut lines = vec![
            Line::styled(tr(lang, "Metingen", "Probes"), theme.title()),
            Line::raw(intro),
        ];
        if let Some(m) = &self.message {
            lines.push(Line::styled(m.clone(), theme.dim()));
        }
        f.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), head);
        if let Some(input) = &self.server_input {
            let text = tr(
                lang,
                &format!("Meetserver (HOST:POORT): {}▏  Enter: start", input.value()),
                &format!(
                    "Measuring server (HOST:PORT): {}▏  Enter: start",
                    input.value()
                ),
            );
            f.render_widget(
                Paragraph::new(text).block(
                    Block::default()
                        .borders(Borders::ALL)
                        .border_style(theme.border_focus()),
                ),
                gauge,
            );
        } else if let Some(job) = &self.job {
            let g = Gauge::default()
                .block(
                    Block::default()
                        .borders(Borders::ALL)
                        .title(job.title.clone())
                        .border_style(theme.border_focus()),
                )
                .gauge_style(theme.ok())
                .ratio(job.ratio)
                .label(job.label.clone());
            f.render_widget(g, gauge);
            if !job.samples.is_empty() {
                let max_x = job.samples.last().map(|s| s.0).unwrap_or(1.0).max(1.0);
                let max_y = job.samples.iter().map(|s| s.1).fold(1.0_f64, f64::max) * 1.1;
                let data = Dataset::default()
                    .graph_type(GraphType::Line)
                    .style(theme.key())
                    .data(&job.samples);
                let c = Chart::new(vec![data])
                    .block(
                        Block::default()
                            .borders(Borders::ALL)
                            .title(" Mbit/s ")
                            .border_style(theme.border()),
                    )
                    .x_axis(
                        Axis::default()
                            .bounds([0.0, max_x])
                            .labels(vec![Line::raw("0 s"), Line::raw(format!("{max_x:.0} s"))]),
                    )
                    .y_axis(
                        Axis::default()
                            .bounds([0.0, max_y])
                            .labels(vec![Line::raw("0"), Line::raw(format!("{max_y:.0}"))]),
                    );
                f.render_widget(c, chart);
            }
        }
        let mut rows = vec![Line::styled(
            tr(lang, "Opgeslagen metingen", "Saved measurements"),
            theme.title(),
        )];
        if self.saved.is_empty() {
            rows.push(Line::styled(
                tr(lang, "Nog geen metingen.", "No measurements yet."),
                theme.dim(),
            ));
        }
        for p in &self.saved {
            rows.push(Line::styled(summary(p, lang), Style::new()));
        }
        f.render_widget(
            Paragraph::new(rows).block(
                Block::default()
                    .borders(Borders::TOP)
                    .border_style(theme.border()),
            ),
            list,
        );
    }
}

/// One line per saved probe.
/// "; onder belasting ↓ 372 ↑ 431 ms": the round trip while each direction is full
/// (bufferbloat), when the measurement has it.
fn loaded_per_direction(v: &serde_json::Value, lang: Lang) -> String {
    let ms = |k: &str| v[k].as_f64().filter(|x| x.is_finite());
    match (
        ms("loaded_latency_download_ms"),
        ms("loaded_latency_upload_ms"),
    ) {
        (Some(d), Some(u)) => format!(
            "; {} ↓ {} ↑ {} ms",
            crate::t!(lang, "probe-under-load"),
            crate::form::types::format_decimal(d.round(), lang),
            crate::form::types::format_decimal(u.round(), lang)
        ),
        _ => String::new(),
    }
}

pub fn summary(p: &ProbeRecord, lang: Lang) -> String {
    let v = &p.payload;
    let num = |x: f64| crate::form::types::format_decimal((x * 10.0).round() / 10.0, lang);
    let verdict = match v["readiness"]["verdict"].as_str() {
        Some("ready") => tr(lang, "geschikt", "ready"),
        Some("attention") => tr(lang, "aandacht nodig", "needs attention"),
        Some("not_ready") => tr(lang, "niet geschikt", "not ready"),
        _ => "?".to_string(),
    };
    match p.kind.as_str() {
        "workstation" => format!(
            "{} {} — {} {} — {}",
            tr(lang, "werkplek", "workstation"),
            v["hostname"].as_str().unwrap_or("?"),
            v["os_name"].as_str().unwrap_or(""),
            v["os_version"].as_str().unwrap_or(""),
            verdict
        ),
        "bandwidth" => format!(
            "{} {} — ↓ {} ↑ {} Mbit/s, {} ms{}",
            tr(lang, "verbinding", "link"),
            p.machine_key,
            num(v["download_mbps"].as_f64().unwrap_or(0.0)),
            num(v["upload_mbps"].as_f64().unwrap_or(0.0)),
            num(v["latency_ms"].as_f64().unwrap_or(0.0)),
            loaded_per_direction(v, lang)
        ),
        "lan" => format!(
            "{} {} — {} hosts",
            tr(lang, "netwerk", "network"),
            p.machine_key,
            v["hosts"].as_array().map(|h| h.len()).unwrap_or(0)
        ),
        other => format!("{other} {}", p.machine_key),
    }
}

#[cfg(test)]
mod loaded_latency_tests {
    use super::*;

    #[test]
    fn the_saved_link_shows_its_loaded_latency_per_direction() {
        let p = ProbeRecord {
            kind: "bandwidth".into(),
            machine_key: "srv:5201".into(),
            payload: serde_json::json!({"download_mbps": 47.9, "upload_mbps": 9.6,
                "latency_ms": 21.04, "loaded_latency_download_ms": 371.6,
                "loaded_latency_upload_ms": 431.2}),
            measured_at: time::OffsetDateTime::UNIX_EPOCH,
            source: "local".into(),
        };
        assert_eq!(
            summary(&p, Lang::Nl),
            "verbinding srv:5201 — ↓ 47,9 ↑ 9,6 Mbit/s, 21 ms; onder belasting ↓ 372 ↑ 431 ms"
        );
        assert!(summary(&p, Lang::En).ends_with("; under load ↓ 372 ↑ 431 ms"));
        // Older measurements without the directions show what they have.
        let old = ProbeRecord {
            payload: serde_json::json!({"download_mbps": 47.9, "upload_mbps": 9.6,
                "latency_ms": 21.0, "loaded_latency_ms": 80.0}),
            ..p
        };
        assert!(summary(&old, Lang::En).ends_with("Mbit/s, 21 ms"));
    }
}
