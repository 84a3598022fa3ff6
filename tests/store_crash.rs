//! SIGKILL in the middle of saving: the reopened database is intact and holds every answer
//! whose save had returned (the child prints a line only after `apply` returned).

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use intake::store::{Change, Mode, NewIntake, Store};
use serde_json::json;

const CHILD_DB: &str = "INTAKE_STORE_CRASH_DB";
const CHILD_ID: &str = "INTAKE_STORE_CRASH_ID";
const CHILD_START: &str = "INTAKE_STORE_CRASH_START";

/// Runs only as the child of `sigkill_mid_save_loses_nothing`: saves until killed.
#[test]
#[ignore = "child process of sigkill_mid_save_loses_nothing"]
fn crash_child() {
    let db = std::env::var(CHILD_DB).expect("run by the crash test");
    let id: i64 = std::env::var(CHILD_ID).unwrap().parse().unwrap();
    let start: u32 = std::env::var(CHILD_START).unwrap().parse().unwrap();
    let mut store = Store::open(Path::new(&db)).unwrap();
    for n in start.. {
        // Two answers per call: after the crash both or neither must be there.
        let changes = [
            Change::set(format!("users[{n}].name"), json!(format!("user {n}"))),
            Change::set(format!("users[{n}].mobile"), json!(n)),
        ];
        store.apply(id, &changes, "crash").unwrap();
        println!("SAVED {n}");
    }
}

/// The number of a complete `SAVED n` line; libtest may print "test crash_child ... " before
/// the first one, and a line cut by the kill does not parse.
fn saved_number(line: &str) -> Option<u32> {
    line.split_once("SAVED ").and_then(|(_, n)| n.parse().ok())
}

fn run_and_kill(db: &Path, id: i64, start: u32, kill_after: usize) -> Vec<u32> {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args([
            "crash_child",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_DB, db)
        .env(CHILD_ID, id.to_string())
        .env(CHILD_START, start.to_string())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
    let mut saved = Vec::new();
    while saved.len() < kill_after {
        let line = lines.next().expect("child ended early").unwrap();
        if let Some(n) = saved_number(&line) {
            saved.push(n);
        }
    }
    // std's kill() is SIGKILL on Unix: no destructor, no clean close of SQLite.
    child.kill().unwrap();
    // Lines already written before the kill also count as returned saves.
    for line in lines {
        let Ok(line) = line else { break };
        if let Some(n) = saved_number(&line) {
            saved.push(n);
        }
    }
    let status = child.wait().unwrap();
    assert!(!status.success(), "the child was killed, not finished");
    saved
}

#[test]
fn sigkill_mid_save_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("intake.db");
    let id = Store::open(&db)
        .unwrap()
        .create_intake(&NewIntake {
            customer: "Crash BV".into(),
            mode: Mode::OnSite,
            form_id: "standard".into(),
            form_version: 1,
        })
        .unwrap();
    let mut all_saved = Vec::new();
    let mut start = 1;
    // Several rounds on the same file, killed at different points.
    for kill_after in [23, 151, 307] {
        let saved = run_and_kill(&db, id, start, kill_after);
        assert!(saved.len() >= kill_after);
        start = saved.iter().max().unwrap() + 100;
        all_saved.extend(saved);

        let store = Store::open(&db).unwrap();
        assert_eq!(store.integrity_check().unwrap(), vec!["ok".to_string()]);
        let answers = store.answers(id).unwrap();
        for n in &all_saved {
            assert_eq!(
                answers.get(&format!("users[{n}].name")),
                Some(&json!(format!("user {n}"))),
                "lost save {n}"
            );
        }
        // Atomicity: no call is half there.
        for key in answers.keys().filter(|k| k.ends_with(".name")) {
            let mobile = key.replace(".name", ".mobile");
            assert!(answers.contains_key(&mobile), "{key} without {mobile}");
        }
        let history = store.history(id, None).unwrap();
        assert_eq!(
            history.len(),
            answers.len(),
            "one history row per stored answer"
        );
    }
}
