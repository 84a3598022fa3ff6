//! The binding part: quote or cost overview, terms, signature block and SEPA mandate.

use super::ReportError;
use super::canvas::{Colour, Style};
use super::format::{format_date, format_eur};
use super::labels::{self, labels};
use super::layout::{
    BODY, CONTENT_W, INK, Layout, MARGIN_L, MUTED, PRIMARY, RULE, SMALL, STRIPE, baseline_offset,
    line_height, wrap,
};
use super::model::{Period, QuoteDoc, QuoteLineRow, ReportInput, SepaInfo};
use super::table::{Align, Cell, Column, Row, table};

/// The SEPA frame sits in the margin so the text inside keeps the normal text width.
const FRAME_X: f32 = MARGIN_L - 5.0;
const FRAME_W: f32 = CONTENT_W + 10.0;
const GROUP_FILL: Colour = Colour(0.88, 0.92, 0.96);

fn quote_columns(l: &labels::Labels) -> [Column; 6] {
    [
        Column::new(l.code, 25.0, Align::Left),
        Column::new(l.description, 57.0, Align::Left),
        Column::new(l.quantity, 14.0, Align::Right),
        Column::new(l.unit_price, 24.0, Align::Right),
        Column::new(l.net, 27.0, Align::Right),
        Column::new(l.vat, 23.0, Align::Right),
    ]
}

fn line_row(input: &ReportInput, line: &QuoteLineRow) -> Row {
    let (lang, l) = (input.lang, labels(input.lang));
    let amount = |c: i64| match line.period {
        Period::OnRequest => l.on_request_amount.to_string(),
        _ => format_eur(c, lang),
    };
    Row::new(vec![
        Cell::styled(&line.code, Style::Regular, MUTED),
        Cell::text(&line.description),
        Cell::text(line.quantity.to_string()),
        Cell::text(amount(line.unit_cents)),
        Cell::text(amount(line.net_cents)),
        Cell::text(amount(line.vat_cents)),
    ])
}

fn group_row(title: &str) -> Row {
    let mut cells = vec![Cell::default(), Cell::bold(title)];
    cells.extend((0..4).map(|_| Cell::default()));
    Row {
        cells,
        fill: Some(GROUP_FILL),
    }
}

pub fn quote(layout: &mut Layout, input: &ReportInput, q: &QuoteDoc) -> Result<(), ReportError> {
    let (lang, l) = (input.lang, labels(input.lang));
    let p = &input.provider;
    let c = &input.customer;
    layout.heading(labels::quote_kind(lang, q.kind), 1, 40.0)?;
    let rows = vec![
        (l.quote_number.to_string(), q.number.clone()),
        (l.quote_date.to_string(), format_date(q.date, lang)),
        (l.valid_until.to_string(), format_date(q.valid_until, lang)),
        (
            l.prepared_for.to_string(),
            [
                Some(c.name.clone()),
                c.kvk.as_ref().map(|k| format!("{} {k}", l.kvk)),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", "),
        ),
        (
            l.billing_email.to_string(),
            c.billing_email.clone().unwrap_or_default(),
        ),
        (
            l.provider.to_string(),
            format!(
                "{}, {} {}, {} {}",
                p.legal_name, l.kvk, p.kvk, l.vat_id, p.vat_id
            ),
        ),
    ];
    layout.key_values(&rows, 38.0, BODY)?;

    let included: Vec<&QuoteLineRow> = q.lines.iter().filter(|x| !x.optional).collect();
    let mut rows = Vec::new();
    for (period, title) in [
        (Period::Monthly, l.monthly),
        (Period::OneTime, l.one_time),
        (Period::OnRequest, l.on_request),
    ] {
        let group: Vec<_> = included.iter().filter(|x| x.period == period).collect();
        if !group.is_empty() {
            rows.push(group_row(title));
            rows.extend(group.iter().map(|x| line_row(input, x)));
        }
    }
    let cols = quote_columns(l);
    if !rows.is_empty() {
        table(layout, &cols, &rows)?;
    }

    // Totals: monthly and one-time side by side, amounts right-aligned under each other.
    layout.heading(l.totals, 2, 30.0)?;
    let cols_t = [
        Column::new("", 90.0, Align::Left),
        Column::new(l.monthly, 40.0, Align::Right),
        Column::new(l.one_time, 40.0, Align::Right),
    ];
    let eur = |c: i64| format_eur(c, lang);
    let mut total_rows = vec![
        Row::new(vec![
            Cell::text(l.net_total),
            Cell::text(eur(q.monthly_net_cents)),
            Cell::text(eur(q.one_time_net_cents)),
        ]),
        Row::new(vec![
            Cell::text(l.vat_total),
            Cell::text(eur(q.monthly_vat_cents)),
            Cell::text(eur(q.one_time_vat_cents)),
        ]),
        Row::new(vec![
            Cell::bold(l.gross_total),
            Cell::bold(eur(q.monthly_gross_cents)),
            Cell::bold(eur(q.one_time_gross_cents)),
        ]),
    ];
    total_rows[2].fill = Some(GROUP_FILL);
    table(layout, &cols_t, &total_rows)?;
    commitment(
        layout,
        l.first_year,
        l.first_year_note,
        &eur(q.first_year_commitment_cents),
    )?;
    if let Some(note) = &q.promo_note {
        layout.paragraph(note, SMALL, Style::Regular, MUTED, 0.0)?;
    }

    let optional: Vec<Row> = q
        .lines
        .iter()
        .filter(|x| x.optional)
        .map(|x| line_row(input, x))
        .collect();
    if !optional.is_empty() {
        layout.heading(l.optional_items, 2, 20.0)?;
        layout.paragraph(l.optional_note, SMALL, Style::Regular, MUTED, 0.0)?;
        table(layout, &cols, &optional)?;
    }
    Ok(())
}

pub fn terms(layout: &mut Layout, input: &ReportInput) -> Result<(), ReportError> {
    let terms = input.provider.terms(input.lang);
    if terms.is_empty() {
        return Ok(());
    }
    let l = labels(input.lang);
    layout.heading(l.terms, 1, 20.0)?;
    layout.numbered(terms)
}

/// A shaded band: bold label with a note below, amount right-aligned.
fn commitment(
    layout: &mut Layout,
    label: &str,
    note: &str,
    amount: &str,
) -> Result<(), ReportError> {
    let amount_w = layout.width(amount, BODY, Style::Bold);
    let notes = wrap(
        &layout.canvas,
        note,
        CONTENT_W - amount_w - 10.0,
        SMALL,
        Style::Regular,
    );
    let h = 3.0 + line_height(BODY) + notes.len() as f32 * line_height(SMALL);
    layout.ensure(h + 2.0)?;
    let y = layout.y;
    layout
        .canvas
        .rect(layout.page, MARGIN_L, y, CONTENT_W, h, Some(STRIPE), None)?;
    let base = y + 1.5 + baseline_offset(BODY);
    layout.canvas.text(
        layout.page,
        MARGIN_L + 1.6,
        base,
        BODY,
        Style::Bold,
        INK,
        label,
    )?;
    layout.canvas.text(
        layout.page,
        MARGIN_L + CONTENT_W - 1.6 - amount_w,
        base,
        BODY,
        Style::Bold,
        INK,
        amount,
    )?;
    let mut ny = y + 1.5 + line_height(BODY);
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

/// A labelled line to write on, with an optional pre-filled value.
fn field(
    layout: &mut Layout,
    x: f32,
    w: f32,
    label: &str,
    value: &str,
    h: f32,
) -> Result<(), ReportError> {
    const LABEL_W: f32 = 24.0;
    let y = layout.y;
    let label = super::layout::fit(&layout.canvas, label, LABEL_W - 1.5, SMALL, Style::Regular);
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
        let v = super::layout::fit(&layout.canvas, value, w - LABEL_W, BODY, Style::Regular);
        layout.canvas.text(
            layout.page,
            x + LABEL_W,
            y + baseline_offset(BODY),
            BODY,
            Style::Regular,
            INK,
            &v,
        )?;
    }
    layout
        .canvas
        .line(layout.page, (x + LABEL_W, y + h), (x + w, y + h), 0.5, RULE)?;
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
    for (label, value) in [l.name, l.role, l.place, l.date].into_iter().zip(values) {
        field(layout, x, w, label, value, 5.0)?;
        layout.y += 8.5;
    }
    field(layout, x, w, l.signature, "", 18.0)?;
    layout.y = start;
    Ok(())
}

pub fn signatures(layout: &mut Layout, input: &ReportInput) -> Result<(), ReportError> {
    let l = labels(input.lang);
    let c = &input.customer;
    let p = &input.provider;
    layout.heading(l.signatures, 1, 85.0)?;
    layout.paragraph(l.signature_intro, BODY, Style::Regular, INK, 0.0)?;
    layout.space(2.0);
    let half = (CONTENT_W - 10.0) / 2.0;
    signature_fields(
        layout,
        l,
        MARGIN_L,
        half,
        l.for_customer,
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
        l,
        MARGIN_L + half + 10.0,
        half,
        l.for_provider,
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

pub fn sepa(layout: &mut Layout, input: &ReportInput, s: &SepaInfo) -> Result<(), ReportError> {
    let l = labels(input.lang);
    let p = &input.provider;
    let top = layout.y;
    // Not a heading, but a part of its own: list it in the contents.
    layout.outline.push((l.sepa_title.to_string(), layout.page));
    layout.y += 5.0;
    layout.canvas.rect(
        layout.page,
        FRAME_X,
        top,
        FRAME_W,
        11.0,
        Some(PRIMARY),
        None,
    )?;
    layout.canvas.text(
        layout.page,
        MARGIN_L,
        top + 7.5,
        13.0,
        Style::Bold,
        super::layout::WHITE,
        l.sepa_title,
    )?;
    layout.y = top + 17.0;
    let rows = vec![
        (
            l.sepa_creditor.to_string(),
            format!(
                "{}, {}, {}  {}",
                p.legal_name, p.address, p.postcode, p.city
            ),
        ),
        (l.sepa_creditor_id.to_string(), p.sepa_creditor_id.clone()),
        (l.sepa_reference.to_string(), s.mandate_reference.clone()),
        (l.sepa_kind.to_string(), l.sepa_kind_value.to_string()),
        (l.sepa_holder.to_string(), s.account_holder.clone()),
        (l.sepa_iban.to_string(), s.iban.clone()),
    ];
    layout.key_values(&rows, 44.0, BODY)?;
    // "B.V." already ends the sentence: avoid "B.V.." where the template puts a full stop after it.
    let name_end = if p.legal_name.ends_with('.') {
        p.legal_name.clone()
    } else {
        format!("{}.", p.legal_name)
    };
    let consent = l
        .sepa_consent
        .replace("{creditor}.", &name_end)
        .replace("{creditor}", &p.legal_name);
    let lh = line_height(BODY);
    for line in wrap(&layout.canvas, &consent, CONTENT_W, BODY, Style::Regular) {
        layout.canvas.text(
            layout.page,
            MARGIN_L,
            layout.y + baseline_offset(BODY),
            BODY,
            Style::Regular,
            INK,
            &line,
        )?;
        layout.y += lh;
    }
    layout.y += 6.0;
    let half = (CONTENT_W - 10.0) / 2.0;
    let x = MARGIN_L;
    field(
        layout,
        x,
        half,
        l.place,
        input.customer.city.as_deref().unwrap_or(""),
        5.0,
    )?;
    field(layout, x + half + 10.0, half, l.date, "", 5.0)?;
    layout.y += 9.0;
    field(layout, x, half, l.signature, "", 18.0)?;
    layout.y += 26.0;
    // The frame is drawn last, now that the height is known; stroke only, so nothing is hidden.
    layout.canvas.rect(
        layout.page,
        FRAME_X,
        top,
        FRAME_W,
        layout.y - top,
        None,
        Some((PRIMARY, 1.0)),
    )?;
    layout.y += 4.0;
    Ok(())
}
