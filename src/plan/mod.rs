//! Migration plan: phases from intake to aftercare on Dutch working days, from `assets/plan.toml`.
//!
//! Weekends and Dutch public holidays (computed per year, Easter-based ones included) are skipped;
//! a requested go-live that is too early is reported, not silently moved.

mod calendar;
mod config;
mod schedule;

pub use calendar::{
    HolidayRules, LiberationDay, add_working_days, easter, holidays, is_working_day,
    working_days_between,
};
pub use config::{Extra, Per, PhaseDef, PlanConfig, PlanConfigError, When};
pub use schedule::{MAX_PHASE_DAYS, Phase, Plan, PlanInput, make_plan};

/// The shipped plan configuration, embedded at build time.
pub const PLAN_TOML: &str = include_str!("../../assets/plan.toml");
