//! Opening a database file: look before touching, then open as little as needed.
//!
//! Order matters. A path is first inspected without being changed (its type and first
//! 100 bytes); a file that is not ours (random bytes, another program's SQLite, a FIFO,
//! a dangling symlink) is refused with its mode and bytes as they were. Only a file that
//! passed is tightened to 0600 and switched to WAL. A file we cannot write is opened
//! read-only, and so is one on a full disk: reading and exporting still work there.
//! No write lock is taken unless a migration is due, so a long import in one process does
//! not make every other command fail with "database is locked".

use std::fs::{DirBuilder, OpenOptions, Permissions};
use std::io::Read;
use std::os::unix::fs::{DirBuilderExt, FileTypeExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use rusqlite::{Connection, ErrorCode, OpenFlags};

use super::cipher::{CipherFormat, DbKey};
use super::error::{Result, StoreError};
use super::schema::{self, APPLICATION_ID, SCHEMA_VERSION};
use super::{BUSY_TIMEOUT, Store};

/// The first 16 bytes of every plain SQLite 3 file.
const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// What is at a database path, seen without changing anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileState {
    /// Nothing yet: opening creates a new database.
    Missing,
    /// An empty regular file: opening makes it a new database.
    Empty,
    /// A plain (unencrypted) SQLite file.
    Plain,
    /// Bytes that are not plain SQLite: an encrypted database, or something else.
    Opaque,
}

/// Why a store was opened read-only.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadOnly {
    /// The file (or its folder) is not writable for this user, or is on read-only media.
    NoWriteAccess,
    /// The disk holding the file is full; `free` bytes were left.
    DiskFull { dir: PathBuf, free: u64 },
}

/// Looks at `path` without changing it: its type, and whether it is plain SQLite.
pub fn inspect(path: &Path) -> Result<FileState> {
    let io_err = |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            // A symlink that points nowhere: creating the file would create its target.
            return match std::fs::symlink_metadata(path) {
                Ok(_) => Err(StoreError::NotRegular {
                    path: path.to_path_buf(),
                    what: "symbolic link to a file that does not exist",
                }),
                Err(_) => Ok(FileState::Missing),
            };
        }
        Err(e) => return Err(io_err(e)),
    };
    let ft = meta.file_type();
    if !ft.is_file() {
        let what = if ft.is_dir() {
            "folder"
        } else if ft.is_fifo() {
            "named pipe (FIFO)"
        } else if ft.is_socket() {
            "socket"
        } else if ft.is_block_device() || ft.is_char_device() {
            "device"
        } else {
            "special file"
        };
        return Err(StoreError::NotRegular {
            path: path.to_path_buf(),
            what,
        });
    }
    let header = read_header(path).map_err(io_err)?;
    Ok(if header.is_empty() {
        FileState::Empty
    } else if header.starts_with(SQLITE_MAGIC) {
        FileState::Plain
    } else {
        FileState::Opaque
    })
}

/// The first 100 bytes (the SQLite header), read without blocking or following into a
/// terminal.
fn read_header(path: &Path) -> std::io::Result<Vec<u8>> {
    let f = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)?;
    let mut header = Vec::with_capacity(100);
    f.take(100).read_to_end(&mut header)?;
    Ok(header)
}

/// Refuses a plain SQLite file that is not ours, from its header alone (nothing opened).
fn check_plain_header(path: &Path) -> Result<()> {
    let h = read_header(path).map_err(|source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    if h.len() < 100 {
        return Err(StoreError::NotIntakeDb {
            path: path.to_path_buf(),
            reason: "its SQLite header is cut short".into(),
        });
    }
    let be = |at: usize| u32::from_be_bytes([h[at], h[at + 1], h[at + 2], h[at + 3]]);
    let pages = be(28);
    let version = be(60) as i32 as i64;
    let app_id = be(68) as i32;
    if app_id != 0 && app_id != APPLICATION_ID {
        return Err(StoreError::NotIntakeDb {
            path: path.to_path_buf(),
            reason: format!("its application id is {app_id:#x}"),
        });
    }
    // A table needs a page of its own beyond page 1 (the schema).
    if app_id == 0 && pages > 1 {
        return Err(StoreError::NotIntakeDb {
            path: path.to_path_buf(),
            reason: "it holds the tables of another program".into(),
        });
    }
    if version > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found: version,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// Creates the folders (0700) and an empty file (0600) for a new database.
fn create_file(path: &Path) -> Result<()> {
    let io_err = |source| StoreError::Io {
        path: path.to_path_buf(),
        source,
    };
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        // 0700: the folder also holds the WAL and SHM files of the database.
        DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(parent)
            .map_err(io_err)?;
    }
    match OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
    {
        Ok(_) => Ok(()),
        // Another process created it meanwhile: it is checked like any existing file.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        Err(e) => Err(io_err(e)),
    }
}

fn writable(path: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(c) = std::ffi::CString::new(path.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: `c` is a valid NUL-terminated path that lives across the call.
    unsafe { libc::access(c.as_ptr(), libc::W_OK) == 0 }
}

/// `path` with `suffix` added to its file name (`intake.db` → `intake.db-wal`).
pub fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push(suffix);
    s.into()
}

/// Syncs the folder holding `path`, so a rename or a new file in it survives a crash.
/// Best effort: some file systems cannot sync a folder.
pub fn sync_dir(path: &Path) {
    if let Ok(d) = std::fs::File::open(folder_of(path)) {
        let _ = d.sync_all();
    }
}

/// Free bytes for an unprivileged user on the file system holding `dir`.
pub fn free_bytes(dir: &Path) -> Option<u64> {
    use std::os::unix::ffi::OsStrExt;
    let c = std::ffi::CString::new(dir.as_os_str().as_bytes()).ok()?;
    // SAFETY: an all-zero statvfs is a valid value for statvfs to overwrite.
    let mut st: libc::statvfs = unsafe { std::mem::zeroed() };
    // SAFETY: `c` is a valid path and `st` is writable memory of the right type.
    if unsafe { libc::statvfs(c.as_ptr(), &mut st) } != 0 {
        return None;
    }
    Some(st.f_bavail as u64 * st.f_frsize as u64)
}

/// The folder of the database file (where SQLite also writes its WAL).
pub fn folder_of(path: &Path) -> PathBuf {
    match path.parent().filter(|p| !p.as_os_str().is_empty()) {
        Some(p) => p.to_path_buf(),
        None => PathBuf::from("."),
    }
}

/// True when `e` means the disk is full: SQLITE_FULL, or an I/O error (growing the WAL
/// index fails as SQLITE_IOERR_SHMSIZE) while under a megabyte is free.
pub fn is_disk_full(e: &rusqlite::Error, dir: &Path) -> bool {
    match e.sqlite_error() {
        Some(f) if f.code == ErrorCode::DiskFull => true,
        Some(f) if f.code == ErrorCode::SystemIoFailure => {
            free_bytes(dir).is_some_and(|free| free < 1 << 20)
        }
        _ => false,
    }
}

impl Store {
    /// Opens (creating if needed) the database at `path` and upgrades its schema.
    ///
    /// `key` encrypts a new database and opens an encrypted one; a plain database is
    /// opened as it is, whatever the key (`intake db encrypt` converts it). A file that is
    /// not ours, or an encrypted one with a wrong key, is refused and left as it was.
    pub fn open_with(path: &Path, key: Option<&DbKey>) -> Result<Store> {
        let state = inspect(path)?;
        match state {
            FileState::Opaque if key.is_none() => {
                return Err(StoreError::NeedsKey {
                    path: path.to_path_buf(),
                });
            }
            FileState::Plain => check_plain_header(path)?,
            FileState::Missing => create_file(path)?,
            _ => {}
        }
        let key = key.filter(|_| state != FileState::Plain);
        let dir = folder_of(path);
        if !writable(path) {
            return open_read_only(path, key, ReadOnly::NoWriteAccess);
        }
        match open_conn(path, key, None, false) {
            Err(e) if e.sqlite().is_some_and(|s| is_disk_full(s, &dir)) => {
                let free = free_bytes(&dir).unwrap_or(0);
                open_read_only(path, key, ReadOnly::DiskFull { dir, free })
            }
            other => other,
        }
    }

    /// Why this store is read-only, if it is.
    pub fn read_only(&self) -> Option<&ReadOnly> {
        self.read_only.as_ref()
    }
}

/// Opens read-only. SQLite cannot read a WAL-mode file read-only when it may not create
/// the WAL index beside it (read-only folder, full disk); when the WAL holds nothing, the
/// file alone is the whole database and is read as immutable instead.
fn open_read_only(path: &Path, key: Option<&DbKey>, why: ReadOnly) -> Result<Store> {
    match open_conn(path, key, Some(why.clone()), false) {
        Err(e) if e.sqlite().is_some() && wal_is_empty(path) => {
            open_conn(path, key, Some(why), true).map_err(|_| e)
        }
        other => other,
    }
}

fn wal_is_empty(path: &Path) -> bool {
    std::fs::metadata(with_suffix(path, "-wal")).map_or(true, |m| m.len() == 0)
}

/// `file:` URI of `path` with `?immutable=1`, percent-encoding what a URI cannot hold.
fn immutable_uri(path: &Path) -> Option<String> {
    use std::os::unix::ffi::OsStrExt;
    let abs = std::path::absolute(path).ok()?;
    let mut uri = String::from("file:");
    for &b in abs.as_os_str().as_bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            uri.push(b as char);
        } else {
            uri.push_str(&format!("%{b:02X}"));
        }
    }
    uri.push_str("?mode=ro&immutable=1");
    Some(uri)
}

fn open_conn(
    path: &Path,
    key: Option<&DbKey>,
    read_only: Option<ReadOnly>,
    immutable: bool,
) -> Result<Store> {
    let open_err = |source| StoreError::Open {
        path: path.to_path_buf(),
        source,
    };
    // No CREATE flag: the file exists now, and SQLite must not create it with its own mode.
    let access = match read_only {
        Some(_) => OpenFlags::SQLITE_OPEN_READ_ONLY,
        None => OpenFlags::SQLITE_OPEN_READ_WRITE,
    };
    let flags = access | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let connect = |format| {
        let conn = match immutable.then(|| immutable_uri(path)).flatten() {
            Some(uri) => Connection::open_with_flags(uri, flags | OpenFlags::SQLITE_OPEN_URI),
            None => Connection::open_with_flags(path, flags),
        }
        .map_err(open_err)?;
        if let Some(k) = key {
            k.apply_as(&conn, format).map_err(open_err)?;
        }
        conn.busy_timeout(BUSY_TIMEOUT).map_err(open_err)?;
        // Checked before anything that writes (journal_mode rewrites the header).
        precheck(&conn, path, key.is_some())?;
        Ok::<_, StoreError>(conn)
    };
    // A file that does not open in this program's format may be one written in SQLCipher's
    // defaults by an earlier version: tried second, so a wrong key costs one more attempt.
    let mut conn = match connect(CipherFormat::Current) {
        Err(e @ StoreError::WrongKey { .. }) => connect(CipherFormat::Sqlcipher4).map_err(|_| e)?,
        other => other?,
    };
    if read_only.is_none() {
        tighten(path);
        let mode: String = conn
            .pragma_query_value(None, "journal_mode", |r| r.get(0))
            .map_err(open_err)?;
        if !mode.eq_ignore_ascii_case("wal") {
            let mode: String = conn
                .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
                .map_err(open_err)?;
            if !mode.eq_ignore_ascii_case("wal") {
                return Err(StoreError::invalid(
                    "journal_mode",
                    format!("{} stays in {mode} mode instead of WAL", path.display()),
                ));
            }
        }
    }
    configure(&conn).map_err(open_err)?;
    if read_only.is_some() {
        let found: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(open_err)?;
        if found < SCHEMA_VERSION {
            return Err(StoreError::ReadOnlyUpgrade {
                path: path.to_path_buf(),
                found,
            });
        }
    } else {
        schema::migrate(&mut conn).map_err(|e| match e {
            StoreError::TooNew {
                found, supported, ..
            } => StoreError::TooNew {
                path: path.to_path_buf(),
                found,
                supported,
            },
            other => other,
        })?;
        tighten_sidecars(path);
    }
    Ok(Store {
        conn,
        path: Some(path.to_path_buf()),
        read_only,
    })
}

/// Refuses what is not an intake database, reading only. With a key, a file that cannot
/// be decrypted is a wrong key (or not a database at all: SQLCipher cannot tell).
fn precheck(conn: &Connection, path: &Path, keyed: bool) -> Result<()> {
    let open_err = |source: rusqlite::Error| match source.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) if keyed => StoreError::WrongKey {
            path: path.to_path_buf(),
        },
        Some(ErrorCode::NotADatabase) => StoreError::NotIntakeDb {
            path: path.to_path_buf(),
            reason: "it is not a SQLite database".into(),
        },
        _ => StoreError::Open {
            path: path.to_path_buf(),
            source,
        },
    };
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(open_err)?;
    let found: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(open_err)?;
    if app_id != 0 && app_id != APPLICATION_ID {
        return Err(StoreError::NotIntakeDb {
            path: path.to_path_buf(),
            reason: format!("its application id is {app_id:#x}"),
        });
    }
    if found > SCHEMA_VERSION {
        return Err(StoreError::TooNew {
            path: path.to_path_buf(),
            found,
            supported: SCHEMA_VERSION,
        });
    }
    if app_id == 0 {
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
            .map_err(open_err)?;
        if tables > 0 {
            return Err(StoreError::NotIntakeDb {
                path: path.to_path_buf(),
                reason: format!("it holds {tables} tables or indexes of another program"),
            });
        }
    }
    Ok(())
}

/// Durable and careful settings, per connection (none of them takes a lock).
pub(crate) fn configure(conn: &Connection) -> rusqlite::Result<()> {
    // FULL: in WAL mode every commit is fsynced, so a save that returned survives power loss.
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    // Deleted content (purged personal data) is overwritten with zeros, not just unlinked.
    conn.pragma_update(None, "secure_delete", "ON")?;
    Ok(())
}

/// Our file, made by something else, may be readable by others: take those bits away
/// (never adding any). Best effort: the owner may be another user.
fn tighten(path: &Path) {
    if let Ok(meta) = std::fs::metadata(path) {
        let mode = meta.permissions().mode();
        if mode & 0o077 != 0 {
            let _ = std::fs::set_permissions(path, Permissions::from_mode(mode & 0o700));
        }
    }
}

/// SQLite gives the WAL and SHM files the database file's mode; this only matters for
/// sidecars left by an older program with a wider mode. Best effort: they may not exist.
fn tighten_sidecars(path: &Path) {
    for suffix in ["-wal", "-shm"] {
        tighten(&with_suffix(path, suffix));
    }
}
