//! Writing and reading files the user names: never half a file after a full disk or a crash,
//! never readable by others (every file we write holds personal data: bundles, PDFs, probe
//! files, the self-filled return file), never following a link planted at a temporary path,
//! and never reading more than a limit from a file we did not write.

use std::fs::{File, Permissions};
use std::io::{self, Write};
use std::os::unix::fs::PermissionsExt;
use std::path::Path;

/// Mode of every file we write: owner read/write only, whatever the umask.
pub const PRIVATE_MODE: u32 = 0o600;

/// Writes `bytes` to `path` through a temporary file next to it, created exclusively
/// (`O_EXCL`, an unpredictable name, so a planted symlink or file is never followed or
/// touched), made 0600, synced, then renamed over the target. A target that exists and is
/// not a regular file (a device node, a folder, a pipe, a symlink) is refused untouched.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    refuse_non_regular(path)?;
    let dir = parent_dir(path);
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("out");
    let mut tmp = tempfile::Builder::new()
        .prefix(&format!(".{}.", crate::text::printable(name)))
        .suffix(".tmp")
        .permissions(Permissions::from_mode(PRIVATE_MODE))
        .tempfile_in(dir)?;
    // The umask may have taken bits off the mode asked for at creation; fchmod is exact.
    tmp.as_file()
        .set_permissions(Permissions::from_mode(PRIVATE_MODE))?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    // Checked again right before the rename: the name may have been taken meanwhile.
    refuse_non_regular(path)?;
    // On failure the temporary file is removed when `tmp` (inside the error) is dropped.
    tmp.persist(path).map_err(|e| e.error)?;
    // The rename itself is durable only once the folder is synced; a failure here changes
    // nothing about the file, which is complete.
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

fn parent_dir(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// An error when `path` exists and is anything but a regular file (not following links).
fn refuse_non_regular(path: &Path) -> io::Result<()> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_file() => Ok(()),
        Ok(m) => Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            format!(
                "{} exists and is {}, not a regular file; it was left untouched, choose another name",
                crate::text::printable(&path.display().to_string()),
                kind_of(&m.file_type())
            ),
        )),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(e),
    }
}

fn kind_of(t: &std::fs::FileType) -> &'static str {
    use std::os::unix::fs::FileTypeExt;
    if t.is_symlink() {
        "a symbolic link"
    } else if t.is_dir() {
        "a folder"
    } else if t.is_block_device() || t.is_char_device() {
        "a device"
    } else if t.is_fifo() {
        "a pipe"
    } else if t.is_socket() {
        "a socket"
    } else {
        "something else"
    }
}

/// What kind of file was being read: named in the message when one is too large.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    Form,
    Bundle,
    ProbeFile,
    Other,
}

impl FileKind {
    /// The Fluent id of the kind's name ("a bundle").
    pub fn message_id(self) -> &'static str {
        match self {
            FileKind::Form => "file-kind-form",
            FileKind::Bundle => "file-kind-bundle",
            FileKind::ProbeFile => "file-kind-probe",
            FileKind::Other => "file-kind-other",
        }
    }
}

impl std::fmt::Display for FileKind {
    /// English, for `Display` of the error (form diagnostics, logs).
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            FileKind::Form => "a form",
            FileKind::Bundle => "a bundle",
            FileKind::ProbeFile => "a probe file",
            FileKind::Other => "this file",
        })
    }
}

/// Why a file named by the user could not be read; the caller adds which file. `Display`
/// is English (logs, form diagnostics); the CLI renders it in the user's language.
#[derive(Debug, thiserror::Error)]
pub enum ReadError {
    #[error("cannot open: {0}")]
    Open(io::Error),
    #[error("cannot read: {0}")]
    Read(io::Error),
    #[error("larger than the {limit} byte limit for {kind}")]
    TooLarge { limit: usize, kind: FileKind },
    #[error("not UTF-8 text (byte {0})")]
    NotUtf8(usize),
}

/// A `ReadError` with the (escaped) name of the file it concerns.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {error}")]
pub struct FileReadError {
    pub path: String,
    pub error: ReadError,
}

/// Reads at most `limit` bytes of an untrusted file; a larger file is refused before it
/// is parsed. The limit is applied while reading, not taken from metadata: `/dev/zero` or
/// a growing file stops at the limit too.
pub fn read_capped(file: &Path, limit: usize, kind: FileKind) -> Result<Vec<u8>, ReadError> {
    use std::io::Read;
    let f = File::open(file).map_err(ReadError::Open)?;
    let mut buf = Vec::new();
    f.take(limit as u64 + 1)
        .read_to_end(&mut buf)
        .map_err(ReadError::Read)?;
    if buf.len() > limit {
        return Err(ReadError::TooLarge { limit, kind });
    }
    Ok(buf)
}

/// `read_capped` for text: the same limit, then UTF-8 or where it is not.
pub fn read_capped_text(file: &Path, limit: usize, kind: FileKind) -> Result<String, ReadError> {
    let bytes = read_capped(file, limit, kind)?;
    String::from_utf8(bytes).map_err(|e| ReadError::NotUtf8(e.utf8_error().valid_up_to()))
}

/// `read_capped` with the (escaped) file name in the error.
pub fn read_limited(file: &Path, limit: usize, kind: FileKind) -> anyhow::Result<Vec<u8>> {
    read_capped(file, limit, kind).map_err(|e| named(file, e))
}

/// `read_capped_text` with the (escaped) file name in the error.
pub fn read_limited_text(file: &Path, limit: usize, kind: FileKind) -> anyhow::Result<String> {
    read_capped_text(file, limit, kind).map_err(|e| named(file, e))
}

fn named(file: &Path, error: ReadError) -> anyhow::Error {
    anyhow::Error::new(FileReadError {
        path: crate::text::printable_path(file),
        error,
    })
}

#[cfg(test)]
#[path = "fsutil_tests.rs"]
mod tests;
