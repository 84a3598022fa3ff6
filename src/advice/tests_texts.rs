//! The rules' texts come from Fluent: counts choose singular or plural (the Dutch verb too),
//! numbers and units are written the language's way, choice labels read as words in a sentence.

use super::tests_rules::{fired, run, ws_probe};
use super::*;
use serde_json::json;

/// The one finding of `rule` on `pairs` and `probes`.
fn one(rule: &str, pairs: &[(&str, &str)], probes: &[crate::store::ProbeRecord]) -> Finding {
    let f = run(pairs, probes);
    let mut hits = fired(&f, rule);
    assert_eq!(hits.len(), 1, "{rule}: {f:#?}");
    hits.remove(0).clone()
}

fn begins(text: &str, want: &str) {
    assert!(
        text.starts_with(want),
        "'{text}' does not begin with '{want}'"
    );
}

#[test]
fn one_workstation_and_two_workstations() {
    let f = one("small_company", &[("workstations.count", "1")], &[]);
    begins(&f.finding.nl, "Er is 1 werkplek;");
    begins(&f.finding.en, "There is 1 workstation;");
    let f = one("small_company", &[("workstations.count", "2")], &[]);
    begins(&f.finding.nl, "Er zijn 2 werkplekken;");
    begins(&f.finding.en, "There are 2 workstations;");
    assert_eq!(f.title.nl, "Minder dan 6 werkplekken");
    for text in [&f.finding, &f.customer] {
        assert!(!text.nl.contains("1 werkplekken") && !text.en.contains("1 workstations"));
    }
}

#[test]
fn one_of_one_measured_computer_and_one_of_two_and_two_of_two() {
    let marginal = ws_probe(
        "pc-1",
        "warning",
        json!([{"nl": "schijf bijna vol", "en": "disk almost full"}]),
    );
    let f = one(
        "workstations_marginal",
        &[],
        std::slice::from_ref(&marginal),
    );
    assert_eq!(
        f.finding.nl,
        "1 van de 1 gemeten computers voldoet krap: pc-1 (schijf bijna vol)."
    );
    assert_eq!(
        f.finding.en,
        "1 of the 1 measured computers is marginal: pc-1 (disk almost full)."
    );
    assert!(
        f.customer.nl.contains("volstaat hij voorlopig"),
        "{}",
        f.customer.nl
    );
    let two = [
        marginal.clone(),
        ws_probe("pc-2", "warning", json!(["oud"])),
    ];
    let f = one("workstations_marginal", &[], &two);
    begins(
        &f.finding.nl,
        "2 van de 2 gemeten computers voldoen krap: pc-1 (schijf bijna vol), pc-2 (oud)",
    );
    assert!(
        f.finding
            .en
            .starts_with("2 of the 2 measured computers are marginal"),
        "{}",
        f.finding.en
    );
    let f = one(
        "workstations_marginal",
        &[],
        &[marginal, ws_probe("pc-3", "ready", json!([]))],
    );
    assert!(
        f.finding
            .nl
            .starts_with("1 van de 2 gemeten computers voldoet krap"),
        "{}",
        f.finding.nl
    );
}

#[test]
fn users_without_a_mobile_number_one_and_two() {
    let one_user = [
        ("users[1].name", "An"),
        ("users[2].name", "Bo"),
        ("users[2].mobile", "0612345678"),
    ];
    let f = one("mobile_missing", &one_user, &[]);
    assert_eq!(
        f.finding.nl,
        "1 gebruiker zonder mobiel nummer voor de sms-inlog: An."
    );
    assert_eq!(
        f.finding.en,
        "1 user without a mobile number for the SMS login: An."
    );
    assert!(
        f.customer
            .nl
            .ends_with("zonder nummer kan deze gebruiker niet inloggen.")
    );
    let f = one(
        "mobile_missing",
        &[("users[1].name", "An"), ("users[2].name", "Bo")],
        &[],
    );
    assert_eq!(
        f.finding.nl,
        "2 gebruikers zonder mobiel nummer voor de sms-inlog: An, Bo."
    );
    assert!(
        f.customer
            .en
            .ends_with("without one these users cannot log in.")
    );
}

#[test]
fn numbers_and_units_in_the_language_notation() {
    let f = one(
        "bandwidth_location_slow",
        &[
            ("workstations.count", "3"),
            ("workstations.workload", "medium"),
            ("locations[1].name", "Winkel"),
            ("locations[1].workstations", "3"),
            ("locations[1].down_mbps", "7.5"),
            ("locations[1].up_mbps", "1"),
        ],
        &[],
    );
    // 3 × 3 × 1.25 = 11.25 down, 3 × 1 × 1.25 = 3.75 up, rounded to one place.
    assert_eq!(
        f.finding.nl,
        "Locatie 1 (Winkel): volgens abonnement 7,5\u{a0}Mbit/s download en 1\u{a0}Mbit/s upload; nodig is 11,3\u{a0}Mbit/s download en 3,8\u{a0}Mbit/s upload voor 3 werkplekken."
    );
    assert!(
        f.finding.en.contains("subscribed 7.5\u{a0}Mbit/s download"),
        "{}",
        f.finding.en
    );
    assert_eq!(f.values.get("locations.down_mbps"), None);
    assert_eq!(f.values.get("facts.link_down_mbps"), Some(&Value::Num(7.5)));
}

#[test]
fn choice_labels_in_lower_case_and_yes_no_in_words() {
    let f = one(
        "backup_not_tested",
        &[
            ("data.backup", "yes"),
            ("data.backup_frequency", "weekly"),
            ("data.backup_tested", "no"),
        ],
        &[],
    );
    assert_eq!(
        f.finding.nl,
        "Back-up: wekelijks; teruggezet en getest: nee."
    );
    assert_eq!(f.finding.en, "Backup: weekly; restored and tested: no.");
}

#[test]
fn dates_in_prose() {
    let office = [
        ("work.office_version", "microsoft365"),
        ("work.office_licences", "subscription"),
        ("work.subscription_end", "2026-11-27"),
    ];
    let f = one("office_subscription_end", &office, &[]);
    assert_eq!(
        f.finding.nl,
        "Het huidige Office-abonnement loopt tot 27 november 2026."
    );
    assert_eq!(
        f.finding.en,
        "The current Office subscription runs until 27 November 2026."
    );
}

#[test]
fn the_shipped_texts_have_no_plural_hacks_and_keep_numbers_with_their_units() {
    let units = regex::Regex::new(r"\}\s(Mbit/s|ms|GB)\b").unwrap();
    let mut checked = 0;
    for (lang, file, source) in crate::i18n::resources() {
        if !matches!(*file, "advice.ftl" | "plan.ftl") {
            continue;
        }
        checked += 1;
        for (n, line) in source.lines().enumerate() {
            let at = format!("assets/locales/{lang}/{file}:{}", n + 1);
            assert!(
                !units.is_match(line),
                "{at}: a plain space before a unit: {line}"
            );
            for hack in ["(s)", "(en)", "/-"] {
                assert!(
                    !line.contains(hack),
                    "{at}: '{hack}' instead of a plural: {line}"
                );
            }
        }
    }
    assert_eq!(checked, 4);
}
