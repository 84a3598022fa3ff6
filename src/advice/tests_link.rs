//! The link rules: slow links per location, a measurement no location claims, latency bands
//! and bufferbloat. Split from `tests_rules.rs`, whose helpers these tests share.

use super::tests_rules::*;
use super::*;
use serde_json::{Value as J, json};

fn link(down: &str, up: &str) -> Vec<(&'static str, String)> {
    let mut v: Vec<(&str, String)> = LINK.iter().map(|(k, v)| (*k, v.to_string())).collect();
    v.push(("locations[1].down_mbps", down.into()));
    v.push(("locations[1].up_mbps", up.into()));
    v
}

fn pairs<'a>(v: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    v.iter().map(|(k, s)| (*k, s.as_str())).collect()
}

#[test]
fn slow_link_per_location_names_the_numbers() {
    // 8 workstations × 3 Mbit/s × 1.25 = 30 down; × 1 × 1.25 = 10 up.
    let slow = link("20", "20");
    let fast = link("100", "20");
    let f = check(
        "bandwidth_location_slow",
        &pairs(&slow),
        &[],
        &pairs(&fast),
        &[],
        1,
    );
    assert_eq!(f[0].severity, Severity::Blocker);
    assert_eq!(f[0].entry, Some(1));
    assert_eq!(
        f[0].finding.nl,
        "Locatie 1 (Hoofdkantoor): volgens abonnement 20\u{a0}Mbit/s download en 20\u{a0}Mbit/s upload; nodig is 30\u{a0}Mbit/s download en 10\u{a0}Mbit/s upload voor 8 werkplekken."
    );
    assert_eq!(f[0].quote_lines, [("connection_upgrade".to_string(), 1)]);
    assert_eq!(f[0].plan, [PlanFlag::Measures]);
    // Upload too slow alone fires too.
    check(
        "bandwidth_location_slow",
        &pairs(&link("100", "5")),
        &[],
        &pairs(&link("30", "10")),
        &[],
        1,
    );
    // A measurement at the only location replaces the subscription.
    let f = check(
        "bandwidth_location_slow",
        &pairs(&fast),
        &[bw(18.0, 9.0, 20.0, 40.0, J::Null)],
        &pairs(&slow),
        &[bw(80.0, 20.0, 20.0, 40.0, J::Null)],
        1,
    );
    assert!(
        f[0].finding
            .en
            .contains("measured 18\u{a0}Mbit/s download and 9\u{a0}Mbit/s upload; needed 30\u{a0}Mbit/s download"),
        "{}",
        f[0].finding.en
    );
    assert!(
        f[0].finding.nl.contains("gemeten 18\u{a0}Mbit/s download"),
        "{}",
        f[0].finding.nl
    );
}

#[test]
fn slow_link_at_the_second_of_three_locations() {
    let three = [
        ("workstations.count", "20"),
        ("workstations.workload", "light"),
        ("locations[1].workstations", "10"),
        ("locations[1].down_mbps", "100"),
        ("locations[1].up_mbps", "30"),
        ("locations[2].name", "Magazijn"),
        ("locations[2].workstations", "6"),
        ("locations[2].down_mbps", "8"),
        ("locations[2].up_mbps", "1"),
        ("locations[3].workstations", "4"),
        ("locations[3].down_mbps", "50"),
        ("locations[3].up_mbps", "10"),
    ];
    let f = run(&three, &[]);
    let slow = fired(&f, "bandwidth_location_slow");
    assert_eq!(slow.iter().map(|x| x.entry).collect::<Vec<_>>(), [Some(2)]);
    // 6 × 1.5 × 1.25 = 11.25 → 11,3 (one decimal); up 6 × 0.5 × 1.25 = 3.75 → 3,8.
    assert!(
        slow[0].finding.nl.contains(
            "nodig is 11,3\u{a0}Mbit/s download en 3,8\u{a0}Mbit/s upload voor 6 werkplekken"
        ),
        "{}",
        slow[0].finding.nl
    );
    assert_eq!(
        fired(&f, "bandwidth_ok")
            .iter()
            .map(|x| x.entry)
            .collect::<Vec<_>>(),
        [Some(1), Some(3)]
    );
    // A measurement tagged with location 2 (by name) replaces its subscription.
    let m = run(&three, &[bw(40.0, 10.0, 20.0, 30.0, json!("magazijn"))]);
    assert!(fired(&m, "bandwidth_location_slow").is_empty());
    assert!(fired(&m, "bandwidth_total_slow").is_empty());
}

#[test]
fn slow_measured_link_that_no_location_claims() {
    let two = [
        ("workstations.count", "8"),
        ("workstations.workload", "medium"),
        ("locations[2].name", "Filiaal"),
    ];
    let f = check(
        "bandwidth_total_slow",
        &two,
        &[bw(20.0, 20.0, 10.0, 10.0, J::Null)],
        &two,
        &[bw(20.0, 20.0, 10.0, 10.0, json!(1))],
        1,
    );
    assert!(
        f[0].finding.en.starts_with(
            "Unassigned measurement: 20\u{a0}Mbit/s download and 20\u{a0}Mbit/s upload; needed 30\u{a0}Mbit/s download"
        ),
        "{}",
        f[0].finding.en
    );
    check(
        "bandwidth_total_slow",
        &two,
        &[bw(50.0, 2.0, 10.0, 10.0, J::Null)],
        &two,
        &[bw(50.0, 20.0, 10.0, 10.0, J::Null)],
        1,
    );
}

#[test]
fn unknown_and_sufficient_link() {
    check(
        "bandwidth_unknown",
        LINK,
        &[],
        &pairs(&link("100", "20")),
        &[],
        1,
    );
    check(
        "bandwidth_ok",
        &pairs(&link("100", "20")),
        &[],
        &pairs(&link("100", "5")),
        &[],
        1,
    );
}

#[test]
fn latency_bands() {
    let p = |lat: f64, loaded: f64| [bw(500.0, 100.0, lat, loaded, J::Null)];
    check(
        "latency_high",
        &[],
        &p(250.0, 260.0),
        &[],
        &p(200.0, 210.0),
        1,
    );
    check(
        "latency_text_only",
        &[],
        &p(170.0, 180.0),
        &[],
        &p(150.0, 150.0),
        1,
    );
    check(
        "latency_text_only",
        &[],
        &p(200.0, 200.0),
        &[],
        &p(201.0, 201.0),
        1,
    );
    check(
        "latency_ok",
        &[],
        &p(150.0, 150.0),
        &[],
        &p(151.0, 151.0),
        1,
    );
    let f = check(
        "latency_under_load",
        &[],
        &p(20.0, 320.0),
        &[],
        &p(20.0, 120.0),
        1,
    );
    assert!(
        f[0].finding
            .en
            .contains("Idle 20\u{a0}ms, under load 320\u{a0}ms"),
        "{}",
        f[0].finding.en
    );
    assert!(
        run(&[], &[])
            .iter()
            .all(|x| !x.rule_id.starts_with("latency"))
    );
}

/// A measurement with the loaded latency per direction (idle, download, upload).
fn bw_directions(idle: f64, down: f64, up: f64) -> ProbeRecord {
    probe(
        "bandwidth",
        "link",
        1,
        json!({"download_mbps": 50.0, "upload_mbps": 10.0, "latency_ms": idle, "jitter_ms": 1.0,
               "loaded_latency_ms": (down + up) / 2.0, "loaded_latency_download_ms": down,
               "loaded_latency_upload_ms": up}),
    )
}

#[test]
fn bufferbloat_names_the_measured_latency_and_what_to_do() {
    // 50/10 Mbit/s with a 500 ms modem queue, measured with CUBIC.
    let f = check(
        "bufferbloat",
        &[],
        &[bw_directions(21.0, 372.0, 431.0)],
        &[],
        &[bw_directions(21.0, 58.0, 96.0)],
        1,
    );
    let en = &f[0].finding.en;
    assert!(
        en.contains("21\u{a0}ms") && en.contains("372\u{a0}ms") && en.contains("431\u{a0}ms"),
        "{en}"
    );
    assert!(
        en.contains("up to 410\u{a0}ms more, above 100\u{a0}ms"),
        "{en}"
    );
    assert!(
        f[0].measure.en.contains("smart queue management"),
        "{}",
        f[0].measure.en
    );
    assert!(
        f[0].measure.en.contains("another line"),
        "{}",
        f[0].measure.en
    );
    assert!(
        f[0].measure.nl.contains("andere verbinding"),
        "{}",
        f[0].measure.nl
    );
    // Upload alone is enough; the older overall rule does not report the same cause again.
    let g = run(&[], &[bw_directions(20.0, 40.0, 260.0)]);
    assert_eq!(fired(&g, "bufferbloat").len(), 1, "{:?}", ids(&g));
    assert!(fired(&g, "latency_under_load").is_empty(), "{:?}", ids(&g));
}
