//! SIGTERM, SIGHUP and SIGINT end the TUI the way `q` does: the draft being typed is
//! saved, the terminal is left as it was found (raw mode off — `stty -a` after the
//! program shows `icanon` and `echo` again —, the alternate screen left, mouse capture
//! off), and the exit status is 128 + the signal. The self-filled finish writes the
//! return file in the customer's home folder, private, never over another file.
//! The real binary in tmux; needs tmux (fails, does not skip, without it).

mod tui_util;

use std::process::Command;
use tui_util::tmux::{Tmux, intake_cmd};

/// Opens a new intake and leaves "Jan de V" typed (not saved) in Contactpersoon.
fn typing_a_draft(t: &Tmux) {
    t.wait_for("Welkom bij intake");
    t.keys(&["n"]);
    t.wait_for("Nieuwe intake");
    t.text("Bakkerij Jansen");
    t.keys(&["Enter"]);
    t.wait_for("#1 Bakkerij Jansen");
    t.focus("Contactpersoon");
    t.keys(&["Enter"]);
    t.wait_for("Ctrl-U");
    t.text("Jan de V");
    t.wait_for("Jan de V");
}

/// The intake opens with its editor on the saved draft "Jan de V"; then `q`.
fn the_draft_is_back(t: &Tmux) {
    t.wait_for("Bakkerij Jansen");
    t.keys(&["Enter"]);
    let screen = t.wait_for("Jan de V");
    assert!(
        screen.contains("▶ Contactpersoon") && screen.contains("Ctrl-U"),
        "the editor is open on the draft:\n{screen}"
    );
    t.keys(&["q"]);
}

fn ends_cleanly_on(signal: &str, status: &str) {
    let dir = tempfile::tempdir().unwrap();
    let t = Tmux::start(dir.path());
    typing_a_draft(&t);
    // The terminal is in raw mode now; the check below must see that undone.
    let pid = t.program_pid().to_string();
    let sent = Command::new("kill")
        .args(["-s", signal, &pid])
        .status()
        .unwrap();
    assert!(sent.success());
    assert_eq!(t.wait_exit(), status, "exit status after SIG{signal}");
    t.wait_format("#{alternate_on}", "0");
    t.wait_format("#{mouse_any_flag}", "0");
    let stty = std::fs::read_to_string(t.stty_file()).expect("stty -a after the program");
    let flags: Vec<&str> = stty.split_whitespace().collect();
    for on in ["icanon", "echo", "isig", "icrnl", "opost"] {
        assert!(
            flags.contains(&on),
            "{on} is back on after SIG{signal}:\n{stty}"
        );
    }
    // The draft is back when the program starts again.
    t.respawn();
    the_draft_is_back(&t);
}

#[test]
fn sigterm_restores_the_terminal_and_keeps_the_draft() {
    ends_cleanly_on("TERM", "143");
}

#[test]
fn sighup_restores_the_terminal_and_keeps_the_draft() {
    ends_cleanly_on("HUP", "129");
}

#[test]
fn sigint_restores_the_terminal_and_keeps_the_draft() {
    ends_cleanly_on("INT", "130");
}

/// Whether process `pid` still runs (a zombie waiting to be reaped has ended).
fn running(pid: u32) -> bool {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| {
            let state = s.rsplit_once(')')?.1.split_whitespace().next()?.to_string();
            Some(state != "Z" && state != "X")
        })
        .unwrap_or(false)
}

/// The terminal itself goes away, as when an SSH connection drops or the tmux session is
/// killed: the kernel hangs it up and sends SIGHUP. The program saves the draft and
/// ends, instead of spinning on a dead terminal that never gives it a chance to look at
/// the signal (crossterm issue #793).
#[test]
fn a_terminal_that_hangs_up_ends_the_program_and_keeps_the_draft() {
    let dir = tempfile::tempdir().unwrap();
    let t = Tmux::start(dir.path());
    typing_a_draft(&t);
    let pid = t.program_pid();
    assert!(running(pid));
    let killed = t.tmux(&["kill-server"]);
    assert!(killed.status.success(), "tmux kill-server");
    let start = std::time::Instant::now();
    while running(pid) && start.elapsed() < tui_util::tmux::WAIT {
        std::thread::sleep(tui_util::tmux::POLL);
    }
    assert!(
        !running(pid),
        "the program still runs {:?} after its terminal hung up",
        start.elapsed()
    );
    drop(t);
    // The draft is back in a new terminal.
    let t = Tmux::start(dir.path());
    the_draft_is_back(&t);
}

fn cli(db: &std::path::Path, args: &[&str]) -> String {
    let out = intake_cmd(db).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "intake {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn self_filled_finish_writes_a_private_named_file_in_home() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let home = dir.path().join("home");
    std::fs::create_dir(&home).unwrap();
    let db = dir.path().join("intake.db");
    cli(
        &db,
        &["new", "--customer", "Café 't Hoekje", "--mode", "self"],
    );
    cli(
        &db,
        &[
            "set",
            "1",
            "intake.contact_name=Els Hoek",
            "intake.contact_email=els@hoekje.nl",
            "company.kvk=12345678",
            "company.postcode=3511 AB",
            "company.billing_email=els@hoekje.nl",
            "workstations.count=6",
            "workstations.workload=light",
            "locations[1].name=Café",
            "locations[1].workstations=6",
            "users[1].name=Els Hoek",
        ],
    );
    // Another customer's file of the same name is already there.
    let today = cli(&db, &["show", "1", "--json"]);
    let date: serde_json::Value = serde_json::from_str(&today).unwrap();
    let date = date["answers"]["intake.date"].as_str().unwrap().to_string();
    let taken = home.join(format!("intake-café-t-hoekje-{date}.json"));
    std::fs::write(&taken, "not ours").unwrap();
    let t = Tmux::start_env(
        dir.path(),
        &format!("HOME='{}'", home.display()),
        "",
        160,
        35,
    );
    t.wait_for("Hoekje");
    t.keys(&["Enter"]);
    t.wait_for("#1 Café");
    t.keys(&["r"]);
    t.wait_for("Controle");
    t.keys(&["c"]);
    t.wait_for("Stuur dit bestand terug");
    let written = home.join(format!("intake-café-t-hoekje-{date}-2.json"));
    let screen = t.capture();
    assert!(
        screen.contains("intake-café-t-hoekje-"),
        "the path is shown:\n{screen}"
    );
    assert_eq!(std::fs::read_to_string(&taken).unwrap(), "not ours");
    let mode = std::fs::metadata(&written)
        .expect("the return file")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
    let bundle: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&written).unwrap()).unwrap();
    assert!(bundle.to_string().contains("els@hoekje.nl"));
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), "0");
}
