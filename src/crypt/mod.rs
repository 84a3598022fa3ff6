//! Encryption at rest: where a database's key comes from, converting plain databases,
//! and encrypted bundles.
//!
//! A database key comes from, in this order: the key file named by `INTAKE_KEY_FILE`
//! (when set: the user chose it explicitly, and tests must never reach a desktop's real
//! keyring), the OS keyring, or a passphrase asked on the terminal (never echoed, never on
//! the command line or in the environment). A plain database is opened as it is; `intake db
//! encrypt` converts it.

pub mod bundle;
pub mod convert;
pub mod keyfile;
pub mod os_keyring;
mod text;

pub use text::{explain_write_error, plain_bundle as plain_bundle_note};

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use zeroize::Zeroizing;

use crate::form::Lang;
use crate::store::{DbKey, FileState, Store, StoreError};
use crate::t;

/// Whether a person can be asked for a passphrase, and in which language.
#[derive(Debug, Clone, Copy)]
pub enum Ask {
    /// No terminal (scripts, tests, CI): a missing key is an error (said in this language).
    Never(Lang),
    /// Ask on the controlling terminal.
    Terminal(Lang),
}

impl Ask {
    /// The language to speak in.
    pub fn lang(self) -> Lang {
        match self {
            Ask::Never(l) | Ask::Terminal(l) => l,
        }
    }

    /// `Terminal` when standard input is a terminal, else `Never`.
    pub fn from_stdin(lang: Lang) -> Ask {
        if std::io::stdin().is_terminal() {
            Ask::Terminal(lang)
        } else {
            Ask::Never(lang)
        }
    }
}

/// Where a database's key is kept.
#[derive(Debug, Clone)]
pub enum KeyHome {
    File(PathBuf),
    Keyring(String),
    Passphrase,
}

/// An opened store, with what the user must be told about it.
pub struct Opened {
    pub store: Store,
    /// The key it was opened with (`None`: a plain database).
    pub key: Option<(DbKey, KeyHome)>,
    /// Lines for standard error: a new key's home and what losing it means, a read-only
    /// file, a full disk.
    pub notices: Vec<String>,
}

/// The key file named by `INTAKE_KEY_FILE`, if set (and not empty).
pub fn key_file_from_env() -> Option<PathBuf> {
    std::env::var_os(keyfile::ENV)
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
}

/// Opens `db`, finding (or, for a new database, setting up) its key.
pub fn open_store(db: &Path, ask: Ask) -> Result<Opened> {
    let state = crate::store::inspect(db)?;
    let mut opened = match state {
        FileState::Plain => Opened {
            store: Store::open(db)?,
            key: None,
            notices: Vec::new(),
        },
        FileState::Opaque => open_encrypted(db, ask)?,
        FileState::Missing | FileState::Empty => create_encrypted(db, ask)?,
    };
    if let Some(ro) = opened.store.read_only() {
        opened.notices.push(text::read_only(ask.lang(), db, ro));
    }
    Ok(opened)
}

fn open_encrypted(db: &Path, ask: Ask) -> Result<Opened> {
    if let Some(file) = key_file_from_env() {
        let key = keyfile::read(&file, ask.lang())?;
        return match Store::open_with(db, Some(&key)) {
            Ok(store) => Ok(opened(store, key, KeyHome::File(file))),
            Err(StoreError::WrongKey { .. }) => match finish_key_file_rekey(db, &file) {
                Some(done) => Ok(done),
                None => bail!(text::wrong_key_file(ask.lang(), db, &file)),
            },
            Err(e) => Err(e.into()),
        };
    }
    let home = || KeyHome::Keyring(os_keyring::describe(db));
    if let Some(key) = os_keyring::get(db) {
        match Store::open_with(db, Some(&key)) {
            Ok(store) => return Ok(opened(store, key, home())),
            Err(StoreError::WrongKey { .. }) => {
                // `db rekey` stopped between keyring and file: the old key still fits.
                if let Some(old) = os_keyring::get_slot(db, os_keyring::PREVIOUS)
                    && let Ok(store) = Store::open_with(db, Some(&old))
                    && os_keyring::set(db, &old)
                {
                    return Ok(opened(store, old, home()));
                }
                // A stale keyring entry: a typed passphrase may still open it.
                if !matches!(ask, Ask::Terminal(_)) {
                    bail!(StoreError::WrongKey {
                        path: db.to_path_buf()
                    });
                }
            }
            Err(e) => return Err(e.into()),
        }
    }
    let Ask::Terminal(lang) = ask else {
        bail!(text::no_key(ask.lang(), db));
    };
    for attempt in 1..=3 {
        let typed = read_passphrase(&text::ask_passphrase(lang, db), lang)?;
        let Ok(key) = DbKey::passphrase(&typed) else {
            eprintln!("{}", text::wrong_passphrase(lang, attempt));
            continue;
        };
        match Store::open_with(db, Some(&key)) {
            Ok(store) => return Ok(opened(store, key, KeyHome::Passphrase)),
            Err(StoreError::WrongKey { .. }) => {
                eprintln!("{}", text::wrong_passphrase(lang, attempt));
            }
            Err(e) => return Err(e.into()),
        }
    }
    bail!(StoreError::WrongKey {
        path: db.to_path_buf()
    })
}

/// `db rekey` stopped after the database took the new key but before the key file did:
/// the new key is still in FILE.new. Finish the move and open with it.
fn finish_key_file_rekey(db: &Path, file: &Path) -> Option<Opened> {
    let pending = keyfile::sibling(file, ".new");
    // Any fault means there is no pending key to finish with: the message is never shown.
    let key = keyfile::read(&pending, Lang::En).ok()?;
    let store = Store::open_with(db, Some(&key)).ok()?;
    std::fs::rename(&pending, file).ok()?;
    Some(opened(store, key, KeyHome::File(file.to_path_buf())))
}

fn opened(store: Store, key: DbKey, home: KeyHome) -> Opened {
    Opened {
        store,
        key: Some((key, home)),
        notices: Vec::new(),
    }
}

/// A new key for a new database (or for `db encrypt`/`db rekey`), kept where the next
/// open finds it: the key file, else the keyring, else a passphrase chosen now.
pub fn new_key(db: &Path, ask: Ask) -> Result<(DbKey, KeyHome, bool)> {
    if let Some(file) = key_file_from_env() {
        if std::fs::symlink_metadata(&file).is_ok() {
            // The key file exists: the new database uses the key it holds.
            return Ok((
                keyfile::read(&file, ask.lang())?,
                KeyHome::File(file),
                false,
            ));
        }
        let key = DbKey::generate()?;
        keyfile::create(&file, &key, ask.lang())?;
        return Ok((key, KeyHome::File(file), true));
    }
    let key = DbKey::generate()?;
    if os_keyring::set(db, &key) {
        return Ok((key, KeyHome::Keyring(os_keyring::describe(db)), true));
    }
    let Ask::Terminal(lang) = ask else {
        bail!(text::no_key_for_new(ask.lang(), db));
    };
    let prompt = text::choose_passphrase(lang, db);
    Ok((choose_passphrase(lang, &prompt)?, KeyHome::Passphrase, true))
}

/// Asks for a new passphrase twice until both agree and it is acceptable (three tries).
pub fn choose_passphrase(lang: Lang, prompt: &str) -> Result<DbKey> {
    for _ in 0..3 {
        let first = read_passphrase(prompt, lang)?;
        let key = match DbKey::passphrase(&first) {
            Ok(k) => k,
            Err(e) => {
                eprintln!("{}", text::bad_passphrase(lang, &e));
                continue;
            }
        };
        let again = read_passphrase(&text::repeat_passphrase(lang), lang)?;
        if *again == *first {
            return Ok(key);
        }
        eprintln!("{}", text::passphrases_differ(lang));
    }
    bail!(text::no_passphrase_chosen(lang))
}

fn create_encrypted(db: &Path, ask: Ask) -> Result<Opened> {
    let (key, home, fresh) = new_key(db, ask)?;
    let store = Store::open_with(db, Some(&key))?;
    // A key the user brought (an existing INTAKE_KEY_FILE) is already theirs to keep; a key
    // made now must be pointed out once, with what losing it means.
    let notices = if fresh {
        vec![text::new_database(ask.lang(), db, &home)]
    } else {
        Vec::new()
    };
    Ok(Opened {
        store,
        key: Some((key, home)),
        notices,
    })
}

/// Reads a passphrase on the controlling terminal without echo.
pub fn read_passphrase(prompt: &str, lang: Lang) -> Result<Zeroizing<String>> {
    rpassword::prompt_password(prompt)
        .map(Zeroizing::new)
        .map_err(|e| {
            anyhow::anyhow!(
                "{}",
                t!(lang, "crypt-cannot-read-passphrase", reason = e.to_string())
            )
        })
}

/// Lets the user read the notices before the TUI's screen covers them (Enter goes on).
pub fn pause_before_screen(lang: Lang) {
    if std::io::stdin().is_terminal() {
        eprint!("{}", text::press_enter(lang));
        let mut line = String::new();
        let _ = std::io::stdin().read_line(&mut line);
    }
}
