//! The workspace: the store plus the forms, and the operations every front end
//! shares (the TUI, the headless commands, the tests). Values are parsed and checked
//! here, once, with the form's rules, before anything reaches SQLite.

mod answers;
mod bundles;
mod entries;
mod forms;
#[cfg(test)]
mod moved_tests;
#[cfg(test)]
mod tests;

pub use answers::{SetError, parse_assignment};

/// A request the workspace refuses, in both languages: the front end shows the user's.
/// (Its `Display` is English, for logs and the TUI's fallbacks.)
#[derive(Debug)]
pub struct Refusal(pub crate::form::Msg);

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.get(Lang::En))
    }
}

impl std::error::Error for Refusal {}

/// `refuse!("message-id", name = value)`: return a [`Refusal`] from the function.
macro_rules! refuse {
    ($($t:tt)*) => {
        return Err(anyhow::Error::new($crate::workspace::Refusal($crate::msg!($($t)*))))
    };
}
pub use forms::FormSource;
pub(crate) use refuse;

use crate::form::{self, Answers, Audience, Evaluation, Form, Lang, Value};
use crate::store::{IntakeRecord, NewIntake, Store};
use anyhow::{Context, Result};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

/// How an intake is done (FAQ 3.1): on site, online with a partner, or by the customer.
pub use crate::store::Mode;

impl Mode {
    pub fn id(self) -> &'static str {
        self.as_str()
    }
    /// Unknown ids read as on site: the specialist's full form is the safe default.
    pub fn from_id(s: &str) -> Mode {
        s.parse().unwrap_or(Mode::OnSite)
    }
    /// The mode as the user reads it ("op locatie").
    pub fn label(self, lang: Lang) -> String {
        crate::i18n::message(lang, &format!("mode-{}", self.as_str()), None)
    }
    pub fn audience(self) -> Audience {
        match self {
            Mode::SelfFilled => Audience::Customer,
            _ => Audience::Specialist,
        }
    }
}

/// One intake as the front ends see it: its record, its form and its typed answers.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub record: IntakeRecord,
    pub form: Arc<Form>,
    pub answers: Answers,
    /// Answers the current form no longer has a question for (or whose type changed):
    /// kept and shown, never dropped.
    pub orphans: BTreeMap<String, serde_json::Value>,
    /// Answers stored under a key an earlier form version used and read here under the key
    /// the form moved them to (old key, new key): the next write moves them in the database.
    pub moved: Vec<(String, String)>,
}

impl Loaded {
    pub fn mode(&self) -> Mode {
        self.record.mode
    }
    pub fn evaluate(&self, today: time::Date) -> Evaluation {
        self.form
            .evaluate(&self.answers, self.mode().audience(), today)
    }
    /// The number of entries of repeat group `group` (0 for anything else).
    pub fn entry_count(&self, group: &str) -> usize {
        self.form
            .instance_counts(&self.answers)
            .get(group)
            .copied()
            .unwrap_or(0)
    }
}

/// A stored answer read as its question's type; `None` when the form has no such
/// question, the value does not fit it, or it is blank: then it is an orphan.
fn typed_answer(form: &Form, key: &str, json: &serde_json::Value) -> Option<Value> {
    let key = form::AnswerKey::parse(key).ok()?;
    let (_, q) = form.find(&key.path())?;
    q.value_from_json(json).filter(|v| !v.is_null())
}

pub struct Workspace {
    pub store: Store,
    forms: forms::Forms,
}

pub use crate::store::os_user;

pub fn today() -> time::Date {
    time::OffsetDateTime::now_local()
        .unwrap_or_else(|_| time::OffsetDateTime::now_utc())
        .date()
}

impl Workspace {
    pub fn open(db: &Path) -> Result<Workspace> {
        // Every store error names the database file already.
        let store = Store::open(db)?;
        Workspace::with_store(store)
    }

    /// Opens an encrypted database (or creates one) with `key`; a plain file opens as is.
    pub fn open_with(db: &Path, key: Option<&crate::store::DbKey>) -> Result<Workspace> {
        // Every store error names the database file already (in the user's language).
        let store = Store::open_with(db, key)?;
        Workspace::with_store(store)
    }

    pub fn with_store(store: Store) -> Result<Workspace> {
        // The built-in form is part of the program: a fault here is a programmer's error.
        let forms = forms::Forms::new().context("loading the built-in standard form")?;
        Ok(Workspace { store, forms })
    }

    pub fn standard_form(&self) -> Arc<Form> {
        self.forms.standard()
    }

    /// Creates an intake; the customer name and mode are also its first answers, and
    /// the form's defaults are written so they show in the history like any answer.
    pub fn new_intake(
        &mut self,
        customer: &str,
        mode: Mode,
        form: Option<FormSource>,
    ) -> Result<i64> {
        let customer = customer.trim();
        if customer.is_empty() {
            refuse!("ws-customer-empty");
        }
        if customer.chars().count() > 200 {
            refuse!("ws-customer-too-long");
        }
        if let Some(c) = crate::text::first_control(customer, false) {
            refuse!(
                "ws-customer-control",
                what = crate::text::describe_control(c)
            );
        }
        let form = match form {
            Some(src) => self.forms.register(&mut self.store, src)?,
            None => self.forms.standard(),
        };
        let new = NewIntake {
            customer: customer.to_string(),
            mode,
            form_id: form.id.clone(),
            form_version: form.version,
        };
        let mut changes = Vec::new();
        for s in form.sections.iter().filter(|s| s.repeat.is_none()) {
            for q in &s.questions {
                if let Some(d) = &q.default {
                    changes.push((format!("{}.{}", s.id, q.id), d.clone()));
                }
            }
        }
        if form.find("company.name").is_some() {
            changes.push(("company.name".into(), Value::Text(customer.to_string())));
        }
        if form.find("intake.mode").is_some() {
            changes.push(("intake.mode".into(), Value::Text(mode.id().to_string())));
        }
        if form.find("intake.date").is_some() {
            changes.push(("intake.date".into(), Value::Date(today())));
        }
        // The list shows the new intake's real progress at once, not 0 % until opened.
        let answers: Answers = changes.iter().cloned().collect();
        let progress = Some(
            form.evaluate(&answers, mode.audience(), today())
                .progress_percent(),
        );
        let changes: Vec<_> = changes
            .into_iter()
            .map(|(k, v)| crate::store::Change {
                key: k,
                value: Some(v.to_json()),
            })
            .collect();
        // One transaction: a crash leaves either no intake or one with all its defaults.
        Ok(self
            .store
            .create_intake_with(&new, &changes, &os_user(), progress)?)
    }

    /// Loads an intake with the newest known version of its form.
    pub fn load(&self, id: i64) -> Result<Loaded> {
        let record = self.store.intake(id)?;
        let form = self
            .forms
            .for_intake(&self.store, &record.form_id, record.form_version)?;
        let raw = self.store.answers(id)?;
        let mut answers = Answers::new();
        let mut orphans = BTreeMap::new();
        for (k, j) in raw {
            match typed_answer(&form, &k, &j) {
                Some(v) => {
                    answers.insert(k, v);
                }
                None => {
                    orphans.insert(k, j);
                }
            }
        }
        let moved = read_moved(&form, &mut answers, &mut orphans);
        Ok(Loaded {
            record,
            form,
            answers,
            orphans,
            moved,
        })
    }

    /// Moves the answers `loaded` reads under a new key (`Loaded::moved`) in the database
    /// too, before a write: the write then works on the keys the form asks.
    pub(crate) fn settle_moved(&mut self, loaded: &mut Loaded, author: &str) -> Result<()> {
        if loaded.moved.is_empty() {
            return Ok(());
        }
        let derived = answers::derived(loaded);
        self.store
            .move_answers(loaded.record.id, &loaded.moved, author, &derived)?;
        loaded.moved.clear();
        Ok(())
    }
}

/// Reads each answer stored under an old key of `form.moved` under its new key (unless
/// the new key holds an answer already, or the value does not fit the new question: then
/// it stays as it was); returns the moves made.
fn read_moved(
    form: &Form,
    answers: &mut Answers,
    orphans: &mut BTreeMap<String, serde_json::Value>,
) -> Vec<(String, String)> {
    let mut moved = Vec::new();
    for (old, new) in &form.moved {
        let Some(json) = orphans.get(old) else {
            continue;
        };
        if !answers.contains_key(new) {
            let Some(value) = typed_answer(form, new, json) else {
                continue;
            };
            answers.insert(new.clone(), value);
        }
        orphans.remove(old);
        moved.push((old.clone(), new.clone()));
    }
    moved
}
