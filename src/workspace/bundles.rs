//! Importing a bundle: untrusted input (a customer's self-filled form), so every answer
//! is checked against a form this program or database knows, exactly as if typed.

use super::{Workspace, os_user, today};
use crate::form::{AnswerKey, Lang};
use crate::store::{Bundle, ImportMode};
use anyhow::{Result, bail};

/// At most this many problems are listed; the count says how many there were.
const MAX_LISTED: usize = 20;

impl Workspace {
    /// Checks every answer of a bundle against the bundle's form. An answer is valid
    /// when the newest known version of the form that asks its question accepts it:
    /// answers to questions a later version dropped come in as orphans, as they would
    /// have been kept had the intake never left this database.
    pub fn check_bundle(&self, b: &Bundle) -> Result<()> {
        let form_id = &b.intake.form_id;
        let versions = self.forms.versions(&self.store, form_id)?;
        let Some((newest, _)) = versions.first() else {
            bail!(
                "unknown form '{form_id}': this program knows '{}'; start an intake with `intake new --form FILE` of that form first",
                self.standard_form().id
            );
        };
        if b.intake.form_version > *newest {
            bail!(
                "form '{form_id}' version {} is newer than the versions known here (up to {newest})",
                b.intake.form_version
            );
        }
        let mut problems = Vec::new();
        for (key, value) in &b.answers {
            let k = match AnswerKey::parse(key) {
                Ok(k) => k,
                Err(e) => {
                    problems.push(e.en);
                    continue;
                }
            };
            let Some((s, q)) = versions.iter().find_map(|(_, f)| f.find(&k.path())) else {
                problems.push(format!("{key}: form '{form_id}' has no such question"));
                continue;
            };
            match (&s.repeat, k.instance) {
                (Some(r), Some(n)) if n > r.max => {
                    problems.push(format!("{key}: '{}' has at most {} entries", s.id, r.max));
                    continue;
                }
                (Some(_), None) | (None, Some(_)) => {
                    problems.push(format!("{key}: wrong key shape for '{}'", s.id));
                    continue;
                }
                _ => {}
            }
            if !q.kind.is_input() {
                problems.push(format!(
                    "{key}: this question is calculated and has no answer"
                ));
            } else if let Err(m) = q.validate_stored(value) {
                problems.push(format!("{key}: {}", m.get(Lang::En)));
            }
        }
        if !problems.is_empty() {
            let n = problems.len();
            problems.truncate(MAX_LISTED);
            bail!(
                "{n} invalid answer(s), nothing imported:\n  {}",
                problems.join("\n  ")
            );
        }
        Ok(())
    }

    /// Checks and imports a bundle in one transaction; returns the intake's id.
    pub fn import_bundle(&mut self, b: &Bundle, mode: ImportMode) -> Result<i64> {
        self.check_bundle(b)?;
        let id = self.store.import_bundle(b, mode, &os_user())?;
        // The home list shows the cached progress; compute it now, not at the next edit.
        let loaded = self.load(id)?;
        self.store
            .set_progress(id, loaded.evaluate(today()).progress_percent())?;
        Ok(id)
    }
}
