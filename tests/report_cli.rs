//! `intake report` on the real binary for the customer profiles of the advice and quote tests,
//! the demo, and a 40-workstation intake on three locations whose quote table spans pages. Every
//! PDF is checked with real tools (qpdf, poppler-utils); these tests FAIL when a tool is missing.

#[path = "profiles/mod.rs"]
mod common;

use common::{Profile, eur_nl, json, ok, run, text, tool};
use serde_json::Value;
use std::path::{Path, PathBuf};

#[test]
fn dutch_money_formatter_of_this_test() {
    assert_eq!(eur_nl(0), "€\u{a0}0,00");
    assert_eq!(eur_nl(5), "€\u{a0}0,05");
    assert_eq!(eur_nl(99_995), "€\u{a0}999,95");
    assert_eq!(eur_nl(123_456), "€\u{a0}1.234,56");
    assert_eq!(eur_nl(123_456_789), "€\u{a0}1.234.567,89");
}

fn info_field(info: &str, key: &str) -> String {
    info.lines()
        .find_map(|l| l.strip_prefix(key))
        .map(|v| v.trim().to_string())
        .unwrap_or_else(|| panic!("no {key} in pdfinfo output:\n{info}"))
}

/// Exports the report of `id` and runs the common checks; returns the PDF's path and page count.
fn export(db: &Path, id: &str, name: &str, lang: &str) -> (PathBuf, usize) {
    let out = db.parent().unwrap().join(name);
    let printed = ok(
        db,
        &["--lang", lang, "report", id, "--out", out.to_str().unwrap()],
    );
    assert!(out.exists(), "{printed}");
    if let Ok(keep) = std::env::var("REPORT_PDF_KEEP") {
        std::fs::create_dir_all(&keep).expect("keep dir");
        std::fs::copy(&out, Path::new(&keep).join(name)).expect("keep pdf");
    }
    let pdf = out.to_str().unwrap();
    let qpdf = tool("qpdf", &["--check", pdf]);
    assert!(
        qpdf.contains("No syntax or stream encoding errors"),
        "{qpdf}"
    );
    let info = tool("pdfinfo", &[pdf]);
    assert!(
        info_field(&info, "Page size:").contains("(A4)"),
        "not A4:\n{info}"
    );
    assert!(!info_field(&info, "Title:").is_empty(), "{info}");
    assert!(!info_field(&info, "Author:").is_empty(), "{info}");
    let pages: usize = info_field(&info, "Pages:").parse().expect("page count");

    // Every font embedded and subset: the header line, the dashes, then one row per font.
    let fonts = tool("pdffonts", &[pdf]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "no fonts:\n{fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type... encoding emb sub uni object ID: emb and sub are the 5th and 4th from the end.
        let n = cols.len();
        assert!(
            n >= 6 && cols[n - 5] == "yes" && cols[n - 4] == "yes",
            "font not embedded and subset: {row}\n{fonts}"
        );
        assert!(cols[0].len() > 7 && cols[0].as_bytes()[6] == b'+', "{row}");
    }
    (out, pages)
}

/// Customer name, every non-zero quote total in Dutch notation and every finding title.
fn assert_content(db: &Path, id: &str, pdf: &Path, customer: &str) {
    let all = text(pdf, None);
    assert!(all.contains(customer), "customer {customer} missing");
    let (success, quote, _) = run(db, &["quote", id, "--json"]);
    assert!(success, "no quote for {id}");
    let q: Value = serde_json::from_str(&quote).unwrap();
    let totals = q["totals"].as_object().expect("totals");
    let mut checked = 0;
    for (key, v) in totals {
        let cents = v
            .as_i64()
            .unwrap_or_else(|| panic!("total {key} is not cents: {v}"));
        if cents != 0 {
            // pdftotext writes the non-breaking space between € and the amount as a plain one.
            let shown = eur_nl(cents).replace('\u{a0}', " ");
            assert!(all.contains(&shown), "total {key} = {shown} missing");
            checked += 1;
        }
    }
    assert!(checked >= 3, "only {checked} totals: {totals:?}");
    let advice = json(db, &["advise", id, "--json"]);
    let findings = advice.as_array().expect("findings");
    assert!(!findings.is_empty());
    for f in findings {
        let title = f["title"].as_str().expect("title");
        let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(all.contains(&title), "finding '{title}' missing");
    }
}

fn profile_report(profile: Profile, pages: usize) {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.db");
    let id = profile.create(&db);
    let (pdf, n) = export(&db, &id, "r.pdf", "nl");
    assert_eq!(n, pages, "{}: page count", profile.customer);
    assert_content(&db, &id, &pdf, profile.customer);
    assert!(text(&pdf, Some(1)).contains(&format!("Pagina 1 van {pages}")));
    // The shipped catalog's prices are examples: every profile is a draft, on every page.
    for p in 1..=pages {
        assert!(
            text(&pdf, Some(p)).contains("CONCEPT"),
            "page {p} lacks the draft mark"
        );
    }
}

#[test]
fn four_workstations() {
    profile_report(common::four_workstations(), 6);
}

#[test]
fn eight_workstations() {
    profile_report(common::eight_workstations(), 7);
}

#[test]
fn twelve_workstations() {
    profile_report(common::twelve_workstations(), 10);
}

#[test]
fn forty_workstations() {
    profile_report(common::forty_workstations(), 9);
}

/// The store's `reports` rows of an intake: (path, sha256).
fn recorded(db: &Path, id: &str) -> Vec<(String, String)> {
    let conn = common::testkey::open_db(db);
    let mut st = conn
        .prepare("SELECT path, sha256 FROM reports WHERE intake_id = ?1 ORDER BY id")
        .unwrap();
    st.query_map([id.parse::<i64>().unwrap()], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

fn sha256sum(path: &Path) -> String {
    tool("sha256sum", &[path.to_str().unwrap()])
        .split_whitespace()
        .next()
        .expect("hash")
        .to_string()
}

#[test]
fn demo_in_dutch_and_english_recorded_in_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.db");
    let id = ok(&db, &["demo"]).trim().to_string();
    let (nl, pages) = export(&db, &id, "demo.pdf", "nl");
    assert_eq!(pages, 13);
    assert_content(&db, &id, &nl, "Van der Berg Installatietechniek B.V.");
    let all = text(&nl, None);
    for want in [
        "Pagina 1 van 13",
        "Doorlopende machtiging SEPA",
        "Stukprijs",
    ] {
        assert!(all.contains(want), "{want} missing");
    }
    // Amersfoort was not measured: its figures are the subscription's, and say so.
    assert!(
        all.contains("Abonnement 10,0 Mbit/s (te laag)"),
        "subscription speed not labelled"
    );
    assert!(
        !all.contains("Gemeten 10,0 Mbit/s"),
        "subscription shown as measured"
    );

    let (en, en_pages) = export(&db, &id, "demo-en.pdf", "en");
    assert_eq!(en_pages, 13);
    let en_text = text(&en, None);
    for want in [
        "Page 1 of 13",
        "Migration plan",
        "Findings and measures",
        "Unit price",
        "Subscription 10.0 Mbit/s (too low)",
        "SEPA Direct Debit Mandate",
        "Signatures",
    ] {
        assert!(
            en_text.contains(want),
            "{want} missing from the English report"
        );
    }
    // Fixed Dutch labels must not leak into the English report (names and answers may be Dutch).
    for dutch in [
        "Pagina ",
        "Stukprijs",
        "Bevindingen",
        "Gemeten",
        "Abonnement",
        "Werkplekken",
        "Maatregel",
        "Voorwaarden",
        "Ondertekening",
        "Totaal",
        "Eenmalig",
        "Maandelijks",
        "gebruiker",
        "mailboxen",
        "voor:",
        "op aanvraag",
    ] {
        assert!(
            !en_text.contains(dutch),
            "Dutch label '{dutch}' in the English report"
        );
    }

    let rows = recorded(&db, &id);
    assert_eq!(rows.len(), 2, "{rows:?}");
    for ((path, sha), file) in rows.iter().zip([&nl, &en]) {
        assert_eq!(Path::new(path), file.canonicalize().unwrap());
        assert_eq!(sha, &sha256sum(file));
    }
}

#[test]
fn forty_workstations_three_locations_quote_table_spans_pages() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.db");
    let profile = common::forty_workstations_three_locations();
    let id = profile.create(&db);
    let (pdf, pages) = export(&db, &id, "large.pdf", "nl");
    assert_eq!(pages, 12);
    assert_content(&db, &id, &pdf, profile.customer);
    // "Stukprijs" only stands in the quote tables' header; the lines table runs from the quote's
    // first page onto the next, which repeats the header before the optional table's own.
    let with_header: Vec<usize> = (1..=pages)
        .filter(|&p| text(&pdf, Some(p)).contains("Stukprijs"))
        .collect();
    assert!(with_header.len() >= 2, "header on pages {with_header:?}");
    let quote_start = (1..=pages)
        .find(|&p| text(&pdf, Some(p)).contains("Offerte Nummer"))
        .expect("quote page");
    // Items on request are not in the lines priced: they stand apart, after the totals, under
    // a heading that says they are excluded and quoted separately.
    let quote: String = (quote_start..=pages)
        .map(|p| text(&pdf, Some(p)))
        .collect::<Vec<_>>()
        .join(" ");
    let (priced, rest) = quote.split_once("Totalen").expect("totals");
    assert!(
        !priced.contains("op aanvraag"),
        "on-request item among the priced lines"
    );
    let apart = rest
        .split_once("Op aanvraag: niet in dit bedrag")
        .expect("on-request heading")
        .1;
    assert!(apart.contains("aparte offerte") && apart.contains("Upgrade internetverbinding"));
    // Every option line names its users.
    let all = text(&pdf, None);
    assert!(
        all.contains("voor: Collega 1, Collega 9"),
        "users per option missing"
    );
    let rows = recorded(&db, &id);
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].1, sha256sum(&pdf));
}

#[test]
fn bad_paths_fail_clearly_and_write_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.db");
    let id = ok(&db, &["demo"]).trim().to_string();

    let missing = dir.path().join("no-such-dir").join("r.pdf");
    let (success, _, err) = run(&db, &["report", &id, "--out", missing.to_str().unwrap()]);
    assert!(!success, "writing into a missing directory succeeded");
    assert!(
        err.contains(missing.to_str().unwrap()) && err.contains("bestaat niet"),
        "unclear error: {err}"
    );
    assert!(!missing.exists() && !missing.parent().unwrap().exists());

    for name in ["r.txt", "r", "r.pdf.json"] {
        let out = dir.path().join(name);
        let (success, _, err) = run(&db, &["report", &id, "--out", out.to_str().unwrap()]);
        assert!(!success, "{name} accepted");
        assert!(err.contains(".pdf") && err.contains(name), "{name}: {err}");
        assert!(!out.exists());
    }
    // Nothing but the database (its journal files, its key) in the directory, nothing recorded.
    let left: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with("i.db") && n != "test.key")
        .collect();
    assert!(left.is_empty(), "left behind: {left:?}");
    assert!(recorded(&db, &id).is_empty());
}
