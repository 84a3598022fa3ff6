//! The TUI in a real terminal (tmux) with no key file and no OS keyring: the first run asks
//! for a new passphrase twice and says where the key lives; the next run asks once, refuses
//! a wrong one and opens with the right one. The passphrase is never echoed, and it is in
//! no process's command line or environment. Needs tmux: fails (does not skip) without it.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_intake");
const WAIT: Duration = Duration::from_secs(30);
const PASSPHRASE: &str = "zonnebloem achter de dijk";

struct Pane {
    socket: PathBuf,
}

impl Pane {
    /// A tmux server of our own running `intake --db DB` without any key source.
    fn start(dir: &Path, db: &Path, name: &str) -> Pane {
        // A socket per run: a server just killed may still hold the old one.
        let p = Pane {
            socket: dir.join(format!("{name}.sock")),
        };
        let cmd = format!(
            "env -u INTAKE_KEY_FILE -u DBUS_SESSION_BUS_ADDRESS '{BIN}' --db '{}'; echo exit=$?; sleep 30",
            db.display()
        );
        let out = p.tmux(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "p",
            "-x",
            "110",
            "-y",
            "30",
            &cmd,
        ]);
        assert!(
            out.status.success(),
            "tmux is needed for this test: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        p
    }

    fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("run tmux")
    }

    fn screen(&self) -> String {
        String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "p"]).stdout).into_owned()
    }

    fn wait_for(&self, what: &str) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            let s = self.screen();
            if s.contains(what) {
                return s;
            }
            assert!(
                Instant::now() < deadline,
                "waited for {what:?}; the screen:\n{s}"
            );
            sleep(Duration::from_millis(50));
        }
    }

    fn type_line(&self, text: &str) {
        assert!(
            self.tmux(&["send-keys", "-t", "p", "-l", text])
                .status
                .success()
        );
        assert!(
            self.tmux(&["send-keys", "-t", "p", "Enter"])
                .status
                .success()
        );
    }

    fn keys(&self, k: &str) {
        assert!(self.tmux(&["send-keys", "-t", "p", k]).status.success());
    }
}

impl Drop for Pane {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
    }
}

/// No running intake process has the passphrase in its command line or environment.
fn passphrase_in_no_process() {
    for e in std::fs::read_dir("/proc").unwrap().flatten() {
        for file in ["cmdline", "environ"] {
            if let Ok(bytes) = std::fs::read(e.path().join(file)) {
                let text = String::from_utf8_lossy(&bytes);
                if text.contains(BIN) || text.contains("intake") {
                    assert!(!text.contains(PASSPHRASE), "{file} of {:?}", e.path());
                }
            }
        }
    }
}

#[test]
fn the_tui_asks_for_the_passphrase_when_no_key_file_or_keyring_is_there() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("intake.db");

    let first = Pane::start(dir.path(), &db, "first");
    first.wait_for("Kies een wachtwoordzin");
    first.type_line(PASSPHRASE);
    first.wait_for("Herhaal de wachtwoordzin");
    first.type_line(PASSPHRASE);
    let notice = first.wait_for("Druk op Enter");
    assert!(
        notice.contains("stored nowhere") || notice.contains("nergens"),
        "{notice}"
    );
    assert!(!notice.contains(PASSPHRASE), "echoed:\n{notice}");
    first.keys("Enter");
    first.wait_for("Welkom bij intake");
    passphrase_in_no_process();
    first.keys("q");
    first.wait_for("exit=0");
    drop(first);

    let bytes = std::fs::read(&db).unwrap();
    assert!(!bytes.is_empty() && !bytes.starts_with(b"SQLite format 3"));

    let again = Pane::start(dir.path(), &db, "again");
    again.wait_for("Wachtwoordzin voor");
    again.type_line("dit is hem niet");
    again.wait_for("Onjuiste wachtwoordzin (poging 1 van 3)");
    again.type_line(PASSPHRASE);
    let screen = again.wait_for("Welkom bij intake");
    assert!(!screen.contains(PASSPHRASE));
    again.keys("q");
    again.wait_for("exit=0");
    assert_eq!(std::fs::read(&db).unwrap().len() % 4096, 0);
}
