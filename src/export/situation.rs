//! The current situation as the report shows it: every location with its link and where the
//! figures come from, an unassigned measurement apart, the measured computers with their
//! readiness and reasons, users, applications, the LAN inventory and every other answer.

use crate::advice::model::{IntakeModel, LinkSource};
use crate::advice::observed::Readiness;
use crate::form::Lang;
use crate::report::{
    AppRow, LinkLatencyRow, LocationRow, Severity, TopicRows, UnassignedRow, UserRow,
    WorkstationRow,
};

/// The situation's parts of the report input.
pub(crate) struct Situation {
    pub locations: Vec<LocationRow>,
    pub unassigned: Option<UnassignedRow>,
    /// Idle and loaded latency per location, from the measurement the matcher placed there.
    pub link_latency: Vec<LinkLatencyRow>,
    pub workstations: Vec<WorkstationRow>,
    pub coverage: Option<String>,
    pub users: Vec<UserRow>,
    pub apps: Vec<AppRow>,
    pub topics: Vec<TopicRows>,
    pub lan: Vec<(String, String)>,
}

/// The LAN inventory's row label of `kind`.
fn lan_label(lang: Lang, kind: &str) -> String {
    let id = match kind {
        "networks" => "lan-networks",
        "printers" => "lan-printers",
        "servers" => "lan-servers",
        "network_devices" => "lan-network-devices",
        "workstations" => "lan-workstations",
        _ => "lan-other",
    };
    crate::i18n::message(lang, id, None)
}

fn readiness(r: Readiness) -> Severity {
    match r {
        Readiness::Ready => Severity::Ok,
        Readiness::Marginal | Readiness::Unknown => Severity::Attention,
        Readiness::NotReady => Severity::Blocker,
    }
}

impl Situation {
    pub(crate) fn of(m: &IntakeModel, lang: Lang) -> Situation {
        let locations = m
            .locations
            .iter()
            .map(|loc| LocationRow {
                name: loc.label(lang),
                workstations: loc.workstations_counted.unwrap_or(0),
                down_mbps: loc.down_mbps,
                up_mbps: loc.up_mbps,
                measured: loc.source == LinkSource::Measured,
                needed_down_mbps: loc.needed_down_mbps.unwrap_or(0.0),
                needed_up_mbps: loc.needed_up_mbps.unwrap_or(0.0),
            })
            .collect();
        let unassigned = m.unassigned.as_ref().map(|u| UnassignedRow {
            down_mbps: u.down_mbps,
            up_mbps: u.up_mbps,
            measured_on: u.at.date(),
        });
        let link_latency = m
            .locations
            .iter()
            .filter_map(|loc| {
                let ms = loc.measured.as_ref()?;
                Some(LinkLatencyRow {
                    location: loc.label(lang),
                    idle_ms: Some(ms.latency_ms?),
                    loaded_down_ms: ms.loaded_latency_down_ms,
                    loaded_up_ms: ms.loaded_latency_up_ms,
                })
            })
            .collect();
        let workstations = m
            .computers
            .iter()
            .map(|c| WorkstationRow {
                hostname: c.hostname.clone(),
                os: c.os.clone(),
                memory_gb: c.memory_gb,
                verdict: readiness(c.readiness),
                reason: c
                    .reasons
                    .iter()
                    .map(|r| r.get(lang))
                    .collect::<Vec<_>>()
                    .join("; "),
            })
            .collect();
        let coverage = m
            .computers_known()
            .map(|k| crate::t!(lang, "measured-of", measured = m.measured(), total = k));
        let users = m
            .users
            .iter()
            .filter(|u| u.name.is_some())
            .map(|u| UserRow {
                name: u.name.clone().unwrap_or_default(),
                email: u.email.clone().unwrap_or_default(),
                role: u.role.clone().unwrap_or_default(),
                has_mobile: u.has_mobile,
                options: u.options_shown.get(lang).to_string(),
            })
            .collect();
        let apps = m
            .apps
            .iter()
            .map(|a| AppRow {
                name: a.name.clone(),
                details: a
                    .rows
                    .iter()
                    .filter(|r| r.path != "apps.name")
                    .map(|r| format!("{}: {}", r.label.get(lang), r.text.get(lang)))
                    .collect::<Vec<_>>()
                    .join("; "),
            })
            .collect();
        let mut topics: Vec<TopicRows> = Vec::new();
        for loc in &m.locations {
            // The name and workstations are in the locations table; the rest goes here.
            let rows: Vec<(String, String)> = loc
                .rows
                .iter()
                .filter(|r| r.path != "locations.name" && r.path != "locations.workstations")
                .map(|r| (r.label.get(lang).to_string(), r.text.get(lang).to_string()))
                .collect();
            if !rows.is_empty() {
                topics.push(TopicRows {
                    title: loc.label(lang),
                    rows,
                });
            }
        }
        topics.extend(m.topics.iter().map(|t| {
            TopicRows {
                title: t.title.get(lang).to_string(),
                rows: t
                    .rows
                    .iter()
                    .map(|r| (r.label.get(lang).to_string(), r.text.get(lang).to_string()))
                    .collect(),
            }
        }));
        let lan = m
            .lan
            .as_ref()
            .map(|inv| {
                let count = |n: usize| if n > 0 { n.to_string() } else { String::new() };
                let list = |d: &[crate::advice::observed::LanDevice]| {
                    d.iter().map(|x| x.label()).collect::<Vec<_>>().join(", ")
                };
                [
                    ("networks", inv.networks.join(", ")),
                    ("printers", list(&inv.printers)),
                    ("servers", list(&inv.servers)),
                    ("network_devices", list(&inv.network_devices)),
                    ("workstations", count(inv.workstations)),
                    ("other", count(inv.other)),
                ]
                .into_iter()
                .filter(|(_, v)| !v.is_empty())
                .map(|(k, v)| (lan_label(lang, k), v))
                .collect()
            })
            .unwrap_or_default();
        Situation {
            locations,
            unassigned,
            link_latency,
            workstations,
            coverage,
            users,
            apps,
            topics,
            lan,
        }
    }
}
