//! The proposal: an intake's answers, probes and accepted findings mapped onto the advice, the
//! quote and the migration plan, so that every front end shows the same three.
//!
//! Order: the advice first (its quote lines and plan flags feed the other two), then the quote
//! input and the plan; a go-live the plan cannot make is then added to the advice as the
//! finding `go_live_too_early` (a rule in `assets/advice.toml` reading `facts.go_live_too_early`),
//! never silently moved.

use crate::advice::{self, Finding, PlanFlag, Rules, RulesError};
use crate::form::expr::Env;
use crate::form::{Answers, Form, Value};
use crate::plan::{MigrationWindow, Plan, PlanConfig, PlanConfigError, PlanInput, make_plan};
use crate::quote::{Catalog, CatalogError, Quote, QuoteError, QuoteInput, UserOptions, price};
use crate::store::{AcceptedFinding, ProbeRecord};
use std::collections::BTreeMap;
use time::Date;

/// The one-time catalog item for the intake itself, always on the quote (charged only if the
/// customer does not go ahead, FAQ 3.4).
pub const INTAKE_ITEM: &str = "intake";

/// The rules, catalog and plan configuration a proposal is made with.
#[derive(Clone, Debug)]
pub struct Config {
    pub rules: Rules,
    pub catalog: Catalog,
    pub plan: PlanConfig,
}

#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("{0}")]
    Rules(#[from] RulesError),
    #[error("{0}")]
    Catalog(#[from] CatalogError),
    #[error("{0}")]
    Plan(#[from] PlanConfigError),
}

impl Config {
    /// The shipped rules, catalog and plan.
    pub fn embedded() -> Result<Config, ConfigError> {
        Ok(Config {
            rules: Rules::embedded()?,
            catalog: Catalog::embedded()?,
            plan: PlanConfig::embedded()?,
        })
    }
}

/// What one intake comes to.
#[derive(Debug)]
pub struct Proposal {
    /// Sorted blocker, attention, ok.
    pub findings: Vec<Finding>,
    pub quote_input: QuoteInput,
    /// Fails only for an intake without workstations (or a catalog without a price today).
    pub quote: Result<Quote, QuoteError>,
    pub plan_input: PlanInput,
    pub plan: Plan,
}

/// Makes the proposal for answers of `form`, measured `probes` and `accepted` findings, on
/// `today`; the quote is dated today, the plan starts today or on `intake_date` if later.
pub fn build(
    cfg: &Config,
    form: &Form,
    answers: &Answers,
    probes: &[ProbeRecord],
    accepted: &[AcceptedFinding],
    today: Date,
) -> Proposal {
    let first = advice::advise(&cfg.rules, form, answers, probes, accepted, today);
    let none = BTreeMap::new();
    let env = form.env(answers, today, None, &none);
    let quote_input = quote_input(&env, &first, today);
    let plan_input = plan_input(&env, &first, today, quote_input.workstations);
    let plan = make_plan(&cfg.plan, &plan_input);
    let mut extra = BTreeMap::new();
    extra.insert(
        "facts.go_live_too_early".to_string(),
        Value::Bool(plan.go_live_too_early),
    );
    extra.insert(
        "facts.earliest_go_live".to_string(),
        Value::Date(plan.earliest_go_live),
    );
    // Rules that read plan facts add no quote lines or plan flags (checked when the rules are
    // read), so the quote and plan made from `first` stay valid for these findings.
    let findings = advice::advise_with(&cfg.rules, form, answers, probes, accepted, today, &extra);
    let quote = price(&cfg.catalog, &quote_input);
    Proposal {
        findings,
        quote_input,
        quote,
        plan_input,
        plan,
    }
}

fn count(v: &Value) -> Option<u32> {
    v.as_f64()
        .filter(|n| n.is_finite() && *n >= 0.0)
        .map(|n| n.ceil().min(f64::from(u32::MAX)) as u32)
}

/// Workstations ordered: the answer, else the sum over the locations, else 0.
fn workstations(env: &dyn Env) -> u32 {
    count(&env.value("workstations.count")).unwrap_or_else(|| {
        env.group_values("locations", "workstations")
            .iter()
            .filter_map(count)
            .fold(0u32, u32::saturating_add)
    })
}

/// The quote input: workstations, each user's options, the intake and the advice's one-time lines.
pub fn quote_input(env: &dyn Env, findings: &[Finding], date: Date) -> QuoteInput {
    let names = env.group_values("users", "name");
    let options = env.group_values("users", "options");
    let users = names
        .iter()
        .zip(&options)
        .enumerate()
        .filter(|(_, (n, o))| !n.is_null() || !o.is_null())
        .map(|(i, (n, o))| UserOptions {
            name: n
                .as_str()
                .map_or_else(|| format!("users[{}]", i + 1), str::to_owned),
            options: match o {
                Value::List(l) => l.clone(),
                _ => Vec::new(),
            },
        })
        .collect();
    let mut one_time = vec![(INTAKE_ITEM.to_string(), 1)];
    one_time.extend(advice::quote_lines(findings));
    QuoteInput {
        date,
        workstations: workstations(env),
        users,
        one_time,
        optional: Vec::new(),
    }
}

/// The plan input: today (the report date), the intake date, the desired go-live, the migration
/// window and the closure period; phases from the advice's plan flags; volumes and counts from
/// the answers.
pub fn plan_input(
    env: &dyn Env,
    findings: &[Finding],
    today: Date,
    workstations: u32,
) -> PlanInput {
    let intake_date = match env.value("intake.date") {
        Value::Date(d) => Some(d),
        _ => None,
    };
    let gb: f64 = ["email.size_gb", "data.size_gb"]
        .iter()
        .filter_map(|k| env.value(k).as_f64())
        .filter(|g| g.is_finite() && *g > 0.0)
        .sum();
    let date = |key: &str| match env.value(key) {
        Value::Date(d) => Some(d),
        _ => None,
    };
    // One closure period; an end before its start is refused by the form, and read as none.
    let closures = match (date("planning.closed_from"), date("planning.closed_until")) {
        (Some(a), Some(b)) if a <= b => vec![(a, b)],
        (Some(a), None) => vec![(a, a)],
        _ => Vec::new(),
    };
    PlanInput {
        start: today,
        intake_date,
        go_live: date("planning.go_live"),
        window: env
            .value("planning.migration_window")
            .as_str()
            .map_or(MigrationWindow::Any, MigrationWindow::from_choice),
        closures,
        workstations,
        migration_project: advice::plan_flag(findings, PlanFlag::MigrationProject),
        data_gb: gb.ceil().min(f64::from(u32::MAX)) as u32,
        domain_elsewhere: advice::plan_flag(findings, PlanFlag::DomainElsewhere),
        custom_hosting: advice::plan_flag(findings, PlanFlag::CustomHosting),
        locations: u32::try_from(env.group_count("locations")).unwrap_or(u32::MAX),
        measures: advice::plan_flag(findings, PlanFlag::Measures),
    }
}

pub mod draft;

#[cfg(test)]
mod tests;
