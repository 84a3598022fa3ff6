//! The report as a whole: which sections appear in which order, and the PDF metadata.

use time::OffsetDateTime;

use super::ReportError;
use super::canvas::{Canvas, Meta};
use super::format::format_date;
use super::labels::labels;
use super::layout::{Furniture, Layout};
use super::model::{QuoteKind, ReportInput};
use super::{
    contract, draft_mark, findings, plan_section, quote_section, sections, sepa, situation, summary,
};

/// Renders the report as PDF bytes, stamped with the current time as creation date.
pub fn render(input: &ReportInput) -> Result<Vec<u8>, ReportError> {
    render_at(input, OffsetDateTime::now_utc())
}

/// Renders the report with an explicit creation date (for reproducible output).
pub fn render_at(input: &ReportInput, created: OffsetDateTime) -> Result<Vec<u8>, ReportError> {
    let (layout, meta) = compose(input, created)?;
    layout.canvas.finish(&meta)
}

/// Lays out every page; separate from writing so tests can inspect the placed text.
pub(crate) fn compose(
    input: &ReportInput,
    created: OffsetDateTime,
) -> Result<(Layout, Meta), ReportError> {
    validate(input)?;
    let l = labels(input.lang);
    let title = match input.quote.as_ref().map(|q| q.kind) {
        Some(QuoteKind::Quote) => l.doc_title_quote,
        Some(QuoteKind::CostOverview) => l.doc_title_overview,
        None => l.doc_title_plan,
    };
    let furniture = Furniture {
        header_left: format!("{} · {}", input.customer.name, title),
        header_right: format_date(input.intake_date, input.lang),
        footer_left: input.provider.legal_name.clone(),
        footer_pattern: l.page_pattern.to_string(),
    };
    let mut layout = Layout::new(Canvas::new()?, furniture);
    let mut cover_end = sections::cover(&mut layout, input, &title)?;
    if let Some(draft) = &input.draft {
        layout.y = cover_end;
        draft_mark::cover_reasons(&mut layout, input.lang, draft)?;
        cover_end = layout.y;
    }
    layout.new_page()?;
    summary::summary(&mut layout, input)?;
    situation::situation(&mut layout, input)?;
    findings::findings(&mut layout, input)?;
    plan_section::plan(&mut layout, input)?;
    let is_quote = input
        .quote
        .as_ref()
        .is_some_and(|q| q.kind == QuoteKind::Quote);
    if let Some(quote) = &input.quote {
        layout.new_page()?;
        quote_section::quote(&mut layout, input, quote)?;
        contract::terms(&mut layout, input, is_quote)?;
    }
    if is_quote {
        contract::signatures(&mut layout, input)?;
    }
    // A cost overview is ordered online and contains no mandate (FAQ 2.2, 2.8).
    if let Some(mandate) = input.sepa.as_ref().filter(|_| is_quote) {
        // On its own page so the mandate stands apart from the terms and can be filed separately.
        layout.new_page()?;
        sepa::sepa(&mut layout, input, mandate)?;
    }
    sections::contents(&mut layout, input, cover_end)?;
    layout.finish_footers()?;
    if input.draft.is_some() {
        draft_mark::mark_pages(&mut layout, input.lang)?;
    }
    let meta = Meta {
        title: format!("{title} – {}", input.customer.name),
        author: input.provider.legal_name.clone(),
        subject: l.subject.to_string(),
        keywords: vec!["MKB Werkplek Online".into(), input.customer.name.clone()],
        language: l.language_tag.to_string(),
        created,
    };
    Ok((layout, meta))
}

/// Rejects input that would give a misleading document rather than printing it.
fn validate(input: &ReportInput) -> Result<(), ReportError> {
    if input.customer.name.trim().is_empty() {
        return Err(ReportError::Input("customer name is empty".into()));
    }
    for (i, p) in input.plan.iter().enumerate() {
        if p.end < p.start {
            return Err(ReportError::Input(format!(
                "plan phase {} ('{}') ends {} before it starts {}",
                i + 1,
                p.name,
                p.end,
                p.start
            )));
        }
    }
    for (i, loc) in input.locations.iter().enumerate() {
        let values = [
            loc.down_mbps,
            loc.up_mbps,
            Some(loc.needed_down_mbps),
            Some(loc.needed_up_mbps),
        ];
        if values
            .into_iter()
            .flatten()
            .any(|v| !v.is_finite() || v < 0.0)
        {
            return Err(ReportError::Input(format!(
                "location {} ('{}') has a negative or non-finite bandwidth",
                i + 1,
                loc.name
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::canvas::PAGE_W;
    use crate::report::layout::{MARGIN_L, MARGIN_R};
    use crate::report::sample;

    fn created() -> OffsetDateTime {
        OffsetDateTime::from_unix_timestamp(1_795_000_000).unwrap()
    }

    #[test]
    fn every_text_run_stays_inside_the_margins() {
        for input in [
            sample::small_office(),
            sample::large_office(),
            sample::small_office_en(),
        ] {
            let (layout, _) = compose(&input, created()).unwrap();
            for p in layout.canvas.placed() {
                assert!(p.x >= MARGIN_L - 0.01, "left of margin: {p:?}");
                assert!(
                    p.x + p.width <= PAGE_W - MARGIN_R + 0.01,
                    "right of margin: {p:?}"
                );
            }
        }
    }

    #[test]
    fn empty_parts_are_left_out() {
        let mut input = sample::small_office();
        input.apps.clear();
        input.topics.clear();
        input.plan.clear();
        input.sepa = None;
        let (layout, _) = compose(&input, created()).unwrap();
        let texts: Vec<&str> = layout
            .canvas
            .placed()
            .iter()
            .map(|p| p.text.as_str())
            .collect();
        for gone in [
            "Bedrijfsapplicaties",
            "Domeinnaam",
            "Migratieplan",
            "Tijdlijn",
            "Doorlopende machtiging SEPA",
        ] {
            assert!(!texts.contains(&gone), "{gone} printed although empty");
        }
        assert!(texts.contains(&"Bevindingen en maatregelen"));
    }

    #[test]
    fn cost_overview_has_no_signature_block_and_quote_has_one() {
        let (quote, _) = compose(&sample::large_office(), created()).unwrap();
        assert!(
            quote
                .canvas
                .placed()
                .iter()
                .any(|p| p.text == "Ondertekening")
        );
        let mut input = sample::small_office();
        if let Some(q) = input.quote.as_mut() {
            q.kind = QuoteKind::CostOverview;
        }
        let (overview, _) = compose(&input, created()).unwrap();
        assert!(
            !overview
                .canvas
                .placed()
                .iter()
                .any(|p| p.text == "Ondertekening")
        );
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        let mut input = sample::small_office();
        input.customer.name = " ".into();
        assert!(matches!(
            render_at(&input, created()),
            Err(ReportError::Input(_))
        ));
        let mut input = sample::small_office();
        input.plan[0].end = input.plan[0].start - time::Duration::days(3);
        let err = render_at(&input, created()).unwrap_err().to_string();
        assert!(err.contains("plan phase 1"), "{err}");
        let mut input = sample::small_office();
        input.locations[0].down_mbps = Some(f64::NAN);
        assert!(render_at(&input, created()).is_err());
    }
}
