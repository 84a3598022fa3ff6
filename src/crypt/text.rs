//! The words of the key set-up (assets/locales/*/crypt.ftl).

use std::path::Path;

use super::KeyHome;
use crate::form::Lang;
use crate::store::ReadOnly;
use crate::store::cipher::KeyTextError;
use crate::t;

fn shown(p: &Path) -> String {
    p.display().to_string()
}

/// A prompt: Fluent trims the trailing space the cursor needs.
fn prompt(text: String) -> String {
    format!("{} ", text.trim_end())
}

pub fn ask_passphrase(lang: Lang, db: &Path) -> String {
    prompt(t!(lang, "crypt-ask-passphrase", path = shown(db)))
}

pub fn choose_passphrase(lang: Lang, db: &Path) -> String {
    prompt(t!(lang, "crypt-choose-passphrase", path = shown(db)))
}

pub fn repeat_passphrase(lang: Lang) -> String {
    prompt(t!(lang, "crypt-repeat-passphrase"))
}

pub fn passphrases_differ(lang: Lang) -> String {
    t!(lang, "crypt-passphrases-differ")
}

pub fn bad_passphrase(lang: Lang, e: &KeyTextError) -> String {
    t!(
        lang,
        "crypt-bad-passphrase",
        reason = key_text_error(lang, e)
    )
}

/// Why a passphrase or a key file's text is not a key.
pub fn key_text_error(lang: Lang, e: &KeyTextError) -> String {
    match e {
        KeyTextError::Empty => t!(lang, "crypt-why-empty"),
        KeyTextError::TooShort => t!(lang, "crypt-why-short"),
        KeyTextError::Control => t!(lang, "crypt-why-control"),
    }
}

pub fn wrong_passphrase(lang: Lang, attempt: u32) -> String {
    t!(lang, "crypt-wrong-passphrase", attempt = attempt)
}

pub fn no_passphrase_chosen(lang: Lang) -> String {
    t!(lang, "crypt-no-passphrase-chosen")
}

pub fn choose_bundle_passphrase(lang: Lang) -> String {
    prompt(t!(lang, "crypt-choose-bundle-passphrase"))
}

pub fn ask_bundle_passphrase(lang: Lang) -> String {
    prompt(t!(lang, "crypt-ask-bundle-passphrase"))
}

pub fn press_enter(lang: Lang) -> String {
    prompt(t!(lang, "crypt-press-enter"))
}

pub fn wrong_key_file(lang: Lang, db: &Path, file: &Path) -> String {
    t!(
        lang,
        "crypt-wrong-key-file",
        path = shown(db),
        file = shown(file)
    )
}

pub fn no_key(lang: Lang, db: &Path) -> String {
    t!(lang, "crypt-no-key", path = shown(db))
}

pub fn no_key_for_new(lang: Lang, db: &Path) -> String {
    t!(lang, "crypt-no-key-for-new", path = shown(db))
}

pub fn plain_bundle(lang: Lang, out: &Path) -> String {
    t!(lang, "crypt-plain-bundle", path = shown(out))
}

/// Where the key of a new database lives, and what losing it means.
pub fn new_database(lang: Lang, db: &Path, home: &KeyHome) -> String {
    let home = match home {
        KeyHome::File(f) => t!(lang, "crypt-home-file", file = shown(f)),
        KeyHome::Keyring(entry) => t!(lang, "crypt-home-keyring", entry = entry),
        KeyHome::Passphrase => t!(lang, "crypt-home-passphrase"),
    };
    t!(lang, "crypt-new-database", path = shown(db), home = home)
}

pub fn read_only(lang: Lang, db: &Path, ro: &ReadOnly) -> String {
    match ro {
        ReadOnly::NoWriteAccess => t!(lang, "crypt-read-only", path = shown(db)),
        ReadOnly::DiskFull { dir, free } => t!(
            lang,
            "crypt-disk-full-note",
            dir = shown(dir),
            free = crate::i18n::fmt::integer(*free as i64, lang)
        ),
    }
}

/// An error while saving that means the disk is full (or the file read-only), said plainly.
pub fn explain_write_error(db: &Path, e: &anyhow::Error, lang: Lang) -> Option<String> {
    use rusqlite::ErrorCode;
    let se = e
        .chain()
        .find_map(|c| c.downcast_ref::<rusqlite::Error>())
        .or_else(|| {
            e.chain()
                .find_map(|c| c.downcast_ref::<crate::store::StoreError>())
                .and_then(crate::store::StoreError::sqlite)
        })?;
    let dir = crate::store::open::folder_of(db);
    let free = crate::store::open::free_bytes(&dir);
    let nearly_full = free.is_some_and(|f| f < 1 << 20);
    let write_failed = matches!(
        se.sqlite_error_code(),
        Some(ErrorCode::ReadOnly | ErrorCode::DiskFull | ErrorCode::SystemIoFailure)
    );
    if crate::store::open::is_disk_full(se, &dir) || (write_failed && nearly_full) {
        return Some(t!(
            lang,
            "crypt-disk-full",
            dir = shown(&dir),
            free = crate::i18n::fmt::integer(free.unwrap_or(0) as i64, lang)
        ));
    }
    match se.sqlite_error_code() {
        Some(ErrorCode::ReadOnly) => Some(t!(lang, "crypt-write-read-only", path = shown(db))),
        _ => None,
    }
}
