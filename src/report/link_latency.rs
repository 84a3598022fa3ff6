//! Latency per location where the link was measured: idle, and while the download and
//! the upload fill the line. A line whose queue fills up (bufferbloat) makes the remote
//! desktop slow for everyone whenever someone moves a large file; the customer signs
//! for the figures, so they stand beside the bandwidth.

use super::ReportError;
use super::layout::Layout;
use super::model::{Lang, LinkLatencyRow};
use super::table::{Align, Cell, Column, Row, table as draw};
use crate::i18n::fmt;
use crate::t;

/// Heading and column titles.
fn titles(lang: Lang) -> [String; 5] {
    [
        t!(lang, "report-latency-title"),
        t!(lang, "report-latency-location"),
        t!(lang, "report-latency-idle"),
        t!(lang, "report-latency-loaded-down"),
        t!(lang, "report-latency-loaded-up"),
    ]
}

/// "372 ms" (with a non-breaking space), or a dash when not measured.
fn ms(v: Option<f64>, lang: Lang) -> String {
    v.filter(|x| x.is_finite() && *x >= 0.0).map_or_else(
        || "–".into(),
        |x| fmt::with_unit(&fmt::decimal(x, 0, lang), "ms"),
    )
}

/// The table, when any location has a measured latency.
pub fn table(layout: &mut Layout, rows: &[LinkLatencyRow], lang: Lang) -> Result<(), ReportError> {
    if rows.is_empty() {
        return Ok(());
    }
    let [heading, location, idle, down, up] = titles(lang);
    layout.heading(&heading, 2, 25.0)?;
    let cols = [
        Column::new(&location, 44.0, Align::Left),
        Column::new(&idle, 30.0, Align::Right),
        Column::new(&down, 48.0, Align::Right),
        Column::new(&up, 48.0, Align::Right),
    ];
    let rows: Vec<Row> = rows
        .iter()
        .map(|r| {
            Row::new(vec![
                Cell::bold(&r.location),
                Cell::text(ms(r.idle_ms, lang)),
                Cell::text(ms(r.loaded_down_ms, lang)),
                Cell::text(ms(r.loaded_up_ms, lang)),
            ])
        })
        .collect();
    draw(layout, &cols, &rows)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_in_whole_milliseconds_and_a_dash_when_missing() {
        assert_eq!(ms(Some(431.5), Lang::Nl), "432\u{a0}ms");
        assert_eq!(ms(Some(12.4), Lang::En), "12\u{a0}ms");
        assert_eq!(ms(None, Lang::Nl), "–");
        assert_eq!(ms(Some(f64::NAN), Lang::Nl), "–");
    }
}
