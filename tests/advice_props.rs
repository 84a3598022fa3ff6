//! Property test: on any answers (of any type, also ones the form would refuse) and any probe
//! payloads, the advice and the proposal never panic, every finding names a shipped rule, and
//! every quote line a catalog item.

use intake::advice::{Rules, advise};
use intake::form::{Answers, Value, standard_form};
use intake::proposal::{Config, build};
use intake::quote::Catalog;
use intake::store::ProbeRecord;
use proptest::prelude::*;
use serde_json::json;
use time::macros::date;

/// Keys the rules read, and some they do not.
const KEYS: &[&str] = &[
    "intake.mode",
    "intake.date",
    "workstations.count",
    "workstations.workload",
    "workstations.os",
    "workstations.apple",
    "locations[1].name",
    "locations[1].workstations",
    "locations[1].down_mbps",
    "locations[1].up_mbps",
    "locations[1].cabling_ok",
    "locations[3].down_mbps",
    "locations[3].workstations",
    "users[1].name",
    "users[1].mobile",
    "users[1].options",
    "users[2].name",
    "users[7].options",
    "apps[1].name",
    "apps[1].name_other",
    "apps[1].hosting",
    "apps[2].name",
    "domain.has_domain",
    "domain.name",
    "domain.provider",
    "email.size_gb",
    "email.mailboxes",
    "data.size_gb",
    "data.servers",
    "work.offline_needed",
    "site.cabling",
    "site.servers",
    "site.network_equipment",
    "site.wifi_ok",
    "planning.go_live",
    "planning.migration_by",
    "company.name",
];

const WORDS: &[&str] = &[
    "",
    "other",
    "on_site",
    "online",
    "medium",
    "power",
    "exact",
    "cloud_saas",
    "other_hosting",
    "poor",
    "fair",
    "migration_project",
    "unknown",
    "{facts.x}",
    "é🙂",
];

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        prop_oneof![Just(i64::MIN), Just(i64::MAX), -5i64..600].prop_map(Value::Int),
        prop_oneof![
            Just(f64::NAN),
            Just(f64::INFINITY),
            Just(-1e300),
            Just(1e300),
            -10.0f64..5000.0
        ]
        .prop_map(Value::Num),
        (0..WORDS.len()).prop_map(|i| Value::Text(WORDS[i].to_string())),
        (-40_000i64..40_000)
            .prop_map(|d| Value::Date(date!(2026 - 01 - 01) + time::Duration::days(d))),
        prop::collection::vec(0..WORDS.len(), 0..4)
            .prop_map(|v| Value::List(v.into_iter().map(|i| WORDS[i].to_string()).collect())),
    ]
}

fn payload() -> impl Strategy<Value = serde_json::Value> {
    prop_oneof![
        Just(json!(null)),
        Just(json!([1, 2])),
        (-1e9f64..1e9, -5.0f64..1e4, any::<bool>()).prop_map(|(d, l, tag)| json!({
            "download_mbps": d, "upload_mbps": d / 3.0, "latency_ms": l, "loaded_latency_ms": l * 2.0,
            "location": if tag { json!(2) } else { json!("Magazijn") }
        })),
        (0..WORDS.len(), any::<bool>()).prop_map(|(w, obj)| json!({
            "hostname": WORDS[w],
            "readiness": if obj { json!({"verdict": WORDS[w], "reasons": [WORDS[w], {"message": 5}, null]}) } else { json!("ready") }
        })),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn advice_never_panics_and_names_only_known_rules(
        pairs in prop::collection::vec((0..KEYS.len(), value()), 0..24),
        probes in prop::collection::vec((any::<bool>(), payload()), 0..4),
    ) {
        let form = standard_form().unwrap();
        let rules = Rules::embedded().unwrap();
        let catalog = Catalog::embedded().unwrap();
        let cfg = Config::embedded().unwrap();
        let answers: Answers = pairs.into_iter().map(|(k, v)| (KEYS[k].to_string(), v)).collect();
        let probes: Vec<ProbeRecord> = probes
            .into_iter()
            .enumerate()
            .map(|(i, (bw, payload))| ProbeRecord {
                kind: if bw { "bandwidth" } else { "workstation" }.into(),
                machine_key: format!("m{i}"),
                payload,
                measured_at: time::OffsetDateTime::UNIX_EPOCH + time::Duration::seconds(i as i64),
                source: "test".into(),
            })
            .collect();
        let today = date!(2026 - 03 - 02);
        let findings = advise(&rules, &form, &answers, &probes, &[], today);
        for f in &findings {
            prop_assert!(rules.rule(&f.rule_id).is_some(), "unknown rule {}", f.rule_id);
            prop_assert!(!f.finding.nl.is_empty() && !f.measure.en.is_empty());
            for (code, qty) in &f.quote_lines {
                prop_assert!(catalog.one_time_item(code).is_some() && *qty > 0, "{code} {qty}");
            }
        }
        let p = build(&cfg, &form, &answers, &probes, &[], today);
        for f in &p.findings {
            prop_assert!(rules.rule(&f.rule_id).is_some());
        }
        if let Ok(q) = &p.quote {
            let monthly: i64 = q.lines.iter().filter(|l| l.in_totals() && l.unit_cents.is_some() && matches!(l.period, intake::quote::Period::Monthly)).map(|l| l.net_cents).sum();
            prop_assert_eq!(q.totals.monthly_net_cents, monthly);
        }
    }
}
