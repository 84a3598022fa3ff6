//! The standard form's own logic: what is required and shown on a fresh intake, and
//! the checks and calculations the FAQ implies.

use super::eval::{Answers, Audience, Evaluation};
use super::{Form, Value, standard_form};
use time::macros::date;

const TODAY: time::Date = date!(2027 - 01 - 15);

fn form() -> Form {
    standard_form().unwrap()
}

fn eval(f: &Form, pairs: &[(&str, Value)], audience: Audience) -> Evaluation {
    let a: Answers = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect();
    f.evaluate(&a, audience, TODAY)
}

fn item(f: &Form, ev: &Evaluation, key: &str) -> (bool, bool, Value) {
    let k = super::AnswerKey::parse(key).unwrap();
    let (s, q) = f.position(&k.path()).unwrap();
    let st = ev.item(s, k.instance.map_or(0, |n| n - 1), q).unwrap();
    (
        ev.sections[s].visible && st.visible,
        st.required,
        st.value.clone(),
    )
}

fn text(s: &str) -> Value {
    Value::Text(s.into())
}

#[test]
fn a_fresh_intake_asks_for_the_essentials_only() {
    let f = form();
    let ev = eval(
        &f,
        &[("intake.mode", text("on_site"))],
        Audience::Specialist,
    );
    let mut missing = Vec::new();
    for (s, st) in f.sections.iter().zip(&ev.sections) {
        for (inst, row) in st.items.iter().enumerate() {
            for (q, it) in s.questions.iter().zip(row) {
                if st.visible && it.missing() {
                    missing.push(super::eval::key_of(s, inst, q));
                }
            }
        }
    }
    assert_eq!(
        missing,
        [
            "intake.contact_name",
            "intake.contact_email",
            "company.name",
            "company.kvk",
            "company.postcode",
            "company.billing_email",
            "workstations.count",
            "workstations.workload",
            "locations[1].name",
            "locations[1].workstations",
            "users[1].name",
        ]
    );
    assert_eq!(ev.total_errors(), 0);
}

#[test]
fn total_users_counts_users_entered_not_empty_entries() {
    let f = form();
    let ev = eval(&f, &[], Audience::Specialist);
    assert_eq!(
        item(&f, &ev, "planning.total_users").2,
        Value::Int(0),
        "the empty first entry is nobody"
    );
    let ev = eval(
        &f,
        &[
            ("users[1].name", text("Ann")),
            ("users[3].name", text("Cor")),
        ],
        Audience::Specialist,
    );
    assert_eq!(item(&f, &ev, "planning.total_users").2, Value::Int(2));
}

#[test]
fn ordering_online_below_ten_workstations_a_quote_from_ten() {
    let f = form();
    for (n, online, quote) in [(9, true, false), (10, false, true)] {
        let ev = eval(
            &f,
            &[("workstations.count", Value::Int(n))],
            Audience::Specialist,
        );
        assert_eq!(item(&f, &ev, "workstations.order_online").0, online, "{n}");
        assert_eq!(item(&f, &ev, "workstations.order_quote").0, quote, "{n}");
    }
    let ev = eval(
        &f,
        &[("workstations.count", Value::Int(5))],
        Audience::Specialist,
    );
    let (s, q) = f.position("workstations.count").unwrap();
    assert!(
        ev.item(s, 0, q).unwrap().warning.is_some(),
        "the product is meant for 6 or more"
    );
}

#[test]
fn site_observations_only_on_site_and_never_for_customers() {
    let f = form();
    let visible = |mode: &str, audience| {
        let ev = eval(&f, &[("intake.mode", text(mode))], audience);
        item(&f, &ev, "site.cabling").0
    };
    assert!(visible("on_site", Audience::Specialist));
    assert!(!visible("online", Audience::Specialist));
    assert!(!visible("on_site", Audience::Customer));
}

#[test]
fn domain_name_is_asked_and_required_only_with_a_domain() {
    let f = form();
    let ev = eval(
        &f,
        &[
            ("domain.has_domain", Value::Bool(false)),
            ("domain.name", text("x.nl")),
        ],
        Audience::Specialist,
    );
    let (shown, _, kept) = item(&f, &ev, "domain.name");
    assert!(!shown);
    assert_eq!(kept, text("x.nl"), "hidden answers are kept");
    let ev = eval(
        &f,
        &[("domain.has_domain", Value::Bool(true))],
        Audience::Specialist,
    );
    assert_eq!(item(&f, &ev, "domain.name"), (true, true, Value::Null));
}
