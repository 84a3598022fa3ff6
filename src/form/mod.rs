//! The form engine: schema, expressions, validation. Knows nothing of the UI or the store.
//!
//! A form is a TOML file (see `forms/mkb-werkplek-online.toml` and the README for the
//! format). `load_file`/`load_str` check it completely and report every problem with
//! file:line:col; `Form::evaluate` computes visibility, requirements, errors and
//! calculations over a set of answers.

pub mod eval;
mod eval_tables;
#[cfg(test)]
mod eval_tests;
pub mod expr;
pub mod key;
pub mod load;
pub mod model;
mod moved;
pub mod schema;
#[cfg(test)]
mod standard_tests;
mod toml_str;
pub mod types;
#[cfg(test)]
mod unknown_tests;
pub mod value;

pub use eval::{Answers, Audience, Evaluation, FormEnv, FormTypes, ItemState, SectionState};
pub use key::AnswerKey;
pub use load::{Diagnostic, FormErrors, load_file, load_str};
pub use model::{Choice, Form, Kind, Question, Required, Section, Text};
pub use types::Msg;
pub use value::Value;

use serde::{Deserialize, Serialize};

/// The language of the user interface and of the form's texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }
    pub fn parse(s: &str) -> Option<Lang> {
        match s {
            "nl" => Some(Lang::Nl),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
    /// One of the two values a data file holds per language (its `nl` and `en` fields):
    /// the one place that chooses, so no reader writes its own match.
    pub fn pick<T>(self, nl: T, en: T) -> T {
        match self {
            Lang::Nl => nl,
            Lang::En => en,
        }
    }
    pub fn toggle(self) -> Lang {
        self.pick(Lang::En, Lang::Nl)
    }
}

/// The standard MKB Werkplek Online intake form, built into the binary.
pub const STANDARD_FORM_SRC: &str = include_str!("../../forms/mkb-werkplek-online.toml");
pub const STANDARD_FORM_FILE: &str = "forms/mkb-werkplek-online.toml";

/// Loads the built-in standard form. It is checked by a test, so failure here means a
/// broken build, but we still return the error rather than panic.
pub fn standard_form() -> Result<Form, FormErrors> {
    load_str(STANDARD_FORM_SRC, STANDARD_FORM_FILE)
}
