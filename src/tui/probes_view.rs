//! Drawing the Probes screen: what each key measures, the question asked before a
//! measurement, the gauge and chart while it runs (the chart stays with the result
//! afterwards), and the saved measurements with their reasons.

use super::probes::{ProbesScreen, Prompt, lan_targets, networks};
use super::text::wrap;
use super::theme::Theme;
use crate::form::Lang;
use crate::i18n::fmt;
use crate::probe::lan;
use crate::store::ProbeRecord;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Style;
use ratatui::text::Line;
use ratatui::widgets::{Axis, Block, Borders, Chart, Dataset, Gauge, GraphType, Paragraph};

impl ProbesScreen {
    pub fn draw(&mut self, f: &mut Frame, area: Rect, theme: &Theme, lang: Lang) {
        let width = area.width as usize;
        let mut head = vec![Line::styled(
            crate::t!(lang, "tv-probes-title"),
            theme.title(),
        )];
        let intro = crate::t!(lang, "tv-probes-intro");
        push_wrapped(&mut head, &intro, width, Style::new());
        if let Some(m) = &self.message {
            push_wrapped(&mut head, m, width, theme.dim());
        }
        let prompt = self.prompt_lines(theme, lang, width.saturating_sub(2));
        let samples = match (&self.job, &self.last_run) {
            (Some(job), _) => Some((&job.samples, None)),
            (None, Some(run)) => Some((&run.samples, Some(&run.title))),
            _ => None,
        }
        .filter(|(s, _)| !s.is_empty());
        let box_h = match (&prompt, &self.job) {
            (Some(lines), _) => lines.len() as u16 + 2,
            (None, Some(_)) => 3,
            _ => 0,
        };
        let chart_h = if samples.is_some() { 8 } else { 0 };
        let [head_area, box_area, chart_area, list_area] = Layout::vertical([
            Constraint::Length(head.len() as u16),
            Constraint::Length(box_h),
            Constraint::Length(chart_h),
            Constraint::Min(0),
        ])
        .areas(area);
        f.render_widget(Paragraph::new(head), head_area);
        if let Some(lines) = prompt {
            let cursor = self.prompt_cursor(box_area);
            f.render_widget(
                Paragraph::new(lines).block(
                    Block::default()
                        .borders(Borders::ALL)
                        .border_style(theme.border_focus()),
                ),
                box_area,
            );
            if let Some(c) = cursor {
                f.set_cursor_position(c);
            }
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
            f.render_widget(g, box_area);
        }
        if let Some((samples, title)) = samples {
            draw_chart(
                f,
                chart_area,
                samples,
                title.map(String::as_str),
                theme,
                lang,
            );
        }
        self.draw_saved(f, list_area, theme, lang);
    }

    /// The question asked before measuring, as lines for a box `width` wide inside.
    fn prompt_lines(&self, theme: &Theme, lang: Lang, width: usize) -> Option<Vec<Line<'static>>> {
        let mut out = Vec::new();
        match self.prompt.as_ref()? {
            Prompt::Server(input) => {
                push_wrapped(
                    &mut out,
                    &crate::t!(lang, "tv-server-ask"),
                    width,
                    theme.key(),
                );
                out.push(Line::styled(input.value().to_string(), theme.value()));
            }
            Prompt::Location { names, cursor, .. } => {
                push_wrapped(
                    &mut out,
                    &crate::t!(lang, "tv-location-ask"),
                    width,
                    theme.key(),
                );
                let none = crate::t!(lang, "tv-location-none");
                for (i, name) in std::iter::once(&none).chain(names).enumerate() {
                    let (mark, style) = if i == *cursor {
                        ("▶ ", theme.selected())
                    } else {
                        ("  ", Style::new())
                    };
                    push_wrapped(&mut out, &format!("{mark}{name}"), width, style);
                }
            }
            Prompt::Lan(input) => {
                let plan = lan_targets(input.value(), lang);
                let ask = match &plan {
                    Ok(t) => lan_question(lang, t),
                    Err(e) => e.clone(),
                };
                push_wrapped(
                    &mut out,
                    &ask,
                    width,
                    if plan.is_ok() {
                        theme.key()
                    } else {
                        theme.error()
                    },
                );
                push_wrapped(
                    &mut out,
                    &crate::t!(lang, "tv-lan-edit"),
                    width,
                    theme.dim(),
                );
                out.push(Line::styled(input.value().to_string(), theme.value()));
            }
        }
        Some(out)
    }

    /// Where the terminal cursor stands in a text prompt (its last line).
    fn prompt_cursor(&self, area: Rect) -> Option<Position> {
        let input = match self.prompt.as_ref()? {
            Prompt::Server(i) | Prompt::Lan(i) => i,
            Prompt::Location { .. } => return None,
        };
        let y = area.y + area.height.checked_sub(2)?;
        let x = area.x + 1 + (input.visual_cursor() as u16).min(area.width.saturating_sub(3));
        Some(Position { x, y })
    }

    fn draw_saved(&mut self, f: &mut Frame, area: Rect, theme: &Theme, lang: Lang) {
        if area.height < 2 {
            return;
        }
        let width = area.width as usize;
        let mut rows = Vec::new();
        if self.saved.is_empty() {
            push_wrapped(
                &mut rows,
                &crate::t!(lang, "tv-probes-none"),
                width,
                theme.dim(),
            );
        }
        for p in &self.saved {
            push_wrapped(&mut rows, &summary(p, lang), width, Style::new());
            for r in reasons(p, lang) {
                for (i, l) in wrap(&r, width.saturating_sub(5).max(10))
                    .into_iter()
                    .enumerate()
                {
                    let lead = if i == 0 { "   ! " } else { "     " };
                    rows.push(Line::styled(format!("{lead}{l}"), theme.warning()));
                }
            }
        }
        let inner_h = area.height.saturating_sub(2) as usize;
        let max_scroll = rows.len().saturating_sub(inner_h);
        self.list_scroll = self.list_scroll.min(max_scroll);
        let mut title = crate::t!(lang, "tv-probes-saved-title");
        if max_scroll > 0 {
            title.push_str(" ↑↓");
        }
        let [t, list] = Layout::vertical([Constraint::Length(2), Constraint::Min(0)]).areas(area);
        f.render_widget(
            Paragraph::new(Line::styled(title, theme.title())).block(
                Block::default()
                    .borders(Borders::TOP)
                    .border_style(theme.border()),
            ),
            t,
        );
        f.render_widget(
            Paragraph::new(rows).scroll((self.list_scroll as u16, 0)),
            list,
        );
    }
}

fn draw_chart(
    f: &mut Frame,
    area: Rect,
    samples: &[(f64, f64)],
    title: Option<&str>,
    theme: &Theme,
    lang: Lang,
) {
    let max_x = samples.last().map(|s| s.0).unwrap_or(1.0).max(1.0);
    let max_y = samples.iter().map(|s| s.1).fold(1.0_f64, f64::max) * 1.1;
    let data = Dataset::default()
        .graph_type(GraphType::Line)
        .style(theme.key())
        .data(samples);
    let unit = crate::t!(lang, "tp-unit-mbit-s");
    let title = match title {
        Some(t) => format!(" {unit} — {t} "),
        None => format!(" {unit} "),
    };
    let seconds = |x: f64| fmt::with_unit(&fmt::decimal(x, 0, lang), &crate::t!(lang, "tp-unit-s"));
    let c = Chart::new(vec![data])
        .block(
            Block::default()
                .borders(Borders::ALL)
                .title(title)
                .border_style(theme.border()),
        )
        .x_axis(
            Axis::default()
                .bounds([0.0, max_x])
                .labels(vec![Line::raw(seconds(0.0)), Line::raw(seconds(max_x))]),
        )
        .y_axis(Axis::default().bounds([0.0, max_y]).labels(vec![
            Line::raw("0"),
            Line::raw(fmt::decimal(max_y, 0, lang)),
        ]));
    f.render_widget(c, area);
}

fn push_wrapped(out: &mut Vec<Line<'static>>, text: &str, width: usize, style: Style) {
    out.extend(
        wrap(text, width)
            .into_iter()
            .map(|l| Line::styled(l, style)),
    );
}

/// "Scan 254 addresses in 192.168.1.0/24 (TCP ports 22, 80, …)?"
fn lan_question(lang: Lang, targets: &[lan::ScanTarget]) -> String {
    let ports: Vec<String> = lan::LanOptions::default()
        .ports
        .iter()
        .map(u16::to_string)
        .collect();
    crate::t!(
        lang,
        "tv-lan-ask",
        count = targets.len(),
        networks = networks(targets).join(", "),
        ports = ports.join(", ")
    )
}

/// Why a workstation is not simply ready: its readiness reasons that are not "ready",
/// in the language shown.
fn reasons(p: &crate::store::ProbeRecord, lang: Lang) -> Vec<String> {
    if p.kind != "workstation" {
        return Vec::new();
    }
    // The reasons carry their text per language code, as a form does.
    let key = lang.code();
    p.payload["readiness"]["reasons"]
        .as_array()
        .map(|rs| {
            rs.iter()
                .filter(|r| r["verdict"].as_str() != Some("ready"))
                .filter_map(|r| r[key].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// A bandwidth with one decimal and its unit, joined by a non-breaking space: "18,5 Mbit/s".
pub fn mbit_s(value: f64, lang: Lang) -> String {
    fmt::with_unit(
        &fmt::decimal(value, 1, lang),
        &crate::t!(lang, "tp-unit-mbit-s"),
    )
}

/// A time in milliseconds with `decimals` and its unit: "21,0 ms".
pub fn milliseconds(value: f64, decimals: u32, lang: Lang) -> String {
    fmt::with_unit(
        &fmt::decimal(value, decimals, lang),
        &crate::t!(lang, "tp-unit-ms"),
    )
}

/// One line per saved probe.
pub fn summary(p: &ProbeRecord, lang: Lang) -> String {
    let v = &p.payload;
    let verdict = match v["readiness"]["verdict"].as_str() {
        Some("ready") => crate::t!(lang, "tp-verdict-ready"),
        Some("attention") => crate::t!(lang, "tp-verdict-attention"),
        Some("not_ready") => crate::t!(lang, "tp-verdict-not-ready"),
        _ => "?".to_string(),
    };
    match p.kind.as_str() {
        "workstation" => crate::t!(
            lang,
            "tp-workstation-summary",
            host = v["hostname"].as_str().unwrap_or("?"),
            os = format!(
                "{} {}",
                v["os_name"].as_str().unwrap_or(""),
                v["os_version"].as_str().unwrap_or("")
            ),
            verdict = verdict
        ),
        "bandwidth" => {
            // Numbers keep their units (a non-breaking space): a wrap never parts them.
            let ms = |x: f64| milliseconds(x, 1, lang);
            let line = crate::t!(
                lang,
                "tv-link-summary",
                key = p.machine_key.as_str(),
                down = mbit_s(v["download_mbps"].as_f64().unwrap_or(0.0), lang),
                up = mbit_s(v["upload_mbps"].as_f64().unwrap_or(0.0), lang),
                latency = ms(v["latency_ms"].as_f64().unwrap_or(0.0))
            );
            // Latency under load per direction (bufferbloat), in whole milliseconds,
            // when the measurement has it.
            let loaded = |k: &str| v[k].as_f64().filter(|x| x.is_finite());
            let whole_ms = |x: f64| milliseconds(x, 0, lang);
            match (
                loaded("loaded_latency_download_ms"),
                loaded("loaded_latency_upload_ms"),
            ) {
                (Some(d), Some(u)) => format!(
                    "{line} {}",
                    crate::t!(
                        lang,
                        "tv-loaded-latency",
                        down = whole_ms(d),
                        up = whole_ms(u)
                    )
                ),
                _ => line,
            }
        }
        "lan" => crate::t!(
            lang,
            "tp-lan-summary",
            networks = p.machine_key.as_str(),
            count = v["hosts"].as_array().map(|h| h.len()).unwrap_or(0)
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
        // Numbers and units are joined by a non-breaking space.
        let plain = |s: String| s.replace('\u{a0}', " ");
        assert_eq!(
            plain(summary(&p, Lang::Nl)),
            "verbinding srv:5201 — ↓ 47,9 Mbit/s ↑ 9,6 Mbit/s, 21,0 ms (onder belasting ↓ 372 ms ↑ 431 ms)"
        );
        assert!(plain(summary(&p, Lang::En)).ends_with("(under load ↓ 372 ms ↑ 431 ms)"));
        // Older measurements without the directions show what they have.
        let old = ProbeRecord {
            payload: serde_json::json!({"download_mbps": 47.9, "upload_mbps": 9.6,
                "latency_ms": 21.0, "loaded_latency_ms": 80.0}),
            ..p
        };
        assert!(plain(summary(&old, Lang::En)).ends_with("Mbit/s, 21.0 ms"));
    }
}
