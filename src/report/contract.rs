//! The binding part: terms and the signature block (the quote is in `quote_section`, the SEPA
//! mandate in `sepa`).

use super::ReportError;
use super::canvas::Style;
use super::labels::{self, labels};
use super::layout::{
    BODY, CONTENT_W, INK, Layout, MARGIN_L, MUTED, PRIMARY, RULE, SMALL, baseline_offset,
    line_height,
};
use super::model::ReportInput;

/// The terms of a quote or, with `quote` false, of a cost overview; each clause names its source.
pub fn terms(layout: &mut Layout, input: &ReportInput, quote: bool) -> Result<(), ReportError> {
    let terms = input.provider.terms(input.lang, quote);
    if terms.is_empty() {
        return Ok(());
    }
    let l = labels(input.lang);
    layout.heading(&l.terms, 1, 20.0)?;
    layout.numbered(&terms)
}

/// A labelled line to write on, with an optional pre-filled value.
pub(super) fn field(
    layout: &mut Layout,
    x: f32,
    w: f32,
    label: &str,
    value: &str,
    h: f32,
) -> Result<(), ReportError> {
    field_with(layout, x, w, 24.0, label, value, h)
}

/// As [`field`], with the label column `label_w` mm wide.
pub(super) fn field_with(
    layout: &mut Layout,
    x: f32,
    w: f32,
    label_w: f32,
    label: &str,
    value: &str,
    h: f32,
) -> Result<(), ReportError> {
    let y = layout.y;
    let label = super::layout::fit(&layout.canvas, label, label_w - 1.5, SMALL, Style::Regular);
    layout.canvas.text(
        layout.page,
        x,
        y + baseline_offset(SMALL),
        SMALL,
        Style::Regular,
        MUTED,
        &label,
    )?;
    if !value.is_empty() {
        let v = super::layout::fit(&layout.canvas, value, w - label_w, BODY, Style::Regular);
        layout.canvas.text(
            layout.page,
            x + label_w,
            y + baseline_offset(BODY),
            BODY,
            Style::Regular,
            INK,
            &v,
        )?;
    }
    layout
        .canvas
        .line(layout.page, (x + label_w, y + h), (x + w, y + h), 0.5, RULE)?;
    Ok(())
}

fn signature_fields(
    layout: &mut Layout,
    l: &labels::Labels,
    x: f32,
    w: f32,
    title: &str,
    party: &str,
    values: [&str; 4],
) -> Result<(), ReportError> {
    let start = layout.y;
    layout.canvas.text(
        layout.page,
        x,
        start + baseline_offset(SMALL),
        SMALL,
        Style::Bold,
        PRIMARY,
        title,
    )?;
    layout.y += line_height(SMALL);
    let name = super::layout::fit(&layout.canvas, party, w, BODY, Style::Bold);
    layout.canvas.text(
        layout.page,
        x,
        layout.y + baseline_offset(BODY),
        BODY,
        Style::Bold,
        INK,
        &name,
    )?;
    layout.y += line_height(BODY) + 4.0;
    for (label, value) in [&l.name, &l.role, &l.place, &l.date]
        .into_iter()
        .zip(values)
    {
        field(layout, x, w, label, value, 5.0)?;
        layout.y += 8.5;
    }
    field(layout, x, w, &l.signature, "", 18.0)?;
    layout.y = start;
    Ok(())
}

pub fn signatures(layout: &mut Layout, input: &ReportInput) -> Result<(), ReportError> {
    let l = labels(input.lang);
    let c = &input.customer;
    let p = &input.provider;
    layout.heading(&l.signatures, 1, 85.0)?;
    layout.paragraph(&l.signature_intro, BODY, Style::Regular, INK, 0.0)?;
    layout.space(2.0);
    let half = (CONTENT_W - 10.0) / 2.0;
    signature_fields(
        layout,
        &l,
        MARGIN_L,
        half,
        &l.for_customer,
        &c.name,
        [
            c.contact_name.as_deref().unwrap_or(""),
            c.contact_role.as_deref().unwrap_or(""),
            c.city.as_deref().unwrap_or(""),
            "",
        ],
    )?;
    signature_fields(
        layout,
        &l,
        MARGIN_L + half + 10.0,
        half,
        &l.for_provider,
        &p.legal_name,
        [
            p.signatory_name.as_deref().unwrap_or(""),
            p.signatory_role.as_deref().unwrap_or(""),
            &p.city,
            "",
        ],
    )?;
    layout.y += line_height(SMALL) + line_height(BODY) + 4.0 + 4.0 * 8.5 + 22.0;
    Ok(())
}
