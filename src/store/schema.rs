//! The schema as numbered migrations, tracked in `PRAGMA user_version`.
//!
//! A migration is never edited once released: a change is a new entry at the end. Each runs in
//! the same IMMEDIATE transaction as the version bump, so a crash mid-upgrade leaves the old
//! version intact, and two programs opening an old file at once do not both upgrade it.

use rusqlite::{Connection, TransactionBehavior};

use super::error::StoreError;

/// "INTK": marks the file as an intake database, so `open` refuses other SQLite files.
pub const APPLICATION_ID: i32 = 0x494e_544b;

/// Version 1: the base tables.
pub(crate) const V1: &str = r#"
PRAGMA application_id = 1229870155;

-- AUTOINCREMENT: ids are shown to users and printed in reports, so a purged id is never reused.
CREATE TABLE intakes (
    id           INTEGER PRIMARY KEY AUTOINCREMENT,
    customer     TEXT NOT NULL CHECK (length(customer) BETWEEN 1 AND 200),
    mode         TEXT NOT NULL CHECK (mode IN ('on_site', 'online', 'self')),
    status       TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'complete', 'exported')),
    form_id      TEXT NOT NULL CHECK (length(form_id) BETWEEN 1 AND 200),
    form_version INTEGER NOT NULL CHECK (form_version >= 0),
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    deleted_at   TEXT
) STRICT;

-- The key CHECK mirrors keys::check_key coarsely (GLOB has no repetition): letters, digits,
-- _ . [ ] only, starting with a letter or _, with a dot, at most 200 bytes.
CREATE TABLE answers (
    intake_id  INTEGER NOT NULL REFERENCES intakes(id) ON DELETE CASCADE,
    key        TEXT NOT NULL CHECK (
                   length(key) BETWEEN 3 AND 200
                   AND key GLOB '[A-Za-z_]*.*'
                   AND key NOT GLOB '*[^]A-Za-z0-9_.[]*'
                   AND key NOT GLOB '*..*'
                   AND key NOT GLOB '*.'),
    value_json TEXT NOT NULL CHECK (json_valid(value_json) AND length(value_json) <= 65536),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (intake_id, key)
) STRICT, WITHOUT ROWID;

CREATE TABLE answer_history (
    id         INTEGER PRIMARY KEY,
    intake_id  INTEGER NOT NULL REFERENCES intakes(id) ON DELETE CASCADE,
    key        TEXT NOT NULL,
    old_json   TEXT CHECK (old_json IS NULL OR json_valid(old_json)),
    new_json   TEXT CHECK (new_json IS NULL OR json_valid(new_json)),
    changed_at TEXT NOT NULL,
    changed_by TEXT NOT NULL
) STRICT;
CREATE INDEX answer_history_intake ON answer_history (intake_id, key, id);

-- UNIQUE: measuring the same machine again replaces its result instead of doubling it.
CREATE TABLE probe_results (
    id           INTEGER PRIMARY KEY,
    intake_id    INTEGER NOT NULL REFERENCES intakes(id) ON DELETE CASCADE,
    kind         TEXT NOT NULL CHECK (length(kind) BETWEEN 1 AND 200),
    machine_key  TEXT NOT NULL CHECK (length(machine_key) BETWEEN 1 AND 200),
    payload_json TEXT NOT NULL CHECK (json_valid(payload_json)),
    measured_at  TEXT NOT NULL,
    source       TEXT NOT NULL CHECK (length(source) BETWEEN 1 AND 200),
    UNIQUE (intake_id, kind, machine_key)
) STRICT;

CREATE TABLE reports (
    id         INTEGER PRIMARY KEY,
    intake_id  INTEGER NOT NULL REFERENCES intakes(id) ON DELETE CASCADE,
    path       TEXT NOT NULL,
    sha256     TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
    lang       TEXT NOT NULL,
    created_at TEXT NOT NULL
) STRICT;
CREATE INDEX reports_intake ON reports (intake_id);
"#;

/// Version 2: findings the specialist accepted (with a reason), and the UI's resume position.
pub(crate) const V2: &str = r#"
ALTER TABLE intakes ADD COLUMN ui_state TEXT CHECK (ui_state IS NULL OR json_valid(ui_state));

CREATE TABLE accepted_findings (
    intake_id   INTEGER NOT NULL REFERENCES intakes(id) ON DELETE CASCADE,
    rule_id     TEXT NOT NULL CHECK (length(rule_id) BETWEEN 1 AND 200),
    reason      TEXT NOT NULL,
    accepted_by TEXT NOT NULL,
    accepted_at TEXT NOT NULL,
    PRIMARY KEY (intake_id, rule_id)
) STRICT, WITHOUT ROWID;

-- find_duplicate looks intakes up by customer and creation time.
CREATE INDEX intakes_customer ON intakes (customer, created_at);
"#;

pub(crate) const MIGRATIONS: &[&str] = &[
    V1,
    V2,
    super::forms::V3,
    super::settings::V4,
    super::invitations::V5,
];

/// The schema version this program creates and understands.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Brings the database up to `SCHEMA_VERSION`; returns the version found before.
pub(crate) fn migrate(conn: &mut Connection) -> Result<i64, StoreError> {
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    let found: i64 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
    if found > SCHEMA_VERSION {
        // Another, newer program upgraded the file between our check and this transaction.
        return Err(StoreError::TooNew {
            path: tx.path().unwrap_or_default().into(),
            found,
            supported: SCHEMA_VERSION,
        });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(found.max(0) as usize) {
        let version = i as i64 + 1;
        tx.execute_batch(sql)
            .and_then(|()| tx.pragma_update(None, "user_version", version))
            .map_err(|source| StoreError::Migration { version, source })?;
    }
    tx.commit()?;
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn application_id_constant_matches_sql() {
        assert!(V1.contains(&format!("application_id = {APPLICATION_ID};")));
    }

    #[test]
    fn key_check_constraint_matches_rust_rule_on_samples() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(V1).unwrap();
        conn.execute(
            "INSERT INTO intakes (customer, mode, form_id, form_version, created_at, updated_at) \
             VALUES ('c', 'online', 'f', 1, 'x', 'x')",
            [],
        )
        .unwrap();
        let insert = |key: &str| {
            conn.execute(
                "INSERT INTO answers (intake_id, key, value_json, updated_at) VALUES (1, ?1, '1', 'x')",
                [key],
            )
        };
        for good in ["company.name", "locations[2].down_mbps", "_a.b"] {
            insert(good).unwrap_or_else(|e| panic!("{good}: {e}"));
        }
        for bad in [
            "company",
            "a.",
            ".a",
            "a..b",
            "a b.c",
            "a.b;",
            "1a.b",
            "a.b\u{e9}",
            "a.b-c",
        ] {
            assert!(insert(bad).is_err(), "{bad:?} passed the CHECK");
            assert!(super::super::keys::key_problem(bad).is_some(), "{bad:?}");
        }
        let long = format!("a.{}", "b".repeat(199));
        assert!(insert(&long).is_err());
    }

    #[test]
    fn migrating_twice_is_a_no_op() {
        let mut conn = Connection::open_in_memory().unwrap();
        assert_eq!(migrate(&mut conn).unwrap(), 0);
        assert_eq!(migrate(&mut conn).unwrap(), SCHEMA_VERSION);
        let v: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        assert_eq!(v, SCHEMA_VERSION);
    }
}
