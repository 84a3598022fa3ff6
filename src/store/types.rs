//! The records the store hands out and takes in.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::error::StoreError;

/// How the intake is done (FAQ 3.1-3.3). The text forms equal the choice ids of `intake.mode`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Mode {
    #[serde(rename = "on_site")]
    OnSite,
    #[serde(rename = "online")]
    Online,
    /// Filled in by the customer.
    #[serde(rename = "self")]
    SelfFilled,
}

impl Mode {
    pub fn as_str(self) -> &'static str {
        match self {
            Mode::OnSite => "on_site",
            Mode::Online => "online",
            Mode::SelfFilled => "self",
        }
    }
}

impl FromStr for Mode {
    type Err = StoreError;
    /// Accepts the stored ids and the command-line spelling `on-site`.
    fn from_str(s: &str) -> Result<Self, StoreError> {
        match s {
            "on_site" | "on-site" => Ok(Mode::OnSite),
            "online" => Ok(Mode::Online),
            "self" => Ok(Mode::SelfFilled),
            other => Err(StoreError::invalid(
                "mode",
                format!("{other:?} is not one of on_site, online, self"),
            )),
        }
    }
}

impl fmt::Display for Mode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Draft,
    Complete,
    Exported,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::Complete => "complete",
            Status::Exported => "exported",
        }
    }
}

impl FromStr for Status {
    type Err = StoreError;
    fn from_str(s: &str) -> Result<Self, StoreError> {
        match s {
            "draft" => Ok(Status::Draft),
            "complete" => Ok(Status::Complete),
            "exported" => Ok(Status::Exported),
            other => Err(StoreError::invalid(
                "status",
                format!("{other:?} is not one of draft, complete, exported"),
            )),
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What `create_intake` needs.
#[derive(Clone, Debug, PartialEq)]
pub struct NewIntake {
    pub customer: String,
    pub mode: Mode,
    pub form_id: String,
    pub form_version: u32,
}

/// One line of `list_intakes`.
#[derive(Clone, Debug, PartialEq)]
pub struct IntakeSummary {
    pub id: i64,
    pub customer: String,
    pub mode: Mode,
    pub status: Status,
    pub form_id: String,
    pub form_version: u32,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
    /// When the customer last submitted it through a web link (`intake serve`).
    pub returned_at: Option<OffsetDateTime>,
}

impl IntakeSummary {
    /// Returned by the customer through a web link and not yet completed by a specialist.
    pub fn returned(&self) -> bool {
        self.returned_at.is_some() && self.status == Status::Draft
    }

    /// The status as lists show it: `returned` for a returned draft.
    pub fn status_id(&self) -> &'static str {
        if self.returned() {
            "returned"
        } else {
            self.status.as_str()
        }
    }
}

/// One intake with its metadata (answers are fetched with `Store::answers`).
#[derive(Clone, Debug, PartialEq)]
pub struct IntakeRecord {
    pub id: i64,
    pub customer: String,
    pub mode: Mode,
    pub status: Status,
    pub form_id: String,
    pub form_version: u32,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
    /// Set by a soft delete; such an intake is hidden from the list and refuses changes.
    pub deleted_at: Option<OffsetDateTime>,
    /// Where the UI was (section, question) so a resumed intake opens there.
    pub ui_state: Option<serde_json::Value>,
    /// When the customer last submitted it through a web link (`intake serve`).
    pub returned_at: Option<OffsetDateTime>,
}

/// What follows from an intake's answers after a change, stored by `Store::apply_with`
/// in the change's own transaction; `None` leaves a field as it is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Derived {
    /// Percentage of required answers given, shown in the list.
    pub progress: Option<u8>,
    /// The mode column, kept in step with the `intake.mode` answer.
    pub mode: Option<Mode>,
}

/// One change of `Store::apply`: `value: None` (or JSON null) removes the answer.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    pub key: String,
    pub value: Option<serde_json::Value>,
}

impl Change {
    pub fn set(key: impl Into<String>, value: serde_json::Value) -> Self {
        Change {
            key: key.into(),
            value: Some(value),
        }
    }
    pub fn unset(key: impl Into<String>) -> Self {
        Change {
            key: key.into(),
            value: None,
        }
    }
}

/// One row of the answer history. `old: None` = newly answered, `new: None` = removed.
#[derive(Clone, Debug, PartialEq)]
pub struct HistoryEntry {
    pub key: String,
    pub old: Option<serde_json::Value>,
    pub new: Option<serde_json::Value>,
    pub changed_at: OffsetDateTime,
    pub changed_by: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ProbeRecord {
    pub kind: String,
    /// Identifies the measured machine (or link); the same machine again replaces its result.
    pub machine_key: String,
    pub payload: serde_json::Value,
    pub measured_at: OffsetDateTime,
    /// Where the result came from, e.g. `local` or `import`.
    pub source: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ReportRecord {
    pub path: String,
    pub sha256: String,
    pub lang: String,
    pub created_at: OffsetDateTime,
}

#[derive(Clone, Debug, PartialEq)]
pub struct AcceptedFinding {
    pub rule_id: String,
    pub reason: String,
    pub accepted_by: String,
    pub accepted_at: OffsetDateTime,
}

/// What `purge_intake` did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PurgeOutcome {
    /// Rows removed in all tables together (the intake, answers, history, ...).
    pub rows_removed: usize,
    /// False when another connection kept the WAL from being emptied; the data is then
    /// gone from the database but old page images stay in the WAL until the next checkpoint.
    pub wal_cleared: bool,
}
