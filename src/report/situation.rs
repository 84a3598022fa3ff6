//! The current situation: locations and their links (with where each figure comes from and an
//! unassigned measurement apart), the measured computers with readiness and reasons, users,
//! applications, the network inventory and every other answer of the intake.

use super::ReportError;
use super::canvas::Style;
use super::charts::{self, BarPair};
use super::format::{format_date, format_decimal, format_mbps};
use super::labels::labels;
use super::layout::{BODY, CONTENT_W, INK, Layout, MUTED, SMALL};
use super::model::{Lang, LocationRow, ReportInput};
use super::sections::severity_mark;
use super::table::{Align, Cell, Column, Row, table};

/// The situation's own words, from `assets/locales/*/situation.ftl`.
fn words(lang: Lang, id: &str) -> String {
    crate::i18n::message(lang, &format!("situation-{id}"), None)
}

fn has_situation(input: &ReportInput) -> bool {
    !(input.locations.is_empty()
        && input.unassigned.is_none()
        && input.workstations.is_empty()
        && input.coverage.is_none()
        && input.users.is_empty()
        && input.apps.is_empty()
        && input.topics.is_empty()
        && input.lan.is_empty())
}

pub fn situation(layout: &mut Layout, input: &ReportInput) -> Result<(), ReportError> {
    if !has_situation(input) {
        return Ok(());
    }
    let l = labels(input.lang);
    layout.heading(&l.situation, 1, 25.0)?;
    locations(layout, input)?;
    computers(layout, input)?;
    users(layout, input)?;
    apps(layout, input)?;
    let lang = input.lang;
    if !input.lan.is_empty() {
        layout.heading(&words(lang, "lan"), 2, 15.0)?;
        layout.key_values(&input.lan, 42.0, BODY)?;
    }
    for t in &input.topics {
        layout.heading(&t.title, 2, 12.0)?;
        layout.key_values(&t.rows, 62.0, BODY)?;
    }
    Ok(())
}

fn locations(layout: &mut Layout, input: &ReportInput) -> Result<(), ReportError> {
    let l = labels(input.lang);
    let lang = input.lang;
    let mbps =
        |v: Option<f64>| v.map_or_else(|| l.not_measured.to_string(), |v| format_mbps(v, lang));
    // A location whose speeds the customer did not know says so, rather than "not measured".
    let speed = |v: Option<f64>, unknown: bool| match v {
        None if unknown => crate::t!(lang, "form-unknown-answer"),
        v => mbps(v),
    };
    if !input.locations.is_empty() {
        layout.heading(&l.locations, 2, 25.0)?;
        let cols = [
            Column::new(&l.location, 44.0, Align::Left),
            Column::new(&l.workstations, 22.0, Align::Right),
            Column::new(&l.source, 22.0, Align::Left),
            Column::new(&format!("{} {}", l.speed, l.down), 20.5, Align::Right),
            Column::new(&format!("{} {}", l.speed, l.up), 20.5, Align::Right),
            Column::new(&format!("{} {}", l.needed, l.down), 20.5, Align::Right),
            Column::new(&format!("{} {}", l.needed, l.up), 20.5, Align::Right),
        ];
        let source = |loc: &LocationRow| {
            if loc.down_mbps.is_none() && loc.up_mbps.is_none() && !loc.speed_unknown {
                ""
            } else if loc.measured {
                &l.source_measured
            } else {
                &l.source_subscription
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
                    Cell::text(speed(loc.down_mbps, loc.speed_unknown)),
                    Cell::text(speed(loc.up_mbps, loc.speed_unknown)),
                    Cell::text(format_mbps(loc.needed_down_mbps, lang)),
                    Cell::text(format_mbps(loc.needed_up_mbps, lang)),
                ])
            })
            .collect();
        table(layout, &cols, &rows)?;
        super::link_latency::table(layout, &input.link_latency, lang)?;
    }
    if let Some(u) = &input.unassigned {
        layout.heading(&words(lang, "unassigned"), 2, 15.0)?;
        let rows = vec![
            (
                format!("{} {}", l.measured, l.down),
                format_mbps(u.down_mbps, lang),
            ),
            (format!("{} {}", l.measured, l.up), mbps(u.up_mbps)),
            (words(lang, "measured-on"), format_date(u.measured_on, lang)),
        ];
        layout.key_values(&rows, 42.0, BODY)?;
        layout.paragraph(
            &words(lang, "unassigned-note"),
            SMALL,
            Style::Regular,
            MUTED,
            0.0,
        )?;
    }
    if input.locations.is_empty() {
        return Ok(());
    }
    layout.heading(&l.bandwidth, 2, 30.0)?;
    let pair = |loc: &LocationRow, value: Option<f64>, needed: f64| {
        let short = value.is_some_and(|m| m < needed);
        let stated = !loc.measured && value.is_some();
        let what = if stated { &l.subscription } else { &l.measured };
        let mut measured_text = match value {
            Some(v) => format!("{what} {}", format_mbps(v, lang)),
            // What is known: the customer did not know the subscription's speed.
            None if loc.speed_unknown => format!("{} {}", l.subscription, speed(None, true)),
            None => l.not_measured.to_string(),
        };
        if short {
            measured_text.push_str(&format!(" ({})", l.too_low));
        }
        BarPair {
            label: loc.name.clone(),
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
        .map(|x| pair(x, x.down_mbps, x.needed_down_mbps))
        .collect();
    let up: Vec<BarPair> = input
        .locations
        .iter()
        .map(|x| pair(x, x.up_mbps, x.needed_up_mbps))
        .collect();
    let legend = (
        l.measured.as_str(),
        l.subscription.as_str(),
        l.needed.as_str(),
    );
    charts::bar_chart(layout, &l.download, &down, legend)?;
    charts::bar_chart(layout, &l.upload, &up, legend)?;
    if input
        .locations
        .iter()
        .any(|x| !x.measured && (x.down_mbps.is_some() || x.up_mbps.is_some()))
    {
        layout.paragraph(&l.subscription_note, SMALL, Style::Regular, MUTED, 0.0)?;
    }
    layout.paragraph(&l.bandwidth_note, SMALL, Style::Regular, MUTED, 0.0)?;
    Ok(())
}

fn computers(layout: &mut Layout, input: &ReportInput) -> Result<(), ReportError> {
    if input.workstations.is_empty() && input.coverage.is_none() {
        return Ok(());
    }
    let l = labels(input.lang);
    let lang = input.lang;
    layout.heading(&words(lang, "computers"), 2, 25.0)?;
    if let Some(c) = &input.coverage {
        layout.paragraph(c, BODY, Style::Bold, INK, 0.0)?;
    }
    if input.workstations.is_empty() {
        layout.paragraph(
            &words(lang, "none-measured"),
            BODY,
            Style::Regular,
            INK,
            0.0,
        )?;
        return Ok(());
    }
    let cols = [
        Column::new(&l.hostname, 32.0, Align::Left),
        Column::new(&l.os, 40.0, Align::Left),
        Column::new(&l.memory, 20.0, Align::Right),
        Column::new(&l.verdict, 25.0, Align::Left),
        Column::new(&l.reason, 53.0, Align::Left),
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
                        .map(|m| format!("{}\u{a0}GB", format_decimal(m, 0, lang)))
                        .unwrap_or_default(),
                ),
                Cell::mark(severity_mark(lang, w.verdict)),
                Cell::text(&w.reason),
            ])
        })
        .collect();
    table(layout, &cols, &rows)?;
    Ok(())
}

fn users(layout: &mut Layout, input: &ReportInput) -> Result<(), ReportError> {
    if input.users.is_empty() {
        return Ok(());
    }
    let lang = input.lang;
    layout.heading(&words(lang, "users"), 2, 20.0)?;
    let cols = [
        Column::new(&words(lang, "name"), 38.0, Align::Left),
        Column::new(&words(lang, "email"), 52.0, Align::Left),
        Column::new(&words(lang, "role"), 28.0, Align::Left),
        Column::new(&words(lang, "mobile"), 22.0, Align::Left),
        Column::new(&words(lang, "options"), CONTENT_W - 140.0, Align::Left),
    ];
    let rows: Vec<Row> = input
        .users
        .iter()
        .map(|u| {
            Row::new(vec![
                Cell::bold(&u.name),
                Cell::text(&u.email),
                Cell::text(&u.role),
                if u.has_mobile {
                    Cell::text(crate::t!(lang, "yes"))
                } else {
                    Cell::bold(words(lang, "mobile-missing"))
                },
                Cell::text(&u.options),
            ])
        })
        .collect();
    table(layout, &cols, &rows)?;
    Ok(())
}

fn apps(layout: &mut Layout, input: &ReportInput) -> Result<(), ReportError> {
    if input.apps.is_empty() {
        return Ok(());
    }
    let lang = input.lang;
    layout.heading(&words(lang, "apps"), 2, 20.0)?;
    let cols = [
        Column::new(&words(lang, "name"), 45.0, Align::Left),
        Column::new(&words(lang, "details"), CONTENT_W - 45.0, Align::Left),
    ];
    let rows: Vec<Row> = input
        .apps
        .iter()
        .map(|a| Row::new(vec![Cell::bold(&a.name), Cell::text(&a.details)]))
        .collect();
    table(layout, &cols, &rows)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::form::Lang;

    /// The ids `words` builds at run time exist in both languages.
    #[test]
    fn every_word_of_summary_and_situation_exists_in_both_languages() {
        let calls = regex::Regex::new(r#"words\(lang, "([a-z-]+)"\)"#).unwrap();
        for (prefix, src) in [
            ("situation-", include_str!("situation.rs")),
            ("summary-", include_str!("summary.rs")),
        ] {
            let mut n = 0;
            for c in calls.captures_iter(src) {
                n += 1;
                let id = format!("{prefix}{}", &c[1]);
                for lang in [Lang::Nl, Lang::En] {
                    let m = crate::i18n::message(lang, &id, None);
                    assert_ne!(m, format!("[{id}]"), "{id} missing in {lang:?}");
                }
            }
            assert!(n >= 4, "{prefix}: {n}");
        }
        for verdict in ["feasible", "infeasible", "none-desired"] {
            let id = format!("summary-{verdict}");
            assert_ne!(crate::i18n::message(Lang::En, &id, None), format!("[{id}]"));
        }
    }
}
