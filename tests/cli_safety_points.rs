//! Issue 14's points through the real binary: restore until purge, export of a deleted
//! intake, purge telling when the data is still on disk, probe import all-or-nothing,
//! a machine with many adapters, `form check` of an endless file, dates and VAT ids.

mod common;

use common::Env;
use serde_json::json;

#[test]
fn a_deleted_intake_comes_back_with_restore_until_it_is_purged() {
    let env = Env::new();
    let id = env.new_intake("Bakkerij Jansen");
    env.ok(&["set", &id, "company.kvk=12345678"]);
    env.ok(&["delete", &id, "--yes"]);
    assert_eq!(env.intake_count(), 0);

    // Export works, as `show` says, writes the file, and leaves the intake deleted.
    let out = env.path("deleted.json");
    env.ok(&["export", &id, "--out", out.to_str().unwrap()]);
    assert!(std::fs::metadata(&out).unwrap().len() > 0);
    let shown = env.show(&id);
    assert!(shown["deleted_at"].is_string());
    assert_eq!(shown["status"], json!("draft"));

    env.ok(&["restore", &id]);
    assert_eq!(env.intake_count(), 1);
    assert_eq!(env.answers(&id)["company.kvk"], json!("12345678"));
    assert!(
        env.fails(&["restore", &id, "--lang", "en"])
            .contains("is not deleted")
    );
    assert!(
        env.fails(&["restore", "99", "--lang", "en"])
            .contains("intake 99 not found")
    );

    env.ok(&["delete", &id, "--yes"]);
    env.ok(&["purge", &id, "--yes"]);
    assert!(
        env.fails(&["restore", &id, "--lang", "en"])
            .contains("not found")
    );
}

#[test]
fn purge_says_when_another_reader_keeps_the_data_on_disk() {
    let env = Env::new();
    let id = env.new_intake("Bakkerij Jansen");
    env.ok(&["set", &id, "company.iban=NL91ABNA0417164300"]);
    // Another program holding a read snapshot keeps the WAL from being emptied.
    let reader = common::open_db(&env.db);
    reader.execute_batch("BEGIN").unwrap();
    let n: i64 = reader
        .query_row("SELECT count(*) FROM intakes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
    let out = env.run(&["purge", &id, "--yes", "--lang", "en"]);
    let err = common::stderr(&out);
    assert!(
        !out.status.success(),
        "purge must not report plain success: {err}"
    );
    assert!(
        err.contains("still on disk") && err.contains("intake.db-wal"),
        "{err}"
    );
    reader.execute_batch("COMMIT").unwrap();
    drop(reader);
    assert!(
        env.fails(&["show", &id, "--lang", "en"])
            .contains("not found")
    );
}

fn probe_file(env: &Env, name: &str, adapters: usize) -> std::path::PathBuf {
    let file = env.path(name);
    env.ok(&["probe", "workstation", "--out", file.to_str().unwrap()]);
    let mut p: serde_json::Value = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    p["hostname"] = json!(name);
    let list = p["interfaces"].as_array_mut().unwrap();
    for n in 0..adapters {
        list.push(json!({
            "name": format!("eth{n}"), "addresses": [],
            "mac": format!("aa:bb:cc:dd:{:02x}:{n:02x}", name.len()), "loopback": false
        }));
    }
    std::fs::write(&file, serde_json::to_vec(&p).unwrap()).unwrap();
    file
}

#[test]
fn probe_import_checks_every_file_first_and_takes_machines_with_many_adapters() {
    let env = Env::new();
    let id = env.new_intake("Bakkerij Jansen");
    let a = probe_file(&env, "a", 0);
    let many = probe_file(&env, "many-adapters", 12);
    let broken = env.write("broken.json", "{\"hostname\": ");
    let err = env.fails(&[
        "probe",
        "import",
        &id,
        a.to_str().unwrap(),
        broken.to_str().unwrap(),
    ]);
    assert!(err.contains("broken.json"), "{err}");
    // Probes are read back through the bundle, which lists them all.
    let count = |env: &Env| {
        let out = env.path("check.json");
        env.ok(&["export", &id, "--out", out.to_str().unwrap()]);
        let b: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
        b["probes"].as_array().unwrap().len()
    };
    assert_eq!(count(&env), 0, "nothing saved when one file is bad");
    env.ok(&[
        "probe",
        "import",
        &id,
        a.to_str().unwrap(),
        many.to_str().unwrap(),
    ]);
    assert_eq!(count(&env), 2);
}

#[test]
fn form_check_of_an_endless_file_stops_at_the_limit() {
    let env = Env::new();
    let out = env.run(&["form", "check", "/dev/zero"]);
    assert!(!out.status.success());
    let err = common::stderr(&out);
    assert!(err.contains("byte limit for a form"), "{err}");
}

#[test]
fn dates_outside_1900_2200_and_wrong_vat_check_digits_are_refused() {
    let env = Env::new();
    let id = env.new_intake("Bakkerij Jansen");
    for bad in [
        "planning.go_live=-2026-01-01",
        "planning.go_live=1899-12-31",
        "planning.go_live=2201-01-01",
        "company.vat=NL123456789B01",
    ] {
        env.fails(&["set", &id, bad]);
    }
    assert!(env.answers(&id).get("company.vat").is_none());
    env.ok(&["set", &id, "company.vat=NL123456782B01"]);
    env.ok(&["set", &id, "company.vat=NL123456789B13"]);
    assert_eq!(env.answers(&id)["company.vat"], json!("NL123456789B13"));
}

#[test]
fn new_is_one_transaction_with_its_defaults() {
    let env = Env::new();
    let id = env.new_intake("Bakkerij Jansen");
    let history = env.json(&["history", &id, "--json"]);
    let stamps: std::collections::BTreeSet<_> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["changed_at"].to_string())
        .collect();
    assert!(history.as_array().unwrap().len() >= 3);
    assert_eq!(
        stamps.len(),
        1,
        "all first answers written at once: {history}"
    );
    // A refused customer name leaves no intake behind.
    env.fails(&["new", "--customer", "a\u{1b}b"]);
    assert_eq!(env.intake_count(), 1);
}
