//! Changing answers: the one path for the TUI, `intake set/unset` and imports.
//! Every call is checked completely first and then saved in one transaction.

use super::{Loaded, Mode, Workspace, os_user, today};
use crate::form::{AnswerKey, Lang, Msg, Value};
use crate::store::{Change, Derived};
use anyhow::Result;
use std::fmt;

/// Why a change was refused: which key, and the form's message.
#[derive(Debug, Clone)]
pub struct SetError {
    pub key: String,
    pub message: Msg,
}

impl SetError {
    pub fn render(&self, lang: Lang) -> String {
        format!("{}: {}", self.key, self.message.get(lang))
    }
}

impl fmt::Display for SetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.render(Lang::En))
    }
}

impl std::error::Error for SetError {}

/// Splits `KEY=VALUE` at the first `=`.
pub fn parse_assignment(s: &str) -> Result<(String, String), SetError> {
    match s.split_once('=') {
        Some((k, v)) => Ok((k.trim().to_string(), v.to_string())),
        None => Err(SetError {
            key: s.to_string(),
            message: crate::msg!("set-use-key-value"),
        }),
    }
}

impl Loaded {
    /// Parses and checks one typed input for `key` against the form and all other
    /// answers, without saving. `Ok(Value::Null)` means "clear the answer".
    pub fn check_input(&self, key: &str, input: &str) -> Result<(AnswerKey, Value), SetError> {
        let err = |m: Msg| SetError {
            key: key.to_string(),
            message: m,
        };
        let k = AnswerKey::parse(key).map_err(err)?;
        let (section, q) = self.form.find(&k.path()).ok_or_else(|| {
            err(crate::msg!(
                "set-no-such-question",
                form = &self.form.id,
                key = k.path(),
            ))
        })?;
        match (&section.repeat, k.instance) {
            (Some(r), Some(n)) if n > r.max => {
                return Err(err(crate::msg!(
                    "set-too-many-entries",
                    group = &section.id,
                    count = r.max
                )));
            }
            (Some(_), None) => {
                return Err(err(crate::msg!(
                    "set-is-a-group",
                    group = &section.id,
                    question = &q.id
                )));
            }
            (None, Some(_)) => {
                return Err(err(crate::msg!("set-not-a-group", group = &section.id)));
            }
            _ => {}
        }
        if !q.kind.is_input() {
            return Err(err(crate::msg!("set-calculated")));
        }
        let value = q.parse_input(input).map_err(err)?;
        Ok((k, value))
    }
}

impl Workspace {
    /// Sets several answers: all are checked (type, bounds, constraints against the
    /// answers as they will be after this call) before any is saved; one transaction.
    pub fn set_answers(&mut self, id: i64, pairs: &[(String, String)]) -> Result<Loaded> {
        self.set_answers_by(id, pairs, &os_user())
    }

    /// As `set_answers`, recorded in the history as changed by `author` (e.g. the
    /// customer through a web link).
    pub fn set_answers_by(
        &mut self,
        id: i64,
        pairs: &[(String, String)],
        author: &str,
    ) -> Result<Loaded> {
        let mut loaded = self.load(id)?;
        self.settle_moved(&mut loaded, author)?;
        let mut changes = Vec::new();
        let mut parsed = Vec::new();
        for (key, input) in pairs {
            let (k, v) = loaded.check_input(key, input)?;
            if v.is_null() {
                loaded.answers.remove(&k.to_string());
            } else {
                loaded.answers.insert(k.to_string(), v.clone());
            }
            parsed.push((k, v));
        }
        for (k, v) in &parsed {
            loaded
                .form
                .check_answer_as(k, v, &loaded.answers, loaded.mode().audience(), today())
                .map_err(|m| SetError {
                    key: k.to_string(),
                    message: m,
                })?;
            changes.push(Change {
                key: k.to_string(),
                value: (!v.is_null()).then(|| v.to_json()),
            });
        }
        let derived = derived(&loaded);
        self.store.apply_with(id, &changes, author, &derived)?;
        if let Some(mode) = derived.mode {
            loaded.record.mode = mode;
        }
        loaded
            .orphans
            .retain(|k, _| !parsed.iter().any(|(p, _)| p.to_string() == *k));
        Ok(loaded)
    }

    /// Removes answers (also orphans). Unknown keys are refused, nothing is saved.
    pub fn unset_answers(&mut self, id: i64, keys: &[String]) -> Result<()> {
        let mut loaded = self.load(id)?;
        self.settle_moved(&mut loaded, &os_user())?;
        let mut changes = Vec::new();
        for key in keys {
            AnswerKey::parse(key).map_err(|message| SetError {
                key: key.clone(),
                message,
            })?;
            let known = loaded.answers.contains_key(key) || loaded.orphans.contains_key(key);
            let in_form = AnswerKey::parse(key)
                .ok()
                .and_then(|k| loaded.form.find(&k.path()))
                .is_some();
            if !known && !in_form {
                return Err(SetError {
                    key: key.clone(),
                    message: crate::msg!("set-unknown-key"),
                }
                .into());
            }
            changes.push(Change {
                key: key.clone(),
                value: None,
            });
        }
        let mut after = loaded;
        for c in &changes {
            after.answers.remove(&c.key);
            after.orphans.remove(&c.key);
        }
        let derived = derived(&after);
        self.store.apply_with(id, &changes, &os_user(), &derived)?;
        Ok(())
    }
}

/// Progress and mode of an intake whose answers already hold the change being saved.
pub(crate) fn derived(after: &Loaded) -> Derived {
    let mode = match after.answers.get("intake.mode") {
        Some(Value::Text(m)) => Mode::from_id(m),
        _ => after.record.mode,
    };
    let evaluation = after
        .form
        .evaluate(&after.answers, mode.audience(), today());
    Derived {
        progress: Some(evaluation.progress_percent()),
        mode: Some(mode).filter(|m| *m != after.record.mode),
    }
}
