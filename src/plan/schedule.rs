//! Scheduling on the customer's calendar.
//!
//! The intake phase is done: it ends on the intake's date. The phases after it start no earlier
//! than the report date (`start`): quote and signing begin then, measures after the signing.
//! Each phase lasts its days on its own calendar ([`Days`]): office days, or the customer's
//! migration window for the migration and the cut-over (`in_window`), never in a closure
//! period. Forward, as early as possible, this gives the earliest go-live. A requested go-live
//! before it is not moved silently: `go_live_too_early` is set and the plan keeps the earliest
//! feasible date. A later requested go-live is kept (rolled to an allowed day) and the phases
//! marked `backward` are scheduled back from it, so the migration lands just before the
//! go-live and the slack lies between the order and the migration.

use super::config::{Per, PhaseDef, PlanConfig, When};
use super::days::{Days, MigrationWindow};
use crate::quote::{Lang, iso};
use serde_json::{Value, json};
use time::Date;

/// Longest phase, in working days, whatever the input (about five years): keeps runaway input
/// (say 4 billion GB) from producing dates beyond the calendar.
pub const MAX_PHASE_DAYS: u32 = 1300;

/// What the plan is made from; the lead maps answers and advice into this.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanInput {
    /// The report date: nothing after the intake starts before it.
    pub start: Date,
    /// The intake's date: the intake phase ends here (`None`: on `start`).
    pub intake_date: Option<Date>,
    /// The go-live the customer wants, if any.
    pub go_live: Option<Date>,
    pub workstations: u32,
    /// Migration as a project (FAQ 1.4) instead of with the manual.
    pub migration_project: bool,
    /// Data and e-mail volume to migrate, whole GB.
    pub data_gb: u32,
    /// The domain stays at another hosting provider: a DNS change (FAQ 1.32).
    pub domain_elsewhere: bool,
    /// Business software to host as custom work (FAQ 1.5).
    pub custom_hosting: bool,
    pub locations: u32,
    /// The advice asks for measures (cabling, connection upgrade) before migrating (FAQ 3.5).
    pub measures: bool,
    /// When the migration and cut-over may happen.
    pub window: MigrationWindow,
    /// Periods the customer is closed (inclusive): no phase after the intake uses these days.
    pub closures: Vec<(Date, Date)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Phase {
    pub id: String,
    pub name_nl: String,
    pub name_en: String,
    /// First day of the phase.
    pub start: Date,
    /// Last day of the phase (inclusive).
    pub end: Date,
    /// Days the phase takes on its calendar (working days, or window days).
    pub working_days: u32,
    /// The phase uses the customer's migration window.
    pub in_window: bool,
}

impl Phase {
    /// The phase's name in `lang` (both are filled from `plan.ftl` when the plan is made).
    pub fn name(&self, lang: Lang) -> &str {
        lang.pick(&self.name_nl, &self.name_en)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// In schedule order (start dates never decrease along a dependency).
    pub phases: Vec<Phase>,
    /// Earliest go-live the phases allow.
    pub earliest_go_live: Date,
    pub requested_go_live: Option<Date>,
    /// The go-live in this plan: the later of the earliest and the requested one.
    pub go_live: Date,
    /// The requested go-live is before the earliest possible one (a finding, not a silent shift).
    pub go_live_too_early: bool,
    /// Working days between the earliest and the planned go-live (0 without a later request).
    pub slack_working_days: u32,
    /// Phases were scheduled back from the requested go-live.
    pub backward: bool,
    pub window: MigrationWindow,
    pub closures: Vec<(Date, Date)>,
}

fn applies(when: When, cfg: &PlanConfig, input: &PlanInput) -> bool {
    match when {
        When::Always => true,
        When::Quote => input.workstations >= cfg.quote_threshold_workstations,
        When::Measures => input.measures,
        When::MigrationManual => !input.migration_project,
        When::MigrationProject => input.migration_project,
        When::DomainElsewhere => input.domain_elsewhere,
        When::CustomHosting => input.custom_hosting,
    }
}

/// Base days plus `days` per started `step` of the counted quantity, capped at [`MAX_PHASE_DAYS`].
fn duration(def: &PhaseDef, input: &PlanInput) -> u32 {
    let mut total = u64::from(def.days);
    for x in &def.extra {
        let value = match x.per {
            Per::DataGb => input.data_gb,
            Per::Workstations => input.workstations,
            Per::Locations => input.locations,
        };
        total += u64::from(value.div_ceil(x.step)) * u64::from(x.days);
    }
    u32::try_from(total.min(u64::from(MAX_PHASE_DAYS))).unwrap_or(MAX_PHASE_DAYS)
}

/// One forward pass. `go_live`: the day the go-live phase may start at the earliest (the
/// request), or `None` for as early as possible. Returns per phase its (start, end) if it
/// applies, and the go-live phase's earliest start.
struct Pass {
    spans: Vec<Option<(Date, Date)>>,
    /// For each phase, the last day its successors wait for (its end, or for a phase that does
    /// not apply the latest end of its own predecessors).
    ends: Vec<Option<Date>>,
    earliest: Date,
    go_live: Date,
}

fn forward(cfg: &PlanConfig, input: &PlanInput, days: &[u32], request: Option<Date>) -> Pass {
    let office = office(cfg, input);
    let intake_day = input.intake_date.unwrap_or(input.start);
    // Nothing after the intake starts before the report date (or before the intake's date).
    let release = office.on_or_after(input.start.max(intake_day));
    let mut spans = vec![None; cfg.phases.len()];
    let mut ends: Vec<Option<Date>> = vec![None; cfg.phases.len()];
    let (mut earliest, mut go_live) = (release, release);
    for (i, def) in cfg.phases.iter().enumerate() {
        let cal = calendar(cfg, input, def);
        if def.at_intake {
            // Done: it ends on the intake's date; its successors start at the release day.
            let end = office.on_or_before(intake_day);
            spans[i] = Some((office.start_of(end, days[i]), end));
            ends[i] = Some(office.before(release));
            continue;
        }
        let dep_end = def.after.iter().filter_map(|&j| ends[j]).max();
        let from = dep_end
            .map_or(release, |e| e.next_day().unwrap_or(e))
            .max(release);
        let mut start = cal.on_or_after(from);
        if def.go_live {
            earliest = start;
            if let Some(r) = request {
                // A weekend cut-over takes the weekend before a requested weekday, when it can.
                let before = cal.on_or_before(r);
                let target = if cal.weekend && before >= start {
                    before
                } else {
                    cal.on_or_after(r)
                };
                start = start.max(target);
            }
            go_live = start;
        }
        if !applies(def.when, cfg, input) {
            ends[i] = dep_end;
            continue;
        }
        let end = cal.end_of(start, days[i]);
        spans[i] = Some((start, end));
        ends[i] = Some(end);
    }
    Pass {
        spans,
        ends,
        earliest,
        go_live,
    }
}

fn office<'a>(cfg: &PlanConfig, input: &'a PlanInput) -> Days<'a> {
    Days {
        rules: cfg.holidays,
        weekend: false,
        closures: &input.closures,
    }
}

fn calendar<'a>(cfg: &PlanConfig, input: &'a PlanInput, def: &PhaseDef) -> Days<'a> {
    Days {
        weekend: def.in_window && input.window == MigrationWindow::Weekend,
        ..office(cfg, input)
    }
}

/// Moves the `backward` phases as late as their successors allow, latest first. A phase never
/// moves before its forward start, so dependencies on earlier phases still hold.
fn backward(cfg: &PlanConfig, input: &PlanInput, days: &[u32], pass: &mut Pass) {
    let n = cfg.phases.len();
    // limit[i]: phase i must end before this day (exclusive), from its successors' starts; a
    // phase that does not apply passes its own limit on.
    let mut limit: Vec<Option<Date>> = vec![None; n];
    for i in (0..n).rev() {
        let def = &cfg.phases[i];
        let bound = |j: usize| -> Option<Date> {
            match pass.spans[j] {
                Some((s, _)) => Some(s),
                None => limit[j],
            }
        };
        limit[i] = (i + 1..n)
            .filter(|&j| cfg.phases[j].after.contains(&i))
            .filter_map(bound)
            .min();
        let (Some((start0, _)), Some(lim), true) = (pass.spans[i], limit[i], def.backward) else {
            continue;
        };
        let cal = calendar(cfg, input, def);
        let end = cal.before(lim);
        let start = cal.start_of(end, days[i]);
        if start > start0 {
            pass.spans[i] = Some((start, end));
            pass.ends[i] = Some(end);
        }
    }
}

/// Makes the plan. Never fails: the configuration was checked when read.
pub fn make_plan(cfg: &PlanConfig, input: &PlanInput) -> Plan {
    let days: Vec<u32> = cfg.phases.iter().map(|d| duration(d, input)).collect();
    let mut pass = forward(cfg, input, &days, input.go_live);
    let earliest_go_live = pass.earliest;
    let go_live_too_early = input.go_live.is_some_and(|r| r < earliest_go_live);
    let later = pass.go_live > earliest_go_live;
    if later {
        backward(cfg, input, &days, &mut pass);
    }
    let phases = cfg
        .phases
        .iter()
        .zip(&pass.spans)
        .zip(&days)
        .filter_map(|((def, span), &n)| {
            let (start, end) = (*span)?;
            Some(Phase {
                id: def.id.clone(),
                name_nl: def.name(Lang::Nl),
                name_en: def.name(Lang::En),
                start,
                end,
                working_days: n,
                in_window: def.in_window,
            })
        })
        .collect();
    let slack = if later {
        cfg.holidays
            .working_days_between(earliest_go_live, pass.go_live)
    } else {
        0
    };
    Plan {
        phases,
        earliest_go_live,
        requested_go_live: input.go_live,
        go_live: pass.go_live,
        go_live_too_early,
        slack_working_days: slack,
        backward: later,
        window: input.window,
        closures: input.closures.clone(),
    }
}

impl Plan {
    /// `{phases: [{id, name, start, end, working_days, in_window}], earliest_go_live,
    /// requested_go_live, go_live, go_live_too_early, slack_working_days, backward, window,
    /// closures: [{from, until}]}`; dates as "YYYY-MM-DD", names in `lang`.
    pub fn to_json(&self, lang: Lang) -> Value {
        let phases: Vec<Value> = self
            .phases
            .iter()
            .map(|p| {
                json!({
                    "id": p.id,
                    "name": p.name(lang),
                    "start": iso(p.start),
                    "end": iso(p.end),
                    "working_days": p.working_days,
                    "in_window": p.in_window,
                })
            })
            .collect();
        json!({
            "phases": phases,
            "earliest_go_live": iso(self.earliest_go_live),
            "requested_go_live": self.requested_go_live.map(iso),
            "go_live": iso(self.go_live),
            "go_live_too_early": self.go_live_too_early,
            "slack_working_days": self.slack_working_days,
            "backward": self.backward,
            "window": self.window.as_str(),
            "closures": self.closures.iter().map(|(a, b)| json!({"from": iso(*a), "until": iso(*b)})).collect::<Vec<_>>(),
        })
    }
}

#[cfg(test)]
#[path = "schedule_tests.rs"]
mod tests;
