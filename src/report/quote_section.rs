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

/// Texts of this section; one place, so they move to Fluent in one step.
struct Words {
    customer: &'static str,
    address: &'static str,
    vat_id: &'static str,
    excl: &'static str,
    subtotal: &'static str,
    vat: &'static str,
    total: &'static str,
    example_legend: &'static str,
    first_year: &'static str,
    first_year_how: &'static str,
    incl: &'static str,
    commitment: &'static str,
    on_request: &'static str,
    on_request_note: &'static str,
    intake_fee: &'static str,
    intake_fee_note: &'static str,
    overview_note: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::Nl => Words {
            customer: "Klant",
            address: "Adres",
            vat_id: "Btw-nummer",
            excl: "excl. btw",
            subtotal: "Subtotaal excl. btw",
            vat: "Btw",
            total: "Totaal incl. btw",
            example_legend: "* Voorbeeldprijs: geen tarief dat de FAQ als actueel noemt en nog niet door de leverancier bevestigd [FAQ 1.10, 1.11]. Het definitieve bedrag kan afwijken.",
            first_year: "Kosten eerste jaar",
            first_year_how: "12 × het maandbedrag + de eenmalige kosten",
            incl: "incl. btw",
            commitment: "Minimale contractverplichting",
            on_request: "Op aanvraag: niet in dit bedrag",
            on_request_note: "Deze posten zijn niet in de totalen opgenomen; u ontvangt er een aparte offerte voor.",
            intake_fee: "Intakekosten",
            intake_fee_note: "De intake is inbegrepen bij de implementatie. Alleen als u afziet van de bestelling worden deze eenmalige kosten in rekening gebracht [FAQ 3.4]. Niet in de totalen.",
            overview_note: "Dit is een kostenoverzicht, geen offerte. Tot 10 werkplekken bestelt u online; uw orderbevestiging is het contract [FAQ 2.2, 2.4, 2.8]. Dit overzicht wordt niet ondertekend en bevat geen machtiging.",
        },
        Lang::En => Words {
            customer: "Customer",
            address: "Address",
            vat_id: "VAT number",
            excl: "excl. VAT",
            subtotal: "Subtotal excl. VAT",
            vat: "VAT",
            total: "Total incl. VAT",
            example_legend: "* Example price: not a price the FAQ gives as current and not yet confirmed by the provider [FAQ 1.10, 1.11]. The final amount may differ.",
            first_year: "First-year cost",
            first_year_how: "12 × the monthly amount + the one-time costs",
            incl: "incl. VAT",
            commitment: "Minimum contract commitment",
            on_request: "On request: not in this amount",
            on_request_note: "These items are not included in the totals; you receive a separate quote for them.",
            intake_fee: "Intake fee",
            intake_fee_note: "The intake is included in the implementation. These one-time costs are charged only if you decide not to go ahead with the order [FAQ 3.4]. Not in the totals.",
            overview_note: "This is a cost overview, not a quote. Up to 10 workstations you order online; your order confirmation is the contract [FAQ 2.2, 2.4, 2.8]. This overview is not signed and contains no mandate.",
        },
    }
}

fn columns(l: &labels::Labels) -> [Column; 4] {
    [
        Column::new(l.description, 101.0, Align::Left),
        Column::new(l.quantity, 16.0, Align::Right),
        Column::new(l.unit_price, 27.0, Align::Right),
        Column::new(l.net, 26.0, Align::Right),
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
    layout.heading(title, 2, 22.0)?;
    layout.paragraph(note, SMALL, Style::Regular, MUTED, 0.0)?;
    let rows: Vec<Row> = lines.iter().map(|x| line_row(lang, x)).collect();
    table(layout, &columns(labels(lang)), &rows)?;
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
    let mut rows = vec![(w.customer.to_string(), c.name.clone())];
    for (k, v) in [
        (w.address, Some(address)),
        (l.kvk, c.kvk.clone()),
        (w.vat_id, c.vat.clone()),
        (l.billing_email, c.billing_email.clone()),
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
    layout.heading(labels::quote_kind(lang, q.kind), 1, 40.0)?;
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
        layout.paragraph(w.overview_note, BODY, Style::Regular, INK, 0.0)?;
    }

    let in_totals = |x: &&QuoteLineRow| !x.optional && !x.only_if_cancelled;
    let mut rows = Vec::new();
    for (period, title) in [(Period::Monthly, l.monthly), (Period::OneTime, l.one_time)] {
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
        table(layout, &columns(l), &rows)?;
    }
    if q.lines
        .iter()
        .any(|x| x.example && x.period != Period::OnRequest)
    {
        layout.paragraph(w.example_legend, SMALL, Style::Regular, MUTED, 0.0)?;
    }
    totals(layout, lang, &w, q)?;

    let on_request: Vec<&QuoteLineRow> = q
        .lines
        .iter()
        .filter(|x| x.period == Period::OnRequest && !x.optional)
        .collect();
    apart(layout, lang, w.on_request, w.on_request_note, &on_request)?;
    let intake: Vec<&QuoteLineRow> = q.lines.iter().filter(|x| x.only_if_cancelled).collect();
    apart(layout, lang, w.intake_fee, w.intake_fee_note, &intake)?;
    let optional: Vec<&QuoteLineRow> = q
        .lines
        .iter()
        .filter(|x| x.optional && !x.only_if_cancelled)
        .collect();
    apart(layout, lang, l.optional_items, l.optional_note, &optional)?;
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
    layout.heading(l.totals, 2, 50.0)?;
    let cols = [
        Column::new("", 90.0, Align::Left),
        Column::new(l.monthly, 40.0, Align::Right),
        Column::new(l.one_time, 40.0, Align::Right),
    ];
    let vat_label = format!("{} {}%", w.vat, q.vat_percent);
    let mut rows = vec![
        Row::new(vec![
            Cell::text(w.subtotal),
            Cell::text(eur(q.monthly_net_cents)),
            Cell::text(eur(q.one_time_net_cents)),
        ]),
        Row::new(vec![
            Cell::text(vat_label),
            Cell::text(eur(q.monthly_vat_cents)),
            Cell::text(eur(q.one_time_vat_cents)),
        ]),
        Row::new(vec![
            Cell::bold(w.total),
            Cell::bold(eur(q.monthly_gross_cents)),
            Cell::bold(eur(q.one_time_gross_cents)),
        ]),
    ];
    rows[2].fill = Some(GROUP_FILL);
    table(layout, &cols, &rows)?;
    let first_year_note = format!(
        "{}: {} {}, {} {}.",
        w.first_year_how,
        eur(q.first_year_cents),
        w.excl,
        eur(q.first_year_gross_cents),
        w.incl
    );
    band(
        layout,
        w.first_year,
        &first_year_note,
        &format!("{} {}", eur(q.first_year_gross_cents), w.incl),
        BODY + 1.0,
    )?;
    let commitment_note = format!(
        "{} {} ({} {}). {}",
        eur(q.first_year_commitment_cents),
        w.excl,
        eur(q.first_year_commitment_gross_cents),
        w.incl,
        q.commitment_rule
    );
    layout.paragraph(w.commitment, SMALL + 0.5, Style::Bold, INK, 0.0)?;
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
