//! `INTAKE_KEY_FILE`: a key kept in a file that only its owner can read.

use std::fs::OpenOptions;
use std::io::{Read, Write};
use std::os::unix::fs::{MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::Path;

use anyhow::{Context, Result, bail};
use zeroize::Zeroizing;

use crate::store::DbKey;

/// The environment variable naming the key file.
pub const ENV: &str = "INTAKE_KEY_FILE";

/// A key file is a line of text; anything larger is not one.
const MAX_BYTES: u64 = 4096;

/// Reads the key in `path`, refusing a file that others could read or that is not the
/// user's own: whoever reads it reads every intake.
pub fn read(path: &Path) -> Result<DbKey> {
    let f = OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOCTTY)
        .open(path)
        .with_context(|| format!("key file {} ({ENV}): cannot open it", path.display()))?;
    let meta = f
        .metadata()
        .with_context(|| format!("key file {}: cannot read its mode", path.display()))?;
    if !meta.is_file() {
        bail!("key file {} ({ENV}) is not a regular file", path.display());
    }
    let mode = meta.permissions().mode() & 0o777;
    if mode & 0o077 != 0 {
        bail!(
            "key file {} ({ENV}) has mode {mode:04o}, so others can read it; it must be 0600 \
             (run: chmod 600 {}); the key was not used",
            path.display(),
            path.display()
        );
    }
    // SAFETY: geteuid has no preconditions and cannot fail.
    let me = unsafe { libc::geteuid() };
    if meta.uid() != me {
        bail!(
            "key file {} ({ENV}) belongs to user id {}, not to you ({me}); the key was not used",
            path.display(),
            meta.uid()
        );
    }
    let mut text = Zeroizing::new(String::new());
    f.take(MAX_BYTES + 1)
        .read_to_string(&mut text)
        .with_context(|| format!("key file {}: cannot read it as text", path.display()))?;
    if text.len() as u64 > MAX_BYTES {
        bail!(
            "key file {} ({ENV}) is larger than {MAX_BYTES} bytes: not a key",
            path.display()
        );
    }
    DbKey::from_secret(&text)
        .map_err(|e| anyhow::anyhow!("key file {} ({ENV}): {e}", path.display()))
}

/// Writes a new key to `path` (which must not exist yet), owner-only, synced to disk.
pub fn create(path: &Path, key: &DbKey) -> Result<()> {
    write_new(path, key)
        .with_context(|| format!("cannot write the new key file {}", path.display()))
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
        create(&p, &key).unwrap();
        let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
        assert_eq!(*read(&p).unwrap().secret_text(), *key.secret_text());
        assert!(
            create(&p, &key).is_err(),
            "an existing key file is never overwritten"
        );
    }

    #[test]
    fn a_readable_key_file_is_refused_with_the_fix() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("k");
        std::fs::write(&p, "a passphrase of sorts\n").unwrap();
        std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o644)).unwrap();
        let e = format!("{:#}", read(&p).unwrap_err());
        assert!(e.contains("0644") && e.contains("chmod 600"), "{e}");
    }
}
