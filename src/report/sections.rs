//! The descriptive sections: cover and the contents list (summary, situation and findings have
//! files of their own, the migration plan is in `plan_section`).

use super::ReportError;
use super::canvas::{Colour, PAGE_W, Style};
use super::format::format_date;
use super::labels::{self, labels};
use super::layout::{
    BODY, CONTENT_W, INK, Layout, MARGIN_L, MUTED, Mark, PRIMARY, RULE, SMALL, WHITE,
    baseline_offset, line_height, wrap,
};
use super::model::{Lang, ReportInput, Severity};

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
        &l.prepared_for,
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
        &l.provider,
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
        layout.paragraph(&l.example_note, SMALL, Style::Regular, MUTED, 0.0)?;
    }
    Ok(upper_end)
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
        &l.contents,
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
