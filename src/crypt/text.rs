//! The words of the key set-up, kept together so they move to Fluent in one go.

use std::path::Path;

use super::{KeyHome, keyfile};
use crate::form::Lang;
use crate::store::ReadOnly;
use crate::store::cipher::KeyTextError;

pub fn ask_passphrase(lang: Lang, db: &Path) -> String {
    match lang {
        Lang::Nl => format!("Wachtwoordzin voor {}: ", db.display()),
        Lang::En => format!("Passphrase for {}: ", db.display()),
    }
}

pub fn choose_passphrase(lang: Lang, db: &Path) -> String {
    match lang {
        Lang::Nl => format!(
            "De database {} wordt versleuteld. Kies een wachtwoordzin (minstens 8 tekens): ",
            db.display()
        ),
        Lang::En => format!(
            "The database {} will be encrypted. Choose a passphrase (8 characters or more): ",
            db.display()
        ),
    }
}

pub fn repeat_passphrase(lang: Lang) -> String {
    match lang {
        Lang::Nl => "Herhaal de wachtwoordzin: ".into(),
        Lang::En => "Repeat the passphrase: ".into(),
    }
}

pub fn passphrases_differ(lang: Lang) -> String {
    match lang {
        Lang::Nl => "De twee wachtwoordzinnen verschillen; probeer het opnieuw.".into(),
        Lang::En => "The two passphrases differ; try again.".into(),
    }
}

pub fn bad_passphrase(lang: Lang, e: &KeyTextError) -> String {
    let why = match (lang, e) {
        (Lang::Nl, KeyTextError::Empty) => "hij is leeg",
        (Lang::Nl, KeyTextError::TooShort) => "hij is korter dan 8 tekens",
        (Lang::Nl, KeyTextError::Control) => "hij bevat een stuurteken",
        (Lang::En, KeyTextError::Empty) => "it is empty",
        (Lang::En, KeyTextError::TooShort) => "it is shorter than 8 characters",
        (Lang::En, KeyTextError::Control) => "it holds a control character",
    };
    match lang {
        Lang::Nl => format!("Deze wachtwoordzin kan niet: {why}."),
        Lang::En => format!("This passphrase will not do: {why}."),
    }
}

pub fn wrong_passphrase(lang: Lang, attempt: u32) -> String {
    match lang {
        Lang::Nl => format!("Onjuiste wachtwoordzin (poging {attempt} van 3)."),
        Lang::En => format!("Wrong passphrase (attempt {attempt} of 3)."),
    }
}

pub fn no_passphrase_chosen() -> String {
    "no passphrase was chosen; nothing was written".into()
}

pub fn choose_bundle_passphrase(lang: Lang) -> String {
    match lang {
        Lang::Nl => "Kies een wachtwoordzin voor de bundel (minstens 8 tekens): ".into(),
        Lang::En => "Choose a passphrase for the bundle (8 characters or more): ".into(),
    }
}

pub fn ask_bundle_passphrase(lang: Lang) -> String {
    match lang {
        Lang::Nl => "Wachtwoordzin van de bundel: ".into(),
        Lang::En => "Passphrase of the bundle: ".into(),
    }
}

pub fn wrong_key_file(db: &Path, file: &Path) -> String {
    format!(
        "cannot open {}: the key in {} ({}) does not fit (a wrong key, or a file that is not an \
         intake database); the file was left untouched",
        db.display(),
        file.display(),
        keyfile::ENV
    )
}

pub fn no_key(db: &Path) -> String {
    format!(
        "{} is encrypted and no key was found: no OS keyring holds one, {} is not set, and there \
         is no terminal to ask for the passphrase; the file was left untouched",
        db.display(),
        keyfile::ENV
    )
}

pub fn no_key_for_new(db: &Path) -> String {
    format!(
        "cannot create the encrypted database {}: no OS keyring is available and there is no \
         terminal to ask for a passphrase; set {}=PATH (a new key is written there, readable by \
         you only) or run intake in a terminal",
        db.display(),
        keyfile::ENV
    )
}

/// Where the key of a new database lives, and what losing it means.
pub fn new_database(db: &Path, home: &KeyHome) -> String {
    let place = match home {
        KeyHome::File(f) => format!("in the key file {} (mode 0600)", f.display()),
        KeyHome::Keyring(entry) => format!("in your OS keyring ({entry})"),
        KeyHome::Passphrase => "in the passphrase you just chose; it is stored nowhere".into(),
    };
    format!(
        "note: the new database {} is encrypted; its key is {place}. Without that key nobody can \
         read the database, you included: there is no way back. Keep a copy of the key somewhere \
         safe, away from this computer.",
        db.display()
    )
}

pub fn read_only(db: &Path, ro: &ReadOnly) -> String {
    match ro {
        ReadOnly::NoWriteAccess => format!(
            "note: {} cannot be written by you; it is opened read-only: reading and exporting \
             work, changes cannot be saved",
            db.display()
        ),
        ReadOnly::DiskFull { dir, free } => format!(
            "note: the disk holding {} is full ({free} bytes free); the database is opened \
             read-only: reading and exporting to another disk work, changes cannot be saved until \
             space is freed there",
            dir.display()
        ),
    }
}

/// An error while saving that means the disk is full (or the file read-only), said plainly.
pub fn explain_write_error(db: &Path, e: &rusqlite::Error) -> Option<String> {
    use rusqlite::ErrorCode;
    let dir = crate::store::open::folder_of(db);
    let nearly_full = crate::store::open::free_bytes(&dir).is_some_and(|f| f < 1 << 20);
    let write_failed = matches!(
        e.sqlite_error_code(),
        Some(ErrorCode::ReadOnly | ErrorCode::DiskFull | ErrorCode::SystemIoFailure)
    );
    if crate::store::open::is_disk_full(e, &dir) || (write_failed && nearly_full) {
        let free = crate::store::open::free_bytes(&dir).unwrap_or(0);
        return Some(format!(
            "the disk holding {} is full ({free} bytes free): this change was not saved; \
             everything saved before is kept. Free some space there and try again.",
            dir.display()
        ));
    }
    match e.sqlite_error_code() {
        Some(ErrorCode::ReadOnly) => Some(format!(
            "{} is opened read-only: this change was not saved; everything saved before is kept",
            db.display()
        )),
        _ => None,
    }
}

pub fn press_enter(lang: Lang) -> String {
    match lang {
        Lang::Nl => "Druk op Enter om verder te gaan. ".into(),
        Lang::En => "Press Enter to go on. ".into(),
    }
}
