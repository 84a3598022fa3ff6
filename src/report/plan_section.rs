//! The migration plan: phases in date order, the notes on the calendar (migration window,
//! closure periods, backward scheduling, feasibility), and the timeline with its legend.

use super::ReportError;
use super::canvas::Style;
use super::format::{format_date, format_date_short};
use super::labels::labels;
use super::layout::{BODY, INK, Layout, MUTED, SMALL};
use super::model::{Lang, PhaseRow, ReportInput};
use super::table::{Align, Cell, Column, Row, table};
use super::timeline::{self, Marks};

/// The timeline's captions and legend, in the report's language.
pub(super) struct Words {
    pub today: String,
    pub desired: String,
    pub phase: String,
    pub go_live: String,
    pub closed: String,
}

pub(super) fn words(lang: Lang) -> Words {
    use crate::t;
    Words {
        today: t!(lang, "plan-today"),
        desired: t!(lang, "plan-desired"),
        phase: t!(lang, "plan-phase"),
        go_live: t!(lang, "plan-go-live"),
        closed: t!(lang, "plan-closed"),
    }
}

/// The phases sorted by start, then end (the schedule order is not always the date order).
fn in_date_order(plan: &[PhaseRow]) -> Vec<&PhaseRow> {
    let mut rows: Vec<&PhaseRow> = plan.iter().collect();
    rows.sort_by_key(|p| (p.start, p.end));
    rows
}

pub fn plan(layout: &mut Layout, input: &ReportInput) -> Result<(), ReportError> {
    if input.plan.is_empty() {
        return Ok(());
    }
    let (lang, l, w) = (input.lang, labels(input.lang), words(input.lang));
    layout.heading(&l.plan, 1, 30.0)?;
    if input.draft.is_some() {
        let note = crate::t!(lang, "plan-draft-note");
        layout.paragraph(&note, SMALL + 0.5, Style::Bold, MUTED, 0.0)?;
    }
    let info = input.plan_info.as_ref();
    if let Some(missing) = info.and_then(|i| i.missing.as_deref()) {
        return undated(layout, input, missing);
    }
    let cols = [
        Column::new(&l.phase, 80.0, Align::Left),
        Column::new(&l.start, 34.0, Align::Left),
        Column::new(&l.end, 34.0, Align::Left),
        // Days on the phase's own calendar: working days, or weekend days in a weekend window.
        Column::new(&crate::t!(lang, "plan-days"), 22.0, Align::Right),
    ];
    let phases = in_date_order(&input.plan);
    let rows: Vec<Row> = phases
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
    for note in info.map(|i| i.notes.as_slice()).unwrap_or_default() {
        layout.paragraph(note, SMALL, Style::Regular, MUTED, 0.0)?;
    }
    layout.heading(&l.timeline, 2, timeline::height(&phases) + 8.0)?;
    let marks = Marks {
        today: info.map(|i| i.today),
        go_live: info.and_then(|i| i.go_live),
        desired_go_live: info.and_then(|i| i.desired_go_live),
        closures: info.map(|i| i.closures.clone()).unwrap_or_default(),
    };
    timeline::draw(layout, &phases, &marks, &w, &|d| format_date_short(d, lang))
}

/// A plan the intake cannot date yet: says what is missing, then each phase with its days, in
/// schedule order, and no date or timeline (a go-live it cannot know is not shown).
fn undated(layout: &mut Layout, input: &ReportInput, missing: &str) -> Result<(), ReportError> {
    let (lang, l) = (input.lang, labels(input.lang));
    let note = crate::t!(lang, "plan-unknown", missing = missing);
    layout.paragraph(&note, BODY, Style::Bold, INK, 0.0)?;
    let cols = [
        Column::new(&l.phase, 80.0, Align::Left),
        Column::new(&crate::t!(lang, "plan-days"), 22.0, Align::Right),
    ];
    let rows: Vec<Row> = input
        .plan
        .iter()
        .map(|p| {
            Row::new(vec![
                Cell::bold(&p.name),
                Cell::text(p.working_days.to_string()),
            ])
        })
        .collect();
    table(layout, &cols, &rows)?;
    for note in input.plan_info.iter().flat_map(|i| &i.notes) {
        layout.paragraph(note, SMALL, Style::Regular, MUTED, 0.0)?;
    }
    Ok(())
}
