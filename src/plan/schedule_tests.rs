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
