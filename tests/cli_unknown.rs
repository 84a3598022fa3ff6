//! "Weet ik niet" through the real binary: `intake set KEY=unknown` where the form allows
//! it, refused where it does not; stored as an answer, shown as "onbekend", read as empty
//! by the advice, kept by a bundle, and named in the PDF's current situation.

mod common;

use common::{Env, stderr};
use serde_json::json;
use std::process::Command;

/// A new intake with one location of four workstations and `answers` set.
fn practice(env: &Env, answers: &[&str]) -> String {
    let id = env.new_intake("Tandartspraktijk Visser");
    let mut args = vec![
        "set",
        &id,
        "locations[1].name=Praktijk",
        "locations[1].workstations=4",
    ];
    args.extend_from_slice(answers);
    env.ok(&args);
    id
}

#[test]
fn set_takes_unknown_where_allowed_and_the_advice_reads_it_as_empty() {
    let env = Env::new();
    let id = practice(
        &env,
        &[
            "locations[1].down_mbps=unknown",
            "locations[1].up_mbps=Weet ik niet",
            "email.size_gb=?",
            "data.size_gb=onbekend",
        ],
    );
    let a = env.answers(&id);
    for key in [
        "locations[1].down_mbps",
        "locations[1].up_mbps",
        "email.size_gb",
        "data.size_gb",
    ] {
        assert_eq!(a[key], json!({"unknown": true}), "{key}: {a}");
    }
    // The text view says it in the user's language.
    let nl = env.ok(&["--lang", "nl", "show", &id]);
    assert!(nl.contains("locations[1].down_mbps = onbekend"), "{nl}");
    let en = env.ok(&["--lang", "en", "show", &id]);
    assert!(en.contains("locations[1].down_mbps = unknown"), "{en}");
    // A question that does not allow it refuses the word, and nothing of the call is saved.
    let err = env.fails(&["set", &id, "company.kvk=onbekend", "company.city=Ede"]);
    assert!(err.contains("company.kvk"), "{err}");
    assert!(env.answers(&id).get("company.city").is_none());
    // The advice needs no special case: an unknown speed is a link it cannot assess, an
    // unknown volume a volume it does not know.
    let advice = env.json(&["advise", &id, "--json"]).to_string();
    assert!(advice.contains("bandwidth_unknown"), "{advice}");
    assert!(advice.contains("migration_volume_unknown"), "{advice}");
    // History and a bundle keep it.
    let h = env.json(&["history", &id, "locations[1].down_mbps", "--json"]);
    assert!(h.to_string().contains("unknown"), "{h}");
    let bundle = env.path("visser.json");
    env.ok(&["export", &id, "--out", bundle.to_str().unwrap()]);
    let other = Env::new();
    let imported = other.ok(&["import", bundle.to_str().unwrap()]);
    let new_id = imported
        .split(|c: char| !c.is_ascii_digit())
        .find(|s| !s.is_empty())
        .expect("an id")
        .to_string();
    assert_eq!(
        other.answers(&new_id)["email.size_gb"],
        json!({"unknown": true})
    );
    // Clearing it is an ordinary empty answer again.
    env.ok(&["set", &id, "email.size_gb="]);
    assert!(env.answers(&id).get("email.size_gb").is_none());
}

#[test]
fn the_report_says_what_the_customer_did_not_know() {
    let env = Env::new();
    let id = practice(
        &env,
        &[
            "locations[1].down_mbps=unknown",
            "locations[1].up_mbps=unknown",
            "email.mailboxes=unknown",
            "email.size_gb=unknown",
            "data.size_gb=unknown",
        ],
    );
    let pdf = env.path("visser.pdf");
    env.ok(&[
        "--lang",
        "nl",
        "report",
        &id,
        "--out",
        pdf.to_str().unwrap(),
    ]);
    let out = Command::new("pdftotext")
        .args(["-layout", pdf.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils)");
    assert!(out.status.success(), "{}", stderr(&out));
    let text = String::from_utf8_lossy(&out.stdout);
    let row = text
        .lines()
        .find(|l| l.contains("Praktijk") && l.contains("onbekend"))
        .unwrap_or_else(|| panic!("no location row saying onbekend:\n{text}"));
    assert!(!row.contains("niet gemeten"), "{row}");
    // The situation lists each answer on its own line: the question, then "onbekend".
    let said_unknown = |q: &str| {
        text.lines()
            .any(|l| l.trim_start().starts_with(q) && l.trim_end().ends_with("onbekend"))
    };
    assert!(said_unknown("Aantal mailboxen"), "{text}");
    assert!(said_unknown("Omvang over te zetten bestanden"), "{text}");
    assert!(
        !text.contains("unknown"),
        "English in the Dutch report:\n{text}"
    );
}
