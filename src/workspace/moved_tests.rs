//! `[moved]`: answers given to an earlier form version follow their question to its new key.

use super::{FormSource, Mode, Workspace};
use crate::store::Store;
use serde_json::json;

const V1: &str = r#"
id = "wm"
version = 1
languages = ["nl"]
title = { nl = "T" }

[[section]]
id = "planning"
title = { nl = "Planning" }

[[section.question]]
id = "closed_from"
type = "date"
label = { nl = "Gesloten vanaf" }

[[section.question]]
id = "note"
type = "text"
label = { nl = "Opmerking" }
"#;

const V2: &str = r#"
id = "wm"
version = 2
languages = ["nl"]
title = { nl = "T" }

[moved]
"planning.closed_from" = "closures[1].from"

[[section]]
id = "planning"
title = { nl = "Planning" }

[[section.question]]
id = "note"
type = "text"
label = { nl = "Opmerking" }

[[section]]
id = "closures"
title = { nl = "Sluitingen" }
repeat = { min = 0, max = 5, item = { nl = "Sluiting" } }

[[section.question]]
id = "from"
type = "date"
label = { nl = "Vanaf" }
"#;

fn form(path: &str, src: &str) -> Option<FormSource> {
    Some(FormSource {
        path: path.into(),
        src: src.to_string(),
    })
}

/// An intake answered on version 1, then version 2 made known (by a second intake).
fn answered_on_v1() -> (Workspace, i64) {
    let mut ws = Workspace::with_store(Store::open_in_memory().unwrap()).unwrap();
    let id = ws
        .new_intake("Klant", Mode::Online, form("v1.toml", V1))
        .unwrap();
    ws.set_answers(id, &[("planning.closed_from".into(), "2026-12-19".into())])
        .unwrap();
    ws.new_intake("Ander", Mode::Online, form("v2.toml", V2))
        .unwrap();
    (ws, id)
}

#[test]
fn an_answer_of_the_old_version_is_read_under_its_new_key() {
    let (ws, id) = answered_on_v1();
    let loaded = ws.load(id).unwrap();
    assert_eq!(loaded.form.version, 2);
    assert_eq!(
        loaded.answers.get("closures[1].from").map(|v| v.to_json()),
        Some(json!("2026-12-19"))
    );
    assert!(loaded.orphans.is_empty(), "{:?}", loaded.orphans);
    assert_eq!(loaded.entry_count("closures"), 1);
    // Reading writes nothing: the database still holds the old key.
    assert_eq!(
        json!(ws.store.answers(id).unwrap()),
        json!({"planning.closed_from": "2026-12-19"})
    );
}

#[test]
fn the_next_write_moves_it_in_the_database_with_its_history() {
    let (mut ws, id) = answered_on_v1();
    ws.set_answers(id, &[("planning.note".into(), "na de kerst".into())])
        .unwrap();
    assert_eq!(
        json!(ws.store.answers(id).unwrap()),
        json!({"closures[1].from": "2026-12-19", "planning.note": "na de kerst"})
    );
    let old = ws.store.history(id, Some("planning.closed_from")).unwrap();
    assert!(old.last().is_some_and(|h| h.new.is_none()));
    let new = ws.store.history(id, Some("closures[1].from")).unwrap();
    assert_eq!(new.len(), 1);
    assert_eq!(new[0].new, Some(json!("2026-12-19")));
    // Settled: nothing is pending any more.
    assert!(ws.load(id).unwrap().moved.is_empty());
}

#[test]
fn a_newer_answer_under_the_new_key_wins() {
    let (mut ws, id) = answered_on_v1();
    ws.set_answers(id, &[("closures[1].from".into(), "2027-07-20".into())])
        .unwrap();
    assert_eq!(
        json!(ws.store.answers(id).unwrap()),
        json!({"closures[1].from": "2027-07-20"})
    );
}

#[test]
fn removing_the_entry_removes_the_moved_answer_too() {
    let (mut ws, id) = answered_on_v1();
    ws.remove_entry(id, "closures", 1).unwrap();
    assert_eq!(json!(ws.store.answers(id).unwrap()), json!({}));
    assert_eq!(ws.load(id).unwrap().entry_count("closures"), 0);
}
