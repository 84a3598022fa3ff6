//! The OS keyring (issue 18) through the real binary, in a D-Bus session of the test's own with
//! a Secret Service (gnome-keyring, unlocked with a test password; `.ci/run` installs it). No
//! key file is given: a new database's key goes to the keyring and the first run says where;
//! later runs open with it; the key in the keyring is the database's key; with the entry
//! removed, the database is refused and its bytes stay as they were.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

const CUSTOMER: &str = "Tandartspraktijk Vertrouwelijk";

/// A home of its own (keyring files, runtime dir), so the test never touches a real keyring.
struct Session {
    dir: tempfile::TempDir,
}

impl Session {
    fn new() -> Session {
        let dir = tempfile::tempdir().unwrap();
        let run = dir.path().join("run");
        std::fs::create_dir_all(&run).unwrap();
        std::fs::set_permissions(&run, std::os::unix::fs::PermissionsExt::from_mode(0o700))
            .unwrap();
        Session { dir }
    }

    fn db(&self) -> PathBuf {
        self.dir.path().join("intake.db")
    }

    /// Runs `program args` inside a fresh D-Bus session whose Secret Service is unlocked; the
    /// keyring itself lives in the session's home, so it persists from one run to the next.
    fn run(&self, program: &str, args: &[&str]) -> Output {
        let script = "printf 'test-keyring' | gnome-keyring-daemon --daemonize --login >/dev/null \
                      && gnome-keyring-daemon --start --components=secrets >/dev/null \
                      && exec \"$@\"";
        Command::new("timeout")
            .args([
                "60",
                "dbus-run-session",
                "--",
                "sh",
                "-c",
                script,
                "sh",
                program,
            ])
            .args(args)
            .env("HOME", self.dir.path())
            .env("XDG_DATA_HOME", self.dir.path().join("data"))
            .env("XDG_RUNTIME_DIR", self.dir.path().join("run"))
            .env_remove("INTAKE_KEY_FILE")
            .env_remove("INTAKE_DB")
            .env_remove("DBUS_SESSION_BUS_ADDRESS")
            .env("USER", common::USER)
            .stdin(Stdio::null())
            .output()
            .expect("run dbus-run-session (packages dbus-daemon and gnome-keyring)")
    }

    fn intake(&self, args: &[&str]) -> Output {
        let db = self.db();
        let mut all = vec!["--db", db.to_str().unwrap(), "--lang", "en"];
        all.extend_from_slice(args);
        self.run(env!("CARGO_BIN_EXE_intake"), &all)
    }

    /// The secret the keyring holds for the database, as `secret-tool` reads it (the keyring
    /// crate files it under the attributes `service` and `username`).
    fn lookup(&self) -> String {
        let account = self.db().canonicalize().unwrap().display().to_string();
        let out = self.run(
            "secret-tool",
            &["lookup", "service", "intake", "username", &account],
        );
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    }

    fn forget(&self) {
        let account = self.db().canonicalize().unwrap().display().to_string();
        let out = self.run(
            "secret-tool",
            &["clear", "service", "intake", "username", &account],
        );
        assert!(out.status.success(), "{out:?}");
    }
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

fn bytes(p: &Path) -> Vec<u8> {
    std::fs::read(p).unwrap()
}

#[test]
fn without_a_key_file_the_key_lives_in_the_os_keyring() {
    let s = Session::new();
    let new = s.intake(&["new", "--customer", CUSTOMER]);
    assert!(new.status.success(), "{}", text(&new.stderr));
    let notice = text(&new.stderr);
    assert!(
        notice.contains("keyring") && notice.contains("service \"intake\""),
        "the first run says where the key lives: {notice}"
    );

    // The keyring holds a raw 256-bit key, and the file reveals nothing without it.
    let secret = s.lookup();
    assert!(
        secret.len() == 64 && secret.chars().all(|c| c.is_ascii_hexdigit()),
        "{secret:?}"
    );
    let file = bytes(&s.db());
    assert!(!file.starts_with(b"SQLite format 3"));
    assert!(!contains(&file, CUSTOMER.as_bytes()));

    // A later run opens it with the keyring's key, without a word about keys.
    let list = s.intake(&["list"]);
    assert!(list.status.success(), "{}", text(&list.stderr));
    assert!(text(&list.stdout).contains(CUSTOMER));
    assert!(
        !text(&list.stderr).contains("keyring"),
        "{}",
        text(&list.stderr)
    );

    // The same key as a key file opens it too: it is the database's key, not a copy of one.
    let key_file = s.dir.path().join("from-keyring.key");
    std::fs::write(&key_file, &secret).unwrap();
    std::fs::set_permissions(
        &key_file,
        std::os::unix::fs::PermissionsExt::from_mode(0o600),
    )
    .unwrap();
    let by_file = Command::new(env!("CARGO_BIN_EXE_intake"))
        .args(["--db", s.db().to_str().unwrap(), "--lang", "en", "list"])
        .env("INTAKE_KEY_FILE", &key_file)
        .env_remove("DBUS_SESSION_BUS_ADDRESS")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(by_file.status.success(), "{}", text(&by_file.stderr));
    assert!(text(&by_file.stdout).contains(CUSTOMER));

    // With the entry gone (another machine, a wiped keyring) the database is refused, clearly,
    // and left as it was.
    s.forget();
    let before = bytes(&s.db());
    let refused = s.intake(&["list"]);
    assert!(!refused.status.success());
    let err = text(&refused.stderr);
    assert!(err.contains("INTAKE_KEY_FILE"), "{err}");
    assert_eq!(
        bytes(&s.db()),
        before,
        "a refused open leaves the file alone"
    );
}
