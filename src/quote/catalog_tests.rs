use super::*;
use time::macros::date;

#[test]
fn embedded_catalog_reads_and_has_faq_prices() {
    let c = Catalog::embedded().unwrap();
    assert_eq!(c.vat_percent, 21);
    assert_eq!(
        c.workstation_price(date!(2011 - 06 - 01)).unwrap().cents,
        7995
    );
    assert_eq!(
        c.workstation_price(date!(2026 - 11 - 25)).unwrap().cents,
        9995
    );
    assert!(c.workstation_price(date!(2010 - 12 - 31)).is_none());
    for id in [
        "access",
        "project",
        "visio",
        "publisher",
        "infopath",
        "vandale_nl",
        "vandale_de_en_fr",
        "winrar",
        "app_virtualisation",
    ] {
        assert!(c.option(id).is_some(), "{id}");
    }
    assert!(c.one_time_item("intake").unwrap().only_if_cancelled);
    assert_eq!(c.contract.initial_term_months, 12);
}

fn with_embedded(replace: &str, by: &str) -> Result<Catalog, CatalogError> {
    let src = super::super::CATALOG_TOML.replacen(replace, by, 1);
    assert_ne!(
        src,
        super::super::CATALOG_TOML,
        "replacement '{replace}' did not apply"
    );
    Catalog::from_toml_str(&src, "test.toml")
}

#[test]
fn overlapping_periods_are_rejected_with_location() {
    let e =
        with_embedded("valid_from = \"2012-01-01\"", "valid_from = \"2011-12-31\"").unwrap_err();
    assert!(e.message.contains("overlaps"), "{e}");
    assert_eq!(e.file, "test.toml");
    let line = super::super::CATALOG_TOML
        .lines()
        .position(|l| l.starts_with("valid_from = \"2012-01-01\""))
        .unwrap()
        + 1;
    assert_eq!(e.line, line);
    assert_eq!(e.column, 14);
}

#[test]
fn syntax_error_reports_line_and_column() {
    let e = Catalog::from_toml_str("vat_percent = 21\nquote_validity_days = = 3\n", "x.toml")
        .unwrap_err();
    assert_eq!((e.file.as_str(), e.line), ("x.toml", 2));
    assert!(e.to_string().starts_with("x.toml:2:"), "{e}");
}

#[test]
fn bad_data_is_rejected() {
    assert!(
        with_embedded("id = \"project\"", "id = \"access\"")
            .unwrap_err()
            .message
            .contains("duplicate")
    );
    assert!(
        with_embedded("cents = 9995", "cents = -1")
            .unwrap_err()
            .message
            .contains("between")
    );
    assert!(with_embedded("valid_from = \"2012-01-01\"", "valid_from = \"2012-13-01\"").is_err());
    assert!(
        with_embedded("on_request = true", "")
            .unwrap_err()
            .message
            .contains("needs cents")
    );
    assert!(
        with_embedded("id = \"winrar\"", "id = \"WinRAR\"")
            .unwrap_err()
            .message
            .contains("lowercase")
    );
    assert!(with_embedded("vat_percent = 21", "vat_percent = 121").is_err());
    assert!(
        with_embedded(
            "valid_until = \"2011-12-31\"",
            "valid_until = \"2010-12-31\""
        )
        .unwrap_err()
        .message
        .contains("before")
    );
    assert!(
        with_embedded("cents = 595\nexample = true", "cents = 595\nexampel = true")
            .unwrap_err()
            .message
            .contains("exampel")
    );
}

#[test]
fn line_col_counts_from_one() {
    assert_eq!(line_col("ab\ncd", 0), (1, 1));
    assert_eq!(line_col("ab\ncd", 4), (2, 2));
    assert_eq!(line_col("€\n", 1), (1, 1)); // inside a multi-byte char: no panic
    assert_eq!(line_col("ab", 99), (1, 3));
}
