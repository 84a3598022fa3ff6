//! Errors of the store. Every message names the file, intake, key or field concerned.

use std::path::PathBuf;

use super::bundle::BundleError;
use super::reason::{KeyProblem, Reason};

/// Result alias of the store.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("cannot prepare database file {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("cannot open database {path}: {source}")]
    Open {
        path: PathBuf,
        source: rusqlite::Error,
    },
    #[error(
        "database {path} has schema version {found}, but this program only knows schema versions up to {supported}; \
         use a newer version of intake (the file was left untouched)"
    )]
    TooNew {
        path: PathBuf,
        found: i64,
        supported: i64,
    },
    #[error("{path} is not an intake database ({reason}); the file was left untouched")]
    NotIntakeDb { path: PathBuf, reason: String },
    #[error("{path} is a {what}, not a database file; it was left untouched")]
    NotRegular { path: PathBuf, what: &'static str },
    #[error(
        "{path} is encrypted (or is not a database at all) and no key was given; the file was left untouched"
    )]
    NeedsKey { path: PathBuf },
    #[error(
        "cannot open {path}: the key does not fit (a wrong key or passphrase, or a file that is not an intake database); the file was left untouched"
    )]
    WrongKey { path: PathBuf },
    #[error(
        "{path} can only be read (read-only), but it has schema version {found} and needs an upgrade; \
         open it once where it can be written"
    )]
    ReadOnlyUpgrade { path: PathBuf, found: i64 },
    #[error("upgrading the database to schema version {version} failed: {source}")]
    Migration {
        version: i64,
        source: rusqlite::Error,
    },
    #[error("intake {0} not found")]
    NotFound(i64),
    #[error("intake {0} is deleted; restore it before changing it")]
    Deleted(i64),
    #[error("invalid answer key {key:?}: {reason}")]
    InvalidKey { key: String, reason: KeyProblem },
    #[error("invalid {field}: {reason}")]
    Invalid { field: String, reason: Reason },
    #[error("intake {id}: stored {what} is damaged: {reason}")]
    Corrupt {
        id: i64,
        what: String,
        reason: String,
    },
    #[error("bundle: {0}")]
    Bundle(#[from] BundleError),
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
}

impl StoreError {
    /// The SQLite error underneath, if any (for plain words on a full disk or read-only file).
    pub fn sqlite(&self) -> Option<&rusqlite::Error> {
        match self {
            StoreError::Open { source, .. }
            | StoreError::Migration { source, .. }
            | StoreError::Sqlite(source) => Some(source),
            _ => None,
        }
    }

    pub(crate) fn invalid(field: impl Into<String>, reason: impl Into<Reason>) -> Self {
        StoreError::Invalid {
            field: field.into(),
            reason: reason.into(),
        }
    }
}
