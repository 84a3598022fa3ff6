//! Property tests of the plan: every phase starts and ends on a working day, in dependency order.

use intake::plan::{
    Days, MigrationWindow, PlanConfig, PlanInput, add_working_days, is_working_day, make_plan,
    working_days_between,
};
use proptest::prelude::*;
use time::{Duration, macros::date};

fn input_strategy() -> impl Strategy<Value = PlanInput> {
    (
        (0i64..4000, prop::option::of(-30i64..200), -20i64..5),
        1u32..200,
        any::<bool>(),
        0u32..2000,
        any::<[bool; 3]>(),
        1u32..6,
        0usize..3,
        prop::option::of((0i64..120, 0i64..20)),
    )
        .prop_map(
            |((day, gl, intake), ws, mp, gb, [dom, ch, me], loc, window, closure)| {
                let start = date!(2024 - 01 - 01) + Duration::days(day);
                let window = [
                    MigrationWindow::Any,
                    MigrationWindow::Evening,
                    MigrationWindow::Weekend,
                ][window];
                PlanInput {
                    start,
                    intake_date: Some(start + Duration::days(intake)),
                    go_live: gl.map(|g| start + Duration::days(g)),
                    workstations: ws,
                    migration_project: mp,
                    data_gb: gb,
                    domain_elsewhere: dom,
                    custom_hosting: ch,
                    locations: loc,
                    measures: me,
                    window,
                    closures: closure
                        .map(|(from, len)| {
                            let a = start + Duration::days(from);
                            vec![(a, a + Duration::days(len))]
                        })
                        .unwrap_or_default(),
                }
            },
        )
}

proptest! {
    #[test]
    fn phases_fit_their_calendar_and_their_order(input in input_strategy()) {
        let cfg = PlanConfig::embedded().unwrap();
        let plan = make_plan(&cfg, &input);
        let intake_day = input.intake_date.unwrap_or(input.start);
        for p in &plan.phases {
            let def = cfg.phases.iter().find(|d| d.id == p.id).unwrap();
            if def.at_intake {
                // Done: ends on the intake's date (rolled back to a working day).
                prop_assert!(is_working_day(p.end) && p.end <= intake_day);
                continue;
            }
            let days = Days {
                rules: cfg.holidays,
                weekend: p.in_window && input.window == MigrationWindow::Weekend,
                closures: &input.closures,
            };
            prop_assert!(days.allows(p.start), "{} starts on {}", p.id, p.start);
            prop_assert!(days.allows(p.end), "{} ends on {}", p.id, p.end);
            prop_assert!(p.start <= p.end && p.start >= input.start.max(intake_day));
            // Its days are counted on its calendar, so no day it uses is a closure day.
            prop_assert_eq!(days.end_of(p.start, p.working_days), p.end, "{} length", p.id);
        }
        // a phase starts after every present phase it waits for has ended (on the intake's
        // last day at the earliest)
        for def in &cfg.phases {
            let Some(me) = plan.phases.iter().find(|p| p.id == def.id) else { continue };
            for &j in &def.after {
                if let Some(dep) = plan.phases.iter().find(|p| p.id == cfg.phases[j].id) {
                    if cfg.phases[j].at_intake {
                        prop_assert!(dep.end <= me.start, "{} before {}", dep.id, me.id);
                    } else {
                        prop_assert!(dep.end < me.start, "{} before {}", dep.id, me.id);
                    }
                }
            }
        }
        let go = plan.phases.iter().find(|p| p.id == "go_live").unwrap();
        prop_assert_eq!(go.start, plan.go_live);
        prop_assert!(plan.go_live >= plan.earliest_go_live);
        prop_assert_eq!(plan.go_live_too_early, input.go_live.is_some_and(|g| g < plan.earliest_go_live));
        prop_assert_eq!(plan.backward, plan.go_live > plan.earliest_go_live);
    }

    #[test]
    fn add_and_count_working_days_agree(day in 0i64..20000, n in 0u32..400) {
        let d = add_working_days(date!(2000 - 01 - 01) + Duration::days(day), 0);
        let e = add_working_days(d, n);
        prop_assert!(is_working_day(e));
        prop_assert_eq!(working_days_between(d, e), n);
    }
}
