//! The proposal: an intake's answers, probes and accepted findings mapped onto the advice, the
//! quote and the migration plan, so that every front end shows the same three.
//!
//! Order: the advice first (its quote lines and plan flags feed the other two), then the quote
//! input and the plan; a go-live the plan cannot make is then added to the advice as the
//! finding `go_live_too_early` (a rule in `assets/advice.toml` reading `facts.go_live_too_early`),
//! never silently moved.

use crate::advice::model::IntakeModel;
use crate::advice::{self, Finding, PlanFlag, Rules, RulesError};
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
    /// What the intake says: the one reading of answers and probes that advice, quote, plan,
    /// TUI and report share.
    pub model: IntakeModel,
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
    let model = IntakeModel::build(
        form,
        answers,
        probes,
        &cfg.rules.sizing,
        &advice::provider_name(),
    );
    let none = BTreeMap::new();
    let first = advice::advise_with(&cfg.rules, form, answers, &model, accepted, today, &none);
    let quote_input = quote_input(&model, &first, today);
    let plan_input = plan_input(&model, &first, today);
    let plan = make_plan(&cfg.plan, &plan_input);
    let mut extra = BTreeMap::new();
    extra.insert(
        "facts.go_live_too_early".to_string(),
        // A plan without dates (the intake lacks what they follow from) judges no go-live.
        Value::Bool(plan.go_live_too_early && model.plan_gaps().is_empty()),
    );
    extra.insert(
        "facts.earliest_go_live".to_string(),
        Value::Date(plan.earliest_go_live),
    );
    // Rules that read plan facts add no quote lines or plan flags (checked when the rules are
    // read), so the quote and plan made from `first` stay valid for these findings.
    let findings = advice::advise_with(&cfg.rules, form, answers, &model, accepted, today, &extra);
    let quote = price(&cfg.catalog, &quote_input);
    Proposal {
        model,
        findings,
        quote_input,
        quote,
        plan_input,
        plan,
    }
}

/// The quote input: workstations, each user's options, the intake and the advice's one-time lines.
pub fn quote_input(model: &IntakeModel, findings: &[Finding], date: Date) -> QuoteInput {
    let users = model
        .users
        .iter()
        .filter(|u| u.name.is_some() || !u.options.is_empty())
        .map(|u| UserOptions {
            name: u
                .name
                .clone()
                .unwrap_or_else(|| format!("users[{}]", u.entry)),
            options: u.options.clone(),
        })
        .collect();
    let mut one_time = vec![(INTAKE_ITEM.to_string(), 1)];
    one_time.extend(advice::quote_lines(findings));
    QuoteInput {
        date,
        workstations: model.ordered(),
        users,
        one_time,
        optional: Vec::new(),
    }
}

/// The plan input: today (the report date), the intake date, the desired go-live, the migration
/// window and the closure periods; phases from the advice's plan flags; volumes and counts from
/// the model.
pub fn plan_input(model: &IntakeModel, findings: &[Finding], today: Date) -> PlanInput {
    let gb: f64 = [model.mailbox_gb, model.data_gb]
        .into_iter()
        .flatten()
        .filter(|g| g.is_finite() && *g > 0.0)
        .sum();
    PlanInput {
        start: today,
        intake_date: model.intake_date,
        go_live: model.go_live,
        window: model
            .migration_window
            .as_deref()
            .map_or(MigrationWindow::Any, MigrationWindow::from_choice),
        closures: model.closures.clone(),
        workstations: model.ordered(),
        migration_project: advice::plan_flag(findings, PlanFlag::MigrationProject),
        data_gb: gb.ceil().min(f64::from(u32::MAX)) as u32,
        domain_elsewhere: advice::plan_flag(findings, PlanFlag::DomainElsewhere),
        custom_hosting: advice::plan_flag(findings, PlanFlag::CustomHosting),
        locations: u32::try_from(model.locations.len()).unwrap_or(u32::MAX),
        measures: advice::plan_flag(findings, PlanFlag::Measures),
    }
}

pub mod draft;

#[cfg(test)]
mod tests;
