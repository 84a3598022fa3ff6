//! `intake import` of a returned bundle through the real binary: merged into the intake it
//! came from, conflicts listed with both values and nothing written until a side is chosen,
//! values normalised as `set` does, and a large bundle imported while others keep listing.

#[path = "common/big_bundle.rs"]
mod big_bundle;
mod common;

use common::Env;
use serde_json::{Value as Json, json};
use std::time::Instant;

fn read_json(p: &std::path::Path) -> Json {
    serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap()
}

/// An intake exported, changed here afterwards, and the customer's copy changed too (with
/// a history row, as their program writes one): returns (env, id, returned bundle path).
fn diverged() -> (Env, String, std::path::PathBuf) {
    let env = Env::new();
    let id = env.new_intake("Bakkerij Jansen");
    env.ok(&["set", &id, "company.kvk=12345678", "company.city=Utrecht"]);
    let out = env.path("sent.json");
    env.ok(&["export", &id, "--out", out.to_str().unwrap()]);
    // Later work here.
    env.ok(&[
        "set",
        &id,
        "company.kvk=87654321",
        "company.postcode=1234 AB",
    ]);
    // The customer's copy: a new name and another KvK number.
    let mut b = read_json(&out);
    for (key, old, new) in [
        ("company.name", "Bakkerij Jansen", "Bakkerij Jansen B.V."),
        ("company.kvk", "12345678", "11111111"),
    ] {
        b["answers"][key] = json!(new);
        b["history"].as_array_mut().unwrap().push(json!({
            "key": key, "old": old, "new": new,
            "changed_at": "2026-11-27T12:00:00Z", "changed_by": "klant",
        }));
    }
    let back = env.path("returned.json");
    std::fs::write(&back, serde_json::to_vec(&b).unwrap()).unwrap();
    (env, id, back)
}

#[test]
fn a_conflict_is_listed_with_both_values_and_nothing_is_written() {
    let (env, id, back) = diverged();
    let file = back.to_str().unwrap();
    let before = env.show(&id);
    let history = env.json(&["history", &id, "--json"]);
    let err = env.fails(&["import", file, "--lang", "en"]);
    assert!(
        err.contains(
            "company.kvk: here \"87654321\", in the bundle \"11111111\" (at export \"12345678\")"
        ),
        "{err}"
    );
    assert!(err.contains("--ours") && err.contains("--theirs"), "{err}");
    assert!(
        !err.contains("company.name"),
        "one-sided changes are no conflict: {err}"
    );
    assert_eq!(env.show(&id)["answers"], before["answers"]);
    assert_eq!(env.json(&["history", &id, "--json"]), history);

    // A key that is no conflict is refused (a typo must not pass), nothing written.
    let err = env.fails(&["import", file, "--theirs=company.kvk,company.city"]);
    assert!(
        err.contains("geen conflict van deze import: company.city"),
        "{err}"
    );
    assert_eq!(env.show(&id)["answers"], before["answers"]);

    // Per key: the bundle's KvK number; the name changed there only; the postcode set
    // here after the export stays.
    assert_eq!(env.ok(&["import", file, "--theirs=company.kvk"]).trim(), id);
    let a = env.answers(&id);
    assert_eq!(a["company.kvk"], json!("11111111"));
    assert_eq!(a["company.name"], json!("Bakkerij Jansen B.V."));
    assert_eq!(a["company.postcode"], json!("1234 AB"));
    assert_eq!(a["company.city"], json!("Utrecht"));
    // The value given up is in the history, not lost.
    let kvk = env.json(&["history", &id, "company.kvk", "--json"]);
    assert_eq!(
        kvk.as_array().unwrap().last().unwrap()["old"],
        json!("87654321")
    );
    assert_eq!(env.intake_count(), 1);
}

#[test]
fn ours_for_all_keeps_this_databases_values() {
    let (env, id, back) = diverged();
    let out = env.run(&["import", back.to_str().unwrap(), "--ours", "--lang", "en"]);
    assert!(out.status.success(), "{}", common::stderr(&out));
    let said = common::stderr(&out);
    assert!(
        said.contains("1 answer taken from the bundle, 1 kept"),
        "{said}"
    );
    assert!(said.contains("1 conflict decided"), "{said}");
    assert!(
        said.contains("company.kvk: \"87654321\" (instead of \"11111111\", kept in the history)"),
        "{said}"
    );
    let a = env.answers(&id);
    assert_eq!(a["company.kvk"], json!("87654321"));
    assert_eq!(a["company.name"], json!("Bakkerij Jansen B.V."));
    assert!(
        env.fails(&[
            "import",
            back.to_str().unwrap(),
            "--ours",
            "--theirs",
            "--lang",
            "en"
        ])
        .contains("cannot both be for all")
    );
}

#[test]
fn imported_values_are_normalised_as_set_does() {
    let env = Env::new();
    let id = env.new_intake("Bakkerij Jansen");
    let out = env.path("b.json");
    env.ok(&["export", &id, "--out", out.to_str().unwrap()]);
    let mut b = read_json(&out);
    b["answers"]["company.iban"] = json!("nl91 abna 0417 1643 00");
    b["answers"]["company.postcode"] = json!("3542ab");
    b["answers"]["users[1].options"] = json!(["visio", "visio", "access"]);
    b["answers"]["users[1].mobile"] = json!("06-1234 5678");
    std::fs::write(&out, serde_json::to_vec(&b).unwrap()).unwrap();
    let other = Env::new();
    let new_id = other
        .ok(&["import", out.to_str().unwrap()])
        .trim()
        .to_string();
    let a = other.answers(&new_id);
    assert_eq!(a["company.iban"], json!("NL91ABNA0417164300"));
    assert_eq!(a["company.postcode"], json!("3542 AB"));
    assert_eq!(a["users[1].options"], json!(["visio", "access"]));
    assert_eq!(a["users[1].mobile"], json!("+31612345678"));
}

#[test]
fn a_large_bundle_is_imported_while_another_process_keeps_listing() {
    let env = Env::new();
    env.new_intake("Al aanwezig");
    let bundle = big_bundle::big_bundle("Groot Bedrijf", 62_000);
    let bytes = serde_json::to_vec(&bundle).unwrap();
    assert!(bytes.len() > 6_000_000, "{} bytes", bytes.len());
    let file = env.path("large.json");
    std::fs::write(&file, &bytes).unwrap();

    let started = Instant::now();
    let mut import = std::process::Command::new(env!("CARGO_BIN_EXE_intake"))
        .args([
            "--db",
            env.db.to_str().unwrap(),
            "import",
            file.to_str().unwrap(),
        ])
        .env("USER", common::USER)
        .env("INTAKE_KEY_FILE", common::testkey::key_file(&env.db))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Listing meanwhile, bounded in count. The import holds its write transaction only for
    // the inserts and an open takes no write lock unless a migration is due, so every list
    // succeeds (WAL lets readers run beside the writer).
    let (mut lists, locked) = (0, 0);
    while import.try_wait().unwrap().is_none() && lists < 10_000 {
        let out = env.run(&["list", "--json"]);
        assert!(
            out.status.success(),
            "list during import: {}",
            common::stderr(&out)
        );
        lists += 1;
    }
    let out = import.wait_with_output().unwrap();
    let took = started.elapsed();
    assert!(out.status.success(), "{}", common::stderr(&out));
    // The figure for the report; speed is measured by `cargo bench --bench import`.
    eprintln!(
        "large bundle: {} bytes, 62000 history rows, imported in {:.2?} (debug build) with {lists} lists meanwhile ({locked} locked out)",
        bytes.len(),
        took
    );
    let id = common::stdout(&out).trim().to_string();
    let history = env.json(&["history", &id, "--json"]);
    assert_eq!(history.as_array().unwrap().len(), 62_000);
    assert_eq!(
        env.answers(&id)["company.kvk"],
        bundle["answers"]["company.kvk"]
    );
    assert_eq!(env.intake_count(), 2);
    // Again into the same intake: all 62,000 rows known, nothing changes.
    assert_eq!(env.ok(&["import", file.to_str().unwrap()]).trim(), id);
    assert_eq!(
        env.json(&["history", &id, "--json"])
            .as_array()
            .unwrap()
            .len(),
        62_000
    );
}
