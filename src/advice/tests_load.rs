//! The rules file: the shipped one loads; broken ones fail with file:line:col, also where a
//! rule's Fluent message is missing a text or reads a variable the rule cannot see.

use super::*;
use crate::i18n::catalog::Catalog as Messages;

fn err(src: &str) -> Vec<String> {
    err_with(src, &[])
}

/// The embedded Fluent resources plus `extra` (language, FTL) as `test.ftl`.
fn messages(extra: &[(&'static str, &'static str)]) -> Messages {
    let mut all: Vec<(&str, &str, &str)> = crate::i18n::resources().to_vec();
    all.extend(extra.iter().map(|(lang, src)| (*lang, "test.ftl", *src)));
    Messages::parse(&all).unwrap_or_else(|(_, e)| panic!("{e:#?}"))
}

fn load_with(src: &str, extra: &[(&'static str, &'static str)]) -> Result<Rules, RulesError> {
    let form = crate::form::standard_form().unwrap();
    let catalog = crate::quote::Catalog::embedded().unwrap();
    Rules::load(src, "r.toml", &form, &catalog, &messages(extra))
}

fn err_with(src: &str, extra: &[(&'static str, &'static str)]) -> Vec<String> {
    match load_with(src, extra) {
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
message = "rule-mobile-ok""#;

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
fn bad_severity_unknown_reference_message_and_code_all_reported() {
    let rule = r#"id = "x"
severity = "fatal"
when = "facts.nope > 1 and workstations.count > 0"
message = "rule-no-such-rule"
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
    has(
        l + 3,
        11,
        "message 'rule-no-such-rule' is in no assets/locales/en/*.ftl",
    );
    has(
        l + 3,
        11,
        "message 'rule-no-such-rule' is in no assets/locales/nl/*.ftl",
    );
    has(l + 4, 19, "unknown catalog code 'gold_plating'");
    has(l + 4, 87, "quantity");
    has(l + 5, 9, "unknown plan flag 'party'");
    has(l + 6, 8, "FAQ section '9.99'");
    assert_eq!(e.len(), 8, "{e:#?}");
}

const NL_OK: &str = "rule-t = Titel\n    .finding = Er { $users ->\n        [one] is { $users } gebruiker\n       *[other] zijn { $users } gebruikers\n    }.\n    .measure = Doe iets.\n    .customer = U leest dit.\n";
const EN_OK: &str = "rule-t = Title\n    .finding = There { $users ->\n        [one] is { $users } user\n       *[other] are { $users } users\n    }.\n    .measure = Do something.\n    .customer = You read this.\n";

#[test]
fn a_message_missing_in_one_language_or_a_text_is_refused() {
    let rule = OK_RULE.replace("rule-mobile-ok", "rule-t");
    let src = with_rule(&rule);
    load_with(&src, &[("nl", NL_OK), ("en", EN_OK)]).unwrap_or_else(|e| panic!("{e}"));
    let e = err_with(&src, &[("nl", NL_OK)]);
    let at = format!("r.toml:{}:11: ", first_line() + 3);
    assert!(
        e.iter()
            .any(|d| d.starts_with(&at) && d.contains("'rule-t' is in no assets/locales/en/")),
        "{e:#?}"
    );
    assert_eq!(e.len(), 1, "{e:#?}");
    // The English message without its customer text: reported at the message in its file.
    let no_customer = EN_OK.replace("    .customer = You read this.\n", "");
    let no_customer: &'static str = Box::leak(no_customer.into_boxed_str());
    let e = err_with(&src, &[("nl", NL_OK), ("en", no_customer)]);
    assert_eq!(
        e,
        ["assets/locales/en/test.ftl:1:1: rule 'x': message 'rule-t' has no .customer"]
    );
}

#[test]
fn a_variable_the_rule_cannot_see_is_refused_where_it_stands() {
    let rule = OK_RULE.replace("rule-mobile-ok", "rule-t");
    let src = with_rule(&rule);
    // A typo, and a location's fact in a rule that does not run per location.
    let nl = NL_OK.replace("U leest dit.", "U leest { $userz } op { $location_name }.");
    let nl: &'static str = Box::leak(nl.into_boxed_str());
    let e = err_with(&src, &[("nl", nl), ("en", EN_OK)]);
    assert!(
        e.iter()
            .any(|d| d.starts_with("assets/locales/nl/test.ftl:7:28: ")
                && d.contains("rule 'x' (customer): variable '$userz' is neither a fact")),
        "{e:#?}"
    );
    assert!(
        e.iter()
            .any(|d| d.starts_with("assets/locales/nl/test.ftl:7:42: ")
                && d.contains(
                    "facts.location_name exists only in a rule with for_each = \"locations\""
                )),
        "{e:#?}"
    );
    // An answer of a group the rule does not run over.
    let group = NL_OK.replace("Doe iets.", "Doe iets met { $apps_name }.");
    let group: &'static str = Box::leak(group.into_boxed_str());
    let e = err_with(&src, &[("nl", group), ("en", EN_OK)]);
    assert!(
        e.iter().any(|d| d.contains("apps.name of group 'apps'")),
        "{e:#?}"
    );
    let per_app = format!("{rule}\nfor_each = \"apps\"");
    load_with(&with_rule(&per_app), &[("nl", group), ("en", EN_OK)])
        .unwrap_or_else(|e| panic!("{e}"));
}

#[test]
fn rule_variables_name_facts_and_answers() {
    let r = Rules::embedded().unwrap();
    let vars = &r.rule("custom_hosting").unwrap().text.variables;
    assert_eq!(vars["apps_name"], VarSource::Path("apps.name".into()));
    assert_eq!(vars["provider"], VarSource::Path("facts.provider".into()));
    let vars = &r.rule("workstations_marginal").unwrap().text.variables;
    assert_eq!(
        vars["marginal_list"],
        VarSource::Localized("facts.marginal_list".into())
    );
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
    let e = err(&limit);
    assert!(
        e.iter().any(|d| d.contains("name of a computed fact")),
        "{e:#?}"
    );
}

#[test]
fn a_customer_text_that_talks_about_the_customer_or_instructs_staff_is_refused() {
    let rule = OK_RULE.replace("rule-mobile-ok", "rule-t");
    let nl = NL_OK.replace("U leest dit.", "Kies met de klant een datum.");
    let en = EN_OK.replace(
        "You read this.",
        "Measure the link with the bandwidth probe.",
    );
    let (nl, en): (&'static str, &'static str) = (
        Box::leak(nl.into_boxed_str()),
        Box::leak(en.into_boxed_str()),
    );
    let e = err_with(&with_rule(&rule), &[("nl", nl), ("en", en)]);
    assert!(
        e.iter()
            .any(|d| d.starts_with("assets/locales/nl/test.ftl:7:6: ") && d.contains("'de klant'")),
        "{e:#?}"
    );
    assert!(e.iter().any(|d| d.contains("'bandwidth probe'")), "{e:#?}");
}

#[test]
fn no_shipped_customer_text_names_kpn_or_the_business_partner() {
    let r = Rules::embedded().unwrap();
    assert!(r.rules.len() >= 50, "{}", r.rules.len());
    let messages = Messages::embedded();
    for rule in &r.rules {
        for lang in ["nl", "en"] {
            let m = messages.message(lang, &rule.text.message).unwrap();
            let s = m.pattern(Some("customer")).unwrap().text.to_lowercase();
            assert!(!s.contains("kpn"), "rule {}: {s}", rule.id);
            assert!(!s.contains("business partner"), "rule {}: {s}", rule.id);
        }
    }
}
