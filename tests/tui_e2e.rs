//! End-to-end: the real binary in a real terminal (tmux). Create an intake, answer
//! questions of several types, add a repeat entry, quit, start again and find every
//! answer; then kill the process with SIGKILL while typing and find the saved answers
//! and the draft back. Needs tmux: fails (does not skip) when it is missing.

#[path = "common/testkey.rs"]
mod testkey;

use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::thread::sleep;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_intake");
/// Upper bound for any one wait; a debug build on a busy machine needs some slack.
const WAIT: Duration = Duration::from_secs(20);
const POLL: Duration = Duration::from_millis(25);

/// A tmux server of our own (its own socket, no user config), killed on drop.
struct Tmux {
    socket: PathBuf,
    db: PathBuf,
}

impl Tmux {
    fn start(dir: &Path) -> Tmux {
        let version = Command::new("tmux").arg("-V").output();
        assert!(
            version.as_ref().is_ok_and(|o| o.status.success()),
            "tmux is needed for this test (apt-get install tmux; .ci/run installs it): {version:?}"
        );
        let t = Tmux {
            socket: dir.join("tmux.sock"),
            db: dir.join("intake.db"),
        };
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
            "120",
            "-y",
            "35",
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
    /// unreaped when tmux was driven this fast).
    fn command(&self) -> String {
        let _ = std::fs::remove_file(self.status_file());
        let status = self.status_file();
        format!(
            "INTAKE_KEY_FILE='{}' '{BIN}' --db '{}'; echo $? > '{}'",
            testkey::key_file(&self.db).display(),
            self.db.display(),
            status.display()
        )
    }

    fn status_file(&self) -> PathBuf {
        self.socket.with_file_name("exit-status")
    }

    /// The pid of the program: the child of the pane's shell (found in /proc).
    fn program_pid(&self) -> u32 {
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

    fn tmux(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-S")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("run tmux")
    }

    fn respawn(&self) {
        let out = self.tmux(&["respawn-pane", "-k", "-t", "e2e", &self.command()]);
        assert!(
            out.status.success(),
            "respawn: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    /// The screen as text, read until two reads 10 ms apart agree, so that a frame
    /// still being written is not taken for the result.
    fn capture(&self) -> String {
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
    fn wait_all(&self, what: &[&str]) -> String {
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

    fn format(&self, f: &str) -> String {
        String::from_utf8_lossy(&self.tmux(&["display-message", "-p", "-t", "e2e", f]).stdout)
            .trim()
            .to_string()
    }

    /// Waits until the screen shows `what`; panics with the screen after `WAIT`.
    fn wait_for(&self, what: &str) -> String {
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

    fn keys(&self, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", "e2e"];
        args.extend_from_slice(keys);
        assert!(self.tmux(&args).status.success(), "send-keys {keys:?}");
    }

    fn text(&self, text: &str) {
        assert!(
            self.tmux(&["send-keys", "-t", "e2e", "-l", text])
                .status
                .success(),
            "send-keys -l {text:?}"
        );
    }

    /// Types `text` into the focused question's editor and saves it with Enter.
    fn answer(&self, text: &str) {
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
    fn main_lines(&self) -> Vec<String> {
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
    fn section_title(&self) -> String {
        self.main_lines()
            .into_iter()
            .find(|l| !l.trim().is_empty())
            .map(|l| l.split("  ").next().unwrap_or("").trim().to_string())
            .unwrap_or_default()
    }

    /// The label of the focused question, and the line under it (its value).
    fn focused(&self) -> (String, String) {
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
    fn wait_change<T: PartialEq>(&self, before: &T, probe: impl Fn(&Self) -> T) -> bool {
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
    fn focus(&self, label: &str) {
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
    fn wait_value(&self, value: &str) {
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
    fn section(&self, title: &str) {
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
    fn wait_exit(&self) -> String {
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
    fn wait_format(&self, f: &str, want: &str) {
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

fn show(db: &Path) -> Value {
    let out = Command::new(BIN)
        .env("INTAKE_KEY_FILE", testkey::key_file(db))
        .args(["--db"])
        .arg(db)
        .args(["show", "1", "--json"])
        .output()
        .expect("run intake show");
    assert!(
        out.status.success(),
        "intake show: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("show --json is JSON")
}

#[test]
fn answers_survive_quit_and_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let t = Tmux::start(dir.path());
    t.wait_for("Welkom bij intake");

    // A new intake.
    t.keys(&["n"]);
    t.wait_for("Nieuwe intake");
    t.text("Bakkerij Jansen");
    t.wait_for("Bakkerij Jansen");
    t.keys(&["Enter"]);
    t.wait_for("#1 Bakkerij Jansen");

    // Text and e-mail.
    t.focus("Contactpersoon");
    t.answer("Jan de Vries");
    t.focus("E-mailadres contactpersoon");
    t.answer("jan@bakkerij.nl");

    // KvK, postcode (normalised), IBAN, a single choice.
    t.section("Bedrijf");
    t.focus("KvK-nummer");
    t.answer("12345678");
    t.focus("Postcode");
    t.answer("1234ab");
    t.focus("IBAN");
    t.answer("NL91ABNA0417164300");
    t.focus("Branche");
    t.keys(&["Enter"]);
    t.wait_for("( ) Zorg en welzijn");
    t.keys(&["Down", "Down", "Enter"]);
    t.wait_for("Zorg en welzijn");
    t.wait_for("▶ Aantal medewerkers");

    // A number, a multiple choice, yes/no.
    t.section("Werkplekken");
    t.focus("Aantal werkplekken");
    t.answer("8");
    t.focus("Besturingssystemen");
    t.keys(&["Enter"]);
    t.wait_for("[ ] Windows 11");
    t.keys(&["Space"]);
    t.wait_for("[x] Windows 11");
    t.keys(&["Down", "Space"]);
    t.wait_for("[x] Windows 10");
    t.keys(&["Enter"]);
    t.wait_for("Windows 11, Windows 10");
    t.focus("Apple-computers aanwezig");
    t.keys(&["n"]);
    t.wait_value("nee");

    // A repeat group: the first location, then a second one added with a.
    t.section("Locaties");
    t.focus("Naam van de locatie");
    t.answer("Hoofdkantoor");
    t.keys(&["a"]);
    t.wait_for("Locatie 2 / 2");
    t.focus("Naam van de locatie");
    t.answer("Magazijn");

    // A mobile number in the users group.
    t.section("Gebruikers");
    t.focus("Naam");
    t.answer("Piet Bakker");
    t.focus("Mobiel nummer");
    t.answer("06 12345678");

    // A date.
    t.section("Planning");
    t.focus("Gewenste startdatum");
    t.answer("2099-06-01");

    // Quit with q; the program ends cleanly and leaves the terminal as it was.
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), "0", "exit status after q");
    t.wait_format("#{alternate_on}", "0");
    t.wait_format("#{mouse_any_flag}", "0");

    let expected = json!({
        "intake.contact_name": "Jan de Vries",
        "intake.contact_email": "jan@bakkerij.nl",
        "company.kvk": "12345678",
        "company.postcode": "1234 AB",
        "company.iban": "NL91ABNA0417164300",
        "company.sector": "healthcare",
        "workstations.count": 8,
        "workstations.os": ["windows_11", "windows_10"],
        "workstations.apple": false,
        "locations[1].name": "Hoofdkantoor",
        "locations[2].name": "Magazijn",
        "users[1].name": "Piet Bakker",
        "users[1].mobile": "+31612345678",
        "planning.go_live": "2099-06-01",
    });
    let check = |when: &str| {
        let shown = show(&t.db);
        for (k, v) in expected.as_object().unwrap() {
            assert_eq!(shown["answers"].get(k), Some(v), "{when}: answer {k}");
        }
    };
    check("after q");

    // Start again: the list shows the intake; opening it returns to Planning.
    t.respawn();
    t.wait_for("Bakkerij Jansen");
    t.keys(&["Enter"]);
    t.wait_all(&["#1 Bakkerij Jansen", "2099-06-01"]);
    assert_eq!(t.section_title(), "Planning", "reopened where we were");
    for _ in 0..11 {
        t.keys(&["PPage"]);
    }
    t.wait_all(&[
        "│Bedrijf ",
        "12345678",
        "1234 AB",
        "NL91 ABNA 0417 1643 00",
        "Zorg en welzijn",
    ]);
    t.keys(&["NPage", "NPage"]);
    t.wait_all(&["│Locaties ", "1:Hoofdkantoor", "2:Magazijn"]);

    // Type into a field and kill the process mid-typing.
    t.keys(&["PPage", "PPage"]);
    t.wait_for("│Bedrijf ");
    t.focus("Plaats");
    t.keys(&["Enter"]);
    t.wait_for("Ctrl-U");
    t.text("Utrec");
    t.wait_for("Utrec");
    let pid = t.program_pid().to_string();
    let kill = Command::new("kill")
        .args(["-9", &pid])
        .status()
        .expect("kill");
    assert!(kill.success());
    assert_eq!(t.wait_exit(), "137", "killed by SIGKILL");
    check("after SIGKILL");
    assert!(
        show(&t.db)["answers"].get("company.city").is_none(),
        "a draft is not an answer"
    );

    // Start again: every answer is there and the draft is back in the editor.
    t.respawn();
    t.wait_for("Bakkerij Jansen");
    t.keys(&["Enter"]);
    let screen = t.wait_for("Utrec");
    assert!(
        screen.contains("▶ Plaats") && screen.contains("Ctrl-U"),
        "the editor is open on Plaats:\n{screen}"
    );
    t.text("ht");
    t.keys(&["Enter"]);
    t.wait_for("✓ Opgeslagen");
    assert_eq!(show(&t.db)["answers"]["company.city"], json!("Utrecht"));
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), "0", "exit status after the second q");
}
