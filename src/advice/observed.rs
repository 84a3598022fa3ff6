//! What the probes observed, read from the saved payloads for the intake model: bandwidth
//! measurements and the one matcher that places them on locations, workstation readiness, and
//! the LAN scan's inventory.
//!
//! Payloads come from another part of the program and from files imported from other machines,
//! so they are read tolerantly: a field that is missing or of another type is simply absent.

use super::Bilingual;
use super::model::Location;
use crate::store::ProbeRecord;
use serde_json::Value as J;

/// One saved bandwidth measurement.
#[derive(Clone, Debug, PartialEq)]
pub struct Measurement {
    pub at: time::OffsetDateTime,
    /// The location tag given when it was saved (a number from 1 or a name), if any.
    pub tag: Option<J>,
    pub down_mbps: f64,
    pub up_mbps: Option<f64>,
    pub latency_ms: Option<f64>,
    pub jitter_ms: Option<f64>,
    pub loaded_latency_ms: Option<f64>,
    pub loaded_latency_down_ms: Option<f64>,
    pub loaded_latency_up_ms: Option<f64>,
}

impl Measurement {
    /// Bufferbloat: how far the worse direction's loaded latency rises over idle.
    pub fn loaded_increase_ms(&self) -> Option<f64> {
        let idle = self.latency_ms?;
        [self.loaded_latency_down_ms, self.loaded_latency_up_ms]
            .into_iter()
            .flatten()
            .map(|l| (l - idle).max(0.0))
            .reduce(f64::max)
    }
}

fn num(j: &J, key: &str) -> Option<f64> {
    j.get(key)?.as_f64().filter(|f| f.is_finite() && *f >= 0.0)
}

/// The bandwidth measurements with a download rate, oldest first.
pub fn measurements(probes: &[ProbeRecord]) -> Vec<Measurement> {
    let mut out: Vec<Measurement> = probes
        .iter()
        .filter(|p| p.kind == "bandwidth")
        .filter_map(|p| {
            let j = &p.payload;
            Some(Measurement {
                at: p.measured_at,
                tag: j.get("location").filter(|l| !l.is_null()).cloned(),
                down_mbps: num(j, "download_mbps")?,
                up_mbps: num(j, "upload_mbps"),
                latency_ms: num(j, "latency_ms"),
                jitter_ms: num(j, "jitter_ms"),
                loaded_latency_ms: num(j, "loaded_latency_ms"),
                loaded_latency_down_ms: num(j, "loaded_latency_download_ms"),
                loaded_latency_up_ms: num(j, "loaded_latency_upload_ms"),
            })
        })
        .collect();
    out.sort_by_key(|m| m.at);
    out
}

/// Whether a measurement's location `tag` names entry `i` (counted from 1) called `name`.
/// `intake probe bandwidth --location` checks its tag with this too.
pub fn tagged(tag: &J, i: usize, name: Option<&str>) -> bool {
    match tag {
        J::Number(n) => n.as_u64() == u64::try_from(i).ok(),
        J::String(s) => {
            let s = s.trim();
            s.parse::<usize>().ok() == Some(i)
                || name.is_some_and(|n| n.trim().eq_ignore_ascii_case(s))
        }
        _ => false,
    }
}

/// The matcher's result: per location the measurement that belongs to it, and the newest one
/// that belongs to none.
#[derive(Debug, Default)]
pub struct Placed {
    pub per_location: Vec<Option<Measurement>>,
    pub unassigned: Option<Measurement>,
}

/// Places measurements on locations: the newest tagged with a location is that location's; an
/// untagged one is the location's only when there is exactly one location. Anything else (no
/// tag with several locations, a tag naming no location) stays unassigned.
pub fn place(measurements: &[Measurement], locations: &[Location]) -> Placed {
    let single = locations.len() == 1;
    let per_location = locations
        .iter()
        .map(|loc| {
            measurements
                .iter()
                .rev()
                .find(|m| {
                    m.tag
                        .as_ref()
                        .is_some_and(|t| tagged(t, loc.entry, loc.name.as_deref()))
                })
                .or_else(|| {
                    measurements
                        .iter()
                        .rev()
                        .find(|m| single && m.tag.is_none())
                })
                .cloned()
        })
        .collect();
    let unassigned = measurements
        .iter()
        .rev()
        .find(|m| match &m.tag {
            None => !single,
            Some(t) => !locations
                .iter()
                .any(|l| tagged(t, l.entry, l.name.as_deref())),
        })
        .cloned();
    Placed {
        per_location,
        unassigned,
    }
}

/// How ready a measured computer is for the online workplace.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Readiness {
    Ready,
    Marginal,
    NotReady,
    /// The payload has no verdict.
    Unknown,
}

/// One measured computer.
#[derive(Clone, Debug, PartialEq)]
pub struct Computer {
    pub hostname: String,
    /// "Windows 10 Pro 22H2", as the probe saw it.
    pub os: String,
    pub memory_gb: Option<f64>,
    pub readiness: Readiness,
    /// Why it is not ready or marginal (or every reason when ready), in both languages.
    pub reasons: Vec<Bilingual>,
    /// Windows 10 outside the LTSC editions (out of support since 14-10-2025).
    pub windows10: bool,
}

fn text(j: &J, key: &str) -> Option<String> {
    j.get(key)
        .and_then(J::as_str)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

fn readiness(r: &J) -> Readiness {
    match (
        r.get("verdict").and_then(J::as_str),
        r.get("ready").and_then(J::as_bool),
    ) {
        (Some(v), _) => match v.trim().to_lowercase().replace(['-', ' '], "_").as_str() {
            "ready" | "ok" | "pass" | "passed" | "good" => Readiness::Ready,
            "not_ready" | "fail" | "failed" | "blocker" | "unsupported" | "insufficient" => {
                Readiness::NotReady
            }
            // Unknown words count as marginal, so a human looks at them.
            _ => Readiness::Marginal,
        },
        (None, Some(true)) => Readiness::Ready,
        (None, Some(false)) => Readiness::NotReady,
        (None, None) => Readiness::Unknown,
    }
}

/// A reason as `{nl, en}`, `{message}` or a plain string.
fn reason(x: &J) -> Option<(Bilingual, bool)> {
    let ready = x.get("verdict").and_then(J::as_str) == Some("ready");
    let b = match x {
        J::String(s) => Bilingual {
            nl: s.clone(),
            en: s.clone(),
        },
        J::Object(o) => {
            let any = ["message", "reason", "text", "detail"]
                .iter()
                .find_map(|k| o.get(*k).and_then(J::as_str));
            let nl = o.get("nl").and_then(J::as_str).or(any)?;
            let en = o.get("en").and_then(J::as_str).unwrap_or(nl);
            Bilingual {
                nl: nl.to_string(),
                en: en.to_string(),
            }
        }
        _ => return None,
    };
    (!b.nl.trim().is_empty()).then_some((b, ready))
}

/// Windows 10 by the probe's names, not an LTSC edition (supported longer).
fn is_windows10(p: &J) -> bool {
    let names = format!(
        "{} {}",
        text(p, "os_name").unwrap_or_default(),
        text(p, "os_long_version").unwrap_or_default()
    )
    .to_lowercase();
    let version = text(p, "os_version").unwrap_or_default();
    let major = version
        .split(|c: char| !c.is_ascii_digit())
        .next()
        .unwrap_or("");
    names.contains("windows") && major == "10" && !names.contains("ltsc") && !names.contains("ltsb")
}

/// The workstation probes, the newest per machine, in hostname order.
pub fn computers(probes: &[ProbeRecord]) -> Vec<Computer> {
    let mut newest: std::collections::BTreeMap<String, &ProbeRecord> = Default::default();
    for p in probes.iter().filter(|p| p.kind == "workstation") {
        let key = text(&p.payload, "hostname").unwrap_or_else(|| p.machine_key.clone());
        match newest.get(&key) {
            Some(q) if q.measured_at > p.measured_at => {}
            _ => {
                newest.insert(key, p);
            }
        }
    }
    newest
        .into_iter()
        .map(|(host, p)| {
            let j = &p.payload;
            let r = j.get("readiness").cloned().unwrap_or(J::Null);
            let readiness = readiness(&r);
            let all: Vec<(Bilingual, bool)> = r
                .get("reasons")
                .and_then(J::as_array)
                .map(|a| a.iter().filter_map(reason).take(10).collect())
                .unwrap_or_default();
            let reasons = if readiness == Readiness::Ready {
                Vec::new()
            } else {
                all.into_iter()
                    .filter(|(_, ready)| !ready)
                    .map(|(b, _)| b)
                    .collect()
            };
            let os = [text(j, "os_long_version"), text(j, "os_name")]
                .into_iter()
                .flatten()
                .next()
                .map(|name| match text(j, "os_version") {
                    // "Windows 10 Pro 22H2" already says 10; "Windows" alone does not.
                    Some(v) if !name.contains(v.split(' ').next().unwrap_or(&v)) => {
                        format!("{name} {v}")
                    }
                    _ => name,
                })
                .unwrap_or_default();
            Computer {
                hostname: host,
                os,
                memory_gb: j
                    .get("memory_total_bytes")
                    .and_then(J::as_u64)
                    .map(|b| b as f64 / 1e9),
                readiness,
                reasons,
                windows10: is_windows10(j),
            }
        })
        .collect()
}

/// A device the LAN scan found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LanDevice {
    pub address: String,
    pub hostname: Option<String>,
}

impl LanDevice {
    /// "printer.local (192.168.1.20)" or the address alone.
    pub fn label(&self) -> String {
        match &self.hostname {
            Some(h) => format!("{h} ({})", self.address),
            None => self.address.clone(),
        }
    }
}

/// The newest LAN scan's inventory by role.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct LanInventory {
    pub networks: Vec<String>,
    pub printers: Vec<LanDevice>,
    pub servers: Vec<LanDevice>,
    pub network_devices: Vec<LanDevice>,
    pub workstations: usize,
    pub other: usize,
}

impl LanInventory {
    pub fn hosts(&self) -> usize {
        self.printers.len()
            + self.servers.len()
            + self.network_devices.len()
            + self.workstations
            + self.other
    }
}

/// The newest LAN scan, if any.
pub fn lan(probes: &[ProbeRecord]) -> Option<LanInventory> {
    let p = probes
        .iter()
        .filter(|p| p.kind == "lan")
        .max_by_key(|p| p.measured_at)?;
    let mut inv = LanInventory {
        networks: p
            .payload
            .get("networks")
            .and_then(J::as_array)
            .map(|a| a.iter().filter_map(J::as_str).map(str::to_owned).collect())
            .unwrap_or_default(),
        ..LanInventory::default()
    };
    for h in p
        .payload
        .get("hosts")
        .and_then(J::as_array)
        .into_iter()
        .flatten()
    {
        let dev = LanDevice {
            address: text(h, "address").unwrap_or_else(|| "?".into()),
            hostname: text(h, "hostname"),
        };
        match h.get("role").and_then(J::as_str) {
            Some("printer") => inv.printers.push(dev),
            Some("server") => inv.servers.push(dev),
            Some("network_device") => inv.network_devices.push(dev),
            Some("workstation") => inv.workstations += 1,
            _ => inv.other += 1,
        }
    }
    Some(inv)
}
