//! Facts: computed values the rules read as `facts.*`, next to the answers.
//!
//! Global facts come from the answers (counts, volumes), the sizing data and the saved probes;
//! in a `for_each = "locations"` rule the link and the needed bandwidth are the current
//! location's. Probe payloads come from another part of the program and from files imported
//! from other machines, so they are read tolerantly: a field that is missing or of another type
//! is simply not a fact.

use super::rules::Rules;
use crate::form::expr::{Env, Ty};
use crate::form::{FormEnv, Value};
use crate::store::ProbeRecord;
use serde_json::Value as J;
use std::collections::BTreeMap;

/// Where a fact exists: everywhere, only per entry of a `for_each` rule, only per location,
/// or only once the migration plan is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    Global,
    Entry,
    Location,
    Plan,
}

/// Every computed fact with its type and scope (limits from the rules file come on top).
pub const FACTS: &[(&str, Ty, Scope)] = &[
    ("workstations", Ty::Int, Scope::Global),
    ("users", Ty::Int, Scope::Global),
    ("users_without_mobile", Ty::Int, Scope::Global),
    ("users_without_mobile_names", Ty::Text, Scope::Global),
    ("locations", Ty::Int, Scope::Global),
    ("workload", Ty::Text, Scope::Global),
    ("workload_assumed", Ty::Bool, Scope::Global),
    ("down_per_user_mbps", Ty::Num, Scope::Global),
    ("up_per_user_mbps", Ty::Num, Scope::Global),
    ("headroom", Ty::Num, Scope::Global),
    ("needed_down_mbps", Ty::Num, Scope::Global),
    ("needed_up_mbps", Ty::Num, Scope::Global),
    ("download_mbps", Ty::Num, Scope::Global),
    ("upload_mbps", Ty::Num, Scope::Global),
    ("latency_ms", Ty::Num, Scope::Global),
    ("jitter_ms", Ty::Num, Scope::Global),
    ("loaded_latency_ms", Ty::Num, Scope::Global),
    ("loaded_latency_download_ms", Ty::Num, Scope::Global),
    ("loaded_latency_upload_ms", Ty::Num, Scope::Global),
    ("loaded_latency_increase_ms", Ty::Num, Scope::Global),
    ("bandwidth_measured", Ty::Bool, Scope::Global),
    ("measured_unassigned", Ty::Bool, Scope::Global),
    ("latency_fine_ms", Ty::Num, Scope::Global),
    ("latency_max_ms", Ty::Num, Scope::Global),
    ("workstations_measured", Ty::Int, Scope::Global),
    ("workstations_ready", Ty::Int, Scope::Global),
    ("workstations_marginal", Ty::Int, Scope::Global),
    ("workstations_not_ready", Ty::Int, Scope::Global),
    ("not_ready_list", Ty::Text, Scope::Global),
    ("marginal_list", Ty::Text, Scope::Global),
    ("mailbox_gb", Ty::Num, Scope::Global),
    ("data_gb", Ty::Num, Scope::Global),
    ("migration_gb", Ty::Num, Scope::Global),
    ("quote_threshold_workstations", Ty::Int, Scope::Global),
    ("entry", Ty::Int, Scope::Entry),
    ("location_workstations", Ty::Int, Scope::Location),
    ("link_down_mbps", Ty::Num, Scope::Location),
    ("link_up_mbps", Ty::Num, Scope::Location),
    ("link_basis_nl", Ty::Text, Scope::Location),
    ("link_basis_en", Ty::Text, Scope::Location),
    ("go_live_too_early", Ty::Bool, Scope::Plan),
    ("earliest_go_live", Ty::Date, Scope::Plan),
];

/// Longest list of names in a fact text; more are summarised as "+N".
const MAX_NAMES: usize = 10;

/// One saved bandwidth measurement.
#[derive(Clone, Debug)]
struct Bandwidth {
    at: time::OffsetDateTime,
    location: Option<J>,
    down: f64,
    up: Option<f64>,
    latency: Option<f64>,
    jitter: Option<f64>,
    loaded: Option<f64>,
    /// Per direction (measurements from before they were kept have none).
    loaded_down: Option<f64>,
    loaded_up: Option<f64>,
}

impl Bandwidth {
    /// Bufferbloat: how far the worse direction's loaded latency rises over idle.
    fn loaded_increase(&self) -> Option<f64> {
        let idle = self.latency?;
        [self.loaded_down, self.loaded_up]
            .into_iter()
            .flatten()
            .map(|l| (l - idle).max(0.0))
            .reduce(f64::max)
    }
}

fn num(j: &J, key: &str) -> Option<f64> {
    j.get(key)?.as_f64().filter(|f| f.is_finite() && *f >= 0.0)
}

fn bandwidths(probes: &[ProbeRecord]) -> Vec<Bandwidth> {
    let mut out: Vec<Bandwidth> = probes
        .iter()
        .filter(|p| p.kind == "bandwidth")
        .filter_map(|p| {
            Some(Bandwidth {
                at: p.measured_at,
                location: p.payload.get("location").filter(|l| !l.is_null()).cloned(),
                down: num(&p.payload, "download_mbps")?,
                up: num(&p.payload, "upload_mbps"),
                latency: num(&p.payload, "latency_ms"),
                jitter: num(&p.payload, "jitter_ms"),
                loaded: num(&p.payload, "loaded_latency_ms"),
                loaded_down: num(&p.payload, "loaded_latency_download_ms"),
                loaded_up: num(&p.payload, "loaded_latency_upload_ms"),
            })
        })
        .collect();
    // Newest last, so `last()` is the measurement that counts.
    out.sort_by_key(|b| b.at);
    out
}

fn f(x: Option<f64>) -> Value {
    x.map_or(Value::Null, Value::Num)
}

fn int(n: usize) -> Value {
    Value::Int(i64::try_from(n).unwrap_or(i64::MAX))
}

fn names(list: &[String]) -> Value {
    if list.is_empty() {
        return Value::Null;
    }
    let mut s = list
        .iter()
        .take(MAX_NAMES)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if list.len() > MAX_NAMES {
        s.push_str(&format!(" +{}", list.len() - MAX_NAMES));
    }
    Value::Text(s)
}

/// Readiness of one workstation probe: 0 ready, 1 marginal, 2 not ready; `None` when the
/// payload has no verdict. Unknown verdict words count as marginal, so a human looks at them.
fn readiness(payload: &J) -> Option<(u8, String)> {
    let r = payload.get("readiness")?;
    let class = match (
        r.get("verdict").and_then(J::as_str),
        r.get("ready").and_then(J::as_bool),
    ) {
        (Some(v), _) => match v.trim().to_lowercase().replace(['-', ' '], "_").as_str() {
            "ready" | "ok" | "pass" | "passed" | "good" => 0,
            "not_ready" | "fail" | "failed" | "blocker" | "unsupported" | "insufficient" => 2,
            _ => 1,
        },
        (None, Some(true)) => 0,
        (None, Some(false)) => 2,
        (None, None) => return None,
    };
    let reasons: Vec<String> = r
        .get("reasons")
        .and_then(J::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|x| match x {
                    J::String(s) => Some(s.clone()),
                    J::Object(o) => ["message", "reason", "text", "detail"]
                        .iter()
                        .find_map(|k| o.get(*k).and_then(J::as_str).map(str::to_owned)),
                    _ => None,
                })
                .filter(|s| !s.trim().is_empty())
                .take(MAX_NAMES)
                .collect()
        })
        .unwrap_or_default();
    Some((class, reasons.join("; ")))
}

/// The facts that hold for the whole intake. `env` reads the answers (no facts yet).
pub fn global(rules: &Rules, env: &FormEnv<'_>, probes: &[ProbeRecord]) -> BTreeMap<String, Value> {
    let mut m = BTreeMap::new();
    let mut put = |k: &str, v: Value| {
        m.insert(format!("facts.{k}"), v);
    };
    let loc_ws = env.group_values("locations", "workstations");
    let loc_sum: Option<f64> = loc_ws.iter().filter_map(Value::as_f64).reduce(|a, b| a + b);
    let ws = env.value("workstations.count").as_f64().or(loc_sum);
    put(
        "workstations",
        ws.map_or(Value::Null, |w| Value::Int(w as i64)),
    );

    let user_names = env.group_values("users", "name");
    let mobiles = env.group_values("users", "mobile");
    let mut users = 0;
    let mut missing = Vec::new();
    for (i, n) in user_names.iter().enumerate() {
        if n.is_null() {
            continue;
        }
        users += 1;
        if mobiles.get(i).is_none_or(Value::is_null) {
            missing.push(n.as_str().unwrap_or_default().trim().to_string());
        }
    }
    put("users", int(users));
    put("users_without_mobile", int(missing.len()));
    put("users_without_mobile_names", names(&missing));
    put("locations", int(env.group_count("locations")));

    let s = &rules.sizing;
    let answered = env.value("workstations.workload");
    let chosen = answered.as_str().filter(|w| s.workloads.contains_key(*w));
    let workload = chosen.unwrap_or(&s.default_workload).to_string();
    let rate = s.workloads.get(&workload).copied().unwrap_or_default();
    put("workload", Value::Text(workload));
    put("workload_assumed", Value::Bool(chosen.is_none()));
    put("down_per_user_mbps", Value::Num(rate.down_mbps));
    put("up_per_user_mbps", Value::Num(rate.up_mbps));
    put("headroom", Value::Num(s.headroom));
    put(
        "needed_down_mbps",
        f(ws.map(|w| w * rate.down_mbps * s.headroom)),
    );
    put(
        "needed_up_mbps",
        f(ws.map(|w| w * rate.up_mbps * s.headroom)),
    );
    put("latency_fine_ms", Value::Num(s.latency_fine_ms));
    put("latency_max_ms", Value::Num(s.latency_max_ms));

    let bw = bandwidths(probes);
    let last = bw.last();
    put("download_mbps", f(last.map(|b| b.down)));
    put("upload_mbps", f(last.and_then(|b| b.up)));
    put("latency_ms", f(last.and_then(|b| b.latency)));
    put("jitter_ms", f(last.and_then(|b| b.jitter)));
    put("loaded_latency_ms", f(last.and_then(|b| b.loaded)));
    put(
        "loaded_latency_download_ms",
        f(last.and_then(|b| b.loaded_down)),
    );
    put(
        "loaded_latency_upload_ms",
        f(last.and_then(|b| b.loaded_up)),
    );
    put(
        "loaded_latency_increase_ms",
        f(last.and_then(Bandwidth::loaded_increase)),
    );
    put("bandwidth_measured", Value::Bool(last.is_some()));
    // With one location an untagged measurement is that location's; with several it cannot be
    // placed and is compared with all workstations instead.
    let unassigned =
        last.is_some_and(|b| b.location.is_none()) && env.group_count("locations") != 1;
    put("measured_unassigned", Value::Bool(unassigned));

    let (mut ready, mut marginal, mut not_ready) = (0, Vec::new(), Vec::new());
    for p in probes.iter().filter(|p| p.kind == "workstation") {
        let Some((class, why)) = readiness(&p.payload) else {
            continue;
        };
        let host = p
            .payload
            .get("hostname")
            .and_then(J::as_str)
            .unwrap_or(&p.machine_key);
        let label = if why.is_empty() {
            host.to_string()
        } else {
            format!("{host} ({why})")
        };
        match class {
            0 => ready += 1,
            1 => marginal.push(label),
            _ => not_ready.push(label),
        }
    }
    put(
        "workstations_measured",
        int(ready + marginal.len() + not_ready.len()),
    );
    put("workstations_ready", int(ready));
    put("workstations_marginal", int(marginal.len()));
    put("workstations_not_ready", int(not_ready.len()));
    put("marginal_list", names(&marginal));
    put("not_ready_list", names(&not_ready));

    let mail = env.value("email.size_gb").as_f64();
    let data = env.value("data.size_gb").as_f64();
    put("mailbox_gb", f(mail));
    put("data_gb", f(data));
    let total = match (mail, data) {
        (None, None) => None,
        (a, b) => Some(a.unwrap_or(0.0) + b.unwrap_or(0.0)),
    };
    put("migration_gb", f(total));
    put(
        "quote_threshold_workstations",
        Value::Int(i64::from(rules.quote_threshold)),
    );
    for (k, v) in &rules.limits {
        put(k, Value::Num(*v));
    }
    m
}

/// Whether a measurement's `location` tag names entry `i` (counted from 1) called `name`.
/// `intake probe bandwidth --location` checks its tag with this too.
pub(crate) fn tagged(tag: &J, i: usize, name: &Value) -> bool {
    match tag {
        J::Number(n) => n.as_u64() == u64::try_from(i).ok(),
        J::String(s) => {
            let s = s.trim();
            s.parse::<usize>().ok() == Some(i)
                || name
                    .as_str()
                    .is_some_and(|n| n.trim().eq_ignore_ascii_case(s))
        }
        _ => false,
    }
}

/// Facts of repeat entry `i` (from 1) of `group`, on top of the global ones. `env` is in that
/// entry's context.
pub fn entry(
    rules: &Rules,
    env: &FormEnv<'_>,
    global: &BTreeMap<String, Value>,
    group: &str,
    i: usize,
    probes: &[ProbeRecord],
) -> BTreeMap<String, Value> {
    let mut m = global.clone();
    m.insert("facts.entry".into(), int(i));
    if group != "locations" {
        return m;
    }
    let single = env.group_count("locations") == 1;
    let ws = env.value("locations.workstations").as_f64().or_else(|| {
        if single {
            global.get("facts.workstations").and_then(Value::as_f64)
        } else {
            None
        }
    });
    let down_rate = global
        .get("facts.down_per_user_mbps")
        .and_then(Value::as_f64)
        .unwrap_or(0.0);
    let up_rate = global
        .get("facts.up_per_user_mbps")
        .and_then(Value::as_f64)
        .unwrap_or(0.0);
    let h = rules.sizing.headroom;
    m.insert(
        "facts.location_workstations".into(),
        ws.map_or(Value::Null, |w| Value::Int(w as i64)),
    );
    m.insert(
        "facts.needed_down_mbps".into(),
        f(ws.map(|w| w * down_rate * h)),
    );
    m.insert(
        "facts.needed_up_mbps".into(),
        f(ws.map(|w| w * up_rate * h)),
    );

    let name = env.value("locations.name");
    let bw = bandwidths(probes);
    let measured = bw
        .iter()
        .rev()
        .find(|b| b.location.as_ref().is_some_and(|t| tagged(t, i, &name)))
        .or_else(|| bw.last().filter(|b| single && b.location.is_none()));
    let (down, up, basis) = match measured {
        Some(b) => (Some(b.down), b.up, ("gemeten", "measured")),
        None => (
            env.value("locations.down_mbps").as_f64(),
            env.value("locations.up_mbps").as_f64(),
            ("volgens abonnement", "subscribed"),
        ),
    };
    m.insert("facts.link_down_mbps".into(), f(down));
    m.insert("facts.link_up_mbps".into(), f(up));
    m.insert("facts.link_basis_nl".into(), Value::Text(basis.0.into()));
    m.insert("facts.link_basis_en".into(), Value::Text(basis.1.into()));
    m
}
