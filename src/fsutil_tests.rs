use super::*;
use std::os::unix::fs::MetadataExt;

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().mode() & 0o777
}

#[test]
fn writes_whole_private_files_and_leaves_no_temp_on_error() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("a.json");
    write_atomic(&p, b"hello").unwrap();
    assert_eq!(std::fs::read(&p).unwrap(), b"hello");
    assert_eq!(mode(&p), 0o600);
    // Replacing a world-readable file leaves a private one.
    std::fs::set_permissions(&p, Permissions::from_mode(0o644)).unwrap();
    write_atomic(&p, b"again").unwrap();
    assert_eq!(
        (std::fs::read(&p).unwrap(), mode(&p)),
        (b"again".to_vec(), 0o600)
    );
    let bad = dir.path().join("missing-dir").join("b.json");
    assert!(write_atomic(&bad, b"x").is_err());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn a_target_that_is_not_a_regular_file_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let victim = dir.path().join("victim.txt");
    std::fs::write(&victim, b"keep me").unwrap();
    let link = dir.path().join("out.json");
    std::os::unix::fs::symlink(&victim, &link).unwrap();
    let e = write_atomic(&link, b"x").unwrap_err();
    assert!(e.to_string().contains("symbolic link"), "{e}");
    assert_eq!(std::fs::read(&victim).unwrap(), b"keep me");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    let folder = dir.path().join("folder");
    std::fs::create_dir(&folder).unwrap();
    assert!(
        write_atomic(&folder, b"x")
            .unwrap_err()
            .to_string()
            .contains("a folder")
    );
    let e = write_atomic(Path::new("/dev/null"), b"x").unwrap_err();
    assert!(e.to_string().contains("a device"), "{e}");
    // Nothing left behind: the victim, the link and the folder only.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 3);
}

#[test]
fn read_limited_stops_at_the_limit_of_an_endless_file() {
    let e = read_limited(Path::new("/dev/zero"), 1024, FileKind::Form).unwrap_err();
    assert!(e.to_string().contains("1024 byte limit for a form"), "{e}");
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("x.txt");
    std::fs::write(&p, b"ok\xff").unwrap();
    assert_eq!(read_limited(&p, 3, FileKind::Other).unwrap(), b"ok\xff");
    assert!(
        read_limited_text(&p, 3, FileKind::Other)
            .unwrap_err()
            .to_string()
            .contains("not UTF-8")
    );
}
