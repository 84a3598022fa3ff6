//! End-to-end: the real binary in tmux imports a bundle that was changed on both sides
//! since its export, the user chooses a side per conflict on the conflict screen and
//! applies; `intake show --json` then holds exactly the choices. Needs tmux (fails,
//! does not skip, when it is missing).

mod tui_util;

use serde_json::Value;
use std::path::Path;
use tui_util::tmux::{Tmux, intake_cmd};

/// Runs the binary on `db` with `args`; panics with its stderr when it fails.
fn run(db: &Path, args: &[&str]) -> Vec<u8> {
    let out = intake_cmd(db).args(args).output().expect("run intake");
    assert!(
        out.status.success(),
        "intake {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

#[test]
fn conflicts_chosen_on_screen_are_what_show_says() {
    let dir = tempfile::tempdir().unwrap();
    let ours = dir.path().join("intake.db");
    let theirs_dir = tempfile::tempdir().unwrap();
    let theirs = theirs_dir.path().join("klant.db");
    let sent = dir.path().join("naar-klant.json");
    let back = dir.path().join("terug.json");

    run(
        &ours,
        &["new", "--customer", "Bakkerij Jansen", "--mode", "on-site"],
    );
    run(
        &ours,
        &[
            "set",
            "1",
            "company.sector=services",
            "company.city=Utrecht",
            "planning.go_live=2027-01-15",
        ],
    );
    run(&ours, &["export", "1", "--out", sent.to_str().unwrap()]);
    // The customer's side: another database, changed, sent back.
    run(&theirs, &["import", sent.to_str().unwrap()]);
    run(
        &theirs,
        &[
            "set",
            "1",
            "company.sector=healthcare",
            "company.city=Amersfoort",
            "planning.go_live=2027-03-15",
        ],
    );
    run(&theirs, &["export", "1", "--out", back.to_str().unwrap()]);
    // Here, meanwhile: the same two answers to other values.
    run(
        &ours,
        &[
            "set",
            "1",
            "company.sector=trade",
            "planning.go_live=2027-02-01",
        ],
    );

    let t = Tmux::start_with(dir.path(), "", 100, 30);
    t.wait_for("Bakkerij Jansen");
    t.keys(&["i"]);
    t.wait_for("Bestand importeren");
    t.text(back.to_str().unwrap());
    t.keys(&["Enter"]);
    t.wait_all(&["Samenvoegen met intake 1", "Plaats: Amersfoort"]);
    t.keys(&["Enter"]);
    t.wait_for("Conflicten: 0 van 2 gekozen");
    // Rows in form order: the sector (kept here), then the go-live date (from the file).
    let screen = t.wait_all(&[
        "Branche",
        "Handel en groothandel",
        "Zorg en welzijn",
        "15-03-2027",
    ]);
    assert!(screen.contains("01-02-2027"), "{screen}");
    t.keys(&["o"]);
    t.wait_for("Conflicten: 1 van 2 gekozen");
    t.keys(&["t"]);
    t.wait_for("Conflicten: 2 van 2 gekozen");
    t.keys(&["Enter"]);
    t.wait_for("Samenvoegen in intake 1");
    t.keys(&["y"]);
    t.wait_for("Samengevoegd in intake 1");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), "0", "exit status after q");

    let shown: Value = serde_json::from_slice(&run(&ours, &["show", "1", "--json"])).unwrap();
    let answers = &shown["answers"];
    assert_eq!(answers["company.sector"], "trade", "{shown}");
    assert_eq!(answers["planning.go_live"], "2027-03-15", "{shown}");
    assert_eq!(answers["company.city"], "Amersfoort", "{shown}");
}

#[test]
fn an_encrypted_bundle_asks_its_passphrase_masked() {
    use std::io::Write;
    use std::os::unix::fs::OpenOptionsExt;
    let dir = tempfile::tempdir().unwrap();
    let colleague_dir = tempfile::tempdir().unwrap();
    let colleague = colleague_dir.path().join("collega.db");
    let pass = colleague_dir.path().join("pass");
    std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(&pass)
        .unwrap()
        .write_all(b"de bakker bakt brood\n")
        .unwrap();
    let bundle = dir.path().join("zonnebloem.age");
    run(
        &colleague,
        &["new", "--customer", "Zonnebloem", "--mode", "on-site"],
    );
    run(&colleague, &["set", "1", "company.kvk=12345678"]);
    run(
        &colleague,
        &[
            "export",
            "1",
            "--out",
            bundle.to_str().unwrap(),
            "--encrypt",
            "--passphrase-file",
            pass.to_str().unwrap(),
        ],
    );

    let t = Tmux::start_with(dir.path(), "", 100, 30);
    t.wait_for("Welkom bij intake");
    t.keys(&["i"]);
    t.wait_for("Bestand importeren");
    t.text(bundle.to_str().unwrap());
    t.keys(&["Enter"]);
    t.wait_for("zonnebloem.age is versleuteld");
    t.text("de bakker");
    let screen = t.wait_for("•••••••••");
    assert!(
        !screen.contains("bakker"),
        "the passphrase is not shown:\n{screen}"
    );
    t.text(" bakt brood");
    t.keys(&["Enter"]);
    t.wait_for("Geïmporteerd als nieuwe intake 1 (Zonnebloem)");
    t.keys(&["Enter"]);
    t.wait_for("#1 Zonnebloem");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), "0", "exit status after q");

    let shown: Value = serde_json::from_slice(&run(&t.db, &["show", "1", "--json"])).unwrap();
    assert_eq!(shown["answers"]["company.kvk"], "12345678", "{shown}");
}
