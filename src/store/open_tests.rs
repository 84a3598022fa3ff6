//! Tests of opening files: permissions, pragmas, migrations, refusals, concurrency, erasure.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use rusqlite::Connection;
use serde_json::json;

use super::schema::{APPLICATION_ID, V1};
use super::test_util::new_intake;
use super::*;

fn mode_of(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn file_bytes_with_sidecars(p: &Path) -> Vec<u8> {
    let mut all = std::fs::read(p).unwrap();
    for s in ["-wal", "-journal"] {
        let mut side = p.as_os_str().to_owned();
        side.push(s);
        if let Ok(b) = std::fs::read(PathBuf::from(side)) {
            all.extend(b);
        }
    }
    all
}

#[test]
fn creates_dirs_and_file_owner_only_with_durable_pragmas() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a/b/intake.db");
    let mut s = Store::open(&path).unwrap();
    let id = s.create_intake(&new_intake("A")).unwrap();
    s.save_answer(id, "company.name", json!("A"), "u").unwrap();
    assert_eq!(mode_of(&path), 0o600);
    assert_eq!(mode_of(&dir.path().join("a/b")), 0o700);
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    assert_eq!(mode_of(Path::new(&wal)), 0o600, "WAL inherits the mode");
    let get = |p: &str| -> String {
        s.conn
            .query_row(&format!("PRAGMA {p}"), [], |r| {
                r.get::<_, rusqlite::types::Value>(0)
            })
            .map(|v| format!("{v:?}"))
            .unwrap()
    };
    assert_eq!(get("journal_mode"), "Text(\"wal\")");
    assert_eq!(get("synchronous"), "Integer(2)"); // FULL
    assert_eq!(get("foreign_keys"), "Integer(1)");
    assert_eq!(get("secure_delete"), "Integer(1)");
    assert_eq!(get("busy_timeout"), "Integer(5000)");
    assert_eq!(get("user_version"), format!("Integer({SCHEMA_VERSION})"));
    assert_eq!(get("application_id"), format!("Integer({APPLICATION_ID})"));
    assert_eq!(s.integrity_check().unwrap(), vec!["ok".to_string()]);
}

#[test]
fn existing_wide_file_is_tightened() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("intake.db");
    std::fs::write(&path, b"").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    Store::open(&path).unwrap();
    assert_eq!(mode_of(&path), 0o600);
}

#[test]
fn newer_database_is_refused_and_left_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("intake.db");
    {
        let mut s = Store::open(&path).unwrap();
        let id = s.create_intake(&new_intake("A")).unwrap();
        s.save_answer(id, "company.name", json!("A"), "u").unwrap();
    }
    {
        let c = Connection::open(&path).unwrap();
        c.pragma_update(None, "user_version", SCHEMA_VERSION + 7)
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();
    let e = Store::open(&path).unwrap_err();
    let msg = e.to_string();
    assert!(
        matches!(e, StoreError::TooNew { found, supported, .. } if found == SCHEMA_VERSION + 7 && supported == SCHEMA_VERSION)
    );
    assert!(
        msg.contains(&format!("version {}", SCHEMA_VERSION + 7))
            && msg.contains(&format!("up to {SCHEMA_VERSION}")),
        "{msg}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn other_sqlite_files_and_garbage_are_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let foreign = dir.path().join("other.db");
    Connection::open(&foreign)
        .unwrap()
        .execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    let before = std::fs::read(&foreign).unwrap();
    let e = Store::open(&foreign).unwrap_err();
    assert!(matches!(e, StoreError::NotIntakeDb { .. }), "{e}");
    assert_eq!(std::fs::read(&foreign).unwrap(), before);

    let garbage = dir.path().join("garbage.db");
    std::fs::write(&garbage, vec![0x42u8; 4096]).unwrap();
    let e = Store::open(&garbage).unwrap_err();
    assert!(e.to_string().contains("garbage.db"), "{e}");
    assert_eq!(std::fs::read(&garbage).unwrap(), vec![0x42u8; 4096]);
}

#[test]
fn version_1_database_is_upgraded_with_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("intake.db");
    {
        let c = Connection::open(&path).unwrap();
        c.execute_batch(V1).unwrap();
        c.pragma_update(None, "user_version", 1).unwrap();
        c.execute_batch(
            "INSERT INTO intakes (customer, mode, status, form_id, form_version, created_at, updated_at) \
               VALUES ('Oude Klant', 'online', 'complete', 'standard', 1, '2025-01-02T03:04:05.000000Z', '2025-01-02T03:04:05.000000Z');
             INSERT INTO answers VALUES (1, 'company.name', '\"Oude Klant BV\"', '2025-01-02T03:04:05.000000Z');
             INSERT INTO answer_history (intake_id, key, old_json, new_json, changed_at, changed_by) \
               VALUES (1, 'company.name', NULL, '\"Oude Klant BV\"', '2025-01-02T03:04:05.000000Z', 'piet');
             INSERT INTO probe_results (intake_id, kind, machine_key, payload_json, measured_at, source) \
               VALUES (1, 'lan', 'router', '{\"ms\": 3}', '2025-01-02T03:04:05.000000Z', 'local');",
        )
        .unwrap();
    }
    let mut s = Store::open(&path).unwrap();
    let v: i64 = s
        .conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(v, SCHEMA_VERSION);
    let r = s.intake(1).unwrap();
    assert_eq!(
        (r.customer.as_str(), r.status, r.ui_state.clone()),
        ("Oude Klant", Status::Complete, None)
    );
    assert_eq!(
        s.answers(1).unwrap()["company.name"],
        json!("Oude Klant BV")
    );
    assert_eq!(s.history(1, None).unwrap()[0].changed_by, "piet");
    assert_eq!(s.probes(1).unwrap()[0].payload, json!({"ms": 3}));
    // What v2 added works on the upgraded data.
    s.set_ui_state(1, &json!({"section": "company"})).unwrap();
    s.accept_finding(1, "bw.low", "ok", "u").unwrap();
    assert_eq!(s.accepted_findings(1).unwrap().len(), 1);
    assert_eq!(s.integrity_check().unwrap(), vec!["ok"]);
    let fk: i64 = s
        .conn
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(fk, 0);
}

#[test]
fn two_connections_on_one_file_both_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("intake.db");
    let mut setup = Store::open(&path).unwrap();
    let a = setup.create_intake(&new_intake("A")).unwrap();
    let b = setup.create_intake(&new_intake("B")).unwrap();
    drop(setup);
    let threads: Vec<_> = [a, b]
        .into_iter()
        .map(|id| {
            let path = path.clone();
            std::thread::spawn(move || {
                let mut s = Store::open(&path).unwrap();
                for n in 1..=150 {
                    s.save_answer(id, &format!("locations[{n}].name"), json!(n), "u")
                        .unwrap();
                    let _ = s.list_intakes().unwrap();
                }
            })
        })
        .collect();
    for t in threads {
        t.join().unwrap();
    }
    let s = Store::open(&path).unwrap();
    assert_eq!(s.answers(a).unwrap().len(), 150);
    assert_eq!(s.answers(b).unwrap().len(), 150);
}

#[test]
fn purge_leaves_no_trace_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("intake.db");
    let secret = "Zwaluwstaart Klantnaam";
    let mut s = Store::open(&path).unwrap();
    let keep = s.create_intake(&new_intake("Andere Klant")).unwrap();
    s.save_answer(keep, "company.name", json!("Andere Klant"), "u")
        .unwrap();
    let id = s.create_intake(&new_intake(secret)).unwrap();
    for n in 1..=50 {
        s.save_answer(
            id,
            &format!("users[{n}].name"),
            json!(format!("{secret} {n}")),
            "u",
        )
        .unwrap();
    }
    s.save_answer(id, "company.name", json!(secret), "u")
        .unwrap();
    s.save_answer(id, "company.name", json!(format!("{secret} BV")), "u")
        .unwrap();
    s.add_probe(
        id,
        "workstation",
        secret,
        &json!({"owner": secret}),
        "local",
    )
    .unwrap();
    s.accept_finding(id, "bw.low", secret, "u").unwrap();
    s.record_report(id, &format!("/tmp/{secret}.pdf"), &"0".repeat(64), "nl")
        .unwrap();
    assert!(
        contains(&file_bytes_with_sidecars(&path), secret.as_bytes()),
        "test must see the name before purge"
    );

    let out = s.purge_intake(id).unwrap();
    assert!(out.wal_cleared);
    assert!(!contains(
        &file_bytes_with_sidecars(&path),
        secret.as_bytes()
    ));
    drop(s);
    assert!(!contains(
        &file_bytes_with_sidecars(&path),
        secret.as_bytes()
    ));
    let s = Store::open(&path).unwrap();
    assert_eq!(
        s.answers(keep).unwrap()["company.name"],
        json!("Andere Klant")
    );
}
