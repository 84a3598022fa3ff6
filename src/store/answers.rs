//! Answers and their history. Every write is one transaction; a history row is written only
//! when a value really changes.

use std::collections::BTreeMap;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};

use super::forms::write_progress;
use super::keys::{MAX_NAME_LEN, MAX_VALUE_JSON, check_key, check_text, shorten};
use super::{
    Change, Derived, HistoryEntry, Result, Store, StoreError, ensure_live, now_ts, parse_json,
    parse_ts, touch,
};

impl Store {
    /// All stored answers of intake `id`, by key.
    pub fn answers(&self, id: i64) -> Result<BTreeMap<String, serde_json::Value>> {
        self.ensure_exists(id)?;
        answers_in(&self.conn, id)
    }

    /// Applies all `changes` in ONE transaction: each is an upsert, or a removal when its value
    /// is `None` or JSON null ("no answer" is never stored). Either every change is stored or,
    /// on any error, none is. Returns how many answers really changed; unchanged values write
    /// no history row and do not touch `updated_at`.
    pub fn apply(&mut self, id: i64, changes: &[Change], user: &str) -> Result<usize> {
        self.apply_with(id, changes, user, &Derived::default())
    }

    /// `apply`, storing in the same transaction what the caller worked out from the
    /// answers after the change (cached progress, the mode column): one commit per save,
    /// and the list never disagrees with the answers after a crash.
    pub fn apply_with(
        &mut self,
        id: i64,
        changes: &[Change],
        user: &str,
        derived: &Derived,
    ) -> Result<usize> {
        let (tx, now) = self.begin_write(id, user)?;
        let mut changed = 0;
        for c in changes {
            if write_answer(&tx, id, &c.key, c.value.as_ref(), user, &now)? {
                changed += 1;
            }
        }
        if changed > 0 {
            touch(&tx, id, &now)?;
        }
        if let Some(mode) = derived.mode {
            tx.execute(
                "UPDATE intakes SET mode = ?2 WHERE id = ?1 AND mode != ?2",
                params![id, mode.as_str()],
            )?;
        }
        if let Some(percent) = derived.progress {
            write_progress(&tx, id, percent)?;
        }
        tx.commit()?;
        Ok(changed)
    }

    /// Moves answers to the keys a newer form version asks them under (`moves`: old key →
    /// new key), in one transaction, each step in the history: an old answer goes to its new
    /// key unless that key already holds an answer (then the newer answer stays and the old
    /// one is removed; the history keeps it). Read and written inside the transaction, so a
    /// change made meanwhile by another process is never overwritten. Returns how many
    /// answers moved or were dropped.
    pub fn move_answers(
        &mut self,
        id: i64,
        moves: &[(String, String)],
        user: &str,
        derived: &Derived,
    ) -> Result<usize> {
        let (tx, now) = self.begin_write(id, user)?;
        let mut changed = 0;
        for (old, new) in moves {
            let Some(value) = current(&tx, id, old)? else {
                continue;
            };
            if current(&tx, id, new)?.is_none() {
                write_answer(&tx, id, new, Some(&value), user, &now)?;
            }
            write_answer(&tx, id, old, None, user, &now)?;
            changed += 1;
        }
        if changed > 0 {
            touch(&tx, id, &now)?;
            if let Some(percent) = derived.progress {
                write_progress(&tx, id, percent)?;
            }
        }
        tx.commit()?;
        Ok(changed)
    }

    /// The start of every write to intake `id` by `user`: the name checked, the time taken
    /// once, an IMMEDIATE transaction on a live intake.
    fn begin_write(&mut self, id: i64, user: &str) -> Result<(rusqlite::Transaction<'_>, String)> {
        check_text("user", user, MAX_NAME_LEN, true)?;
        let now = now_ts();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        ensure_live(&tx, id)?;
        Ok((tx, now))
    }

    /// `apply` with one change; returns whether the value changed.
    pub fn save_answer(
        &mut self,
        id: i64,
        key: &str,
        value: serde_json::Value,
        user: &str,
    ) -> Result<bool> {
        Ok(self.apply(id, &[Change::set(key, value)], user)? > 0)
    }

    /// The history of intake `id`, oldest first; only of `key` when given.
    pub fn history(&self, id: i64, key: Option<&str>) -> Result<Vec<HistoryEntry>> {
        self.ensure_exists(id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT key, old_json, new_json, changed_at, changed_by FROM answer_history \
             WHERE intake_id = ?1 AND (?2 IS NULL OR key = ?2) ORDER BY changed_at, id",
        )?;
        type Raw = (String, Option<String>, Option<String>, String, String);
        let rows = stmt
            .query_map(params![id, key], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<rusqlite::Result<Vec<Raw>>>()?;
        rows.into_iter()
            .map(|(key, old, new, at, by)| {
                let what = format!("history of {key}");
                Ok(HistoryEntry {
                    old: old.map(|t| parse_json(id, &what, &t)).transpose()?,
                    new: new.map(|t| parse_json(id, &what, &t)).transpose()?,
                    changed_at: parse_ts(id, &what, &at)?,
                    changed_by: by,
                    key,
                })
            })
            .collect()
    }

    pub(crate) fn ensure_exists(&self, id: i64) -> Result<()> {
        let found: Option<i64> = self
            .conn
            .prepare_cached("SELECT id FROM intakes WHERE id = ?1")?
            .query_row([id], |r| r.get(0))
            .optional()?;
        found.map(|_| ()).ok_or(StoreError::NotFound(id))
    }
}

/// The stored answers of intake `id` on `conn` (also inside a transaction), by key.
pub(crate) fn answers_in(
    conn: &Connection,
    id: i64,
) -> Result<BTreeMap<String, serde_json::Value>> {
    let mut stmt =
        conn.prepare_cached("SELECT key, value_json FROM answers WHERE intake_id = ?1")?;
    let rows = stmt
        .query_map([id], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.into_iter()
        .map(|(k, v)| Ok((k.clone(), parse_json(id, &format!("answer {k}"), &v)?)))
        .collect()
}

fn current(conn: &Connection, id: i64, key: &str) -> Result<Option<serde_json::Value>> {
    let text: Option<String> = conn
        .prepare_cached("SELECT value_json FROM answers WHERE intake_id = ?1 AND key = ?2")?
        .query_row(params![id, key], |r| r.get(0))
        .optional()?;
    text.map(|t| parse_json(id, &format!("answer {key}"), &t))
        .transpose()
}

/// Sets (or with `None`/null removes) one answer inside the caller's transaction and writes a
/// history row if the value really changed. Returns whether it changed.
pub(crate) fn write_answer(
    conn: &Connection,
    id: i64,
    key: &str,
    new: Option<&serde_json::Value>,
    user: &str,
    now: &str,
) -> Result<bool> {
    check_key(key)?;
    let new = new.filter(|v| !v.is_null());
    let new_text = match new {
        Some(v) => {
            let t = serde_json::to_string(v).map_err(|e| value_err(key, e.to_string()))?;
            if t.len() > MAX_VALUE_JSON {
                return Err(value_err(
                    key,
                    format!("{} bytes of JSON, at most {MAX_VALUE_JSON}", t.len()),
                ));
            }
            Some(t)
        }
        None => None,
    };
    let old = current(conn, id, key)?;
    // Compared as JSON values, not text, so a re-save of the same value is not a change.
    if old.as_ref() == new {
        return Ok(false);
    }
    match &new_text {
        Some(t) => conn
            .prepare_cached(
                "INSERT INTO answers (intake_id, key, value_json, updated_at) VALUES (?1, ?2, ?3, ?4) \
                 ON CONFLICT (intake_id, key) DO UPDATE SET value_json = ?3, updated_at = ?4",
            )?
            .execute(params![id, key, t, now])?,
        None => conn
            .prepare_cached("DELETE FROM answers WHERE intake_id = ?1 AND key = ?2")?
            .execute(params![id, key])?,
    };
    let old_text = old.map(|v| v.to_string());
    insert_history(
        conn,
        id,
        key,
        old_text.as_deref(),
        new_text.as_deref(),
        now,
        user,
    )?;
    Ok(true)
}

pub(crate) fn insert_history(
    conn: &Connection,
    id: i64,
    key: &str,
    old: Option<&str>,
    new: Option<&str>,
    at: &str,
    by: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO answer_history (intake_id, key, old_json, new_json, changed_at, changed_by) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![id, key, old, new, at, by])?;
    Ok(())
}

fn value_err(key: &str, reason: String) -> StoreError {
    StoreError::invalid(format!("value of {}", shorten(key)), reason)
}

#[cfg(test)]
mod tests {
    use super::super::test_util::{mem_store, new_intake};
    use super::*;
    use serde_json::json;

    #[test]
    fn history_only_on_real_changes() {
        let mut s = mem_store();
        let id = s.create_intake(&new_intake("A")).unwrap();
        assert!(
            s.save_answer(id, "workstations.count", json!(5), "piet")
                .unwrap()
        );
        let t1 = s.intake(id).unwrap().updated_at;
        assert!(
            !s.save_answer(id, "workstations.count", json!(5), "piet")
                .unwrap()
        );
        assert_eq!(s.intake(id).unwrap().updated_at, t1, "no change, no touch");
        assert!(
            s.save_answer(id, "workstations.count", json!(6), "joke")
                .unwrap()
        );
        // Removing a missing answer is no change either.
        assert_eq!(
            s.apply(id, &[Change::unset("email.size_gb")], "piet")
                .unwrap(),
            0
        );
        assert_eq!(
            s.apply(id, &[Change::unset("workstations.count")], "piet")
                .unwrap(),
            1
        );
        let h = s.history(id, Some("workstations.count")).unwrap();
        let summary: Vec<_> = h
            .iter()
            .map(|e| (e.old.clone(), e.new.clone(), e.changed_by.as_str()))
            .collect();
        assert_eq!(
            summary,
            vec![
                (None, Some(json!(5)), "piet"),
                (Some(json!(5)), Some(json!(6)), "joke"),
                (Some(json!(6)), None, "piet"),
            ]
        );
        assert!(s.answers(id).unwrap().is_empty());
    }

    #[test]
    fn null_means_no_answer() {
        let mut s = mem_store();
        let id = s.create_intake(&new_intake("A")).unwrap();
        s.save_answer(id, "company.kvk", json!("12345678"), "u")
            .unwrap();
        assert!(s.save_answer(id, "company.kvk", json!(null), "u").unwrap());
        assert!(s.answers(id).unwrap().is_empty());
        assert!(!s.save_answer(id, "company.kvk", json!(null), "u").unwrap());
    }

    #[test]
    fn apply_is_all_or_nothing() {
        let mut s = mem_store();
        let id = s.create_intake(&new_intake("A")).unwrap();
        s.save_answer(id, "company.name", json!("Old"), "u")
            .unwrap();
        let before = s.intake(id).unwrap().updated_at;
        let changes = vec![
            Change::set("company.name", json!("New")),
            Change::set("locations[1].down_mbps", json!(50)),
            // Fails after two changes were written inside the transaction.
            Change::set("locations[0].up_mbps", json!(10)),
            Change::set("company.kvk", json!("1")),
        ];
        let e = s.apply(id, &changes, "u").unwrap_err();
        assert!(e.to_string().contains("locations[0].up_mbps"), "{e}");
        assert_eq!(
            s.answers(id).unwrap(),
            BTreeMap::from([("company.name".to_string(), json!("Old"))])
        );
        assert_eq!(s.history(id, None).unwrap().len(), 1);
        assert_eq!(s.intake(id).unwrap().updated_at, before);
        // A value too large also rolls back the earlier change.
        let big = json!("x".repeat(MAX_VALUE_JSON));
        let changes = vec![
            Change::set("company.kvk", json!("1")),
            Change::set("notes.text", big),
        ];
        assert!(s.apply(id, &changes, "u").is_err());
        assert_eq!(s.answers(id).unwrap().len(), 1);
    }

    #[test]
    fn database_check_constraint_rolls_back_the_whole_apply() {
        // Bypass the Rust key check to show the schema's CHECK is a real second line and
        // that a failure there also leaves nothing behind.
        let mut s = mem_store();
        let id = s.create_intake(&new_intake("A")).unwrap();
        let tx = s.conn.transaction().unwrap();
        write_answer(&tx, id, "company.name", Some(&json!("X")), "u", "t").unwrap();
        let bad = tx.execute(
            "INSERT INTO answers (intake_id, key, value_json, updated_at) VALUES (?1, 'bad key', '1', 't')",
            [id],
        );
        assert!(bad.unwrap_err().to_string().contains("CHECK"));
        drop(tx); // rolls back
        assert!(s.answers(id).unwrap().is_empty());
        assert!(s.history(id, None).unwrap().is_empty());
    }

    #[test]
    fn missing_intake_and_bad_user() {
        let mut s = mem_store();
        assert!(matches!(s.answers(9), Err(StoreError::NotFound(9))));
        assert!(matches!(s.history(9, None), Err(StoreError::NotFound(9))));
        assert!(matches!(
            s.save_answer(9, "a.b", json!(1), "u"),
            Err(StoreError::NotFound(9))
        ));
        let id = s.create_intake(&new_intake("A")).unwrap();
        assert!(s.save_answer(id, "a.b", json!(1), "").is_err());
    }
}
