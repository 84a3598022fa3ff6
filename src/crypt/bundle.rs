//! Encrypted bundles: the JSON bundle inside an age file (scrypt passphrase recipient), so
//! the customer or a colleague opens it with any age tool (`age -d`, `rage -d`).

use std::io::{Read, Write};
use std::path::Path;

use age::secrecy::SecretString;
use anyhow::{Context, Result, bail};
use zeroize::Zeroizing;

use crate::form::Lang;
use crate::t;

/// The first line of every (binary) age file.
const AGE_MAGIC: &[u8] = b"age-encryption.org/v1\n";

/// True when `bytes` are an age file (and so need a passphrase).
pub fn is_encrypted(bytes: &[u8]) -> bool {
    bytes.starts_with(AGE_MAGIC)
}

/// A passphrase that does not open the bundle (the message says which file): the TUI
/// asks again rather than going back to the file name.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct WrongPassphrase(pub String);

/// Encrypts `plain` to the passphrase.
pub fn encrypt(plain: &[u8], passphrase: &str) -> Result<Vec<u8>> {
    let enc = age::Encryptor::with_user_passphrase(SecretString::from(passphrase.to_string()));
    let mut out = Vec::with_capacity(plain.len() + 512);
    let mut w = enc
        .wrap_output(&mut out)
        .context("starting the encryption")?;
    w.write_all(plain).context("encrypting the bundle")?;
    w.finish().context("finishing the encryption")?;
    Ok(out)
}

/// Decrypts an age file made with a passphrase; a wrong passphrase is one clear error.
pub fn decrypt(
    file: &Path,
    bytes: &[u8],
    passphrase: &str,
    lang: Lang,
) -> Result<Zeroizing<Vec<u8>>> {
    let shown = crate::text::printable_path(file);
    let dec = age::Decryptor::new_buffered(bytes)
        .with_context(|| t!(lang, "bundle-not-age", file = &shown))?;
    if !dec.is_scrypt() {
        bail!("{}", t!(lang, "bundle-age-to-key", file = &shown));
    }
    let id = age::scrypt::Identity::new(SecretString::from(passphrase.to_string()));
    let mut r = match dec.decrypt(std::iter::once(&id as &dyn age::Identity)) {
        Ok(r) => r,
        Err(age::DecryptError::DecryptionFailed | age::DecryptError::NoMatchingKeys) => {
            return Err(WrongPassphrase(t!(lang, "bundle-wrong-passphrase", file = &shown)).into());
        }
        Err(e) => bail!(
            "{}",
            t!(
                lang,
                "bundle-cannot-decrypt",
                file = &shown,
                reason = e.to_string()
            )
        ),
    };
    let mut plain = Zeroizing::new(Vec::new());
    r.read_to_end(&mut plain)
        .with_context(|| t!(lang, "bundle-damaged", file = &shown))?;
    Ok(plain)
}

/// Reads a bundle file (plain JSON or age) as `intake import` and the TUI's import do:
/// at most `MAX_BUNDLE_BYTES`, decrypted with the passphrase `passphrase` gives (asked only
/// when the file is encrypted), then parsed. Errors name the file.
pub fn read(
    file: &Path,
    lang: Lang,
    passphrase: impl FnOnce() -> Result<Zeroizing<String>>,
) -> Result<crate::store::Bundle> {
    let mut bytes = crate::fsutil::read_limited(
        file,
        crate::store::bundle::MAX_BUNDLE_BYTES,
        crate::fsutil::FileKind::Bundle,
    )?;
    if is_encrypted(&bytes) {
        let pass = passphrase()?;
        bytes = decrypt(file, &bytes, &pass, lang)?.to_vec();
    }
    crate::store::Bundle::parse(&bytes).with_context(|| crate::text::printable_path(file))
}

/// The bundle passphrase: from `file` (a 0600 file, first line) when given, else asked on
/// the terminal (twice when `new`).
pub fn passphrase(file: Option<&Path>, new: bool, lang: Lang) -> Result<Zeroizing<String>> {
    if let Some(f) = file {
        let key = super::keyfile::read(f, lang)
            .with_context(|| t!(lang, "bundle-reading-passphrase-file"))?;
        return Ok(key.secret_text());
    }
    if !std::io::IsTerminal::is_terminal(&std::io::stdin()) {
        bail!("{}", t!(lang, "bundle-no-terminal"));
    }
    if new {
        let key = super::choose_passphrase(lang, &super::text::choose_bundle_passphrase(lang))?;
        return Ok(key.secret_text());
    }
    super::read_passphrase(&super::text::ask_bundle_passphrase(lang), lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_wrong_passphrase() {
        let plain = br#"{"format":"intake-bundle"}"#;
        let enc = encrypt(plain, "a long enough passphrase").unwrap();
        assert!(is_encrypted(&enc));
        assert!(!enc.windows(6).any(|w| w == b"intake"));
        let p = Path::new("b.age");
        let back = decrypt(p, &enc, "a long enough passphrase", Lang::En).unwrap();
        assert_eq!(&back[..], plain);
        let e = decrypt(p, &enc, "not the passphrase", Lang::En)
            .unwrap_err()
            .to_string();
        assert!(e.contains("wrong passphrase"), "{e}");
    }
}
