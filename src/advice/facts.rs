//! Facts: the intake model ([`IntakeModel`]) as values the rules read as `facts.*`, next to the
//! answers. In a `for_each = "locations"` rule the link and the needed bandwidth are the current
//! location's. The facts compute nothing of their own: the model is the one reading of the
//! answers and probes.

use super::model::{IntakeModel, LinkSource};
use super::observed::Readiness;
use super::rules::Rules;
use crate::form::Lang;
use crate::form::Value;
use crate::form::expr::Ty;
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
    ("provider", Ty::Text, Scope::Global),
    ("workstations", Ty::Int, Scope::Global),
    ("users", Ty::Int, Scope::Global),
    ("users_without_mobile", Ty::Int, Scope::Global),
    ("users_without_mobile_names", Ty::Text, Scope::Global),
    ("locations", Ty::Int, Scope::Global),
    ("locations_cabling_not_ok", Ty::Int, Scope::Global),
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
    ("unassigned_download_mbps", Ty::Num, Scope::Global),
    ("unassigned_upload_mbps", Ty::Num, Scope::Global),
    ("latency_fine_ms", Ty::Num, Scope::Global),
    ("latency_max_ms", Ty::Num, Scope::Global),
    ("computers_known", Ty::Int, Scope::Global),
    ("workstations_measured", Ty::Int, Scope::Global),
    ("workstations_unmeasured", Ty::Int, Scope::Global),
    ("workstations_ready", Ty::Int, Scope::Global),
    ("workstations_marginal", Ty::Int, Scope::Global),
    ("workstations_not_ready", Ty::Int, Scope::Global),
    ("windows10", Ty::Bool, Scope::Global),
    ("windows10_measured", Ty::Int, Scope::Global),
    ("windows10_list", Ty::Text, Scope::Global),
    ("peripherals", Ty::Int, Scope::Global),
    ("server_roles", Ty::Text, Scope::Global),
    ("lan_scanned", Ty::Bool, Scope::Global),
    ("lan_hosts", Ty::Int, Scope::Global),
    ("lan_printers", Ty::Int, Scope::Global),
    ("lan_servers", Ty::Int, Scope::Global),
    ("lan_network_devices", Ty::Int, Scope::Global),
    ("lan_printers_list", Ty::Text, Scope::Global),
    ("lan_servers_list", Ty::Text, Scope::Global),
    ("lan_network_devices_list", Ty::Text, Scope::Global),
    ("mailbox_gb", Ty::Num, Scope::Global),
    ("data_gb", Ty::Num, Scope::Global),
    ("migration_gb", Ty::Num, Scope::Global),
    ("quote_threshold_workstations", Ty::Int, Scope::Global),
    ("entry", Ty::Int, Scope::Entry),
    ("location_name", Ty::Text, Scope::Location),
    ("location_workstations", Ty::Int, Scope::Location),
    ("link_down_mbps", Ty::Num, Scope::Location),
    ("link_up_mbps", Ty::Num, Scope::Location),
    ("link_measured", Ty::Bool, Scope::Location),
    ("go_live_too_early", Ty::Bool, Scope::Plan),
    ("earliest_go_live", Ty::Date, Scope::Plan),
];

/// Facts whose text depends on the language (names and reasons the probes give in both
/// languages), for the rules' texts only: `facts.<name>.<lang>` among the values, the variable
/// `$<name>` in a message.
pub const LOCALIZED_FACTS: &[&str] = &["not_ready_list", "marginal_list", "peripherals_list"];

/// Longest list of names in a fact text; more are summarised as "+N".
const MAX_NAMES: usize = 10;

fn f(x: Option<f64>) -> Value {
    x.map_or(Value::Null, Value::Num)
}

fn int(n: usize) -> Value {
    Value::Int(i64::try_from(n).unwrap_or(i64::MAX))
}

fn opt_int(n: Option<u32>) -> Value {
    n.map_or(Value::Null, |n| Value::Int(i64::from(n)))
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

/// The computers of one readiness class as "PC-01 (reason; reason)" in `lang`.
fn readiness_list(m: &IntakeModel, class: Readiness, lang: Lang) -> Value {
    let list: Vec<String> = m
        .computers
        .iter()
        .filter(|c| c.readiness == class)
        .map(|c| {
            let why: Vec<&str> = c.reasons.iter().map(|r| r.get(lang)).collect();
            if why.is_empty() {
                c.hostname.clone()
            } else {
                format!("{} ({})", c.hostname, why.join("; "))
            }
        })
        .collect();
    names(&list)
}

/// The facts that hold for the whole intake.
pub fn global(rules: &Rules, m: &IntakeModel) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    let mut put = |k: &str, v: Value| {
        out.insert(format!("facts.{k}"), v);
    };
    put("provider", Value::Text(m.provider.clone()));
    put("workstations", opt_int(m.workstations));
    let named: Vec<_> = m.users.iter().filter(|u| u.name.is_some()).collect();
    let missing: Vec<String> = named
        .iter()
        .filter(|u| !u.has_mobile)
        .filter_map(|u| u.name.clone())
        .collect();
    put("users", int(named.len()));
    put("users_without_mobile", int(missing.len()));
    put("users_without_mobile_names", names(&missing));
    put("locations", int(m.locations.len()));
    put(
        "locations_cabling_not_ok",
        int(m
            .locations
            .iter()
            .filter(|l| l.cabling_ok != Some(true))
            .count()),
    );

    let w = &m.workload;
    put("workload", Value::Text(w.id.clone()));
    put("workload_assumed", Value::Bool(w.assumed));
    put("down_per_user_mbps", Value::Num(w.down_per_user_mbps));
    put("up_per_user_mbps", Value::Num(w.up_per_user_mbps));
    put("headroom", Value::Num(w.headroom));
    let ws = m.workstations.map(f64::from);
    put(
        "needed_down_mbps",
        f(ws.map(|n| n * w.down_per_user_mbps * w.headroom)),
    );
    put(
        "needed_up_mbps",
        f(ws.map(|n| n * w.up_per_user_mbps * w.headroom)),
    );
    put("latency_fine_ms", Value::Num(rules.sizing.latency_fine_ms));
    put("latency_max_ms", Value::Num(rules.sizing.latency_max_ms));

    let last = m.latest.as_ref();
    put("download_mbps", f(last.map(|b| b.down_mbps)));
    put("upload_mbps", f(last.and_then(|b| b.up_mbps)));
    put("latency_ms", f(last.and_then(|b| b.latency_ms)));
    put("jitter_ms", f(last.and_then(|b| b.jitter_ms)));
    put(
        "loaded_latency_ms",
        f(last.and_then(|b| b.loaded_latency_ms)),
    );
    put(
        "loaded_latency_download_ms",
        f(last.and_then(|b| b.loaded_latency_down_ms)),
    );
    put(
        "loaded_latency_upload_ms",
        f(last.and_then(|b| b.loaded_latency_up_ms)),
    );
    put(
        "loaded_latency_increase_ms",
        f(last.and_then(|b| b.loaded_increase_ms())),
    );
    put("bandwidth_measured", Value::Bool(last.is_some()));
    let un = m.unassigned.as_ref();
    put("measured_unassigned", Value::Bool(un.is_some()));
    put("unassigned_download_mbps", f(un.map(|b| b.down_mbps)));
    put("unassigned_upload_mbps", f(un.and_then(|b| b.up_mbps)));

    let count = |r: Readiness| m.computers.iter().filter(|c| c.readiness == r).count();
    let measured = m.measured();
    put("computers_known", opt_int(m.computers_known()));
    put("workstations_measured", int(measured));
    put(
        "workstations_unmeasured",
        opt_int(
            m.computers_known()
                .map(|k| k.saturating_sub(u32::try_from(measured).unwrap_or(u32::MAX))),
        ),
    );
    put("workstations_ready", int(count(Readiness::Ready)));
    put("workstations_marginal", int(count(Readiness::Marginal)));
    put("workstations_not_ready", int(count(Readiness::NotReady)));
    for lang in [Lang::Nl, Lang::En] {
        let code = lang.code();
        put(
            &format!("not_ready_list.{code}"),
            readiness_list(m, Readiness::NotReady, lang),
        );
        put(
            &format!("marginal_list.{code}"),
            readiness_list(m, Readiness::Marginal, lang),
        );
    }
    let w10: Vec<String> = m
        .windows10_computers()
        .iter()
        .map(|c| c.hostname.clone())
        .collect();
    put(
        "windows10",
        Value::Bool(m.windows10_answered || !w10.is_empty()),
    );
    put("windows10_measured", int(w10.len()));
    put("windows10_list", names(&w10));

    put("peripherals", int(m.peripherals.len()));
    let kinds = |lang: Lang| {
        let l: Vec<String> = m
            .peripherals
            .iter()
            .map(|p| p.name().get(lang).to_string())
            .collect();
        names(&l)
    };
    for lang in [Lang::Nl, Lang::En] {
        put(&format!("peripherals_list.{}", lang.code()), kinds(lang));
    }
    put(
        "server_roles",
        m.server_notes.clone().map_or(Value::Null, Value::Text),
    );

    let lan = m.lan.as_ref();
    put("lan_scanned", Value::Bool(lan.is_some()));
    put("lan_hosts", int(lan.map_or(0, |l| l.hosts())));
    let devices = |pick: fn(&super::observed::LanInventory) -> &Vec<super::observed::LanDevice>| {
        let l: Vec<String> = lan
            .map(|l| pick(l).iter().map(|d| d.label()).collect())
            .unwrap_or_default();
        (int(l.len()), names(&l))
    };
    for (name, pick) in [
        (
            "printers",
            (|l| &l.printers) as fn(&super::observed::LanInventory) -> &Vec<_>,
        ),
        ("servers", |l| &l.servers),
        ("network_devices", |l| &l.network_devices),
    ] {
        let (n, list) = devices(pick);
        put(&format!("lan_{name}"), n);
        put(&format!("lan_{name}_list"), list);
    }

    put("mailbox_gb", f(m.mailbox_gb));
    put("data_gb", f(m.data_gb));
    put("migration_gb", f(m.migration_gb()));
    put(
        "quote_threshold_workstations",
        Value::Int(i64::from(rules.quote_threshold)),
    );
    for (k, v) in &rules.limits {
        put(k, Value::Num(*v));
    }
    out
}

/// Facts of repeat entry `i` (from 1) of `group`, on top of the global ones.
pub fn entry(
    m: &IntakeModel,
    global: &BTreeMap<String, Value>,
    group: &str,
    i: usize,
) -> BTreeMap<String, Value> {
    let mut out = global.clone();
    out.insert("facts.entry".into(), int(i));
    if group != "locations" {
        return out;
    }
    let Some(loc) = m.locations.get(i.wrapping_sub(1)) else {
        return out;
    };
    let mut put = |k: &str, v: Value| {
        out.insert(format!("facts.{k}"), v);
    };
    // Named, or its number: "Locatie {facts.location_name}" reads "Locatie 2".
    put(
        "location_name",
        Value::Text(loc.name.clone().unwrap_or_else(|| loc.entry.to_string())),
    );
    put("location_workstations", opt_int(loc.workstations_counted));
    put("needed_down_mbps", f(loc.needed_down_mbps));
    put("needed_up_mbps", f(loc.needed_up_mbps));
    put("link_down_mbps", f(loc.down_mbps));
    put("link_up_mbps", f(loc.up_mbps));
    put(
        "link_measured",
        Value::Bool(loc.source == LinkSource::Measured),
    );
    out
}
