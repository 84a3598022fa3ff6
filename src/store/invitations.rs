//! Invitations: links that let a customer fill in their own intake in a browser
//! (`intake invite`, `intake serve`). Only a hash of each token is stored; the token itself
//! is shown once, when the link is made.

use rusqlite::{OptionalExtension, Row, TransactionBehavior, params};
use time::OffsetDateTime;

use super::keys::{MAX_NAME_LEN, check_text};
use super::{Result, Store, StoreError, ensure_live, fmt_ts, now_ts, parse_ts};

/// Version 5: invitation links, stored as hashes, with expiry, revocation and submission.
pub(crate) const V5: &str = r#"
CREATE TABLE invitations (
    id           INTEGER PRIMARY KEY,
    intake_id    INTEGER NOT NULL REFERENCES intakes(id) ON DELETE CASCADE,
    -- The first 16 hex digits of the token's SHA-256: found by index, then the whole hash
    -- is compared in constant time.
    lookup       TEXT NOT NULL UNIQUE CHECK (length(lookup) = 16 AND lookup NOT GLOB '*[^0-9a-f]*'),
    token_hash   TEXT NOT NULL CHECK (length(token_hash) = 64 AND token_hash NOT GLOB '*[^0-9a-f]*'),
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    expires_at   TEXT NOT NULL,
    revoked_at   TEXT,
    submitted_at TEXT
) STRICT;
CREATE INDEX invitations_intake ON invitations (intake_id, id);
"#;

/// One invitation link (without its token, which is never stored).
#[derive(Clone, Debug, PartialEq)]
pub struct Invitation {
    pub id: i64,
    pub intake_id: i64,
    pub token_hash: String,
    pub created_at: OffsetDateTime,
    pub created_by: String,
    pub expires_at: OffsetDateTime,
    pub revoked_at: Option<OffsetDateTime>,
    pub submitted_at: Option<OffsetDateTime>,
}

/// What a link can still do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InvitationState {
    /// The customer may answer.
    Open,
    /// Submitted: the customer may look, not change.
    Submitted,
    Expired,
    Revoked,
}

impl InvitationState {
    pub fn as_str(self) -> &'static str {
        match self {
            InvitationState::Open => "open",
            InvitationState::Submitted => "submitted",
            InvitationState::Expired => "expired",
            InvitationState::Revoked => "revoked",
        }
    }
}

impl Invitation {
    pub fn state(&self, now: OffsetDateTime) -> InvitationState {
        if self.revoked_at.is_some() {
            InvitationState::Revoked
        } else if now >= self.expires_at {
            InvitationState::Expired
        } else if self.submitted_at.is_some() {
            InvitationState::Submitted
        } else {
            InvitationState::Open
        }
    }
}

const COLUMNS: &str =
    "id, intake_id, token_hash, created_at, created_by, expires_at, revoked_at, submitted_at";

fn from_row(r: &Row<'_>) -> rusqlite::Result<[Option<String>; 6]> {
    Ok([
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        r.get(6)?,
        r.get(7)?,
    ])
}

fn convert(id: i64, intake_id: i64, raw: [Option<String>; 6]) -> Result<Invitation> {
    let [hash, created, by, expires, revoked, submitted] = raw;
    let ts = |what: &str, s: Option<String>| -> Result<Option<OffsetDateTime>> {
        s.map(|s| parse_ts(intake_id, what, &s)).transpose()
    };
    let missing = || StoreError::Corrupt {
        id: intake_id,
        what: format!("invitation {id}"),
        reason: "a required column is empty".into(),
    };
    Ok(Invitation {
        id,
        intake_id,
        token_hash: hash.ok_or_else(missing)?,
        created_at: ts("invitation created_at", created)?.ok_or_else(missing)?,
        created_by: by.ok_or_else(missing)?,
        expires_at: ts("invitation expires_at", expires)?.ok_or_else(missing)?,
        revoked_at: ts("invitation revoked_at", revoked)?,
        submitted_at: ts("invitation submitted_at", submitted)?,
    })
}

fn hex_ok(s: &str, len: usize) -> bool {
    s.len() == len
        && s.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

impl Store {
    /// Stores a new invitation for live intake `intake_id`; returns its id.
    pub fn create_invitation(
        &mut self,
        intake_id: i64,
        token_hash: &str,
        expires_at: OffsetDateTime,
        created_by: &str,
    ) -> Result<i64> {
        if !hex_ok(token_hash, 64) {
            return Err(StoreError::invalid("token_hash", "not 64 hex digits"));
        }
        check_text("created_by", created_by, MAX_NAME_LEN, true)?;
        let expires = fmt_ts(expires_at)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        ensure_live(&tx, intake_id)?;
        tx.execute(
            "INSERT INTO invitations (intake_id, lookup, token_hash, created_at, created_by, expires_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![intake_id, &token_hash[..16], token_hash, now_ts(), created_by, expires],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;
        Ok(id)
    }

    /// The invitations of one intake, oldest first.
    pub fn invitations(&self, intake_id: i64) -> Result<Vec<Invitation>> {
        self.ensure_exists(intake_id)?;
        let sql = format!("SELECT {COLUMNS} FROM invitations WHERE intake_id = ?1 ORDER BY id");
        let mut stmt = self.conn.prepare_cached(&sql)?;
        let rows = stmt
            .query_map([intake_id], |r| Ok((r.get(0)?, r.get(1)?, from_row(r)?)))?
            .collect::<rusqlite::Result<Vec<(i64, i64, _)>>>()?;
        rows.into_iter()
            .map(|(id, intake, raw)| convert(id, intake, raw))
            .collect()
    }

    /// The invitation whose token hash starts with `lookup` (16 hex digits), if any. The
    /// caller compares the whole hash in constant time.
    pub fn invitation_by_lookup(&self, lookup: &str) -> Result<Option<Invitation>> {
        if !hex_ok(lookup, 16) {
            return Ok(None);
        }
        let sql = format!("SELECT {COLUMNS} FROM invitations WHERE lookup = ?1");
        let row = self
            .conn
            .prepare_cached(&sql)?
            .query_row([lookup], |r| Ok((r.get(0)?, r.get(1)?, from_row(r)?)))
            .optional()?;
        row.map(|(id, intake, raw)| convert(id, intake, raw))
            .transpose()
    }

    /// Ends every link of intake `intake_id` that is not ended yet; returns how many.
    pub fn revoke_invitations(&mut self, intake_id: i64) -> Result<usize> {
        self.ensure_exists(intake_id)?;
        Ok(self.conn.execute(
            "UPDATE invitations SET revoked_at = ?2 WHERE intake_id = ?1 AND revoked_at IS NULL",
            params![intake_id, now_ts()],
        )?)
    }

    /// Marks invitation `id` as submitted (the customer returned the intake). Only an open
    /// link can be submitted; returns false when it was not open.
    pub fn submit_invitation(&mut self, id: i64) -> Result<bool> {
        let now = now_ts();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let n = tx.execute(
            "UPDATE invitations SET submitted_at = ?2 \
             WHERE id = ?1 AND submitted_at IS NULL AND revoked_at IS NULL AND expires_at > ?2",
            params![id, now],
        )?;
        if n == 1 {
            let intake: i64 = tx.query_row(
                "SELECT intake_id FROM invitations WHERE id = ?1",
                [id],
                |r| r.get(0),
            )?;
            ensure_live(&tx, intake)?;
            super::touch(&tx, intake, &now)?;
        }
        tx.commit()?;
        Ok(n == 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{Mode, NewIntake};
    use time::Duration;

    fn store_with_intake() -> (Store, i64) {
        let mut s = Store::open_in_memory().unwrap();
        let id = s
            .create_intake(&NewIntake {
                customer: "Bakkerij".into(),
                mode: Mode::SelfFilled,
                form_id: "f".into(),
                form_version: 1,
            })
            .unwrap();
        (s, id)
    }

    #[test]
    fn an_invitation_moves_from_open_to_submitted_and_revoked() {
        let (mut s, id) = store_with_intake();
        let hash = "ab".repeat(32);
        let now = OffsetDateTime::now_utc();
        let inv = s
            .create_invitation(id, &hash, now + Duration::days(7), "anna")
            .unwrap();
        let got = s.invitation_by_lookup(&hash[..16]).unwrap().unwrap();
        assert_eq!((got.id, got.intake_id), (inv, id));
        assert_eq!(got.state(now), InvitationState::Open);
        assert_eq!(got.state(now + Duration::days(8)), InvitationState::Expired);
        assert!(s.submit_invitation(inv).unwrap());
        assert!(!s.submit_invitation(inv).unwrap(), "submitted twice");
        let got = s.invitation_by_lookup(&hash[..16]).unwrap().unwrap();
        assert_eq!(got.state(now), InvitationState::Submitted);
        assert!(s.intake(id).unwrap().returned_at.is_some());
        assert_eq!(s.revoke_invitations(id).unwrap(), 1);
        assert_eq!(s.revoke_invitations(id).unwrap(), 0);
        assert_eq!(
            s.invitations(id).unwrap()[0].state(now),
            InvitationState::Revoked
        );
    }

    #[test]
    fn bad_hashes_and_lookups_are_refused_or_find_nothing() {
        let (mut s, id) = store_with_intake();
        let later = OffsetDateTime::now_utc() + Duration::days(1);
        assert!(s.create_invitation(id, "xyz", later, "a").is_err());
        assert!(
            s.create_invitation(99, &"0".repeat(64), later, "a")
                .is_err()
        );
        assert_eq!(s.invitation_by_lookup("'; DROP TABLE x").unwrap(), None);
        assert_eq!(s.invitation_by_lookup(&"0".repeat(16)).unwrap(), None);
    }

    #[test]
    fn an_expired_link_cannot_be_submitted() {
        let (mut s, id) = store_with_intake();
        let past = OffsetDateTime::now_utc() - Duration::hours(1);
        let inv = s
            .create_invitation(id, &"cd".repeat(32), past, "a")
            .unwrap();
        assert!(!s.submit_invitation(inv).unwrap());
    }
}
