//! The JSON bundle of one intake: export format and untrusted import format.
//!
//! A customer's self-filled bundle is untrusted: `Bundle::parse` checks the size before
//! parsing, then the format and its version, then the structure (every wrong type is reported
//! with its path, e.g. `probes[2].measured_at`), then keys, lengths and counts. Whether the
//! values fit the form is for the service layer, which knows the form.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

use super::keys::{
    MAX_CUSTOMER_LEN, MAX_NAME_LEN, MAX_PAYLOAD_JSON, MAX_TEXT_LEN, MAX_VALUE_JSON, check_text,
    key_problem, shorten,
};
use super::reason::Reason;
use super::{Mode, Status, fmt_ts};

pub const BUNDLE_FORMAT: &str = "intake-bundle";
pub const BUNDLE_FORMAT_VERSION: u32 = 1;
/// Checked before parsing: a bundle of a real intake is a few hundred KiB at most.
pub const MAX_BUNDLE_BYTES: usize = 8 * 1024 * 1024;
pub const MAX_ANSWERS: usize = 20_000;
pub const MAX_PROBES: usize = 1_000;
pub const MAX_HISTORY: usize = 100_000;
pub const MAX_FINDINGS: usize = 1_000;
/// Nesting depth of one answer or history value (answers are scalars or lists).
pub const MAX_VALUE_DEPTH: usize = 8;

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum BundleError {
    #[error("the file is {size} bytes; a bundle may be at most {limit} bytes")]
    TooLarge { size: usize, limit: usize },
    #[error("the file ends too early (truncated?): {0}")]
    Truncated(String),
    #[error("not valid JSON: {0}")]
    Syntax(String),
    #[error("not an intake bundle: {0}")]
    NotABundle(NotABundle),
    #[error(
        "bundle format version {found} is newer than this program supports (up to {supported}); use a newer intake"
    )]
    TooNew { found: u64, supported: u32 },
    #[error("bundle format version {0} is not supported")]
    Unsupported(u64),
    #[error("at {path}: {msg}")]
    Structure { path: String, msg: String },
    #[error("at {path}: {reason}")]
    Invalid { path: String, reason: Reason },
}

/// Why a file is no intake bundle at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotABundle {
    /// `format` holds something else (shortened JSON text).
    FormatIs(String),
    FormatMissing,
    VersionMissing,
    /// A bundle built in code with another format or version.
    Mismatch {
        format: String,
        version: u32,
    },
}

impl fmt::Display for NotABundle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NotABundle::FormatIs(x) => write!(f, "`format` is {x}, expected \"{BUNDLE_FORMAT}\""),
            NotABundle::FormatMissing => write!(f, "`format` is missing"),
            NotABundle::VersionMissing => {
                write!(f, "`format_version` is missing or not a whole number")
            }
            NotABundle::Mismatch { format, version } => write!(
                f,
                "format {format:?} version {version}, expected {BUNDLE_FORMAT:?} version {BUNDLE_FORMAT_VERSION}"
            ),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Bundle {
    pub format: String,
    pub format_version: u32,
    #[serde(with = "time::serde::rfc3339")]
    pub exported_at: OffsetDateTime,
    pub intake: BundleIntake,
    /// Duplicate keys are refused: which one would win is not obvious to the sender.
    #[serde(deserialize_with = "unique_map")]
    pub answers: BTreeMap<String, serde_json::Value>,
    #[serde(default)]
    pub probes: Vec<BundleProbe>,
    #[serde(default)]
    pub history: Vec<BundleHistory>,
    #[serde(default)]
    pub accepted_findings: Vec<BundleFinding>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleIntake {
    pub customer: String,
    pub mode: Mode,
    pub status: Status,
    pub form_id: String,
    pub form_version: u32,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleProbe {
    pub kind: String,
    pub machine_key: String,
    pub payload: serde_json::Value,
    #[serde(with = "time::serde::rfc3339")]
    pub measured_at: OffsetDateTime,
    pub source: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleHistory {
    pub key: String,
    #[serde(default)]
    pub old: Option<serde_json::Value>,
    #[serde(default)]
    pub new: Option<serde_json::Value>,
    #[serde(with = "time::serde::rfc3339")]
    pub changed_at: OffsetDateTime,
    pub changed_by: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BundleFinding {
    pub rule_id: String,
    pub reason: String,
    pub accepted_by: String,
    #[serde(with = "time::serde::rfc3339")]
    pub accepted_at: OffsetDateTime,
}

/// Only the two fields read before the full parse, so a newer version is reported as such
/// rather than as an unknown field of the old structure.
#[derive(Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
    format_version: Option<serde_json::Value>,
}

impl Bundle {
    /// Parses and validates an untrusted bundle.
    pub fn parse(bytes: &[u8]) -> Result<Bundle, BundleError> {
        if bytes.len() > MAX_BUNDLE_BYTES {
            return Err(BundleError::TooLarge {
                size: bytes.len(),
                limit: MAX_BUNDLE_BYTES,
            });
        }
        // serde also accepts a struct written as an array; a bundle is an object only.
        let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
        if first.is_some_and(|&b| b != b'{') {
            return Err(invalid("(top level)", Reason::NotAnObject));
        }
        let header: Header =
            serde_json::from_slice(bytes).map_err(|e| json_error("(top level)", e))?;
        match header.format {
            Some(serde_json::Value::String(f)) if f == BUNDLE_FORMAT => {}
            Some(other) => {
                return Err(BundleError::NotABundle(NotABundle::FormatIs(shorten(
                    &other.to_string(),
                ))));
            }
            None => return Err(BundleError::NotABundle(NotABundle::FormatMissing)),
        }
        match header
            .format_version
            .as_ref()
            .and_then(serde_json::Value::as_u64)
        {
            Some(v) if v == u64::from(BUNDLE_FORMAT_VERSION) => {}
            Some(v) if v > u64::from(BUNDLE_FORMAT_VERSION) => {
                return Err(BundleError::TooNew {
                    found: v,
                    supported: BUNDLE_FORMAT_VERSION,
                });
            }
            Some(v) => return Err(BundleError::Unsupported(v)),
            None => {
                return Err(BundleError::NotABundle(NotABundle::VersionMissing));
            }
        }
        let mut de = serde_json::Deserializer::from_slice(bytes);
        let bundle: Bundle = serde_path_to_error::deserialize(&mut de).map_err(|e| {
            let path = e.path().to_string();
            json_error(&path, e.into_inner())
        })?;
        de.end().map_err(|e| json_error("(end)", e))?;
        bundle.validate()?;
        Ok(bundle)
    }

    /// Pretty JSON, as written by `intake export`.
    pub fn to_json(&self) -> Result<Vec<u8>, BundleError> {
        serde_json::to_vec_pretty(self).map_err(|e| invalid("(bundle)", e.to_string()))
    }

    /// Checks keys, lengths, counts and times. Also run on import, so a bundle built in code
    /// meets the same rules as a parsed one.
    pub fn validate(&self) -> Result<(), BundleError> {
        if self.format != BUNDLE_FORMAT || self.format_version != BUNDLE_FORMAT_VERSION {
            return Err(BundleError::NotABundle(NotABundle::Mismatch {
                format: shorten(&self.format),
                version: self.format_version,
            }));
        }
        time_ok("exported_at", self.exported_at)?;
        let i = &self.intake;
        text_ok("intake.customer", &i.customer, MAX_CUSTOMER_LEN, true)?;
        text_ok("intake.form_id", &i.form_id, MAX_NAME_LEN, true)?;
        time_ok("intake.created_at", i.created_at)?;

        count_ok("answers", self.answers.len(), MAX_ANSWERS)?;
        for (key, value) in &self.answers {
            let path = format!("answers.{}", shorten(key));
            key_ok(&path, key)?;
            value_ok(&path, value, MAX_VALUE_JSON)?;
        }

        count_ok("probes", self.probes.len(), MAX_PROBES)?;
        let mut seen = BTreeSet::new();
        for (n, p) in self.probes.iter().enumerate() {
            let at = |f: &str| format!("probes[{n}].{f}");
            text_ok(&at("kind"), &p.kind, MAX_NAME_LEN, true)?;
            text_ok(&at("machine_key"), &p.machine_key, MAX_NAME_LEN, true)?;
            text_ok(&at("source"), &p.source, MAX_NAME_LEN, true)?;
            value_ok(&at("payload"), &p.payload, MAX_PAYLOAD_JSON)?;
            time_ok(&at("measured_at"), p.measured_at)?;
            if !seen.insert((&p.kind, &p.machine_key)) {
                return Err(invalid(
                    at("machine_key"),
                    "the same kind and machine appear twice",
                ));
            }
        }

        count_ok("history", self.history.len(), MAX_HISTORY)?;
        for (n, h) in self.history.iter().enumerate() {
            let at = |f: &str| format!("history[{n}].{f}");
            key_ok(&at("key"), &h.key)?;
            for (field, v) in [("old", &h.old), ("new", &h.new)] {
                if let Some(v) = v {
                    value_ok(&at(field), v, MAX_VALUE_JSON)?;
                }
            }
            text_ok(&at("changed_by"), &h.changed_by, MAX_NAME_LEN, true)?;
            time_ok(&at("changed_at"), h.changed_at)?;
        }

        count_ok(
            "accepted_findings",
            self.accepted_findings.len(),
            MAX_FINDINGS,
        )?;
        let mut rules = BTreeSet::new();
        for (n, f) in self.accepted_findings.iter().enumerate() {
            let at = |x: &str| format!("accepted_findings[{n}].{x}");
            text_ok(&at("rule_id"), &f.rule_id, MAX_NAME_LEN, true)?;
            text_ok(&at("reason"), &f.reason, MAX_TEXT_LEN, false)?;
            text_ok(&at("accepted_by"), &f.accepted_by, MAX_NAME_LEN, true)?;
            time_ok(&at("accepted_at"), f.accepted_at)?;
            if !rules.insert(&f.rule_id) {
                return Err(invalid(at("rule_id"), "this rule appears twice"));
            }
        }
        Ok(())
    }
}

/// serde's message quotes the offending value whole (up to the 8 MiB of a bundle): kept
/// to its start and its position, escaped.
fn json_error(path: &str, e: serde_json::Error) -> BundleError {
    use serde_json::error::Category;
    let msg = crate::text::head_and_tail(&e.to_string());
    match e.classify() {
        Category::Eof => BundleError::Truncated(msg),
        Category::Syntax | Category::Io => BundleError::Syntax(msg),
        Category::Data => BundleError::Structure {
            path: if path.is_empty() || path == "." {
                "(top level)".into()
            } else {
                crate::text::excerpt(path)
            },
            msg,
        },
    }
}

fn invalid(path: impl Into<String>, reason: impl Into<Reason>) -> BundleError {
    BundleError::Invalid {
        path: path.into(),
        reason: reason.into(),
    }
}

fn text_ok(path: &str, s: &str, max: usize, required: bool) -> Result<(), BundleError> {
    check_text(path, s, max, required).map_err(|e| match e {
        super::StoreError::Invalid { reason, .. } => invalid(path, reason),
        other => invalid(path, Reason::Other(other.to_string())),
    })
}

fn key_ok(path: &str, key: &str) -> Result<(), BundleError> {
    match key_problem(key) {
        None => Ok(()),
        Some(p) => Err(invalid(path, p)),
    }
}

fn count_ok(path: &str, n: usize, max: usize) -> Result<(), BundleError> {
    if n > max {
        return Err(invalid(path, Reason::TooMany { count: n, max }));
    }
    Ok(())
}

fn time_ok(path: &str, t: OffsetDateTime) -> Result<(), BundleError> {
    fmt_ts(t).map(|_| ()).map_err(|e| match e {
        super::StoreError::Invalid { reason, .. } => invalid(path, reason),
        other => invalid(path, Reason::Other(other.to_string())),
    })
}

fn value_ok(path: &str, v: &serde_json::Value, max_bytes: usize) -> Result<(), BundleError> {
    fn depth(v: &serde_json::Value) -> usize {
        match v {
            serde_json::Value::Array(a) => 1 + a.iter().map(depth).max().unwrap_or(0),
            serde_json::Value::Object(o) => 1 + o.values().map(depth).max().unwrap_or(0),
            _ => 0,
        }
    }
    if depth(v) > MAX_VALUE_DEPTH {
        return Err(invalid(
            path,
            Reason::TooDeep {
                max: MAX_VALUE_DEPTH,
            },
        ));
    }
    let len = v.to_string().len();
    if len > max_bytes {
        return Err(invalid(
            path,
            Reason::TooBig {
                bytes: len,
                max: max_bytes,
            },
        ));
    }
    Ok(())
}

/// A map that refuses duplicate keys (serde_json's default keeps the last one silently).
fn unique_map<'de, D>(d: D) -> Result<BTreeMap<String, serde_json::Value>, D::Error>
where
    D: Deserializer<'de>,
{
    struct UniqueMap;
    impl<'de> Visitor<'de> for UniqueMap {
        type Value = BTreeMap<String, serde_json::Value>;
        fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
            f.write_str("an object of answer keys to values")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = BTreeMap::new();
            while let Some((k, v)) = map.next_entry::<String, serde_json::Value>()? {
                if out.contains_key(&k) {
                    return Err(de::Error::custom(format!(
                        "duplicate answer key {:?}",
                        shorten(&k)
                    )));
                }
                out.insert(k, v);
            }
            Ok(out)
        }
    }
    d.deserialize_map(UniqueMap)
}

#[cfg(test)]
#[path = "bundle_tests.rs"]
mod tests;
