//! The SQLCipher key of a database file.
//!
//! Two kinds: a random 256-bit key (from a key file or the OS keyring), given to SQLCipher
//! raw so that opening costs no key derivation, and a passphrase a person types, which
//! SQLCipher stretches itself (PBKDF2, once per open). Both live in zeroed-on-drop memory
//! and never appear in `Debug` output.

use rusqlite::Connection;
use zeroize::Zeroizing;

/// Hex digits of a raw 256-bit key.
const RAW_HEX_LEN: usize = 64;

/// How SQLCipher lays out an encrypted file. Every page written costs an AES-256-CBC pass
/// and an HMAC over the whole page, and a saved answer writes about four pages; SQLCipher
/// 4's defaults (4096-byte pages, HMAC-SHA512) made a save 35 % slower than on a plain file.
/// Half the page size halves the bytes per page, and HMAC-SHA256 runs on the CPU's SHA
/// instructions: a save then costs about 7 % more than on a plain file (benches/store.rs).
/// Neither weakens the encryption (AES-256 with a 256-bit HMAC key either way).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CipherFormat {
    /// What this program writes: 2048-byte pages, HMAC-SHA256.
    Current,
    /// SQLCipher 4's defaults (4096-byte pages, HMAC-SHA512), as the first encrypted
    /// databases were written; still opened, and `intake db rekey` rewrites one as `Current`.
    Sqlcipher4,
}

impl CipherFormat {
    /// The pragmas that select this format, set right after the key.
    fn pragmas(self) -> &'static [(&'static str, &'static str)] {
        match self {
            CipherFormat::Current => &[
                ("cipher_page_size", "2048"),
                ("cipher_hmac_algorithm", "HMAC_SHA256"),
            ],
            CipherFormat::Sqlcipher4 => &[],
        }
    }
}

/// The key of an encrypted database.
#[derive(Clone)]
pub struct DbKey {
    /// The value given to `PRAGMA key`: `x'HEX'` for a raw key, else the passphrase.
    pragma: Zeroizing<String>,
    raw: bool,
}

impl std::fmt::Debug for DbKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let kind = if self.raw { "raw" } else { "passphrase" };
        write!(f, "DbKey({kind}, redacted)")
    }
}

/// Why a text is not usable as a key.
#[derive(Debug, thiserror::Error)]
pub enum KeyTextError {
    #[error("it is empty")]
    Empty,
    #[error("it is shorter than 8 characters")]
    TooShort,
    #[error("it holds a control character")]
    Control,
}

impl DbKey {
    /// A new random raw key from the operating system's random source.
    pub fn generate() -> std::io::Result<DbKey> {
        let mut bytes = Zeroizing::new([0u8; RAW_HEX_LEN / 2]);
        getrandom::fill(bytes.as_mut_slice()).map_err(|e| std::io::Error::other(e.to_string()))?;
        let mut hex = Zeroizing::new(String::with_capacity(RAW_HEX_LEN));
        for b in bytes.iter() {
            use std::fmt::Write;
            let _ = write!(hex, "{b:02x}");
        }
        Ok(DbKey::raw_hex(&hex))
    }

    fn raw_hex(hex: &str) -> DbKey {
        DbKey {
            pragma: Zeroizing::new(format!("x'{hex}'")),
            raw: true,
        }
    }

    /// A key as stored in a key file or a keyring: 64 hex digits are a raw key, anything
    /// else is a passphrase. Surrounding white space (a trailing newline) is not part of it.
    pub fn from_secret(text: &str) -> Result<DbKey, KeyTextError> {
        let t = text.trim();
        if t.len() == RAW_HEX_LEN && t.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Ok(DbKey::raw_hex(&t.to_ascii_lowercase()));
        }
        DbKey::passphrase(t)
    }

    /// A passphrase a person typed (at least 8 characters, no control characters).
    pub fn passphrase(text: &str) -> Result<DbKey, KeyTextError> {
        if text.is_empty() {
            return Err(KeyTextError::Empty);
        }
        if text.chars().any(char::is_control) {
            return Err(KeyTextError::Control);
        }
        if text.chars().count() < 8 {
            return Err(KeyTextError::TooShort);
        }
        Ok(DbKey {
            pragma: Zeroizing::new(text.to_string()),
            raw: false,
        })
    }

    /// True for a random key, false for a passphrase.
    pub fn is_raw(&self) -> bool {
        self.raw
    }

    /// The text to keep in a key file or keyring; `from_secret` reads it back.
    pub fn secret_text(&self) -> Zeroizing<String> {
        if self.raw {
            let hex = &self.pragma[2..self.pragma.len() - 1];
            Zeroizing::new(hex.to_string())
        } else {
            self.pragma.clone()
        }
    }

    /// Keys `conn` before its first read, for a file in this program's format: SQLCipher
    /// decrypts every page with this key.
    pub fn apply(&self, conn: &Connection) -> rusqlite::Result<()> {
        self.apply_as(conn, CipherFormat::Current)
    }

    /// `apply` for a file in `format`.
    pub(crate) fn apply_as(&self, conn: &Connection, format: CipherFormat) -> rusqlite::Result<()> {
        // SQLCipher would print "hmac check failed" on stderr for a wrong key; the caller
        // says it in one clear message instead.
        let _ = conn.pragma_update(None, "cipher_log_level", "NONE");
        conn.pragma_update(None, "key", self.pragma.as_str())?;
        set_format(conn, None, format)
    }

    /// The SQL string literal of this key, for `ATTACH ... KEY`.
    pub(crate) fn sql_literal(&self) -> Zeroizing<String> {
        Zeroizing::new(format!("'{}'", self.pragma.replace('\'', "''")))
    }
}

/// Selects `format` for the database `schema` of `conn` (an attached one, or main), after its
/// key and before its first page is read or written.
pub(crate) fn set_format(
    conn: &Connection,
    schema: Option<&str>,
    format: CipherFormat,
) -> rusqlite::Result<()> {
    for (name, value) in format.pragmas() {
        conn.pragma_update(schema, name, value)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_keys_are_raw_random_and_round_trip_through_their_text() {
        let a = DbKey::generate().unwrap();
        let b = DbKey::generate().unwrap();
        assert!(a.is_raw());
        assert_ne!(*a.secret_text(), *b.secret_text());
        assert_eq!(a.secret_text().len(), 64);
        let back = DbKey::from_secret(&format!("{}\n", *a.secret_text())).unwrap();
        assert!(back.is_raw());
        assert_eq!(*back.pragma, *a.pragma);
        assert!(!format!("{a:?}").contains(&a.secret_text()[..8]));
    }

    #[test]
    fn other_texts_are_passphrases_with_rules() {
        let p = DbKey::from_secret("correct horse battery\n").unwrap();
        assert!(!p.is_raw());
        assert_eq!(*p.secret_text(), "correct horse battery");
        assert!(matches!(DbKey::passphrase(""), Err(KeyTextError::Empty)));
        assert!(matches!(
            DbKey::passphrase("short"),
            Err(KeyTextError::TooShort)
        ));
        assert!(matches!(
            DbKey::passphrase("with\x1b[31m escape"),
            Err(KeyTextError::Control)
        ));
        assert_eq!(
            *DbKey::passphrase("it's 'quoted'").unwrap().sql_literal(),
            "'it''s ''quoted'''"
        );
    }
}
