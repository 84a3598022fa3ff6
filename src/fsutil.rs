//! Writing files so that a full disk or a crash never leaves half a file behind.

use std::io::Write;
use std::path::Path;

/// Writes next to the target, syncs, then renames over it.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("out");
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Reads at most `limit` bytes of an untrusted file; a larger file is refused before
/// it is parsed, with a message naming the file, the limit and what it should have been.
pub fn read_limited(file: &Path, limit: usize, what: &str) -> anyhow::Result<Vec<u8>> {
    use anyhow::Context;
    use std::io::Read;
    let f =
        std::fs::File::open(file).with_context(|| format!("{}: cannot open", file.display()))?;
    let mut buf = Vec::new();
    f.take(limit as u64 + 1)
        .read_to_end(&mut buf)
        .with_context(|| format!("{}: cannot read", file.display()))?;
    if buf.len() > limit {
        anyhow::bail!(
            "{}: larger than the {limit} byte limit for {what}",
            file.display()
        );
    }
    Ok(buf)
}

#[cfg(test)]
mod tests {
    #[test]
    fn writes_whole_files_and_leaves_no_temp_on_error() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.json");
        super::write_atomic(&p, b"hello").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"hello");
        let bad = dir.path().join("missing-dir").join("b.json");
        assert!(super::write_atomic(&bad, b"x").is_err());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
