//! Renders the sample reports and checks them with real PDF tools (qpdf, poppler-utils).
//! These tests FAIL when the tools are missing: install `qpdf poppler-utils`.
//! Set REPORT_PDF_KEEP=/some/dir to keep the rendered files for inspection.

use std::path::{Path, PathBuf};
use std::process::Command;

use intake::report::{self, QuoteDoc, ReportInput, format_eur, sample};

fn tool(name: &str, args: &[&str]) -> String {
    let out = Command::new(name)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run `{name}` ({e}); install qpdf and poppler-utils"));
    assert!(
        out.status.success(),
        "`{name} {}` failed: {}{}",
        args.join(" "),
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn write(dir: &Path, name: &str, input: &ReportInput) -> PathBuf {
    let bytes = report::render(input).expect("render");
    let path = dir.join(name);
    std::fs::write(&path, &bytes).expect("write pdf");
    if let Ok(keep) = std::env::var("REPORT_PDF_KEEP") {
        std::fs::create_dir_all(&keep).expect("keep dir");
        std::fs::write(Path::new(&keep).join(name), &bytes).expect("keep pdf");
    }
    path
}

fn page_text(pdf: &str, page: usize) -> String {
    let p = page.to_string();
    tool("pdftotext", &["-layout", "-f", &p, "-l", &p, pdf, "-"])
}

fn pages(pdf: &str) -> usize {
    let info = tool("pdfinfo", &[pdf]);
    let line = info
        .lines()
        .find(|l| l.starts_with("Pages:"))
        .expect("Pages line");
    line.split_whitespace()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .expect("page count")
}

fn totals(q: &QuoteDoc) -> Vec<i64> {
    vec![
        q.monthly_net_cents,
        q.monthly_vat_cents,
        q.monthly_gross_cents,
        q.one_time_net_cents,
        q.one_time_vat_cents,
        q.one_time_gross_cents,
        q.first_year_commitment_cents,
    ]
}

/// The common checks; returns the page count.
fn check(dir: &Path, name: &str, input: &ReportInput) -> usize {
    let path = write(dir, name, input);
    let pdf = path.to_str().expect("utf-8 path");

    let qpdf = tool("qpdf", &["--check", pdf]);
    assert!(
        qpdf.contains("No syntax or stream encoding errors"),
        "{qpdf}"
    );

    let info = tool("pdfinfo", &[pdf]);
    let field = |key: &str| -> String {
        let line = info
            .lines()
            .find(|l| l.starts_with(key))
            .unwrap_or_else(|| panic!("no {key} in {info}"));
        line[key.len()..].trim().to_string()
    };
    assert_eq!(field("Page size:"), "595.276 x 841.89 pts (A4)");
    assert_eq!(field("Author:"), input.provider.legal_name);
    assert!(field("Title:").contains(&input.customer.name), "{info}");
    assert!(!field("Subject:").is_empty());
    let created = field("CreationDate:");
    assert!(
        !created.contains("1970"),
        "creation date left at the epoch: {info}"
    );
    assert!(!info.contains("PDF/X"), "must not claim PDF/X: {info}");
    // The catalog carries the document language.
    let lang = if input.lang == report::Lang::Nl {
        "nl-NL"
    } else {
        "en-GB"
    };
    let json = tool("qpdf", &["--json", "--json-key=qpdf", pdf]);
    assert!(
        json.contains(&format!("\"/Lang\": \"u:{lang}\"")),
        "no /Lang {lang} in catalog"
    );

    let fonts = tool("pdffonts", &[pdf]);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(rows.len() >= 2, "both faces used: {fonts}");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type [encoding...] emb sub uni object ID: emb/sub/uni are the 5th..3rd from the end.
        let n = cols.len();
        assert!(n >= 7, "{row}");
        assert!(
            cols[0].contains('+') && cols[0].contains("LiberationSans"),
            "not a subset: {row}"
        );
        assert_eq!(
            (cols[n - 5], cols[n - 4]),
            ("yes", "yes"),
            "not embedded+subset: {row}"
        );
    }

    let text = tool("pdftotext", &["-layout", pdf, "-"]);
    assert!(text.contains(&input.customer.name), "customer name missing");
    if let Some(q) = &input.quote {
        for cents in totals(q) {
            // pdftotext writes the non-breaking space between € and the amount as a plain one.
            let eur = format_eur(cents, input.lang).replace('\u{a0}', " ");
            assert!(text.contains(&eur), "total {eur} missing");
        }
        assert!(text.contains(&q.number));
    }
    // Titles may wrap inside their table cell, so compare with whitespace collapsed.
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for f in &input.findings {
        let title = f.title.split_whitespace().collect::<Vec<_>>().join(" ");
        let found = flat.contains(&title) || {
            // A wrapped cell interleaves with its neighbours in -layout mode; check the raw mode.
            let raw = tool("pdftotext", &[pdf, "-"]);
            raw.split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
                .contains(&title)
        };
        assert!(found, "finding '{}' missing", f.title);
    }
    let n = pages(pdf);
    let footer = format!("Pagina {n} van {n}");
    if input.lang == report::Lang::Nl {
        assert!(
            page_text(pdf, n).contains(&footer),
            "last page lacks '{footer}'"
        );
    }
    n
}

#[test]
fn twelve_workstations_two_locations() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = sample::small_office();
    let n = check(dir.path(), "report-12.pdf", &input);
    assert_eq!(n, 8, "page count of the 12-workstation report");
    let pdf = dir.path().join("report-12.pdf");
    let text = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    for s in [
        "Geaccepteerd",
        "Doorlopende machtiging SEPA",
        "NL98ZZZ999999990000",
        "MWO-2026-0142-01",
        "Ondertekening",
    ] {
        assert!(text.contains(s), "{s} missing");
    }
}

#[test]
fn loaded_latency_is_shown_per_location() {
    let dir = tempfile::tempdir().expect("tempdir");
    let pdf = write(dir.path(), "latency.pdf", &sample::small_office());
    let text = tool("pdftotext", &["-layout", pdf.to_str().unwrap(), "-"]);
    let at = text.find("Vertraging per locatie").expect("latency table");
    let rest = &text[at..];
    for (location, figures) in [
        ("Utrecht (hoofdvestiging)", ["12 ms", "31 ms", "58 ms"]),
        ("Amersfoort", ["21 ms", "372 ms", "432 ms"]),
    ] {
        let line = rest
            .lines()
            .find(|l| l.contains(location))
            .unwrap_or_else(|| panic!("{location} missing: {rest}"));
        // pdftotext gives the non-breaking space as a plain one.
        let spaced = line.replace('\u{a0}', " ");
        let mut from = 0;
        for f in figures {
            let i = spaced[from..]
                .find(f)
                .unwrap_or_else(|| panic!("{f} missing or out of order in {line:?}"));
            from += i + f.len();
        }
    }
    let en = write(dir.path(), "latency-en.pdf", &sample::small_office_en());
    let text = tool("pdftotext", &["-layout", en.to_str().unwrap(), "-"]);
    assert!(text.contains("Latency per location") && text.contains("Under load, uploading"));
}

#[test]
fn forty_workstations_three_locations_quote_spans_pages() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = sample::large_office();
    let n = check(dir.path(), "report-40.pdf", &input);
    assert_eq!(n, 10, "page count of the 40-workstation report");
    let pdf = dir.path().join("report-40.pdf");
    let pdf = pdf.to_str().unwrap();
    // The quote table's header ("Stukprijs" only occurs there) is repeated on every page it spans.
    let with_header: Vec<usize> = (1..=n)
        .filter(|&p| page_text(pdf, p).contains("Stukprijs"))
        .collect();
    assert!(
        with_header.len() >= 2,
        "quote header on pages {with_header:?}"
    );
}

#[test]
fn english_report_uses_english_notation() {
    let dir = tempfile::tempdir().expect("tempdir");
    let input = sample::small_office_en();
    let n = check(dir.path(), "report-12-en.pdf", &input);
    let pdf = dir.path().join("report-12-en.pdf");
    let text = tool("pdftotext", &[pdf.to_str().unwrap(), "-"]);
    assert!(text.contains(&format!("Page {n} of {n}")));
    assert!(text.contains("25 November 2026"));
    let q = input.quote.as_ref().expect("quote");
    assert!(
        text.contains(&format_eur(q.monthly_gross_cents, report::Lang::En)),
        "English amount missing"
    );
}
