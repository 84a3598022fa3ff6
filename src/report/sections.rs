//! The descriptive sections: cover, summary, current situation, findings and the migration plan.

use super::ReportError;
use super::canvas::{Colour, PAGE_W, Style};
use super::charts::{self, BarPair, Span};
use super::format::{format_date, format_date_short, format_decimal, format_eur, format_mbps};
use super::labels::{self, labels};
use super::layout::{
    BODY, CONTENT_W, INK, Layout, MARGIN_L, MUTED, Mark, PRIMARY, RULE, SMALL, WHITE,
    baseline_offset, line_height, wrap,
};
use super::model::{Lang, ReportInput, Severity};
use super::table::{Align, Cell, Column, Row, table};

pub const OK_FILL: Colour = Colour(0.16, 0.52, 0.27);
pub const ATTENTION_FILL: Colour = Colour(0.96, 0.70, 0.15);
pub const BLOCKER_FILL: Colour = Colour(0.75, 0.16, 0.16);

pub fn severity_mark(lang: Lang, s: Severity) -> Mark {
    let (fill, fg) = match s {
        Severity::Ok => (OK_FILL, WHITE),
        Severity::Attention => (ATTENTION_FILL, INK),
        Severity::Blocker => (BLOCKER_FILL, WHITE),
    };
    Mark {
        text: labels::severity(lang, s).to_string(),
        fill,
        fg,
    }
}

fn joined(parts: &[Option<&str>], sep: &str) -> String {
    parts
        .iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .copied()
        .collect::<Vec<_>>()
        .join(sep)
}

/// Draws the cover; returns how far down (mm) its upper block reaches, for the contents list.
pub fn cover(layout: &mut Layout, input: &ReportInput, title: &str) -> Result<f32, ReportError> {
    let l = labels(input.lang);
    let p = &input.provider;
    layout.bare_page();
    let page = layout.page;
    layout
        .canvas
        .rect(page, 0.0, 0.0, PAGE_W, 62.0, Some(PRIMARY), None)?;
    let brand = p.trade_name.clone().unwrap_or_else(|| p.legal_name.clone());
    layout
        .canvas
        .text(page, MARGIN_L, 24.0, 11.0, Style::Bold, WHITE, &brand)?;
    let mut y = 40.0;
    for line in wrap(&layout.canvas, title, CONTENT_W, 24.0, Style::Bold) {
        layout
            .canvas
            .text(page, MARGIN_L, y, 24.0, Style::Bold, WHITE, &line)?;
        y += line_height(24.0);
    }
    layout.y = 78.0;
    layout.canvas.text(
        page,
        MARGIN_L,
        layout.y,
        SMALL,
        Style::Regular,
        MUTED,
        l.prepared_for,
    )?;
    layout.y += 3.0;
    for line in wrap(
        &layout.canvas,
        &input.customer.name,
        CONTENT_W,
        20.0,
        Style::Bold,
    ) {
        layout.canvas.text(
            page,
            MARGIN_L,
            layout.y + baseline_offset(20.0),
            20.0,
            Style::Bold,
            INK,
            &line,
        )?;
        layout.y += line_height(20.0);
    }
    let c = &input.customer;
    let city_line = joined(&[c.postcode.as_deref(), c.city.as_deref()], "  ");
    let address = joined(&[c.address.as_deref(), Some(city_line.as_str())], ", ");
    if !address.is_empty() {
        layout.paragraph(&address, BODY + 1.0, Style::Regular, MUTED, 0.0)?;
    }
    layout.space(6.0);
    let mut rows = vec![
        (
            l.intake_date.to_string(),
            format_date(input.intake_date, input.lang),
        ),
        (l.mode.to_string(), input.mode.clone()),
        (
            l.specialist.to_string(),
            input.specialist.clone().unwrap_or_default(),
        ),
    ];
    if let Some(q) = &input.quote {
        rows.push((
            labels::number_label(input.lang, q.kind).to_string(),
            q.number.clone(),
        ));
    }
    layout.key_values(&rows, 42.0, BODY + 1.0)?;
    let upper_end = layout.y;

    // Provider block at the foot of the cover.
    layout.y = 214.0;
    layout.canvas.line(
        page,
        (MARGIN_L, layout.y),
        (MARGIN_L + CONTENT_W, layout.y),
        0.8,
        PRIMARY,
    )?;
    layout.y += 4.0;
    layout.canvas.text(
        page,
        MARGIN_L,
        layout.y + baseline_offset(BODY),
        BODY,
        Style::Bold,
        PRIMARY,
        l.provider,
    )?;
    layout.y += line_height(BODY) + 1.0;
    let rows = vec![
        (String::new(), p.legal_name.clone()),
        (
            l.address.to_string(),
            format!("{}, {}  {}", p.address, p.postcode, p.city),
        ),
        (l.kvk.to_string(), p.kvk.clone()),
        (l.vat_id.to_string(), p.vat_id.clone()),
        (l.iban.to_string(), p.iban.clone()),
        (l.email.to_string(), p.email.clone()),
        (l.phone.to_string(), p.phone.clone()),
        (l.website.to_string(), p.website.clone()),
    ];
    layout.key_values(&rows, 42.0, SMALL + 0.5)?;
    if p.example {
        layout.paragraph(l.example_note, SMALL, Style::Regular, MUTED, 0.0)?;
    }
    Ok(upper_end)
}

pub fn summary(layout: &mut Layout, input: &ReportInput) -> Result<(), ReportError> {
    let l = labels(input.lang);
    let lang = input.lang;
    layout.heading(l.summary, 1, 20.0)?;
    // Readiness at a glance: one large mark plus counts per severity.
    let y = layout.y;
    layout.canvas.text(
        layout.page,
        MARGIN_L,
        y + baseline_offset(BODY + 1.0),
        BODY + 1.0,
        Style::Bold,
        INK,
        l.readiness,
    )?;
    let x = MARGIN_L + layout.width(l.readiness, BODY + 1.0, Style::Bold) + 4.0;
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
                SMALL,
                Style::Regular,
                MUTED,
                &t,
            )?;
            x += layout.width(&t, SMALL, Style::Regular) + 1.5;
        }
        x += 3.0;
    }
    layout.y += 8.0;
    if !input.summary.headlines.is_empty() {
        layout.bullets(&input.summary.headlines)?;
    }

    let mut open: Vec<_> = input
        .findings
        .iter()
        .filter(|f| f.accepted.is_none() && f.severity != Severity::Ok)
        .collect();
    open.sort_by_key(|f| std::cmp::Reverse(f.severity));
    if !input.findings.is_empty() {
        layout.heading(l.main_findings, 2, 15.0)?;
        if open.is_empty() {
            layout.paragraph(l.no_open_findings, BODY, Style::Regular, INK, 0.0)?;
        } else {
            let cols = [
                Column::new(l.status, 28.0, Align::Left),
                Column::new(l.finding, CONTENT_W - 28.0, Align::Left),
            ];
            let rows: Vec<Row> = open
                .iter()
                .take(6)
                .map(|f| {
                    Row::new(vec![
                        Cell::mark(severity_mark(lang, f.severity)),
                        Cell::text(&f.title),
                    ])
                })
                .collect();
            table(layout, &cols, &rows)?;
        }
    }
    if let Some(q) = &input.quote {
        layout.heading(l.costs, 2, 25.0)?;
        let cols = [
            Column::new(labels::quote_kind(lang, q.kind), 100.0, Align::Left),
            Column::new(l.net_total, 35.0, Align::Right),
            Column::new(l.gross_total, 35.0, Align::Right),
        ];
        let rows = vec![
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
        table(layout, &cols, &rows)?;
    }
    Ok(())
}

pub fn situation(layout: &mut Layout, input: &ReportInput) -> Result<(), ReportError> {
    let l = labels(input.lang);
    let lang = input.lang;
    let has_text = [&input.email, &input.domain, &input.data]
        .iter()
        .any(|o| o.as_deref().is_some_and(|s| !s.trim().is_empty()));
    if input.locations.is_empty()
        && input.workstations.is_empty()
        && input.software.is_empty()
        && input.business_apps.is_empty()
        && !has_text
    {
        return Ok(());
    }
    layout.heading(l.situation, 1, 25.0)?;
    let mbps =
        |v: Option<f64>| v.map_or_else(|| l.not_measured.to_string(), |v| format_mbps(v, lang));
    if !input.locations.is_empty() {
        layout.heading(l.locations, 2, 25.0)?;
        let cols = [
            Column::new(l.location, 44.0, Align::Left),
            Column::new(l.workstations, 22.0, Align::Right),
            Column::new(l.source, 22.0, Align::Left),
            Column::new(&format!("{} {}", l.speed, l.down), 20.5, Align::Right),
            Column::new(&format!("{} {}", l.speed, l.up), 20.5, Align::Right),
            Column::new(&format!("{} {}", l.needed, l.down), 20.5, Align::Right),
            Column::new(&format!("{} {}", l.needed, l.up), 20.5, Align::Right),
        ];
        let source = |loc: &crate::report::LocationRow| {
            if loc.down_mbps.is_none() && loc.up_mbps.is_none() {
                ""
            } else if loc.measured {
                l.source_measured
            } else {
                l.source_subscription
            }
        };
        let rows: Vec<Row> = input
            .locations
            .iter()
            .map(|loc| {
                Row::new(vec![
                    Cell::bold(&loc.name),
                    Cell::text(loc.workstations.to_string()),
                    Cell::text(source(loc)),
                    Cell::text(mbps(loc.down_mbps)),
                    Cell::text(mbps(loc.up_mbps)),
                    Cell::text(format_mbps(loc.needed_down_mbps, lang)),
                    Cell::text(format_mbps(loc.needed_up_mbps, lang)),
                ])
            })
            .collect();
        table(layout, &cols, &rows)?;
        super::link_latency::table(layout, &input.link_latency, lang)?;
        layout.heading(l.bandwidth, 2, 30.0)?;
        let pair = |name: &str, measured: bool, value: Option<f64>, needed: f64| {
            let short = value.is_some_and(|m| m < needed);
            let stated = !measured && value.is_some();
            let what = if stated { l.subscription } else { l.measured };
            let mut measured_text = format!("{what} {}", mbps(value));
            if short {
                measured_text.push_str(&format!(" ({})", l.too_low));
            }
            BarPair {
                label: name.to_string(),
                measured: value,
                stated,
                needed,
                measured_text,
                needed_text: format!("{} {}", l.needed, format_mbps(needed, lang)),
            }
        };
        // Down and up get separate charts: on one scale the upload bars would be slivers.
        let down: Vec<BarPair> = input
            .locations
            .iter()
            .map(|x| pair(&x.name, x.measured, x.down_mbps, x.needed_down_mbps))
            .collect();
        let up: Vec<BarPair> = input
            .locations
            .iter()
            .map(|x| pair(&x.name, x.measured, x.up_mbps, x.needed_up_mbps))
            .collect();
        let legend = (l.measured, l.subscription, l.needed);
        charts::bar_chart(layout, l.download, &down, legend)?;
        charts::bar_chart(layout, l.upload, &up, legend)?;
        if input
            .locations
            .iter()
            .any(|x| !x.measured && (x.down_mbps.is_some() || x.up_mbps.is_some()))
        {
            layout.paragraph(l.subscription_note, SMALL, Style::Regular, MUTED, 0.0)?;
        }
        layout.paragraph(l.bandwidth_note, SMALL, Style::Regular, MUTED, 0.0)?;
    }
    if !input.workstations.is_empty() {
        layout.heading(l.workstations, 2, 25.0)?;
        let cols = [
            Column::new(l.hostname, 32.0, Align::Left),
            Column::new(l.os, 40.0, Align::Left),
            Column::new(l.memory, 20.0, Align::Right),
            Column::new(l.verdict, 25.0, Align::Left),
            Column::new(l.reason, 53.0, Align::Left),
        ];
        let rows: Vec<Row> = input
            .workstations
            .iter()
            .map(|w| {
                Row::new(vec![
                    Cell::bold(&w.hostname),
                    Cell::text(&w.os),
                    Cell::text(
                        w.memory_gb
                            .map(|m| format!("{} GB", format_decimal(m, 0, lang)))
                            .unwrap_or_default(),
                    ),
                    Cell::mark(severity_mark(lang, w.verdict)),
                    Cell::text(&w.reason),
                ])
            })
            .collect();
        table(layout, &cols, &rows)?;
    }
    for (title, items) in [
        (l.software, &input.software),
        (l.business_apps, &input.business_apps),
    ] {
        if !items.is_empty() {
            layout.heading(title, 2, 8.0)?;
            layout.paragraph(&items.join(", "), BODY, Style::Regular, INK, 0.0)?;
        }
    }
    let rows: Vec<(String, String)> = [
        (l.email_section, &input.email),
        (l.domain, &input.domain),
        (l.data, &input.data),
    ]
    .into_iter()
    .filter_map(|(k, v)| v.clone().map(|v| (k.to_string(), v)))
    .collect();
    if rows.iter().any(|(_, v)| !v.trim().is_empty()) {
        layout.space(2.0);
        layout.key_values(&rows, 30.0, BODY)?;
    }
    Ok(())
}

pub fn findings(layout: &mut Layout, input: &ReportInput) -> Result<(), ReportError> {
    if input.findings.is_empty() {
        return Ok(());
    }
    let l = labels(input.lang);
    let lang = input.lang;
    layout.heading(l.findings, 1, 30.0)?;
    for s in [Severity::Blocker, Severity::Attention, Severity::Ok] {
        let group: Vec<_> = input.findings.iter().filter(|f| f.severity == s).collect();
        if group.is_empty() {
            continue;
        }
        layout.heading(
            &format!("{} ({})", labels::severity(lang, s), group.len()),
            2,
            20.0,
        )?;
        let cols = [
            Column::new(l.status, 27.0, Align::Left),
            Column::new(l.finding, 66.0, Align::Left),
            Column::new(l.measure, CONTENT_W - 93.0, Align::Left),
        ];
        let rows: Vec<Row> = group
            .iter()
            .map(|f| {
                let mut status = Cell::mark(severity_mark(lang, f.severity));
                let mut measure = Cell::text(&f.measure);
                if let Some(reason) = &f.accepted {
                    status = status.then(l.accepted, Style::Bold, PRIMARY);
                    measure =
                        measure.then(format!("{}: {reason}", l.accepted), Style::Regular, MUTED);
                }
                Row::new(vec![status, Cell::bold(&f.title), measure])
            })
            .collect();
        table(layout, &cols, &rows)?;
    }
    Ok(())
}

pub fn plan(layout: &mut Layout, input: &ReportInput) -> Result<(), ReportError> {
    if input.plan.is_empty() {
        return Ok(());
    }
    let l = labels(input.lang);
    let lang = input.lang;
    layout.heading(l.plan, 1, 30.0)?;
    let cols = [
        Column::new(l.phase, 80.0, Align::Left),
        Column::new(l.start, 34.0, Align::Left),
        Column::new(l.end, 34.0, Align::Left),
        Column::new(l.working_days, 22.0, Align::Right),
    ];
    let rows: Vec<Row> = input
        .plan
        .iter()
        .map(|p| {
            Row::new(vec![
                Cell::bold(&p.name),
                Cell::text(format_date(p.start, lang)),
                Cell::text(format_date(p.end, lang)),
                Cell::text(p.working_days.to_string()),
            ])
        })
        .collect();
    table(layout, &cols, &rows)?;
    layout.heading(
        l.timeline,
        2,
        (input.plan.len() as f32 * 5.2 + 12.0).min(100.0),
    )?;
    let spans: Vec<Span> = input
        .plan
        .iter()
        .map(|p| Span {
            label: p.name.clone(),
            start: p.start,
            end: p.end,
        })
        .collect();
    charts::timeline(layout, &spans, &|d| format_date_short(d, lang))?;
    Ok(())
}

/// The table of contents on the cover, written last when every section's page is known.
/// `below` is where the cover's upper block ends; the list must end above the provider block.
pub fn contents(layout: &mut Layout, input: &ReportInput, below: f32) -> Result<(), ReportError> {
    let l = labels(input.lang);
    let outline = layout.outline.clone();
    let mut y = below.max(132.0) + 8.0;
    let needed = line_height(BODY + 1.0) + 1.0 + outline.len() as f32 * (line_height(BODY) + 0.6);
    // Leave it out rather than crowd the provider block at 214 mm.
    if outline.is_empty() || y + needed > 208.0 {
        return Ok(());
    }
    let page = 0;
    layout.canvas.text(
        page,
        MARGIN_L,
        y,
        BODY + 1.0,
        Style::Bold,
        PRIMARY,
        l.contents,
    )?;
    y += line_height(BODY + 1.0) + 1.0;
    let width = 100.0;
    for (title, p) in outline {
        let num = (p + 1).to_string();
        let nw = layout.width(&num, BODY, Style::Regular);
        let t = super::layout::fit(
            &layout.canvas,
            &title,
            width - nw - 4.0,
            BODY,
            Style::Regular,
        );
        layout
            .canvas
            .text(page, MARGIN_L, y, BODY, Style::Regular, INK, &t)?;
        layout.canvas.text(
            page,
            MARGIN_L + width - nw,
            y,
            BODY,
            Style::Regular,
            MUTED,
            &num,
        )?;
        let tw = layout.width(&t, BODY, Style::Regular);
        layout.canvas.line(
            page,
            (MARGIN_L + tw + 2.0, y),
            (MARGIN_L + width - nw - 2.0, y),
            0.3,
            RULE,
        )?;
        y += line_height(BODY) + 0.6;
    }
    Ok(())
}
