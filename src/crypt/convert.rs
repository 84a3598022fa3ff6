//! `intake db status|encrypt|rekey`: the database file and its key.

use std::path::Path;

use anyhow::{Result, bail};

use super::{Ask, KeyHome, keyfile, os_keyring, text};
use crate::store::{DbKey, FileState, rewrite};

/// One line on the file: plain or encrypted, and where its key is.
pub fn status(db: &Path) -> Result<String> {
    Ok(match crate::store::inspect(db)? {
        FileState::Missing | FileState::Empty => format!(
            "{}: no database yet; the first run creates it encrypted",
            db.display()
        ),
        FileState::Plain => format!(
            "{}: NOT encrypted (plain SQLite); anyone with the disk can read it. \
             Run `intake db encrypt` to encrypt it in place.",
            db.display()
        ),
        FileState::Opaque => {
            let home = match (super::key_file_from_env(), os_keyring::get(db)) {
                (Some(f), _) => format!("the key file {} ({})", f.display(), keyfile::ENV),
                (None, Some(_)) => format!("your OS keyring ({})", os_keyring::describe(db)),
                (None, None) => "a passphrase (no key file or keyring entry found)".into(),
            };
            format!("{}: encrypted (SQLCipher); key from {home}", db.display())
        }
    })
}

/// Encrypts a plain database in place with a new key kept where the next open finds it.
pub fn encrypt(db: &Path, ask: Ask) -> Result<String> {
    match crate::store::inspect(db)? {
        FileState::Plain => {}
        FileState::Opaque => bail!(
            "{} is already encrypted (use `intake db rekey` to change its key)",
            db.display()
        ),
        FileState::Missing | FileState::Empty => bail!(
            "{} does not exist yet; a new database is encrypted from the start",
            db.display()
        ),
    }
    let (key, home, _) = super::new_key(db, ask)?;
    let done = rewrite::rewrite(db, None, &key)?;
    Ok(format!(
        "{}\n{}",
        summary(db, &done, "encrypted"),
        text::new_database(ask.lang(), db, &home)
    ))
}

/// Rewrites an encrypted database under a new key: a new random key for a key file or the
/// keyring, a new passphrase (asked twice) for a passphrase.
pub fn rekey(db: &Path, ask: Ask) -> Result<String> {
    if crate::store::inspect(db)? != FileState::Opaque {
        bail!(
            "{} is not encrypted; run `intake db encrypt` first",
            db.display()
        );
    }
    let opened = super::open_store(db, ask)?;
    let Some((old, home)) = opened.key else {
        bail!("{} is not encrypted", db.display());
    };
    drop(opened.store);
    match &home {
        KeyHome::File(file) => {
            // The new key is on disk before the database uses it: a crash in between
            // leaves it in FILE.new, which the next open tries.
            let pending = keyfile::sibling(file, ".new");
            let _ = std::fs::remove_file(&pending);
            let new = DbKey::generate()?;
            keyfile::create(&pending, &new)?;
            let done = rewrite::rewrite(db, Some(&old), &new)?;
            std::fs::rename(&pending, file)?;
            Ok(format!(
                "{}; the new key is in {}",
                summary(db, &done, "re-keyed"),
                file.display()
            ))
        }
        KeyHome::Keyring(entry) => {
            // The old key stays in a second entry until the new file is in place: a crash
            // in between leaves a key that fits in one of the two.
            let new = DbKey::generate()?;
            if !os_keyring::set_slot(db, os_keyring::PREVIOUS, &old) || !os_keyring::set(db, &new) {
                bail!(
                    "the OS keyring refused the new key; {} was not changed",
                    db.display()
                );
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
                "{}; the new key is in your OS keyring ({entry})",
                summary(db, &done, "re-keyed")
            ))
        }
        KeyHome::Passphrase => {
            let super::Ask::Terminal(lang) = ask else {
                bail!("a new passphrase needs a terminal to be typed on");
            };
            let new = super::choose_passphrase(lang, &text::choose_passphrase(lang, db))?;
            let done = rewrite::rewrite(db, Some(&old), &new)?;
            Ok(format!(
                "{}; use the new passphrase from now on",
                summary(db, &done, "re-keyed")
            ))
        }
    }
}

fn summary(db: &Path, done: &rewrite::Rewritten, what: &str) -> String {
    let rows: i64 = done.tables.iter().map(|(_, n)| n).sum();
    format!(
        "{} {what}: {} tables, {rows} rows copied and verified; the old file's pages were \
         overwritten",
        db.display(),
        done.tables.len()
    )
}
