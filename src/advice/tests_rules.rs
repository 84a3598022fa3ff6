//! Every shipped rule: fires on answers and probes that call for it, stays quiet on ones that
//! do not. `COVERED` lists the rules tested here and in the files split from this one
//! (`tests_rules_site.rs`, `tests_link.rs`); a test fails when a shipped rule is missing.

use super::*;
use crate::form::AnswerKey;
use serde_json::{Value as J, json};
use time::macros::date;

pub(super) const TODAY: Date = date!(2026 - 03 - 02);

pub(crate) fn answers(form: &Form, pairs: &[(&str, &str)]) -> Answers {
    let mut a = Answers::new();
    for (k, v) in pairs {
        let key = AnswerKey::parse(k).unwrap_or_else(|e| panic!("{k}: {e:?}"));
        let (_, q) = form
            .find(&key.path())
            .unwrap_or_else(|| panic!("no question {k}"));
        let value = q
            .parse_input(v)
            .unwrap_or_else(|m| panic!("{k}={v}: {}", m.get(Lang::En)));
        a.insert(k.to_string(), value);
    }
    a
}

pub(crate) fn probe(kind: &str, machine: &str, secs: i64, payload: J) -> ProbeRecord {
    ProbeRecord {
        kind: kind.into(),
        machine_key: machine.into(),
        payload,
        measured_at: OffsetDateTime::UNIX_EPOCH + time::Duration::seconds(secs),
        source: "test".into(),
    }
}

pub(super) fn bw(down: f64, up: f64, latency: f64, loaded: f64, location: J) -> ProbeRecord {
    probe(
        "bandwidth",
        &format!("link-{location}"),
        1,
        json!({"download_mbps": down, "upload_mbps": up, "latency_ms": latency, "jitter_ms": 2.0,
               "loaded_latency_ms": loaded, "location": location}),
    )
}

pub(super) fn ws_probe(host: &str, verdict: &str, reasons: J) -> ProbeRecord {
    probe(
        "workstation",
        host,
        1,
        json!({"hostname": host, "readiness": {"verdict": verdict, "reasons": reasons}}),
    )
}

pub(super) fn run(pairs: &[(&str, &str)], probes: &[ProbeRecord]) -> Vec<Finding> {
    let form = crate::form::standard_form().unwrap();
    let rules = Rules::embedded().unwrap();
    advise(&rules, &form, &answers(&form, pairs), probes, &[], TODAY)
}

pub(super) fn fired<'a>(f: &'a [Finding], rule: &str) -> Vec<&'a Finding> {
    f.iter().filter(|x| x.rule_id == rule).collect()
}

/// `rule` fires (exactly `n` times) on `yes` and not on `no`; returns the findings of `yes`.
pub(super) fn check(
    rule: &str,
    yes: &[(&str, &str)],
    yes_p: &[ProbeRecord],
    no: &[(&str, &str)],
    no_p: &[ProbeRecord],
    n: usize,
) -> Vec<Finding> {
    let f = run(yes, yes_p);
    assert_eq!(
        fired(&f, rule).len(),
        n,
        "{rule} on {yes:?}: {:#?}",
        ids(&f)
    );
    let g = run(no, no_p);
    assert!(fired(&g, rule).is_empty(), "{rule} fired on {no:?}");
    f.into_iter().filter(|x| x.rule_id == rule).collect()
}

pub(super) fn ids(f: &[Finding]) -> Vec<&str> {
    f.iter().map(|x| x.rule_id.as_str()).collect()
}

const COVERED: &[&str] = &[
    "small_company",
    "order_online",
    "sales_conversation",
    "workload_unknown",
    "bandwidth_location_slow",
    "bandwidth_total_slow",
    "bandwidth_unknown",
    "bandwidth_ok",
    "latency_high",
    "latency_text_only",
    "latency_under_load",
    "bufferbloat",
    "latency_ok",
    "mobile_missing",
    "mobile_ok",
    "custom_hosting",
    "saas_app",
    "domain_elsewhere",
    "domain_provider_unknown",
    "migration_project_needed",
    "migration_project_chosen",
    "migration_manual",
    "migration_volume_unknown",
    "workstations_not_ready",
    "workstations_marginal",
    "workstations_ready",
    "windows_outdated",
    "apple_computers",
    "offline_needed",
    "no_site_survey",
    "cabling_poor",
    "cabling_fair",
    "location_cabling",
    "location_network",
    "servers_on_site",
    "servers_roles_unknown",
    "network_equipment_poor",
    "network_equipment_fair",
    "wifi_poor",
    "go_live_too_early",
    // src/advice/tests_facts.rs
    "windows10_measured",
    "windows10_answered",
    "probe_coverage",
    "probe_none",
    "peripherals",
    "printers",
    "lan_inventory",
    "lan_servers_unlisted",
    "mail_exchange_server",
    "mail_google",
    "mail_pop_imap",
    "mail_microsoft365",
    "mail_source_unknown",
    "pst_files",
    "backup_none",
    "backup_local",
    "backup_not_tested",
    "backup_ok",
    "antivirus_missing",
    "sensitive_data",
    "sector_healthcare",
    "office_subscription_end",
];

#[test]
fn every_shipped_rule_is_covered() {
    for r in &Rules::embedded().unwrap().rules {
        assert!(
            COVERED.contains(&r.id.as_str()),
            "rule {} has no test",
            r.id
        );
    }
}

#[test]
fn size_rules() {
    let f = check(
        "small_company",
        &[("workstations.count", "4")],
        &[],
        &[("workstations.count", "6")],
        &[],
        1,
    );
    assert_eq!(f[0].severity, Severity::Attention);
    assert!(
        f[0].finding.nl.contains("Er zijn 4 werkplekken"),
        "{}",
        f[0].finding.nl
    );
    assert_eq!(f[0].faq, ["1.23", "1.25"]);
    check(
        "order_online",
        &[("workstations.count", "8")],
        &[],
        &[("workstations.count", "12")],
        &[],
        1,
    );
    check(
        "order_online",
        &[("workstations.count", "9")],
        &[],
        &[("workstations.count", "5")],
        &[],
        1,
    );
    check(
        "sales_conversation",
        &[("workstations.count", "10")],
        &[],
        &[("workstations.count", "9")],
        &[],
        1,
    );
    // Without a count the sum over the locations counts.
    check(
        "sales_conversation",
        &[
            ("locations[1].workstations", "6"),
            ("locations[2].workstations", "6"),
        ],
        &[],
        &[],
        &[],
        1,
    );
}

#[test]
fn workload_unknown_uses_the_default_rate() {
    let f = check(
        "workload_unknown",
        &[],
        &[],
        &[("workstations.workload", "medium")],
        &[],
        1,
    );
    assert!(
        f[0].finding.en.contains("3\u{a0}Mbit/s per user"),
        "{}",
        f[0].finding.en
    );
}

pub(super) const LINK: &[(&str, &str)] = &[
    ("workstations.count", "8"),
    ("workstations.workload", "medium"),
    ("locations[1].name", "Hoofdkantoor"),
    ("locations[1].workstations", "8"),
];

#[test]
fn users_without_mobile() {
    let yes = [
        ("users[1].name", "An"),
        ("users[1].mobile", "0612345678"),
        ("users[2].name", "Bo"),
    ];
    let no = [("users[1].name", "An"), ("users[1].mobile", "0612345678")];
    let f = check("mobile_missing", &yes, &[], &no, &[], 1);
    assert_eq!(
        f[0].finding.nl,
        "1 gebruiker zonder mobiel nummer voor de sms-inlog: Bo."
    );
    assert_eq!(f[0].faq, ["1.2", "1.31"]);
    check("mobile_ok", &no, &[], &yes, &[], 1);
}

#[test]
fn business_applications() {
    let yes = [
        ("apps[1].name", "exact"),
        ("apps[1].hosting", "local_server"),
        ("apps[2].name", "other"),
        ("apps[2].name_other", "Navision"),
    ];
    let no = [("apps[1].name", "afas"), ("apps[1].hosting", "cloud_saas")];
    let f = check("custom_hosting", &yes, &[], &no, &[], 2);
    assert!(
        f[0].finding
            .nl
            .starts_with("Exact draait nu niet in de cloud"),
        "{}",
        f[0].finding.nl
    );
    assert!(
        f[1].finding.en.starts_with("Navision does not run"),
        "{}",
        f[1].finding.en
    );
    assert_eq!(f[1].entry, Some(2));
    assert_eq!(
        quote_lines(&f),
        [
            ("custom_hosting_study".to_string(), 2),
            ("custom_hosting_setup".to_string(), 2)
        ]
    );
    check("saas_app", &no, &[], &yes, &[], 1);
}

#[test]
fn domain_rules_read_only_relevant_answers() {
    let yes = [
        ("domain.has_domain", "yes"),
        ("domain.name", "jansen.nl"),
        ("domain.provider", "other_hosting"),
        ("domain.hosting_name", "TransIP"),
    ];
    // The provider answer stays stored but is hidden once there is no own domain.
    let hidden = [
        ("domain.has_domain", "no"),
        ("domain.provider", "other_hosting"),
    ];
    let f = check("domain_elsewhere", &yes, &[], &hidden, &[], 1);
    assert!(
        f[0].finding
            .nl
            .contains("jansen.nl staat bij een andere hostingprovider (TransIP)"),
        "{}",
        f[0].finding.nl
    );
    assert_eq!(f[0].quote_lines, [("dns_change".to_string(), 1)]);
    check(
        "domain_provider_unknown",
        &[("domain.has_domain", "yes"), ("domain.provider", "unknown")],
        &[],
        &yes,
        &[],
        1,
    );
}

#[test]
fn migration_by_volume() {
    let big = [
        ("email.size_gb", "120"),
        ("data.size_gb", "150"),
        ("email.mailboxes", "8"),
    ];
    let small = [("email.size_gb", "20"), ("data.size_gb", "10,5")];
    let f = check("migration_project_needed", &big, &[], &small, &[], 1);
    // 270 GB: project covers 100, then ceil(170 / 50) = 4 × 50 GB.
    assert_eq!(
        f[0].quote_lines,
        [
            ("migration_project".to_string(), 1),
            ("migration_extra_50gb".to_string(), 4)
        ]
    );
    assert_eq!(f[0].plan, [PlanFlag::MigrationProject]);
    check(
        "migration_project_needed",
        &[("email.mailboxes", "16")],
        &[],
        &[("email.mailboxes", "15")],
        &[],
        1,
    );
    let mut chosen = small.to_vec();
    chosen.push(("planning.migration_by", "migration_project"));
    let f = check("migration_project_chosen", &chosen, &[], &small, &[], 1);
    assert_eq!(f[0].quote_lines, [("migration_project".to_string(), 1)]);
    let f = check("migration_manual", &small, &[], &chosen, &[], 1);
    assert!(
        f[0].finding.nl.contains("30,5\u{a0}GB"),
        "{}",
        f[0].finding.nl
    );
    check(
        "migration_volume_unknown",
        &[],
        &[],
        &[("data.size_gb", "1")],
        &[],
        1,
    );
}
