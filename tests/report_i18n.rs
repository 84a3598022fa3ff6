//! The report's words and notation (issue 12), through the real binary and poppler:
//!
//! - in the pseudo-locale (`INTAKE_PSEUDO=1`) every word the report writes itself comes out
//!   accented; a plain word must come from the intake's own data or from the files the report
//!   quotes (the form, the catalog, the provider's file, the rules, the plan), read here from
//!   those files, not from a list of report words;
//! - in Dutch and English, a number and its unit never break over two lines, and there is no
//!   "(s)", no "1 werkplekken" and no ISO date.
//!
//! These tests FAIL when poppler-utils is missing.

#[path = "profiles/mod.rs"]
mod common;
#[path = "common/pseudo.rs"]
mod pseudo;

use pseudo::{Parts, iban_groups, words};

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;

fn intake(db: &Path, pseudo: bool, args: &[&str]) -> String {
    let mut cmd = Command::new(common::bin());
    cmd.arg("--db")
        .arg(db)
        .args(args)
        .env_remove("INTAKE_DB")
        .env_remove("INTAKE_PSEUDO")
        .env("INTAKE_KEY_FILE", common::testkey::key_file(db))
        .env("USER", "tester");
    if pseudo {
        cmd.env("INTAKE_PSEUDO", "1");
    }
    let out = cmd.output().expect("run intake");
    assert!(
        out.status.success(),
        "intake {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The PDF of intake `id` as pdftotext reads it, lines kept (no -layout: reading order).
fn report(db: &Path, pseudo: bool, id: &str, lang: &str) -> (PathBuf, String) {
    let pdf = db
        .parent()
        .unwrap()
        .join(format!("r-{id}-{lang}-{pseudo}.pdf"));
    intake(
        db,
        pseudo,
        &["--lang", lang, "report", id, "--out", pdf.to_str().unwrap()],
    );
    let text = common::tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    (pdf, text)
}

/// Plain words of the PDF's text; the layout may cut a word or break it over two lines.
fn untranslated_pdf(text: &str, allowed: &BTreeSet<String>) -> Vec<String> {
    pseudo::untranslated_parts(text, allowed, Parts::CutOrBroken)
}

/// What the report may quote as it is: the intake's answers and customer name, its
/// measurements, and the texts of the files the report is made from.
fn quoted_sources(db: &Path, id: &str) -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = BTreeSet::new();
    let show: serde_json::Value =
        serde_json::from_str(&intake(db, false, &["show", id, "--json"])).unwrap();
    out.extend(words(&show["answers"].to_string()));
    out.extend(words(show["customer"].as_str().unwrap()));
    // The measurements (host names, operating systems, the test server) are data; the
    // demo's come from its source, a customer's from the probe files.
    out.extend(words(
        &std::fs::read_to_string(root.join("src/demo.rs")).unwrap(),
    ));
    for file in [
        "forms/mkb-werkplek-online.toml",
        "assets/catalog.toml",
        "assets/provider.toml",
        "assets/readiness.toml",
    ] {
        out.extend(words(&std::fs::read_to_string(root.join(file)).unwrap()));
    }
    let groups: Vec<String> = out.iter().flat_map(|w| iban_groups(w)).collect();
    out.extend(groups);
    out
}

fn check_pseudo(db: &Path, id: &str) {
    let allowed = quoted_sources(db, id);
    let (_, text) = report(db, true, id, "nl");
    // The check must see the report's own words accented, or it proves nothing.
    assert!(
        text.chars().filter(|c| !c.is_ascii()).count() > 500,
        "no pseudo-locale in the PDF:\n{text}"
    );
    let plain = untranslated_pdf(&text, &allowed);
    assert!(
        plain.is_empty(),
        "words in the PDF that did not pass through Fluent: {plain:?}"
    );
}

#[test]
fn the_checker_sees_a_plain_word_and_a_cut_one() {
    let allowed = words("Bakkerij Korenschoof info@vdberg-installatie.nl");
    assert_eq!(
        untranslated_pdf("Ƥȧɠīƞȧ Bakkerij Korensch… Totaal", &allowed),
        vec!["Totaal".to_string()]
    );
    assert_eq!(
        untranslated_pdf("Kor… 12 %", &allowed),
        Vec::<String>::new()
    );
    // Broken over two lines, a reference number, but not a plain word inside a line.
    assert!(untranslated_pdf("info@vdberg-install\natie.nl MWO-000001", &allowed).is_empty());
    assert_eq!(
        untranslated_pdf("Ŧǿŧȧŀ atie Ŧǿŧȧŀ", &allowed),
        vec!["atie".to_string()]
    );
    assert_eq!(iban_groups("NL91ABNA0417164300")[..2], ["NL91", "ABNA"]);
}

#[test]
fn demo_report_in_the_pseudo_locale() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.db");
    let id = intake(&db, true, &["demo"]).trim().to_string();
    check_pseudo(&db, &id);
}

#[test]
fn profile_report_in_the_pseudo_locale() {
    let (_dir, db, id) = common::construction_firm().in_temp_db();
    check_pseudo(&db, &id);
}

/// Units that must stay on the line of their number.
const UNITS: &[&str] = &["GB", "MB", "TB", "Mbit/s", "ms", "%"];

/// Places where a line ends in a number and the next starts with its unit, or a line ends in
/// "€" and the next starts with the amount.
fn broken_pairs(text: &str) -> Vec<String> {
    let lines: Vec<&str> = text.lines().map(str::trim).collect();
    let mut out = Vec::new();
    for pair in lines.windows(2) {
        let (a, b) = (pair[0], pair[1]);
        let first = b.split_whitespace().next().unwrap_or("");
        let first = first.trim_end_matches([',', '.', ';', ':', ')']);
        let number_end = a.ends_with(|c: char| c.is_ascii_digit());
        if (number_end && UNITS.contains(&first))
            || (a.ends_with('€') && b.starts_with(|c: char| c.is_ascii_digit()))
        {
            out.push(format!("{a} ⏎ {b}"));
        }
    }
    out
}

fn iso_dates(text: &str) -> Vec<String> {
    let re = regex::Regex::new(r"\b\d{4}-\d{2}-\d{2}\b").unwrap();
    re.find_iter(text).map(|m| m.as_str().to_string()).collect()
}

fn check_notation(pdf: &Path, text: &str) {
    let name = pdf.display();
    let broken = broken_pairs(text);
    assert!(
        broken.is_empty(),
        "{name}: number and unit apart: {broken:?}"
    );
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for hack in [
        "(s)",
        "(en)",
        "1 werkplekken",
        "1 werkdagen",
        "1 gebruikers",
        "1 locaties",
        "1 workstations",
        "1 working days",
        "1 users",
        "1 locations",
    ] {
        assert!(!flat.contains(hack), "{name}: '{hack}' in {flat}");
    }
    let iso = iso_dates(text);
    assert!(iso.is_empty(), "{name}: ISO dates {iso:?}");
    // pdftotext prints a no-break space as a plain one; the font's map from glyphs to
    // characters shows that the PDF has them.
    let qdf = pdf.with_extension("qdf.pdf");
    common::tool(
        "qpdf",
        &[
            "--qdf",
            "--object-streams=disable",
            pdf.to_str().unwrap(),
            qdf.to_str().unwrap(),
        ],
    );
    let raw = String::from_utf8_lossy(&std::fs::read(&qdf).unwrap()).into_owned();
    assert!(
        raw.lines().any(|l| l.trim_end().ends_with("> <00A0>")),
        "{name}: no no-break space in the PDF"
    );
}

#[test]
fn the_notation_checks_find_what_they_look_for() {
    assert_eq!(broken_pairs("gemeten 385\nGB vrij").len(), 1);
    assert_eq!(broken_pairs("samen €\n99,95").len(), 1);
    assert_eq!(broken_pairs("385 GB\nvrij 12").len(), 0);
    assert_eq!(iso_dates("op 2026-11-27 en 27-11-2026"), vec!["2026-11-27"]);
}

#[test]
fn number_and_unit_stay_together_in_every_profile_and_language() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.db");
    let demo = intake(&db, false, &["demo"]).trim().to_string();
    let mut reports = vec![(db.clone(), demo)];
    for profile in [
        common::four_workstations(),
        common::eight_workstations(),
        common::health_care(),
        common::construction_two_sites(),
        common::forty_workstations_three_locations(),
    ] {
        let db = dir.path().join(format!("{}.db", reports.len()));
        let id = profile.create(&db);
        reports.push((db, id));
    }
    for (db, id) in &reports {
        for lang in ["nl", "en"] {
            let (pdf, text) = report(db, false, id, lang);
            check_notation(&pdf, &text);
        }
    }
}
