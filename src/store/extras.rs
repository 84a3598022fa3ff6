//! Probe results, exported reports and accepted findings.

use std::io::Read;
use std::path::Path;

use rusqlite::{Connection, OptionalExtension, TransactionBehavior, params};
use sha2::{Digest, Sha256};

use super::keys::{MAX_NAME_LEN, MAX_PAYLOAD_JSON, MAX_TEXT_LEN, check_text};
use super::{
    AcceptedFinding, ProbeRecord, ReportRecord, Result, Store, StoreError, ensure_live, now_ts,
    parse_json, parse_ts, touch,
};

impl Store {
    /// Stores a probe result measured now. The same (kind, machine) again replaces the earlier
    /// result; returns true when it did.
    pub fn add_probe(
        &mut self,
        id: i64,
        kind: &str,
        machine_key: &str,
        payload: &serde_json::Value,
        source: &str,
    ) -> Result<bool> {
        let now = now_ts();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        ensure_live(&tx, id)?;
        let replaced = put_probe(&tx, id, kind, machine_key, payload, &now, source)?;
        touch(&tx, id, &now)?;
        tx.commit()?;
        Ok(replaced)
    }

    /// Stores several probe results measured now in ONE transaction: all or none. Returns
    /// per result whether it replaced an earlier one of the same kind and machine.
    pub fn add_probes(&mut self, id: i64, probes: &[NewProbe<'_>]) -> Result<Vec<bool>> {
        let now = now_ts();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        ensure_live(&tx, id)?;
        let mut replaced = Vec::with_capacity(probes.len());
        for p in probes {
            replaced.push(put_probe(
                &tx,
                id,
                p.kind,
                p.machine_key,
                p.payload,
                &now,
                p.source,
            )?);
        }
        touch(&tx, id, &now)?;
        tx.commit()?;
        Ok(replaced)
    }

    /// Probe results of intake `id`, by kind and machine.
    pub fn probes(&self, id: i64) -> Result<Vec<ProbeRecord>> {
        self.ensure_exists(id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT kind, machine_key, payload_json, measured_at, source FROM probe_results \
             WHERE intake_id = ?1 ORDER BY kind, machine_key",
        )?;
        type Raw = (String, String, String, String, String);
        let rows = stmt
            .query_map([id], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })?
            .collect::<rusqlite::Result<Vec<Raw>>>()?;
        rows.into_iter()
            .map(|(kind, machine_key, payload, at, source)| {
                let what = format!("probe {kind}/{machine_key}");
                Ok(ProbeRecord {
                    payload: parse_json(id, &what, &payload)?,
                    measured_at: parse_ts(id, &what, &at)?,
                    kind,
                    machine_key,
                    source,
                })
            })
            .collect()
    }

    /// Records an exported report file with its SHA-256 (lower-case hex, see `sha256_file`).
    pub fn record_report(
        &mut self,
        id: i64,
        path: &str,
        sha256_hex: &str,
        lang: &str,
    ) -> Result<()> {
        check_text("report path", path, MAX_TEXT_LEN, true)?;
        check_text("report language", lang, 16, true)?;
        if sha256_hex.len() != 64
            || !sha256_hex
                .bytes()
                .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
        {
            return Err(StoreError::invalid(
                "report sha256",
                format!("{sha256_hex:?} is not 64 lower-case hex digits"),
            ));
        }
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        ensure_live(&tx, id)?;
        tx.execute(
            "INSERT INTO reports (intake_id, path, sha256, lang, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![id, path, sha256_hex, lang, now_ts()],
        )?;
        tx.commit()?;
        Ok(())
    }

    /// Reports of intake `id`, oldest first.
    pub fn reports(&self, id: i64) -> Result<Vec<ReportRecord>> {
        self.ensure_exists(id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT path, sha256, lang, created_at FROM reports WHERE intake_id = ?1 ORDER BY id",
        )?;
        type Raw = (String, String, String, String);
        let rows = stmt
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<Vec<Raw>>>()?;
        rows.into_iter()
            .map(|(path, sha256, lang, at)| {
                Ok(ReportRecord {
                    created_at: parse_ts(id, "report", &at)?,
                    path,
                    sha256,
                    lang,
                })
            })
            .collect()
    }

    /// Accepts an advice finding with a reason; accepting again replaces the reason.
    pub fn accept_finding(
        &mut self,
        id: i64,
        rule_id: &str,
        reason: &str,
        user: &str,
    ) -> Result<()> {
        let now = now_ts();
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        ensure_live(&tx, id)?;
        put_finding(&tx, id, rule_id, reason, user, &now)?;
        touch(&tx, id, &now)?;
        tx.commit()?;
        Ok(())
    }

    /// Withdraws an acceptance; returns whether there was one.
    pub fn unaccept_finding(&mut self, id: i64, rule_id: &str) -> Result<bool> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        ensure_live(&tx, id)?;
        let n = tx.execute(
            "DELETE FROM accepted_findings WHERE intake_id = ?1 AND rule_id = ?2",
            params![id, rule_id],
        )?;
        if n > 0 {
            touch(&tx, id, &now_ts())?;
        }
        tx.commit()?;
        Ok(n > 0)
    }

    pub fn accepted_findings(&self, id: i64) -> Result<Vec<AcceptedFinding>> {
        self.ensure_exists(id)?;
        let mut stmt = self.conn.prepare_cached(
            "SELECT rule_id, reason, accepted_by, accepted_at FROM accepted_findings \
             WHERE intake_id = ?1 ORDER BY rule_id",
        )?;
        type Raw = (String, String, String, String);
        let rows = stmt
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?
            .collect::<rusqlite::Result<Vec<Raw>>>()?;
        rows.into_iter()
            .map(|(rule_id, reason, accepted_by, at)| {
                Ok(AcceptedFinding {
                    accepted_at: parse_ts(id, &format!("finding {rule_id}"), &at)?,
                    rule_id,
                    reason,
                    accepted_by,
                })
            })
            .collect()
    }
}

/// One probe result to store with `Store::add_probes`.
#[derive(Clone, Copy, Debug)]
pub struct NewProbe<'a> {
    pub kind: &'a str,
    pub machine_key: &'a str,
    pub payload: &'a serde_json::Value,
    pub source: &'a str,
}

/// Inserts or replaces a probe result inside the caller's transaction.
pub(crate) fn put_probe(
    conn: &Connection,
    id: i64,
    kind: &str,
    machine_key: &str,
    payload: &serde_json::Value,
    measured_at: &str,
    source: &str,
) -> Result<bool> {
    check_text("probe kind", kind, MAX_NAME_LEN, true)?;
    check_text("probe machine", machine_key, MAX_NAME_LEN, true)?;
    check_text("probe source", source, MAX_NAME_LEN, true)?;
    let text = payload.to_string();
    if text.len() > MAX_PAYLOAD_JSON {
        return Err(StoreError::invalid(
            format!("payload of probe {kind}/{machine_key}"),
            format!("{} bytes, at most {MAX_PAYLOAD_JSON}", text.len()),
        ));
    }
    let existed: Option<i64> = conn
        .prepare_cached(
            "SELECT id FROM probe_results WHERE intake_id = ?1 AND kind = ?2 AND machine_key = ?3",
        )?
        .query_row(params![id, kind, machine_key], |r| r.get(0))
        .optional()?;
    conn.prepare_cached(
        "INSERT INTO probe_results (intake_id, kind, machine_key, payload_json, measured_at, source) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6) ON CONFLICT (intake_id, kind, machine_key) \
         DO UPDATE SET payload_json = ?4, measured_at = ?5, source = ?6",
    )?
    .execute(params![id, kind, machine_key, text, measured_at, source])?;
    Ok(existed.is_some())
}

pub(crate) fn put_finding(
    conn: &Connection,
    id: i64,
    rule_id: &str,
    reason: &str,
    user: &str,
    at: &str,
) -> Result<()> {
    check_text("rule id", rule_id, MAX_NAME_LEN, true)?;
    check_text("reason", reason, MAX_TEXT_LEN, false)?;
    check_text("user", user, MAX_NAME_LEN, true)?;
    conn.prepare_cached(
        "INSERT INTO accepted_findings (intake_id, rule_id, reason, accepted_by, accepted_at) \
         VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (intake_id, rule_id) \
         DO UPDATE SET reason = ?3, accepted_by = ?4, accepted_at = ?5",
    )?
    .execute(params![id, rule_id, reason, user, at])?;
    Ok(())
}

/// SHA-256 of a file's contents as 64 lower-case hex digits, read in chunks.
pub fn sha256_file(path: &Path) -> std::io::Result<String> {
    let mut file = std::fs::File::open(path)?;
    let mut hasher = Sha256::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::super::test_util::{mem_store, new_intake};
    use super::*;
    use serde_json::json;

    #[test]
    fn same_machine_replaces_probe() {
        let mut s = mem_store();
        let id = s.create_intake(&new_intake("A")).unwrap();
        assert!(
            !s.add_probe(id, "workstation", "pc-1", &json!({"ram_gb": 8}), "local")
                .unwrap()
        );
        assert!(
            !s.add_probe(id, "workstation", "pc-2", &json!({"ram_gb": 4}), "local")
                .unwrap()
        );
        assert!(
            s.add_probe(id, "workstation", "pc-1", &json!({"ram_gb": 16}), "import")
                .unwrap()
        );
        let p = s.probes(id).unwrap();
        assert_eq!(p.len(), 2);
        assert_eq!(
            (
                p[0].machine_key.as_str(),
                &p[0].payload,
                p[0].source.as_str()
            ),
            ("pc-1", &json!({"ram_gb": 16}), "import")
        );
        assert!(s.add_probe(id, "", "pc", &json!({}), "local").is_err());
        assert!(s.add_probe(99, "lan", "pc", &json!({}), "local").is_err());
    }

    #[test]
    fn reports_and_sha256() {
        let dir = tempfile::tempdir().unwrap();
        let f = dir.path().join("r.pdf");
        std::fs::write(&f, b"abc").unwrap();
        let h = sha256_file(&f).unwrap();
        // SHA-256("abc") from FIPS 180-2.
        assert_eq!(
            h,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        let mut s = mem_store();
        let id = s.create_intake(&new_intake("A")).unwrap();
        s.record_report(id, f.to_str().unwrap(), &h, "nl").unwrap();
        assert!(s.record_report(id, "x.pdf", "ABC", "nl").is_err());
        let r = s.reports(id).unwrap();
        assert_eq!(
            (r.len(), r[0].sha256.as_str(), r[0].lang.as_str()),
            (1, h.as_str(), "nl")
        );
        assert!(sha256_file(&dir.path().join("missing")).is_err());
    }

    #[test]
    fn accept_and_unaccept_findings() {
        let mut s = mem_store();
        let id = s.create_intake(&new_intake("A")).unwrap();
        s.accept_finding(id, "bandwidth.low", "upgrade ordered", "piet")
            .unwrap();
        s.accept_finding(id, "bandwidth.low", "upgrade ordered for May", "joke")
            .unwrap();
        s.accept_finding(id, "apple.present", "", "piet").unwrap();
        let f = s.accepted_findings(id).unwrap();
        assert_eq!(f.len(), 2);
        assert_eq!(
            (
                f[1].rule_id.as_str(),
                f[1].reason.as_str(),
                f[1].accepted_by.as_str()
            ),
            ("bandwidth.low", "upgrade ordered for May", "joke")
        );
        assert!(s.unaccept_finding(id, "bandwidth.low").unwrap());
        assert!(!s.unaccept_finding(id, "bandwidth.low").unwrap());
        assert_eq!(s.accepted_findings(id).unwrap().len(), 1);
    }
}
