use serde_json::json;

use super::*;
use crate::store::test_util::{mem_store, new_intake};
use crate::store::{Change, MergeOutcome, Resolution, Store, StoreError};

fn filled_store() -> (Store, i64) {
    let mut s = mem_store();
    let id = s.create_intake(&new_intake("Bakkerij Jansen")).unwrap();
    s.apply(
        id,
        &[
            Change::set("company.name", json!("Bakkerij Jansen B.V.")),
            Change::set("locations[1].down_mbps", json!(50.5)),
            Change::set("users[1].options", json!(["visio", "access"])),
        ],
        "piet",
    )
    .unwrap();
    s.save_answer(id, "company.name", json!("Bakkerij Jansen"), "joke")
        .unwrap();
    s.add_probe(
        id,
        "workstation",
        "pc-1",
        &json!({"os": "Windows 10", "ram_gb": 8}),
        "local",
    )
    .unwrap();
    s.accept_finding(id, "bandwidth.low", "upgrade ordered", "piet")
        .unwrap();
    (s, id)
}

fn sample_json() -> serde_json::Value {
    let (s, id) = filled_store();
    serde_json::from_slice(&s.export_bundle(id).unwrap().to_json().unwrap()).unwrap()
}

fn parse_value(v: &serde_json::Value) -> Result<Bundle, BundleError> {
    Bundle::parse(v.to_string().as_bytes())
}

#[test]
fn export_parse_import_round_trip() {
    let (a, id) = filled_store();
    let bytes = a.export_bundle(id).unwrap().to_json().unwrap();
    let bundle = Bundle::parse(&bytes).unwrap();
    assert_eq!(bundle.answers.len(), 3);
    assert_eq!(bundle.history.len(), 4);

    let mut b = mem_store();
    assert_eq!(b.find_duplicate(&bundle).unwrap(), None);
    let new_id = b.import_bundle(&bundle, "admin").unwrap();
    assert_eq!(b.answers(new_id).unwrap(), a.answers(id).unwrap());
    // The sender's history explains every answer: no extra rows.
    assert_eq!(
        b.history(new_id, None).unwrap(),
        a.history(id, None).unwrap()
    );
    let p = b.probes(new_id).unwrap();
    assert_eq!((p.len(), p[0].source.as_str()), (1, "import"));
    assert_eq!(p[0].measured_at, a.probes(id).unwrap()[0].measured_at);
    assert_eq!(
        b.accepted_findings(new_id).unwrap(),
        a.accepted_findings(id).unwrap()
    );
    let (ra, rb) = (a.intake(id).unwrap(), b.intake(new_id).unwrap());
    assert_eq!(
        (ra.customer, ra.created_at, ra.form_version),
        (rb.customer, rb.created_at, rb.form_version)
    );
    assert_eq!(b.find_duplicate(&bundle).unwrap(), Some(new_id));
}

#[test]
fn import_new_without_history_records_the_importer() {
    let mut v = sample_json();
    v["history"] = json!([]);
    let bundle = parse_value(&v).unwrap();
    let mut s = mem_store();
    let id = s.import_bundle(&bundle, "admin").unwrap();
    let h = s.history(id, None).unwrap();
    assert_eq!(h.len(), 3);
    assert!(h.iter().all(|e| e.changed_by == "admin" && e.old.is_none()));
}

#[test]
fn merge_takes_their_changes_with_history_of_each() {
    let (mut s, id) = filled_store();
    let mut bundle = s.export_bundle(id).unwrap();
    bundle
        .answers
        .insert("company.name".into(), json!("Jansen & Zn"));
    bundle.answers.remove("locations[1].down_mbps");
    bundle.probes.clear();
    let before = s.history(id, None).unwrap().len();
    assert_eq!(s.find_duplicate(&bundle).unwrap(), Some(id));
    let out = s
        .merge_bundle(id, &bundle, &Resolution::default(), "admin")
        .unwrap();
    let MergeOutcome::Merged { plan, .. } = out else {
        panic!("{out:?}")
    };
    assert_eq!(plan.taken.len(), 2);
    let a = s.answers(id).unwrap();
    assert_eq!(a.get("company.name"), Some(&json!("Jansen & Zn")));
    assert!(!a.contains_key("locations[1].down_mbps"));
    assert_eq!(
        s.probes(id).unwrap().len(),
        1,
        "a merge never drops our probes"
    );
    let h = s.history(id, None).unwrap();
    // Own history is not duplicated; two changes are added.
    assert_eq!(h.len(), before + 2);
    assert!(h[before..].iter().all(|e| e.changed_by == "admin"));
    assert!(matches!(
        s.merge_bundle(999, &bundle, &Resolution::default(), "admin"),
        Err(StoreError::NotFound(999))
    ));
}

#[test]
fn failed_import_leaves_nothing() {
    let (_, _) = filled_store();
    let mut bundle = parse_value(&sample_json()).unwrap();
    // Passes parse-time checks only if built in code: import validates again.
    bundle.answers.insert("bad key".into(), json!(1));
    let mut s = mem_store();
    assert!(s.import_bundle(&bundle, "admin").is_err());
    assert!(s.list_intakes().unwrap().is_empty());
}

#[test]
fn truncated_bundle() {
    let text = sample_json().to_string();
    let e = Bundle::parse(&text.as_bytes()[..text.len() / 2]).unwrap_err();
    assert!(matches!(e, BundleError::Truncated(_)), "{e}");
    assert!(matches!(
        Bundle::parse(b"").unwrap_err(),
        BundleError::Truncated(_)
    ));
}

#[test]
fn versions() {
    let mut v = sample_json();
    v["format_version"] = json!(2);
    let e = parse_value(&v).unwrap_err();
    assert_eq!(
        e,
        BundleError::TooNew {
            found: 2,
            supported: 1
        }
    );
    assert!(e.to_string().contains("newer"), "{e}");
    // A newer version with fields we do not know is still reported as "newer".
    v["new_thing"] = json!(true);
    assert!(matches!(
        parse_value(&v).unwrap_err(),
        BundleError::TooNew { .. }
    ));
    v["format_version"] = json!(0);
    assert_eq!(parse_value(&v).unwrap_err(), BundleError::Unsupported(0));
    v["format_version"] = json!("1");
    assert!(matches!(
        parse_value(&v).unwrap_err(),
        BundleError::NotABundle(_)
    ));
    let mut w = sample_json();
    w["format"] = json!("something-else");
    assert!(matches!(
        parse_value(&w).unwrap_err(),
        BundleError::NotABundle(_)
    ));
    assert!(matches!(
        Bundle::parse(b"[1,2]").unwrap_err(),
        BundleError::Invalid {
            reason: crate::store::reason::Reason::NotAnObject,
            ..
        }
    ));
    assert_eq!(
        Bundle::parse(b"{}").unwrap_err(),
        BundleError::NotABundle(super::NotABundle::FormatMissing)
    );
}

#[test]
fn huge_is_refused_before_parsing() {
    // Not even JSON: the size check comes first.
    let huge = vec![b'x'; MAX_BUNDLE_BYTES + 1];
    assert_eq!(
        Bundle::parse(&huge).unwrap_err(),
        BundleError::TooLarge {
            size: MAX_BUNDLE_BYTES + 1,
            limit: MAX_BUNDLE_BYTES
        }
    );
}

#[test]
fn wrong_types_name_the_field_path() {
    type Edit = fn(&mut serde_json::Value);
    let cases: [(&str, Edit); 5] = [
        ("intake.form_version", |v| {
            v["intake"]["form_version"] = json!("3")
        }),
        ("intake.mode", |v| v["intake"]["mode"] = json!("by-pigeon")),
        ("probes[0].measured_at", |v| {
            v["probes"][0]["measured_at"] = json!("yesterday")
        }),
        ("history[1].changed_by", |v| {
            v["history"][1]["changed_by"] = json!(7)
        }),
        ("answers", |v| v["answers"] = json!([1, 2])),
    ];
    for (path, edit) in cases {
        let mut v = sample_json();
        edit(&mut v);
        match parse_value(&v).unwrap_err() {
            BundleError::Structure { path: p, msg } => assert_eq!(p, path, "{msg}"),
            other => panic!("{path}: {other}"),
        }
    }
}

#[test]
fn unknown_keys_are_refused() {
    let mut v = sample_json();
    v["extra"] = json!(1);
    let e = parse_value(&v).unwrap_err();
    assert!(e.to_string().contains("unknown field `extra`"), "{e}");
    let mut v = sample_json();
    v["intake"]["password"] = json!("x");
    let e = parse_value(&v).unwrap_err();
    assert!(
        matches!(&e, BundleError::Structure { path, .. } if path == "intake.password"),
        "{e}"
    );
}

#[test]
fn bad_answer_keys_and_values() {
    for key in ["company", "locations[0].name", "a b.c", "x.y[1]"] {
        let mut v = sample_json();
        v["answers"][key] = json!(1);
        let e = parse_value(&v).unwrap_err();
        assert!(
            matches!(&e, BundleError::Invalid { path, .. } if path == &format!("answers.{key}")),
            "{e}"
        );
    }
    let mut v = sample_json();
    v["history"][0]["key"] = json!("nope");
    assert!(
        matches!(parse_value(&v).unwrap_err(), BundleError::Invalid { path, .. } if path == "history[0].key")
    );
    let mut v = sample_json();
    v["answers"]["notes.text"] = json!("x".repeat(MAX_VALUE_JSON));
    assert!(parse_value(&v).unwrap_err().to_string().contains("at most"));
    let mut v = sample_json();
    let mut deep = json!(1);
    for _ in 0..=MAX_VALUE_DEPTH {
        deep = json!([deep]);
    }
    v["answers"]["a.b"] = deep;
    assert!(parse_value(&v).unwrap_err().to_string().contains("nested"));
    let mut v = sample_json();
    v["intake"]["customer"] = json!("x".repeat(MAX_CUSTOMER_LEN + 1));
    assert!(
        matches!(parse_value(&v).unwrap_err(), BundleError::Invalid { path, .. } if path == "intake.customer")
    );
}

#[test]
fn counts_are_capped() {
    let mut v = sample_json();
    let many: serde_json::Map<_, _> = (1..=MAX_ANSWERS + 1)
        .map(|n| (format!("g[{}].q", n % 9999 + 1) + &format!("{n}"), json!(1)))
        .collect();
    v["answers"] = serde_json::Value::Object(many);
    let e = parse_value(&v).unwrap_err();
    assert!(
        matches!(&e, BundleError::Invalid { path, .. } if path == "answers"),
        "{e}"
    );
    let mut v = sample_json();
    let p = v["probes"][0].clone();
    v["probes"] = json!([p.clone(), p]);
    assert!(parse_value(&v).unwrap_err().to_string().contains("twice"));
}

#[test]
fn duplicate_answer_keys_and_trailing_garbage() {
    let text = sample_json().to_string();
    let dup = text.replacen("\"answers\":{", "\"answers\":{\"a.b\":1,\"a.b\":2,", 1);
    assert_ne!(dup, text);
    let e = Bundle::parse(dup.as_bytes()).unwrap_err();
    assert!(e.to_string().contains("duplicate answer key"), "{e}");
    let trailing = format!("{text} {{}}");
    assert!(matches!(
        Bundle::parse(trailing.as_bytes()).unwrap_err(),
        BundleError::Syntax(_)
    ));
}
