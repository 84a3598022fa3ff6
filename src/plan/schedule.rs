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
                    "name": match lang { Lang::Nl => &p.name_nl, Lang::En => &p.name_en },
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
mod tests {
    use super::*;
    use time::macros::date;

    fn cfg() -> PlanConfig {
        PlanConfig::embedded().unwrap()
    }

    fn base(start: Date) -> PlanInput {
        PlanInput {
            start,
            go_live: None,
            workstations: 12,
            migration_project: true,
            data_gb: 120,
            domain_elsewhere: true,
            custom_hosting: false,
            locations: 1,
            measures: false,
            intake_date: None,
            window: MigrationWindow::Any,
            closures: Vec::new(),
        }
    }

    fn span(p: &Plan, id: &str) -> (Date, Date, u32) {
        let ph = p
            .phases
            .iter()
            .find(|x| x.id == id)
            .unwrap_or_else(|| panic!("no phase {id}"));
        (ph.start, ph.end, ph.working_days)
    }

    /// The intake on Wednesday 25 March 2026, the report the day after.
    fn march() -> PlanInput {
        let mut i = base(date!(2026 - 03 - 26));
        i.intake_date = Some(date!(2026 - 03 - 25));
        i
    }

    #[test]
    fn plan_across_easter_and_koningsdag_2026() {
        let p = make_plan(&cfg(), &march());
        // intake 2 + 1 location = 3 days ending on the intake's date: Mon 23 .. Wed 25 March.
        assert_eq!(
            span(&p, "intake"),
            (date!(2026 - 03 - 23), date!(2026 - 03 - 25), 3)
        );
        // 12 workstations >= 10: quote 5 days from the report date, Thu 26 .. Wed 1 April.
        assert_eq!(
            span(&p, "quote"),
            (date!(2026 - 03 - 26), date!(2026 - 04 - 01), 5)
        );
        assert_eq!(
            span(&p, "order"),
            (date!(2026 - 04 - 02), date!(2026 - 04 - 02), 1)
        );
        // Goede Vrijdag 3 April is worked by default.
        assert_eq!(
            span(&p, "delivery"),
            (date!(2026 - 04 - 03), date!(2026 - 04 - 03), 1)
        );
        // 5 + ceil(120/50) = 8 days; Easter Monday 6 April skipped: Tue 7 .. Thu 16 April.
        assert_eq!(
            span(&p, "migration_project"),
            (date!(2026 - 04 - 07), date!(2026 - 04 - 16), 8)
        );
        assert_eq!(
            span(&p, "dns_change"),
            (date!(2026 - 04 - 17), date!(2026 - 04 - 20), 2)
        );
        // 1 + ceil(12/20) = 2 days.
        assert_eq!(
            span(&p, "training"),
            (date!(2026 - 04 - 21), date!(2026 - 04 - 22), 2)
        );
        assert_eq!(p.earliest_go_live, date!(2026 - 04 - 23));
        // Aftercare 10 days from Fri 24 April; Koningsdag Mon 27 April skipped; 5 May 2026 worked.
        assert_eq!(
            span(&p, "aftercare"),
            (date!(2026 - 04 - 24), date!(2026 - 05 - 08), 10)
        );
        assert!(
            !p.phases
                .iter()
                .any(|x| x.id == "migration_manual" || x.id == "measures")
        );
    }

    #[test]
    fn too_early_go_live_is_flagged_not_moved_silently() {
        let mut i = march();
        i.go_live = Some(date!(2026 - 04 - 10));
        let p = make_plan(&cfg(), &i);
        assert!(p.go_live_too_early);
        assert_eq!(
            (p.go_live, p.earliest_go_live),
            (date!(2026 - 04 - 23), date!(2026 - 04 - 23))
        );
        let j = p.to_json(Lang::Nl);
        assert_eq!(j["go_live_too_early"], true);
        assert_eq!(j["requested_go_live"], "2026-04-10");
        assert_eq!(j["phases"][0]["name"], "Intake en advies");
        assert_eq!(j["phases"][0]["start"], "2026-03-23");
    }

    #[test]
    fn later_go_live_is_kept_rolled_to_a_working_day_and_scheduled_back_from() {
        let mut i = march();
        i.go_live = Some(date!(2026 - 05 - 16)); // a Saturday
        let p = make_plan(&cfg(), &i);
        assert!(!p.go_live_too_early && p.backward);
        assert_eq!(span(&p, "go_live").0, date!(2026 - 05 - 18));
        assert_eq!(span(&p, "aftercare").0, date!(2026 - 05 - 19));
        // Back from Monday 18 May: training Wed 13 and Fri 15 (Ascension Day 14 May off), DNS
        // Mon 11 .. Tue 12, migration 8 days Wed 29 April .. Fri 8 May.
        assert_eq!(
            span(&p, "training"),
            (date!(2026 - 05 - 13), date!(2026 - 05 - 15), 2)
        );
        assert_eq!(
            span(&p, "dns_change"),
            (date!(2026 - 05 - 11), date!(2026 - 05 - 12), 2)
        );
        assert_eq!(
            span(&p, "migration_project"),
            (date!(2026 - 04 - 29), date!(2026 - 05 - 08), 8)
        );
        // Quote, order and delivery stay early; the slack (23 April .. 15 May less Koningsdag
        // and Ascension Day) lies before the migration.
        assert_eq!(span(&p, "delivery").0, date!(2026 - 04 - 03));
        assert_eq!(p.slack_working_days, 15);
    }

    #[test]
    fn weekend_window_and_closure() {
        let mut i = march();
        i.window = MigrationWindow::Weekend;
        i.closures = vec![(date!(2026 - 04 - 06), date!(2026 - 04 - 19))];
        let p = make_plan(&cfg(), &i);
        // Delivery Fri 3 April; Easter Sunday 5 April is a holiday and the closure 6 .. 19 April
        // holds the weekends of 11 and 18 April: the 8 migration days are 4 April, then 25, 26
        // April, 2, 3, 9, 10 and 16 May.
        assert_eq!(
            span(&p, "migration_project"),
            (date!(2026 - 04 - 04), date!(2026 - 05 - 16), 8)
        );
        // DNS (18, 19 May) and training (20, 21 May) on working days, the cut-over on the next
        // weekend day, Saturday 23 May (Whit Sunday the 24th is a holiday).
        assert_eq!(span(&p, "dns_change").0, date!(2026 - 05 - 18));
        assert_eq!(span(&p, "go_live").0, date!(2026 - 05 - 23));
        assert_eq!(p.to_json(Lang::En)["window"], "weekend");
    }

    #[test]
    fn small_customer_manual_migration_with_measures_and_hosting() {
        let mut i = base(date!(2025 - 12 - 24)); // the report on Christmas Eve
        i.intake_date = Some(date!(2025 - 12 - 23));
        i.workstations = 4;
        i.migration_project = false;
        i.data_gb = 30;
        i.domain_elsewhere = false;
        i.custom_hosting = true;
        i.measures = true;
        let p = make_plan(&cfg(), &i);
        assert!(
            !p.phases
                .iter()
                .any(|x| x.id == "quote" || x.id == "dns_change")
        );
        // intake Fri 19, Mon 22, Tue 23 Dec (its date); order Wed 24; delivery Mon 29.
        assert_eq!(
            span(&p, "intake"),
            (date!(2025 - 12 - 19), date!(2025 - 12 - 23), 3)
        );
        assert_eq!(span(&p, "order").0, date!(2025 - 12 - 24));
        assert_eq!(span(&p, "delivery").0, date!(2025 - 12 - 29));
        // measures 10 days from Wed 24 Dec: 24, 29, 30, 31, 2, 5, 6, 7, 8, 9 Jan (1 Jan off).
        assert_eq!(
            span(&p, "measures"),
            (date!(2025 - 12 - 24), date!(2026 - 01 - 09), 10)
        );
        // manual migration waits for measures: 2 + ceil(30/50) = 3 days, Mon 12 .. Wed 14 Jan.
        assert_eq!(
            span(&p, "migration_manual"),
            (date!(2026 - 01 - 12), date!(2026 - 01 - 14), 3)
        );
        // custom hosting 15 days from Tue 30 Dec: ends Tue 20 Jan; training waits for it.
        assert_eq!(
            span(&p, "custom_hosting"),
            (date!(2025 - 12 - 30), date!(2026 - 01 - 20), 15)
        );
        assert_eq!(span(&p, "training").0, date!(2026 - 01 - 21));
    }

    #[test]
    fn absurd_volume_is_capped() {
        let mut i = base(date!(2026 - 03 - 23));
        i.data_gb = u32::MAX;
        let p = make_plan(&cfg(), &i);
        assert_eq!(span(&p, "migration_project").2, MAX_PHASE_DAYS);
    }
}
