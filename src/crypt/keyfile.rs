//! `INTAKE_KEY_FILE`: a key kept in a file that only its owner can read.

use std::fs::OpenOptions;
use std::io::{Read, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

use anyhow::{Context, Result, bail};
use zeroize::Zeroizing;

use crate::form::Lang;
use crate::store::DbKey;
use crate::t;

/// The environment variable naming the key file.
pub const ENV: &str = "INTAKE_KEY_FILE";

/// A key file is a line of text; anything larger is not one.
const MAX_BYTES: u64 = 4096;

/// Reads the key in `path`, refusing a file that others could read or that is not the
/// user's own: whoever reads it reads every intake.
pub fn read(path: &Path, lang: Lang) -> Result<DbKey> {
    let shown = crate::text::printable_path(path);
    let f = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .with_context(|| t!(lang, "keyfile-cannot-open", path = &shown, env = ENV))?;
    let meta = f
        .metadata()
        .with_context(|| t!(lang, "keyfile-no-mode", path = &shown, env = ENV))?;
    if !meta.is_file() {
        bail!(
            "{}",
            t!(lang, "keyfile-not-regular", path = &shown, env = ENV)
        );
    }
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        bail!(
            "{}",
            t!(
                lang,
                "keyfile-too-open",
                path = &shown,
                env = ENV,
                mode = format!("{mode:04o}")
            )
        );
    }
    // SAFETY: geteuid has no preconditions and cannot fail.
    let me = unsafe { libc::geteuid() };
    if meta.uid() != me {
        bail!(
            "{}",
            t!(
                lang,
                "keyfile-not-yours",
                path = &shown,
                env = ENV,
                owner = meta.uid().to_string(),
                me = me.to_string()
            )
        );
    }
    let mut text = Zeroizing::new(String::new());
    f.take(MAX_BYTES + 1)
        .read_to_string(&mut text)
        .with_context(|| t!(lang, "keyfile-not-text", path = &shown, env = ENV))?;
    if text.len() as u64 > MAX_BYTES {
        bail!(
            "{}",
            t!(
                lang,
                "keyfile-too-large",
                path = &shown,
                env = ENV,
                limit = crate::i18n::fmt::integer(MAX_BYTES as i64, lang)
            )
        );
    }
    DbKey::from_secret(&text).map_err(|e| {
        let reason = super::text::key_text_error(lang, &e);
        anyhow::anyhow!(
            "{}",
            t!(
                lang,
                "keyfile-bad-key",
                path = &shown,
                env = ENV,
                reason = reason
            )
        )
    })
}

/// Writes a new key to `path` (which must not exist yet), owner-only, synced to disk.
pub fn create(path: &Path, key: &DbKey, lang: Lang) -> Result<()> {
    write_new(path, key).with_context(|| {
        t!(
            lang,
            "keyfile-cannot-write",
            path = crate::text::printable_path(path)
        )
    })
}

fn write_new(path: &Path, key: &DbKey) -> std::io::Result<()> {
    let mut f = OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)?;
    // The mode above is masked by the umask; make sure of 0600 whatever the umask.
    f.set_permissions(std::fs::Permissions::from_mode(0o600))?;
    let mut line = key.secret_text();
    line.push('\n');
    f.write_all(line.as_bytes())?;
    f.sync_all()?;
    sync_dir(path);
    Ok(())
}

/// Replaces the key in `path` atomically: a crash leaves the old or the new key, never a
/// half-written one.
pub fn replace(path: &Path, key: &DbKey) -> Result<()> {
    let tmp = sibling(path, ".new");
    let _ = std::fs::remove_file(&tmp);
    write_new(&tmp, key)
        .and_then(|()| std::fs::rename(&tmp, path))
        .map(|()| sync_dir(path))
        .with_context(|| format!("cannot write the new key to {}", path.display()))
}

use crate::store::open::sync_dir;
pub use crate::store::open::with_suffix as sibling;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_created_key_file_is_0600_and_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("k");
        let key = DbKey::generate().unwrap();
        create(&p, &key, Lang::En).unwrap();
        let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert_eq!(
            *read(&p, Lang::En).unwrap().secret_text(),
            *key.secret_text()
        );
        assert!(
            create(&p, &key, Lang::En).is_err(),
            "an existing key file is never overwritten"
        );
    }

    #[test]
    fn a_readable_key_file_is_refused_with_the_fix() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("k");
        std::fs::write(&p, "a passphrase of sorts\n").unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o644)).unwrap();
        let e = format!("{:#}", read(&p, Lang::En).unwrap_err());
        assert!(e.contains("0644") && e.contains("chmod 600"), "{e}");
    }
}
