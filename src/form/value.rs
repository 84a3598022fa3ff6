//! The typed value of an answer, of an expression, and of a probe fact.
//!
//! One type for all three so that conditions in forms and in advice rules compare
//! answers and measurements without conversions at every call site.

use serde::{Deserialize, Serialize};
use time::Date;

/// A value. `Null` means "no answer": it is not 0 and not "" (XLSForm users were
/// bitten by empty-as-zero; we decide explicitly).
#[derive(Clone, Debug, PartialEq, Default)]
pub enum Value {
    #[default]
    Null,
    Bool(bool),
    Int(i64),
    /// Decimals (bandwidth, gigabytes). Never used for money: money is integer cents.
    Num(f64),
    Text(String),
    Date(Date),
    /// The selected choice ids of a multiple-choice question.
    List(Vec<String>),
    /// An explicit "weet ik niet" to a question that allows it (`unknown_allowed`):
    /// an answer (not missing, kept in the history), but no value: expressions and the
    /// advice read it as empty, exactly like `Null`.
    Unknown,
}

/// A null to borrow where a reference to "no value" is needed.
pub(crate) static NULL: Value = Value::Null;

impl Value {
    /// Whether there is no answer at all. An explicit unknown *is* an answer: use
    /// [`Value::is_known`] where a value is needed.
    pub fn is_null(&self) -> bool {
        match self {
            Value::Null => true,
            Value::Text(s) => s.trim().is_empty(),
            Value::List(l) => l.is_empty(),
            _ => false,
        }
    }

    /// The explicit "weet ik niet" answer.
    pub fn is_unknown(&self) -> bool {
        matches!(self, Value::Unknown)
    }

    /// An answer with a value: neither missing nor unknown.
    pub fn is_known(&self) -> bool {
        !self.is_null() && !self.is_unknown()
    }

    /// What expressions read: an explicit unknown reads as no answer.
    pub fn readable(&self) -> &Value {
        if self.is_unknown() { &NULL } else { self }
    }

    /// Numeric view: integers and decimals; everything else is not a number.
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Value::Int(i) => Some(*i as f64),
            Value::Num(n) => Some(*n),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Text(s) => Some(s),
            _ => None,
        }
    }

    /// Truthiness for conditions: only `true` is true; a missing answer is false.
    pub fn truthy(&self) -> bool {
        matches!(self, Value::Bool(true))
    }

    /// The JSON form stored in SQLite and in bundles. Dates are `YYYY-MM-DD` strings.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match self {
            Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Int(i) => J::from(*i),
            Value::Num(n) => serde_json::Number::from_f64(*n)
                .map(J::Number)
                .unwrap_or(J::Null),
            Value::Text(s) => J::String(s.clone()),
            Value::Date(d) => J::String(format_date(*d)),
            Value::List(l) => J::Array(l.iter().cloned().map(J::String).collect()),
            Value::Unknown => unknown_json(),
        }
    }
}

/// How an explicit unknown is stored: an object, which no other answer is, so older
/// versions read it as no answer rather than as a wrong value.
pub fn unknown_json() -> serde_json::Value {
    serde_json::json!({ "unknown": true })
}

/// Whether stored JSON is the explicit unknown.
pub fn is_unknown_json(j: &serde_json::Value) -> bool {
    j.get("unknown").and_then(serde_json::Value::as_bool) == Some(true)
}

/// `YYYY-MM-DD`.
pub fn format_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// Parses `YYYY-MM-DD` strictly (a real calendar date).
pub fn parse_date(s: &str) -> Option<Date> {
    let fmt = time::macros::format_description!("[year]-[month]-[day]");
    Date::parse(s.trim(), &fmt).ok()
}

impl Serialize for Value {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.to_json().serialize(s)
    }
}

impl<'de> Deserialize<'de> for Value {
    /// Untyped read: the form's question type gives the real type (see `form::Question::value_from_json`).
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let j = serde_json::Value::deserialize(d)?;
        Ok(Value::from_json_untyped(&j))
    }
}

impl Value {
    /// Best-effort conversion without a form: numbers, booleans, strings, string arrays.
    pub fn from_json_untyped(j: &serde_json::Value) -> Value {
        use serde_json::Value as J;
        match j {
            J::Null => Value::Null,
            J::Bool(b) => Value::Bool(*b),
            J::Number(n) => match n.as_i64() {
                Some(i) => Value::Int(i),
                None => n.as_f64().map(Value::Num).unwrap_or(Value::Null),
            },
            J::String(s) => Value::Text(s.clone()),
            J::Array(a) => Value::List(
                a.iter()
                    .filter_map(|v| v.as_str().map(str::to_owned))
                    .collect(),
            ),
            J::Object(_) if is_unknown_json(j) => Value::Unknown,
            J::Object(_) => Value::Null,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_text_and_empty_list_count_as_no_answer() {
        assert!(Value::Text("  ".into()).is_null());
        assert!(Value::List(vec![]).is_null());
        assert!(!Value::Int(0).is_null());
    }

    #[test]
    fn unknown_is_an_answer_without_a_value() {
        assert!(!Value::Unknown.is_null());
        assert!(!Value::Unknown.is_known());
        assert_eq!(Value::Unknown.readable(), &Value::Null);
        assert_eq!(Value::Int(3).readable(), &Value::Int(3));
        assert_eq!(Value::Unknown.as_f64(), None);
        let j = Value::Unknown.to_json();
        assert!(is_unknown_json(&j));
        assert_eq!(Value::from_json_untyped(&j), Value::Unknown);
        assert_eq!(
            Value::from_json_untyped(&serde_json::json!({"other": 1})),
            Value::Null
        );
    }

    #[test]
    fn dates_round_trip_through_json() {
        let d = parse_date("2027-02-28").unwrap();
        assert_eq!(Value::Date(d).to_json(), serde_json::json!("2027-02-28"));
        assert!(parse_date("2027-02-30").is_none());
    }
}
