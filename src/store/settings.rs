//! Settings of the program itself, not of an intake (the TUI's language): kept in the
//! database like everything else, so one file is all there is to back up or move.

use super::Store;
use super::error::StoreError;
use rusqlite::OptionalExtension;

type Result<T> = std::result::Result<T, StoreError>;

/// Version 4: program settings by key.
pub(crate) const V4: &str = r#"
CREATE TABLE settings (
    key   TEXT PRIMARY KEY CHECK (length(key) BETWEEN 1 AND 100),
    value TEXT NOT NULL CHECK (length(value) <= 1000)
) STRICT;
"#;

impl Store {
    /// The value of setting `key`, `None` when never set.
    pub fn setting(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
                r.get(0)
            })
            .optional()?)
    }

    pub fn set_setting(&mut self, key: &str, value: &str) -> Result<()> {
        self.conn.execute(
            "INSERT INTO settings (key, value) VALUES (?1, ?2) \
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [key, value],
        )?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::super::test_util::mem_store;

    #[test]
    fn settings_round_trip_and_are_checked() {
        let mut s = mem_store();
        assert_eq!(s.setting("ui.lang").unwrap(), None);
        s.set_setting("ui.lang", "en").unwrap();
        s.set_setting("ui.lang", "nl").unwrap();
        assert_eq!(s.setting("ui.lang").unwrap().as_deref(), Some("nl"));
        assert!(s.set_setting("", "x").is_err(), "empty key");
        assert!(s.set_setting("k", &"x".repeat(1001)).is_err(), "too long");
    }
}
