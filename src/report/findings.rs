//! The findings section: every finding by severity, with the customer's text (never the
//! specialist's measure) and, where accepted, the reason.

use super::ReportError;
use super::canvas::Style;
use super::labels::{self, labels};
use super::layout::{CONTENT_W, Layout, MUTED, PRIMARY};
use super::model::{ReportInput, Severity};
use super::sections::severity_mark;
use super::table::{Align, Cell, Column, Row, table};

pub fn findings(layout: &mut Layout, input: &ReportInput) -> Result<(), ReportError> {
    if input.findings.is_empty() {
        return Ok(());
    }
    let l = labels(input.lang);
    let lang = input.lang;
    layout.heading(&l.findings, 1, 30.0)?;
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
            Column::new(&l.status, 27.0, Align::Left),
            Column::new(&l.finding, 50.0, Align::Left),
            Column::new(
                &crate::i18n::message(lang, "findings-advice", None),
                CONTENT_W - 77.0,
                Align::Left,
            ),
        ];
        let rows: Vec<Row> = group
            .iter()
            .map(|f| {
                let mut status = Cell::mark(severity_mark(lang, f.severity));
                let mut advice = Cell::text(&f.advice);
                if let Some(reason) = &f.accepted {
                    status = status.then(&l.accepted, Style::Bold, PRIMARY);
                    advice =
                        advice.then(format!("{}: {reason}", l.accepted), Style::Regular, MUTED);
                }
                Row::new(vec![status, Cell::bold(&f.title), advice])
            })
            .collect();
        table(layout, &cols, &rows)?;
    }
    Ok(())
}
