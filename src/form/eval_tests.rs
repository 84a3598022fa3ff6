//! Relevance, hidden answers, repeat groups, progress and `check_answer` over a small
//! form written for the purpose.

use super::eval::{Answers, Audience};
use super::{AnswerKey, Lang, Value, load_str};
use time::macros::date;

const FORM: &str = r#"
id = "t"
version = 1
languages = ["nl"]
title = { nl = "T" }

[[section]]
id = "a"
title = { nl = "A" }

[[section.question]]
id = "flag"
type = "yes_no"
label = { nl = "Vlag" }
required = true

[[section.question]]
id = "x"
type = "integer"
label = { nl = "X" }
relevant = "a.flag = true"
required = true

[[section.question]]
id = "y"
type = "integer"
label = { nl = "Y" }
constraint = "not answered(a.x) or . > a.x"
constraint_message = { nl = "Y moet groter zijn dan X." }

[[section.question]]
id = "why"
type = "text"
label = { nl = "Waarom" }
required_if = "a.y > 100"

[[section.question]]
id = "seen"
type = "text"
label = { nl = "Gezien" }
specialist = true
required = true

[[section]]
id = "g"
title = { nl = "G" }
repeat = { min = 1, max = 5, item = { nl = "Item" }, count = "a.y" }

[[section.question]]
id = "name"
type = "text"
label = { nl = "Naam" }
required = true

[[section.question]]
id = "n"
type = "integer"
label = { nl = "N" }
constraint = ". <= g.cap"
constraint_message = { nl = "Te veel." }

[[section.question]]
id = "cap"
type = "integer"
label = { nl = "Cap" }

[[section]]
id = "s"
title = { nl = "S" }
relevant = "a.flag = true"

[[section.question]]
id = "z"
type = "text"
label = { nl = "Z" }
required = true

[[section.question]]
id = "total"
type = "calculated"
label = { nl = "Totaal" }
calculate = "sum(g.n) + coalesce(a.x, 0)"
"#;

fn answers(pairs: &[(&str, Value)]) -> Answers {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.clone()))
        .collect()
}

const TODAY: time::Date = date!(2027 - 01 - 15);

#[test]
fn hidden_answers_are_kept_but_not_counted_nor_read() {
    let f = load_str(FORM, "t.toml").unwrap();
    let a = answers(&[
        ("a.flag", Value::Bool(false)),
        ("a.x", Value::Int(7)),
        ("s.z", Value::Text("z".into())),
    ]);
    let ev = f.evaluate(&a, Audience::Specialist, TODAY);
    let (si, qi) = f.position("a.x").unwrap();
    let x = ev.item(si, 0, qi).unwrap();
    assert!(!x.visible);
    // The answer is still there for when the question shows again...
    assert_eq!(x.value, Value::Int(7));
    // ...but is neither required, answered nor read by calculations.
    let a_state = &ev.sections[si];
    assert_eq!(
        (a_state.required, a_state.answered),
        (2, 1),
        "flag and seen required; only flag answered"
    );
    let (ts, tq) = f.position("s.total").unwrap();
    assert!(!ev.sections[ts].visible, "section s follows a.flag");
    assert_eq!(
        ev.item(ts, 0, tq).unwrap().value,
        Value::Int(0),
        "hidden a.x reads as empty"
    );
    assert_eq!(
        ev.total_required(),
        3,
        "a.flag, a.seen, g[1].name; hidden s.z not counted"
    );

    let shown = f.evaluate(
        &answers(&[("a.flag", Value::Bool(true)), ("a.x", Value::Int(7))]),
        Audience::Specialist,
        TODAY,
    );
    assert!(shown.item(si, 0, qi).unwrap().visible);
    assert_eq!(shown.item(ts, 0, tq).unwrap().value, Value::Int(7));
    assert_eq!(shown.total_required(), 5);
    assert_eq!(shown.total_missing(), 3, "seen, g[1].name, s.z");
}

#[test]
fn customers_do_not_see_specialist_questions() {
    let f = load_str(FORM, "t.toml").unwrap();
    let a = answers(&[("a.flag", Value::Bool(false))]);
    let spec = f.evaluate(&a, Audience::Specialist, TODAY);
    let cust = f.evaluate(&a, Audience::Customer, TODAY);
    assert_eq!(spec.total_required() - cust.total_required(), 1);
    let (si, qi) = f.position("a.seen").unwrap();
    assert!(!cust.item(si, 0, qi).unwrap().visible);
}

#[test]
fn required_if_and_progress() {
    let f = load_str(FORM, "t.toml").unwrap();
    let mut a = answers(&[
        ("a.flag", Value::Bool(false)),
        ("a.seen", Value::Text("ok".into())),
        ("g[1].name", Value::Text("n".into())),
    ]);
    let ev = f.evaluate(&a, Audience::Specialist, TODAY);
    assert_eq!(
        (
            ev.total_required(),
            ev.total_missing(),
            ev.progress_percent()
        ),
        (3, 0, 100)
    );
    assert!(ev.complete());
    a.insert("a.y".into(), Value::Int(101));
    let ev = f.evaluate(&a, Audience::Specialist, TODAY);
    // a.why is now required; the count expression a.y asks for 101 entries, capped at max 5.
    assert_eq!(ev.sections[1].instances, 5);
    assert_eq!(ev.total_required(), 3 + 1 + 4);
    assert_eq!(ev.total_missing(), 5);
    assert_eq!(ev.progress_percent(), 37);
}

#[test]
fn repeat_counts_follow_min_answers_and_count_expression() {
    let f = load_str(FORM, "t.toml").unwrap();
    assert_eq!(f.instance_counts(&Answers::new())["g"], 1, "min 1");
    let a = answers(&[("g[4].name", Value::Text("d".into()))]);
    assert_eq!(f.instance_counts(&a)["g"], 4, "highest answered entry");
    let ev = f.evaluate(
        &answers(&[("a.y", Value::Int(2))]),
        Audience::Specialist,
        TODAY,
    );
    assert_eq!(ev.sections[1].instances, 2, "count expression");
}

#[test]
fn check_answer_reads_other_answers_and_the_current_entry() {
    let f = load_str(FORM, "t.toml").unwrap();
    let y = AnswerKey::parse("a.y").unwrap();
    let a = answers(&[("a.flag", Value::Bool(true)), ("a.x", Value::Int(10))]);
    let err = f.check_answer(&y, &Value::Int(5), &a, TODAY).unwrap_err();
    assert_eq!(err.get(Lang::Nl), "Y moet groter zijn dan X.");
    assert!(f.check_answer(&y, &Value::Int(11), &a, TODAY).is_ok());
    // Within a group, `g.cap` is the cap of the same entry.
    let n2 = AnswerKey::parse("g[2].n").unwrap();
    let a = answers(&[("g[1].cap", Value::Int(100)), ("g[2].cap", Value::Int(3))]);
    assert!(f.check_answer(&n2, &Value::Int(4), &a, TODAY).is_err());
    assert!(f.check_answer(&n2, &Value::Int(3), &a, TODAY).is_ok());
}

#[test]
fn check_answer_ignores_hidden_answers_like_evaluate() {
    // a.x is kept while a.flag is false, but hidden: the constraint on a.y must not
    // read it, or `intake set` refuses what `intake show` would call fine.
    let f = load_str(FORM, "t.toml").unwrap();
    let y = AnswerKey::parse("a.y").unwrap();
    let mut a = answers(&[
        ("a.flag", Value::Bool(false)),
        ("a.x", Value::Int(10)),
        ("a.y", Value::Int(5)),
    ]);
    assert!(f.check_answer(&y, &Value::Int(5), &a, TODAY).is_ok());
    let (si, qi) = f.position("a.y").unwrap();
    assert!(
        f.evaluate(&a, Audience::Specialist, TODAY)
            .item(si, 0, qi)
            .unwrap()
            .error
            .is_none()
    );
    a.insert("a.flag".into(), Value::Bool(true));
    assert!(f.check_answer(&y, &Value::Int(5), &a, TODAY).is_err());
}

/// The second pass recomputes only calculations that read a hidden answer, directly or
/// through another calculation; the rest keep the first pass's values. Both must equal
/// what a form without the hidden answer gives.
#[test]
fn calculations_over_hidden_answers_are_redone_through_chains() {
    let src = r#"
id = "c"
version = 1
languages = ["nl"]
title = { nl = "C" }

[[section]]
id = "a"
title = { nl = "A" }

[[section.question]]
id = "flag"
type = "yes_no"
label = { nl = "Vlag" }

[[section.question]]
id = "x"
type = "integer"
label = { nl = "X" }
relevant = "a.flag = true"

[[section.question]]
id = "d"
type = "calculated"
label = { nl = "D" }
calculate = "a.c * 2"

[[section.question]]
id = "c"
type = "calculated"
label = { nl = "C" }
calculate = "coalesce(a.x, 0) + 1"

[[section.question]]
id = "other"
type = "calculated"
label = { nl = "O" }
calculate = "a.y + 1"

[[section.question]]
id = "y"
type = "integer"
label = { nl = "Y" }
"#;
    let f = load_str(src, "c.toml").unwrap();
    let value = |a: &Answers, path: &str| {
        let (si, qi) = f.position(path).unwrap();
        let ev = f.evaluate(a, Audience::Specialist, TODAY);
        ev.item(si, 0, qi).unwrap().value.clone()
    };
    let hidden = answers(&[
        ("a.flag", Value::Bool(false)),
        ("a.x", Value::Int(5)),
        ("a.y", Value::Int(2)),
    ]);
    assert_eq!(value(&hidden, "a.c"), Value::Int(1), "hidden x reads empty");
    assert_eq!(value(&hidden, "a.d"), Value::Int(2), "through the chain");
    assert_eq!(value(&hidden, "a.other"), Value::Int(3));
    let shown = answers(&[
        ("a.flag", Value::Bool(true)),
        ("a.x", Value::Int(5)),
        ("a.y", Value::Int(2)),
    ]);
    assert_eq!(value(&shown, "a.c"), Value::Int(6));
    assert_eq!(value(&shown, "a.d"), Value::Int(12));
}
