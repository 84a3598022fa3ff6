//! Readiness verdict of a workstation against thresholds kept in
//! `assets/readiness.toml` (memory, free disk, CPU cores, OS support dates).

use super::workstation::WorkstationProbe;
mod thresholds;

pub use thresholds::{
    CpuThresholds, DEFAULT_TOML, DiskThresholds, MemoryThresholds, OsEntry, OsThresholds,
    Thresholds, ThresholdsError,
};

use serde::{Deserialize, Serialize};

use crate::form::Lang;
use crate::i18n::fmt::decimal;
use crate::t;

const GIB: f64 = (1u64 << 30) as f64;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Ready,
    Attention,
    NotReady,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Reason {
    /// Which check: "memory", "disk", "cpu", "os".
    pub check: String,
    pub verdict: Verdict,
    pub nl: String,
    pub en: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Readiness {
    pub verdict: Verdict,
    /// One reason per check, worst first.
    pub reasons: Vec<Reason>,
}

/// A reason in both languages, its text from Fluent (`assets/locales/<lang>/readiness.ftl`):
/// stored with the probe, so each language is written out here.
fn reason(check: &str, verdict: Verdict, text: impl Fn(Lang) -> String) -> Reason {
    Reason {
        check: check.into(),
        verdict,
        nl: text(Lang::Nl),
        en: text(Lang::En),
    }
}

fn grade(value: f64, minimum: f64, recommended: f64) -> Verdict {
    if value < minimum {
        Verdict::NotReady
    } else if value < recommended {
        Verdict::Attention
    } else {
        Verdict::Ready
    }
}

pub fn assess(p: &WorkstationProbe, t: &Thresholds, today: time::Date) -> Readiness {
    let mut reasons = vec![memory(p, t), disk(p, t), cpu(p, t), os(p, t, today)];
    reasons.sort_by_key(|r| std::cmp::Reverse(r.verdict));
    let verdict = reasons
        .iter()
        .map(|r| r.verdict)
        .max()
        .unwrap_or(Verdict::Ready);
    Readiness { verdict, reasons }
}

fn memory(p: &WorkstationProbe, t: &Thresholds) -> Reason {
    let m = &t.memory;
    let gb = p.memory_total_bytes as f64 / GIB;
    if p.memory_total_bytes == 0 {
        return reason("memory", Verdict::Attention, |lang| {
            t!(lang, "ready-memory-unread")
        });
    }
    let v = grade(
        gb,
        m.minimum_gb * m.reported_share,
        m.recommended_gb * m.reported_share,
    );
    reason("memory", v, |lang| match v {
        Verdict::NotReady => t!(
            lang,
            "ready-memory-short",
            gb = decimal(gb, 1, lang),
            need = m.minimum_gb
        ),
        Verdict::Attention => t!(
            lang,
            "ready-memory-low",
            gb = decimal(gb, 1, lang),
            advised = m.recommended_gb
        ),
        Verdict::Ready => t!(lang, "ready-memory-ok", gb = gb),
    })
}

fn disk(p: &WorkstationProbe, t: &Thresholds) -> Reason {
    let Some(d) = p.system_disk() else {
        return reason("disk", Verdict::Attention, |lang| {
            t!(lang, "ready-disk-none")
        });
    };
    let free = d.available_bytes as f64 / GIB;
    let v = grade(free, t.disk.minimum_free_gb, t.disk.recommended_free_gb);
    let (need, advised) = (t.disk.minimum_free_gb, t.disk.recommended_free_gb);
    let mount = d.mount.as_str();
    reason("disk", v, |lang| match v {
        Verdict::NotReady => t!(
            lang,
            "ready-disk-short",
            gb = decimal(free, 1, lang),
            mount = mount,
            need = need
        ),
        Verdict::Attention => {
            t!(
                lang,
                "ready-disk-low",
                gb = decimal(free, 1, lang),
                mount = mount,
                advised = advised
            )
        }
        Verdict::Ready => t!(
            lang,
            "ready-disk-ok",
            gb = decimal(free, 1, lang),
            mount = mount
        ),
    })
}

fn cpu(p: &WorkstationProbe, t: &Thresholds) -> Reason {
    let c = &t.cpu;
    let v = grade(
        f64::from(p.cpu_cores),
        f64::from(c.minimum_cores),
        f64::from(c.recommended_cores),
    );
    let count = p.cpu_cores;
    reason("cpu", v, |lang| match v {
        Verdict::NotReady => t!(
            lang,
            "ready-cpu-short",
            count = count,
            need = c.minimum_cores
        ),
        Verdict::Attention => {
            t!(
                lang,
                "ready-cpu-low",
                count = count,
                advised = c.recommended_cores
            )
        }
        Verdict::Ready => t!(lang, "ready-cpu-ok", count = count),
    })
}

/// "10" matches "10", "10 (19045)", "10.0.1" but not "100".
fn version_matches(version: &str, prefix: &str) -> bool {
    let v = version.trim();
    match v.strip_prefix(prefix) {
        Some(rest) => {
            prefix.is_empty() || rest.is_empty() || !rest.starts_with(|c: char| c.is_ascii_digit())
        }
        None => false,
    }
}

fn find_os<'a>(p: &WorkstationProbe, t: &'a Thresholds) -> Option<&'a OsEntry> {
    let names = format!("{} {}", p.os_name, p.os_long_version).to_lowercase();
    t.os.supported.iter().find(|e| {
        names.contains(&e.name_contains.to_lowercase())
            && version_matches(&p.os_version, &e.version_prefix)
    })
}

fn os(p: &WorkstationProbe, t: &Thresholds, today: time::Date) -> Reason {
    let shown = format!("{} {}", p.os_name, p.os_version).trim().to_string();
    let Some(e) = find_os(p, t) else {
        return reason("os", Verdict::Attention, |lang| {
            t!(lang, "ready-os-unlisted", os = shown.as_str())
        });
    };
    let os = e.label.as_str();
    let Some(end) = e.end_of_support else {
        return reason("os", Verdict::Ready, |lang| {
            t!(lang, "ready-os-supported", os = os)
        });
    };
    let until = |lang| crate::i18n::fmt::date_long(end, lang);
    let days_left = (end - today).whole_days();
    if days_left < 0 {
        reason("os", Verdict::NotReady, |lang| {
            t!(lang, "ready-os-ended", os = os, end = until(lang))
        })
    } else if days_left <= i64::from(t.os.warn_days_before_end) {
        reason("os", Verdict::Attention, |lang| {
            t!(
                lang,
                "ready-os-ending",
                os = os,
                days = days_left,
                end = until(lang)
            )
        })
    } else {
        reason("os", Verdict::Ready, |lang| {
            t!(lang, "ready-os-until", os = os, end = until(lang))
        })
    }
}

#[cfg(test)]
mod tests;
