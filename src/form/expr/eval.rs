//! The evaluator: a total function from tree and environment to a value.
//!
//! Recursion depth equals the tree height, which the parser bounds; every
//! run-time error (overflow, division by zero, a value of an unexpected type)
//! gives `Value::Null`.

use super::Env;
use super::ast::{Agg, BinOp, Func, Kind, Node};
use crate::form::value::{NULL, Value, format_date, parse_date};
use std::borrow::Cow;
use std::cmp::Ordering;
use time::Duration;

pub(crate) fn eval(n: &Node, env: &dyn Env) -> Value {
    peek(n, env).into_owned()
}

/// The value of `n`, borrowed where it is a literal or an answer the environment
/// holds: most nodes only test what they read, and copying every text they touched
/// was most of the cost of evaluating a form (see `benches/form.rs`).
fn peek<'a>(n: &'a Node, env: &'a dyn Env) -> Cow<'a, Value> {
    let owned = |v: Value| Cow::Owned(v);
    match &n.kind {
        Kind::Lit(v) => Cow::Borrowed(v),
        Kind::Ref(p) => norm(env.value_ref(p)),
        Kind::This => norm(env.this_ref()),
        Kind::Neg(a) => owned(match &*peek(a, env) {
            Value::Int(i) => i.checked_neg().map_or(Value::Null, Value::Int),
            Value::Num(x) => Value::Num(-x),
            _ => Value::Null,
        }),
        Kind::Not(a) => owned(Value::Bool(!peek(a, env).truthy())),
        Kind::IsNull { arg, negated } => owned(Value::Bool(peek(arg, env).is_null() != *negated)),
        Kind::Bin { op, lhs, rhs, .. } => owned(match op {
            BinOp::And => Value::Bool(peek(lhs, env).truthy() && peek(rhs, env).truthy()),
            BinOp::Or => Value::Bool(peek(lhs, env).truthy() || peek(rhs, env).truthy()),
            _ => binary(*op, &peek(lhs, env), &peek(rhs, env)),
        }),
        Kind::Count { group, .. } => owned(Value::Int(
            i64::try_from(env.group_count(group)).unwrap_or(i64::MAX),
        )),
        Kind::Agg {
            func,
            group,
            field,
            choice,
            ..
        } => {
            let choice = choice.as_deref().map(|c| peek(c, env));
            let mut acc = Aggregate::new(*func, choice.as_deref());
            env.each_group_value(group, field, &mut |v| acc.add(&norm(Cow::Borrowed(v))));
            owned(acc.finish())
        }
        Kind::Regex { arg, re } => owned(match &*peek(arg, env) {
            Value::Text(s) => Value::Bool(re.is_match(s)),
            _ => Value::Bool(false),
        }),
        Kind::Call { func, args } => call(*func, args, env),
    }
}

/// Blank answers read as null; non-finite decimals (an environment could hold
/// NaN) as well, so that no NaN reaches a comparison.
fn norm(v: Cow<'_, Value>) -> Cow<'_, Value> {
    match &*v {
        Value::Null => v,
        Value::Num(x) if !x.is_finite() => Cow::Borrowed(&NULL),
        x if x.is_null() => Cow::Borrowed(&NULL),
        _ => v,
    }
}

fn num(x: f64) -> Value {
    if x.is_finite() {
        Value::Num(x)
    } else {
        Value::Null
    }
}

fn int_or_null(r: Option<i64>) -> Value {
    r.map_or(Value::Null, Value::Int)
}

/// Ordering of two non-null values of comparable kinds: numbers, dates, text.
pub(crate) fn order(a: &Value, b: &Value) -> Option<Ordering> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(x.cmp(y)),
        (Value::Date(x), Value::Date(y)) => Some(x.cmp(y)),
        (Value::Text(x), Value::Text(y)) => Some(x.cmp(y)),
        _ => a.as_f64()?.partial_cmp(&b.as_f64()?),
    }
}

fn equal(a: &Value, b: &Value) -> bool {
    match (a, b) {
        (Value::Bool(x), Value::Bool(y)) => x == y,
        (Value::List(x), Value::List(y)) => {
            let (mut x, mut y) = (x.clone(), y.clone());
            x.sort();
            x.dedup();
            y.sort();
            y.dedup();
            x == y
        }
        _ => order(a, b) == Some(Ordering::Equal),
    }
}

fn binary(op: BinOp, a: &Value, b: &Value) -> Value {
    if a.is_null() || b.is_null() {
        // Arithmetic propagates null; comparisons with null are false.
        return match op {
            BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div => Value::Null,
            _ => Value::Bool(false),
        };
    }
    match op {
        BinOp::Eq => Value::Bool(equal(a, b)),
        BinOp::Ne => Value::Bool(!equal(a, b)),
        BinOp::Lt => Value::Bool(order(a, b) == Some(Ordering::Less)),
        BinOp::Le => Value::Bool(matches!(
            order(a, b),
            Some(Ordering::Less | Ordering::Equal)
        )),
        BinOp::Gt => Value::Bool(order(a, b) == Some(Ordering::Greater)),
        BinOp::Ge => Value::Bool(matches!(
            order(a, b),
            Some(Ordering::Greater | Ordering::Equal)
        )),
        BinOp::Add | BinOp::Sub | BinOp::Mul | BinOp::Div => arith(op, a, b),
        // Handled by the caller (short-circuit).
        BinOp::And | BinOp::Or => Value::Null,
    }
}

fn arith(op: BinOp, a: &Value, b: &Value) -> Value {
    use Value::{Date, Int};
    match (op, a, b) {
        (BinOp::Add, Int(x), Int(y)) => int_or_null(x.checked_add(*y)),
        (BinOp::Sub, Int(x), Int(y)) => int_or_null(x.checked_sub(*y)),
        (BinOp::Mul, Int(x), Int(y)) => int_or_null(x.checked_mul(*y)),
        (BinOp::Add, Date(d), Int(n)) | (BinOp::Add, Int(n), Date(d)) => shift(*d, Some(*n)),
        (BinOp::Sub, Date(d), Int(n)) => shift(*d, n.checked_neg()),
        (BinOp::Sub, Date(x), Date(y)) => Int((*x - *y).whole_days()),
        _ => {
            let (Some(x), Some(y)) = (a.as_f64(), b.as_f64()) else {
                return Value::Null;
            };
            match op {
                BinOp::Add => num(x + y),
                BinOp::Sub => num(x - y),
                BinOp::Mul => num(x * y),
                _ if y == 0.0 => Value::Null,
                _ => num(x / y),
            }
        }
    }
}

fn shift(d: time::Date, days: Option<i64>) -> Value {
    // `Duration::days` panics when the seconds overflow; dates span far less than
    // ten million days anyway.
    days.filter(|n| n.abs() < 10_000_000)
        .and_then(|n| d.checked_add(Duration::days(n)))
        .map_or(Value::Null, Value::Date)
}

/// `selected()` on one value: a single choice (text) equals the id, a multiple
/// choice contains it.
fn selects(v: &Value, choice: Option<&Value>) -> bool {
    let Some(Value::Text(c)) = choice else {
        return false;
    };
    match v {
        Value::Text(s) => s == c,
        Value::List(l) => l.iter().any(|s| s == c),
        _ => false,
    }
}

/// One aggregate over a group field, fed value by value (nulls included).
struct Aggregate<'c> {
    func: Agg,
    choice: Option<&'c Value>,
    /// Entries counted by `count_empty`/`count_choice`, or seen by `any_selected`.
    count: usize,
    /// Sum of the integers; `None` once it overflowed.
    int_sum: Option<i64>,
    /// Sum of all numbers as decimals, used once any decimal is seen.
    num_sum: f64,
    any_decimal: bool,
    best: Option<Value>,
}

impl<'c> Aggregate<'c> {
    fn new(func: Agg, choice: Option<&'c Value>) -> Self {
        Aggregate {
            func,
            choice,
            count: 0,
            int_sum: Some(0),
            num_sum: 0.0,
            any_decimal: false,
            best: None,
        }
    }

    fn add(&mut self, v: &Value) {
        match self.func {
            Agg::Sum => match v {
                Value::Int(i) => {
                    self.int_sum = self.int_sum.and_then(|t| t.checked_add(*i));
                    self.num_sum += *i as f64;
                }
                Value::Num(x) => {
                    self.any_decimal = true;
                    self.num_sum += x;
                }
                _ => {}
            },
            Agg::Min | Agg::Max => {
                let want = if self.func == Agg::Min {
                    Ordering::Less
                } else {
                    Ordering::Greater
                };
                let better = match &self.best {
                    // Numbers and dates only: text has an order but no minimum here.
                    None => matches!(v, Value::Int(_) | Value::Num(_) | Value::Date(_)),
                    Some(b) => order(v, b) == Some(want),
                };
                if better {
                    self.best = Some(v.clone());
                }
            }
            Agg::CountEmpty => self.count += usize::from(v.is_null()),
            Agg::AnySelected | Agg::CountChoice => {
                self.count += usize::from(selects(v, self.choice));
            }
        }
    }

    fn finish(self) -> Value {
        let count = |n: usize| Value::Int(i64::try_from(n).unwrap_or(i64::MAX));
        match self.func {
            Agg::Sum if self.any_decimal => num(self.num_sum),
            Agg::Sum => self.int_sum.map_or(Value::Null, Value::Int),
            Agg::Min | Agg::Max => self.best.unwrap_or(Value::Null),
            Agg::CountEmpty | Agg::CountChoice => count(self.count),
            Agg::AnySelected => Value::Bool(self.count > 0),
        }
    }
}

fn call<'a>(func: Func, args: &'a [Node], env: &'a dyn Env) -> Cow<'a, Value> {
    let arg = |i: usize| args.get(i).map_or(Cow::Borrowed(&NULL), |a| peek(a, env));
    let int = |n: usize| Value::Int(i64::try_from(n).unwrap_or(i64::MAX));
    let v = match func {
        Func::If => {
            return if arg(0).truthy() { arg(1) } else { arg(2) };
        }
        Func::Coalesce => {
            return args
                .iter()
                .map(|a| peek(a, env))
                .find(|v| !v.is_null())
                .unwrap_or(Cow::Borrowed(&NULL));
        }
        Func::Selected => Value::Bool(selects(&arg(0), Some(&arg(1)))),
        Func::CountSelected => match &*arg(0) {
            Value::List(l) => int(l.len()),
            Value::Text(_) => Value::Int(1),
            Value::Null => Value::Int(0),
            _ => Value::Null,
        },
        Func::Answered => Value::Bool(!arg(0).is_null()),
        Func::Empty => Value::Bool(arg(0).is_null()),
        Func::Round => {
            let digits = if args.len() > 1 {
                arg(1)
            } else {
                Cow::Owned(Value::Int(0))
            };
            round(&arg(0), &digits, args.len() == 1)
        }
        Func::Ceil => to_int(&arg(0), f64::ceil),
        Func::Floor => to_int(&arg(0), f64::floor),
        Func::Concat => {
            let mut out = String::new();
            for a in args {
                out.push_str(&to_text(&peek(a, env)));
            }
            Value::Text(out)
        }
        Func::Length => match &*arg(0) {
            Value::Text(s) => int(s.chars().count()),
            Value::List(l) => int(l.len()),
            Value::Null => Value::Int(0),
            _ => Value::Null,
        },
        Func::Today => Value::Date(env.today()),
        Func::DaysBetween => match (&*arg(0), &*arg(1)) {
            (Value::Date(a), Value::Date(b)) => Value::Int((*b - *a).whole_days()),
            _ => Value::Null,
        },
        Func::Date => match &*arg(0) {
            Value::Text(s) => parse_date(s).map_or(Value::Null, Value::Date),
            Value::Date(d) => Value::Date(*d),
            _ => Value::Null,
        },
    };
    Cow::Owned(v)
}

/// The text of a value inside `concat()`.
pub(crate) fn to_text(v: &Value) -> String {
    match v {
        Value::Null | Value::Unknown => String::new(),
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => i.to_string(),
        Value::Num(x) => x.to_string(),
        Value::Text(s) => s.clone(),
        Value::Date(d) => format_date(*d),
        Value::List(l) => l.join(", "),
    }
}

/// An f64 to i64 only when it is in range (the cast would saturate silently).
fn f64_to_i64(x: f64) -> Value {
    // 2^63 is exactly representable; everything below it in magnitude fits.
    const LIMIT: f64 = 9_223_372_036_854_775_808.0;
    if x.is_finite() && x > -LIMIT && x < LIMIT {
        Value::Int(x as i64)
    } else {
        Value::Null
    }
}

fn to_int(v: &Value, f: fn(f64) -> f64) -> Value {
    match v {
        Value::Int(i) => Value::Int(*i),
        Value::Num(x) => f64_to_i64(f(*x)),
        _ => Value::Null,
    }
}

/// Half away from zero. A product like 2.675 * 100 = 267.49999999999997 is a
/// binary-representation artefact of a decimal half, so it rounds up too.
fn round_half_away(y: f64) -> f64 {
    let frac = (y - y.trunc()).abs();
    if (frac - 0.5).abs() < 1e-9 {
        y.trunc() + y.signum()
    } else {
        y.round()
    }
}

fn round(x: &Value, digits: &Value, to_integer: bool) -> Value {
    let Value::Int(n) = digits else {
        return Value::Null;
    };
    if !(-15..=15).contains(n) {
        return Value::Null;
    }
    let n = *n as i32;
    if let Value::Int(i) = x
        && n >= 0
    {
        return Value::Int(*i);
    }
    let Some(v) = x.as_f64() else {
        return Value::Null;
    };
    // Divide by a power of ten for negative n: 10^-2 is not exact in binary.
    let r = if n >= 0 {
        let p = 10f64.powi(n);
        round_half_away(v * p) / p
    } else {
        let q = 10f64.powi(-n);
        round_half_away(v / q) * q
    };
    if to_integer || matches!(x, Value::Int(_)) {
        f64_to_i64(r)
    } else {
        num(r)
    }
}
