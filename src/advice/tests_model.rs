//! The intake model: the bandwidth matcher, and the walk over the form that fails for any
//! answer no rule and no report section reads.

use super::*;
use crate::advice::tests_rules::{answers, probe};
use crate::advice::{Rules, observed};
use crate::form::Kind;
use crate::store::ProbeRecord;
use serde_json::json;

fn model(pairs: &[(&str, &str)], probes: &[ProbeRecord]) -> IntakeModel {
    let form = crate::form::standard_form().unwrap();
    let rules = Rules::embedded().unwrap();
    IntakeModel::build(
        &form,
        &answers(&form, pairs),
        probes,
        &rules.sizing,
        "Leverancier B.V.",
    )
}

fn bw(secs: i64, down: f64, tag: serde_json::Value) -> ProbeRecord {
    probe(
        "bandwidth",
        "link",
        secs,
        json!({"download_mbps": down, "upload_mbps": down / 2.0, "location": tag}),
    )
}

#[test]
fn the_matcher_places_tagged_measurements_and_keeps_untagged_ones_apart() {
    let two = [
        ("locations[1].name", "Hoofdkantoor"),
        ("locations[1].down_mbps", "50"),
        ("locations[2].name", "Filiaal"),
    ];
    // Untagged with two locations: on neither, shown as unassigned.
    let m = model(&two, &[bw(1, 80.0, serde_json::Value::Null)]);
    assert_eq!(m.locations[0].source, LinkSource::Subscribed);
    assert_eq!(m.locations[0].down_mbps, Some(50.0));
    assert_eq!(m.locations[1].source, LinkSource::Unknown);
    assert_eq!(m.unassigned.as_ref().map(|u| u.down_mbps), Some(80.0));
    // Tagged by name (any case) or number: that location's, the newest one counting.
    let m = model(
        &two,
        &[
            bw(1, 10.0, json!("filiaal")),
            bw(2, 20.0, json!(2)),
            bw(3, 90.0, json!("1")),
        ],
    );
    assert_eq!(m.locations[0].down_mbps, Some(90.0));
    assert_eq!(m.locations[0].source, LinkSource::Measured);
    assert_eq!(m.locations[1].down_mbps, Some(20.0));
    assert!(m.unassigned.is_none());
    // A tag naming no location stays unassigned too.
    let m = model(&two, &[bw(1, 30.0, json!("Magazijn"))]);
    assert_eq!(m.unassigned.as_ref().map(|u| u.down_mbps), Some(30.0));
    // With one location an untagged measurement is that location's.
    let m = model(
        &[("locations[1].name", "Winkel")],
        &[bw(1, 40.0, serde_json::Value::Null)],
    );
    assert_eq!(m.locations[0].down_mbps, Some(40.0));
    assert!(m.unassigned.is_none());
}

#[test]
fn computers_keep_their_reasons_and_the_newest_probe_per_machine() {
    let old = probe(
        "workstation",
        "pc",
        1,
        json!({"hostname": "PC-1", "readiness": {"verdict": "not_ready", "reasons": []}}),
    );
    let new = probe(
        "workstation",
        "pc",
        5,
        json!({"hostname": "PC-1", "os_name": "Windows", "os_long_version": "Windows 11 Pro",
               "os_version": "11 (26100)", "memory_total_bytes": 16_000_000_000u64,
               "readiness": {"verdict": "attention", "reasons": [
                   {"check": "disk", "verdict": "attention", "nl": "weinig schijfruimte", "en": "low disk space"},
                   {"check": "memory", "verdict": "ready", "nl": "16 GB", "en": "16 GB"}]}}),
    );
    let m = model(&[], &[new, old]);
    assert_eq!(m.computers.len(), 1);
    let c = &m.computers[0];
    assert_eq!(c.readiness, observed::Readiness::Marginal);
    assert_eq!(c.reasons.len(), 1, "ready checks are no reasons");
    assert_eq!(c.reasons[0].nl, "weinig schijfruimte");
    assert!(!c.windows10);
    assert_eq!(c.os, "Windows 11 Pro");
}

/// Questions no rule reads, each with why it is still collected: it is shown to the customer
/// (cover, quote, SEPA mandate, current situation) and is not a judgement.
const SHOWN_ONLY: &[(&str, &str)] = &[
    ("intake.date", "cover and plan start"),
    ("intake.specialist", "cover"),
    ("intake.contact_name", "cover and signature"),
    ("intake.contact_email", "contact for the proposal"),
    ("intake.contact_phone", "contact for the proposal"),
    ("company.name", "the intake's customer name"),
    ("company.kvk", "quote and cover"),
    ("company.vat", "quote"),
    ("company.address", "cover and SEPA mandate"),
    ("company.postcode", "cover and SEPA mandate"),
    ("company.city", "cover and SEPA mandate"),
    ("company.billing_email", "invoices (FAQ 6.2)"),
    ("company.iban", "SEPA mandate"),
    ("company.iban_holder", "SEPA mandate"),
    ("company.employees", "current situation"),
    ("company.sector_other", "the sector's name"),
    (
        "workstations.age_years",
        "current situation; the probe judges the hardware",
    ),
    (
        "workstations.keep_current",
        "current situation; the probe judges the hardware",
    ),
    ("workstations.os_other", "current situation"),
    ("locations.address", "current situation"),
    ("locations.isp", "current situation"),
    ("locations.connection", "current situation"),
    ("locations.connection_other", "current situation"),
    ("locations.backup_link", "current situation"),
    ("locations.notes", "current situation"),
    ("users.email", "users table"),
    ("users.role", "users table"),
    ("apps.product", "applications table"),
    ("apps.users", "applications table"),
    ("apps.supplier", "applications table"),
    ("apps.notes", "applications table"),
    ("email.provider_other", "current situation"),
    ("data.location", "current situation"),
    ("data.location_other", "current situation"),
    (
        "data.shares",
        "current situation; rights after the migration",
    ),
    ("domain.extra_domains", "current situation"),
    ("domain.dns_managed_by", "current situation"),
    (
        "work.offline_notes",
        "current situation, with the offline finding",
    ),
    ("work.remote_work", "current situation"),
    ("work.office_version", "current situation"),
    ("work.office_version_other", "current situation"),
    ("work.office_licences", "current situation"),
    ("security.mfa_now", "current situation"),
    ("site.notes", "current situation"),
    (
        "planning.migration_window",
        "current situation and the plan",
    ),
    ("planning.budget_notes", "current situation"),
];

#[test]
fn every_answer_the_form_collects_is_read_by_a_rule_or_a_report_section() {
    let form = crate::form::standard_form().unwrap();
    let rules = Rules::embedded().unwrap();
    // One entry of each repeat group, so the model walks their questions too.
    let m = model(
        &[
            ("locations[1].name", "A"),
            ("users[1].name", "B"),
            ("apps[1].name", "exact"),
            ("site.servers", "yes"),
            ("data.servers", "1"),
            ("closures[1].from", "2026-12-24"),
        ],
        &[],
    );
    let mut by_rules: std::collections::BTreeSet<String> = Default::default();
    for r in &rules.rules {
        by_rules.extend(r.when.references().into_iter().map(|(p, _)| p));
        by_rules.extend(r.text.variables.values().map(|v| match v {
            crate::advice::VarSource::Path(p) | crate::advice::VarSource::Localized(p) => p.clone(),
        }));
        for q in &r.quote {
            by_rules.extend(q.quantity.references().into_iter().map(|(p, _)| p));
        }
    }
    let mut unread = Vec::new();
    let mut unshown = Vec::new();
    for s in &form.sections {
        for q in &s.questions {
            if matches!(q.kind, Kind::Note | Kind::Calculated) {
                continue;
            }
            let path = format!("{}.{}", s.id, q.id);
            let fed = by_rules.contains(&path)
                || m.computed.contains(&path)
                || SHOWN_ONLY.iter().any(|(p, _)| *p == path);
            if !fed {
                unread.push(path.clone());
            }
            if !m.shown.contains(&path) && !m.computed.contains(&path) {
                unshown.push(path);
            }
        }
    }
    assert!(
        unread.is_empty(),
        "answers no rule reads (add a rule, or list them in SHOWN_ONLY with why): {unread:#?}"
    );
    assert!(
        unshown.is_empty(),
        "answers the report never shows: {unshown:#?}"
    );
    // And what the list excuses must still be shown somewhere.
    for (p, _) in SHOWN_ONLY {
        assert!(
            m.shown.contains(*p) || m.computed.contains(*p),
            "{p} is in SHOWN_ONLY but not shown"
        );
        assert!(
            form.find(p).is_some(),
            "{p} is in SHOWN_ONLY but not in the form"
        );
    }
}
