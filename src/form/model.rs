//! A loaded, checked form: what the rest of the program works with.

use super::Lang;
use super::expr::Expr;
use super::types::{self, Msg};
use super::value::{Value, format_date, is_unknown_json, parse_date};
use crate::i18n::fmt;
use serde::Serialize;
use std::collections::HashMap;

/// A text in the form's languages; English falls back to Dutch when absent.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Text {
    pub nl: String,
    pub en: Option<String>,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.nl, self.en.as_deref().unwrap_or(&self.nl))
    }
    pub fn to_msg(&self) -> Msg {
        Msg::new(self.nl.clone(), self.get(Lang::En).to_string())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    Text,
    LongText,
    Integer,
    Decimal,
    YesNo,
    SingleChoice,
    MultiChoice,
    Date,
    Email,
    MobileNl,
    PostcodeNl,
    Kvk,
    VatNl,
    Iban,
    /// Read-only text shown between questions.
    Note,
    Calculated,
}

impl Kind {
    pub const ALL: [(&'static str, Kind); 16] = [
        ("text", Kind::Text),
        ("long_text", Kind::LongText),
        ("integer", Kind::Integer),
        ("decimal", Kind::Decimal),
        ("yes_no", Kind::YesNo),
        ("single_choice", Kind::SingleChoice),
        ("multi_choice", Kind::MultiChoice),
        ("date", Kind::Date),
        ("email", Kind::Email),
        ("mobile_nl", Kind::MobileNl),
        ("postcode_nl", Kind::PostcodeNl),
        ("kvk", Kind::Kvk),
        ("vat_nl", Kind::VatNl),
        ("iban", Kind::Iban),
        ("note", Kind::Note),
        ("calculated", Kind::Calculated),
    ];

    pub fn from_name(s: &str) -> Option<Kind> {
        Kind::ALL.iter().find(|(n, _)| *n == s).map(|(_, k)| *k)
    }

    pub fn name(self) -> &'static str {
        Kind::ALL
            .iter()
            .find(|(_, k)| *k == self)
            .map(|(n, _)| *n)
            .unwrap_or("text")
    }

    /// Whether the user types an answer (notes and calculations are read-only).
    pub fn is_input(self) -> bool {
        !matches!(self, Kind::Note | Kind::Calculated)
    }

    pub fn is_choice(self) -> bool {
        matches!(self, Kind::SingleChoice | Kind::MultiChoice)
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Choice {
    pub id: String,
    pub label: Text,
}

#[derive(Clone, Debug, Serialize)]
pub enum Required {
    No,
    Yes,
    If(#[serde(serialize_with = "ser_expr")] Expr),
}

fn ser_expr<S: serde::Serializer>(e: &Expr, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(e.source())
}

fn ser_opt_expr<S: serde::Serializer>(e: &Option<Expr>, s: S) -> Result<S::Ok, S::Error> {
    match e {
        Some(e) => s.serialize_some(e.source()),
        None => s.serialize_none(),
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Check {
    #[serde(serialize_with = "ser_expr")]
    pub expr: Expr,
    pub message: Text,
}

#[derive(Clone, Debug, Serialize)]
pub struct Question {
    pub id: String,
    pub kind: Kind,
    pub label: Text,
    pub self_label: Option<Text>,
    pub hint: Option<Text>,
    pub faq: Vec<String>,
    pub required: Required,
    #[serde(serialize_with = "ser_opt_expr")]
    pub relevant: Option<Expr>,
    pub constraint: Option<Check>,
    pub warning: Option<Check>,
    pub default: Option<Value>,
    pub unit: Option<String>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub max_length: Option<usize>,
    pub choices: Vec<Choice>,
    #[serde(serialize_with = "ser_opt_expr")]
    pub calculate: Option<Expr>,
    pub specialist: bool,
    /// The answer may be "weet ik niet" (`Value::Unknown`).
    pub unknown_allowed: bool,
}

/// What `intake set` and the editors take for "weet ik niet" (any case); the first is
/// what an unknown answer reads as in an editor and a round trip.
pub const UNKNOWN_WORDS: [&str; 5] = ["unknown", "onbekend", "?", "weet ik niet", "don't know"];

#[derive(Clone, Debug, Serialize)]
pub struct Repeat {
    pub min: usize,
    pub max: usize,
    #[serde(serialize_with = "ser_opt_expr")]
    pub count: Option<Expr>,
    pub item: Text,
    pub summary: Vec<String>,
}

#[derive(Clone, Debug, Serialize)]
pub struct Section {
    pub id: String,
    pub title: Text,
    pub intro: Option<Text>,
    #[serde(serialize_with = "ser_opt_expr")]
    pub relevant: Option<Expr>,
    pub specialist: bool,
    pub repeat: Option<Repeat>,
    pub questions: Vec<Question>,
    /// (question id, index) sorted by id: the order in which a section's answers come
    /// out of the sorted answer map, so evaluation places them by walking both lists.
    #[serde(skip)]
    pub(crate) ids_sorted: Vec<(String, usize)>,
    /// Per question, its column among the section's calculated questions: evaluation
    /// keeps calculated values for those columns only.
    #[serde(skip)]
    pub(crate) calc_slot: Vec<Option<usize>>,
}

/// `section.question` → (section index, question index). Looked up for every reference
/// an expression reads, thousands of times per evaluation of a large form, so it uses
/// FNV-1a rather than SipHash: the keys come from the form's author, not an attacker.
pub(crate) type PathIndex = HashMap<String, (usize, usize), std::hash::BuildHasherDefault<Fnv>>;

/// FNV-1a, 64 bit.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
}

#[derive(Clone, Debug, Serialize)]
pub struct Form {
    pub id: String,
    pub version: u32,
    pub languages: Vec<Lang>,
    pub title: Text,
    pub description: Option<Text>,
    pub sections: Vec<Section>,
    /// Answers an earlier version of this form kept under another key (`[moved]` in the form
    /// file): old key → new key. Read under the new key; the workspace moves them for good.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub moved: std::collections::BTreeMap<String, String>,
    /// `section.question` → (section index, question index).
    #[serde(skip)]
    pub(crate) index: PathIndex,
    /// Calculated questions in dependency order.
    #[serde(skip)]
    pub(crate) calc_order: Vec<CalcStep>,
}

/// One calculated question and the questions its expression reads, both as (section,
/// question) indices: evaluation recomputes a calculation only when what it reads changed.
#[derive(Clone, Debug)]
pub(crate) struct CalcStep {
    pub at: (usize, usize),
    pub reads: Vec<(usize, usize)>,
}

impl Form {
    /// Finds a question by `section.question` (group fields as `group.question`).
    pub fn find(&self, path: &str) -> Option<(&Section, &Question)> {
        let (s, q) = *self.index.get(path)?;
        Some((&self.sections[s], &self.sections[s].questions[q]))
    }

    pub fn position(&self, path: &str) -> Option<(usize, usize)> {
        self.index.get(path).copied()
    }

    pub fn section(&self, id: &str) -> Option<&Section> {
        self.sections.iter().find(|s| s.id == id)
    }

    pub fn question_count(&self) -> usize {
        self.sections.iter().map(|s| s.questions.len()).sum()
    }
}

impl Question {
    /// The label for the audience: plain language when the customer fills it in.
    pub fn label_for(&self, lang: Lang, self_filled: bool) -> &str {
        match (&self.self_label, self_filled) {
            (Some(t), true) => t.get(lang),
            _ => self.label.get(lang),
        }
    }

    pub fn choice(&self, id: &str) -> Option<&Choice> {
        self.choices.iter().find(|c| c.id == id)
    }

    /// Turns what a user typed into a value of this question's type, or says what is
    /// wrong. An empty input means "no answer" (`Value::Null`).
    pub fn parse_input(&self, input: &str) -> Result<Value, Msg> {
        let multiline = self.kind == Kind::LongText;
        // A long text typed on Windows or pasted keeps its lines, not its carriage returns.
        let input: std::borrow::Cow<str> = if multiline && input.contains('\r') {
            input.replace("\r\n", "\n").into()
        } else {
            input.into()
        };
        types::check_no_control(&input, multiline)?;
        let t = input.trim();
        if t.is_empty() {
            return Ok(Value::Null);
        }
        let typed = self.parse_typed(&input, t);
        if !is_unknown_word(t) {
            return typed;
        }
        // "unknown" may also be a choice of its own (`{ id = "unknown" }`): that wins.
        match typed {
            Ok(v) if self.kind.is_choice() || !self.unknown_allowed => Ok(v),
            _ if self.unknown_allowed => Ok(Value::Unknown),
            _ => Err(crate::msg!("form-unknown-not-allowed")),
        }
    }

    /// `parse_input` without "weet ik niet": `t` is `input` trimmed, not empty.
    fn parse_typed(&self, input: &str, t: &str) -> Result<Value, Msg> {
        let v = match self.kind {
            Kind::Text | Kind::LongText => Value::Text(input.trim_end().to_string()),
            Kind::Integer => Value::Int(types::parse_integer(types::strip_unit(
                t,
                self.unit.as_deref(),
            )?)?),
            Kind::Decimal => Value::Num(types::parse_decimal(types::strip_unit(
                t,
                self.unit.as_deref(),
            )?)?),
            Kind::YesNo => Value::Bool(types::parse_yes_no(t)?),
            Kind::Date => Value::Date(types::parse_date_input(t)?),
            Kind::Email => Value::Text(types::parse_email(t)?),
            Kind::MobileNl => Value::Text(types::parse_mobile_nl(t)?),
            Kind::PostcodeNl => Value::Text(types::parse_postcode_nl(t)?),
            Kind::Kvk => Value::Text(types::parse_kvk(t)?),
            Kind::VatNl => Value::Text(types::parse_vat_nl(t)?),
            Kind::Iban => Value::Text(types::parse_iban(t)?),
            Kind::SingleChoice => {
                let id = self.choice_id(t)?;
                Value::Text(id)
            }
            Kind::MultiChoice => {
                let mut ids = Vec::new();
                for part in t.split(',').map(str::trim).filter(|p| !p.is_empty()) {
                    let id = self.choice_id(part)?;
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
                Value::List(ids)
            }
            Kind::Note | Kind::Calculated => {
                return Err(crate::msg!("form-calculated"));
            }
        };
        self.check_bounds(&v)?;
        Ok(v)
    }

    fn choice_id(&self, s: &str) -> Result<String, Msg> {
        if let Some(c) = self.choices.iter().find(|c| c.id == s) {
            return Ok(c.id.clone());
        }
        // Users may type the label instead of the id.
        let lower = s.to_lowercase();
        if let Some(c) = self.choices.iter().find(|c| {
            c.label.nl.to_lowercase() == lower || c.label.get(Lang::En).to_lowercase() == lower
        }) {
            return Ok(c.id.clone());
        }
        let ids: Vec<&str> = self.choices.iter().map(|c| c.id.as_str()).collect();
        Err(crate::msg!(
            "form-not-a-choice",
            value = s,
            choices = ids.join(", ")
        ))
    }

    /// Min/max and length limits that belong to the question itself.
    pub fn check_bounds(&self, v: &Value) -> Result<(), Msg> {
        if let Some(n) = v.as_f64() {
            let unit = self
                .unit
                .as_deref()
                .map(|u| format!("{}{u}", crate::i18n::fmt::NBSP))
                .unwrap_or_default();
            if let Some(min) = self.min
                && n < min
            {
                return Err(crate::msg!("form-min", value = min, unit = unit.clone()));
            }
            if let Some(max) = self.max
                && n > max
            {
                return Err(crate::msg!("form-max", value = max, unit = unit.clone()));
            }
        }
        if let (Some(max), Value::Text(s)) = (self.max_length, v)
            && s.chars().count() > max
        {
            return Err(crate::msg!("form-max-length", count = max));
        }
        Ok(())
    }

    /// Reads a stored JSON value back as this question's type. `None` when the stored
    /// value does not fit (e.g. the type changed between form versions).
    pub fn value_from_json(&self, j: &serde_json::Value) -> Option<Value> {
        use serde_json::Value as J;
        Some(match (self.kind, j) {
            (_, J::Null) => Value::Null,
            (_, J::Object(_)) if is_unknown_json(j) && self.unknown_allowed => Value::Unknown,
            (Kind::Integer, J::Number(n)) => Value::Int(n.as_i64()?),
            (Kind::Decimal, J::Number(n)) => Value::Num(n.as_f64()?),
            (Kind::YesNo, J::Bool(b)) => Value::Bool(*b),
            (Kind::Date, J::String(s)) => Value::Date(parse_date(s)?),
            (Kind::MultiChoice, J::Array(a)) => Value::List(
                a.iter()
                    .map(|v| v.as_str().map(str::to_owned))
                    .collect::<Option<Vec<_>>>()?,
            ),
            (
                Kind::Text
                | Kind::LongText
                | Kind::Email
                | Kind::MobileNl
                | Kind::PostcodeNl
                | Kind::Kvk
                | Kind::VatNl
                | Kind::Iban
                | Kind::SingleChoice,
                J::String(s),
            ) => Value::Text(s.clone()),
            _ => return None,
        })
    }

    /// Re-validates a value that came from outside (a bundle, an older database):
    /// its type, choices and bounds, exactly as if it had been typed.
    pub fn validate_stored(&self, j: &serde_json::Value) -> Result<Value, Msg> {
        let v = self
            .value_from_json(j)
            .ok_or_else(|| crate::msg!("form-wrong-type", kind = self.kind.name()))?;
        let as_input = self.input_text(&v);
        let reparsed = self.parse_input(&as_input)?;
        Ok(reparsed)
    }

    /// The value as a user would type it (for editors and round trips).
    pub fn input_text(&self, v: &Value) -> String {
        match v {
            Value::Null => String::new(),
            Value::Bool(b) => if *b { "yes" } else { "no" }.to_string(),
            Value::Int(i) => i.to_string(),
            Value::Num(n) => types::plain_decimal(*n),
            Value::Text(s) => s.clone(),
            Value::Date(d) => format_date(*d),
            Value::List(l) => l.join(","),
            Value::Unknown => UNKNOWN_WORDS[0].to_string(),
        }
    }

    /// The value for people: choice labels, IBAN in groups of four, units.
    pub fn display(&self, v: &Value, lang: Lang) -> String {
        let yes_no = |b: bool| crate::t!(lang, if b { "yes" } else { "no" });
        // A number and its unit never break apart ("385\u{a0}GB").
        let unit = |s: String| match &self.unit {
            Some(u) => fmt::with_unit(&s, u),
            None => s,
        };
        match v {
            Value::Null => String::new(),
            Value::Bool(b) => yes_no(*b),
            Value::Int(i) => unit(fmt::integer(*i, lang)),
            Value::Num(n) => unit(fmt::decimal_trimmed(*n, 3, lang)),
            Value::Text(s) if self.kind == Kind::SingleChoice => self
                .choice(s)
                .map(|c| c.label.get(lang).to_string())
                .unwrap_or_else(|| s.clone()),
            Value::Text(s) if self.kind == Kind::Iban => types::format_iban(s),
            Value::Text(s) => s.clone(),
            // As people write it in a table or a line: "27-11-2026" / "27 Nov 2026".
            Value::Date(d) => fmt::date_short(*d, lang),
            Value::Unknown => crate::t!(lang, "form-unknown-answer"),
            Value::List(l) => l
                .iter()
                .map(|id| {
                    self.choice(id)
                        .map(|c| c.label.get(lang).to_string())
                        .unwrap_or_else(|| id.clone())
                })
                .collect::<Vec<_>>()
                .join(", "),
        }
    }
}

/// Whether `s` is one of the words for "weet ik niet".
pub fn is_unknown_word(s: &str) -> bool {
    let s = s.trim();
    UNKNOWN_WORDS.iter().any(|w| w.eq_ignore_ascii_case(s))
}

#[cfg(test)]
#[path = "model_tests.rs"]
mod tests;
