//! `intake advise`, `accept`, `quote` and `plan` on the real binary, with four customer profiles
//! of 4, 8, 12 and 40 workstations set up by `intake new` + `intake set`.
//!
//! Catalog unit prices (assets/catalog.toml, regular price from 2012): workstation 9 995, access
//! 595, project 1 495, visio 1 195, winrar 100; one-time migration_project 95 000,
//! migration_extra_50gb 15 000, custom_hosting_study 45 000, dns_change 7 500, cabling_check
//! 19 500, intake 29 500 (only if the order does not go ahead: shown, not in the totals);
//! connection_upgrade and custom_hosting_setup on request. VAT 21 % per line, half up.
//! First-year commitment: workstation × (12 + (n − 1) × 1) + options × 1 month + one-time net.

#[path = "profiles/mod.rs"]
mod common;

use common::checks::*;
use common::{json, ok, run};
use serde_json::Value;
use std::time::Instant;

#[test]
fn four_workstations_small_company_cost_overview() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.db");
    let id = common::four_workstations().create(&db);
    let a = json(&db, &["advise", &id, "--json"]);
    assert_rules(
        &a,
        &[
            "small_company",
            "bandwidth_ok",
            "mobile_ok",
            "migration_manual",
        ],
        &[
            "order_online",
            "sales_conversation",
            "bandwidth_location_slow",
            "mobile_missing",
            "migration_project_needed",
        ],
    );
    let small = a
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "small_company")
        .unwrap();
    assert_eq!(small["severity"], "attention");
    assert!(small["message"].as_str().unwrap().contains("4 werkplekken"));
    let q = json(&db, &["quote", &id, "--json"]);
    assert_eq!(q["kind"], "cost_overview");
    // workstation 4 × 9 995 = 39 980, VAT 8 395.80 → 8 396; access 595, VAT 124.95 → 125.
    assert_eq!(
        lines(&q),
        [
            l("workstation", 4, Some(9995), 39_980, 8_396, "monthly"),
            l("access", 1, Some(595), 595, 125, "monthly"),
            l("intake", 1, Some(29_500), 29_500, 6_195, "one_time"),
        ]
    );
    // Monthly 40 575 + 8 521 = 49 096; nothing one-time (the intake only if cancelled);
    // commitment: every quoted workstation 12 months, 9 995 × 4 × 12 + 595 = 480 355.
    assert_eq!(totals(&q), [40_575, 8_521, 49_096, 0, 0, 0, 480_355]);
    assert_totals_add_up(&q);
    let p = json(&db, &["plan", &id, "--json"]);
    assert_plan_sane(&p);
    assert!(
        !p["phases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|ph| ph["id"] == "quote" || ph["id"] == "migration_project")
    );
}

#[test]
fn eight_workstations_slow_link_missing_mobile_accept() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.db");
    let early = common::eight_workstations_go_live();
    let id = common::eight_workstations().create(&db);
    let a = json(&db, &["advise", &id, "--json"]);
    assert_rules(
        &a,
        &[
            "bandwidth_location_slow",
            "mobile_missing",
            "migration_project_needed",
            "cabling_fair",
            "order_online",
            "go_live_too_early",
        ],
        &[
            "small_company",
            "sales_conversation",
            "bandwidth_ok",
            "mobile_ok",
        ],
    );
    assert_eq!(a[0]["severity"], "blocker");
    let slow = a
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "bandwidth_location_slow")
        .unwrap();
    // 8 × 3 × 1.25 = 30 down, 8 × 1 × 1.25 = 10 up.
    assert!(
        slow["message"]
            .as_str()
            .unwrap()
            .contains("20\u{a0}Mbit/s download en 5\u{a0}Mbit/s upload; nodig is 30\u{a0}Mbit/s download en 10\u{a0}Mbit/s upload"),
        "{slow}"
    );
    let en = json(&db, &["--lang", "en", "advise", &id, "--json"]);
    assert!(
        en[0]["message"]
            .as_str()
            .unwrap()
            .contains("needed 30\u{a0}Mbit/s download"),
        "{}",
        en[0]
    );

    let q = json(&db, &["quote", &id, "--json"]);
    assert_eq!(q["kind"], "cost_overview");
    assert_eq!(
        lines(&q),
        [
            l("workstation", 8, Some(9995), 79_960, 16_792, "monthly"),
            l("visio", 1, Some(1195), 1_195, 251, "monthly"),
            l("intake", 1, Some(29_500), 29_500, 6_195, "one_time"),
            l("connection_upgrade", 1, None, 0, 0, "on_request"),
            l(
                "migration_project",
                1,
                Some(95_000),
                95_000,
                19_950,
                "one_time"
            ),
            l("cabling_check", 1, Some(19_500), 19_500, 4_095, "one_time"),
        ]
    );
    // Monthly 81 155 + 17 043 = 98 198; one-time 114 500 + 24 045 = 138 545;
    // commitment 9 995 × 8 × 12 + 1 195 + 114 500 = 1 075 215.
    assert_eq!(
        totals(&q),
        [81_155, 17_043, 98_198, 114_500, 24_045, 138_545, 1_075_215]
    );
    assert_totals_add_up(&q);

    let p = json(&db, &["plan", &id, "--json"]);
    assert_plan_sane(&p);
    assert_eq!(p["go_live_too_early"], true);
    assert!(p["earliest_go_live"].as_str().unwrap() > early.as_str());
    let ids: Vec<&str> = p["phases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|ph| ph["id"].as_str().unwrap())
        .collect();
    assert!(
        ids.contains(&"measures") && ids.contains(&"migration_project") && !ids.contains(&"quote"),
        "{ids:?}"
    );

    // Accepting: an unknown rule is refused and nothing stored; a real one shows as accepted and
    // drops its quote line and plan phase.
    let (success, _, err) = run(&db, &["accept", &id, "latency_high", "--reason", "x"]);
    assert!(
        !success && err.contains("geen bevinding 'latency_high'") && err.contains("mobile_missing"),
        "{err}"
    );
    let (success, _, err) = run(&db, &["accept", &id, "mobile_missing", "--reason", "  "]);
    assert!(!success && err.contains("reason"), "{err}");
    ok(
        &db,
        &[
            "accept",
            &id,
            "migration_project_needed",
            "--reason",
            "klant migreert zelf",
        ],
    );
    let a = json(&db, &["advise", &id, "--json"]);
    let m = a
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "migration_project_needed")
        .unwrap();
    assert_eq!(m["accepted"]["reason"], "klant migreert zelf");
    assert!(m["accepted"]["by"].as_str().is_some_and(|b| !b.is_empty()));
    assert!(
        a.as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] != "migration_project_needed")
            .all(|f| f["accepted"].is_null())
    );
    let human = ok(&db, &["advise", &id]);
    assert!(
        human.contains("Geaccepteerd: klant migreert zelf")
            && human.contains("✗ Internetverbinding te traag"),
        "{human}"
    );
    let q = json(&db, &["quote", &id, "--json"]);
    assert!(!lines(&q).iter().any(|x| x.0 == "migration_project"));
    assert_eq!(totals(&q)[3], 19_500);
    let p = json(&db, &["plan", &id, "--json"]);
    assert!(
        !p["phases"]
            .as_array()
            .unwrap()
            .iter()
            .any(|ph| ph["id"] == "migration_project")
    );
}

#[test]
fn twelve_workstations_three_locations_apps_domain_quote() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.db");
    let id = common::twelve_workstations().create(&db);
    let a = json(&db, &["advise", &id, "--json"]);
    assert_rules(
        &a,
        &[
            "sales_conversation",
            "bandwidth_location_slow",
            "bandwidth_ok",
            "custom_hosting",
            "saas_app",
            "domain_elsewhere",
            "migration_project_needed",
            "mobile_ok",
        ],
        &[
            "small_company",
            "order_online",
            "mobile_missing",
            "go_live_too_early",
            "cabling_fair",
        ],
    );
    let slow: Vec<&Value> = a
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "bandwidth_location_slow")
        .collect();
    // Only the warehouse: 3 × 5 × 1.25 = 18.75 → 18,8 needed, 10 subscribed.
    assert_eq!(slow.len(), 1);
    assert_eq!(slow[0]["entry"], 2);
    assert!(
        slow[0]["message"].as_str().unwrap().contains("Magazijn")
            && slow[0]["message"]
                .as_str()
                .unwrap()
                .contains("nodig is 18,8\u{a0}Mbit/s download")
    );

    let q = json(&db, &["quote", &id, "--json"]);
    assert_eq!(q["kind"], "quote");
    assert_eq!(
        lines(&q),
        [
            l("workstation", 12, Some(9995), 119_940, 25_187, "monthly"),
            l("access", 1, Some(595), 595, 125, "monthly"),
            l("project", 1, Some(1495), 1_495, 314, "monthly"),
            l("visio", 1, Some(1195), 1_195, 251, "monthly"),
            l("intake", 1, Some(29_500), 29_500, 6_195, "one_time"),
            l("connection_upgrade", 1, None, 0, 0, "on_request"),
            l(
                "custom_hosting_study",
                1,
                Some(45_000),
                45_000,
                9_450,
                "one_time"
            ),
            l("custom_hosting_setup", 1, None, 0, 0, "on_request"),
            l("dns_change", 1, Some(7_500), 7_500, 1_575, "one_time"),
            l(
                "migration_project",
                1,
                Some(95_000),
                95_000,
                19_950,
                "one_time"
            ),
            // 270 GB: the project covers 100, then ceil(170 / 50) = 4 blocks of 50 GB.
            l(
                "migration_extra_50gb",
                4,
                Some(15_000),
                60_000,
                12_600,
                "one_time"
            ),
        ]
    );
    // Monthly 123 225 + 25 877 = 149 102; one-time 207 500 + 43 575 = 251 075;
    // commitment 9 995 × 12 × 12 + 3 285 + 207 500 = 1 650 065.
    assert_eq!(
        totals(&q),
        [
            123_225, 25_877, 149_102, 207_500, 43_575, 251_075, 1_650_065
        ]
    );
    assert_totals_add_up(&q);
    let human = ok(&db, &["quote", &id]);
    assert!(
        human.contains("Offerte")
            && human.contains("€\u{a0}1.491,02")
            && human.contains("op aanvraag"),
        "{human}"
    );

    let p = json(&db, &["plan", &id, "--json"]);
    assert_plan_sane(&p);
    assert_eq!(p["go_live_too_early"], false);
    let ids: Vec<&str> = p["phases"]
        .as_array()
        .unwrap()
        .iter()
        .map(|ph| ph["id"].as_str().unwrap())
        .collect();
    for want in [
        "quote",
        "measures",
        "migration_project",
        "custom_hosting",
        "dns_change",
    ] {
        assert!(ids.contains(&want), "{want} not in {ids:?}");
    }
}

#[test]
fn forty_workstations_online_intake_quote_and_timing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.db");
    let id = common::forty_workstations().create(&db);
    let started = Instant::now();
    let a = json(&db, &["advise", &id, "--json"]);
    let took = started.elapsed();
    eprintln!(
        "advise --json on the 40-workstation intake: {took:?} (debug build, process start included)"
    );
    assert_rules(
        &a,
        &[
            "sales_conversation",
            "bandwidth_ok",
            "mobile_ok",
            "migration_project_needed",
            "no_site_survey",
        ],
        &[
            "bandwidth_location_slow",
            "mobile_missing",
            "small_company",
            "cabling_fair",
            "custom_hosting",
        ],
    );
    assert_eq!(
        a.as_array()
            .unwrap()
            .iter()
            .filter(|f| f["rule"] == "bandwidth_ok")
            .count(),
        2
    );
    let q = json(&db, &["quote", &id, "--json"]);
    assert_eq!(q["kind"], "quote");
    // workstation 40 × 9 995 = 399 800, VAT 83 958; visio 5 × 1 195 = 5 975, VAT 1 254.75 → 1 255;
    // winrar 10 × 100 = 1 000, VAT 210; 40 mailboxes > 15: migration project, 45 GB: no extra.
    assert_eq!(
        lines(&q),
        [
            l("workstation", 40, Some(9995), 399_800, 83_958, "monthly"),
            l("visio", 5, Some(1195), 5_975, 1_255, "monthly"),
            l("winrar", 10, Some(100), 1_000, 210, "monthly"),
            l("intake", 1, Some(29_500), 29_500, 6_195, "one_time"),
            l(
                "migration_project",
                1,
                Some(95_000),
                95_000,
                19_950,
                "one_time"
            ),
        ]
    );
    // Monthly 406 775 + 85 423 = 492 198; one-time 95 000 + 19 950 = 114 950;
    // commitment 9 995 × 40 × 12 + 6 975 + 95 000 = 4 899 575.
    assert_eq!(
        totals(&q),
        [406_775, 85_423, 492_198, 95_000, 19_950, 114_950, 4_899_575]
    );
    assert_totals_add_up(&q);
    let p = json(&db, &["plan", &id, "--json"]);
    assert_plan_sane(&p);
    let human = ok(&db, &["--lang", "en", "plan", &id]);
    assert!(human.contains("Earliest possible go-live"), "{human}");
}

#[test]
fn commands_on_an_empty_or_missing_intake() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.db");
    let id = ok(&db, &["new", "--customer", "Leeg"]).trim().to_string();
    let a = json(&db, &["advise", &id, "--json"]);
    assert_rules(
        &a,
        &[
            "workload_unknown",
            "migration_volume_unknown",
            "bandwidth_unknown",
        ],
        &["small_company"],
    );
    let (success, _, err) = run(&db, &["quote", &id, "--json"]);
    assert!(!success && err.contains("workstations.count"), "{err}");
    json(&db, &["plan", &id, "--json"]);
    let (success, _, err) = run(&db, &["advise", "99"]);
    assert!(!success && !err.is_empty());
}
