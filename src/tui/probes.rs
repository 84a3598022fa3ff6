//! The Probes screen: measure this workstation, the local network and the internet
//! link for the open intake. Measurements run on a background thread and report
//! progress over a channel, so the screen stays live and Esc cancels. Drawing is in
//! `probes_view.rs`.

use crate::form::Lang;
use crate::probe::{bandwidth, lan, readiness, workstation};
use crate::store::ProbeRecord;
use crate::workspace::Workspace;
use crossterm::event::{KeyCode, KeyEvent};
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
    /// The location a bandwidth run is for (its number from 1), as the CLI's
    /// `--location` tags it.
    location: Option<usize>,
}

/// A bandwidth run that ended: its chart stays on screen with the result.
pub struct LastRun {
    pub title: String,
    pub samples: Vec<(f64, f64)>,
}

/// What the screen asks before measuring.
pub enum Prompt {
    /// The measuring server's address.
    Server(Input),
    /// Which location the link being measured serves: 0 is "none in particular",
    /// 1.. the intake's locations.
    Location {
        server: String,
        names: Vec<String>,
        cursor: usize,
    },
    /// The address range to scan, editable; nothing is scanned before Enter.
    Lan(Input),
}

pub struct ProbesScreen {
    pub intake_id: i64,
    pub saved: Vec<ProbeRecord>,
    pub job: Option<Job>,
    pub prompt: Option<Prompt>,
    pub last_run: Option<LastRun>,
    pub last_server: String,
    pub message: Option<String>,
    /// First line of the saved measurements shown (↑↓ scroll them).
    pub list_scroll: usize,
    /// Measured seconds per direction (10 by default, as `intake probe bandwidth`).
    pub bandwidth_seconds: f64,
}

impl ProbesScreen {
    pub fn new(ws: &Workspace, intake_id: i64) -> ProbesScreen {
        ProbesScreen {
            intake_id,
            saved: ws.store.probes(intake_id).unwrap_or_default(),
            job: None,
            prompt: None,
            last_run: None,
            last_server: std::env::var("INTAKE_BANDWIDTH_SERVER").unwrap_or_default(),
            message: None,
            list_scroll: 0,
            bandwidth_seconds: 10.0,
        }
    }

    pub fn is_typing(&self) -> bool {
        self.prompt.is_some()
    }

    pub fn busy(&self) -> bool {
        self.job.is_some()
    }

    /// Returns `true` when the user wants to leave the screen.
    pub fn handle_key(&mut self, k: KeyEvent, ws: &mut Workspace, lang: Lang) -> bool {
        if self.prompt.is_some() {
            self.prompt_key(k, ws, lang);
            return false;
        }
        if let Some(job) = &self.job {
            if k.code == KeyCode::Esc {
                job.cancel.store(true, Ordering::SeqCst);
                self.message = Some(crate::t!(lang, "tp-cancelling"));
            }
            return false;
        }
        match k.code {
            KeyCode::Esc => return true,
            KeyCode::Char('w') => self.workstation(ws, lang),
            KeyCode::Char('l') => self.ask_lan(),
            KeyCode::Char('b') => {
                self.prompt = Some(Prompt::Server(Input::new(self.last_server.clone())))
            }
            KeyCode::Down | KeyCode::Char('j') => self.list_scroll += 1,
            KeyCode::Up | KeyCode::Char('k') => {
                self.list_scroll = self.list_scroll.saturating_sub(1)
            }
            _ => {}
        }
        false
    }

    fn prompt_key(&mut self, k: KeyEvent, ws: &mut Workspace, lang: Lang) {
        let Some(prompt) = &mut self.prompt else {
            return;
        };
        if k.code == KeyCode::Esc {
            self.prompt = None;
            return;
        }
        match prompt {
            Prompt::Server(input) | Prompt::Lan(input) if k.code != KeyCode::Enter => {
                input.handle_event(&crossterm::event::Event::Key(k));
            }
            Prompt::Server(input) => {
                let server = input.value().trim().to_string();
                self.prompt = None;
                if server.is_empty() {
                    return;
                }
                self.last_server = server.clone();
                let names = location_names(ws, self.intake_id);
                if names.is_empty() {
                    self.start_bandwidth(server, None, lang);
                } else {
                    self.prompt = Some(Prompt::Location {
                        server,
                        names,
                        cursor: 1,
                    });
                }
            }
            Prompt::Location { names, cursor, .. } => match k.code {
                KeyCode::Down | KeyCode::Char('j') => *cursor = (*cursor + 1).min(names.len()),
                KeyCode::Up | KeyCode::Char('k') => *cursor = cursor.saturating_sub(1),
                KeyCode::Enter => {
                    if let Some(Prompt::Location { server, cursor, .. }) = self.prompt.take() {
                        self.start_bandwidth(server, (cursor > 0).then_some(cursor), lang);
                    }
                }
                _ => {}
            },
            // A wrong range stays open for correction; the view says what is wrong.
            Prompt::Lan(input) => {
                if let Ok(targets) = lan_targets(input.value(), lang) {
                    self.prompt = None;
                    self.start_lan(targets, lang);
                }
            }
        }
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
                self.saved = ws.store.probes(self.intake_id).unwrap_or_default();
                // Says what was measured in words, never the probe's internal kind.
                let what = self
                    .saved
                    .iter()
                    .find(|p| p.kind == kind && p.machine_key == key)
                    .map(|p| super::probes_view::summary(p, lang))
                    .unwrap_or_default();
                self.message = Some(crate::t!(lang, "tv-probe-saved", what = what));
            }
            Err(e) => self.message = Some(format!("{e:#}")),
        }
    }

    /// Proposes the networks this computer is on; scanning waits for Enter.
    fn ask_lan(&mut self) {
        let proposed = match lan::plan(None, false) {
            Ok(t) => networks(&t).join(", "),
            Err(e) => {
                self.message = Some(e.to_string());
                String::new()
            }
        };
        self.prompt = Some(Prompt::Lan(Input::new(proposed)));
    }

    fn start_lan(&mut self, targets: Vec<lan::ScanTarget>, lang: Lang) {
        let nets = networks(&targets);
        let title = crate::t!(
            lang,
            "tp-lan-title",
            count = targets.len(),
            networks = nets.join(", ")
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
        self.job = Some(Job::new(title, rx, cancel, None));
    }

    fn start_bandwidth(&mut self, server: String, location: Option<usize>, lang: Lang) {
        let (tx, rx) = channel();
        let cancel = Arc::new(AtomicBool::new(false));
        let c = cancel.clone();
        let title = crate::t!(lang, "tp-bandwidth-title", server = server.as_str());
        let opts = bandwidth::MeasureOptions {
            seconds: self.bandwidth_seconds,
            ..Default::default()
        };
        self.last_run = None;
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
        self.job = Some(Job::new(title, rx, cancel, location));
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
                    job.take_bandwidth(&p, lang);
                }
                Ok(JobEvent::Lan(p)) => {
                    changed = true;
                    job.ratio = if p.total == 0 {
                        1.0
                    } else {
                        p.probed as f64 / p.total as f64
                    };
                    job.label = crate::t!(
                        lang,
                        "tp-lan-progress",
                        probed = p.probed,
                        total = p.total,
                        count = p.hosts_up
                    );
                }
                Ok(JobEvent::Done(r)) => {
                    finished = Some(r);
                    break;
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    finished = Some(Err(crate::t!(lang, "tp-stopped")));
                    break;
                }
            }
        }
        if let Some(r) = finished {
            let cancelled = job.cancel.load(Ordering::SeqCst);
            let Some(job) = self.job.take() else {
                return changed;
            };
            changed = true;
            match r {
                Ok((kind, key, mut payload)) if !cancelled => {
                    let key = match job.location {
                        Some(n) => {
                            payload["location"] = serde_json::json!(n);
                            crate::cli::probe::bandwidth_key(&key, &payload["location"])
                        }
                        None => key,
                    };
                    if kind == "bandwidth" {
                        self.last_run = Some(LastRun {
                            title: job.title,
                            samples: job.samples,
                        });
                    }
                    self.save(&kind, &key, &payload, ws, lang)
                }
                Ok(_) => self.message = Some(crate::t!(lang, "tp-cancelled")),
                Err(e) => self.message = Some(e),
            }
        }
        changed
    }
}

impl Job {
    fn new(
        title: String,
        rx: Receiver<JobEvent>,
        cancel: Arc<AtomicBool>,
        location: Option<usize>,
    ) -> Job {
        Job {
            title,
            rx,
            cancel,
            ratio: 0.0,
            label: String::new(),
            samples: vec![],
            offset: 0.0,
            last_phase: None,
            location,
        }
    }

    fn take_bandwidth(&mut self, p: &bandwidth::BandwidthProgress, lang: Lang) {
        if self.last_phase != Some(p.phase) {
            self.offset = self.samples.last().map(|s| s.0).unwrap_or(0.0);
            self.last_phase = Some(p.phase);
        }
        let planned = p.planned.as_secs_f64().max(0.001);
        self.ratio = (p.elapsed.as_secs_f64() / planned).clamp(0.0, 1.0);
        let phase = match p.phase {
            bandwidth::Phase::Latency => crate::t!(lang, "tp-phase-latency"),
            bandwidth::Phase::Download => crate::t!(lang, "tp-phase-download"),
            bandwidth::Phase::Upload => crate::t!(lang, "tp-phase-upload"),
            bandwidth::Phase::SingleStream => crate::t!(lang, "tp-phase-single-stream"),
        };
        self.label = match (p.current_mbps, p.last_rtt_ms) {
            (Some(r), _) if p.warming_up => crate::t!(
                lang,
                "tp-progress-warming-up",
                phase = phase,
                value = super::probes_view::mbit_s(r, lang)
            ),
            (Some(r), _) => crate::t!(
                lang,
                "tp-progress",
                phase = phase,
                value = super::probes_view::mbit_s(r, lang)
            ),
            (None, Some(ms)) => crate::t!(
                lang,
                "tp-progress",
                phase = phase,
                value = super::probes_view::milliseconds(ms, 1, lang)
            ),
            _ => phase,
        };
        if let Some(r) = p.current_mbps {
            self.samples
                .push((self.offset + p.elapsed.as_secs_f64(), r));
        }
    }
}

/// The networks of a scan plan, each once, in order.
pub fn networks(targets: &[lan::ScanTarget]) -> Vec<String> {
    let mut nets: Vec<String> = targets.iter().map(|t| t.network.clone()).collect();
    nets.dedup();
    nets
}

/// The addresses a typed range stands for: one or more CIDR ranges, separated by
/// commas or spaces, each checked as `intake probe lan --cidr` checks it.
pub fn lan_targets(text: &str, lang: Lang) -> Result<Vec<lan::ScanTarget>, String> {
    let mut out = Vec::new();
    for part in text
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|p| !p.is_empty())
    {
        out.extend(lan::plan(Some(part), false).map_err(|e| e.to_string())?);
    }
    if out.is_empty() {
        return Err(crate::t!(lang, "tv-lan-no-range"));
    }
    Ok(out)
}

/// "1 Hoofdkantoor", "2 Magazijn": the intake's locations by number.
fn location_names(ws: &Workspace, id: i64) -> Vec<String> {
    let Ok(l) = ws.load(id) else {
        return Vec::new();
    };
    (1..=l.entry_count("locations"))
        .map(|i| {
            let name = l
                .answers
                .get(&format!("locations[{i}].name"))
                .and_then(|v| v.as_str())
                .unwrap_or("")
                .to_string();
            format!("{i} {name}")
        })
        .collect()
}

#[cfg(test)]
#[path = "probes_tests.rs"]
mod progress_tests;
