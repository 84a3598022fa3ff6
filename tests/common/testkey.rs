//! The database key of the tests: a key file beside the test's database, as
//! `INTAKE_KEY_FILE` names it for the binary, and a connection that opens with it.
#![allow(dead_code)]

use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};

/// A fixed raw key (64 hex digits): the tests' databases are throwaway.
pub const TEST_KEY_HEX: &str = "3f6c1d2e9a8b7c6d5e4f30211203f4e5d6c7b8a99a8b7c6d5e4f3021120f0e1d";

/// `test.key` (0600) in the folder of `db`, created on first use.
pub fn key_file(db: &Path) -> PathBuf {
    let dir = db
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let path = dir.join("test.key");
    if !path.exists() {
        // Owner-only, as the program itself makes a data folder (a test checks that mode).
        let _ = std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir);
        if let Ok(mut f) = std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&path)
        {
            f.write_all(format!("{TEST_KEY_HEX}\n").as_bytes())
                .expect("write the test key file");
        }
    }
    path
}

/// A connection to the test database, keyed unless the file is plain SQLite.
pub fn open_db(db: &Path) -> rusqlite::Connection {
    let plain = std::fs::read(db)
        .map(|b| b.starts_with(b"SQLite format 3\0"))
        .unwrap_or(false);
    let conn = rusqlite::Connection::open(db).expect("open the test database");
    if !plain {
        intake::store::DbKey::from_secret(TEST_KEY_HEX)
            .expect("the test key")
            .apply(&conn)
            .expect("key the test database");
    }
    conn
}

/// The library's store on the test database, opened with the tests' key.
pub fn open_store(db: &Path) -> intake::store::Store {
    let key = intake::store::DbKey::from_secret(TEST_KEY_HEX).expect("the test key");
    intake::store::Store::open_with(db, Some(&key)).expect("open the test store")
}
