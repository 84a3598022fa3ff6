//! Issue 13, sections 1-3, through the real binary: a draft says it is one (reasons, CONCEPT on
//! every page, `--final` refused), the quote's first-year cost and VAT in the PDF match
//! `quote --json`, and the plan keeps to the customer's window and closure. PDFs are read with
//! pdftotext; these tests FAIL when poppler-utils is missing.

#[path = "profiles/mod.rs"]
mod common;

use common::{Profile, eur_nl, json, text, tool};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;
use time::{Date, Weekday};

fn pages(pdf: &Path) -> usize {
    let info = tool("pdfinfo", &[pdf.to_str().unwrap()]);
    info.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or_else(|| panic!("no page count:\n{info}"))
}

/// `intake report` with the provider's file `provider` (None: the shipped example).
fn report(
    db: &Path,
    id: &str,
    out: &Path,
    lang: &str,
    final_only: bool,
    provider: Option<&Path>,
) -> (bool, String) {
    let mut cmd = Command::new(common::bin());
    cmd.arg("--db")
        .arg(db)
        .args(["--lang", lang, "report", id, "--out"]);
    cmd.arg(out)
        .env("INTAKE_KEY_FILE", common::testkey::key_file(db))
        .env_remove("INTAKE_DB")
        .env_remove("INTAKE_PROVIDER");
    if final_only {
        cmd.arg("--final");
    }
    if let Some(p) = provider {
        cmd.env("INTAKE_PROVIDER", p);
    }
    let o = cmd.output().expect("run intake");
    (
        o.status.success(),
        String::from_utf8_lossy(&o.stderr).into_owned(),
    )
}

/// Checks the totals block against `quote --json`: the first-year cost (excl. and incl. VAT) is
/// printed, and each VAT figure is 21 % of the subtotal beside it, rounded once.
fn assert_costs(db: &Path, id: &str, pdf: &Path, env: &[(&str, &Path)]) {
    let mut cmd = Command::new(common::bin());
    cmd.arg("--db")
        .arg(db)
        .args(["quote", id, "--json"])
        .env("INTAKE_KEY_FILE", common::testkey::key_file(db))
        .env_remove("INTAKE_PROVIDER");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let q: Value = serde_json::from_slice(&cmd.output().unwrap().stdout).unwrap();
    let t = &q["totals"];
    let cents = |k: &str| t[k].as_i64().unwrap_or_else(|| panic!("{k}: {t}"));
    // pdftotext's text is compared with white space made plain (an amount may hold a no-break
    // space between € and the number).
    let eur = |c: i64| eur_nl(c).replace('\u{a0}', " ");
    let all = text(pdf, None);
    for k in ["first_year_cents", "first_year_gross_cents"] {
        assert!(
            all.contains(&eur(cents(k))),
            "{k} {} not in the PDF",
            eur(cents(k))
        );
    }
    assert_eq!(
        cents("first_year_cents"),
        12 * cents("monthly_net_cents") + cents("one_time_net_cents")
    );
    let layout = tool("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]).replace('\u{a0}', " ");
    let line = |label: &str| {
        layout
            .lines()
            .find(|l| l.trim_start().starts_with(label))
            .unwrap_or_else(|| panic!("no line '{label}' in the PDF"))
            .to_string()
    };
    let (net, vat) = (line("Subtotaal excl. btw"), line("Btw 21%"));
    for period in ["monthly", "one_time"] {
        let n = cents(&format!("{period}_net_cents"));
        let v = cents(&format!("{period}_vat_cents"));
        assert_eq!(
            v,
            (n * 21 + 50) / 100,
            "{period}: VAT is not 21 % of the subtotal"
        );
        assert!(
            net.contains(&eur(n)),
            "{period} subtotal {} not in: {net}",
            eur(n)
        );
        assert!(
            vat.contains(&eur(v)),
            "{period} VAT {} not in: {vat}",
            eur(v)
        );
    }
}

fn each_page_says(pdf: &Path, word: &str, yes: bool) {
    for p in 1..=pages(pdf) {
        assert_eq!(
            text(pdf, Some(p)).contains(word),
            yes,
            "page {p}: '{word}' expected {yes}"
        );
    }
}

fn setup(profile: &Profile) -> (tempfile::TempDir, PathBuf, String) {
    profile.in_temp_db()
}

#[test]
fn nearly_empty_intake_is_a_draft_and_says_why() {
    let (dir, db, id) = setup(&common::nearly_empty());
    let out = dir.path().join("leeg.pdf");
    let (ok, err) = report(&db, &id, &out, "nl", true, None);
    assert!(!ok && !out.exists(), "--final wrote a draft: {err}");
    for why in [
        "nog een concept",
        "Verplichte antwoorden ontbreken",
        "Voorbeeldprijzen",
        "Locaties zonder meting en zonder abonnementssnelheid",
    ] {
        assert!(err.contains(why), "'{why}' missing from: {err}");
    }

    let (ok, err) = report(&db, &id, &out, "nl", false, None);
    assert!(ok && out.exists(), "{err}");
    assert!(err.contains("Concept ("), "a draft written says so: {err}");
    each_page_says(&out, "CONCEPT", true);
    let percent = common::json(&db, &["show", &id, "--json"])["progress"]["percent"].clone();
    let cover = text(&out, Some(1));
    assert!(
        cover.contains(&format!("Volledigheid van de intake: {percent} %")),
        "{cover}"
    );
    // Missing answers by their labels, not their keys.
    assert!(cover.contains("Locaties 1 › Naam"), "{cover}");
    assert!(cover.contains("Voorbeeldprijzen"), "{cover}");
    let all = text(&out, None);
    assert!(
        all.contains("Voorlopige planning"),
        "the plan must not read as final"
    );
    // One workstation: a cost overview, ordered online, with no mandate and no signature.
    assert!(all.contains("orderbevestiging"), "FAQ 2.2 missing");
    assert!(!all.contains("Doorlopende machtiging SEPA") && !all.contains("Ondertekening"));
    assert!(
        !all.contains("maandelijks opzegbaar"),
        "a term the FAQ does not give"
    );
    assert_costs(&db, &id, &out, &[]);

    let en = dir.path().join("empty.pdf");
    let (ok, err) = report(&db, &id, &en, "en", false, None);
    assert!(ok, "{err}");
    each_page_says(&en, "DRAFT", true);
}

fn day(s: &str) -> Date {
    Date::parse(s, time::macros::format_description!("[year]-[month]-[day]")).unwrap()
}

/// The shipped provider's file with every price confirmed, as a real provider would ship it.
fn confirming_provider(dir: &Path) -> PathBuf {
    let text = include_str!("../assets/provider.toml");
    // Every priced code of the catalog, and the workstation price.
    let catalog = intake::quote::Catalog::from_toml_str(intake::quote::CATALOG_TOML, "catalog")
        .expect("catalog");
    let codes: Vec<String> = std::iter::once("workstation".to_string())
        .chain(
            catalog
                .options
                .iter()
                .chain(&catalog.one_time)
                .filter(|i| i.cents.is_some())
                .map(|i| i.id.clone()),
        )
        .collect();
    let list = codes
        .iter()
        .map(|c| format!("\"{c}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let confirmed = text.replace(
        "confirmed_prices = []",
        &format!("confirmed_prices = [{list}]"),
    );
    assert_ne!(
        confirmed, text,
        "provider.toml no longer has `confirmed_prices = []`"
    );
    let path = dir.join("provider.toml");
    std::fs::write(&path, confirmed).unwrap();
    path
}

#[test]
fn construction_firm_closed_over_christmas_migrates_at_the_weekend() {
    let (dir, db, id) = setup(&common::construction_firm());
    let show = json(&db, &["show", &id, "--json"]);
    assert_eq!(show["progress"]["missing"], 0, "{}", show["missing"]);

    let plan = json(&db, &["plan", &id, "--json"]);
    // Both closure periods, in date order, whatever order they were given in.
    assert_eq!(
        plan["closures"],
        serde_json::json!([
            {"from": "2026-12-19", "until": "2027-01-03"},
            {"from": "2027-07-24", "until": "2027-08-15"}
        ])
    );
    let (closed_from, closed_until) = (day("2026-12-19"), day("2027-01-03"));
    let desired = day(common::CONSTRUCTION_GO_LIVE);
    for ph in plan["phases"].as_array().unwrap() {
        let (start, end) = (
            day(ph["start"].as_str().unwrap()),
            day(ph["end"].as_str().unwrap()),
        );
        if ph["id"] == "intake" {
            continue;
        }
        for d in [start, end] {
            assert!(d < closed_from || d > closed_until, "{ph} in the closure");
            let weekend = matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday);
            assert_eq!(
                ph["in_window"] == true,
                weekend,
                "{ph}: window days only for the window"
            );
        }
    }
    // The intake is done (it ends on the intake's date, today here); the quote and its
    // signing start at the report date.
    let phase = |id: &str| {
        let p = plan["phases"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == id)
            .unwrap();
        (
            day(p["start"].as_str().unwrap()),
            day(p["end"].as_str().unwrap()),
        )
    };
    let today = common::today();
    assert!(phase("intake").1 <= today);
    let quote_start = phase("quote").0;
    assert!(quote_start >= today && (quote_start - today).whole_days() <= 3);
    let go_live = day(plan["go_live"].as_str().unwrap());
    // The cut-over takes the weekend before the desired Monday; the plan had slack and was
    // scheduled back from it.
    assert_eq!(go_live, day("2027-02-14"));
    assert!(go_live <= desired && plan["backward"] == true && plan["go_live_too_early"] == false);
    assert!(plan["slack_working_days"].as_u64().unwrap() > 0);
    let migration = plan["phases"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "migration_manual")
        .expect("manual migration");
    assert!(day(migration["start"].as_str().unwrap()) > closed_until);

    // The shipped prices are examples: --final refuses and says so.
    let out = dir.path().join("bouw.pdf");
    let (ok, err) = report(&db, &id, &out, "nl", true, None);
    assert!(
        !ok && !out.exists() && err.contains("Voorbeeldprijzen"),
        "{err}"
    );
    assert!(!err.contains("Verplichte antwoorden"), "{err}");

    // With the provider's file confirming every price the proposal is final.
    let provider = confirming_provider(dir.path());
    let (ok, err) = report(&db, &id, &out, "nl", true, Some(&provider));
    assert!(ok && out.exists(), "{err}");
    each_page_says(&out, "CONCEPT", false);
    let all = text(&out, None);
    for expected in [
        "gesloten van 19 december 2026 tot en met 3 januari 2027",
        "gesloten van 24 juli 2027 tot en met 15 augustus 2027",
        "in het weekend",
        "Gewenste livegang",
        "Doorlopende machtiging SEPA",
        "Nederland",
        "laten terugboeken",
        "verklaring die u van uw bank kunt krijgen",
        "Henk Hendriks",
        "Havenweg 4",
        "NL123456782B01",
        "[FAQ 8.3]",
        "Verwerkersovereenkomst [AVG art. 28",
        "Intakekosten",
        "Minimale contractverplichting",
    ] {
        assert!(all.contains(expected), "'{expected}' missing");
    }
    assert!(!all.contains("maandelijks opzegbaar"));
    assert!(
        !all.contains("Voorbeeldprijs"),
        "confirmed prices carry no example mark"
    );
    assert_costs(&db, &id, &out, &[("INTAKE_PROVIDER", &provider)]);
}
