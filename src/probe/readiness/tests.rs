//! Verdicts against the embedded thresholds.
use super::*;
use crate::probe::workstation::sample;
use time::macros::date;

fn t() -> Thresholds {
    Thresholds::embedded().expect("embedded thresholds parse")
}

#[test]
fn embedded_has_windows_10_end() {
    let t = t();
    let w10 =
        t.os.supported
            .iter()
            .find(|e| e.label == "Windows 10")
            .expect("Windows 10 listed");
    assert_eq!(w10.end_of_support, Some(date!(2025 - 10 - 14)));
}

#[test]
fn healthy_windows_11_is_ready() {
    let r = assess(&sample(), &t(), date!(2026 - 01 - 01));
    assert_eq!(r.verdict, Verdict::Ready, "{r:?}");
    assert_eq!(r.reasons.len(), 4);
}

#[test]
fn low_memory_is_not_ready_with_values_filled_in() {
    let mut p = sample();
    p.memory_total_bytes = 3 << 30;
    p.memory_available_bytes = 1 << 30;
    let r = assess(&p, &t(), date!(2026 - 01 - 01));
    assert_eq!(r.verdict, Verdict::NotReady);
    assert_eq!(r.reasons[0].check, "memory");
    assert_eq!(
        r.reasons[0].nl,
        "3,0\u{a0}GB geheugen, minimaal 4\u{a0}GB nodig"
    );
    assert_eq!(
        r.reasons[0].en,
        "3.0\u{a0}GB memory, at least 4\u{a0}GB needed"
    );
}

#[test]
fn eight_gb_installed_counts_as_eight() {
    let mut p = sample();
    p.memory_total_bytes = (7.7 * GIB) as u64;
    let r = assess(&p, &t(), date!(2026 - 01 - 01));
    assert_eq!(r.verdict, Verdict::Ready, "{r:?}");
}

#[test]
fn windows_10_after_end_and_close_to_end() {
    let mut p = sample();
    p.os_version = "10 (19045)".into();
    let after = assess(&p, &t(), date!(2025 - 10 - 15));
    assert_eq!(after.verdict, Verdict::NotReady);
    assert!(
        after.reasons[0].nl.contains("14 oktober 2025"),
        "{:?}",
        after.reasons[0]
    );
    let before = assess(&p, &t(), date!(2025 - 09 - 14));
    assert_eq!(before.verdict, Verdict::Attention);
    assert!(
        before.reasons[0].en.contains("30 more days"),
        "{:?}",
        before.reasons[0]
    );
}

#[test]
fn unknown_os_needs_attention_and_prefix_is_per_component() {
    assert!(version_matches("10 (19045)", "10"));
    assert!(!version_matches("100", "10"));
    assert!(version_matches("24.04", "24.04"));
    let mut p = sample();
    p.os_name = "Haiku".into();
    p.os_long_version = String::new();
    let r = assess(&p, &t(), date!(2026 - 01 - 01));
    assert_eq!(r.verdict, Verdict::Attention);
}

#[test]
fn macos_matched_through_long_version() {
    let mut p = sample();
    p.os_name = "Darwin".into();
    p.os_version = "13.6".into();
    p.os_long_version = "macOS 13.6 Ventura".into();
    let r = assess(&p, &t(), date!(2026 - 01 - 01));
    assert_eq!(r.verdict, Verdict::NotReady);
    assert!(r.reasons[0].en.contains("macOS 13 Ventura"));
}

#[test]
fn toml_errors_have_line_and_column() {
    let bad = DEFAULT_TOML.replacen("minimum_gb = 4", "minimum_gb = \"four\"", 1);
    match Thresholds::from_toml_str(&bad) {
        Err(ThresholdsError::Parse { line, column, .. }) => {
            let expected = DEFAULT_TOML
                .lines()
                .position(|l| l.starts_with("minimum_gb"))
                .expect("line")
                + 1;
            assert_eq!(line, expected);
            assert!(column > 1);
        }
        other => panic!("expected parse error, got {other:?}"),
    }
    let inverted = DEFAULT_TOML.replacen("recommended_gb = 8", "recommended_gb = 2", 1);
    assert!(matches!(
        Thresholds::from_toml_str(&inverted),
        Err(ThresholdsError::Invalid { .. })
    ));
}

#[test]
fn verdict_serialises_snake_case() {
    assert_eq!(
        serde_json::to_string(&Verdict::NotReady).expect("json"),
        "\"not_ready\""
    );
}
