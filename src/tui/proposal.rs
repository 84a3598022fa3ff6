//! The Advice & Quote screen: findings by severity (accept one with a reason), the
//! quote or cost overview with its totals, the migration plan, and the PDF export.

use super::text::wrap;
use super::theme::Theme;
use crate::advice::Severity;
use crate::form::Lang;
use crate::i18n::fmt;
use crate::proposal::draft::DraftStatus;
use crate::proposal::{self, Config, Proposal};
use crate::quote::format_eur;
use crate::workspace::{Workspace, today};
use crossterm::event::{KeyCode, KeyEvent};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Tab {
    Advice,
    Quote,
    Plan,
}

/// What is being typed on this screen.
pub enum Prompt {
    /// The reason for accepting the selected finding.
    Accept(Input),
    /// The PDF file to write.
    Export(Input),
}

pub struct ProposalScreen {
    pub intake_id: i64,
    pub proposal: Option<Proposal>,
    pub error: Option<String>,
    pub tab: Tab,
    pub selected: usize,
    pub prompt: Option<Prompt>,
    pub message: Option<String>,
    /// Why the proposal is a draft (shown before the PDF is written), from `proposal::draft`.
    pub draft: Option<DraftStatus>,
}

/// The draft notice above the export prompt: a title, the completeness, then the reasons.
fn draft_notice(d: &DraftStatus, lang: Lang) -> Vec<String> {
    let mut out = vec![
        crate::t!(lang, "draft-tui-title"),
        format!(
            "  {}",
            crate::t!(lang, "draft-completeness", percent = d.completeness)
        ),
    ];
    out.extend(d.lines(lang).into_iter().map(|r| format!("  • {r}")));
    out
}

impl ProposalScreen {
    pub fn new(ws: &Workspace, intake_id: i64) -> ProposalScreen {
        let mut s = ProposalScreen {
            intake_id,
            proposal: None,
            error: None,
            tab: Tab::Advice,
            selected: 0,
            prompt: None,
            message: None,
            draft: None,
        };
        s.refresh(ws);
        s
    }

    fn refresh(&mut self, ws: &Workspace) {
        let built = (|| -> anyhow::Result<Proposal> {
            let l = ws.load(self.intake_id)?;
            let probes = ws.store.probes(self.intake_id)?;
            let accepted = ws.store.accepted_findings(self.intake_id)?;
            let cfg = Config::embedded().map_err(|e| anyhow::anyhow!("{e}"))?;
            Ok(proposal::build(
                &cfg,
                &l.form,
                &l.answers,
                &probes,
                &accepted,
                today(),
            ))
        })();
        match built {
            Ok(p) => {
                self.selected = self.selected.min(p.findings.len().saturating_sub(1));
                self.proposal = Some(p);
                self.error = None;
            }
            Err(e) => self.error = Some(format!("{e:#}")),
        }
    }

    pub fn is_typing(&self) -> bool {
        self.prompt.is_some()
    }

    /// Returns `true` when the user leaves the screen.
    pub fn handle_key(&mut self, k: KeyEvent, ws: &mut Workspace, lang: Lang) -> bool {
        if let Some(prompt) = &mut self.prompt {
            match k.code {
                KeyCode::Esc => self.prompt = None,
                KeyCode::Enter => {
                    let prompt = self.prompt.take();
                    match prompt {
                        Some(Prompt::Accept(i)) => self.accept(ws, i.value().trim(), lang),
                        Some(Prompt::Export(i)) => self.export(ws, i.value().trim(), lang),
                        None => {}
                    }
                }
                _ => {
                    let input = match prompt {
                        Prompt::Accept(i) | Prompt::Export(i) => i,
                    };
                    input.handle_event(&crossterm::event::Event::Key(k));
                }
            }
            return false;
        }
        let n = self
            .proposal
            .as_ref()
            .map(|p| p.findings.len())
            .unwrap_or(0);
        match k.code {
            KeyCode::Esc => return true,
            KeyCode::Tab | KeyCode::Right => {
                self.tab = match self.tab {
                    Tab::Advice => Tab::Quote,
                    Tab::Quote => Tab::Plan,
                    Tab::Plan => Tab::Advice,
                }
            }
            KeyCode::BackTab | KeyCode::Left => {
                self.tab = match self.tab {
                    Tab::Advice => Tab::Plan,
                    Tab::Quote => Tab::Advice,
                    Tab::Plan => Tab::Quote,
                }
            }
            KeyCode::Down | KeyCode::Char('j') => {
                self.selected = (self.selected + 1).min(n.saturating_sub(1))
            }
            KeyCode::Up | KeyCode::Char('k') => self.selected = self.selected.saturating_sub(1),
            KeyCode::Char('a') if self.tab == Tab::Advice && n > 0 => {
                // Only a finding that asks for something can be accepted as it is.
                let ok = self
                    .proposal
                    .as_ref()
                    .and_then(|p| p.findings.get(self.selected))
                    .is_some_and(|f| f.severity == Severity::Ok);
                if ok {
                    self.message = Some(crate::t!(lang, "tv-nothing-to-accept"));
                } else {
                    self.prompt = Some(Prompt::Accept(Input::default()))
                }
            }
            KeyCode::Char('e') => {
                // The same reasons the PDF's cover lists, shown before anything is written.
                self.draft = proposal::draft::of_intake(ws, self.intake_id, today(), lang).ok();
                let name = crate::t!(
                    lang,
                    "tq-pdf-name",
                    id = self.intake_id.to_string(),
                    lang = lang.code()
                );
                self.prompt = Some(Prompt::Export(Input::new(name)));
            }
            _ => {}
        }
        false
    }

    fn accept(&mut self, ws: &mut Workspace, reason: &str, lang: Lang) {
        let Some(f) = self
            .proposal
            .as_ref()
            .and_then(|p| p.findings.get(self.selected))
        else {
            return;
        };
        if reason.is_empty() {
            self.message = Some(crate::t!(lang, "tq-reason-needed"));
            return;
        }
        let rule = f.rule_id.clone();
        let title = f.title.get(lang).to_string();
        match ws
            .store
            .accept_finding(self.intake_id, &rule, reason, &crate::workspace::os_user())
        {
            Ok(()) => {
                self.message = Some(crate::t!(lang, "tv-finding-accepted", title = title));
                self.refresh(ws);
            }
            Err(e) => self.message = Some(format!("{e:#}")),
        }
    }

    fn export(&mut self, ws: &mut Workspace, path: &str, lang: Lang) {
        if path.is_empty() {
            return;
        }
        self.message = Some(crate::t!(lang, "tq-writing"));
        let path = std::path::Path::new(path);
        match crate::export::export_report(ws, self.intake_id, path, lang, false) {
            Ok(done) => {
                self.message = Some(crate::t!(
                    lang,
                    "tq-written",
                    path = done.path.to_string(),
                    kb = done.bytes / 1024
                ));
            }
            Err(e) => self.message = Some(format!("{e:#}")),
        }
    }

    pub fn draw(&self, f: &mut Frame, area: Rect, theme: &Theme, lang: Lang) {
        let width = area.width as usize;
        // A typed reason or path wraps like any text, cursor mark at its end.
        let typed = |label: String, value: &str| -> Vec<Line<'static>> {
            wrap(&format!("{label}{value}▏"), width)
                .into_iter()
                .take(4)
                .map(|l| Line::styled(l, theme.key()))
                .collect()
        };
        let footer: Vec<Line> = match &self.prompt {
            Some(Prompt::Accept(i)) => typed(
                format!("{} ", crate::t!(lang, "tv-accept-reason")),
                i.value(),
            ),
            Some(Prompt::Export(i)) => {
                typed(format!("{} ", crate::t!(lang, "tv-pdf-file")), i.value())
            }
            None => {
                let text = self
                    .message
                    .clone()
                    .unwrap_or_else(|| crate::t!(lang, "tv-advice-footer"));
                wrap(&text, width)
                    .into_iter()
                    .take(3)
                    .map(|l| Line::styled(l, theme.dim()))
                    .collect()
            }
        };
        let [tabs, body, foot] = Layout::vertical([
            Constraint::Length(2),
            Constraint::Min(3),
            Constraint::Length(footer.len() as u16 + 1),
        ])
        .areas(area);
        let names = [
            (Tab::Advice, crate::t!(lang, "tq-tab-advice")),
            (Tab::Quote, crate::t!(lang, "tq-tab-quote")),
            (Tab::Plan, crate::t!(lang, "tq-tab-plan")),
        ];
        let spans: Vec<Span> = names
            .iter()
            .map(|(t, n)| {
                Span::styled(
                    format!(" {n} "),
                    if *t == self.tab {
                        theme.selected()
                    } else {
                        theme.dim()
                    },
                )
            })
            .collect();
        f.render_widget(Paragraph::new(Line::from(spans)), tabs);
        let block = Block::default()
            .borders(Borders::TOP)
            .border_style(theme.border());
        let inner = block.inner(body);
        // The PDF's draft reasons, shown while the file name is asked.
        let draft = self
            .draft
            .as_ref()
            .filter(|d| d.is_draft() && matches!(self.prompt, Some(Prompt::Export(_))));
        // Lines are wrapped here, so the selected finding's place is known.
        let (lines, selected_at) = match (&self.proposal, &self.error) {
            (_, Some(e)) => (vec![Line::styled(e.clone(), theme.error())], 0),
            (Some(_), None) if draft.is_some() => (
                draft
                    .map(|d| draft_notice(d, lang))
                    .unwrap_or_default()
                    .into_iter()
                    .enumerate()
                    .map(|(i, t)| {
                        if i == 0 {
                            Line::styled(t, theme.warning())
                        } else {
                            Line::raw(t)
                        }
                    })
                    .collect(),
                0,
            ),
            (Some(p), None) => match self.tab {
                Tab::Advice => self.advice_lines(p, theme, lang, inner.width as usize),
                Tab::Quote => (quote_lines(p, theme, lang), 0),
                Tab::Plan => (plan_lines(p, theme, lang), 0),
            },
            (None, None) => (vec![], 0),
        };
        let scroll = (selected_at as u16).saturating_sub(inner.height / 3);
        f.render_widget(
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .scroll((scroll, 0))
                .block(block),
            body,
        );
        f.render_widget(
            Paragraph::new(footer),
            Rect {
                y: foot.y + 1,
                height: foot.height - 1,
                ..foot
            },
        );
    }

    /// The findings as wrapped lines, and the line the selected one starts on.
    fn advice_lines(
        &self,
        p: &Proposal,
        theme: &Theme,
        lang: Lang,
        width: usize,
    ) -> (Vec<Line<'static>>, usize) {
        let mut out = Vec::new();
        let mut selected_at = 0;
        let text_w = width.saturating_sub(5).max(10);
        for (i, fnd) in p.findings.iter().enumerate() {
            let (mark, style) = match fnd.severity {
                Severity::Blocker => ("✗", theme.error()),
                Severity::Attention => ("!", theme.warning()),
                Severity::Ok => ("✓", theme.ok()),
            };
            let selected = i == self.selected;
            if selected {
                selected_at = out.len();
            }
            let title_style = if selected { theme.selected() } else { style };
            let accepted = fnd
                .accepted
                .as_ref()
                .map(|a| crate::t!(lang, "tq-accepted", reason = a.reason.as_str()))
                .unwrap_or_default();
            // The selected finding is marked by ▶ as well as by colour.
            let cursor = if selected { "▶ " } else { "  " };
            for (li, l) in wrap(&format!("{mark} {}", fnd.title.get(lang)), text_w + 2)
                .into_iter()
                .enumerate()
            {
                let lead = if li == 0 { cursor } else { "    " };
                out.push(Line::styled(format!("{lead}{l}"), title_style));
            }
            for (text, st) in [
                (accepted, theme.dim()),
                (fnd.finding.get(lang).to_string(), Style::new()),
                (format!("→ {}", fnd.measure.get(lang)), theme.dim()),
            ] {
                if text.is_empty() {
                    continue;
                }
                for l in wrap(&text, text_w) {
                    out.push(Line::styled(format!("     {l}"), st));
                }
            }
        }
        if out.is_empty() {
            out.push(Line::raw(crate::t!(lang, "tq-no-findings")));
        }
        (out, selected_at)
    }
}

fn quote_lines(p: &Proposal, theme: &Theme, lang: Lang) -> Vec<Line<'static>> {
    let q = match &p.quote {
        Ok(q) => q,
        Err(e) => return vec![Line::styled(e.to_string(), theme.error())],
    };
    let kind = match q.kind {
        crate::quote::QuoteKind::Quote => crate::t!(lang, "tq-kind-quote"),
        _ => crate::t!(lang, "tq-kind-overview"),
    };
    let mut out = vec![Line::styled(
        crate::t!(
            lang,
            "tq-valid-until",
            kind = kind,
            date = fmt::date_long(q.valid_until, lang)
        ),
        theme.title(),
    )];
    for l in &q.lines {
        let desc = l.description(lang);
        let amount = match l.unit_cents {
            Some(u) => format!(
                "{} × {} = {}",
                fmt::integer(i64::from(l.quantity), lang),
                format_eur(u, lang),
                format_eur(l.net_cents, lang)
            ),
            None => crate::t!(lang, "tq-on-request"),
        };
        let period = match l.period {
            crate::quote::Period::Monthly => crate::t!(lang, "tq-per-month"),
            crate::quote::Period::OneTime => crate::t!(lang, "tq-one-time"),
        };
        let outside = if l.in_totals() { "" } else { " *" };
        out.push(Line::raw(format!(
            "  {desc:<48} {amount} {period}{outside}"
        )));
    }
    let t = &q.totals;
    out.push(Line::raw(""));
    for (id, net, vat, gross) in [
        (
            "tq-monthly-total",
            t.monthly_net_cents,
            t.monthly_vat_cents,
            t.monthly_gross_cents,
        ),
        (
            "tq-one-time-total",
            t.one_time_net_cents,
            t.one_time_vat_cents,
            t.one_time_gross_cents,
        ),
    ] {
        let total = crate::t!(
            lang,
            id,
            net = format_eur(net, lang),
            vat = format_eur(vat, lang),
            gross = format_eur(gross, lang)
        );
        out.push(Line::styled(total, theme.value()));
    }
    // The same first-year cost and commitment as `intake quote` and the PDF.
    out.push(Line::styled(
        crate::t!(
            lang,
            "quote-cli-first-year",
            net = format_eur(t.first_year_cents, lang),
            gross = format_eur(t.first_year_gross_cents, lang)
        ),
        theme.value(),
    ));
    out.push(Line::styled(
        crate::t!(
            lang,
            "quote-cli-commitment",
            net = format_eur(t.first_year_commitment_cents, lang),
            gross = format_eur(t.first_year_commitment_gross_cents, lang)
        ),
        theme.value(),
    ));
    out.push(Line::styled(
        format!("* {}", crate::t!(lang, "tq-outside-totals")),
        theme.dim(),
    ));
    out
}

fn plan_lines(p: &Proposal, theme: &Theme, lang: Lang) -> Vec<Line<'static>> {
    let date = |d| fmt::date_short(d, lang);
    // Without what the dates follow from, each phase's days and what is missing; no date.
    let missing = crate::advice::model::PlanGap::phrase(&p.model.plan_gaps(), lang);
    let mut out = Vec::new();
    for ph in &p.plan.phases {
        let name = ph.name(lang);
        let days = crate::t!(lang, "working-days", count = ph.working_days);
        out.push(Line::raw(match missing {
            Some(_) => format!("  {name:<40} ({days})"),
            None => format!(
                "  {:<40} {} – {}  ({days})",
                name,
                date(ph.start),
                date(ph.end)
            ),
        }));
    }
    out.push(Line::raw(""));
    if let Some(m) = &missing {
        let note = crate::t!(lang, "plan-unknown-short", missing = m.as_str());
        out.push(Line::styled(note, theme.error()));
        return out;
    }
    out.push(Line::styled(
        crate::t!(
            lang,
            "tq-go-live",
            date = fmt::date_long(p.plan.earliest_go_live, lang)
        ),
        theme.value(),
    ));
    if p.plan.go_live_too_early {
        out.push(Line::styled(crate::t!(lang, "tq-too-early"), theme.error()));
    }
    out
}
