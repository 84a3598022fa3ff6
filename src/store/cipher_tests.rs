//! Tests of encrypted files, the look-before-touch open and the rewrite under a new key.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use rusqlite::Connection;
use serde_json::json;

use super::test_util::new_intake;
use super::*;

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

fn keyed_with_answer(path: &Path, key: &DbKey) -> i64 {
    let mut s = Store::open_with(path, Some(key)).unwrap();
    let id = s.create_intake(&new_intake("Geheime Klant")).unwrap();
    s.save_answer(id, "company.name", json!("Geheime Klant BV"), "u")
        .unwrap();
    id
}

#[test]
fn a_keyed_store_writes_no_plain_bytes_and_reopens_with_its_key_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("intake.db");
    let key = DbKey::generate().unwrap();
    let id = keyed_with_answer(&path, &key);
    let bytes = std::fs::read(&path).unwrap();
    assert!(!bytes.starts_with(b"SQLite format 3\0"));
    assert!(!contains(&bytes, b"Geheime"));
    assert_eq!(inspect(&path).unwrap(), FileState::Opaque);

    let s = Store::open_with(&path, Some(&key)).unwrap();
    assert_eq!(
        s.answers(id).unwrap()["company.name"],
        json!("Geheime Klant BV")
    );
    drop(s);

    let before = std::fs::read(&path).unwrap();
    let other = DbKey::generate().unwrap();
    let e = Store::open_with(&path, Some(&other)).unwrap_err();
    assert!(matches!(e, StoreError::WrongKey { .. }), "{e}");
    let e = Store::open(&path).unwrap_err();
    assert!(matches!(e, StoreError::NeedsKey { .. }), "{e}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_passphrase_key_works_like_a_raw_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("intake.db");
    let key = DbKey::passphrase("de bakker bakt brood").unwrap();
    let id = keyed_with_answer(&path, &key);
    let again = DbKey::from_secret("de bakker bakt brood\n").unwrap();
    let s = Store::open_with(&path, Some(&again)).unwrap();
    assert_eq!(s.answers(id).unwrap().len(), 1);
}

#[test]
fn opening_a_current_file_waits_for_no_writer() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("intake.db");
    let mut s = Store::open(&path).unwrap();
    let id = s.create_intake(&new_intake("A")).unwrap();
    let tx = s
        .conn
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .unwrap();
    tx.execute("UPDATE intakes SET customer = 'B' WHERE id = ?1", [id])
        .unwrap();
    // With the write lock held elsewhere, an open that wanted it would fail with
    // "database is locked" after the busy timeout.
    let other = Store::open(&path).unwrap();
    assert_eq!(other.intake(id).unwrap().customer, "A");
    tx.commit().unwrap();
}

#[test]
fn a_plain_file_of_another_program_is_refused_from_its_header_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.sqlite");
    Connection::open(&path)
        .unwrap()
        .execute_batch("PRAGMA journal_mode=WAL; CREATE TABLE t (x); INSERT INTO t VALUES (1);")
        .unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
    let before = std::fs::read(&path).unwrap();
    let e = Store::open(&path).unwrap_err();
    assert!(matches!(e, StoreError::NotIntakeDb { .. }), "{e}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o644);
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    assert!(!Path::new(&wal).exists());
}

#[test]
fn rewrite_encrypts_a_plain_file_keeping_every_row() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("intake.db");
    let mut s = Store::open(&path).unwrap();
    let id = s.create_intake(&new_intake("Oude Klant")).unwrap();
    for n in 0..30 {
        s.save_answer(id, "company.kvk", json!(format!("{n:08}")), "u")
            .unwrap();
    }
    let history = s.history(id, None).unwrap().len();
    drop(s);
    let key = DbKey::generate().unwrap();
    let done = rewrite::rewrite(&path, None, &key).unwrap();
    assert!(
        done.tables
            .iter()
            .any(|(t, n)| t == "answer_history" && *n == history as i64)
    );
    assert!(!contains(&std::fs::read(&path).unwrap(), b"Oude Klant"));
    let s = Store::open_with(&path, Some(&key)).unwrap();
    assert_eq!(s.history(id, None).unwrap().len(), history);
    assert_eq!(s.integrity_check().unwrap(), vec!["ok"]);
    drop(s);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains("rewrite"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");

    // And again under another key: the first no longer fits.
    let next = DbKey::generate().unwrap();
    rewrite::rewrite(&path, Some(&key), &next).unwrap();
    assert!(matches!(
        Store::open_with(&path, Some(&key)).unwrap_err(),
        StoreError::WrongKey { .. }
    ));
    assert_eq!(
        Store::open_with(&path, Some(&next))
            .unwrap()
            .history(id, None)
            .unwrap()
            .len(),
        history
    );
}

/// A copy of the plain store at `plain` as the first encrypted versions wrote it: SQLCipher
/// 4's default format.
fn sqlcipher4_copy(plain: &Path, to: &Path, key: &DbKey) {
    let conn = Connection::open(plain).unwrap();
    conn.execute(
        &format!("ATTACH DATABASE ?1 AS old KEY {}", *key.sql_literal()),
        [to.to_str().unwrap()],
    )
    .unwrap();
    conn.query_row("SELECT sqlcipher_export('old')", [], |_| Ok(()))
        .unwrap();
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    conn.pragma_update(Some("old"), "user_version", version)
        .unwrap();
    conn.pragma_update(Some("old"), "application_id", schema::APPLICATION_ID)
        .unwrap();
    conn.execute("DETACH DATABASE old", []).unwrap();
}

fn page_size_with(path: &Path, key: &DbKey, format: CipherFormat) -> rusqlite::Result<i64> {
    let conn = Connection::open(path)?;
    key.apply_as(&conn, format)?;
    // Reading decrypts and checks pages: an error when the format does not match.
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |_| Ok(()))?;
    let size: String = conn.pragma_query_value(None, "cipher_page_size", |r| r.get(0))?;
    Ok(size.parse().unwrap())
}

#[test]
fn new_files_use_the_faster_format_and_older_ones_still_open_and_convert_on_rekey() {
    let dir = tempfile::tempdir().unwrap();
    let key = DbKey::generate().unwrap();
    let current = dir.path().join("current.db");
    keyed_with_answer(&current, &key);
    assert_eq!(
        page_size_with(&current, &key, CipherFormat::Current).unwrap(),
        2048
    );
    assert!(page_size_with(&current, &key, CipherFormat::Sqlcipher4).is_err());

    let plain = dir.path().join("plain.db");
    let mut s = Store::open(&plain).unwrap();
    let id = s.create_intake(&new_intake("Oude Klant")).unwrap();
    s.save_answer(id, "company.name", json!("Oude Klant BV"), "u")
        .unwrap();
    drop(s);
    let old = dir.path().join("old.db");
    sqlcipher4_copy(&plain, &old, &key);
    assert_eq!(
        page_size_with(&old, &key, CipherFormat::Sqlcipher4).unwrap(),
        4096
    );

    // Opened, read and written in its own format.
    let mut s = Store::open_with(&old, Some(&key)).unwrap();
    assert_eq!(
        s.answers(id).unwrap()["company.name"],
        json!("Oude Klant BV")
    );
    s.save_answer(id, "company.kvk", json!("12345678"), "u")
        .unwrap();
    drop(s);
    assert_eq!(
        page_size_with(&old, &key, CipherFormat::Sqlcipher4).unwrap(),
        4096
    );

    // A wrong key is still one clear refusal, and the file stays as it was.
    let before = std::fs::read(&old).unwrap();
    let e = Store::open_with(&old, Some(&DbKey::generate().unwrap())).unwrap_err();
    assert!(matches!(e, StoreError::WrongKey { .. }), "{e}");
    assert_eq!(std::fs::read(&old).unwrap(), before);

    // Rekeying writes the current format, keeping every answer.
    let new_key = DbKey::generate().unwrap();
    rewrite::rewrite(&old, Some(&key), &new_key).unwrap();
    assert_eq!(
        page_size_with(&old, &new_key, CipherFormat::Current).unwrap(),
        2048
    );
    let s = Store::open_with(&old, Some(&new_key)).unwrap();
    assert_eq!(s.answers(id).unwrap().len(), 2);
}
