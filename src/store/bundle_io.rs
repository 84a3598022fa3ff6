//! Export to and import from bundles, and duplicate detection.

use std::collections::{HashMap, HashSet};

use rusqlite::{OptionalExtension, TransactionBehavior, params};
use time::OffsetDateTime;

use super::answers::insert_history;
use super::bundle::{
    BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION, Bundle, BundleFinding, BundleHistory, BundleIntake,
    BundleProbe,
};
use super::intakes::check_new_intake;
use super::keys::{MAX_NAME_LEN, check_text};
use super::merge::{add_missing_findings, add_newer_probes, add_their_history, same_value};
use super::{NewIntake, Result, Store, fmt_ts, now_ts};

/// Source recorded for probe results that arrived in a bundle.
pub const IMPORT_SOURCE: &str = "import";

impl Store {
    /// The bundle of intake `id` (also of a soft-deleted one, e.g. to hand it over before purge).
    pub fn export_bundle(&self, id: i64) -> Result<Bundle> {
        let r = self.intake(id)?;
        Ok(Bundle {
            format: BUNDLE_FORMAT.to_string(),
            format_version: BUNDLE_FORMAT_VERSION,
            exported_at: OffsetDateTime::now_utc(),
            intake: BundleIntake {
                customer: r.customer,
                mode: r.mode,
                status: r.status,
                form_id: r.form_id,
                form_version: r.form_version,
                created_at: r.created_at,
            },
            answers: self.answers(id)?,
            probes: self
                .probes(id)?
                .into_iter()
                .map(|p| BundleProbe {
                    kind: p.kind,
                    machine_key: p.machine_key,
                    payload: p.payload,
                    measured_at: p.measured_at,
                    source: p.source,
                })
                .collect(),
            history: self
                .history(id, None)?
                .into_iter()
                .map(|h| BundleHistory {
                    key: h.key,
                    old: h.old,
                    new: h.new,
                    changed_at: h.changed_at,
                    changed_by: h.changed_by,
                })
                .collect(),
            accepted_findings: self
                .accepted_findings(id)?
                .into_iter()
                .map(|f| BundleFinding {
                    rule_id: f.rule_id,
                    reason: f.reason,
                    accepted_by: f.accepted_by,
                    accepted_at: f.accepted_at,
                })
                .collect(),
        })
    }

    /// A live intake with the bundle's customer and creation time: the same intake imported
    /// before, which the caller must not overwrite silently.
    pub fn find_duplicate(&self, bundle: &Bundle) -> Result<Option<i64>> {
        let created = fmt_ts(bundle.intake.created_at)?;
        Ok(self
            .conn
            .query_row(
                "SELECT id FROM intakes WHERE customer = ?1 AND created_at = ?2 \
                 AND deleted_at IS NULL ORDER BY id LIMIT 1",
                params![bundle.intake.customer, created],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// Imports a validated bundle as a new intake in ONE transaction and returns its id.
    /// `user` is recorded for the history rows the import itself adds. (Into the intake
    /// the bundle came from, see `merge_bundle`.)
    pub fn import_bundle(&mut self, bundle: &Bundle, user: &str) -> Result<i64> {
        bundle.validate()?;
        check_text("user", user, MAX_NAME_LEN, true)?;
        let i = &bundle.intake;
        check_new_intake(&NewIntake {
            customer: i.customer.clone(),
            mode: i.mode,
            form_id: i.form_id.clone(),
            form_version: i.form_version,
        })?;
        let now = now_ts();
        let created = fmt_ts(i.created_at)?;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        tx.execute(
            "INSERT INTO intakes (customer, mode, status, form_id, form_version, created_at, updated_at) \
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
            params![i.customer, i.mode.as_str(), i.status.as_str(), i.form_id, i.form_version, created, now],
        )?;
        let id = tx.last_insert_rowid();
        // The sender's history first (a row twice in the bundle is added once).
        add_their_history(&tx, id, bundle, &mut HashSet::new())?;
        let mut last_new: HashMap<&str, Option<&serde_json::Value>> = HashMap::new();
        for h in &bundle.history {
            last_new.insert(&h.key, h.new.as_ref());
        }
        // Answers the sender's history does not explain get a row of their own, so the
        // history always ends in the stored value.
        for (key, value) in bundle.answers.iter().filter(|(_, v)| !v.is_null()) {
            let text = value.to_string();
            tx.prepare_cached(
                "INSERT INTO answers (intake_id, key, value_json, updated_at) VALUES (?1, ?2, ?3, ?4)",
            )?
            .execute(params![id, key, text, now])?;
            let explained = last_new.get(key.as_str()).copied().flatten();
            if !same_value(explained, Some(value)) {
                let old = explained.map(|v| v.to_string());
                insert_history(&tx, id, key, old.as_deref(), Some(&text), &now, user)?;
            }
        }
        // Into a new intake: every probe and acceptance of the bundle.
        add_newer_probes(&tx, id, bundle)?;
        add_missing_findings(&tx, id, bundle)?;
        tx.commit()?;
        Ok(id)
    }
}
