//! Static checker tests: result types, and every kind of error with its offset.

use super::{Expr, ExprError, MapTypes, Ty};

fn types() -> MapTypes {
    MapTypes::default()
        .with("company.name", Ty::Text)
        .with("workstations.count", Ty::Int)
        .with("email.size_gb", Ty::Num)
        .with("intake.mode", Ty::Text)
        .with("work.offline_needed", Ty::Bool)
        .with("planning.go_live", Ty::Date)
        .with("facts.anything", Ty::Any)
        .group("locations")
        .with("locations.down_mbps", Ty::Num)
        .with("locations.workstations", Ty::Int)
        .with("locations.name", Ty::Text)
        .with("locations.opened", Ty::Date)
        .group("users")
        .with("users.options", Ty::List)
        .with("users.mobile", Ty::Text)
        .group("apps")
        .with("apps.name", Ty::Text)
}

fn ty(src: &str) -> Ty {
    ty_with(src, &types())
}

fn ty_with(src: &str, t: &MapTypes) -> Ty {
    let e = Expr::parse(src).unwrap_or_else(|e| panic!("{src}: {e}"));
    e.check(t).unwrap_or_else(|e| panic!("{src}: {e}"))
}

fn err(src: &str) -> ExprError {
    let e = Expr::parse(src).unwrap_or_else(|e| panic!("{src}: {e}"));
    match e.check(&types()) {
        Ok(t) => panic!("{src} should not check, got {t:?}"),
        Err(e) => e,
    }
}

#[test]
fn result_types() {
    let cases: &[(&str, Ty)] = &[
        ("1 + 2", Ty::Int),
        ("1 + 2.5", Ty::Num),
        ("workstations.count / 2", Ty::Num),
        ("workstations.count * 2", Ty::Int),
        ("-email.size_gb", Ty::Num),
        ("company.name", Ty::Text),
        ("planning.go_live - today()", Ty::Int),
        ("planning.go_live + 14", Ty::Date),
        ("planning.go_live - 14", Ty::Date),
        ("planning.go_live >= today() + 14", Ty::Bool),
        ("not work.offline_needed or company.name = 'x'", Ty::Bool),
        ("company.name < 'x'", Ty::Bool),
        ("users.options = users.options", Ty::Bool),
        ("company.name = null", Ty::Bool),
        ("null + 1", Ty::Any),
        ("facts.anything + 1", Ty::Any),
        ("facts.anything and true", Ty::Bool),
        ("selected(intake.mode, 'online')", Ty::Bool),
        ("selected(users.options, 'visio')", Ty::Bool),
        ("count_selected(users.options)", Ty::Int),
        ("count(locations)", Ty::Int),
        ("sum(locations.down_mbps)", Ty::Num),
        ("sum(locations.workstations)", Ty::Int),
        ("min(locations.opened)", Ty::Date),
        ("max(locations.workstations)", Ty::Int),
        ("count_empty(users.mobile)", Ty::Int),
        ("any_selected(apps.name, 'exact')", Ty::Bool),
        ("count_choice(users.options, 'visio')", Ty::Int),
        ("answered(company.name)", Ty::Bool),
        ("empty(users.options)", Ty::Bool),
        ("if(work.offline_needed, 1, 2.5)", Ty::Num),
        ("if(work.offline_needed, null, 'x')", Ty::Text),
        ("coalesce(workstations.count, 0)", Ty::Int),
        ("coalesce(null, null)", Ty::Any),
        ("round(email.size_gb, 1)", Ty::Num),
        ("round(workstations.count, 1)", Ty::Int),
        ("round(email.size_gb)", Ty::Int),
        ("ceil(email.size_gb)", Ty::Int),
        ("floor(email.size_gb)", Ty::Int),
        ("concat(company.name, 1, users.options)", Ty::Text),
        ("length(company.name)", Ty::Int),
        ("regex(company.name, '[a-z]+')", Ty::Bool),
        ("today()", Ty::Date),
        ("days_between(today(), planning.go_live)", Ty::Int),
        ("date('2027-01-31')", Ty::Date),
        ("date(company.name)", Ty::Date),
        ("locations.down_mbps < 50", Ty::Bool),
    ];
    for (src, want) in cases {
        assert_eq!(ty(src), *want, "{src}");
    }
}

#[test]
fn this_needs_a_current_value() {
    let mut t = types();
    t.this = Some(Ty::Int);
    assert_eq!(ty_with(". >= 6", &t), Ty::Bool);
    let e = err(". >= 6");
    assert_eq!(e.offset, 0);
    assert_eq!(
        e.message,
        "'.' (the answer itself) can only be used in a constraint"
    );
}

#[test]
fn errors_name_the_offending_part_and_point_at_it() {
    let cases: &[(&str, usize, &str)] = &[
        ("compny.name = 'x'", 0, "unknown reference 'compny.name'"),
        (
            "company.name + 1",
            0,
            "expected a number, found text 'company.name'",
        ),
        (
            "1 + company.name",
            4,
            "expected a number, found text 'company.name'",
        ),
        ("1 * 'x'", 4, "expected a number, found text 'x'"),
        (
            "selected(workstations.count, 'x')",
            9,
            "expected a choice answer (single or multiple choice), found integer 'workstations.count'",
        ),
        (
            "selected(intake.mode, 1)",
            22,
            "expected a choice id as text, found integer '1'",
        ),
        (
            "sum(company.name)",
            4,
            "sum() needs a field of a repeat group; 'company' is not a repeat group",
        ),
        ("sum(nothing.x)", 4, "unknown repeat group 'nothing'"),
        (
            "sum(locations.nope)",
            4,
            "unknown reference 'locations.nope'",
        ),
        (
            "sum(locations.name)",
            4,
            "sum() expected a number field, found text 'locations.name'",
        ),
        (
            "min(users.options)",
            4,
            "min() expected a number or date field, found multiple choice 'users.options'",
        ),
        (
            "any_selected(locations.down_mbps, 'x')",
            13,
            "any_selected() expected a choice field, found decimal 'locations.down_mbps'",
        ),
        (
            "count(workstations)",
            6,
            "unknown repeat group 'workstations'",
        ),
        ("count(company)", 6, "unknown repeat group 'company'"),
        (
            "locations > 1",
            0,
            "'locations' is a repeat group, not a value: use count(locations) or one of its fields",
        ),
        (
            "workstations.count = 'six'",
            19,
            "cannot compare integer 'workstations.count' with text 'six'",
        ),
        (
            "users.options = 'visio'",
            14,
            "cannot compare multiple choice 'users.options' with text 'visio'; to test a choice write selected(users.options, 'visio')",
        ),
        (
            "work.offline_needed < true",
            20,
            "'<' cannot order yes/no values",
        ),
        (
            "planning.go_live + planning.go_live",
            17,
            "'+' does not apply to date 'planning.go_live' and date 'planning.go_live'",
        ),
        (
            "14 - planning.go_live",
            3,
            "'-' does not apply to integer '14' and date 'planning.go_live'",
        ),
        (
            "planning.go_live * 2",
            0,
            "expected a number, found date 'planning.go_live'",
        ),
        (
            "company.name and true",
            0,
            "expected a yes/no value, found text 'company.name'",
        ),
        (
            "not workstations.count",
            4,
            "expected a yes/no value, found integer 'workstations.count'",
        ),
        (
            "-company.name",
            1,
            "expected a number, found text 'company.name'",
        ),
        (
            "if(1, 2, 3)",
            3,
            "expected a yes/no condition, found integer '1'",
        ),
        (
            "if(true, 1, 'x')",
            12,
            "the values of if() must have one type: integer '1' and text 'x'",
        ),
        (
            "coalesce(workstations.count, 'none')",
            29,
            "the values of coalesce() must have one type: integer 'workstations.count' and text 'none'",
        ),
        (
            "round(company.name, 1)",
            6,
            "expected a number, found text 'company.name'",
        ),
        (
            "round(1.5, 0.5)",
            11,
            "expected a whole number of digits, found decimal '0.5'",
        ),
        (
            "length(workstations.count)",
            7,
            "expected text, found integer 'workstations.count'",
        ),
        (
            "regex(workstations.count, '1')",
            6,
            "expected text, found integer 'workstations.count'",
        ),
        (
            "days_between(company.name, today())",
            13,
            "expected a date, found text 'company.name'",
        ),
        (
            "date(1)",
            5,
            "expected text 'YYYY-MM-DD', found integer '1'",
        ),
        (
            "ceil((1 = 1))",
            5,
            "expected a number, found yes/no '(1 = 1)'",
        ),
    ];
    for (src, offset, msg) in cases {
        let e = err(src);
        assert_eq!(
            (e.offset, e.message.as_str()),
            (*offset, *msg),
            "source: {src}"
        );
    }
}

#[test]
fn check_all_reports_every_error_in_source_order() {
    let e = Expr::parse("nope = 1 or company.name + 1 > 2 or selected(x.y, 'a')").unwrap();
    let errs = e.check_all(&types()).unwrap_err();
    let msgs: Vec<(usize, &str)> = errs
        .iter()
        .map(|e| (e.offset, e.message.as_str()))
        .collect();
    assert_eq!(
        msgs,
        vec![
            (0, "unknown reference 'nope'"),
            (12, "expected a number, found text 'company.name'"),
            (45, "unknown reference 'x.y'"),
        ]
    );
}

#[test]
fn check_returns_wants_the_right_result() {
    let rel = Expr::parse("workstations.count >= 6").unwrap();
    assert_eq!(rel.check_returns(&types(), Ty::Bool), Ok(Ty::Bool));
    let calc = Expr::parse("workstations.count * 2").unwrap();
    assert_eq!(calc.check_returns(&types(), Ty::Num), Ok(Ty::Int));
    let e = calc.check_returns(&types(), Ty::Bool).unwrap_err();
    assert_eq!(
        e.message,
        "expected the expression to give a yes/no value, found integer 'workstations.count * 2'"
    );
}

#[test]
fn long_sources_are_cut_in_messages() {
    let src = format!("concat('{}') + 1", "x".repeat(100));
    let e = err(&src);
    assert!(
        e.message
            .starts_with("expected a number, found text 'concat('xxx")
    );
    assert!(e.message.ends_with("…'"), "{}", e.message);
}
