//! Rules that read probes, the way of working, the site survey and the plan, and how
//! findings are sorted and priced (helpers in `tests_rules`).

use super::tests_rules::*;
use super::*;
use serde_json::json;
use time::macros::date;

#[test]
fn workstation_readiness_from_probes() {
    let bad = [
        ws_probe(
            "pc-1",
            "not_ready",
            json!(["4 GB memory, needs 8", {"message": "Windows 7"}]),
        ),
        ws_probe("pc-2", "ready", json!([])),
        ws_probe("pc-3", "warning", json!(["disk almost full"])),
        probe("workstation", "pc-4", 1, json!({"hostname": "pc-4"})),
    ];
    let good = [ws_probe("pc-2", "ready", json!([]))];
    let f = check("workstations_not_ready", &[], &bad, &[], &good, 1);
    assert_eq!(
        f[0].finding.en,
        "1 of the 3 measured computers is not ready: pc-1 (4 GB memory, needs 8; Windows 7)."
    );
    let f = check("workstations_marginal", &[], &bad, &[], &good, 1);
    assert!(f[0].finding.nl.contains("pc-3 (disk almost full)"));
    check("workstations_ready", &[], &good, &[], &bad, 1);
    assert!(fired(&run(&[], &[]), "workstations_ready").is_empty());
}

#[test]
fn computers_and_ways_of_working() {
    check(
        "windows_outdated",
        &[("workstations.os", "windows_10,windows_older")],
        &[],
        &[("workstations.os", "windows_11")],
        &[],
        1,
    );
    check(
        "apple_computers",
        &[("workstations.apple", "yes")],
        &[],
        &[("workstations.apple", "no")],
        &[],
        1,
    );
    check(
        "apple_computers",
        &[("workstations.os", "macos")],
        &[],
        &[("workstations.os", "linux")],
        &[],
        1,
    );
    let f = check(
        "offline_needed",
        &[("work.offline_needed", "yes")],
        &[],
        &[("work.offline_needed", "no")],
        &[],
        1,
    );
    assert_eq!(f[0].faq, ["1.34", "1.24"]);
}

#[test]
fn site_observations_only_on_site() {
    check(
        "no_site_survey",
        &[("intake.mode", "online")],
        &[],
        &[("intake.mode", "on_site")],
        &[],
        1,
    );
    let poor = [("intake.mode", "on_site"), ("site.cabling", "poor")];
    let online = [("intake.mode", "online"), ("site.cabling", "poor")];
    let f = check("cabling_poor", &poor, &[], &online, &[], 1);
    assert_eq!(f[0].severity, Severity::Blocker);
    let fair = [
        ("intake.mode", "on_site"),
        ("site.cabling", "fair"),
        ("locations[3].name", "C"),
    ];
    let f = check("cabling_fair", &fair, &[], &poor, &[], 1);
    assert_eq!(f[0].quote_lines, [("cabling_check".to_string(), 3)]);
    // A check only where the cabling is not judged in order.
    let mut fair_one_ok = fair.to_vec();
    fair_one_ok.push(("locations[1].cabling_ok", "yes"));
    let f = check("cabling_fair", &fair_one_ok, &[], &poor, &[], 1);
    assert_eq!(f[0].quote_lines, [("cabling_check".to_string(), 2)]);
    let loc = [
        ("locations[1].cabling_ok", "no"),
        ("locations[2].cabling_ok", "no"),
    ];
    let f = check(
        "location_cabling",
        &loc,
        &[],
        &[("locations[1].cabling_ok", "yes")],
        &[],
        2,
    );
    assert_eq!(quote_lines(&f), [("cabling_check".to_string(), 2)]);
    let f = check(
        "servers_on_site",
        &[
            ("intake.mode", "on_site"),
            ("site.servers", "yes"),
            ("site.server_notes", "HP ML110: bestanden en boekhouding."),
        ],
        &[],
        &online,
        &[],
        1,
    );
    assert!(
        f[0].customer
            .nl
            .contains("HP ML110: bestanden en boekhouding. Per server"),
        "{}",
        f[0].customer.nl
    );
    check(
        "servers_roles_unknown",
        &[("data.servers", "2")],
        &[],
        &[("data.servers", "0")],
        &[],
        1,
    );
    let ne = |v: &'static str| [("intake.mode", "on_site"), ("site.network_equipment", v)];
    check(
        "network_equipment_poor",
        &ne("poor"),
        &[],
        &ne("fair"),
        &[],
        1,
    );
    check(
        "network_equipment_fair",
        &ne("fair"),
        &[],
        &ne("good"),
        &[],
        1,
    );
    check(
        "wifi_poor",
        &[("intake.mode", "on_site"), ("site.wifi_ok", "no")],
        &[],
        &[("intake.mode", "on_site"), ("site.wifi_ok", "yes")],
        &[],
        1,
    );
}

#[test]
fn go_live_rule_reads_plan_facts() {
    let form = crate::form::standard_form().unwrap();
    let rules = Rules::embedded().unwrap();
    let a = answers(&form, &[("planning.go_live", "2026-03-20")]);
    let mut extra = BTreeMap::new();
    extra.insert("facts.go_live_too_early".to_string(), Value::Bool(true));
    extra.insert(
        "facts.earliest_go_live".to_string(),
        Value::Date(date!(2026 - 04 - 07)),
    );
    let model = crate::advice::model::IntakeModel::build(&form, &a, &[], &rules.sizing, "P");
    let f = advise_with(&rules, &form, &a, &model, &[], TODAY, &extra);
    let g = fired(&f, "go_live_too_early");
    assert_eq!(g.len(), 1);
    assert!(
        g[0].finding
            .nl
            .contains("startdatum 20 maart 2026 is te vroeg")
            && g[0].finding.nl.contains("7 april 2026"),
        "{}",
        g[0].finding.nl
    );
    assert!(
        fired(
            &advise(&rules, &form, &a, &[], &[], TODAY),
            "go_live_too_early"
        )
        .is_empty()
    );
}

#[test]
fn sorted_by_severity_and_accepted_findings_add_nothing() {
    let form = crate::form::standard_form().unwrap();
    let rules = Rules::embedded().unwrap();
    let a = answers(
        &form,
        &[
            ("workstations.count", "4"),
            ("users[1].name", "An"),
            ("site.cabling", "poor"),
            ("email.size_gb", "500"),
        ],
    );
    let f = advise(&rules, &form, &a, &[], &[], TODAY);
    let sev: Vec<Severity> = f.iter().map(|x| x.severity).collect();
    let mut sorted = sev.clone();
    sorted.sort();
    assert_eq!(sev, sorted);
    assert_eq!(f[0].severity, Severity::Blocker);
    assert!(
        quote_lines(&f)
            .iter()
            .any(|(c, _)| c == "migration_project")
    );
    assert!(plan_flag(&f, PlanFlag::MigrationProject));
    let acc = [AcceptedFinding {
        rule_id: "migration_project_needed".into(),
        reason: "customer migrates".into(),
        accepted_by: "piet".into(),
        accepted_at: OffsetDateTime::UNIX_EPOCH,
    }];
    let f = advise(&rules, &form, &a, &[], &acc, TODAY);
    let m = fired(&f, "migration_project_needed");
    assert_eq!(
        m[0].accepted.as_ref().map(|x| x.reason.as_str()),
        Some("customer migrates")
    );
    assert!(
        !quote_lines(&f)
            .iter()
            .any(|(c, _)| c.starts_with("migration"))
    );
    assert!(!plan_flag(&f, PlanFlag::MigrationProject));
}

#[test]
fn quote_lines_sum_within_a_rule_and_take_the_largest_across_rules() {
    let mk = |rule: &str, code: &str, q: u32| Finding {
        rule_id: rule.into(),
        severity: Severity::Attention,
        title: Bilingual::default(),
        finding: Bilingual::default(),
        measure: Bilingual::default(),
        customer: Bilingual::default(),
        values: BTreeMap::new(),
        accepted: None,
        quote_lines: vec![(code.into(), q)],
        plan: vec![],
        faq: vec![],
        group: None,
        entry: None,
    };
    let f = [
        mk("a", "x", 1),
        mk("a", "x", 1),
        mk("b", "x", 3),
        mk("c", "y", 2),
    ];
    assert_eq!(
        quote_lines(&f),
        [("x".to_string(), 3), ("y".to_string(), 2)]
    );
    let f = [mk("a", "x", 2), mk("a", "x", 2), mk("b", "x", 3)];
    assert_eq!(quote_lines(&f), [("x".to_string(), 4)]);
}
