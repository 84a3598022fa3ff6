use serde_json::json;

use super::*;
use crate::store::test_util::{mem_store, new_intake};
use crate::store::{Change, Store};

fn map(pairs: &[(&str, Json)]) -> BTreeMap<String, Json> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

#[test]
fn one_sided_changes_come_from_their_side_and_two_sided_ones_conflict() {
    let base: BTreeMap<String, Option<Json>> = [
        ("a.same", Some(json!(1))),
        ("a.ours", Some(json!(1))),
        ("a.theirs", Some(json!(1))),
        ("a.both", Some(json!(1))),
        ("a.both_same", Some(json!(1))),
        ("a.removed_there", Some(json!(1))),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v))
    .collect();
    let ours = map(&[
        ("a.same", json!(1)),
        ("a.ours", json!(2)),
        ("a.theirs", json!(1)),
        ("a.both", json!(2)),
        ("a.both_same", json!(5)),
        ("a.removed_there", json!(1)),
        ("a.new_here", json!(7)),
    ]);
    let theirs = map(&[
        ("a.same", json!(1)),
        ("a.ours", json!(1)),
        ("a.theirs", json!(3)),
        ("a.both", json!(3)),
        ("a.both_same", json!(5)),
        ("a.new_there", json!(8)),
    ]);
    let plan = plan_merge(&ours, &theirs, &base);
    assert_eq!(
        plan.taken,
        vec![
            ("a.new_there".to_string(), Some(json!(8))),
            ("a.removed_there".to_string(), None),
            ("a.theirs".to_string(), Some(json!(3))),
        ]
    );
    assert_eq!(plan.kept, vec!["a.both_same", "a.new_here", "a.ours"]);
    assert_eq!(
        plan.conflicts,
        vec![Conflict {
            key: "a.both".into(),
            base: Some(json!(1)),
            ours: Some(json!(2)),
            theirs: Some(json!(3)),
        }]
    );
}

/// An intake exported, then changed here and (in a copy of the bundle) there.
fn diverged() -> (Store, i64, Bundle) {
    let mut s = mem_store();
    let id = s.create_intake(&new_intake("A")).unwrap();
    s.apply(
        id,
        &[
            Change::set("company.kvk", json!("12345678")),
            Change::set("company.name", json!("A")),
            Change::set("company.city", json!("Utrecht")),
        ],
        "piet",
    )
    .unwrap();
    let mut bundle = s.export_bundle(id).unwrap();
    // Here, after the export: a later answer and a change.
    s.apply(
        id,
        &[
            Change::set("company.kvk", json!("87654321")),
            Change::set("company.postcode", json!("1234 AB")),
        ],
        "piet",
    )
    .unwrap();
    // There: the customer changes the name and the KvK number too (as their program does:
    // with a history row each).
    for (key, old, new) in [
        ("company.name", "A", "A B.V."),
        ("company.kvk", "12345678", "11111111"),
    ] {
        bundle.answers.insert(key.into(), json!(new));
        bundle.history.push(BundleHistory {
            key: key.into(),
            old: Some(json!(old)),
            new: Some(json!(new)),
            changed_at: time::OffsetDateTime::now_utc(),
            changed_by: "klant".into(),
        });
    }
    (s, id, bundle)
}

#[test]
fn conflicts_write_nothing_until_a_side_is_chosen() {
    let (mut s, id, bundle) = diverged();
    let answers = s.answers(id).unwrap();
    let history = s.history(id, None).unwrap();
    let out = s
        .merge_bundle(id, &bundle, &Resolution::default(), "admin")
        .unwrap();
    assert_eq!(
        out,
        MergeOutcome::Unresolved(vec![Conflict {
            key: "company.kvk".into(),
            base: Some(json!("12345678")),
            ours: Some(json!("87654321")),
            theirs: Some(json!("11111111")),
        }])
    );
    assert_eq!(s.answers(id).unwrap(), answers);
    assert_eq!(s.history(id, None).unwrap(), history);
    assert_eq!(s.preview_merge(id, &bundle).unwrap().conflicts.len(), 1);

    let per_key = Resolution {
        all: None,
        keys: BTreeMap::from([("company.kvk".to_string(), Side::Theirs)]),
    };
    let out = s.merge_bundle(id, &bundle, &per_key, "admin").unwrap();
    assert!(matches!(out, MergeOutcome::Merged { ref resolved, .. } if resolved.len() == 1));
    let a = s.answers(id).unwrap();
    assert_eq!(a["company.kvk"], json!("11111111"));
    assert_eq!(a["company.name"], json!("A B.V."), "changed there only");
    assert_eq!(
        a["company.postcode"],
        json!("1234 AB"),
        "later work here kept"
    );
    assert_eq!(a["company.city"], json!("Utrecht"));
    // The value we gave up is in the history.
    let kvk = s.history(id, Some("company.kvk")).unwrap();
    assert_eq!(kvk.last().unwrap().old, Some(json!("87654321")));
}

#[test]
fn ours_for_all_keeps_every_conflicting_value_and_a_re_import_is_quiet() {
    let (mut s, id, bundle) = diverged();
    let ours = Resolution {
        all: Some(Side::Ours),
        keys: BTreeMap::new(),
    };
    s.merge_bundle(id, &bundle, &ours, "admin").unwrap();
    let a = s.answers(id).unwrap();
    assert_eq!(a["company.kvk"], json!("87654321"));
    assert_eq!(a["company.name"], json!("A B.V."));
    // The same bundle again: nothing changed on their side since; no conflict, no change.
    let history = s.history(id, None).unwrap().len();
    let again = s.preview_merge(id, &bundle).unwrap();
    assert!(again.taken.is_empty(), "{again:?}");
    let out = s
        .merge_bundle(id, &bundle, &Resolution::default(), "admin")
        .unwrap();
    assert!(matches!(out, MergeOutcome::Merged { .. }), "{out:?}");
    assert_eq!(s.history(id, None).unwrap().len(), history);
}

#[test]
fn numbers_compare_by_value() {
    assert!(same_value(Some(&json!(544)), Some(&json!(544.0))));
    assert!(same_value(Some(&json!([1, "a"])), Some(&json!([1.0, "a"]))));
    assert!(!same_value(Some(&json!(544)), Some(&json!(544.5))));
    assert!(!same_value(Some(&json!("544")), Some(&json!(544))));
    assert!(!same_value(None, Some(&json!(null))));
    assert!(same_value(None, None));
}
