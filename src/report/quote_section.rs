//! The quote or cost overview: who it is for, the lines excluding VAT with example prices
//! marked, the totals with VAT over each subtotal, the first-year cost as the headline, the
//! minimum commitment apart with its rule, and the lines outside the totals under headings of
//! their own (on request, the intake fee, optional items).

use super::ReportError;
use super::canvas::{Colour, Style};
use super::format::{format_date, format_eur};
use super::labels::{self, labels};
use super::layout::{
    BODY, CONTENT_W, INK, Layout, MARGIN_L, MUTED, SMALL, STRIPE, baseline_offset, line_height,
    wrap,
};
use super::model::{Lang, Period, QuoteDoc, QuoteKind, QuoteLineRow, ReportInput};
use super::table::{Align, Cell, Column, Row, table};

const GROUP_FILL: Colour = Colour(0.88, 0.92, 0.96);

/// The mark after an example price, explained in the legend under the table.
pub const EXAMPLE_MARK: &str = "*";

/// Texts of this section, from Fluent (`assets/locales/*/proposal.ftl`).
struct Words {
    customer: String,
    address: String,
    vat_id: String,
    subtotal: String,
    total: String,
    example_legend: String,
    first_year: String,
    commitment: String,
    on_request: String,
    on_request_note: String,
    intake_fee: String,
    intake_fee_note: String,
    overview_note: String,
}

fn words(lang: Lang) -> Words {
    use crate::t;
    Words {
        customer: t!(lang, "quote-customer"),
        address: t!(lang, "quote-address"),
        vat_id: t!(lang, "quote-vat-id"),
        subtotal: t!(lang, "quote-subtotal"),
        total: t!(lang, "quote-total"),
        example_legend: t!(lang, "quote-example-legend"),
        first_year: t!(lang, "quote-first-year"),
        commitment: t!(lang, "quote-commitment"),
        on_request: t!(lang, "quote-on-request"),
        on_request_note: t!(lang, "quote-on-request-note"),
        intake_fee: t!(lang, "quote-intake-fee"),
        intake_fee_note: t!(lang, "quote-intake-fee-note"),
        overview_note: t!(lang, "quote-overview-note"),
    }
}

fn columns(l: &labels::Labels) -> [Column; 4] {
    [
        Column::new(&l.description, 101.0, Align::Left),
        Column::new(&l.quantity, 16.0, Align::Right),
        Column::new(&l.unit_price, 27.0, Align::Right),
        Column::new(&l.net, 26.0, Align::Right),
    ]
}

fn line_row(lang: Lang, line: &QuoteLineRow) -> Row {
    let l = labels(lang);
    let amount = |c: i64| match line.period {
        Period::OnRequest => l.on_request_amount.to_string(),
        _ => format_eur(c, lang),
    };
    let mut unit = amount(line.unit_cents);
    if line.example && line.period != Period::OnRequest {
        unit = format!("{unit} {EXAMPLE_MARK}");
    }
    let mut description = Cell::text(&line.description);
    if let Some(inc) = &line.includes {
        description = description.then(inc.clone(), Style::Regular, MUTED);
    }
    Row::new(vec![
        description,
        Cell::text(line.quantity.to_string()),
        Cell::text(unit),
        Cell::text(amount(line.net_cents)),
    ])
}

fn group_row(title: &str) -> Row {
    let mut cells = vec![Cell::bold(title)];
    cells.extend((0..3).map(|_| Cell::default()));
    Row {
        cells,
        fill: Some(GROUP_FILL),
    }
}

/// Lines outside the totals under a heading of their own, with a note saying why.
fn apart(
    layout: &mut Layout,
    lang: Lang,
    title: &str,
    note: &str,
    lines: &[&QuoteLineRow],
) -> Result<(), ReportError> {
    if lines.is_empty() {
        return Ok(());
    }
    // The note, the table header and a first row stay with the heading.
    layout.heading(title, 2, 34.0)?;
    layout.paragraph(note, SMALL, Style::Regular, MUTED, 0.0)?;
    let rows: Vec<Row> = lines.iter().map(|x| line_row(lang, x)).collect();
    table(layout, &columns(&labels(lang)), &rows)?;
    Ok(())
}

fn customer_rows(input: &ReportInput, w: &Words) -> Vec<(String, String)> {
    let (c, l) = (&input.customer, labels(input.lang));
    let place = [c.postcode.as_deref(), c.city.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("  ");
    let address = [c.address.as_deref(), Some(place.as_str())]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect::<Vec<_>>()
        .join(", ");
    let mut rows = vec![(w.customer.clone(), c.name.clone())];
    for (k, v) in [
        (w.address.as_str(), Some(address)),
        (&l.kvk, c.kvk.clone()),
        (w.vat_id.as_str(), c.vat.clone()),
        (&l.billing_email, c.billing_email.clone()),
    ] {
        if let Some(v) = v.filter(|v| !v.trim().is_empty()) {
            rows.push((k.to_string(), v));
        }
    }
    rows
}

pub fn quote(layout: &mut Layout, input: &ReportInput, q: &QuoteDoc) -> Result<(), ReportError> {
    let (lang, l, w) = (input.lang, labels(input.lang), words(input.lang));
    let p = &input.provider;
    layout.heading(&labels::quote_kind(lang, q.kind), 1, 40.0)?;
    let mut rows = vec![
        (l.quote_number.to_string(), q.number.clone()),
        (l.quote_date.to_string(), format_date(q.date, lang)),
        (l.valid_until.to_string(), format_date(q.valid_until, lang)),
    ];
    rows.extend(customer_rows(input, &w));
    rows.push((
        l.provider.to_string(),
        format!(
            "{}, {} {}, {} {}",
            p.legal_name, l.kvk, p.kvk, w.vat_id, p.vat_id
        ),
    ));
    layout.key_values(&rows, 38.0, BODY)?;
    if q.kind == QuoteKind::CostOverview {
        layout.space(1.0);
        layout.paragraph(&w.overview_note, BODY, Style::Regular, INK, 0.0)?;
    }

    let in_totals = |x: &&QuoteLineRow| !x.optional && !x.only_if_cancelled;
    let mut rows = Vec::new();
    for (period, title) in [
        (Period::Monthly, &l.monthly),
        (Period::OneTime, &l.one_time),
    ] {
        let group: Vec<&QuoteLineRow> = q
            .lines
            .iter()
            .filter(in_totals)
            .filter(|x| x.period == period)
            .collect();
        if !group.is_empty() {
            rows.push(group_row(title));
            rows.extend(group.iter().map(|x| line_row(lang, x)));
        }
    }
    if !rows.is_empty() {
        table(layout, &columns(&l), &rows)?;
    }
    if q.lines
        .iter()
        .any(|x| x.example && x.period != Period::OnRequest)
    {
        layout.paragraph(&w.example_legend, SMALL, Style::Regular, MUTED, 0.0)?;
    }
    totals(layout, lang, &w, q)?;

    let on_request: Vec<&QuoteLineRow> = q
        .lines
        .iter()
        .filter(|x| x.period == Period::OnRequest && !x.optional)
        .collect();
    apart(layout, lang, &w.on_request, &w.on_request_note, &on_request)?;
    let intake: Vec<&QuoteLineRow> = q.lines.iter().filter(|x| x.only_if_cancelled).collect();
    apart(layout, lang, &w.intake_fee, &w.intake_fee_note, &intake)?;
    let optional: Vec<&QuoteLineRow> = q
        .lines
        .iter()
        .filter(|x| x.optional && !x.only_if_cancelled)
        .collect();
    apart(layout, lang, &l.optional_items, &l.optional_note, &optional)?;
    if let Some(note) = &q.promo_note {
        layout.paragraph(note, SMALL, Style::Regular, MUTED, 0.0)?;
    }
    Ok(())
}

/// Subtotals, VAT (the rate over each subtotal) and totals; then the first-year cost as the
/// headline and the minimum commitment apart.
fn totals(layout: &mut Layout, lang: Lang, w: &Words, q: &QuoteDoc) -> Result<(), ReportError> {
    let l = labels(lang);
    let eur = |c: i64| format_eur(c, lang);
    layout.heading(&l.totals, 2, 50.0)?;
    let cols = [
        Column::new("", 90.0, Align::Left),
        Column::new(&l.monthly, 40.0, Align::Right),
        Column::new(&l.one_time, 40.0, Align::Right),
    ];
    let vat_label = crate::t!(lang, "quote-vat", percent = q.vat_percent);
    let mut rows = vec![
        Row::new(vec![
            Cell::text(&w.subtotal),
            Cell::text(eur(q.monthly_net_cents)),
            Cell::text(eur(q.one_time_net_cents)),
        ]),
        Row::new(vec![
            Cell::text(vat_label),
            Cell::text(eur(q.monthly_vat_cents)),
            Cell::text(eur(q.one_time_vat_cents)),
        ]),
        Row::new(vec![
            Cell::bold(&w.total),
            Cell::bold(eur(q.monthly_gross_cents)),
            Cell::bold(eur(q.one_time_gross_cents)),
        ]),
    ];
    rows[2].fill = Some(GROUP_FILL);
    table(layout, &cols, &rows)?;
    let (net, gross) = (eur(q.first_year_cents), eur(q.first_year_gross_cents));
    let first_year_note = crate::t!(
        lang,
        "quote-first-year-how",
        net = net,
        gross = gross.clone()
    );
    let amount = crate::t!(lang, "quote-first-year-amount", gross = gross);
    band(layout, &w.first_year, &first_year_note, &amount, BODY + 1.0)?;
    let commitment_note = crate::t!(
        lang,
        "quote-commitment-amount",
        net = eur(q.first_year_commitment_cents),
        gross = eur(q.first_year_commitment_gross_cents),
        rule = q.commitment_rule.clone()
    );
    layout.paragraph(&w.commitment, SMALL + 0.5, Style::Bold, INK, 0.0)?;
    layout.paragraph(&commitment_note, SMALL, Style::Regular, MUTED, 0.0)?;
    layout.space(2.0);
    Ok(())
}

/// A shaded band: bold label with a note below, amount right-aligned.
fn band(
    layout: &mut Layout,
    label: &str,
    note: &str,
    amount: &str,
    size: f32,
) -> Result<(), ReportError> {
    let amount_w = layout.width(amount, size, Style::Bold);
    let notes = wrap(
        &layout.canvas,
        note,
        CONTENT_W - amount_w - 10.0,
        SMALL,
        Style::Regular,
    );
    let h = 3.0 + line_height(size) + notes.len() as f32 * line_height(SMALL);
    layout.ensure(h + 2.0)?;
    let y = layout.y;
    layout
        .canvas
        .rect(layout.page, MARGIN_L, y, CONTENT_W, h, Some(STRIPE), None)?;
    let base = y + 1.5 + baseline_offset(size);
    layout.canvas.text(
        layout.page,
        MARGIN_L + 1.6,
        base,
        size,
        Style::Bold,
        INK,
        label,
    )?;
    layout.canvas.text(
        layout.page,
        MARGIN_L + CONTENT_W - 1.6 - amount_w,
        base,
        size,
        Style::Bold,
        INK,
        amount,
    )?;
    let mut ny = y + 1.5 + line_height(size);
    for n in notes {
        layout.canvas.text(
            layout.page,
            MARGIN_L + 1.6,
            ny + baseline_offset(SMALL),
            SMALL,
            Style::Regular,
            MUTED,
            &n,
        )?;
        ny += line_height(SMALL);
    }
    layout.y = y + h + 3.0;
    Ok(())
}
