//! Parser tests: precedence, calls, references, errors and limits.

use super::ast::{Kind, Node};
use super::{Expr, ExprError, MAX_DEPTH, MAX_LEN};
use crate::form::value::Value;

/// A fully parenthesised rendering of the tree, to test precedence.
fn show(n: &Node) -> String {
    match &n.kind {
        Kind::Lit(Value::Text(s)) => format!("'{s}'"),
        Kind::Lit(Value::Date(d)) => format!("#{d}"),
        Kind::Lit(Value::Null | Value::Unknown) => "null".into(),
        Kind::Lit(Value::Bool(b)) => b.to_string(),
        Kind::Lit(Value::Int(i)) => i.to_string(),
        Kind::Lit(Value::Num(x)) => format!("{x:?}"),
        Kind::Lit(Value::List(_)) => "list".into(),
        Kind::Ref(p) => p.clone(),
        Kind::This => ".".into(),
        Kind::Neg(a) => format!("(neg {})", show(a)),
        Kind::Not(a) => format!("(not {})", show(a)),
        Kind::IsNull { arg, negated } => {
            format!(
                "({} {})",
                if *negated { "present" } else { "absent" },
                show(arg)
            )
        }
        Kind::Bin { op, lhs, rhs, .. } => {
            format!("({} {} {})", op.symbol(), show(lhs), show(rhs))
        }
        Kind::Count { group, .. } => format!("(count {group})"),
        Kind::Agg {
            func,
            group,
            field,
            choice,
            ..
        } => match choice {
            Some(c) => format!("({} {group} {field} {})", func.name(), show(c)),
            None => format!("({} {group} {field})", func.name()),
        },
        Kind::Regex { arg, re } => format!("(regex {} /{}/)", show(arg), re.as_str()),
        Kind::Call { func, args } => {
            let a: Vec<String> = args.iter().map(show).collect();
            format!("({func:?} {})", a.join(" "))
        }
    }
}

fn p(src: &str) -> String {
    show(
        &Expr::parse(src)
            .unwrap_or_else(|e| panic!("{src}: {e}"))
            .root,
    )
}

fn perr(src: &str) -> ExprError {
    match Expr::parse(src) {
        Ok(_) => panic!("{src} should not parse"),
        Err(e) => e,
    }
}

#[test]
fn precedence_of_every_operator() {
    assert_eq!(p("1 + 2 * 3"), "(+ 1 (* 2 3))");
    assert_eq!(p("1 - 2 - 3"), "(- (- 1 2) 3)");
    assert_eq!(p("8 / 4 / 2"), "(/ (/ 8 4) 2)");
    assert_eq!(p("(1 + 2) * 3"), "(* (+ 1 2) 3)");
    assert_eq!(p("-a * b"), "(* (neg a) b)");
    assert_eq!(p("- - 1"), "(neg (neg 1))");
    assert_eq!(p("a + 1 >= b * 2"), "(>= (+ a 1) (* b 2))");
    assert_eq!(p("not a = 1 and b or c"), "(or (and (not (= a 1)) b) c)");
    assert_eq!(p("a or b and c"), "(or a (and b c))");
    assert_eq!(p("not not a"), "(not (not a))");
    for op in ["=", "!=", "<", "<=", ">", ">="] {
        assert_eq!(p(&format!("x {op} 1")), format!("({op} x 1)"));
    }
}

#[test]
fn literals() {
    assert_eq!(p("1.5"), "1.5");
    assert_eq!(p("\"it's\""), "'it's'");
    assert_eq!(p("true or false"), "(or true false)");
    assert_eq!(p("date('2027-01-31')"), "#2027-01-31");
    assert_eq!(p("date(x)"), "(Date x)");
}

#[test]
fn null_and_blank_comparisons_are_presence_tests() {
    assert_eq!(p("x = null"), "(absent x)");
    assert_eq!(p("null != x"), "(present x)");
    assert_eq!(p("x = ''"), "(absent x)");
    assert_eq!(p("x != ''"), "(present x)");
    assert_eq!(p("x < null"), "(< x null)");
}

#[test]
fn functions_and_group_arguments() {
    assert_eq!(p("count(locations)"), "(count locations)");
    assert_eq!(p("sum(locations.down_mbps)"), "(sum locations down_mbps)");
    assert_eq!(
        p("any_selected(apps.name, 'exact')"),
        "(any_selected apps name 'exact')"
    );
    assert_eq!(p("regex(., '[0-9]{8}')"), "(regex . /^(?:[0-9]{8})$/)");
    assert_eq!(p("coalesce(a, b, 0)"), "(Coalesce a b 0)");
    assert_eq!(p("today()"), "(Today )");
    assert_eq!(p("concat(a)"), "(Concat a)");
}

#[test]
fn references_in_source_order_with_offsets() {
    let e =
        Expr::parse("company.name = 'x' and count(locations) > sum(locations.down_mbps)").unwrap();
    assert_eq!(
        e.references(),
        vec![
            ("company.name".to_string(), 0),
            ("locations".to_string(), 29),
            ("locations.down_mbps".to_string(), 46),
        ]
    );
    assert!(Expr::parse(". > 1").unwrap().references().is_empty());
    assert!(Expr::parse(". > 1").unwrap().uses_this());
    assert!(!e.uses_this());
    assert_eq!(
        e.source(),
        "company.name = 'x' and count(locations) > sum(locations.down_mbps)"
    );
}

#[test]
fn syntax_errors_have_offsets_and_say_what() {
    let cases: &[(&str, usize, &str)] = &[
        ("", 0, "the expression is empty"),
        ("   ", 0, "the expression is empty"),
        (
            "1 +",
            3,
            "expected a value, found the end of the expression",
        ),
        (
            "(1 + 2",
            6,
            "expected ')' to match the '(' at byte 0, found the end of the expression",
        ),
        (
            "1 2",
            2,
            "expected an operator or the end of the expression, found number 2",
        ),
        (
            "a < b < c",
            6,
            "comparisons cannot be chained: write 'a < b and b < c'",
        ),
        ("frobnicate(1)", 0, "unknown function 'frobnicate'"),
        (
            "selectd(a, 'b')",
            0,
            "unknown function 'selectd'; did you mean 'selected'?",
        ),
        ("selected(a)", 0, "selected() takes 2 arguments, found 1"),
        ("today(1)", 0, "today() takes 0 arguments, found 1"),
        (
            "coalesce(a)",
            0,
            "coalesce() takes at least 2 arguments, found 1",
        ),
        (
            "round(a, 1, 2)",
            0,
            "round() takes 1 to 2 arguments, found 3",
        ),
        ("concat()", 0, "concat() takes at least 1 argument, found 0"),
        (
            "sum(a b)",
            6,
            "expected ',' or ')' in the arguments of sum(), found name 'b'",
        ),
        ("x and )", 6, "expected a value, found ')'"),
        (
            "count(locations.name)",
            6,
            "count() takes the name of a repeat group, such as count(locations); found 'locations.name'",
        ),
        (
            "sum(locations)",
            4,
            "sum() takes a field of a repeat group, such as sum(locations.down_mbps); found 'locations'",
        ),
        (
            "max(1 + 2)",
            4,
            "max() takes a field of a repeat group, such as max(locations.down_mbps); found '1 + 2'",
        ),
        (
            "regex(., p)",
            9,
            "regex() takes its pattern as quoted text, e.g. regex(., '[0-9]{8}')",
        ),
        (
            "regex(., '(a')",
            9,
            "invalid regular expression '(a': unclosed group",
        ),
        (
            "date('2027-02-30')",
            5,
            "invalid date '2027-02-30': write a real calendar date as 'YYYY-MM-DD'",
        ),
    ];
    for (src, offset, msg) in cases {
        let e = perr(src);
        assert_eq!(
            (e.offset, e.message.as_str()),
            (*offset, *msg),
            "source: {src}"
        );
    }
}

#[test]
fn length_limit() {
    let ok = format!("'{}'", "a".repeat(MAX_LEN - 2));
    assert!(Expr::parse(&ok).is_ok());
    let long = format!("'{}'", "a".repeat(MAX_LEN));
    let e = perr(&long);
    assert_eq!(e.offset, MAX_LEN);
    assert!(e.message.contains("too long"));
}

#[test]
fn deep_nesting_is_refused_not_a_stack_overflow() {
    let nested = |n: usize| format!("{}1{}", "(".repeat(n), ")".repeat(n));
    assert!(Expr::parse(&nested(MAX_DEPTH - 1)).is_ok());
    let e = perr(&nested(2000));
    assert!(e.message.contains("nested too deeply"), "{e}");
    // Prefix operators and calls recurse too.
    assert!(
        perr(&"not ".repeat(1000))
            .message
            .contains("nested too deeply")
    );
    assert!(
        perr(&format!("{}1", "-".repeat(3000)))
            .message
            .contains("nested too deeply")
    );
    let calls = format!("{}x{}", "ceil(".repeat(500), ")".repeat(500));
    let e = perr(&calls);
    assert!(e.message.contains("nested too deeply"), "{e}");
    // A long flat chain builds a deep tree without recursing in the parser.
    let chain = vec!["1"; 1000].join("+");
    assert!(perr(&chain).message.contains("nested too deeply"));
    let short_chain = vec!["1"; MAX_DEPTH - 1].join("+");
    assert!(Expr::parse(&short_chain).is_ok());
}

#[test]
fn expressions_round_trip_through_serde() {
    let e: Expr = serde_json::from_str("\"count(locations) > 1\"").unwrap();
    assert_eq!(
        serde_json::to_string(&e).unwrap(),
        "\"count(locations) > 1\""
    );
    let bad: Result<Expr, _> = serde_json::from_str("\"1 +\"");
    assert!(bad.unwrap_err().to_string().contains("expected a value"));
}
