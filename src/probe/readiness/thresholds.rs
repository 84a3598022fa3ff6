//! The thresholds file: `assets/readiness.toml`, embedded in the binary.

use serde::Deserialize;
use thiserror::Error;

/// The thresholds shipped with the binary.
pub const DEFAULT_TOML: &str = include_str!("../../../assets/readiness.toml");

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Thresholds {
    pub memory: MemoryThresholds,
    pub disk: DiskThresholds,
    pub cpu: CpuThresholds,
    pub os: OsThresholds,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemoryThresholds {
    pub minimum_gb: f64,
    pub recommended_gb: f64,
    pub reported_share: f64,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiskThresholds {
    pub minimum_free_gb: f64,
    pub recommended_free_gb: f64,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CpuThresholds {
    pub minimum_cores: u32,
    pub recommended_cores: u32,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OsThresholds {
    pub warn_days_before_end: u32,
    pub supported: Vec<OsEntry>,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OsEntry {
    pub label: String,
    pub name_contains: String,
    pub version_prefix: String,
    #[serde(default, deserialize_with = "toml_date")]
    pub end_of_support: Option<time::Date>,
}

fn toml_date<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<time::Date>, D::Error> {
    use serde::de::Error as _;
    let dt = toml::value::Datetime::deserialize(d)?;
    let (Some(date), None) = (dt.date, dt.time) else {
        return Err(D::Error::custom(
            "end_of_support must be a date like 2025-10-14",
        ));
    };
    let month = time::Month::try_from(date.month).map_err(D::Error::custom)?;
    time::Date::from_calendar_date(i32::from(date.year), month, date.day)
        .map(Some)
        .map_err(D::Error::custom)
}

#[derive(Debug, Error, PartialEq)]
pub enum ThresholdsError {
    #[error("readiness thresholds, line {line} column {column}: {message}")]
    Parse {
        line: usize,
        column: usize,
        message: String,
    },
    #[error("readiness thresholds, `{field}`: {problem}")]
    Invalid { field: String, problem: String },
}

impl Thresholds {
    /// The thresholds embedded from `assets/readiness.toml`.
    pub fn embedded() -> Result<Thresholds, ThresholdsError> {
        Self::from_toml_str(DEFAULT_TOML)
    }

    pub fn from_toml_str(s: &str) -> Result<Thresholds, ThresholdsError> {
        let t: Thresholds = toml::from_str(s).map_err(|e| {
            let (line, column) = e.span().map_or((0, 0), |r| line_col(s, r.start));
            ThresholdsError::Parse {
                line,
                column,
                message: e.message().to_string(),
            }
        })?;
        t.check()?;
        Ok(t)
    }

    fn check(&self) -> Result<(), ThresholdsError> {
        let invalid = |field: &str, problem: &str| {
            Err(ThresholdsError::Invalid {
                field: field.into(),
                problem: problem.into(),
            })
        };
        let m = &self.memory;
        if !(m.minimum_gb > 0.0 && m.minimum_gb <= m.recommended_gb && m.recommended_gb < 65536.0) {
            return invalid("memory", "need 0 < minimum_gb <= recommended_gb < 65536");
        }
        if !(m.reported_share > 0.5 && m.reported_share <= 1.0) {
            return invalid("memory.reported_share", "must be in (0.5, 1]");
        }
        let d = &self.disk;
        if !(d.minimum_free_gb >= 0.0 && d.minimum_free_gb <= d.recommended_free_gb) {
            return invalid("disk", "need 0 <= minimum_free_gb <= recommended_free_gb");
        }
        if self.cpu.minimum_cores > self.cpu.recommended_cores {
            return invalid("cpu", "minimum_cores is above recommended_cores");
        }
        if self
            .os
            .supported
            .iter()
            .any(|e| e.name_contains.trim().is_empty())
        {
            return invalid("os.supported.name_contains", "must not be empty");
        }
        Ok(())
    }
}

fn line_col(s: &str, offset: usize) -> (usize, usize) {
    let before = &s[..offset.min(s.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}
