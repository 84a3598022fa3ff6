//! A tmux server of our own driving the real binary in a real terminal, counting the
//! keystrokes sent (named keys and typed characters apart).

use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_intake");

/// The binary on the test database `db`, with the test key (a new database is encrypted).
pub fn intake_cmd(db: &Path) -> Command {
    let mut c = Command::new(BIN);
    c.env("INTAKE_KEY_FILE", super::testkey::key_file(db))
        .arg("--db")
        .arg(db);
    c
}
/// Upper bound for any one wait; a debug build on a busy machine needs some slack.
pub const WAIT: Duration = Duration::from_secs(20);
pub const POLL: Duration = Duration::from_millis(25);

/// A tmux server of our own (its own socket, no user config), killed on drop.
pub struct Tmux {
    pub socket: PathBuf,
    pub db: PathBuf,
    /// Arguments after `--db DB` (e.g. `--lang en`).
    args: String,
    /// `NAME=value` pairs the program runs with (e.g. `HOME=/tmp/x`).
    env: String,
    /// Whether the program gets the test key file; without it (and without a keyring) it
    /// asks for a passphrase.
    key_file: bool,
    /// Named keys (Enter, Down, y ...) sent with `keys`.
    pub key_count: Cell<usize>,
    /// Characters typed with `text`.
    pub char_count: Cell<usize>,
}

impl Tmux {
    pub fn start(dir: &Path) -> Tmux {
        Tmux::start_with(dir, "", 120, 35)
    }

    /// Starts `intake --db DIR/intake.db ARGS` in a `width` x `height` pane.
    pub fn start_with(dir: &Path, args: &str, width: u16, height: u16) -> Tmux {
        Tmux::start_env(dir, "", args, width, height)
    }

    /// As `start_with`, the program running with the environment `env` added.
    pub fn start_env(dir: &Path, env: &str, args: &str, width: u16, height: u16) -> Tmux {
        Tmux::launch(dir, env, args, width, height, true)
    }

    /// As `start_env`, without a key file and without the session bus (so no keyring):
    /// the program asks for the database's passphrase on the terminal.
    pub fn start_asking_passphrase(dir: &Path, env: &str, width: u16, height: u16) -> Tmux {
        Tmux::launch(dir, env, "", width, height, false)
    }

    fn launch(dir: &Path, env: &str, args: &str, width: u16, height: u16, key_file: bool) -> Tmux {
        let version = Command::new("tmux").arg("-V").output();
        assert!(
            version.as_ref().is_ok_and(|o| o.status.success()),
            "tmux is needed for this test (apt-get install tmux; .ci/run installs it): {version:?}"
        );
        let t = Tmux {
            socket: dir.join("tmux.sock"),
            db: dir.join("intake.db"),
            args: args.to_string(),
            env: env.to_string(),
            key_file,
            key_count: Cell::new(0),
            char_count: Cell::new(0),
        };
        let (w, h) = (width.to_string(), height.to_string());
        // `exec` so the pane's pid is the program itself (for the SIGKILL test), and
        // remain-on-exit so the pane and its exit status stay to be inspected.
        let out = t.tmux(&[
            "-f",
            "/dev/null",
            "new-session",
            "-d",
            "-s",
            "e2e",
            "-x",
            &w,
            "-y",
            &h,
            &t.command(),
            ";",
            "set-option",
            "-g",
            "remain-on-exit",
            "on",
        ]);
        assert!(
            out.status.success(),
            "tmux new-session: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        t
    }

    /// The shell in the pane runs the program and writes its exit status to a file:
    /// tmux's own `pane_dead_status` proved unreliable (the child was at times left
    /// unreaped when tmux was driven this fast). Then it writes the terminal's modes
    /// as `stty -a` reads them (`stty_file`), to see that the program restored them.
    pub fn command(&self) -> String {
        let _ = std::fs::remove_file(self.status_file());
        let _ = std::fs::remove_file(self.stty_file());
        let status = self.status_file();
        let key = if self.key_file {
            format!(
                "INTAKE_KEY_FILE='{}'",
                super::testkey::key_file(&self.db).display()
            )
        } else {
            "-u INTAKE_KEY_FILE -u DBUS_SESSION_BUS_ADDRESS".to_string()
        };
        format!(
            "env {key} {} '{BIN}' --db '{}' {}; echo $? > '{}.tmp'; stty -a > '{}'; mv '{}.tmp' '{}'",
            self.env,
            self.db.display(),
            self.args,
            status.display(),
            self.stty_file().display(),
            status.display(),
            status.display()
        )
    }

    /// `stty -a` of the pane, taken after the program ended.
    pub fn stty_file(&self) -> PathBuf {
        self.socket.with_file_name("stty-after")
    }

    pub fn status_file(&self) -> PathBuf {
        self.socket.with_file_name("exit-status")
    }

    /// The pid of the program: the child of the pane's shell (found in /proc).
    pub fn program_pid(&self) -> u32 {
        let shell = self.format("#{pane_pid}");
        for e in std::fs::read_dir("/proc").expect("/proc").flatten() {
            let Ok(stat) = std::fs::read_to_string(e.path().join("stat")) else {
                continue;
            };
            // pid (comm) state ppid ...; comm may contain spaces, so split after ')'.
            let Some((head, rest)) = stat.rsplit_once(')') else {
                continue;
            };
            let ppid = rest.split_whitespace().nth(1).unwrap_or("");
            if ppid == shell && head.contains("(intake") {
                return head
                    .split_whitespace()
                    .next()
                    .unwrap_or("")
                    .parse()
                    .expect("pid");
            }
        }
        panic!("no intake process under the pane's shell {shell}");
    }

    pub fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("run tmux")
    }

    pub fn respawn(&self) {
        let out = self.tmux(&["respawn-pane", "-k", "-t", "e2e", &self.command()]);
        assert!(
            out.status.success(),
            "respawn: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// The screen as text, read until two reads 10 ms apart agree, so that a frame
    /// still being written is not taken for the result.
    pub fn capture(&self) -> String {
        let read = || {
            String::from_utf8_lossy(&self.tmux(&["capture-pane", "-p", "-t", "e2e"]).stdout)
                .into_owned()
        };
        let mut last = read();
        for _ in 0..50 {
            sleep(Duration::from_millis(10));
            let now = read();
            if now == last {
                break;
            }
            last = now;
        }
        last
    }

    /// Waits until the screen shows all of `what`.
    pub fn wait_all(&self, what: &[&str]) -> String {
        let deadline = Instant::now() + WAIT;
        let mut screen = self.capture();
        while Instant::now() < deadline && !what.iter().all(|w| screen.contains(w)) {
            sleep(POLL);
            screen = self.capture();
        }
        let missing: Vec<_> = what.iter().filter(|w| !screen.contains(*w)).collect();
        assert!(
            missing.is_empty(),
            "waited {WAIT:?} for {missing:?}; the screen:\n{screen}"
        );
        screen
    }

    pub fn format(&self, f: &str) -> String {
        String::from_utf8_lossy(&self.tmux(&["display-message", "-p", "-t", "e2e", f]).stdout)
            .trim()
            .to_string()
    }

    /// Waits until the screen shows `what`; panics with the screen after `WAIT`.
    pub fn wait_for(&self, what: &str) -> String {
        let deadline = Instant::now() + WAIT;
        let mut screen = String::new();
        for _ in 0..(WAIT.as_millis() / POLL.as_millis()) {
            screen = self.capture();
            if screen.contains(what) || Instant::now() > deadline {
                break;
            }
            sleep(POLL);
        }
        assert!(
            screen.contains(what),
            "waited {WAIT:?} for {what:?}; the screen:\n{screen}"
        );
        screen
    }

    pub fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        assert!(self.tmux(&args).status.success(), "send-keys {keys:?}");
        self.key_count.set(self.key_count.get() + keys.len());
    }

    pub fn text(&self, text: &str) {
        assert!(
            self.tmux(&["send-keys", "-t", "e2e", "-l", text])
                .status
                .success(),
            "send-keys -l {text:?}"
        );
        self.char_count
            .set(self.char_count.get() + text.chars().count());
    }

    /// Types `text` into the focused question's editor and saves it with Enter.
    pub fn answer(&self, text: &str) {
        self.keys(&["Enter"]);
        self.wait_for("Ctrl-U");
        self.text(text);
        self.wait_for(text);
        self.keys(&["Enter"]);
        self.wait_for("✓ Opgeslagen");
        // The next key must not arrive while the status still shows an older save.
        self.wait_for("Enter invullen");
    }

    /// The question area of the screen: each line right of the sidebar's border.
    pub fn main_lines(&self) -> Vec<String> {
        self.capture()
            .lines()
            .map(|l| {
                l.split_once('│')
                    .map(|(_, r)| r.to_string())
                    .unwrap_or_default()
            })
            .collect()
    }

    /// The title of the section on screen (the first line of the question area).
    pub fn section_title(&self) -> String {
        self.main_lines()
            .into_iter()
            .find(|l| !l.trim().is_empty())
            .map(|l| l.split("  ").next().unwrap_or("").trim().to_string())
            .unwrap_or_default()
    }

    /// The label of the focused question, and the line under it (its value).
    pub fn focused(&self) -> (String, String) {
        let lines = self.main_lines();
        let Some(i) = lines.iter().position(|l| l.starts_with("▶ ")) else {
            return Default::default();
        };
        let label = lines[i]
            .trim_start_matches("▶ ")
            .split("  ")
            .next()
            .unwrap_or("")
            .trim()
            .to_string();
        let value = lines
            .get(i + 1)
            .map(|l| l.split('│').next().unwrap_or("").trim().to_string())
            .unwrap_or_default();
        (label, value)
    }

    /// Waits (bounded) until `probe` gives something other than `before`.
    pub fn wait_change<T: PartialEq>(&self, before: &T, probe: impl Fn(&Self) -> T) -> bool {
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if probe(self) != *before {
                return true;
            }
            sleep(POLL);
        }
        false
    }

    /// Moves the focus down (at most 40 questions) until the question `label` has it.
    /// Each Down is followed by waiting for the focus to move, so no key overshoots.
    pub fn focus(&self, label: &str) {
        for _ in 0..40 {
            let (cur, _) = self.focused();
            if cur.starts_with(label) {
                return;
            }
            self.keys(&["Down"]);
            if !self.wait_change(&cur, |t| t.focused().0) {
                break;
            }
        }
        panic!(
            "question {label} not reached; the screen:\n{}",
            self.capture()
        );
    }

    /// Waits until the focused question shows `value` under its label.
    pub fn wait_value(&self, value: &str) {
        let deadline = Instant::now() + WAIT;
        while Instant::now() < deadline {
            if self.focused().1 == value {
                return;
            }
            sleep(POLL);
        }
        panic!(
            "the focused question never showed {value:?}; the screen:\n{}",
            self.capture()
        );
    }

    /// Pages forward (at most 15 sections) until the section `title` is shown.
    pub fn section(&self, title: &str) {
        for _ in 0..15 {
            let cur = self.section_title();
            if cur == title {
                return;
            }
            self.keys(&["NPage"]);
            if !self.wait_change(&cur, |t| t.section_title()) {
                break;
            }
        }
        panic!(
            "section {title} not reached; the screen:\n{}",
            self.capture()
        );
    }

    /// Waits for the program to end and returns its exit status as the shell saw it
    /// (128 + the signal when killed).
    pub fn wait_exit(&self) -> String {
        let deadline = Instant::now() + WAIT;
        while Instant::now() < deadline {
            if let Ok(s) = std::fs::read_to_string(self.status_file()) {
                return s.trim().to_string();
            }
            sleep(POLL);
        }
        panic!(
            "the program did not end within {WAIT:?}; the screen:\n{}",
            self.capture()
        );
    }

    /// Waits (bounded) until the tmux format `f` reads `want`.
    pub fn wait_format(&self, f: &str, want: &str) {
        let deadline = Instant::now() + WAIT;
        while Instant::now() < deadline && self.format(f) != want {
            sleep(POLL);
        }
        assert_eq!(self.format(f), want, "{f}");
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = self.tmux(&["kill-server"]);
    }
}
