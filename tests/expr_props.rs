//! Property tests: parsing, checking and evaluating never panic, whatever the
//! input; and an expression that passes the checker evaluates to a value of the
//! type the checker announced (or null).

use intake::form::expr::{Env, Expr, Ty, TypeEnv};
use intake::form::value::Value;
use proptest::prelude::*;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

fn h(s: &str, salt: u64) -> u64 {
    let mut st = DefaultHasher::new();
    salt.hash(&mut st);
    s.hash(&mut st);
    st.finish()
}

fn value() -> impl Strategy<Value = Value> {
    prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::Int),
        prop_oneof![-10i64..10].prop_map(Value::Int),
        any::<f64>().prop_map(Value::Num),
        prop_oneof![Just(f64::NAN), Just(f64::INFINITY), Just(0.0), Just(-0.5)]
            .prop_map(Value::Num),
        "[a-z0-9 ]{0,6}".prop_map(Value::Text),
        (-3_000_000i32..3_000_000).prop_map(|jd| Value::Date(
            time::Date::from_julian_day(jd + 2_400_000).unwrap_or(time::Date::MIN)
        )),
        proptest::collection::vec("[a-c]", 0..4).prop_map(Value::List),
    ]
}

/// An environment answering every question with one of a few random values.
#[derive(Debug)]
struct RandomEnv {
    values: Vec<Value>,
    count: usize,
}

impl RandomEnv {
    fn pick(&self, key: &str) -> Value {
        if self.values.is_empty() {
            return Value::Null;
        }
        self.values[(h(key, 1) % self.values.len() as u64) as usize].clone()
    }
}

impl Env for RandomEnv {
    fn value(&self, path: &str) -> Value {
        self.pick(path)
    }
    fn group_values(&self, group: &str, field: &str) -> Vec<Value> {
        (0..self.count)
            .map(|i| self.pick(&format!("{group}.{field}#{i}")))
            .collect()
    }
    fn group_count(&self, _group: &str) -> usize {
        self.count
    }
    fn this(&self) -> Value {
        self.pick(".")
    }
    fn today(&self) -> time::Date {
        time::Date::MAX
    }
}

const TYPES: [Ty; 7] = [
    Ty::Bool,
    Ty::Int,
    Ty::Num,
    Ty::Text,
    Ty::Date,
    Ty::List,
    Ty::Any,
];

/// Types by hash of the name; `g` is the only group.
struct HashTypes(u64);

impl TypeEnv for HashTypes {
    fn type_of(&self, path: &str) -> Option<Ty> {
        let k = h(path, self.0) % 8;
        TYPES.get(k as usize).copied()
    }
    fn is_group(&self, name: &str) -> bool {
        name == "g"
    }
    fn this_type(&self) -> Option<Ty> {
        self.type_of(".")
    }
}

/// Values that match `HashTypes`, so a checked expression meets what it expects.
struct TypedEnv {
    types: HashTypes,
    seed: u64,
    count: usize,
}

impl TypedEnv {
    fn val(&self, key: &str, t: Option<Ty>) -> Value {
        let r = h(key, self.seed);
        if r.is_multiple_of(5) {
            return Value::Null;
        }
        let small = (r >> 8) as i64 % 100 - 50;
        match t {
            Some(Ty::Bool) => Value::Bool(r & 1 == 0),
            Some(Ty::Int) => Value::Int(if r.is_multiple_of(7) { i64::MAX } else { small }),
            Some(Ty::Num) => Value::Num(small as f64 / 4.0),
            Some(Ty::Text) => Value::Text(["a", "b", "2027-01-01"][(r % 3) as usize].into()),
            Some(Ty::Date) => Value::Date(
                time::Date::from_julian_day(2_460_000 + small as i32).unwrap_or(time::Date::MIN),
            ),
            Some(Ty::List) => Value::List(vec!["a".into(); (r % 3) as usize]),
            Some(Ty::Any) | None => Value::Null,
        }
    }
}

impl Env for TypedEnv {
    fn value(&self, path: &str) -> Value {
        self.val(path, self.types.type_of(path))
    }
    fn group_values(&self, group: &str, field: &str) -> Vec<Value> {
        let path = format!("{group}.{field}");
        let t = self.types.type_of(&path);
        (0..self.count)
            .map(|i| self.val(&format!("{path}#{i}"), t))
            .collect()
    }
    fn group_count(&self, _group: &str) -> usize {
        self.count
    }
    fn this(&self) -> Value {
        self.val(".", self.types.this_type())
    }
    fn today(&self) -> time::Date {
        time::Date::from_julian_day(2_460_000).unwrap_or(time::Date::MIN)
    }
}

fn fits(v: &Value, t: Ty) -> bool {
    matches!(
        (v, t),
        (Value::Null, _)
            | (_, Ty::Any)
            | (Value::Bool(_), Ty::Bool)
            | (Value::Int(_), Ty::Int | Ty::Num)
            | (Value::Num(_), Ty::Num)
            | (Value::Text(_), Ty::Text)
            | (Value::Date(_), Ty::Date)
            | (Value::List(_), Ty::List)
    )
}

const FRAGMENTS: &[&str] = &[
    "(",
    ")",
    ",",
    ".",
    "+",
    "-",
    "*",
    "/",
    "=",
    "!=",
    "<",
    "<=",
    ">",
    ">=",
    "and",
    "or",
    "not",
    "true",
    "false",
    "null",
    "0",
    "1",
    "2.5",
    "9223372036854775807",
    "'a'",
    "''",
    "'2027-01-31'",
    "'[0-9]+'",
    "a.b",
    "g.f",
    "g.h",
    "g",
    "x",
    "company.name",
    "selected",
    "count_selected",
    "count",
    "sum",
    "min",
    "max",
    "count_empty",
    "any_selected",
    "count_choice",
    "answered",
    "empty",
    "if",
    "coalesce",
    "round",
    "ceil",
    "floor",
    "concat",
    "length",
    "regex",
    "today",
    "days_between",
    "date",
];

fn token_soup() -> impl Strategy<Value = String> {
    proptest::collection::vec((proptest::sample::select(FRAGMENTS), any::<bool>()), 0..40).prop_map(
        |toks| {
            toks.iter()
                .map(|(t, space)| {
                    if *space {
                        format!("{t} ")
                    } else {
                        t.to_string()
                    }
                })
                .collect()
        },
    )
}

/// Syntactically plausible expressions from the grammar, to reach the evaluator often.
fn grammar() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        Just("1".to_string()),
        Just("-3".to_string()),
        Just("0".to_string()),
        Just("2.5".to_string()),
        Just("9223372036854775807".to_string()),
        Just("'a'".to_string()),
        Just("''".to_string()),
        Just("null".to_string()),
        Just("true".to_string()),
        Just(".".to_string()),
        Just("today()".to_string()),
        Just("date('2027-01-31')".to_string()),
        "[a-d]\\.[a-d]",
        "g\\.[f-h]",
        Just("count(g)".to_string()),
        "(sum|min|max|count_empty)\\(g\\.[f-h]\\)",
        "(any_selected|count_choice)\\(g\\.[f-h], 'a'\\)",
    ];
    leaf.prop_recursive(6, 64, 3, |inner| {
        let ops = proptest::sample::select(
            &[
                "+", "-", "*", "/", "=", "!=", "<", "<=", ">", ">=", "and", "or",
            ][..],
        );
        let f1 = proptest::sample::select(
            &[
                "count_selected",
                "answered",
                "empty",
                "round",
                "ceil",
                "floor",
                "concat",
                "length",
                "date",
                "-",
                "not ",
            ][..],
        );
        let f2 = proptest::sample::select(
            &["selected", "coalesce", "round", "concat", "days_between"][..],
        );
        prop_oneof![
            (inner.clone(), ops, inner.clone()).prop_map(|(a, o, b)| format!("({a} {o} {b})")),
            (f1, inner.clone()).prop_map(|(f, a)| format!("{f}({a})")),
            (f2, inner.clone(), inner.clone()).prop_map(|(f, a, b)| format!("{f}({a}, {b})")),
            (inner.clone(), inner.clone(), inner.clone())
                .prop_map(|(a, b, c)| format!("if({a}, {b}, {c})")),
            inner.clone().prop_map(|a| format!("regex({a}, '[a-z]+')")),
        ]
    })
}

fn exercise(src: &str, env: &RandomEnv, salt: u64) {
    if let Ok(e) = Expr::parse(src) {
        let _ = e.eval(env);
        let _ = e.check_all(&HashTypes(salt));
        let _ = e.references();
        for (r, at) in e.references() {
            assert_eq!(src.get(at..at + r.len()), Some(r.as_str()), "{src}");
        }
    }
}

fn env() -> impl Strategy<Value = RandomEnv> {
    (proptest::collection::vec(value(), 0..6), 0usize..5)
        .prop_map(|(values, count)| RandomEnv { values, count })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn parse_never_panics_on_arbitrary_strings(s in any::<String>()) {
        let _ = Expr::parse(&s);
    }

    #[test]
    fn parse_never_panics_on_syntax_like_strings(s in "[a-z_.()'\" 0-9=!<>+*/,&|$é-]{0,120}") {
        if let Err(e) = Expr::parse(&s) {
            prop_assert!(e.offset <= s.len());
        }
    }

    #[test]
    fn token_soup_never_panics(src in token_soup(), env in env(), salt in any::<u64>()) {
        exercise(&src, &env, salt);
    }

    #[test]
    fn grammar_expressions_evaluate_without_panic(src in grammar(), env in env(), salt in any::<u64>()) {
        exercise(&src, &env, salt);
    }

    #[test]
    fn checked_expressions_give_the_announced_type(
        src in grammar(), salt in 0u64..64, seed in any::<u64>(), count in 0usize..4,
    ) {
        let Ok(e) = Expr::parse(&src) else { return Ok(()) };
        let types = HashTypes(salt);
        let Ok(t) = e.check(&types) else { return Ok(()) };
        let env = TypedEnv { types: HashTypes(salt), seed, count };
        let v = e.eval(&env);
        prop_assert!(fits(&v, t), "{src}: checked as {t:?}, evaluated to {v:?}");
    }
}

#[test]
fn deep_nesting_fails_cleanly_on_a_small_stack() {
    // Run on a thread with a 512 KiB stack (a quarter of the default): the limits must hold long before that runs out.
    let r = std::thread::Builder::new()
        .stack_size(512 * 1024)
        .spawn(|| {
            let deep = format!("{}1{}", "(".repeat(2000), ")".repeat(2000));
            let e = Expr::parse(&deep).unwrap_err();
            assert!(e.message.contains("nested too deeply"));
            let ok = format!("{}x{}", "ceil(".repeat(60), ")".repeat(60));
            let expr = Expr::parse(&ok).unwrap();
            let env = RandomEnv {
                values: vec![Value::Num(1.5)],
                count: 0,
            };
            assert_eq!(expr.eval(&env), Value::Int(2));
        })
        .unwrap()
        .join();
    assert!(r.is_ok());
}
