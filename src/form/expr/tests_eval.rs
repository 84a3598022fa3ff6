//! Evaluator tests: every operator, every function, and the null semantics.

use super::{Expr, MapEnv};
use crate::form::value::{Value, parse_date};
use std::collections::HashMap;

fn d(s: &str) -> time::Date {
    parse_date(s).unwrap()
}

fn text(s: &str) -> Value {
    Value::Text(s.into())
}

fn list(ids: &[&str]) -> Value {
    Value::List(ids.iter().map(|s| s.to_string()).collect())
}

fn inst(fields: &[(&str, Value)]) -> HashMap<String, Value> {
    fields
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

/// A small intake: two locations, three users, two apps.
fn env() -> MapEnv {
    let mut e = MapEnv::new(d("2027-01-15"));
    e.set("company.name", text("Bakkerij Jansen"))
        .set("company.kvk", text("12345678"))
        .set("workstations.count", Value::Int(12))
        .set("email.size_gb", Value::Num(7.5))
        .set("intake.mode", text("on_site"))
        .set("work.offline_needed", Value::Bool(true))
        .set("planning.go_live", Value::Date(d("2027-03-01")))
        .set("blank", text("  "))
        .set("none", Value::List(vec![]))
        .set("nan", Value::Num(f64::NAN))
        .set("big", Value::Int(i64::MAX))
        .set("set.a", list(&["visio", "access", "visio"]))
        .set("set.b", list(&["access", "visio"]));
    e.groups.insert(
        "locations".into(),
        vec![
            inst(&[
                ("name", text("Utrecht")),
                ("down_mbps", Value::Int(100)),
                ("workstations", Value::Int(8)),
            ]),
            inst(&[
                ("name", text("Zeist")),
                ("down_mbps", Value::Num(20.5)),
                ("workstations", Value::Int(4)),
            ]),
            inst(&[("name", text("Empty"))]),
        ],
    );
    e.groups.insert(
        "users".into(),
        vec![
            inst(&[
                ("mobile", text("+31612345678")),
                ("options", list(&["visio", "access"])),
            ]),
            inst(&[("mobile", text("")), ("options", list(&["visio"]))]),
            inst(&[("options", list(&[]))]),
        ],
    );
    e.groups.insert(
        "apps".into(),
        vec![
            inst(&[("name", text("afas"))]),
            inst(&[("name", text("other"))]),
        ],
    );
    e
}

fn ev_in(src: &str, env: &MapEnv) -> Value {
    Expr::parse(src)
        .unwrap_or_else(|e| panic!("{src}: {e}"))
        .eval(env)
}

fn ev(src: &str) -> Value {
    ev_in(src, &env())
}

#[track_caller]
fn is(src: &str, want: Value) {
    assert_eq!(ev(src), want, "{src}");
}

#[track_caller]
fn yes(src: &str) {
    is(src, Value::Bool(true));
}

#[track_caller]
fn no(src: &str) {
    is(src, Value::Bool(false));
}

#[test]
fn arithmetic_and_promotion() {
    is("1 + 2 * 3", Value::Int(7));
    is("7 - 10", Value::Int(-3));
    is("-workstations.count", Value::Int(-12));
    is("-email.size_gb", Value::Num(-7.5));
    is("1 + 0.5", Value::Num(1.5));
    is("email.size_gb * 2", Value::Num(15.0));
    is("7 / 2", Value::Num(3.5));
    is("6 / 3", Value::Num(2.0));
    is("1 / 0", Value::Null);
    is("1.5 / 0", Value::Null);
    is("big + 1", Value::Null);
    is("big * 2", Value::Null);
    is("-big - 2", Value::Null);
    is("'a' + 1", Value::Null);
}

#[test]
fn null_propagates_through_arithmetic() {
    is("null + 1", Value::Null);
    is("missing * 2", Value::Null);
    is("-missing", Value::Null);
    is("nan + 1", Value::Null);
    is("blank", Value::Null);
    is("none", Value::Null);
}

#[test]
fn comparisons() {
    yes("workstations.count = 12");
    yes("workstations.count = 12.0");
    yes("workstations.count != 6");
    yes("workstations.count >= 6 and workstations.count < 13");
    yes("workstations.count <= 12 and workstations.count > 11.5");
    yes("company.name = 'Bakkerij Jansen'");
    no("company.name = 'bakkerij jansen'");
    yes("'a' < 'b'");
    yes("work.offline_needed = true");
    yes("planning.go_live > date('2027-02-28')");
    yes("planning.go_live = date('2027-03-01')");
    yes("set.a = set.b");
    no("set.a = users.options");
    no("1 = 'a'");
    yes("1 != 'a'");
    no("true < false");
}

#[test]
fn comparisons_with_null_are_false_except_presence_tests() {
    for op in ["=", "!=", "<", "<=", ">", ">="] {
        no(&format!("missing {op} 1"));
        no(&format!("1 {op} missing"));
        no(&format!("missing {op} missing"));
    }
    yes("missing = null");
    no("missing != null");
    yes("blank = ''");
    no("company.name = null");
    yes("company.name != ''");
    yes("null = null");
    yes("not (missing = 5)");
}

#[test]
fn logic_short_circuits_and_treats_null_as_false() {
    yes("true and true");
    no("true and false");
    no("missing and true");
    yes("false or true");
    no("missing or missing");
    yes("not missing");
    no("not true");
    yes("not 1");
    // The right side would be null anyway; the result is always a yes/no.
    is("false and (1 / 0 > 1)", Value::Bool(false));
    is("true or missing", Value::Bool(true));
}

#[test]
fn dates() {
    is("planning.go_live - date('2027-01-01')", Value::Int(59));
    is("planning.go_live + 1", Value::Date(d("2027-03-02")));
    is("1 + planning.go_live", Value::Date(d("2027-03-02")));
    is("planning.go_live - 60", Value::Date(d("2026-12-31")));
    is("today()", Value::Date(d("2027-01-15")));
    is("days_between(today(), planning.go_live)", Value::Int(45));
    is("days_between(planning.go_live, today())", Value::Int(-45));
    is("days_between(missing, today())", Value::Null);
    is("date('2027-12-31') + big", Value::Null);
    is("date('2027-12-31') - big", Value::Null);
    is("date('2027-12-31') + 10000000", Value::Null);
    is("date('2027-12-31') + 100000", Value::Date(d("2301-10-16")));
    is("date(company.name)", Value::Null);
    is(
        "date(concat('2027-0', 2, '-01'))",
        Value::Date(d("2027-02-01")),
    );
}

#[test]
fn selections() {
    let mut e = env();
    e.instance = Some(("users".into(), 0));
    let sel = |src: &str, e: &MapEnv| ev_in(src, e);
    assert_eq!(
        sel("selected(users.options, 'visio')", &e),
        Value::Bool(true)
    );
    assert_eq!(
        sel("selected(users.options, 'project')", &e),
        Value::Bool(false)
    );
    assert_eq!(sel("count_selected(users.options)", &e), Value::Int(2));
    e.instance = Some(("users".into(), 2));
    assert_eq!(
        sel("selected(users.options, 'visio')", &e),
        Value::Bool(false)
    );
    assert_eq!(sel("count_selected(users.options)", &e), Value::Int(0));
    yes("selected(intake.mode, 'on_site')");
    no("selected(intake.mode, 'online')");
    no("selected(missing, 'x')");
    is("count_selected(intake.mode)", Value::Int(1));
    is("count_selected(missing)", Value::Int(0));
    is("count_selected(workstations.count)", Value::Null);
}

#[test]
fn groups() {
    is("count(locations)", Value::Int(3));
    is("count(nothing)", Value::Int(0));
    is("sum(locations.workstations)", Value::Int(12));
    is("sum(locations.down_mbps)", Value::Num(120.5));
    is("sum(locations.missing)", Value::Int(0));
    is("sum(nothing.x)", Value::Int(0));
    is("min(locations.down_mbps)", Value::Num(20.5));
    is("max(locations.down_mbps)", Value::Int(100));
    is("min(locations.missing)", Value::Null);
    yes("min(locations.down_mbps) < 50");
    is("count_empty(locations.down_mbps)", Value::Int(1));
    is("count_empty(users.mobile)", Value::Int(2));
    yes("count_empty(users.mobile) > 0");
    yes("any_selected(apps.name, 'afas')");
    no("any_selected(apps.name, 'exact')");
    yes("any_selected(users.options, 'access')");
    is("count_choice(users.options, 'visio')", Value::Int(2));
    is("count_choice(apps.name, missing)", Value::Int(0));
}

#[test]
fn group_aggregates_over_dates_and_overflow() {
    let mut e = MapEnv::new(d("2027-01-01"));
    e.groups.insert(
        "g".into(),
        vec![
            inst(&[
                ("d", Value::Date(d("2027-05-01"))),
                ("n", Value::Int(i64::MAX)),
            ]),
            inst(&[("d", Value::Date(d("2026-05-01"))), ("n", Value::Int(1))]),
        ],
    );
    assert_eq!(ev_in("min(g.d)", &e), Value::Date(d("2026-05-01")));
    assert_eq!(ev_in("max(g.d)", &e), Value::Date(d("2027-05-01")));
    assert_eq!(ev_in("sum(g.n)", &e), Value::Null);
}

#[test]
fn instance_context_reads_the_current_instance() {
    let mut e = env();
    e.instance = Some(("locations".into(), 1));
    assert_eq!(ev_in("locations.name", &e), text("Zeist"));
    assert_eq!(ev_in("locations.down_mbps < 50", &e), Value::Bool(true));
    e.instance = Some(("locations".into(), 2));
    assert_eq!(
        ev_in("answered(locations.down_mbps)", &e),
        Value::Bool(false)
    );
}

#[test]
fn this_is_the_value_under_validation() {
    let mut e = env();
    e.this = Value::Int(20);
    assert_eq!(ev_in(". >= 18 and . < 200", &e), Value::Bool(true));
    e.this = text("1234567");
    assert_eq!(ev_in("regex(., '[0-9]{8}')", &e), Value::Bool(false));
    e.this = text("12345678");
    assert_eq!(ev_in("regex(., '[0-9]{8}')", &e), Value::Bool(true));
    e.this = Value::Null;
    assert_eq!(ev_in(". = null", &e), Value::Bool(true));
}

#[test]
fn presence_functions() {
    yes("answered(company.name)");
    no("answered(blank)");
    no("answered(none)");
    yes("empty(missing)");
    no("empty(workstations.count)");
    yes("answered(0)");
}

#[test]
fn conditionals() {
    is(
        "if(workstations.count >= 10, 'quote', 'online')",
        text("quote"),
    );
    is("if(missing, 1, 2)", Value::Int(2));
    // Only the chosen branch runs: the other would be null, not an error, anyway.
    is("if(true, 1, 1 / 0)", Value::Int(1));
    is("coalesce(missing, blank, 0)", Value::Int(0));
    is("coalesce(company.name, 'x')", text("Bakkerij Jansen"));
    is("coalesce(missing, null)", Value::Null);
}

#[test]
fn rounding() {
    is("round(2.675, 2)", Value::Num(2.68));
    is("round(-2.5)", Value::Int(-3));
    is("round(2.5)", Value::Int(3));
    is("round(2.4)", Value::Int(2));
    is("round(email.size_gb * 0.21, 1)", Value::Num(1.6));
    is("round(12, 2)", Value::Int(12));
    is("round(1234, -2)", Value::Int(1200));
    is("round(1250.0, -2)", Value::Num(1300.0));
    is("round(1, 99)", Value::Null);
    is("round(missing, 1)", Value::Null);
}

#[test]
fn ceil_and_floor() {
    is("ceil(2.1)", Value::Int(3));
    is("floor(2.9)", Value::Int(2));
    is("floor(-2.1)", Value::Int(-3));
    is("ceil(7)", Value::Int(7));
    is("ceil(missing)", Value::Null);
    is("ceil(99999999999999999999.0)", Value::Null);
    is("ceil(workstations.count / 5)", Value::Int(3));
}

#[test]
fn text_functions() {
    is(
        "concat(company.name, ' (', workstations.count, ' werkplekken, ', email.size_gb, ' GB)')",
        text("Bakkerij Jansen (12 werkplekken, 7.5 GB)"),
    );
    is(
        "concat(missing, 'x', true, planning.go_live)",
        text("xtrue2027-03-01"),
    );
    let mut e = env();
    e.instance = Some(("users".into(), 0));
    assert_eq!(ev_in("concat(users.options)", &e), text("visio, access"));
    assert_eq!(ev_in("length(users.options)", &e), Value::Int(2));
    is("length(company.name)", Value::Int(15));
    is("length('één')", Value::Int(3));
    is("length(missing)", Value::Int(0));
    is("length(1)", Value::Null);
    yes("regex(company.kvk, '[0-9]{8}')");
    // Whole-value match: a partial match is not enough, even with alternation.
    no("regex(company.kvk, '[0-9]{4}')");
    no("regex('ax', 'a|b')");
    yes("regex('ab', 'a|ab')");
    no("regex(missing, '.*')");
    no("regex(workstations.count, '.*')");
}

#[test]
fn runtime_mismatches_are_null_not_panics() {
    is("selected(1, 2)", Value::Bool(false));
    is("company.name - 1", Value::Null);
    is("date('2027-01-01') * 2", Value::Null);
    is("-company.name", Value::Null);
    is("round(1.5, 'x')", Value::Null);
}
