//! The form's expression language: relevance, required-if, constraints,
//! calculations, repeat counts, and the conditions of advice rules.
//!
//! A small XLSForm-like language, hand-written so that we own the syntax tree
//! (static checks, reference lists for dependency order). It has no loops, no
//! assignments and no I/O; source is at most [`MAX_LEN`] bytes and nesting at most
//! [`MAX_DEPTH`] levels, so evaluation always ends quickly and never overflows the
//! stack (64 levels take under 512 KiB even in a debug build; a test runs them on
//! such a thread). Neither parsing nor evaluation panics on any input.
//!
//! # Syntax
//! - Literals: integers `12`, decimals `1.5` (a digit on both sides of the point),
//!   text in single or double quotes (`'a'`, `"it's"`: no escapes, use the other
//!   quote), `true`, `false`, `null`, dates `date('2027-01-31')`.
//! - References: lower-case dotted names, segments `[a-z_][a-z0-9_]*`:
//!   `company.name`, `workstations.count`. Inside a repeat instance,
//!   `locations.down_mbps` is the field of the current instance (the [`Env`] decides).
//!   No whitespace around the dots of a reference.
//! - `.` is the value under validation (constraints): `. >= 6`.
//! - Operators, lowest precedence first: `or`; `and`; `not`; comparisons
//!   `= != < <= > >=` (not chainable); `+ -`; `* /`; unary `-`. Parentheses group.
//!   Only these spellings: `==`, `&&`, `||`, `!`, `<>` and `${x}` are refused with a
//!   message naming the spelling to use, so forms read the same everywhere.
//!
//! # Functions
//! | function | result |
//! |---|---|
//! | `selected(q, 'id')` | a single choice equals `id`, or a multiple choice contains it; false on null |
//! | `count_selected(q)` | number of chosen ids (a single choice counts 1), 0 on null |
//! | `count(group)` | number of instances of a repeat group |
//! | `sum(group.field)` | sum over all instances, nulls skipped, 0 when none |
//! | `min(group.field)`, `max(group.field)` | over numbers or dates, null when none |
//! | `count_empty(group.field)` | instances where the field has no answer |
//! | `any_selected(group.field, 'id')` | some instance has `selected(field, 'id')` |
//! | `count_choice(group.field, 'id')` | instances that have `selected(field, 'id')` |
//! | `answered(x)`, `empty(x)` | x has an answer / has none (blank text and an empty list are none) |
//! | `if(c, a, b)` | a when c is true, else b (only the chosen branch is evaluated) |
//! | `coalesce(a, b, ...)` | the first argument with an answer |
//! | `round(x)`, `round(x, n)` | half away from zero; `round(x)` gives an integer, `n` in -15..=15 |
//! | `ceil(x)`, `floor(x)` | integers |
//! | `concat(a, ...)` | text; null is '', dates `YYYY-MM-DD`, choices joined with ", " |
//! | `length(s)` | characters of a text (items of a list), 0 on null |
//! | `regex(s, 'pattern')` | the whole text matches (the pattern must be quoted text, checked at parse) |
//! | `today()` | the date given by the [`Env`] |
//! | `days_between(d1, d2)` | `d2 - d1` in days |
//! | `date(s)` | text `YYYY-MM-DD` to a date; a quoted invalid date is a parse error |
//!
//! Examples: "some location is too slow": `min(locations.down_mbps) < 50`;
//! "some user has no mobile": `count_empty(users.mobile) > 0`; "an app is Exact":
//! `any_selected(apps.name, 'exact')`; Visio licences: `count_choice(users.options, 'visio')`.
//!
//! # Semantics
//! - `null` is "no answer", never 0 or ''. References to blank text or an empty list
//!   read as null.
//! - Arithmetic with null gives null (`null + 1` is null). Int with Int stays Int
//!   (overflow gives null); mixed with a decimal gives a decimal. `/` always gives a
//!   decimal; division by zero gives null.
//! - Dates: compare with `< =` etc.; `d1 - d2` is days (Int); `d + n`, `d - n` shift by
//!   n days.
//! - Comparisons with a null side are false, including `!=`. The exceptions are the
//!   presence tests `x = null`, `x != null`, and `x = ''`, `x != ''`, which mean
//!   `empty(x)` and `answered(x)`. Note `not (x = 5)` is true for a null x while
//!   `x != 5` is false.
//! - Text compares exactly (case-sensitive, byte order for `<`). Integers and
//!   decimals compare by value. Multiple-choice lists are equal as sets.
//! - `and`, `or` short-circuit and treat null (and anything not `true`) as false;
//!   `not null` is true. They always give a yes/no value.
//! - Run-time type mismatches (possible only with unchecked expressions or an [`Env`]
//!   returning unexpected values) give null, not a panic.

mod ast;
mod check;
mod eval;
mod lexer;
mod map_env;
mod parser;
#[cfg(test)]
mod tests_check;
#[cfg(test)]
mod tests_eval;
#[cfg(test)]
mod tests_parse;

pub use map_env::{MapEnv, MapTypes};

use crate::form::value::Value;
use std::borrow::Cow;

/// Longest accepted expression source, in bytes.
pub const MAX_LEN: usize = 4096;
/// Deepest accepted nesting (height of the syntax tree, parentheses, `not`, `-`).
pub const MAX_DEPTH: usize = 64;

/// A parse or type error; `offset` is a byte offset into the expression source.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{message} (at byte {offset})")]
pub struct ExprError {
    pub offset: usize,
    pub message: String,
}

impl ExprError {
    pub(crate) fn new(offset: usize, message: impl Into<String>) -> ExprError {
        ExprError {
            offset,
            message: message.into(),
        }
    }
}

/// Static types. `Any` is what `null` has, and what a [`TypeEnv`] may give for a
/// reference whose type it does not know precisely; it passes every check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ty {
    Bool,
    Int,
    Num,
    Text,
    Date,
    /// The chosen ids of a multiple-choice question (single choice is `Text`).
    List,
    Any,
}

/// Where an expression reads its values. Implemented by the form engine (answers)
/// and by the advice (answers plus probe facts).
pub trait Env {
    /// Value of a plain reference (in the current instance context when the path is a group field).
    fn value(&self, path: &str) -> Value;
    /// All values of `group.field` across instances, one per instance in order,
    /// `Null` where unanswered (for sum/min/max/count_empty/any_selected/count_choice).
    fn group_values(&self, group: &str, field: &str) -> Vec<Value>;
    /// Number of instances of a repeat group.
    fn group_count(&self, group: &str) -> usize;
    /// The value under validation (`.`), Null if none.
    fn this(&self) -> Value;
    fn today(&self) -> time::Date;

    /// As [`Env::value`], borrowed when the environment holds the value. Evaluation
    /// reads far more than it keeps (a comparison, `selected`, `length`), so the form
    /// engine implements this to read answers without copying them.
    fn value_ref(&self, path: &str) -> Cow<'_, Value> {
        Cow::Owned(self.value(path))
    }
    /// As [`Env::this`], borrowed when the environment holds the value.
    fn this_ref(&self) -> Cow<'_, Value> {
        Cow::Owned(self.this())
    }
    /// Calls `f` with each value of [`Env::group_values`], in order. Aggregates use
    /// this; the form engine implements it to read 50 entries without a `Vec` of copies.
    fn each_group_value(&self, group: &str, field: &str, f: &mut dyn FnMut(&Value)) {
        for v in self.group_values(group, field) {
            f(&v);
        }
    }
}

/// What the static checker knows about the names of a form.
pub trait TypeEnv {
    /// Type of a reference (`company.name`, `locations.down_mbps`), or None when
    /// unknown (→ "unknown reference 'x'").
    fn type_of(&self, path: &str) -> Option<Ty>;
    /// Whether `name` is a repeat group (for count/sum/...).
    fn is_group(&self, name: &str) -> bool;
    /// Type of `.`, None where there is no value under validation.
    fn this_type(&self) -> Option<Ty>;
}

/// A parsed, syntactically valid expression with its source.
#[derive(Clone, Debug)]
pub struct Expr {
    src: String,
    root: ast::Node,
    refs: Vec<(String, usize)>,
}

impl Expr {
    pub fn parse(src: &str) -> Result<Expr, ExprError> {
        let parsed = parser::parse(src)?;
        Ok(Expr {
            src: src.to_string(),
            root: parsed.root,
            refs: parsed.refs,
        })
    }

    pub fn source(&self) -> &str {
        &self.src
    }

    /// Every reference with its byte offset in the source, in source order, as
    /// written: `("company.name", 12)`, `("locations.down_mbps", 4)` for
    /// `sum(locations.down_mbps)`, `("locations", 6)` for `count(locations)`.
    pub fn references(&self) -> Vec<(String, usize)> {
        self.refs.clone()
    }

    /// Whether the expression reads `.` (the value under validation).
    pub fn uses_this(&self) -> bool {
        fn walk(n: &ast::Node) -> bool {
            use ast::Kind;
            match &n.kind {
                Kind::This => true,
                Kind::Lit(_) | Kind::Ref(_) | Kind::Count { .. } => false,
                Kind::Neg(a) | Kind::Not(a) | Kind::IsNull { arg: a, .. } => walk(a),
                Kind::Regex { arg, .. } => walk(arg),
                Kind::Bin { lhs, rhs, .. } => walk(lhs) || walk(rhs),
                Kind::Agg { choice, .. } => choice.as_deref().is_some_and(walk),
                Kind::Call { args, .. } => args.iter().any(walk),
            }
        }
        walk(&self.root)
    }

    /// Evaluates against `env`. Total: run-time errors become `Value::Null`.
    pub fn eval(&self, env: &dyn Env) -> Value {
        eval::eval(&self.root, env)
    }

    /// Static type check; the error's offset points at the offending part.
    pub fn check(&self, types: &dyn TypeEnv) -> Result<Ty, ExprError> {
        self.check_all(types)
            .map_err(|mut errs| errs.swap_remove(0))
    }

    /// Like [`Expr::check`], but reports every error found (in source order), for
    /// `intake form check`, which lists all errors.
    pub fn check_all(&self, types: &dyn TypeEnv) -> Result<Ty, Vec<ExprError>> {
        check::check(&self.src, &self.root, types)
    }

    /// Checks and also requires the result to fit `want` (an integer fits a
    /// decimal; `Any` fits everything), e.g. `Ty::Bool` for relevance.
    pub fn check_returns(&self, types: &dyn TypeEnv, want: Ty) -> Result<Ty, ExprError> {
        let got = self.check(types)?;
        if check::fits(got, want) {
            return Ok(got);
        }
        Err(ExprError::new(
            0,
            format!(
                "expected the expression to give {}, found {} '{}'",
                check::wanted(want),
                check::found(got),
                snippet(&self.src, 0, self.src.len())
            ),
        ))
    }
}

impl std::fmt::Display for Expr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.src)
    }
}

impl PartialEq for Expr {
    /// Same source, same expression: the tree is a function of the source.
    fn eq(&self, other: &Expr) -> bool {
        self.src == other.src
    }
}

impl serde::Serialize for Expr {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.src)
    }
}

impl<'de> serde::Deserialize<'de> for Expr {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Expr::parse(&s).map_err(serde::de::Error::custom)
    }
}

/// The source text of a span for messages, cut to 40 characters.
pub(crate) fn snippet(src: &str, start: usize, end: usize) -> String {
    let s = src.get(start..end).unwrap_or("").trim();
    if s.chars().count() <= 40 {
        return s.to_string();
    }
    let mut cut: String = s.chars().take(39).collect();
    cut.push('…');
    cut
}
