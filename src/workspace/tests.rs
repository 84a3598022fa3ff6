//! Workspace operations over an in-memory store and small forms.

use super::{FormSource, Mode, Workspace};
use crate::store::Store;
use serde_json::json;

const V1: &str = r#"
id = "wt"
version = 1
languages = ["nl"]
title = { nl = "T" }

[[section]]
id = "p"
title = { nl = "Personen" }
repeat = { min = 0, max = 5, item = { nl = "Persoon" } }

[[section.question]]
id = "name"
type = "text"
label = { nl = "Naam" }

[[section.question]]
id = "old"
type = "text"
label = { nl = "Vervalt in versie 2" }
"#;

fn ws_with(src: &str) -> (Workspace, i64) {
    let mut ws = Workspace::with_store(Store::open_in_memory().unwrap()).unwrap();
    let form = FormSource {
        path: "wt.toml".into(),
        src: src.to_string(),
    };
    let id = ws.new_intake("Klant", Mode::Online, Some(form)).unwrap();
    (ws, id)
}

fn set(ws: &mut Workspace, id: i64, pairs: &[(&str, &str)]) {
    let pairs: Vec<_> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    ws.set_answers(id, &pairs).unwrap();
}

/// Version 2 of the form drops `old`: its answers become orphans.
fn drop_old_question(ws: &mut Workspace) {
    let v2 = V1.replace("version = 1", "version = 2");
    let v2 = &v2[..v2.find("[[section.question]]\nid = \"old\"").unwrap()];
    let form = FormSource {
        path: "wt2.toml".into(),
        src: v2.to_string(),
    };
    ws.new_intake("Ander", Mode::Online, Some(form)).unwrap();
}

fn stored(ws: &Workspace, id: i64) -> serde_json::Value {
    json!(ws.store.answers(id).unwrap())
}

#[test]
fn removing_an_entry_moves_later_entries_with_their_orphans() {
    let (mut ws, id) = ws_with(V1);
    set(
        &mut ws,
        id,
        &[
            ("p[1].name", "Ann"),
            ("p[2].name", "Bob"),
            ("p[2].old", "b"),
            ("p[3].name", "Cor"),
            ("p[3].old", "c"),
        ],
    );
    drop_old_question(&mut ws);
    assert_eq!(ws.load(id).unwrap().orphans.len(), 2);
    ws.remove_entry(id, "p", 2).unwrap();
    assert_eq!(
        stored(&ws, id),
        json!({"p[1].name": "Ann", "p[2].name": "Cor", "p[2].old": "c"})
    );
    ws.remove_entry(id, "p", 1).unwrap();
    assert_eq!(
        stored(&ws, id),
        json!({"p[1].name": "Cor", "p[1].old": "c"})
    );
    assert!(
        ws.remove_entry(id, "p", 2).is_err(),
        "there is no entry 2 any more"
    );
    assert!(ws.remove_entry(id, "p", 0).is_err());
    // Every move is in the history, so nothing is lost without a trace.
    let hist = ws.store.history(id, Some("p[2].old")).unwrap();
    assert!(
        hist.iter()
            .any(|h| h.new.is_none() && h.old == Some(json!("c")))
    );
}

#[test]
fn an_entry_with_only_an_orphan_can_still_be_removed() {
    let (mut ws, id) = ws_with(V1);
    set(&mut ws, id, &[("p[1].name", "Ann"), ("p[2].old", "x")]);
    drop_old_question(&mut ws);
    ws.remove_entry(id, "p", 2).unwrap();
    assert_eq!(stored(&ws, id), json!({"p[1].name": "Ann"}));
}

#[test]
fn swapping_entries_keeps_each_entry_together() {
    let (mut ws, id) = ws_with(V1);
    set(
        &mut ws,
        id,
        &[
            ("p[1].name", "Ann"),
            ("p[1].old", "a"),
            ("p[2].name", "Bob"),
        ],
    );
    drop_old_question(&mut ws);
    ws.swap_entries(id, "p", 1, 2).unwrap();
    assert_eq!(
        stored(&ws, id),
        json!({"p[1].name": "Bob", "p[2].name": "Ann", "p[2].old": "a"})
    );
    ws.swap_entries(id, "p", 2, 2).unwrap();
    assert_eq!(
        stored(&ws, id),
        json!({"p[1].name": "Bob", "p[2].name": "Ann", "p[2].old": "a"})
    );
    for (a, b) in [(0, 1), (1, 6)] {
        assert!(ws.swap_entries(id, "p", a, b).is_err(), "{a} {b}");
    }
    assert!(ws.swap_entries(id, "nope", 1, 2).is_err());
    assert_eq!(
        stored(&ws, id),
        json!({"p[1].name": "Bob", "p[2].name": "Ann", "p[2].old": "a"})
    );
}

#[test]
fn a_bundle_with_orphans_of_a_custom_form_imports() {
    let (mut ws, id) = ws_with(V1);
    set(&mut ws, id, &[("p[1].name", "Ann"), ("p[1].old", "a")]);
    drop_old_question(&mut ws);
    let bundle = ws.store.export_bundle(id).unwrap();
    let new = ws.import_bundle(&bundle).unwrap();
    assert_ne!(new, id);
    let l = ws.load(new).unwrap();
    assert_eq!(l.orphans.get("p[1].old"), Some(&json!("a")));
    assert_eq!(l.answers.len(), 1);
    assert_eq!(ws.store.progress_all().unwrap().get(&new), Some(&100));
}

#[test]
fn bundles_with_bad_answers_or_unknown_forms_are_refused() {
    let (mut ws, id) = ws_with(V1);
    set(&mut ws, id, &[("p[1].name", "Ann")]);
    let good = ws.store.export_bundle(id).unwrap();
    type Edit = Box<dyn Fn(&mut crate::store::Bundle)>;
    let cases: Vec<(&str, Edit)> = vec![
        (
            "no such question",
            Box::new(|b| {
                b.answers.insert("p[1].nope".into(), json!("x"));
            }),
        ),
        (
            "at most 5 entries",
            Box::new(|b| {
                b.answers.insert("p[6].name".into(), json!("x"));
            }),
        ),
        (
            "wrong key shape",
            Box::new(|b| {
                b.answers.insert("p.name".into(), json!("x"));
            }),
        ),
        (
            "does not fit the type",
            Box::new(|b| {
                b.answers.insert("p[1].name".into(), json!(12));
            }),
        ),
        (
            "unknown form 'other'",
            Box::new(|b| b.intake.form_id = "other".into()),
        ),
        (
            "newer than the versions known here",
            Box::new(|b| b.intake.form_version = 9),
        ),
    ];
    for (want, edit) in cases {
        let mut b = good.clone();
        edit(&mut b);
        let before = ws.store.list_intakes().unwrap().len();
        let err = format!("{:#}", ws.import_bundle(&b).unwrap_err());
        assert!(err.contains(want), "{want}: {err}");
        assert_eq!(
            ws.store.list_intakes().unwrap().len(),
            before,
            "{want}: nothing imported"
        );
    }
}
