//! Issue 13, 3 through the real binary: a plan the intake cannot date yet gives no go-live date
//! but says what is missing (CLI text, `plan --json`, the PDF's summary and plan), and gives
//! dates as soon as the missing answers are there. PDFs are read with pdftotext; these tests
//! FAIL when poppler-utils is missing.

#[path = "profiles/mod.rs"]
mod common;

use common::{json, ok, text};
use std::path::{Path, PathBuf};

fn setup(profile: &common::Profile) -> (tempfile::TempDir, PathBuf, String) {
    profile.in_temp_db()
}

fn report(db: &Path, id: &str, lang: &str) -> String {
    let out = db.parent().unwrap().join(format!("plan-{lang}.pdf"));
    ok(
        db,
        &["--lang", lang, "report", id, "--out", out.to_str().unwrap()],
    );
    text(&out, None)
}

#[test]
fn a_plan_without_volumes_names_what_is_missing_instead_of_a_go_live_date() {
    let (_dir, db, id) = setup(&common::nearly_empty());
    let missing = "de omvang van e-mail en bestanden";

    let cli = ok(&db, &["plan", &id]);
    assert!(
        cli.contains(&format!(
            "Nog niet te plannen: daarvoor ontbreekt nog {missing}."
        )),
        "{cli}"
    );
    assert!(
        !cli.contains("livegang:") && !cli.contains("2026-") && !cli.contains("2027-"),
        "a date in a plan that cannot have one:\n{cli}"
    );
    let j = json(&db, &["plan", &id, "--json"]);
    assert_eq!(j["missing"], missing, "{j}");
    assert!(
        j["go_live"].is_null() && j["earliest_go_live"].is_null(),
        "{j}"
    );
    let phases = j["phases"].as_array().expect("phases");
    assert!(!phases.is_empty());
    for ph in phases {
        assert!(ph["start"].is_null() && ph["end"].is_null(), "{ph}");
        assert!(ph["working_days"].as_u64().unwrap() > 0, "{ph}");
    }

    let nl = report(&db, &id, "nl");
    for want in [
        "Nog niet te plannen: daarvoor ontbreekt nog de omvang van e-mail en bestanden.",
        "De planning kan nog geen data geven: daarvoor ontbreekt nog de omvang van e-mail en bestanden.",
        "Levering eerste werkplek",
    ] {
        assert!(nl.contains(want), "'{want}' missing");
    }
    for gone in ["Vroegst mogelijke startdatum", "Tijdlijn", "Er is speling"] {
        assert!(!nl.contains(gone), "'{gone}' in a plan without dates");
    }
    let en = report(&db, &id, "en");
    assert!(
        en.contains("Cannot be planned yet: it still lacks the size of e-mail and files."),
        "English summary"
    );
    assert!(!en.contains("Timeline"));

    // Once the volumes are known the plan has dates again, in the CLI and the PDF alike.
    ok(&db, &["set", &id, "email.size_gb=3", "data.size_gb=8"]);
    let j = json(&db, &["plan", &id, "--json"]);
    assert!(j.get("missing").is_none(), "{j}");
    let go_live = j["go_live"].as_str().expect("a go-live date").to_string();
    let cli = ok(&db, &["plan", &id]);
    assert!(!cli.contains("Nog niet te plannen"), "{cli}");
    let nl = report(&db, &id, "nl");
    assert!(nl.contains("Vroegst mogelijke startdatum") && nl.contains("Tijdlijn"));
    assert!(!nl.contains("De planning kan nog geen data geven"));
    assert!(!go_live.is_empty());
}

#[test]
fn no_workstations_and_no_volumes_are_both_named() {
    let (_dir, db, id) = setup(&common::Profile {
        customer: "Leeg B.V.",
        mode: "on-site",
        pairs: common::s(&["company.kvk=12345678"]),
    });
    let j = json(&db, &["plan", &id, "--json"]);
    assert_eq!(
        j["missing"], "het aantal werkplekken en de omvang van e-mail en bestanden",
        "{j}"
    );
    let en = json(&db, &["--lang", "en", "plan", &id, "--json"]);
    assert_eq!(
        en["missing"],
        "the number of workstations and the size of e-mail and files"
    );
}
