//! The store: one SQLite file, the single source of truth for intakes, answers, their history,
//! probe results, reports and accepted findings.
//!
//! The store knows nothing of forms or the UI: answers are typed JSON values under keys such as
//! `company.name` or `locations[2].down_mbps`; the service layer validates values against the
//! form before it calls the store. Every call that writes is one transaction (all or nothing).

mod answers;
pub mod bundle;
mod bundle_io;
pub mod cipher;
mod error;
mod extras;
mod forms;
mod intakes;
mod invitations;
pub mod keys;
mod merge;
pub mod open;
pub mod reason;
pub mod rewrite;
mod schema;
mod settings;
mod types;

#[cfg(test)]
mod cipher_tests;
#[cfg(test)]
mod open_tests;
#[cfg(test)]
mod test_util;

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OptionalExtension};
use time::format_description::BorrowedFormatItem;
use time::format_description::well_known::Rfc3339;
use time::{OffsetDateTime, UtcOffset};

pub use bundle::{Bundle, BundleError};
pub use bundle_io::IMPORT_SOURCE;
pub use cipher::{CipherFormat, DbKey};
pub use error::{Result, StoreError};
pub use extras::{NewProbe, sha256_file};
pub use invitations::{Invitation, InvitationState};
pub use merge::{Conflict, MergeOutcome, MergePlan, Resolution, Side, plan_merge, same_value};
pub use open::{FileState, ReadOnly, inspect};
pub use schema::SCHEMA_VERSION;
pub use types::*;

/// How long a writer waits for another process holding the lock before giving up.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// An open intake database.
pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
    read_only: Option<ReadOnly>,
}

impl std::fmt::Debug for Store {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Store").field("path", &self.path).finish()
    }
}

impl Store {
    /// Opens (creating if needed) a plain database at `path` and upgrades its schema; an
    /// encrypted one needs [`Store::open_with`] and its key.
    ///
    /// A new file is created owner-only (0600) before SQLite touches it, so personal data
    /// is never readable by others, not even for a moment. A database of a newer schema
    /// version, or a file that is not ours, is refused and left untouched.
    pub fn open(path: &Path) -> Result<Store> {
        Store::open_with(path, None)
    }

    /// A private database in memory (tests, dry runs).
    pub fn open_in_memory() -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        open::configure(&conn)?;
        schema::migrate(&mut conn)?;
        Ok(Store {
            conn,
            path: None,
            read_only: None,
        })
    }

    /// The file this store was opened on (`None` in memory).
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// `PRAGMA integrity_check`: `["ok"]` for a healthy file, else SQLite's complaints.
    pub fn integrity_check(&self) -> Result<Vec<String>> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// `dirs::data_dir()/intake/intake.db` (on Linux `$XDG_DATA_HOME/intake/intake.db`, else
/// `~/.local/share/intake/intake.db`); `./intake.db` when no home directory is known.
pub fn default_path() -> PathBuf {
    default_path_in(dirs::data_dir())
}

fn default_path_in(data_dir: Option<PathBuf>) -> PathBuf {
    match data_dir {
        Some(dir) => dir.join("intake").join("intake.db"),
        None => PathBuf::from("intake.db"),
    }
}

/// The OS account's user name for `changed_by`: USER, LOGNAME or USERNAME, else the name
/// of the account the process runs as (services, cron and `sudo -i` shells often have no
/// USER), else "unknown".
pub fn os_user() -> String {
    ["USER", "LOGNAME", "USERNAME"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .map(|s| s.trim().to_string())
        .find(|s| !s.is_empty())
        .or_else(account_name)
        .unwrap_or_else(|| "unknown".to_string())
}

/// The user name of the effective user id, from the password database.
fn account_name() -> Option<String> {
    let mut buf = vec![0 as libc::c_char; 4096];
    // SAFETY: an all-zero passwd is a valid value to be overwritten by getpwuid_r.
    let mut pwd: libc::passwd = unsafe { std::mem::zeroed() };
    let mut result: *mut libc::passwd = std::ptr::null_mut();
    // SAFETY: every pointer refers to live, writable memory of the stated size; the
    // strings getpwuid_r stores in `pwd` point into `buf`, which outlives their use.
    let rc = unsafe {
        libc::getpwuid_r(
            libc::geteuid(),
            &mut pwd,
            buf.as_mut_ptr(),
            buf.len(),
            &mut result,
        )
    };
    if rc != 0 || result.is_null() || pwd.pw_name.is_null() {
        return None;
    }
    // SAFETY: pw_name is a NUL-terminated string inside `buf`.
    let name = unsafe { std::ffi::CStr::from_ptr(pwd.pw_name) };
    let name = name.to_string_lossy().trim().to_string();
    (!name.is_empty()).then_some(name)
}

/// Fixed-width RFC 3339 in UTC with microseconds, so text order equals time order.
const TS_FORMAT: &[BorrowedFormatItem<'static>] = time::macros::format_description!(
    "[year]-[month]-[day]T[hour]:[minute]:[second].[subsecond digits:6]Z"
);

pub(crate) fn now_ts() -> String {
    // The current time is always within the format's range.
    fmt_ts(OffsetDateTime::now_utc()).unwrap_or_else(|_| "1970-01-01T00:00:00.000000Z".into())
}

pub(crate) fn fmt_ts(t: OffsetDateTime) -> Result<String> {
    let utc = t
        .checked_to_offset(UtcOffset::UTC)
        .filter(|u| (1..=9999).contains(&u.year()))
        .ok_or_else(|| StoreError::invalid("timestamp", reason::Reason::TimeOutOfRange))?;
    utc.format(TS_FORMAT)
        .map_err(|_| StoreError::invalid("timestamp", reason::Reason::TimeOutOfRange))
}

pub(crate) fn parse_ts(id: i64, what: &str, s: &str) -> Result<OffsetDateTime> {
    OffsetDateTime::parse(s, &Rfc3339).map_err(|e| StoreError::Corrupt {
        id,
        what: what.to_string(),
        reason: format!("{s:?} is not an RFC 3339 time: {e}"),
    })
}

pub(crate) fn parse_json(id: i64, what: &str, s: &str) -> Result<serde_json::Value> {
    serde_json::from_str(s).map_err(|e| StoreError::Corrupt {
        id,
        what: what.to_string(),
        reason: e.to_string(),
    })
}

/// Fails unless intake `id` exists and is not soft-deleted: changes go to live intakes only.
pub(crate) fn ensure_live(conn: &Connection, id: i64) -> Result<()> {
    let deleted: Option<Option<String>> = conn
        .prepare_cached("SELECT deleted_at FROM intakes WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    match deleted {
        None => Err(StoreError::NotFound(id)),
        Some(Some(_)) => Err(StoreError::Deleted(id)),
        Some(None) => Ok(()),
    }
}

pub(crate) fn touch(conn: &Connection, id: i64, now: &str) -> Result<()> {
    conn.prepare_cached("UPDATE intakes SET updated_at = ?2 WHERE id = ?1")?
        .execute(rusqlite::params![id, now])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_path_layout() {
        assert_eq!(
            default_path_in(Some(PathBuf::from("/x/share"))),
            PathBuf::from("/x/share/intake/intake.db")
        );
        assert_eq!(default_path_in(None), PathBuf::from("intake.db"));
        assert!(default_path().ends_with("intake/intake.db"));
    }

    #[test]
    fn timestamps_are_fixed_width_and_round_trip() {
        let t = time::macros::datetime!(2026-03-04 05:06:07.000008 +02:00);
        let s = fmt_ts(t).unwrap();
        assert_eq!(s, "2026-03-04T03:06:07.000008Z");
        assert_eq!(parse_ts(1, "t", &s).unwrap(), t);
        assert_eq!(now_ts().len(), s.len());
        assert!(
            parse_ts(7, "created_at", "yesterday")
                .unwrap_err()
                .to_string()
                .contains("intake 7")
        );
    }

    #[test]
    fn os_user_is_never_empty() {
        assert!(!os_user().is_empty());
    }

    #[test]
    fn account_name_matches_the_password_database() {
        // The test runs as some account that has a name (root in CI containers).
        let name = account_name().expect("the effective user has an account name");
        let out = std::process::Command::new("id")
            .arg("-un")
            .output()
            .unwrap();
        assert_eq!(name, String::from_utf8_lossy(&out.stdout).trim());
    }
}
