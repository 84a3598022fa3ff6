//! The rules over the facts of section 5 of issue 13: every collected fact feeds a rule.

use super::tests_rules::{bw, check, fired, probe, run, ws_probe};
use serde_json::json;

fn os_probe(host: &str, name: &str, long: &str, version: &str) -> crate::store::ProbeRecord {
    probe(
        "workstation",
        host,
        2,
        json!({"hostname": host, "os_name": name, "os_long_version": long, "os_version": version,
               "memory_total_bytes": 8_000_000_000u64,
               "readiness": {"verdict": "attention", "reasons": [
                   {"check": "os", "verdict": "attention", "nl": "Windows 10 niet ondersteund", "en": "Windows 10 unsupported"},
                   {"check": "memory", "verdict": "ready", "nl": "8 GB", "en": "8 GB"}]}}),
    )
}

#[test]
fn windows_10_from_probes_and_from_the_form_but_not_ltsc() {
    let w10 = [os_probe("PC-1", "Windows", "Windows 10 Pro", "10 (19045)")];
    let ltsc = [os_probe(
        "KASSA",
        "Windows",
        "Windows 10 IoT Enterprise LTSC 2021",
        "10 (19044)",
    )];
    let f = check("windows10_measured", &[], &w10, &[], &ltsc, 1);
    assert!(f[0].customer.nl.contains("PC-1"), "{}", f[0].customer.nl);
    assert!(f[0].customer.nl.contains("14 oktober 2025"));
    check(
        "windows10_answered",
        &[("workstations.os", "windows_10,windows_11")],
        &[],
        &[("workstations.os", "windows_11")],
        &[],
        1,
    );
    // Measured already: the answer adds no second finding.
    let both = run(&[("workstations.os", "windows_10")], &w10);
    assert!(fired(&both, "windows10_answered").is_empty());
    // The unready reasons reach the advice in the chosen language.
    let f = check("workstations_marginal", &[], &w10, &[], &[], 1);
    assert!(
        f[0].finding
            .nl
            .contains("PC-1 (Windows 10 niet ondersteund)")
    );
    assert!(f[0].finding.en.contains("PC-1 (Windows 10 unsupported)"));
}

#[test]
fn probe_coverage_counts_measured_against_known_computers() {
    let one = [ws_probe("pc-1", "ready", json!([]))];
    let f = check(
        "probe_coverage",
        &[("workstations.devices", "13")],
        &one,
        &[("workstations.devices", "1")],
        &one,
        1,
    );
    assert_eq!(f[0].finding.nl, "1 van 13 computers gemeten; 12 niet.");
    check(
        "probe_none",
        &[("workstations.count", "4")],
        &[],
        &[("workstations.count", "4")],
        &one,
        1,
    );
}

#[test]
fn peripherals_printers_and_the_lan_inventory() {
    let f = check(
        "peripherals",
        &[(
            "workstations.peripherals",
            "Dymo labelprinter, pinautomaat bij de balie, UZI-kaartlezer",
        )],
        &[],
        &[("workstations.peripherals", "alleen een muis")],
        &[],
        1,
    );
    assert!(
        f[0].customer.nl.contains("kaartlezer")
            && f[0].customer.nl.contains("labelprinter")
            && f[0].customer.nl.contains("pinautomaat"),
        "{}",
        f[0].customer.nl
    );
    let lan = probe(
        "lan",
        "scan",
        3,
        json!({"networks": ["192.168.1.0/24"], "hosts": [
            {"address": "192.168.1.20", "role": "printer", "hostname": "hp-balie"},
            {"address": "192.168.1.5", "role": "server"},
            {"address": "192.168.1.1", "role": "network_device"},
            {"address": "192.168.1.30", "role": "workstation"}]}),
    );
    check(
        "printers",
        &[],
        std::slice::from_ref(&lan),
        &[("workstations.printers", "0")],
        &[],
        1,
    );
    let f = check(
        "lan_inventory",
        &[],
        std::slice::from_ref(&lan),
        &[],
        &[],
        1,
    );
    assert!(
        f[0].finding.nl.contains("4 apparaten"),
        "{}",
        f[0].finding.nl
    );
    let f = check(
        "lan_servers_unlisted",
        &[],
        std::slice::from_ref(&lan),
        &[("data.servers", "1")],
        std::slice::from_ref(&lan),
        1,
    );
    assert!(f[0].customer.nl.contains("192.168.1.5"));
}

#[test]
fn mail_source_pst_backup_antivirus_privacy_and_office() {
    for (rule, id) in [
        ("mail_exchange_server", "exchange_onprem"),
        ("mail_google", "google"),
        ("mail_pop_imap", "hosting_provider"),
        ("mail_microsoft365", "microsoft365"),
    ] {
        check(
            rule,
            &[("email.provider", id)],
            &[],
            &[("email.provider", "other")],
            &[],
            1,
        );
    }
    check(
        "mail_source_unknown",
        &[],
        &[],
        &[("email.provider", "google")],
        &[],
        1,
    );
    check(
        "pst_files",
        &[("email.pst_files", "yes")],
        &[],
        &[("email.pst_files", "no")],
        &[],
        1,
    );
    check(
        "backup_none",
        &[("data.backup", "no")],
        &[],
        &[("data.backup", "yes")],
        &[],
        1,
    );
    let usb = [
        ("data.backup", "yes"),
        ("data.backup_how", "Externe USB-schijf"),
    ];
    let f = check(
        "backup_local",
        &usb,
        &[],
        &[
            ("data.backup", "yes"),
            ("data.backup_how", "Online back-up"),
        ],
        &[],
        1,
    );
    assert!(f[0].customer.nl.contains("Externe USB-schijf"));
    let good = [
        ("data.backup", "yes"),
        ("data.backup_frequency", "daily"),
        ("data.backup_tested", "yes"),
    ];
    let untested = [
        ("data.backup", "yes"),
        ("data.backup_frequency", "daily"),
        ("data.backup_tested", "no"),
    ];
    check("backup_not_tested", &untested, &[], &good, &[], 1);
    check("backup_ok", &good, &[], &untested, &[], 1);
    check(
        "antivirus_missing",
        &[("security.antivirus", "no")],
        &[],
        &[("security.antivirus", "yes")],
        &[],
        1,
    );
    let f = check(
        "sensitive_data",
        &[("security.sensitive_data", "yes")],
        &[],
        &[("security.sensitive_data", "no")],
        &[],
        1,
    );
    assert!(f[0].customer.nl.contains("verwerkersovereenkomst"));
    let f = check(
        "sector_healthcare",
        &[("company.sector", "healthcare")],
        &[],
        &[("company.sector", "construction")],
        &[],
        1,
    );
    assert!(f[0].customer.nl.contains("NEN 7510"));
    let f = check(
        "office_subscription_end",
        &[
            ("work.office_version", "microsoft365"),
            ("work.office_licences", "subscription"),
            ("work.subscription_end", "2026-09-30"),
        ],
        &[],
        &[("work.office_version", "microsoft365")],
        &[],
        1,
    );
    assert!(
        f[0].customer.nl.contains("30 september 2026"),
        "{}",
        f[0].customer.nl
    );
}

#[test]
fn an_untagged_measurement_with_several_locations_stays_unassigned() {
    let two = [
        ("workstations.count", "8"),
        ("locations[1].name", "Hoofdkantoor"),
        ("locations[1].down_mbps", "50"),
        ("locations[1].up_mbps", "20"),
        ("locations[1].workstations", "5"),
        ("workstations.workload", "medium"),
        ("locations[2].name", "Filiaal"),
    ];
    let f = run(
        &two,
        &[bw(200.0, 200.0, 10.0, 10.0, serde_json::Value::Null)],
    );
    let ok = fired(&f, "bandwidth_ok");
    // Location 1 is judged on its subscription, not on the untagged measurement.
    assert_eq!(ok.len(), 1);
    assert!(
        ok[0].finding.nl.contains("volgens abonnement 50"),
        "{}",
        ok[0].finding.nl
    );
}

#[test]
fn network_equipment_is_checked_only_where_it_is_not_in_order() {
    let f = check(
        "location_network",
        &[
            ("locations[1].name", "Kantoor"),
            ("locations[1].network_ok", "yes"),
            ("locations[2].name", "Loods"),
            ("locations[2].network_ok", "no"),
        ],
        &[],
        &[("locations[1].network_ok", "yes")],
        &[],
        1,
    );
    assert!(
        f[0].customer.nl.starts_with("Locatie Loods:"),
        "{}",
        f[0].customer.nl
    );
}
