//! The rules file: the shipped one loads; broken ones fail with file:line:col.

use super::*;

fn err(src: &str) -> Vec<String> {
    match Rules::from_toml_str(src, "r.toml") {
        Ok(_) => panic!("loaded: {src}"),
        Err(e) => e.0.iter().map(|d| d.to_string()).collect(),
    }
}

/// The shipped file with one rule appended.
fn with_rule(rule: &str) -> String {
    format!("{ADVICE_TOML}\n[[rule]]\n{rule}\n")
}

/// Line of the appended rule's first line (1-based) in `with_rule`.
fn first_line() -> usize {
    ADVICE_TOML.lines().count() + 3
}

const OK_RULE: &str = r#"id = "x"
severity = "ok"
when = "facts.users > 0"
title = { nl = "t", en = "t" }
finding = { nl = "f", en = "f" }
measure = { nl = "m", en = "m" }
customer = { nl = "u", en = "you" }"#;

#[test]
fn shipped_rules_load() {
    let r = Rules::embedded().unwrap_or_else(|e| panic!("{e}"));
    assert!(r.rules.len() >= 30, "{}", r.rules.len());
    assert_eq!(r.sizing.workloads["power"].down_mbps, 15.0);
    assert_eq!(r.quote_threshold, 10);
    assert_eq!(r.limits["min_workstations"], 6.0);
    Rules::from_toml_str(&with_rule(OK_RULE), "r.toml").unwrap();
}

#[test]
fn toml_syntax_error_has_position() {
    let e = err("[sizing\n");
    assert!(e[0].starts_with("r.toml:1:"), "{e:?}");
}

#[test]
fn bad_severity_unknown_reference_placeholder_and_code_all_reported() {
    let rule = r#"id = "x"
severity = "fatal"
when = "facts.nope > 1 and workstations.count > 0"
title = { nl = "t", en = "t" }
finding = { nl = "a {facts.missing} b", en = "ok {facts.users}" }
measure = { nl = "m {locations.name}", en = "m" }
customer = { nl = "u", en = "you" }
quote = [{ code = "gold_plating", quantity = "1" }, { code = "dns_change", quantity = "'x'" }]
plan = ["party"]
faq = ["9.99"]"#;
    let e = err(&with_rule(rule));
    let l = first_line();
    let has = |line: usize, col: usize, text: &str| {
        let want = format!("r.toml:{line}:{col}: ");
        assert!(
            e.iter().any(|d| d.starts_with(&want) && d.contains(text)),
            "no '{want}…{text}' in {e:#?}"
        );
    };
    has(l + 1, 12, "unknown severity 'fatal'");
    has(l + 2, 9, "unknown reference 'facts.nope'");
    has(l + 4, 21, "unknown placeholder '{facts.missing}'");
    has(l + 5, 21, "reads group 'locations'");
    has(l + 7, 19, "unknown catalog code 'gold_plating'");
    has(l + 7, 87, "quantity");
    has(l + 8, 9, "unknown plan flag 'party'");
    has(l + 9, 8, "FAQ section '9.99'");
    assert_eq!(e.len(), 8, "{e:#?}");
}

#[test]
fn duplicate_ids_non_boolean_when_and_bad_for_each() {
    let dup = OK_RULE.replace("\"x\"", "\"mobile_ok\"");
    assert!(err(&with_rule(&dup))[0].contains("duplicate rule id 'mobile_ok'"));
    let num = OK_RULE.replace("facts.users > 0", "facts.users + 1");
    assert!(err(&with_rule(&num))[0].contains("must give a yes/no condition"));
    let fe = format!("{OK_RULE}\nfor_each = \"company\"");
    assert!(err(&with_rule(&fe))[0].contains("for_each 'company' is not a repeat group"));
    // Location facts only exist per location.
    let loc = OK_RULE.replace("facts.users > 0", "facts.link_down_mbps > 1");
    assert!(err(&with_rule(&loc))[0].contains("unknown reference 'facts.link_down_mbps'"));
    let loc_ok = format!("{loc}\nfor_each = \"locations\"");
    Rules::from_toml_str(&with_rule(&loc_ok), "r.toml").unwrap();
}

#[test]
fn unknown_field_and_plan_rule_feeding_the_plan_are_refused() {
    let extra = format!("{OK_RULE}\ncolour = \"red\"");
    let e = err(&with_rule(&extra));
    assert!(e[0].contains("colour"), "{e:?}");
    let feeds =
        OK_RULE.replace("facts.users > 0", "facts.go_live_too_early") + "\nplan = [\"measures\"]";
    assert!(err(&with_rule(&feeds))[0].contains("reads plan facts"));
}

#[test]
fn sizing_must_cover_every_workload_choice_and_sane_numbers() {
    let no_power =
        ADVICE_TOML.replace("[sizing.workload.power]\ndown_mbps = 15\nup_mbps = 5\n", "");
    assert!(
        err(&no_power)
            .iter()
            .any(|d| d.contains("no row for 'power'"))
    );
    let bad = ADVICE_TOML.replace("headroom = 1.25", "headroom = 0.5");
    let e = err(&bad);
    let line = ADVICE_TOML
        .lines()
        .position(|l| l.starts_with("headroom"))
        .unwrap()
        + 1;
    assert!(
        e[0].starts_with(&format!("r.toml:{line}:12: headroom")),
        "{e:?}"
    );
    let limit = ADVICE_TOML.replace("min_workstations = 6", "users = 6");
    assert!(err(&limit)[0].contains("name of a computed fact"));
}

#[test]
fn a_customer_text_that_talks_about_the_customer_or_instructs_staff_is_refused() {
    let rule = OK_RULE.replace(
        r#"customer = { nl = "u", en = "you" }"#,
        r#"customer = { nl = "Kies met de klant een datum.", en = "Measure the link with the bandwidth probe." }"#,
    );
    let e = err(&with_rule(&rule));
    let l = first_line() + 6;
    assert!(
        e.iter()
            .any(|d| d.starts_with(&format!("r.toml:{l}:")) && d.contains("'de klant'")),
        "{e:#?}"
    );
    assert!(e.iter().any(|d| d.contains("'bandwidth probe'")), "{e:#?}");
    let missing = OK_RULE.replace("\ncustomer = { nl = \"u\", en = \"you\" }", "");
    let e = err(&with_rule(&missing));
    assert!(e.iter().any(|d| d.contains("customer")), "{e:#?}");
}

#[test]
fn no_shipped_customer_text_names_kpn_or_the_business_partner() {
    let doc: toml::Value = toml::from_str(ADVICE_TOML).unwrap();
    let rules = doc["rule"].as_array().unwrap();
    assert!(rules.len() >= 50, "{}", rules.len());
    for rule in rules {
        for lang in ["nl", "en"] {
            let s = rule["customer"][lang].as_str().unwrap().to_lowercase();
            assert!(!s.contains("kpn"), "rule {}: {s}", rule["id"]);
            assert!(!s.contains("business partner"), "rule {}: {s}", rule["id"]);
        }
    }
}
