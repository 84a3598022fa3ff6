//! The completeness checks: every resource parses, every message exists in every language with
//! the same variables and attributes, plurals and numbers follow the language.

use std::collections::{BTreeMap, BTreeSet};

use fluent_syntax::ast::Entry;

use super::catalog::{self, variables};
use super::*;

/// message id (or `id.attr`) → variables it reads, per language.
type Catalog = BTreeMap<String, BTreeSet<String>>;

fn catalogs() -> BTreeMap<String, Catalog> {
    let parsed = catalog::Catalog::parse(resources()).unwrap_or_else(|(_, e)| panic!("{e:#?}"));
    let names = |p: &catalog::PatternInfo| p.variables.keys().cloned().collect();
    let mut out: BTreeMap<String, Catalog> = BTreeMap::new();
    for (lang, messages) in parsed.languages {
        let catalog = out.entry(lang).or_default();
        for (id, m) in messages {
            if let Some(value) = &m.value {
                catalog.insert(id.clone(), names(value));
            }
            for (attr, p) in &m.attributes {
                catalog.insert(format!("{id}.{attr}"), names(p));
            }
        }
    }
    out
}

#[test]
fn every_message_exists_in_every_language_with_the_same_variables() {
    let catalogs = catalogs();
    assert!(catalogs.contains_key("nl") && catalogs.contains_key("en"));
    let all_ids: BTreeSet<&String> = catalogs.values().flat_map(|c| c.keys()).collect();
    let mut problems = Vec::new();
    for id in all_ids {
        let mut seen: Option<(&String, &BTreeSet<String>)> = None;
        for (lang, catalog) in &catalogs {
            match (catalog.get(id), seen) {
                (None, _) => problems.push(format!("{id}: missing in {lang}")),
                (Some(vars), Some((first, want))) if vars != want => problems.push(format!(
                    "{id}: variables {vars:?} in {lang} but {want:?} in {first}"
                )),
                (Some(vars), None) => seen = Some((lang, vars)),
                _ => {}
            }
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn the_checker_finds_a_missing_variable() {
    let p = fluent_syntax::parser::parse("a = { $count } x { $name }\n").unwrap();
    let Entry::Message(m) = &p.body[0] else {
        panic!("a message")
    };
    let vars = variables(m.value.as_ref().unwrap());
    assert_eq!(vars, BTreeSet::from(["count".into(), "name".into()]));
}

#[test]
fn plurals_follow_the_language() {
    assert_eq!(crate::t!(Lang::Nl, "workstations", count = 1), "1 werkplek");
    assert_eq!(
        crate::t!(Lang::Nl, "workstations", count = 12),
        "12 werkplekken"
    );
    assert_eq!(
        crate::t!(Lang::En, "working-days", count = 1),
        "1 working day"
    );
    assert_eq!(
        crate::t!(Lang::En, "working-days", count = 0),
        "0 working days"
    );
}

#[test]
fn numbers_use_the_language_notation() {
    assert_eq!(
        crate::t!(Lang::Nl, "workstations", count = 1234),
        "1.234 werkplekken"
    );
    assert_eq!(
        crate::t!(Lang::En, "workstations", count = 1234),
        "1,234 workstations"
    );
    assert_eq!(fraction_digits(2.5, 2), 1);
    assert_eq!(fraction_digits(2.0, 2), 0);
    assert_eq!(fraction_digits(2.125, 2), 2);
    use fmt::decimal_trimmed as trimmed;
    assert_eq!(trimmed(2.5, 3, Lang::Nl), "2,5");
    assert_eq!(trimmed(1234.0, 3, Lang::Nl), "1.234");
    assert_eq!(trimmed(1234.125, 3, Lang::En), "1,234.125");
    assert_eq!(trimmed(0.1004, 3, Lang::Nl), "0,1");
    assert_eq!(trimmed(-2.5, 3, Lang::Nl), "-2,5");
}

#[test]
fn a_missing_message_shows_its_id() {
    assert_eq!(
        message(Lang::Nl, "no-such-message", None),
        "[no-such-message]"
    );
}

#[test]
fn pseudo_transform_changes_words_not_variables() {
    let out = pseudo_transform("Working days");
    assert_ne!(out, "Working days");
    // The bundle-level switch is tested in its own process (tests/i18n_pseudo.rs), since it is
    // global.
}
