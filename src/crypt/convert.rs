//! `intake db status|encrypt|rekey`: the database file and its key.

use std::path::Path;

use anyhow::{Result, bail};

use super::{Ask, KeyHome, keyfile, os_keyring, text};
use crate::form::Lang;
use crate::store::{DbKey, FileState, rewrite};
use crate::t;

/// One line on the file: plain or encrypted, and where its key is.
pub fn status(db: &Path, lang: Lang) -> Result<String> {
    let path = shown(db);
    Ok(match crate::store::inspect(db)? {
        FileState::Missing | FileState::Empty => t!(lang, "db-status-none", path = path),
        FileState::Plain => t!(lang, "db-status-plain", path = path),
        FileState::Opaque => {
            let home = match (super::key_file_from_env(), os_keyring::get(db)) {
                (Some(f), _) => t!(
                    lang,
                    "db-key-from-file",
                    file = shown(&f),
                    env = keyfile::ENV
                ),
                (None, Some(_)) => t!(
                    lang,
                    "db-key-from-keyring",
                    entry = os_keyring::describe(db)
                ),
                (None, None) => t!(lang, "db-key-from-passphrase"),
            };
            t!(lang, "db-status-encrypted", path = path, home = home)
        }
    })
}

fn shown(p: &Path) -> String {
    crate::text::printable_path(p)
}

/// Encrypts a plain database in place with a new key kept where the next open finds it.
pub fn encrypt(db: &Path, ask: Ask) -> Result<String> {
    match crate::store::inspect(db)? {
        FileState::Plain => {}
        FileState::Opaque => bail!(
            "{}",
            t!(ask.lang(), "db-already-encrypted", path = shown(db))
        ),
        FileState::Missing | FileState::Empty => {
            bail!("{}", t!(ask.lang(), "db-not-there", path = shown(db)))
        }
    }
    let (key, home, _) = super::new_key(db, ask)?;
    let done = rewrite::rewrite(db, None, &key)?;
    Ok(format!(
        "{}\n{}",
        summary(db, &done, "db-encrypted", ask.lang()),
        text::new_database(ask.lang(), db, &home)
    ))
}

/// Rewrites an encrypted database under a new key: a new random key for a key file or the
/// keyring, a new passphrase (asked twice) for a passphrase.
pub fn rekey(db: &Path, ask: Ask) -> Result<String> {
    let lang = ask.lang();
    if crate::store::inspect(db)? != FileState::Opaque {
        bail!("{}", t!(lang, "db-not-encrypted-yet", path = shown(db)));
    }
    let opened = super::open_store(db, ask)?;
    let Some((old, home)) = opened.key else {
        bail!("{}", t!(lang, "db-not-encrypted-yet", path = shown(db)));
    };
    drop(opened.store);
    match &home {
        KeyHome::File(file) => {
            // The new key is on disk before the database uses it: a crash in between
            // leaves it in FILE.new, which the next open tries.
            let pending = keyfile::sibling(file, ".new");
            let _ = std::fs::remove_file(&pending);
            let new = DbKey::generate()?;
            keyfile::create(&pending, &new, lang)?;
            let done = rewrite::rewrite(db, Some(&old), &new)?;
            std::fs::rename(&pending, file)?;
            Ok(format!(
                "{}; {}",
                summary(db, &done, "db-rekeyed", lang),
                t!(lang, "db-new-key-in-file", file = shown(file))
            ))
        }
        KeyHome::Keyring(entry) => {
            // The old key stays in a second entry until the new file is in place: a crash
            // in between leaves a key that fits in one of the two.
            let new = DbKey::generate()?;
            if !os_keyring::set_slot(db, os_keyring::PREVIOUS, &old) || !os_keyring::set(db, &new) {
                bail!("{}", t!(lang, "db-keyring-refused", path = shown(db)));
            }
            let done = match rewrite::rewrite(db, Some(&old), &new) {
                Ok(done) => done,
                Err(e) => {
                    os_keyring::set(db, &old);
                    return Err(e.into());
                }
            };
            os_keyring::delete_slot(db, os_keyring::PREVIOUS);
            Ok(format!(
                "{}; {}",
                summary(db, &done, "db-rekeyed", lang),
                t!(lang, "db-new-key-in-keyring", entry = entry)
            ))
        }
        KeyHome::Passphrase => {
            let super::Ask::Terminal(lang) = ask else {
                bail!("{}", t!(lang, "db-passphrase-needs-terminal"));
            };
            let new = super::choose_passphrase(lang, &text::choose_passphrase(lang, db))?;
            let done = rewrite::rewrite(db, Some(&old), &new)?;
            Ok(format!(
                "{}; {}",
                summary(db, &done, "db-rekeyed", lang),
                t!(lang, "db-use-new-passphrase")
            ))
        }
    }
}

/// `what` is the message id of what was done: `db-encrypted` or `db-rekeyed`.
fn summary(db: &Path, done: &rewrite::Rewritten, what: &str, lang: Lang) -> String {
    let rows: i64 = done.tables.iter().map(|(_, n)| n).sum();
    t!(
        lang,
        what,
        path = shown(db),
        tables = done.tables.len(),
        rows = rows
    )
}
