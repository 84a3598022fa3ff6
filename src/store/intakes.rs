//! Intakes: create, list, read, status, UI state, soft delete and purge.

use std::collections::HashMap;

use rusqlite::{OptionalExtension, Row, TransactionBehavior, params};

use super::answers::write_answer;
use super::keys::{MAX_CUSTOMER_LEN, MAX_NAME_LEN, MAX_UI_STATE_JSON, check_text};
use super::{
    Change, IntakeRecord, IntakeSummary, Mode, NewIntake, PurgeOutcome, Result, Status, Store,
    StoreError, ensure_live, now_ts, parse_json, parse_ts,
};

/// How long one try of the purge checkpoint waits for readers, and how often it tries:
/// about three seconds in all before saying the data is still on disk.
const CHECKPOINT_WAIT: std::time::Duration = std::time::Duration::from_millis(300);
const CHECKPOINT_TRIES: usize = 5;

/// Raw columns of an intake row, converted after the query so conversion errors are ours.
struct RawIntake {
    id: i64,
    customer: String,
    mode: String,
    status: String,
    form_id: String,
    form_version: i64,
    created_at: String,
    updated_at: String,
    deleted_at: Option<String>,
    ui_state: Option<String>,
    returned_at: Option<String>,
}

const INTAKE_COLUMNS: &str = "i.id, i.customer, i.mode, i.status, i.form_id, i.form_version, \
     i.created_at, i.updated_at, i.deleted_at, i.ui_state, \
     (SELECT max(v.submitted_at) FROM invitations v WHERE v.intake_id = i.id)";

impl RawIntake {
    fn from_row(r: &Row<'_>) -> rusqlite::Result<Self> {
        Ok(RawIntake {
            id: r.get(0)?,
            customer: r.get(1)?,
            mode: r.get(2)?,
            status: r.get(3)?,
            form_id: r.get(4)?,
            form_version: r.get(5)?,
            created_at: r.get(6)?,
            updated_at: r.get(7)?,
            deleted_at: r.get(8)?,
            ui_state: r.get(9)?,
            returned_at: r.get(10)?,
        })
    }

    fn corrupt(&self, what: &str, e: StoreError) -> StoreError {
        StoreError::Corrupt {
            id: self.id,
            what: what.into(),
            reason: e.to_string(),
        }
    }

    fn into_record(self) -> Result<IntakeRecord> {
        let id = self.id;
        Ok(IntakeRecord {
            mode: self
                .mode
                .parse::<Mode>()
                .map_err(|e| self.corrupt("mode", e))?,
            status: self
                .status
                .parse::<Status>()
                .map_err(|e| self.corrupt("status", e))?,
            form_version: u32::try_from(self.form_version).map_err(|_| StoreError::Corrupt {
                id,
                what: "form_version".into(),
                reason: format!("{} is out of range", self.form_version),
            })?,
            created_at: parse_ts(id, "created_at", &self.created_at)?,
            updated_at: parse_ts(id, "updated_at", &self.updated_at)?,
            deleted_at: match &self.deleted_at {
                Some(s) => Some(parse_ts(id, "deleted_at", s)?),
                None => None,
            },
            ui_state: match &self.ui_state {
                Some(s) => Some(parse_json(id, "ui_state", s)?),
                None => None,
            },
            returned_at: match &self.returned_at {
                Some(s) => Some(parse_ts(id, "returned_at", s)?),
                None => None,
            },
            id,
            customer: self.customer,
            form_id: self.form_id,
        })
    }

    fn into_summary(self) -> Result<IntakeSummary> {
        let r = self.into_record()?;
        Ok(IntakeSummary {
            id: r.id,
            customer: r.customer,
            mode: r.mode,
            status: r.status,
            form_id: r.form_id,
            form_version: r.form_version,
            created_at: r.created_at,
            updated_at: r.updated_at,
            returned_at: r.returned_at,
        })
    }
}

pub(crate) fn check_new_intake(n: &NewIntake) -> Result<()> {
    check_text("customer", &n.customer, MAX_CUSTOMER_LEN, true)?;
    check_text("form_id", &n.form_id, MAX_NAME_LEN, true)?;
    Ok(())
}

impl Store {
    /// Creates a draft intake and returns its id (ids are never reused, even after a purge).
    pub fn create_intake(&mut self, new: &NewIntake) -> Result<i64> {
        check_new_intake(new)?;
        let now = now_ts();
        self.conn.execute(
            "INSERT INTO intakes (customer, mode, status, form_id, form_version, created_at, updated_at) \
             VALUES (?1, ?2, 'draft', ?3, ?4, ?5, ?5)",
            params![new.customer, new.mode.as_str(), new.form_id, new.form_version, now],
        )?;
        Ok(self.conn.last_insert_rowid())
    }

    /// Creates a draft intake with its first answers in ONE transaction (a crash leaves no
    /// intake without them) and returns its id. `progress` is what the list shows for
    /// it from the start (not 0 % until it is first opened).
    pub fn create_intake_with(
        &mut self,
        new: &NewIntake,
        answers: &[Change],
        user: &str,
        progress: Option<u8>,
    ) -> Result<i64> {
        check_new_intake(new)?;
        check_text("user", user, MAX_NAME_LEN, true)?;
        let now = now_ts();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO intakes (customer, mode, status, form_id, form_version, created_at, updated_at) \
             VALUES (?1, ?2, 'draft', ?3, ?4, ?5, ?5)",
            params![new.customer, new.mode.as_str(), new.form_id, new.form_version, now],
        )?;
        let id = tx.last_insert_rowid();
        for c in answers {
            write_answer(&tx, id, &c.key, c.value.as_ref(), user, &now)?;
        }
        if let Some(percent) = progress {
            super::forms::write_progress(&tx, id, percent)?;
        }
        tx.commit()?;
        Ok(id)
    }

    /// All intakes that are not deleted, by id, with their number of answers.
    pub fn list_intakes(&self) -> Result<Vec<IntakeSummary>> {
        let sql = format!(
            "SELECT {INTAKE_COLUMNS} FROM intakes i WHERE i.deleted_at IS NULL ORDER BY i.id"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let raws = stmt
            .query_map([], RawIntake::from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        raws.into_iter().map(RawIntake::into_summary).collect()
    }

    /// The number of stored answers per intake (intakes without answers are left out).
    /// Kept out of `list_intakes`: counting reads every page of the answers, and the
    /// list on the TUI's first screen should not (each page read is decrypted).
    pub fn answer_counts(&self) -> Result<HashMap<i64, usize>> {
        let mut stmt = self
            .conn
            .prepare_cached("SELECT intake_id, count(*) FROM answers GROUP BY intake_id")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get::<_, i64>(1)?)))?;
        let mut out = HashMap::new();
        for row in rows {
            let (id, n) = row?;
            out.insert(id, usize::try_from(n).unwrap_or(0));
        }
        Ok(out)
    }

    /// The trash: deleted intakes not yet purged, the last deleted first.
    pub fn list_deleted_intakes(&self) -> Result<Vec<IntakeSummary>> {
        let sql = format!(
            "SELECT {INTAKE_COLUMNS} FROM intakes i WHERE i.deleted_at IS NOT NULL \
             ORDER BY i.deleted_at DESC, i.id DESC"
        );
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let raws = stmt
            .query_map([], RawIntake::from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        raws.into_iter().map(RawIntake::into_summary).collect()
    }

    /// SQLite's `data_version`: changes when another connection (another process, a
    /// second TUI, an import) commits to the database, not on our own writes. Cheap
    /// enough to ask every second.
    pub fn data_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("PRAGMA data_version", [], |r| r.get(0))?)
    }

    /// One intake, also when soft-deleted (see `deleted_at`).
    pub fn intake(&self, id: i64) -> Result<IntakeRecord> {
        let sql = format!("SELECT {INTAKE_COLUMNS} FROM intakes i WHERE i.id = ?1");
        self.conn
            .prepare_cached(&sql)?
            .query_row([id], RawIntake::from_row)
            .optional()?
            .ok_or(StoreError::NotFound(id))?
            .into_record()
    }

    pub fn set_status(&mut self, id: i64, status: Status) -> Result<()> {
        self.update_live(id, "status", &status.as_str())
    }

    pub fn rename_customer(&mut self, id: i64, customer: &str) -> Result<()> {
        check_text("customer", customer, MAX_CUSTOMER_LEN, true)?;
        self.update_live(id, "customer", &customer)
    }

    /// Stores where the UI was, so a resumed intake reopens there. Does not touch `updated_at`:
    /// moving around is not a change of the intake.
    pub fn set_ui_state(&mut self, id: i64, state: &serde_json::Value) -> Result<()> {
        let text = serde_json::to_string(state)
            .map_err(|e| StoreError::invalid("ui_state", e.to_string()))?;
        if text.len() > MAX_UI_STATE_JSON {
            return Err(StoreError::invalid(
                "ui_state",
                format!("{} bytes, at most {MAX_UI_STATE_JSON}", text.len()),
            ));
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        ensure_live(&tx, id)?;
        tx.execute(
            "UPDATE intakes SET ui_state = ?2 WHERE id = ?1",
            params![id, text],
        )?;
        tx.commit()?;
        Ok(())
    }

    pub fn ui_state(&self, id: i64) -> Result<Option<serde_json::Value>> {
        Ok(self.intake(id)?.ui_state)
    }

    /// Soft delete: hidden from the list, refuses changes, can be restored or purged.
    pub fn delete_intake(&mut self, id: i64) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        ensure_live(&tx, id)?;
        tx.execute(
            "UPDATE intakes SET deleted_at = ?2 WHERE id = ?1",
            params![id, now_ts()],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Erasure (GDPR art. 17): removes the intake with its answers, history, probes, reports
    /// and accepted findings in one transaction, then empties the WAL so the old page images
    /// leave the disk too (`secure_delete` has already zeroed them in the database file).
    pub fn purge_intake(&mut self, id: i64) -> Result<PurgeOutcome> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let exists: Option<i64> = tx
            .query_row("SELECT id FROM intakes WHERE id = ?1", [id], |r| r.get(0))
            .optional()?;
        if exists.is_none() {
            return Err(StoreError::NotFound(id));
        }
        // Counted before the cascade, for the caller's confirmation message.
        let children: i64 = tx.query_row(
            "SELECT (SELECT count(*) FROM answers WHERE intake_id = ?1) \
                  + (SELECT count(*) FROM answer_history WHERE intake_id = ?1) \
                  + (SELECT count(*) FROM probe_results WHERE intake_id = ?1) \
                  + (SELECT count(*) FROM reports WHERE intake_id = ?1) \
                  + (SELECT count(*) FROM accepted_findings WHERE intake_id = ?1)",
            [id],
            |r| r.get(0),
        )?;
        tx.execute("DELETE FROM intakes WHERE id = ?1", [id])?;
        tx.commit()?;
        let wal_cleared = self.checkpoint_truncate()?;
        Ok(PurgeOutcome {
            rows_removed: 1 + usize::try_from(children).unwrap_or(0),
            wal_cleared,
        })
    }

    /// `PRAGMA wal_checkpoint(TRUNCATE)`, tried again while another connection's read
    /// snapshot keeps it from finishing (a bounded number of times, each waiting up to
    /// `CHECKPOINT_WAIT`); true when every frame was copied and the WAL emptied.
    pub fn checkpoint_truncate(&self) -> Result<bool> {
        if self.path.is_none() {
            return Ok(true);
        }
        // The busy handler is what waits for readers; a shorter wait per try, more tries.
        self.conn.busy_timeout(CHECKPOINT_WAIT)?;
        let mut clean = false;
        for _ in 0..CHECKPOINT_TRIES {
            let (busy, _log, _done): (i64, i64, i64) =
                self.conn
                    .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |r| {
                        Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                    })?;
            if busy == 0 {
                clean = true;
                break;
            }
            std::thread::sleep(CHECKPOINT_WAIT);
        }
        self.conn.busy_timeout(super::BUSY_TIMEOUT)?;
        Ok(clean)
    }

    /// Undoes a soft delete (until `purge`). An intake that is not deleted is an error, so a
    /// wrong id is noticed.
    pub fn restore_intake(&mut self, id: i64) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let deleted: Option<Option<String>> = tx
            .query_row("SELECT deleted_at FROM intakes WHERE id = ?1", [id], |r| {
                r.get(0)
            })
            .optional()?;
        match deleted {
            None => return Err(StoreError::NotFound(id)),
            Some(None) => {
                return Err(StoreError::invalid(
                    format!("intake {id}"),
                    "is not deleted; there is nothing to restore",
                ));
            }
            Some(Some(_)) => {}
        }
        tx.execute("UPDATE intakes SET deleted_at = NULL WHERE id = ?1", [id])?;
        tx.commit()?;
        Ok(())
    }

    fn update_live(
        &mut self,
        id: i64,
        column: &'static str,
        value: &dyn rusqlite::ToSql,
    ) -> Result<()> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        ensure_live(&tx, id)?;
        tx.execute(
            &format!("UPDATE intakes SET {column} = ?2, updated_at = ?3 WHERE id = ?1"),
            params![id, value, now_ts()],
        )?;
        tx.commit()?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_util::{mem_store, new_intake};
    use super::*;
    use serde_json::json;

    #[test]
    fn create_list_and_read() {
        let mut s = mem_store();
        let a = s.create_intake(&new_intake("Bakkerij Jansen")).unwrap();
        let b = s.create_intake(&new_intake("Garage Pietersen")).unwrap();
        assert!(b > a);
        s.save_answer(a, "company.name", json!("Bakkerij Jansen B.V."), "piet")
            .unwrap();
        let list = s.list_intakes().unwrap();
        assert_eq!(list.len(), 2);
        assert_eq!((list[0].id, list[1].id), (a, b));
        let counts = s.answer_counts().unwrap();
        assert_eq!((counts.get(&a), counts.get(&b)), (Some(&1), None));
        let r = s.intake(a).unwrap();
        assert_eq!(r.customer, "Bakkerij Jansen");
        assert_eq!(r.mode, Mode::OnSite);
        assert_eq!(r.status, Status::Draft);
        assert_eq!((r.form_id.as_str(), r.form_version), ("standard", 3));
        assert!(r.updated_at >= r.created_at);
        assert_eq!(r.deleted_at, None);
    }

    #[test]
    fn not_found_names_the_id() {
        let s = mem_store();
        let e = s.intake(42).unwrap_err();
        assert!(matches!(e, StoreError::NotFound(42)));
        assert_eq!(e.to_string(), "intake 42 not found");
    }

    #[test]
    fn bad_new_intake_is_refused() {
        let mut s = mem_store();
        assert!(s.create_intake(&new_intake("  ")).is_err());
        assert!(s.create_intake(&new_intake(&"x".repeat(201))).is_err());
        assert!(s.list_intakes().unwrap().is_empty());
    }

    #[test]
    fn status_customer_and_ui_state() {
        let mut s = mem_store();
        let id = s.create_intake(&new_intake("A")).unwrap();
        s.set_status(id, Status::Complete).unwrap();
        s.rename_customer(id, "B").unwrap();
        assert_eq!(s.ui_state(id).unwrap(), None);
        let st = json!({"section": "locations", "question": "locations[2].down_mbps"});
        s.set_ui_state(id, &st).unwrap();
        let r = s.intake(id).unwrap();
        assert_eq!((r.status, r.customer.as_str()), (Status::Complete, "B"));
        assert_eq!(r.ui_state, Some(st));
        assert!(s.set_status(99, Status::Draft).is_err());
        let huge = json!("x".repeat(MAX_UI_STATE_JSON));
        assert!(s.set_ui_state(id, &huge).is_err());
    }

    #[test]
    fn soft_delete_hides_and_blocks_changes() {
        let mut s = mem_store();
        let id = s.create_intake(&new_intake("A")).unwrap();
        s.delete_intake(id).unwrap();
        assert!(s.list_intakes().unwrap().is_empty());
        assert!(s.intake(id).unwrap().deleted_at.is_some());
        let e = s
            .save_answer(id, "company.name", json!("x"), "u")
            .unwrap_err();
        assert!(matches!(e, StoreError::Deleted(i) if i == id), "{e}");
        s.restore_intake(id).unwrap();
        assert_eq!(s.list_intakes().unwrap().len(), 1);
    }

    #[test]
    fn purge_removes_everything_and_ids_are_not_reused() {
        let mut s = mem_store();
        let id = s.create_intake(&new_intake("A")).unwrap();
        s.save_answer(id, "company.name", json!("x"), "u").unwrap();
        s.add_probe(id, "workstation", "pc1", &json!({"ram_gb": 8}), "local")
            .unwrap();
        s.record_report(id, "/r.pdf", &"a".repeat(64), "nl")
            .unwrap();
        s.accept_finding(id, "bw.low", "known", "u").unwrap();
        let out = s.purge_intake(id).unwrap();
        // intake + answer + history + probe + report + finding
        assert_eq!(out.rows_removed, 6);
        for table in [
            "intakes",
            "answers",
            "answer_history",
            "probe_results",
            "reports",
            "accepted_findings",
        ] {
            let n: i64 = s
                .conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
                .unwrap();
            assert_eq!(n, 0, "{table}");
        }
        assert!(matches!(s.purge_intake(id), Err(StoreError::NotFound(_))));
        let next = s.create_intake(&new_intake("B")).unwrap();
        assert!(next > id);
    }
}
