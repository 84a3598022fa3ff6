//! The pseudo-locale check: with `INTAKE_PSEUDO=1` every word the program writes itself
//! passes through Fluent and comes out accented ("Ŧǿŧȧŀ"); a plain ASCII word in the output
//! that is not the user's own data did not come through Fluent.
//!
//! Each case names the commands whose text has moved to Fluent; the rest of the product is
//! listed in the issue (12) until it has moved too.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output};

fn intake(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_intake"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("INTAKE_PSEUDO", "1")
        .env("INTAKE_KEY_FILE", common::testkey::key_file(db))
        .env("USER", "tester")
        .output()
        .expect("run intake")
}

/// Words of the output written in plain ASCII letters (pseudo-localisation accents most
/// letters, so a word that came through Fluent has at least one that is not ASCII) that are
/// not in `data` (the user's own words, paths and the like).
fn untranslated(output: &str, data: &BTreeSet<String>) -> Vec<String> {
    let mut out: Vec<String> = output
        .split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .filter(|w| w.chars().filter(|c| c.is_ascii_alphabetic()).count() >= 2)
        .filter(|w| w.is_ascii())
        .filter(|w| !data.contains(*w))
        .map(str::to_owned)
        .collect();
    out.sort();
    out.dedup();
    out
}

fn words(s: &str) -> BTreeSet<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_checker_finds_a_plain_word() {
    let data = words("Bakkerij Jansen");
    assert_eq!(
        untranslated("Ƈŭşŧǿḿḗř Bakkerij Jansen total", &data),
        vec!["total".to_string()]
    );
    assert!(untranslated("Ƈŭşŧǿḿḗř Bakkerij 12 %", &data).is_empty());
}

#[test]
fn list_and_errors_come_through_fluent() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let customer = "Bakkerij Jansen";
    let new = intake(&db, &["new", "--customer", customer]);
    assert!(new.status.success(), "{new:?}");

    // The data: the customer's name, the database path; ids and dates are digits.
    let mut data = words(customer);
    data.extend(words(&db.display().to_string()));

    let list = intake(&db, &["list"]);
    let text = String::from_utf8_lossy(&list.stdout);
    assert!(list.status.success() && text.contains(customer), "{text}");
    assert_eq!(untranslated(&text, &data), Vec::<String>::new(), "{text}");

    let empty_db = dir.path().join("empty.db");
    let text = String::from_utf8_lossy(&intake(&empty_db, &["list"]).stdout).into_owned();
    // The command to type stays a command.
    let commands = words("intake new --customer");
    let mut allowed = data.clone();
    allowed.extend(commands);
    assert_eq!(
        untranslated(&text, &allowed),
        Vec::<String>::new(),
        "{text}"
    );

    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, b"{\"format\": ").unwrap();
    let err = intake(&db, &["import", bad.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&err.stderr).into_owned();
    assert!(!err.status.success());
    // serde_json's own description of the fault ("EOF while parsing") is quoted, not ours.
    let mut allowed = data.clone();
    allowed.extend(words(&bad.display().to_string()));
    allowed.extend(words("EOF while parsing an object a value at line column"));
    allowed.extend(words("JSON"));
    assert_eq!(
        untranslated(&text, &allowed),
        Vec::<String>::new(),
        "{text}"
    );

    let err = intake(&db, &["set", "1", "company.kvk=12"]);
    let text = String::from_utf8_lossy(&err.stderr).into_owned();
    let mut allowed = data.clone();
    allowed.extend(words("company.kvk KvK"));
    assert_eq!(
        untranslated(&text, &allowed),
        Vec::<String>::new(),
        "{text}"
    );
}
