//! Removing and reordering entries of a repeat group. An entry is every stored answer
//! under `group[N].`, also answers the current form no longer asks (orphans): they
//! belong to that entry and must move with it, or a removed question's answer would
//! end up attached to another person or location.

use super::{Workspace, os_user, refuse};
use crate::form::AnswerKey;
use crate::store::Change;
use anyhow::Result;
use std::collections::{BTreeMap, BTreeSet};

/// Stored answers of one group: entry number → field → JSON value.
type Entries = BTreeMap<usize, BTreeMap<String, serde_json::Value>>;

impl Workspace {
    /// Removes entry `n` (1-based) of a repeat group; later entries move up one place
    /// so their answers stay together. One transaction, recorded in the history.
    pub fn remove_entry(&mut self, id: i64, group: &str, n: usize) -> Result<()> {
        self.remove_entry_by(id, group, n, &os_user())
    }

    /// As `remove_entry`, recorded in the history as changed by `author`.
    pub fn remove_entry_by(&mut self, id: i64, group: &str, n: usize, author: &str) -> Result<()> {
        let mut loaded = self.load(id)?;
        self.settle_moved(&mut loaded, author)?;
        self.group_of(&loaded.form, group)?;
        let entries = self.entries(id, group)?;
        let answered = loaded.entry_count(group);
        let count = answered.max(entries.keys().next_back().copied().unwrap_or(0));
        if n == 0 || n > count {
            refuse!("ws-no-entry", group = group, n = n);
        }
        let mut changes = Vec::new();
        for i in n..=count {
            // Entry i takes the answers of entry i + 1 (none after the last).
            changes.extend(moves(group, &entries, i + 1, i));
        }
        self.save_entries(id, &changes, author)
    }

    /// Swaps entries `a` and `b` (1-based) of a repeat group (moving an entry up or down).
    pub fn swap_entries(&mut self, id: i64, group: &str, a: usize, b: usize) -> Result<()> {
        let mut loaded = self.load(id)?;
        self.settle_moved(&mut loaded, &os_user())?;
        let max = self.group_of(&loaded.form, group)?;
        for n in [a, b] {
            if n == 0 || n > max {
                refuse!("ws-no-entry-max", group = group, n = n, max = max);
            }
        }
        if a == b {
            return Ok(());
        }
        let entries = self.entries(id, group)?;
        let mut changes = moves(group, &entries, b, a);
        changes.extend(moves(group, &entries, a, b));
        self.save_entries(id, &changes, &os_user())
    }

    /// The group's maximum number of entries, or an error when `group` is not a group.
    fn group_of(&self, form: &crate::form::Form, group: &str) -> Result<usize> {
        form.section(group)
            .and_then(|s| s.repeat.as_ref())
            .map(|r| r.max)
            .ok_or_else(|| {
                anyhow::Error::new(super::Refusal(crate::msg!("ws-not-a-group", group = group)))
            })
    }

    fn entries(&self, id: i64, group: &str) -> Result<Entries> {
        let mut out = Entries::new();
        for (k, v) in self.store.answers(id)? {
            if let Ok(key) = AnswerKey::parse(&k)
                && key.scope == group
                && let Some(n) = key.instance
            {
                out.entry(n).or_default().insert(key.question, v);
            }
        }
        Ok(out)
    }

    fn save_entries(&mut self, id: i64, changes: &[Change], author: &str) -> Result<()> {
        let mut after = self.load(id)?;
        for c in changes {
            let value = c
                .value
                .as_ref()
                .and_then(|j| super::typed_answer(&after.form, &c.key, j));
            match value {
                Some(v) => after.answers.insert(c.key.clone(), v),
                None => after.answers.remove(&c.key),
            };
        }
        let derived = super::answers::derived(&after);
        self.store.apply_with(id, changes, author, &derived)?;
        Ok(())
    }
}

/// Changes that give entry `to` exactly the stored answers of entry `from`.
fn moves(group: &str, entries: &Entries, from: usize, to: usize) -> Vec<Change> {
    let empty = BTreeMap::new();
    let src = entries.get(&from).unwrap_or(&empty);
    let dst = entries.get(&to).unwrap_or(&empty);
    let fields: BTreeSet<&String> = src.keys().chain(dst.keys()).collect();
    fields
        .into_iter()
        .filter(|f| src.get(*f) != dst.get(*f))
        .map(|f| Change {
            key: format!("{group}[{to}].{f}"),
            value: src.get(f).cloned(),
        })
        .collect()
}
