//! The evaluator: a total function from tree and environment to a value.
//!
//! Recursion depth equals the tree height, which the parser bounds; every
//! run-time error (overflow, division by zero, a value of an unexpected type)
//! gives `Value::Null`.

use super::Env;
use super::ast::{Agg, BinOp, Func, Kind, Node};
use crate::form::value::{Value, format_date, parse_date};
use std::cmp::Ordering;
use time::Duration;

pub(crate) fn eval(n: &Node, env: &dyn Env) -> Value {
    match &n.kind {
        Kind::Lit(v) => v.clone(),
        Kind::Ref(p) => norm(env.value(p)),
        Kind::This => norm(env.this()),
        Kind::Neg(a) => match eval(a, env) {
            Value::Int(i) => i.checked_neg().map_or(Value::Null, Value::Int),
            Value::Num(x) => Value::Num(-x),
            _ => Value::Null,
        },
        Kind::Not(a) => Value::Bool(!eval(a, env).truthy()),
        Kind::IsNull { arg, negated } => Value::Bool(eval(arg, env).is_null() != *negated),
        Kind::Bin { op, lhs, rhs, .. } => match op {
            BinOp::And => Value::Bool(eval(lhs, env).truthy() && eval(rhs, env).truthy()),
            BinOp::Or => Value::Bool(eval(lhs, env).truthy() || eval(rhs, env).truthy()),
            _ => binary(*op, &eval(lhs, env), &eval(rhs, env)),
        },
        Kind::Count { group, .. } => {
            Value::Int(i64::try_from(env.group_count(group)).unwrap_or(i64::MAX))
        }
        Kind::Agg {
            func,
            group,
            field,
            choice,
            ..
        } => {
            let choice = choice.as_deref().map(|c| eval(c, env));
            let values: Vec<Value> = env
                .group_values(group, field)
                .into_iter()
                .map(norm)
                .collect();
            aggregate(*func, &values, choice.as_ref())
        }
        Kind::Regex { arg, re } => match eval(arg, env) {
            Value::Text(s) => Value::Bool(re.is_match(&s)),
            _ => Value::Bool(false),
        },
        Kind::Call { func, args } => call(*func, args, env),
    }
}

/// Blank answers read as null; non-finite decimals (an environment could hold
/// NaN) as well, so that no NaN reaches a comparison.
fn norm(v: Value) -> Value {
    match v {
        Value::Num(x) if !x.is_finite() => Value::Null,
        v if v.is_null() => Value::Null,
        v => v,
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

fn aggregate(func: Agg, values: &[Value], choice: Option<&Value>) -> Value {
    let present = || values.iter().filter(|v| !v.is_null());
    let count = |n: usize| Value::Int(i64::try_from(n).unwrap_or(i64::MAX));
    match func {
        Agg::Sum => {
            let nums: Vec<&Value> = present().filter(|v| v.as_f64().is_some()).collect();
            if nums.iter().all(|v| matches!(v, Value::Int(_))) {
                let mut total: i64 = 0;
                for v in &nums {
                    if let Value::Int(i) = v {
                        match total.checked_add(*i) {
                            Some(t) => total = t,
                            None => return Value::Null,
                        }
                    }
                }
                Value::Int(total)
            } else {
                num(nums.iter().filter_map(|v| v.as_f64()).sum())
            }
        }
        Agg::Min | Agg::Max => {
            let want = if func == Agg::Min {
                Ordering::Less
            } else {
                Ordering::Greater
            };
            let mut best: Option<&Value> = None;
            for v in present() {
                best = match best {
                    None if order(v, v).is_some() && !matches!(v, Value::Text(_)) => Some(v),
                    Some(b) if order(v, b) == Some(want) => Some(v),
                    other => other,
                };
            }
            best.cloned().unwrap_or(Value::Null)
        }
        Agg::CountEmpty => count(values.iter().filter(|v| v.is_null()).count()),
        Agg::AnySelected => Value::Bool(values.iter().any(|v| selects(v, choice))),
        Agg::CountChoice => count(values.iter().filter(|v| selects(v, choice)).count()),
    }
}

fn call(func: Func, args: &[Node], env: &dyn Env) -> Value {
    let arg = |i: usize| args.get(i).map_or(Value::Null, |a| eval(a, env));
    match func {
        Func::Selected => Value::Bool(selects(&arg(0), Some(&arg(1)))),
        Func::CountSelected => match arg(0) {
            Value::List(l) => Value::Int(i64::try_from(l.len()).unwrap_or(i64::MAX)),
            Value::Text(_) => Value::Int(1),
            Value::Null => Value::Int(0),
            _ => Value::Null,
        },
        Func::Answered => Value::Bool(!arg(0).is_null()),
        Func::Empty => Value::Bool(arg(0).is_null()),
        Func::If => {
            if arg(0).truthy() {
                arg(1)
            } else {
                arg(2)
            }
        }
        Func::Coalesce => args
            .iter()
            .map(|a| eval(a, env))
            .find(|v| !v.is_null())
            .unwrap_or(Value::Null),
        Func::Round => {
            let digits = if args.len() > 1 {
                arg(1)
            } else {
                Value::Int(0)
            };
            round(&arg(0), &digits, args.len() == 1)
        }
        Func::Ceil => to_int(&arg(0), f64::ceil),
        Func::Floor => to_int(&arg(0), f64::floor),
        Func::Concat => {
            let mut out = String::new();
            for a in args {
                out.push_str(&to_text(&eval(a, env)));
            }
            Value::Text(out)
        }
        Func::Length => match arg(0) {
            Value::Text(s) => Value::Int(i64::try_from(s.chars().count()).unwrap_or(i64::MAX)),
            Value::List(l) => Value::Int(i64::try_from(l.len()).unwrap_or(i64::MAX)),
            Value::Null => Value::Int(0),
            _ => Value::Null,
        },
        Func::Today => Value::Date(env.today()),
        Func::DaysBetween => match (arg(0), arg(1)) {
            (Value::Date(a), Value::Date(b)) => Value::Int((b - a).whole_days()),
            _ => Value::Null,
        },
        Func::Date => match arg(0) {
            Value::Text(s) => parse_date(&s).map_or(Value::Null, Value::Date),
            d @ Value::Date(_) => d,
            _ => Value::Null,
        },
    }
}

/// The text of a value inside `concat()`.
pub(crate) fn to_text(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
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
