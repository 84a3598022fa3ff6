//! Rewriting a database file under a new key (`intake db encrypt`, `intake db rekey`).
//!
//! The old file is never changed until a complete, verified copy exists: SQLCipher's
//! `sqlcipher_export` writes every table into a new file next to it (created exclusively,
//! 0600), which is checked (integrity, schema version, every table's rows) before it is
//! renamed over the old name in one step. Only then are the old file's pages (and its
//! WAL's) overwritten with zeros, so no plain copy of the data stays on the disk where a
//! simple file undelete finds it.

use std::fs::{File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use sha2::{Digest, Sha256};

use super::cipher::{CipherFormat, DbKey, set_format};
use super::error::{Result, StoreError};
use super::open::{folder_of, sync_dir, with_suffix};
use super::schema::{APPLICATION_ID, SCHEMA_VERSION};
use super::{BUSY_TIMEOUT, Store};

/// What was copied: every table with its number of rows, all verified in the new file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rewritten {
    pub tables: Vec<(String, i64)>,
}

/// Rewrites the database at `path` (opened with `from`, `None` for a plain file) so that
/// it is encrypted with `to`. On any error the file at `path` still holds all its data.
pub fn rewrite(path: &Path, from: Option<&DbKey>, to: &DbKey) -> Result<Rewritten> {
    let store = Store::open_with(path, from)?;
    if store.read_only().is_some() {
        return Err(StoreError::invalid(
            "database",
            format!("{} is read-only: it cannot be rewritten", path.display()),
        ));
    }
    let conn = store.conn;
    let old_wal = OpenOptions::new()
        .write(true)
        .open(with_suffix(path, "-wal"))
        .ok();
    // Keep every other process out, and leave WAL mode: all data is then in the one file
    // that is copied and, afterwards, overwritten.
    conn.pragma_update(None, "locking_mode", "EXCLUSIVE")?;
    let mode: String = conn
        .pragma_update_and_check(None, "journal_mode", "DELETE", |r| r.get(0))
        .map_err(|e| in_use(path, e))?;
    if !mode.eq_ignore_ascii_case("delete") {
        return Err(in_use(path, rusqlite::Error::InvalidQuery));
    }
    let tmp = temp_name(path)?;
    let result = copy_and_verify(&conn, &tmp, to);
    let tables = match result {
        Ok(t) => t,
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            return Err(e);
        }
    };
    let old = OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(|e| io_err(path, e))?;
    if let Err(e) = std::fs::rename(&tmp, path) {
        let _ = std::fs::remove_file(&tmp);
        return Err(io_err(path, e));
    }
    sync_dir(path);
    drop(conn);
    overwrite(old).map_err(|e| io_err(path, e))?;
    if let Some(wal) = old_wal {
        overwrite(wal).map_err(|e| io_err(&with_suffix(path, "-wal"), e))?;
    }
    // Back to WAL (and the usual checks) for the next user of the file.
    Store::open_with(path, Some(to))?;
    Ok(Rewritten { tables })
}

fn in_use(path: &Path, source: rusqlite::Error) -> StoreError {
    StoreError::invalid(
        "database",
        format!(
            "{} is in use by another program (close every other intake window and command, \
             then try again): {source}",
            path.display()
        ),
    )
}

fn io_err(path: &Path, source: std::io::Error) -> StoreError {
    StoreError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// A new empty 0600 file beside `path` with an unpredictable name, made exclusively.
fn temp_name(path: &Path) -> Result<PathBuf> {
    let dir = folder_of(path);
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("intake.db");
    let mut last = None;
    for _ in 0..8 {
        let mut r = [0u8; 8];
        getrandom::fill(&mut r).map_err(|e| io_err(path, std::io::Error::other(e.to_string())))?;
        let tmp = dir.join(format!(".{name}.{:016x}.rewrite", u64::from_le_bytes(r)));
        match OpenOptions::new()
            .write(true)
            .create_new(true)
            .mode(0o600)
            .open(&tmp)
        {
            Ok(_) => return Ok(tmp),
            Err(e) => last = Some(e),
        }
    }
    Err(io_err(
        path,
        last.unwrap_or_else(|| std::io::Error::other("no free temporary name")),
    ))
}

fn copy_and_verify(conn: &Connection, tmp: &Path, to: &DbKey) -> Result<Vec<(String, i64)>> {
    let tmp_text = tmp
        .to_str()
        .ok_or_else(|| StoreError::invalid("path", format!("{} is not UTF-8", tmp.display())))?;
    conn.execute(
        &format!("ATTACH DATABASE ?1 AS rewritten KEY {}", *to.sql_literal()),
        [tmp_text],
    )?;
    let copied = (|| {
        set_format(conn, Some("rewritten"), CipherFormat::Current)?;
        conn.query_row("SELECT sqlcipher_export('rewritten')", [], |_| Ok(()))?;
        conn.pragma_update(Some("rewritten"), "user_version", SCHEMA_VERSION)?;
        conn.pragma_update(Some("rewritten"), "application_id", APPLICATION_ID)?;
        Ok::<_, rusqlite::Error>(())
    })();
    conn.execute("DETACH DATABASE rewritten", [])?;
    copied?;

    let copy = Connection::open_with_flags(
        tmp,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    to.apply(&copy)?;
    copy.busy_timeout(BUSY_TIMEOUT)?;
    let check: String = copy.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    let version: i64 = copy.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let app_id: i32 = copy.pragma_query_value(None, "application_id", |r| r.get(0))?;
    let before = table_digests(conn)?;
    let after = table_digests(&copy)?;
    drop(copy);
    if check != "ok" || version != SCHEMA_VERSION || app_id != APPLICATION_ID || before != after {
        return Err(StoreError::invalid(
            "copy",
            format!(
                "the rewritten copy did not match the original (integrity {check}, version \
                 {version}); the original was kept as it was"
            ),
        ));
    }
    File::open(tmp)
        .and_then(|f| f.sync_all())
        .map_err(|e| io_err(tmp, e))?;
    Ok(before.into_iter().map(|(t, n, _)| (t, n)).collect())
}

/// Every table of the main database, its row count and a digest of all its rows.
fn table_digests(conn: &Connection) -> Result<Vec<(String, i64, [u8; 32])>> {
    let names: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::with_capacity(names.len());
    for name in names {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{}\"", name.replace('"', "\"\"")))?;
        let cols = stmt.column_count();
        let mut rows = stmt.query([])?;
        let mut hash = Sha256::new();
        let mut count = 0i64;
        while let Some(row) = rows.next()? {
            count += 1;
            for i in 0..cols {
                let v: rusqlite::types::Value = row.get(i)?;
                hash.update(format!("{v:?}\u{1f}").as_bytes());
            }
            hash.update(b"\x1e");
        }
        out.push((name, count, hash.finalize().into()));
    }
    Ok(out)
}

/// Overwrites a file's bytes with zeros and syncs them (the inode is already unlinked or
/// renamed away, so nobody reads it anymore). On SSDs and copy-on-write file systems the
/// old blocks may survive elsewhere: full-disk encryption covers that.
fn overwrite(mut f: File) -> std::io::Result<()> {
    let len = f.metadata()?.len();
    let zeros = vec![0u8; 64 * 1024];
    let mut left = len;
    use std::io::Seek;
    f.seek(std::io::SeekFrom::Start(0))?;
    while left > 0 {
        let n = left.min(zeros.len() as u64) as usize;
        f.write_all(&zeros[..n])?;
        left -= n as u64;
    }
    f.sync_all()
}
