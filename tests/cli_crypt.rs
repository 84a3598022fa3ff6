//! Encryption at rest through the real binary (issue 18): a fresh database is encrypted
//! (main file and WAL), a wrong key is refused with the file unchanged, `db encrypt` keeps
//! every answer and history row and overwrites the plain pages, `db rekey`, encrypted
//! bundles round-trip and refuse a wrong passphrase, and key files others can read are
//! refused.

mod common;

use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use common::{Env, stderr, stdout};
use serde_json::json;

const CUSTOMER: &str = "Bakkerij Zonnebloem Vertrouwelijk";

/// Runs the binary on `db` with `INTAKE_KEY_FILE=key` (no keyring can be reached).
fn run_keyed(db: &Path, key: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_intake"))
        .arg("--db")
        .arg(db)
        .args(["--lang", "en"])
        .args(args)
        .env_remove("INTAKE_DB")
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .env("INTAKE_KEY_FILE", key)
        .env("USER", common::USER)
        .stdin(Stdio::null())
        .output()
        .expect("run intake")
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn sidecar(db: &Path, suffix: &str) -> PathBuf {
    let mut s = db.as_os_str().to_owned();
    s.push(suffix);
    s.into()
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().permissions().mode() & 0o777
}

fn write_secret(p: &Path, text: &str) {
    std::fs::write(p, text).unwrap();
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(0o600)).unwrap();
}

/// A plain (unencrypted) database as an older intake left it, made with the library.
fn plain_database(db: &Path) -> i64 {
    let mut ws = intake::workspace::Workspace::open(db).unwrap();
    let id = ws
        .new_intake(CUSTOMER, intake::workspace::Mode::OnSite, None)
        .unwrap();
    for (k, v) in [
        ("company.kvk", "12345678"),
        ("company.iban", "NL91ABNA0417164300"),
        ("locations[1].name", "Hoofdkantoor"),
        ("company.kvk", "87654321"),
    ] {
        ws.set_answers(id, &[(k.to_string(), v.to_string())])
            .unwrap();
    }
    id
}

#[test]
fn a_fresh_database_is_encrypted_in_its_file_and_its_wal() {
    let env = Env::new();
    let id = env.new_intake(CUSTOMER);
    // A reader that stays open keeps the WAL from being checkpointed away on exit.
    let reader = common::open_db(&env.db);
    let n: i64 = reader
        .query_row("SELECT count(*) FROM intakes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
    env.ok(&["set", &id, "company.iban=NL91ABNA0417164300"]);
    let main = std::fs::read(&env.db).unwrap();
    let wal = std::fs::read(sidecar(&env.db, "-wal")).unwrap();
    assert!(!wal.is_empty(), "the WAL holds the last change");
    for (what, bytes) in [("database", &main), ("WAL", &wal)] {
        assert!(
            !contains(bytes, b"SQLite format 3"),
            "{what} has a plain header"
        );
        assert!(!contains(bytes, b"Zonnebloem"), "{what} shows the customer");
        assert!(!contains(bytes, b"NL91ABNA"), "{what} shows the IBAN");
    }
    drop(reader);
    assert_eq!(
        env.answers(&id)["company.iban"],
        json!("NL91ABNA0417164300")
    );
}

#[test]
fn a_wrong_key_is_refused_and_the_file_stays_as_it_was() {
    let env = Env::new();
    env.new_intake(CUSTOMER);
    let wrong = env.path("wrong.key");
    write_secret(&wrong, &format!("{}\n", "ab".repeat(32)));
    let before = std::fs::read(&env.db).unwrap();
    let out = run_keyed(&env.db, &wrong, &["list"]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert_eq!(err.lines().count(), 1, "one message: {err}");
    assert!(
        err.contains("does not fit") && err.contains("left untouched"),
        "{err}"
    );
    assert_eq!(std::fs::read(&env.db).unwrap(), before);
    assert!(!sidecar(&env.db, "-wal").exists());
    assert_eq!(mode(&env.db), 0o600);
}

#[test]
fn a_key_file_others_can_read_is_refused_and_nothing_is_created() {
    let env = Env::new();
    let key = env.path("open.key");
    std::fs::write(&key, "ab".repeat(32)).unwrap();
    std::fs::set_permissions(&key, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = run_keyed(&env.db, &key, &["new", "--customer", CUSTOMER]);
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("0644") && err.contains("chmod 600"), "{err}");
    assert!(!env.db.exists(), "no database without a usable key");
}

#[test]
fn without_any_key_a_script_gets_a_clear_message() {
    let env = Env::new();
    let out = Command::new(env!("CARGO_BIN_EXE_intake"))
        .args(["--db", env.db.to_str().unwrap(), "--lang", "en", "list"])
        .env_remove("INTAKE_KEY_FILE")
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(
        err.contains("INTAKE_KEY_FILE") && err.contains("terminal"),
        "{err}"
    );
    assert!(!env.db.exists());
}

#[test]
fn a_new_key_file_is_made_0600_and_the_first_run_says_where_it_lives() {
    let env = Env::new();
    let key = env.path("fresh.key");
    let out = run_keyed(&env.db, &key, &["new", "--customer", CUSTOMER]);
    assert!(out.status.success(), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains(&key.display().to_string()), "{err}");
    assert!(err.contains("no way back"), "{err}");
    assert_eq!(mode(&key), 0o600);
    assert_eq!(std::fs::read_to_string(&key).unwrap().trim().len(), 64);
}

#[test]
fn encrypt_keeps_every_answer_and_history_row_and_overwrites_the_plain_pages() {
    let env = Env::new();
    let id = plain_database(&env.db).to_string();
    let key = env.path("new.key");
    let show = |args: &[&str]| -> serde_json::Value {
        let out = run_keyed(&env.db, &key, args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        serde_json::from_str(&stdout(&out)).unwrap()
    };
    let status = stdout(&run_keyed(&env.db, &key, &["db", "status"]));
    assert!(status.contains("NOT encrypted"), "{status}");
    let answers = show(&["show", &id, "--json"])["answers"].clone();
    let history = show(&["history", &id, "--json"]);
    assert!(history.as_array().unwrap().len() >= 5);
    // A second name for the old file keeps its bytes reachable: they must be zeros after.
    let old_name = env.path("old-link.db");
    std::fs::hard_link(&env.db, &old_name).unwrap();
    assert!(contains(&std::fs::read(&old_name).unwrap(), b"Zonnebloem"));

    let out = run_keyed(&env.db, &key, &["db", "encrypt"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("verified"), "{}", stdout(&out));
    assert_eq!(mode(&key), 0o600);
    let bytes = std::fs::read(&env.db).unwrap();
    assert!(!contains(&bytes, b"SQLite format 3") && !contains(&bytes, b"Zonnebloem"));
    let old = std::fs::read(&old_name).unwrap();
    assert!(
        !old.is_empty() && old.iter().all(|&b| b == 0),
        "plain pages overwritten"
    );
    assert_eq!(show(&["show", &id, "--json"])["answers"], answers);
    assert_eq!(show(&["history", &id, "--json"]), history);
    let status = stdout(&run_keyed(&env.db, &key, &["db", "status"]));
    assert!(status.contains("encrypted (SQLCipher)"), "{status}");
    // Encrypting twice is refused, the file unchanged.
    let out = run_keyed(&env.db, &key, &["db", "encrypt"]);
    assert!(!out.status.success() && stderr(&out).contains("already encrypted"));
    assert_eq!(std::fs::read(&env.db).unwrap(), bytes);
}

#[test]
fn rekey_replaces_the_key_and_the_old_one_no_longer_fits() {
    let env = Env::new();
    let id = env.new_intake(CUSTOMER);
    env.ok(&["set", &id, "company.kvk=12345678"]);
    let key = common::testkey::key_file(&env.db);
    let old_copy = env.path("old.key");
    write_secret(&old_copy, &std::fs::read_to_string(&key).unwrap());
    let answers = env.answers(&id);

    let out = run_keyed(&env.db, &key, &["db", "rekey"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_ne!(
        std::fs::read_to_string(&key).unwrap(),
        std::fs::read_to_string(&old_copy).unwrap()
    );
    assert_eq!(mode(&key), 0o600);
    assert_eq!(env.answers(&id), answers);
    let before = std::fs::read(&env.db).unwrap();
    let out = run_keyed(&env.db, &old_copy, &["list"]);
    assert!(!out.status.success() && stderr(&out).contains("does not fit"));
    assert_eq!(std::fs::read(&env.db).unwrap(), before);
}

#[test]
fn an_encrypted_bundle_round_trips_and_a_wrong_passphrase_is_refused() {
    let env = Env::new();
    let id = env.new_intake(CUSTOMER);
    env.ok(&[
        "set",
        &id,
        "company.iban=NL91ABNA0417164300",
        "company.kvk=12345678",
    ]);
    let pass = env.path("pass");
    write_secret(&pass, "de bakker bakt brood\n");
    let bundle = env.path("zonnebloem.age");
    let b = bundle.to_str().unwrap();
    let out = env.run(&[
        "--lang",
        "en",
        "export",
        &id,
        "--out",
        b,
        "--encrypt",
        "--passphrase-file",
        pass.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stderr(&out).contains("NOT encrypted"));
    let bytes = std::fs::read(&bundle).unwrap();
    assert!(bytes.starts_with(b"age-encryption.org/v1\n"));
    assert!(!contains(&bytes, b"Zonnebloem") && !contains(&bytes, b"NL91ABNA"));

    let other = Env::new();
    let wrong = other.path("wrong");
    write_secret(&wrong, "niet de goede zin\n");
    let err = other.fails(&[
        "--lang",
        "en",
        "import",
        b,
        "--passphrase-file",
        wrong.to_str().unwrap(),
    ]);
    assert!(err.contains("wrong passphrase"), "{err}");
    assert_eq!(other.intake_count(), 0, "nothing imported");
    let err = other.fails(&["--lang", "en", "import", b]);
    assert!(
        err.contains("--passphrase-file"),
        "no terminal to ask on: {err}"
    );

    let new_id = other
        .ok(&["import", b, "--passphrase-file", pass.to_str().unwrap()])
        .trim()
        .to_string();
    assert_eq!(other.answers(&new_id), env.answers(&id));
}

#[test]
fn a_plain_bundle_is_still_possible_and_says_so() {
    let env = Env::new();
    let id = env.new_intake(CUSTOMER);
    let out_path = env.path("plain.json");
    let out = env.run(&[
        "--lang",
        "en",
        "export",
        &id,
        "--out",
        out_path.to_str().unwrap(),
    ]);
    assert!(out.status.success());
    assert!(stderr(&out).contains("NOT encrypted"), "{}", stderr(&out));
    assert!(contains(&std::fs::read(&out_path).unwrap(), b"Zonnebloem"));
}
