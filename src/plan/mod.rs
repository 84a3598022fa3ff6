//! Migration plan: phases from intake to aftercare on Dutch working days, from `assets/plan.toml`.
//!
//! Weekends and Dutch public holidays (computed per year, Easter-based ones included) are skipped,
//! and so are the customer's closure periods; the migration and cut-over use the customer's
//! migration window. A requested go-live that is too early is reported, not silently moved; a
//! later one is scheduled back from.

mod calendar;
mod config;
mod days;
mod schedule;

pub use calendar::{
    HolidayRules, LiberationDay, add_working_days, easter, holidays, is_working_day,
    working_days_between,
};
pub use config::{Extra, Per, PhaseDef, PlanConfig, PlanConfigError, When};
pub use days::{Days, MigrationWindow};
pub use schedule::{MAX_PHASE_DAYS, Phase, Plan, PlanInput, make_plan};

/// The shipped plan configuration, embedded at build time.
pub const PLAN_TOML: &str = include_str!("../../assets/plan.toml");
