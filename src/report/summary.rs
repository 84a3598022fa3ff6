//! The summary page: readiness, then every open blocker and point of attention (each rule once),
//! the feasibility of the desired go-live and what the first year costs.

use super::ReportError;
use super::canvas::Style;
use super::format::{format_date, format_eur};
use super::labels::{self, labels};
use super::layout::{BODY, CONTENT_W, INK, Layout, MARGIN_L, MUTED, baseline_offset};
use super::model::{GoLive, Lang, ReportInput, Severity};
use super::sections::severity_mark;
use super::table::{Align, Cell, Column, Row, table};

/// The summary's own words, from `assets/locales/*/situation.ftl`.
fn words(lang: Lang, id: &str) -> String {
    crate::i18n::message(lang, &format!("summary-{id}"), None)
}

pub fn summary(layout: &mut Layout, input: &ReportInput) -> Result<(), ReportError> {
    let l = labels(input.lang);
    let lang = input.lang;
    layout.heading(&l.summary, 1, 20.0)?;
    // Readiness at a glance: one large mark plus counts per severity.
    let y = layout.y;
    layout.canvas.text(
        layout.page,
        MARGIN_L,
        y + baseline_offset(BODY + 1.0),
        BODY + 1.0,
        Style::Bold,
        INK,
        &l.readiness,
    )?;
    let x = MARGIN_L + layout.width(&l.readiness, BODY + 1.0, Style::Bold) + 4.0;
    layout.mark(x, y + 0.2, &severity_mark(lang, input.summary.readiness))?;
    layout.y += 7.0;
    let mut x = MARGIN_L;
    for s in [Severity::Blocker, Severity::Attention, Severity::Ok] {
        let n = input.findings.iter().filter(|f| f.severity == s).count();
        let accepted = input
            .findings
            .iter()
            .filter(|f| f.severity == s && f.accepted.is_some())
            .count();
        let mut mark = severity_mark(lang, s);
        mark.text = format!("{n} × {}", mark.text);
        x += layout.mark(x, layout.y, &mark)? + 1.5;
        if accepted > 0 {
            let t = format!("({accepted} {})", l.accepted.to_lowercase());
            layout.canvas.text(
                layout.page,
                x,
                layout.y + 3.3,
                super::layout::SMALL,
                Style::Regular,
                MUTED,
                &t,
            )?;
            x += layout.width(&t, super::layout::SMALL, Style::Regular) + 1.5;
        }
        x += 3.0;
    }
    layout.y += 8.0;

    if !input.findings.is_empty() || !input.summary.points.is_empty() {
        layout.heading(&l.main_findings, 2, 15.0)?;
        if input.summary.points.is_empty() {
            layout.paragraph(&l.no_open_findings, BODY, Style::Regular, INK, 0.0)?;
        } else {
            let cols = [
                Column::new(&l.status, 28.0, Align::Left),
                Column::new(&l.finding, CONTENT_W - 28.0, Align::Left),
            ];
            let rows: Vec<Row> = input
                .summary
                .points
                .iter()
                .map(|p| {
                    let mut what = Cell::bold(&p.title);
                    if !p.text.is_empty() {
                        what = what.then(&p.text, Style::Regular, INK);
                    }
                    Row::new(vec![Cell::mark(severity_mark(lang, p.severity)), what])
                })
                .collect();
            table(layout, &cols, &rows)?;
        }
    }

    if let Some(g) = &input.summary.go_live {
        go_live(layout, lang, g)?;
    }
    costs(layout, input)
}

/// The desired go-live and whether it can be made; without the facts for a date, what is
/// missing instead of a date.
fn go_live(layout: &mut Layout, lang: Lang, g: &GoLive) -> Result<(), ReportError> {
    layout.heading(&words(lang, "go-live"), 2, 20.0)?;
    let mut rows = Vec::new();
    if let Some(d) = g.desired {
        rows.push((words(lang, "desired").to_string(), format_date(d, lang)));
    }
    if let Some(missing) = &g.missing {
        if !rows.is_empty() {
            layout.key_values(&rows, 62.0, BODY)?;
        }
        let note = crate::t!(lang, "plan-unknown-short", missing = missing.as_str());
        return layout.paragraph(&note, BODY, Style::Bold, INK, 0.0);
    }
    rows.push((
        words(lang, "earliest").to_string(),
        format_date(g.earliest, lang),
    ));
    layout.key_values(&rows, 62.0, BODY)?;
    let verdict = match (g.desired, g.feasible) {
        (None, _) => "none-desired",
        (Some(_), true) => "feasible",
        (Some(_), false) => "infeasible",
    };
    let style = if g.feasible {
        Style::Regular
    } else {
        Style::Bold
    };
    layout.paragraph(&words(lang, verdict), BODY, style, INK, 0.0)
}

/// Monthly, one-time and first-year cost, excl. and incl. VAT.
fn costs(layout: &mut Layout, input: &ReportInput) -> Result<(), ReportError> {
    let (lang, l) = (input.lang, labels(input.lang));
    if let Some(q) = &input.quote {
        layout.heading(&l.costs, 2, 25.0)?;
        let cols = [
            Column::new(&labels::quote_kind(lang, q.kind), 100.0, Align::Left),
            Column::new(&l.net_total, 35.0, Align::Right),
            Column::new(&l.gross_total, 35.0, Align::Right),
        ];
        let mut rows = vec![
            Row::new(vec![
                Cell::text(l.monthly),
                Cell::text(format_eur(q.monthly_net_cents, lang)),
                Cell::bold(format_eur(q.monthly_gross_cents, lang)),
            ]),
            Row::new(vec![
                Cell::text(l.one_time),
                Cell::text(format_eur(q.one_time_net_cents, lang)),
                Cell::bold(format_eur(q.one_time_gross_cents, lang)),
            ]),
        ];
        if let Some(fy) = input.summary.first_year {
            rows.push(Row::new(vec![
                Cell::bold(words(lang, "first-year")),
                Cell::bold(format_eur(fy.net_cents, lang)),
                Cell::bold(format_eur(fy.gross_cents, lang)),
            ]));
        }
        table(layout, &cols, &rows)?;
    }
    Ok(())
}
