//! The advice's rule texts come through Fluent (`assets/locales/*/advice.ftl`): run through
//! the real binary, a finding reads right for one and for two, and in the pseudo-locale
//! (`INTAKE_PSEUDO=1`) every word of its title, finding, measure and customer text is
//! pseudo-localised except the values filled in (names, numbers).

mod common;

use serde_json::Value as J;
use std::path::Path;
use std::process::{Command, Output};

fn intake(db: &Path, pseudo: bool, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_intake"));
    cmd.arg("--db")
        .arg(db)
        .args(args)
        .env("INTAKE_KEY_FILE", common::testkey::key_file(db))
        .env("USER", "tester");
    if pseudo {
        cmd.env("INTAKE_PSEUDO", "1");
    } else {
        cmd.env_remove("INTAKE_PSEUDO");
    }
    cmd.output().expect("run intake")
}

/// The findings of `advise 1 --json`.
fn findings(db: &Path, pseudo: bool, lang: &str) -> Vec<J> {
    let out = intake(db, pseudo, &["--lang", lang, "advise", "1", "--json"]);
    assert!(out.status.success(), "{out:?}");
    let list: J = serde_json::from_slice(&out.stdout).expect("advise --json is JSON");
    list.as_array().expect("a list").clone()
}

fn finding<'a>(list: &'a [J], rule: &str) -> &'a J {
    list.iter()
        .find(|f| f["rule"] == rule)
        .unwrap_or_else(|| panic!("no {rule} in {list:#?}"))
}

/// One workstation and one user without a mobile number; `second` adds a second of each.
fn new_intake(db: &Path, second: bool) {
    let ok = intake(db, false, &["new", "--customer", "Bakkerij Jansen"]);
    assert!(ok.status.success(), "{ok:?}");
    let mut set = vec!["set", "1", "workstations.count=1", "users[1].name=Anouk"];
    if second {
        set = vec![
            "set",
            "1",
            "workstations.count=2",
            "users[1].name=Anouk",
            "users[2].name=Bram",
        ];
    }
    let ok = intake(db, false, &set);
    assert!(ok.status.success(), "{ok:?}");
}

/// The finding text ("message") of `rule` in intake 1 of `db`, in `lang`.
fn message(db: &Path, lang: &str, rule: &str) -> String {
    let list = findings(db, false, lang);
    finding(&list, rule)["message"]
        .as_str()
        .expect("a message")
        .to_owned()
}

#[test]
fn counts_choose_singular_and_plural_through_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let (one, two) = (dir.path().join("one.db"), dir.path().join("two.db"));
    new_intake(&one, false);
    new_intake(&two, true);
    for (db, lang, rule, want) in [
        (&one, "nl", "small_company", "Er is 1 werkplek;"),
        (&one, "en", "small_company", "There is 1 workstation;"),
        (&two, "nl", "small_company", "Er zijn 2 werkplekken;"),
        (&two, "en", "small_company", "There are 2 workstations;"),
        (
            &one,
            "nl",
            "mobile_missing",
            "1 gebruiker zonder mobiel nummer voor de sms-inlog: Anouk.",
        ),
        (
            &two,
            "nl",
            "mobile_missing",
            "2 gebruikers zonder mobiel nummer voor de sms-inlog: Anouk, Bram.",
        ),
        (
            &two,
            "en",
            "mobile_missing",
            "2 users without a mobile number for the SMS login: Anouk, Bram.",
        ),
    ] {
        let text = message(db, lang, rule);
        assert!(
            text.starts_with(want),
            "{rule} ({lang}): '{text}' does not begin with '{want}'"
        );
    }
}

/// Words of plain ASCII letters (pseudo-localisation accents most letters) not in `data`.
fn plain_words(text: &str, data: &[&str]) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| w.chars().filter(|c| c.is_ascii_alphabetic()).count() >= 2)
        .filter(|w| w.is_ascii() && !data.contains(w))
        .map(str::to_owned)
        .collect()
}

#[test]
fn a_finding_in_the_pseudo_locale_is_pseudo_localised_but_for_its_values() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    new_intake(&db, false);
    let plain = findings(&db, false, "en");
    let pseudo = findings(&db, true, "en");
    // The values filled in: the user's name and the provider's name (assets/provider.toml).
    let data = ["Anouk", "Voorbeeld", "Werkplek", "Diensten"];
    for rule in ["small_company", "mobile_missing"] {
        let (p, f) = (finding(&pseudo, rule), finding(&plain, rule));
        for field in ["title", "message", "measure", "customer"] {
            let text = p[field].as_str().unwrap();
            assert_ne!(
                text,
                f[field].as_str().unwrap(),
                "{rule}.{field} is not pseudo"
            );
            assert_eq!(
                plain_words(text, &data),
                Vec::<String>::new(),
                "{rule}.{field}: {text}"
            );
        }
    }
    assert!(
        finding(&pseudo, "mobile_missing")["message"]
            .as_str()
            .unwrap()
            .contains("Anouk")
    );
}
