//! Importing a bundle: untrusted input (a customer's self-filled form), so every answer
//! is checked against a form this program or database knows, exactly as if typed.

use super::{Workspace, os_user, refuse};
use crate::form::{AnswerKey, Lang};
use crate::store::{Bundle, MergeOutcome, MergePlan, Resolution};
use anyhow::Result;
use std::collections::{BTreeMap, BTreeSet};

/// At most this many problems are listed; the count says how many there were.
const MAX_LISTED: usize = 20;

impl Workspace {
    /// Checks every answer of a bundle against the bundle's form. An answer is valid
    /// when the newest known version of the form that asks its question accepts it:
    /// answers to questions a later version dropped come in as orphans, as they would
    /// have been kept had the intake never left this database.
    pub fn check_bundle(&self, b: &Bundle) -> Result<()> {
        self.normalised(b).map(|_| ())
    }

    /// The bundle with every answer checked and normalised exactly as `intake set` does
    /// (IBAN compact upper case, postcode `1234 AB`, duplicated choices once, ...).
    pub fn normalised(&self, b: &Bundle) -> Result<Bundle> {
        let form_id = &b.intake.form_id;
        let versions = self.forms.versions(&self.store, form_id)?;
        let Some((newest, _)) = versions.first() else {
            refuse!(
                "ws-bundle-unknown-form",
                form = crate::text::excerpt(form_id),
                known = self.standard_form().id.as_str()
            );
        };
        if b.intake.form_version > *newest {
            refuse!(
                "ws-bundle-form-too-new",
                form = crate::text::excerpt(form_id),
                version = b.intake.form_version.to_string(),
                newest = newest.to_string()
            );
        }
        let mut problems = Vec::new();
        let mut answers = BTreeMap::new();
        for (key, value) in &b.answers {
            let k = match AnswerKey::parse(key) {
                Ok(k) => k,
                Err(e) => {
                    problems.push(e);
                    continue;
                }
            };
            let Some((s, q)) = versions.iter().find_map(|(_, f)| f.find(&k.path())) else {
                problems.push(crate::msg!(
                    "ws-bundle-no-question",
                    key = key,
                    form = crate::text::excerpt(form_id)
                ));
                continue;
            };
            match (&s.repeat, k.instance) {
                (Some(r), Some(n)) if n > r.max => {
                    problems.push(crate::msg!(
                        "ws-bundle-too-many-entries",
                        key = key,
                        group = s.id.as_str(),
                        max = r.max
                    ));
                    continue;
                }
                (Some(_), None) | (None, Some(_)) => {
                    problems.push(crate::msg!(
                        "ws-bundle-key-shape",
                        key = key,
                        group = s.id.as_str()
                    ));
                    continue;
                }
                _ => {}
            }
            if !q.kind.is_input() {
                problems.push(crate::msg!("ws-bundle-calculated", key = key));
                continue;
            }
            match q.validate_stored(value) {
                Ok(v) if !v.is_null() => {
                    answers.insert(key.clone(), v.to_json());
                }
                Ok(_) => {}
                Err(m) => problems.push(crate::form::Msg::new(
                    format!("{key}: {}", m.get(Lang::Nl)),
                    format!("{key}: {}", m.get(Lang::En)),
                )),
            }
        }
        if !problems.is_empty() {
            let n = problems.len();
            problems.truncate(MAX_LISTED);
            let list = |lang: Lang| {
                problems
                    .iter()
                    .map(|p| p.get(lang))
                    .collect::<Vec<_>>()
                    .join("\n  ")
            };
            let msg = crate::form::Msg::new(
                crate::t!(
                    Lang::Nl,
                    "ws-bundle-invalid",
                    count = n,
                    list = list(Lang::Nl)
                ),
                crate::t!(
                    Lang::En,
                    "ws-bundle-invalid",
                    count = n,
                    list = list(Lang::En)
                ),
            );
            return Err(anyhow::Error::new(super::Refusal(msg)));
        }
        Ok(Bundle {
            answers,
            ..b.clone()
        })
    }

    /// Checks, normalises and imports a bundle as a new intake in one transaction; returns
    /// the intake's id.
    pub fn import_bundle(&mut self, b: &Bundle) -> Result<i64> {
        let b = self.normalised(b)?;
        let id = self.store.import_bundle(&b, &os_user())?;
        self.refresh_derived(id)?;
        Ok(id)
    }

    /// What merging bundle `b` into intake `id` (the one it was exported from) would do,
    /// without writing: answers taken from the bundle, answers kept, conflicts.
    pub fn preview_merge(&self, id: i64, b: &Bundle) -> Result<MergePlan> {
        let b = self.normalised(b)?;
        Ok(self.store.preview_merge(id, &b)?)
    }

    /// Merges bundle `b` into intake `id` in one transaction (see `Store::merge_bundle`):
    /// `MergeOutcome::Unresolved` lists the conflicts `resolution` leaves open, and then
    /// nothing was written. A key in `resolution.keys` that is no conflict is refused, so a
    /// typo does not pass unnoticed.
    pub fn merge_bundle(
        &mut self,
        id: i64,
        b: &Bundle,
        resolution: &Resolution,
    ) -> Result<MergeOutcome> {
        let b = self.normalised(b)?;
        if !resolution.keys.is_empty() {
            let plan = self.store.preview_merge(id, &b)?;
            let conflicting: BTreeSet<&str> =
                plan.conflicts.iter().map(|c| c.key.as_str()).collect();
            let stray: Vec<&str> = resolution
                .keys
                .keys()
                .map(String::as_str)
                .filter(|k| !conflicting.contains(k))
                .collect();
            if !stray.is_empty() {
                let keys = stray
                    .iter()
                    .map(|k| crate::text::excerpt(k))
                    .collect::<Vec<_>>()
                    .join(", ");
                refuse!("ws-bundle-not-a-conflict", keys = keys);
            }
        }
        let outcome = self.store.merge_bundle(id, &b, resolution, &os_user())?;
        if matches!(outcome, MergeOutcome::Merged { .. }) {
            self.refresh_derived(id)?;
        }
        Ok(outcome)
    }

    /// The list shows cached progress and the mode column: computed now, not at the next edit.
    fn refresh_derived(&mut self, id: i64) -> Result<()> {
        let loaded = self.load(id)?;
        let d = super::answers::derived(&loaded);
        self.store.apply_with(id, &[], &os_user(), &d)?;
        Ok(())
    }
}
