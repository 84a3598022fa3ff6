//! Property tests of the plan: every phase starts and ends on a working day, in dependency order.

use intake::plan::{
    PlanConfig, PlanInput, add_working_days, is_working_day, make_plan, working_days_between,
};
use proptest::prelude::*;
use time::{Duration, macros::date};

fn input_strategy() -> impl Strategy<Value = PlanInput> {
    (
        0i64..4000,
        prop::option::of(-30i64..200),
        1u32..200,
        any::<bool>(),
        0u32..2000,
        any::<[bool; 3]>(),
        1u32..6,
    )
        .prop_map(|(day, gl, ws, mp, gb, [dom, ch, me], loc)| {
            let start = date!(2024 - 01 - 01) + Duration::days(day);
            PlanInput {
                start,
                go_live: gl.map(|g| start + Duration::days(g)),
                workstations: ws,
                migration_project: mp,
                data_gb: gb,
                domain_elsewhere: dom,
                custom_hosting: ch,
                locations: loc,
                measures: me,
            }
        })
}

proptest! {
    #[test]
    fn phases_are_on_working_days_and_ordered(input in input_strategy()) {
        let cfg = PlanConfig::embedded().unwrap();
        let plan = make_plan(&cfg, &input);
        for p in &plan.phases {
            prop_assert!(is_working_day(p.start), "{} starts on {}", p.id, p.start);
            prop_assert!(is_working_day(p.end), "{} ends on {}", p.id, p.end);
            prop_assert!(p.start <= p.end && p.start >= input.start);
            prop_assert_eq!(working_days_between(p.start, p.end) + 1, p.working_days);
        }
        // a phase starts after every present phase it waits for has ended
        for def in &cfg.phases {
            let Some(me) = plan.phases.iter().find(|p| p.id == def.id) else { continue };
            for &j in &def.after {
                if let Some(dep) = plan.phases.iter().find(|p| p.id == cfg.phases[j].id) {
                    prop_assert!(dep.end < me.start, "{} before {}", dep.id, me.id);
                }
            }
        }
        let go = plan.phases.iter().find(|p| p.id == "go_live").unwrap();
        prop_assert_eq!(go.start, plan.go_live);
        prop_assert!(plan.go_live >= plan.earliest_go_live);
        prop_assert_eq!(plan.go_live_too_early, input.go_live.is_some_and(|g| g < plan.earliest_go_live));
    }

    #[test]
    fn add_and_count_working_days_agree(day in 0i64..20000, n in 0u32..400) {
        let d = add_working_days(date!(2000 - 01 - 01) + Duration::days(day), 0);
        let e = add_working_days(d, n);
        prop_assert!(is_working_day(e));
        prop_assert_eq!(working_days_between(d, e), n);
    }
}
