//! Additions of the workspace: the source of forms loaded from files (an intake keeps
//! the form it was started with, even when the file is gone) and each intake's
//! progress as last computed, so the home list needs no form evaluation at start-up.

use super::Store;
use super::error::StoreError;
use std::collections::HashMap;

type Result<T> = std::result::Result<T, StoreError>;

/// Version 3: stored form sources and cached progress.
pub(crate) const V3: &str = r#"
CREATE TABLE forms (
    form_id    TEXT NOT NULL CHECK (length(form_id) BETWEEN 1 AND 200),
    version    INTEGER NOT NULL CHECK (version >= 0),
    source     TEXT NOT NULL CHECK (length(source) <= 4194304),
    created_at TEXT NOT NULL,
    PRIMARY KEY (form_id, version)
) STRICT, WITHOUT ROWID;

CREATE TABLE intake_progress (
    intake_id INTEGER PRIMARY KEY REFERENCES intakes(id) ON DELETE CASCADE,
    percent   INTEGER NOT NULL CHECK (percent BETWEEN 0 AND 100)
) STRICT;
"#;

impl Store {
    pub fn save_form(&mut self, form_id: &str, version: u32, source: &str) -> Result<()> {
        self.conn.execute(
            "INSERT OR IGNORE INTO forms (form_id, version, source, created_at) VALUES (?1, ?2, ?3, ?4)",
            rusqlite::params![form_id, version, source, super::now_ts()],
        )?;
        Ok(())
    }

    pub fn form_source(&self, form_id: &str, version: u32) -> Result<Option<String>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT source FROM forms WHERE form_id = ?1 AND version = ?2")?;
        let mut rows = st.query(rusqlite::params![form_id, version])?;
        Ok(match rows.next()? {
            Some(r) => Some(r.get(0)?),
            None => None,
        })
    }

    /// All stored versions of a form, oldest first.
    pub fn form_sources(&self, form_id: &str) -> Result<Vec<(u32, String)>> {
        let mut st = self.conn.prepare_cached(
            "SELECT version, source FROM forms WHERE form_id = ?1 ORDER BY version",
        )?;
        let rows = st.query_map([form_id], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
    }

    pub fn set_progress(&mut self, id: i64, percent: u8) -> Result<()> {
        write_progress(&self.conn, id, percent)
    }

    pub fn progress_all(&self) -> Result<HashMap<i64, u8>> {
        let mut st = self
            .conn
            .prepare_cached("SELECT intake_id, percent FROM intake_progress")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<HashMap<_, _>>>()?)
    }
}

/// Caches the progress shown in the list; writes nothing when it did not change.
pub(super) fn write_progress(conn: &rusqlite::Connection, id: i64, percent: u8) -> Result<()> {
    conn.execute(
        "INSERT INTO intake_progress (intake_id, percent) VALUES (?1, ?2) \
         ON CONFLICT (intake_id) DO UPDATE SET percent = excluded.percent WHERE percent != excluded.percent",
        rusqlite::params![id, percent.min(100)],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::Mode;
    use super::super::{NewIntake, Store};

    #[test]
    fn forms_and_progress_round_trip() {
        let mut s = Store::open_in_memory().unwrap();
        s.save_form("f", 2, "src2").unwrap();
        s.save_form("f", 1, "src1").unwrap();
        assert_eq!(s.form_source("f", 2).unwrap().as_deref(), Some("src2"));
        assert_eq!(
            s.form_sources("f").unwrap(),
            vec![(1, "src1".into()), (2, "src2".into())]
        );
        let id = s
            .create_intake(&NewIntake {
                customer: "c".into(),
                mode: Mode::Online,
                form_id: "f".into(),
                form_version: 1,
            })
            .unwrap();
        s.set_progress(id, 40).unwrap();
        s.set_progress(id, 55).unwrap();
        assert_eq!(s.progress_all().unwrap().get(&id), Some(&55));
    }

    /// Progress and mode are stored in the answer's own transaction: with the answer, or
    /// (when the answer is refused) not at all.
    #[test]
    fn derived_values_commit_with_the_answers_or_not_at_all() {
        use super::super::test_util::{mem_store, new_intake};
        use super::super::{Change, Derived};
        let mut s = mem_store();
        let id = s.create_intake(&new_intake("A")).unwrap();
        let derived = Derived {
            progress: Some(30),
            mode: Some(Mode::Online),
        };
        s.apply_with(
            id,
            &[Change::set("company.name", "A".into())],
            "u",
            &derived,
        )
        .unwrap();
        assert_eq!(s.progress_all().unwrap().get(&id), Some(&30));
        assert_eq!(s.intake(id).unwrap().mode, Mode::Online);
        let refused = Derived {
            progress: Some(90),
            mode: Some(Mode::SelfFilled),
        };
        let bad = [Change::set("locations[0].name", "x".into())];
        assert!(s.apply_with(id, &bad, "u", &refused).is_err());
        assert_eq!(s.progress_all().unwrap().get(&id), Some(&30));
        assert_eq!(s.intake(id).unwrap().mode, Mode::Online);
    }
}
