//! Merging a returned bundle into the intake it was exported from (three-way).
//!
//! The base is the state the bundle was exported from, read from the history both sides
//! share: a bundle carries its intake's whole history, so the rows it holds that this
//! database holds too are the common past, and the last common row of a key gives that
//! key's value at export. An answer changed on one side only (its value differs from the
//! base there) comes from that side; changed on both sides to different values it is a
//! conflict, listed with both values, and nothing is written until each conflict has a
//! chosen side (`Resolution`).

use std::collections::{BTreeMap, BTreeSet, HashSet};

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use serde::Serialize;
use serde_json::Value as Json;

use super::answers::{answers_in, insert_history, write_answer};
use super::bundle::{Bundle, BundleHistory};
use super::bundle_io::IMPORT_SOURCE;
use super::extras::{put_finding, put_probe};
use super::{Result, Store, ensure_live, fmt_ts, now_ts, touch};

/// Which side of a conflict wins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    /// The value in this database.
    Ours,
    /// The value in the bundle.
    Theirs,
}

/// The user's choice for conflicts: per key, else for all, else none (then the merge stops).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Resolution {
    pub all: Option<Side>,
    pub keys: BTreeMap<String, Side>,
}

impl Resolution {
    pub fn side_for(&self, key: &str) -> Option<Side> {
        self.keys.get(key).copied().or(self.all)
    }
}

/// An answer changed on both sides since the export, to different values.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Conflict {
    pub key: String,
    /// The value at export (`None`: no answer then).
    pub base: Option<Json>,
    pub ours: Option<Json>,
    pub theirs: Option<Json>,
}

/// What a merge does (or would do) to the answers.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct MergePlan {
    /// Answers taken from the bundle (changed there only), with the new value (`None`: removed).
    pub taken: Vec<(String, Option<Json>)>,
    /// Answers changed here only since the export: kept.
    pub kept: Vec<String>,
    pub conflicts: Vec<Conflict>,
}

/// The result of `Store::merge_bundle`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub enum MergeOutcome {
    /// Written in one transaction; `resolved` lists each conflict with the side chosen.
    Merged {
        plan: MergePlan,
        resolved: Vec<(Conflict, Side)>,
        history_added: usize,
        probes_added: usize,
    },
    /// Conflicts without a chosen side: nothing was written.
    Unresolved(Vec<Conflict>),
}

/// A history row as both sides write it: key, old and new JSON text, time, user.
type RowId = (String, Option<String>, Option<String>, String, String);

fn json_text(v: &Option<Json>) -> Option<String> {
    v.as_ref().filter(|v| !v.is_null()).map(Json::to_string)
}

fn bundle_row_id(h: &BundleHistory) -> Result<RowId> {
    Ok((
        h.key.clone(),
        json_text(&h.old),
        json_text(&h.new),
        fmt_ts(h.changed_at)?,
        h.changed_by.clone(),
    ))
}

/// Every history row of intake `id`, as identities: read once, so an import is linear in
/// the number of rows on both sides.
fn our_rows(conn: &Connection, id: i64) -> Result<HashSet<RowId>> {
    let mut stmt = conn.prepare_cached(
        "SELECT key, old_json, new_json, changed_at, changed_by FROM answer_history WHERE intake_id = ?1",
    )?;
    let rows = stmt.query_map([id], |r| {
        Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Inserts the bundle's history rows this intake does not hold yet (in the bundle's order);
/// returns how many. `known` is updated, so a row twice in a bundle is added once.
pub(crate) fn add_their_history(
    conn: &Connection,
    id: i64,
    bundle: &Bundle,
    known: &mut HashSet<RowId>,
) -> Result<usize> {
    let mut added = 0;
    for h in &bundle.history {
        let row = bundle_row_id(h)?;
        if known.contains(&row) {
            continue;
        }
        let (key, old, new, at, by) = &row;
        insert_history(conn, id, key, old.as_deref(), new.as_deref(), at, by)?;
        known.insert(row);
        added += 1;
    }
    Ok(added)
}

/// Each key's value at export: the `new` of its last history row both sides hold.
fn base_values(bundle: &Bundle, ours: &HashSet<RowId>) -> Result<BTreeMap<String, Option<Json>>> {
    let mut base = BTreeMap::new();
    for h in &bundle.history {
        if ours.contains(&bundle_row_id(h)?) {
            base.insert(h.key.clone(), h.new.clone().filter(|v| !v.is_null()));
        }
    }
    Ok(base)
}

/// Equal answers: JSON equality, except that numbers compare by value (a decimal answer
/// is stored as `544.0` by `set` and may arrive as `544` in a history row).
pub fn same_value(a: Option<&Json>, b: Option<&Json>) -> bool {
    fn eq(a: &Json, b: &Json) -> bool {
        match (a, b) {
            (Json::Number(x), Json::Number(y)) => x == y || x.as_f64() == y.as_f64(),
            (Json::Array(x), Json::Array(y)) => {
                x.len() == y.len() && x.iter().zip(y).all(|(a, b)| eq(a, b))
            }
            _ => a == b,
        }
    }
    match (a, b) {
        (Some(a), Some(b)) => eq(a, b),
        (None, None) => true,
        _ => false,
    }
}

/// The three-way decision for every key either side or the base knows.
pub fn plan_merge(
    ours: &BTreeMap<String, Json>,
    theirs: &BTreeMap<String, Json>,
    base: &BTreeMap<String, Option<Json>>,
) -> MergePlan {
    let keys: BTreeSet<&String> = ours
        .keys()
        .chain(theirs.keys())
        .chain(base.keys())
        .collect();
    let mut plan = MergePlan::default();
    for key in keys {
        let o = ours.get(key).filter(|v| !v.is_null());
        let t = theirs.get(key).filter(|v| !v.is_null());
        let b = base.get(key).and_then(Option::as_ref);
        if same_value(o, t) || same_value(t, b) {
            if !same_value(o, b) {
                plan.kept.push(key.clone());
            }
        } else if same_value(o, b) {
            plan.taken.push((key.clone(), t.cloned()));
        } else {
            plan.conflicts.push(Conflict {
                key: key.clone(),
                base: b.cloned(),
                ours: o.cloned(),
                theirs: t.cloned(),
            });
        }
    }
    plan
}

impl Store {
    /// What merging `bundle` into intake `id` would do, without writing (for a conflict
    /// screen before the user chooses).
    pub fn preview_merge(&self, id: i64, bundle: &Bundle) -> Result<MergePlan> {
        bundle.validate()?;
        self.ensure_exists(id)?;
        let known = our_rows(&self.conn, id)?;
        let base = base_values(bundle, &known)?;
        Ok(plan_merge(
            &answers_in(&self.conn, id)?,
            &bundle.answers,
            &base,
        ))
    }

    /// Merges a validated bundle into intake `id` in ONE transaction: the bundle's unknown
    /// history rows are added, answers changed on their side only are taken, answers changed
    /// here only are kept, conflicts are decided by `resolution` — and if any conflict has no
    /// side, nothing is written and the conflicts are returned. Probe results are added when
    /// newer than ours for the same kind and machine; accepted findings we lack are added.
    pub fn merge_bundle(
        &mut self,
        id: i64,
        bundle: &Bundle,
        resolution: &Resolution,
        user: &str,
    ) -> Result<MergeOutcome> {
        bundle.validate()?;
        super::keys::check_text("user", user, super::keys::MAX_NAME_LEN, true)?;
        let now = now_ts();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        ensure_live(&tx, id)?;
        let mut known = our_rows(&tx, id)?;
        let base = base_values(bundle, &known)?;
        let mut plan = plan_merge(&answers_in(&tx, id)?, &bundle.answers, &base);
        let unresolved: Vec<Conflict> = plan
            .conflicts
            .iter()
            .filter(|c| resolution.side_for(&c.key).is_none())
            .cloned()
            .collect();
        if !unresolved.is_empty() {
            return Ok(MergeOutcome::Unresolved(unresolved));
        }
        let history_added = add_their_history(&tx, id, bundle, &mut known)?;
        let mut changed = false;
        for (key, value) in &plan.taken {
            changed |= write_answer(&tx, id, key, value.as_ref(), user, &now)?;
        }
        let mut resolved = Vec::new();
        for c in std::mem::take(&mut plan.conflicts) {
            let side = resolution.side_for(&c.key).unwrap_or(Side::Ours);
            if side == Side::Theirs {
                changed |= write_answer(&tx, id, &c.key, c.theirs.as_ref(), user, &now)?;
            }
            resolved.push((c, side));
        }
        plan.conflicts = resolved.iter().map(|(c, _)| c.clone()).collect();
        let probes_added = add_newer_probes(&tx, id, bundle)?;
        let findings_added = add_missing_findings(&tx, id, bundle)?;
        if changed || history_added > 0 || probes_added > 0 || findings_added > 0 {
            touch(&tx, id, &now)?;
        }
        tx.commit()?;
        Ok(MergeOutcome::Merged {
            plan,
            resolved,
            history_added,
            probes_added,
        })
    }
}

/// Adds the bundle's probe results that are newer than ours for the same kind and machine.
pub(crate) fn add_newer_probes(conn: &Connection, id: i64, bundle: &Bundle) -> Result<usize> {
    let mut added = 0;
    for p in &bundle.probes {
        let at = fmt_ts(p.measured_at)?;
        let ours: Option<String> = conn
            .prepare_cached(
                "SELECT measured_at FROM probe_results WHERE intake_id = ?1 AND kind = ?2 AND machine_key = ?3",
            )?
            .query_row(params![id, p.kind, p.machine_key], |r| r.get(0))
            .optional()?;
        if ours.is_some_and(|o| o >= at) {
            continue;
        }
        put_probe(
            conn,
            id,
            &p.kind,
            &p.machine_key,
            &p.payload,
            &at,
            IMPORT_SOURCE,
        )?;
        added += 1;
    }
    Ok(added)
}

/// Adds the bundle's accepted findings this intake lacks; an acceptance here is kept.
pub(crate) fn add_missing_findings(conn: &Connection, id: i64, bundle: &Bundle) -> Result<usize> {
    let mut added = 0;
    for f in &bundle.accepted_findings {
        let exists: bool = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM accepted_findings WHERE intake_id = ?1 AND rule_id = ?2)",
            params![id, f.rule_id],
            |r| r.get(0),
        )?;
        if !exists {
            let at = fmt_ts(f.accepted_at)?;
            put_finding(conn, id, &f.rule_id, &f.reason, &f.accepted_by, &at)?;
            added += 1;
        }
    }
    Ok(added)
}

#[cfg(test)]
#[path = "merge_tests.rs"]
mod tests;
