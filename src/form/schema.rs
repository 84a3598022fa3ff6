//! The TOML shape of a form file, as written by form authors. Spans are kept so
//! that every load-time error can say file:line:col.

use serde::Deserialize;
use toml::Spanned;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawForm {
    pub id: Spanned<String>,
    pub version: Spanned<u32>,
    pub languages: Spanned<Vec<String>>,
    pub title: Spanned<RawText>,
    #[serde(default)]
    pub description: Option<Spanned<RawText>>,
    #[serde(default, rename = "section")]
    pub sections: Vec<RawSection>,
    /// Answers an earlier version kept under another key: old key → new key.
    #[serde(default)]
    pub moved: std::collections::BTreeMap<String, Spanned<String>>,
}

#[derive(Debug, Deserialize, Default, Clone)]
#[serde(deny_unknown_fields)]
pub struct RawText {
    pub nl: Option<String>,
    pub en: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    pub id: Spanned<String>,
    pub title: Spanned<RawText>,
    #[serde(default)]
    pub intro: Option<Spanned<RawText>>,
    #[serde(default)]
    pub relevant: Option<Spanned<String>>,
    #[serde(default)]
    pub specialist: bool,
    #[serde(default)]
    pub repeat: Option<RawRepeat>,
    #[serde(default, rename = "question")]
    pub questions: Vec<RawQuestion>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRepeat {
    #[serde(default)]
    pub min: Option<u32>,
    #[serde(default)]
    pub max: Option<u32>,
    /// An expression giving the number of entries (e.g. follow another answer).
    #[serde(default)]
    pub count: Option<Spanned<String>>,
    /// What one entry is called ("Locatie", "Location").
    pub item: Spanned<RawText>,
    /// Fields shown in the one-line summary of an entry.
    #[serde(default)]
    pub summary: Vec<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub id: Spanned<String>,
    #[serde(rename = "type")]
    pub kind: Spanned<String>,
    pub label: Spanned<RawText>,
    /// Plain-language label for customers filling in the form themselves.
    #[serde(default)]
    pub self_label: Option<Spanned<RawText>>,
    #[serde(default)]
    pub hint: Option<Spanned<RawText>>,
    /// FAQ section numbers this question comes from, shown in the help pane.
    #[serde(default)]
    pub faq: Vec<String>,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub required_if: Option<Spanned<String>>,
    #[serde(default)]
    pub relevant: Option<Spanned<String>>,
    #[serde(default)]
    pub constraint: Option<Spanned<String>>,
    #[serde(default)]
    pub constraint_message: Option<Spanned<RawText>>,
    /// A soft check: when true, the user is warned but may go on.
    #[serde(default)]
    pub warning: Option<Spanned<String>>,
    #[serde(default)]
    pub warning_message: Option<Spanned<RawText>>,
    #[serde(default)]
    pub default: Option<Spanned<toml::Value>>,
    #[serde(default)]
    pub unit: Option<String>,
    #[serde(default)]
    pub min: Option<f64>,
    #[serde(default)]
    pub max: Option<f64>,
    #[serde(default)]
    pub max_length: Option<usize>,
    #[serde(default, rename = "choice")]
    pub choices: Vec<RawChoice>,
    /// Adds an "other, namely" choice with a text field `<id>_other`.
    #[serde(default)]
    pub other: bool,
    #[serde(default)]
    pub calculate: Option<Spanned<String>>,
    #[serde(default)]
    pub specialist: bool,
    /// Allows the explicit answer "weet ik niet" (speeds, volumes, counts a customer
    /// may not know); see `Value::Unknown`.
    #[serde(default)]
    pub unknown_allowed: Option<Spanned<bool>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawChoice {
    pub id: Spanned<String>,
    pub label: Spanned<RawText>,
}
