//! "Weet ik niet": an explicit unknown answer to a question with `unknown_allowed`. It is
//! an answer (required is met, it is stored and kept) that expressions read as empty.

use super::eval::{Answers, Audience};
use super::value::{Value, is_unknown_json};
use super::{AnswerKey, Lang, load_str};
use time::macros::date;

const FORM: &str = r#"
id = "u"
version = 1
languages = ["nl"]
title = { nl = "U" }

[[section]]
id = "net"
title = { nl = "Net" }

[[section.question]]
id = "down"
type = "decimal"
label = { nl = "Download" }
unit = "Mbit/s"
required = true
unknown_allowed = true
min = 1
constraint = ". < 5000"
constraint_message = { nl = "Te hoog." }

[[section.question]]
id = "ask_why"
type = "text"
label = { nl = "Waarom onbekend" }
relevant = "empty(net.down)"

[[section.question]]
id = "count"
type = "integer"
label = { nl = "Aantal" }

[[section.question]]
id = "double"
type = "calculated"
label = { nl = "Dubbel" }
calculate = "coalesce(net.down * 2, -1)"

[[section]]
id = "g"
title = { nl = "G" }
repeat = { min = 1, max = 5, item = { nl = "Item" } }

[[section.question]]
id = "gb"
type = "integer"
label = { nl = "GB" }
unknown_allowed = true

[[section.question]]
id = "total"
type = "calculated"
label = { nl = "Totaal" }
calculate = "sum(g.gb)"
"#;

const TODAY: time::Date = date!(2026 - 11 - 27);

fn form() -> super::Form {
    load_str(FORM, "u.toml").unwrap()
}

fn q<'f>(f: &'f super::Form, path: &str) -> &'f super::Question {
    f.find(path).unwrap().1
}

#[test]
fn the_words_for_unknown_parse_only_where_allowed() {
    let f = form();
    for word in [
        "unknown",
        "Onbekend",
        "?",
        "weet ik niet",
        " Weet ik niet ",
        "don't know",
    ] {
        assert_eq!(
            q(&f, "net.down").parse_input(word),
            Ok(Value::Unknown),
            "{word}"
        );
    }
    let refused = q(&f, "net.count").parse_input("onbekend").unwrap_err();
    assert!(
        refused.get(Lang::Nl).contains("weet ik niet"),
        "{refused:?}"
    );
    // A number still parses as a number, and empty still clears.
    assert_eq!(q(&f, "net.down").parse_input("2,5"), Ok(Value::Num(2.5)));
    assert_eq!(q(&f, "net.down").parse_input(" "), Ok(Value::Null));
}

#[test]
fn unknown_meets_required_and_skips_bounds_and_constraint() {
    let f = form();
    let mut a = Answers::new();
    let e = f.evaluate(&a, Audience::Customer, TODAY);
    assert_eq!(e.total_missing(), 1);
    a.insert("net.down".into(), Value::Unknown);
    let e = f.evaluate(&a, Audience::Customer, TODAY);
    assert_eq!(e.total_missing(), 0);
    assert_eq!(e.total_errors(), 0);
    let item = e.item(0, 0, 0).unwrap();
    assert_eq!(item.value, Value::Unknown);
    assert!(!item.missing() && item.error.is_none());
    assert_eq!(e.sections[0].answered, 1);
    // `min = 1` and the constraint read no number, so they have nothing to refuse.
    let key = AnswerKey::parse("net.down").unwrap();
    assert_eq!(f.check_answer(&key, &Value::Unknown, &a, TODAY), Ok(()));
}

#[test]
fn expressions_read_unknown_as_empty() {
    let f = form();
    let mut a = Answers::new();
    a.insert("net.down".into(), Value::Unknown);
    a.insert("g[1].gb".into(), Value::Int(10));
    a.insert("g[2].gb".into(), Value::Unknown);
    a.insert("g[3].gb".into(), Value::Int(5));
    let e = f.evaluate(&a, Audience::Customer, TODAY);
    // Relevance: empty(net.down) holds, so the follow-up question shows.
    assert!(e.item(0, 0, 1).unwrap().visible);
    // Calculations: no number to double, and the group sum skips the unknown entry.
    assert_eq!(e.item(0, 0, 3).unwrap().value, Value::Int(-1));
    assert_eq!(e.item(1, 0, 1).unwrap().value, Value::Int(15));
    let expr = super::expr::Expr::parse("empty(net.down) and not answered(net.down)").unwrap();
    assert_eq!(f.eval_expr(&expr, &a, TODAY), Value::Bool(true));
    // The advice's environment reads it the same way.
    let extra = std::collections::BTreeMap::new();
    let env = f.env(&a, TODAY, None, &extra);
    let sum = super::expr::Expr::parse("sum(g.gb)").unwrap();
    assert_eq!(sum.eval(&env), Value::Int(15));
    let down = super::expr::Expr::parse("net.down").unwrap();
    assert_eq!(down.eval(&env), Value::Null);
}

#[test]
fn unknown_is_stored_shown_and_read_back() {
    let f = form();
    let down = q(&f, "net.down");
    let j = Value::Unknown.to_json();
    assert!(is_unknown_json(&j));
    assert_eq!(down.value_from_json(&j), Some(Value::Unknown));
    assert_eq!(down.validate_stored(&j), Ok(Value::Unknown));
    assert_eq!(down.input_text(&Value::Unknown), "unknown");
    assert_eq!(down.display(&Value::Unknown, Lang::Nl), "onbekend");
    assert_eq!(down.display(&Value::Unknown, Lang::En), "unknown");
    // A question that does not allow it (the form changed): not a value of its type,
    // so the workspace keeps it as an orphan instead of dropping it.
    let count = q(&f, "net.count");
    assert_eq!(count.value_from_json(&j), None);
    assert!(count.validate_stored(&j).is_err());
}

#[test]
fn a_text_question_cannot_allow_unknown() {
    let src = FORM.replace(
        "relevant = \"empty(net.down)\"",
        "relevant = \"empty(net.down)\"\nunknown_allowed = true",
    );
    let err = load_str(&src, "u.toml").unwrap_err().to_string();
    assert!(err.contains("unknown_allowed"), "{err}");
    assert!(err.contains("u.toml:"), "{err}");
}

#[test]
fn the_standard_form_lets_customers_not_know_speeds_and_volumes() {
    let f = super::standard_form().unwrap();
    for path in [
        "locations.down_mbps",
        "locations.up_mbps",
        "email.size_gb",
        "data.size_gb",
        "email.mailboxes",
    ] {
        assert!(q(&f, path).unknown_allowed, "{path}");
    }
    assert!(!q(&f, "company.kvk").unknown_allowed);
}

#[test]
fn a_choice_named_unknown_stays_that_choice() {
    let f = super::standard_form().unwrap();
    let provider = q(&f, "domain.provider");
    for typed in ["unknown", "Weet ik niet"] {
        assert_eq!(
            provider.parse_input(typed),
            Ok(Value::Text("unknown".into())),
            "{typed}"
        );
    }
}
