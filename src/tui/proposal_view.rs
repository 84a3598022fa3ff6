//! Drawing the Advice & Quote screen: the tabs, the findings with the selected one kept in
//! view, the quote and the plan as lines, the draft notice while the PDF name is asked.

use super::proposal::{Prompt, ProposalScreen, Tab};
use super::text::wrap;
use super::theme::Theme;
use crate::advice::Severity;
use crate::form::Lang;
use crate::i18n::fmt;
use crate::proposal::Proposal;
use crate::proposal::draft::DraftStatus;
use crate::quote::format_eur;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Wrap};

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
    for (id, net, gross) in [
        (
            "quote-cli-first-year",
            t.first_year_cents,
            t.first_year_gross_cents,
        ),
        (
            "quote-cli-commitment",
            t.first_year_commitment_cents,
            t.first_year_commitment_gross_cents,
        ),
    ] {
        let text = crate::t!(
            lang,
            id,
            net = format_eur(net, lang),
            gross = format_eur(gross, lang)
        );
        out.push(Line::styled(text, theme.value()));
    }
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
