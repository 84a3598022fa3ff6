//! The OS keyring (Secret Service, Windows Credential Manager, macOS Keychain), where one
//! is running. Every failure means "no keyring here": the caller falls back to the key
//! file or the passphrase, so a machine without one (CI, a server, a bare container) works.

use std::path::Path;

use crate::store::DbKey;

/// The keyring's service name for intake's database keys.
const SERVICE: &str = "intake";

/// Where in the keyring the key of `db` lives (service and account), for messages.
pub fn describe(db: &Path) -> String {
    format!("service \"{SERVICE}\", account \"{}\"", account(db))
}

/// One entry per database, named by its absolute path.
fn account(db: &Path) -> String {
    let abs = std::path::absolute(db).unwrap_or_else(|_| db.to_path_buf());
    match (
        abs.parent().and_then(|p| p.canonicalize().ok()),
        abs.file_name(),
    ) {
        (Some(dir), Some(name)) => dir.join(name).display().to_string(),
        _ => abs.display().to_string(),
    }
}

/// The second entry of a database, holding its old key while `db rekey` runs.
pub const PREVIOUS: &str = " (previous)";

fn entry(db: &Path, slot: &str) -> Option<keyring::Entry> {
    keyring::Entry::new(SERVICE, &format!("{}{slot}", account(db))).ok()
}

/// The key kept for `db`, if a keyring is running and holds one.
pub fn get(db: &Path) -> Option<DbKey> {
    get_slot(db, "")
}

pub fn get_slot(db: &Path, slot: &str) -> Option<DbKey> {
    let secret = zeroize::Zeroizing::new(entry(db, slot)?.get_password().ok()?);
    DbKey::from_secret(&secret).ok()
}

/// Keeps `key` for `db`; true only when the keyring took it and gives it back unchanged.
pub fn set(db: &Path, key: &DbKey) -> bool {
    set_slot(db, "", key)
}

pub fn delete_slot(db: &Path, slot: &str) {
    if let Some(e) = entry(db, slot) {
        let _ = e.delete_credential();
    }
}

pub fn set_slot(db: &Path, slot: &str, key: &DbKey) -> bool {
    let Some(e) = entry(db, slot) else {
        return false;
    };
    if e.set_password(&key.secret_text()).is_err() {
        return false;
    }
    e.get_password()
        .map(|back| *key.secret_text() == *zeroize::Zeroizing::new(back))
        .unwrap_or(false)
}
