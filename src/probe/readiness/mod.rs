//! Readiness verdict of a workstation against thresholds kept in
//! `assets/readiness.toml` (memory, free disk, CPU cores, OS support dates).

use super::workstation::WorkstationProbe;
mod thresholds;

pub use thresholds::{
    CpuThresholds, DEFAULT_TOML, DiskThresholds, MemoryThresholds, OsEntry, OsThresholds,
    Thresholds, ThresholdsError,
};

use serde::{Deserialize, Serialize};

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

/// "4,0" / "4.0": one decimal, Dutch decimal comma where asked.
fn num(v: f64, nl: bool) -> String {
    let s = format!("{v:.1}");
    if nl { s.replace('.', ",") } else { s }
}

fn reason(check: &str, verdict: Verdict, nl: String, en: String) -> Reason {
    Reason {
        check: check.into(),
        verdict,
        nl,
        en,
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
        return reason(
            "memory",
            Verdict::Attention,
            "geheugen kon niet worden gelezen".into(),
            "memory could not be read".into(),
        );
    }
    let v = grade(
        gb,
        m.minimum_gb * m.reported_share,
        m.recommended_gb * m.reported_share,
    );
    let (nl, en) = match v {
        Verdict::NotReady => (
            format!(
                "{} GB geheugen, minimaal {} GB nodig",
                num(gb, true),
                m.minimum_gb
            ),
            format!(
                "{} GB memory, at least {} GB needed",
                num(gb, false),
                m.minimum_gb
            ),
        ),
        Verdict::Attention => (
            format!(
                "{} GB geheugen, {} GB aanbevolen",
                num(gb, true),
                m.recommended_gb
            ),
            format!(
                "{} GB memory, {} GB recommended",
                num(gb, false),
                m.recommended_gb
            ),
        ),
        Verdict::Ready => (
            format!("{} GB geheugen, voldoende", num(gb, true)),
            format!("{} GB memory, sufficient", num(gb, false)),
        ),
    };
    reason("memory", v, nl, en)
}

fn disk(p: &WorkstationProbe, t: &Thresholds) -> Reason {
    let Some(d) = p.system_disk() else {
        return reason(
            "disk",
            Verdict::Attention,
            "geen schijf gevonden".into(),
            "no disk found".into(),
        );
    };
    let free = d.available_bytes as f64 / GIB;
    let v = grade(free, t.disk.minimum_free_gb, t.disk.recommended_free_gb);
    let (nl, en) = match v {
        Verdict::NotReady => (
            format!(
                "{} GB vrij op {}, minimaal {} GB nodig",
                num(free, true),
                d.mount,
                t.disk.minimum_free_gb
            ),
            format!(
                "{} GB free on {}, at least {} GB needed",
                num(free, false),
                d.mount,
                t.disk.minimum_free_gb
            ),
        ),
        Verdict::Attention => (
            format!(
                "{} GB vrij op {}, {} GB aanbevolen",
                num(free, true),
                d.mount,
                t.disk.recommended_free_gb
            ),
            format!(
                "{} GB free on {}, {} GB recommended",
                num(free, false),
                d.mount,
                t.disk.recommended_free_gb
            ),
        ),
        Verdict::Ready => (
            format!("{} GB vrij op {}, voldoende", num(free, true), d.mount),
            format!("{} GB free on {}, sufficient", num(free, false), d.mount),
        ),
    };
    reason("disk", v, nl, en)
}

fn cpu(p: &WorkstationProbe, t: &Thresholds) -> Reason {
    let c = &t.cpu;
    let v = grade(
        f64::from(p.cpu_cores),
        f64::from(c.minimum_cores),
        f64::from(c.recommended_cores),
    );
    let (nl, en) = match v {
        Verdict::NotReady => (
            format!(
                "{} processorkern(en), minimaal {} nodig",
                p.cpu_cores, c.minimum_cores
            ),
            format!(
                "{} CPU core(s), at least {} needed",
                p.cpu_cores, c.minimum_cores
            ),
        ),
        Verdict::Attention => (
            format!(
                "{} processorkernen, {} aanbevolen",
                p.cpu_cores, c.recommended_cores
            ),
            format!(
                "{} CPU cores, {} recommended",
                p.cpu_cores, c.recommended_cores
            ),
        ),
        Verdict::Ready => (
            format!("{} processorkernen, voldoende", p.cpu_cores),
            format!("{} CPU cores, sufficient", p.cpu_cores),
        ),
    };
    reason("cpu", v, nl, en)
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
        return reason(
            "os",
            Verdict::Attention,
            format!("besturingssysteem {shown} staat niet in de lijst; ondersteuning nagaan"),
            format!("operating system {shown} is not in the list; check its support"),
        );
    };
    let Some(end) = e.end_of_support else {
        return reason(
            "os",
            Verdict::Ready,
            format!("{} wordt ondersteund", e.label),
            format!("{} is supported", e.label),
        );
    };
    let days_left = (end - today).whole_days();
    if days_left < 0 {
        reason(
            "os",
            Verdict::NotReady,
            format!("{} wordt sinds {end} niet meer ondersteund", e.label),
            format!("{} is out of support since {end}", e.label),
        )
    } else if days_left <= i64::from(t.os.warn_days_before_end) {
        reason(
            "os",
            Verdict::Attention,
            format!(
                "{} wordt nog {days_left} dagen ondersteund (tot {end})",
                e.label
            ),
            format!(
                "{} is supported for {days_left} more days (until {end})",
                e.label
            ),
        )
    } else {
        reason(
            "os",
            Verdict::Ready,
            format!("{} wordt ondersteund tot {end}", e.label),
            format!("{} is supported until {end}", e.label),
        )
    }
}

#[cfg(test)]
mod tests;
