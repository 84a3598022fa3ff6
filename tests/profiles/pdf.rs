//! The PDF read back with the real tools (qpdf, poppler-utils), and Dutch money written out by
//! hand to compare with.

use std::path::Path;
use std::process::Command;

/// Runs a PDF tool (qpdf, poppler-utils); fails, never skips, when it is missing.
pub fn tool(name: &str, args: &[&str]) -> String {
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

/// Dutch money notation written here, not taken from the library, so a formatting bug in the
/// report shows: "€ 1.234,56", thousands with dots, two decimals after a comma.
pub fn eur_nl(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    let euros = (abs / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in euros.chars().enumerate() {
        if i > 0 && (euros.len() - i).is_multiple_of(3) {
            grouped.push('.');
        }
        grouped.push(c);
    }
    format!("€\u{a0}{sign}{grouped},{:02}", abs % 100)
}

/// All text of a PDF (or one page) with runs of white space made single spaces, so words that
/// wrapped onto a new line still match.
pub fn text(pdf: &Path, page: Option<usize>) -> String {
    let p = pdf.to_str().expect("utf-8 path");
    let raw = match page {
        Some(n) => {
            let n = n.to_string();
            tool("pdftotext", &["-f", &n, "-l", &n, p, "-"])
        }
        None => tool("pdftotext", &[p, "-"]),
    };
    raw.split_whitespace().collect::<Vec<_>>().join(" ")
}
