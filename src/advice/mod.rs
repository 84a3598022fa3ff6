//! The advice: from what an intake says to findings, each with a measure for the specialist and
//! a text for the customer.
//!
//! What the intake says is one model, [`model::IntakeModel`], built once from the answers and
//! the saved probes ([`observed`] reads the payloads and holds the one bandwidth matcher); the
//! advice, the quote and plan inputs ([`crate::proposal`]), the TUI and the report all read it.
//! Rules live in `assets/advice.toml` (see its header for the format): a condition in the
//! form's expression language over the answers and the facts (`facts.*`, the model as values,
//! in [`facts`]), a severity, a Fluent message (`assets/locales/<lang>/advice.ftl`) with the
//! values filled in (title, finding and measure for the specialist; `customer` for the PDF,
//! addressed as "u"; plural rules wherever a count is shown), optional
//! one-time quote lines and plan flags, and the FAQ sections behind it. A broken rules file
//! fails with file:line:col.
//!
//! The specialist can accept a finding with a reason; it stays in the advice marked as
//! accepted, and no longer adds quote lines or plan flags.

pub mod facts;
mod load;
pub mod model;
pub mod observed;
mod rules;
mod template;
#[cfg(test)]
mod tests_facts;
#[cfg(test)]
mod tests_link;
#[cfg(test)]
mod tests_load;
#[cfg(test)]
mod tests_rules;
#[cfg(test)]
mod tests_rules_site;
#[cfg(test)]
mod tests_texts;
mod texts;

pub use rules::{
    ADVICE_FILE, ADVICE_TOML, PlanFlag, QuoteRule, Rate, Rule, RuleText, Rules, RulesError,
    Severity, Sizing, TEXT_ATTRIBUTES, VarSource,
};
pub use template::{display, in_sentence};

use crate::form::expr::Env;
use crate::form::{Answers, Form, Lang, Value};
use crate::store::{AcceptedFinding, ProbeRecord};
use model::IntakeModel;
use std::collections::BTreeMap;
use time::{Date, OffsetDateTime};

/// Largest quantity one quote line of a rule may give, whatever the answers say.
pub const MAX_QUANTITY: u32 = 10_000;

/// An acceptance recorded by the specialist.
#[derive(Clone, Debug, PartialEq)]
pub struct Accepted {
    pub reason: String,
    pub by: String,
    pub at: OffsetDateTime,
}

/// A text in both languages, filled in.
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct Bilingual {
    pub nl: String,
    pub en: String,
}

impl Bilingual {
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.nl, &self.en)
    }
}

/// One fired rule (once per entry for a `for_each` rule).
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub rule_id: String,
    pub severity: Severity,
    pub title: Bilingual,
    pub finding: Bilingual,
    /// For the specialist (TUI, CLI).
    pub measure: Bilingual,
    /// For the customer (the PDF), addressed as "u".
    pub customer: Bilingual,
    /// The values filled into the texts, by path.
    pub values: BTreeMap<String, Value>,
    pub accepted: Option<Accepted>,
    /// One-time catalog items with their quantity (quantity 0 left out).
    pub quote_lines: Vec<(String, u32)>,
    pub plan: Vec<PlanFlag>,
    pub faq: Vec<String>,
    /// The repeat group (`locations`, `apps`, ...) and entry (from 1) of a `for_each` rule.
    pub group: Option<String>,
    pub entry: Option<usize>,
}

/// Evaluates every rule over the intake model built from `answers` and `probes`. Sorted
/// blocker, attention, ok; within a severity in file order and by entry.
pub fn advise(
    rules: &Rules,
    form: &Form,
    answers: &Answers,
    probes: &[ProbeRecord],
    accepted: &[AcceptedFinding],
    today: Date,
) -> Vec<Finding> {
    let model = IntakeModel::build(form, answers, probes, &rules.sizing, &provider_name());
    advise_with(
        rules,
        form,
        answers,
        &model,
        accepted,
        today,
        &BTreeMap::new(),
    )
}

/// The provider named in customer texts: the legal name from `assets/provider.toml`.
pub fn provider_name() -> String {
    crate::report::Provider::embedded()
        .map(|p| p.legal_name)
        .unwrap_or_default()
}

/// As [`advise`], over a model already built, with extra facts on top of its own (the plan
/// facts `facts.go_live_too_early` and `facts.earliest_go_live`, set by the proposal).
pub fn advise_with(
    rules: &Rules,
    form: &Form,
    answers: &Answers,
    model: &IntakeModel,
    accepted: &[AcceptedFinding],
    today: Date,
    extra: &BTreeMap<String, Value>,
) -> Vec<Finding> {
    let none = BTreeMap::new();
    let base = form.env(answers, today, None, &none);
    let mut global = facts::global(rules, model);
    global.extend(extra.iter().map(|(k, v)| (k.clone(), v.clone())));
    // Per group, the facts of each entry: computed once, shared by the rules over that group.
    let mut per_entry: BTreeMap<&str, Vec<BTreeMap<String, Value>>> = BTreeMap::new();
    for g in rules.rules.iter().filter_map(|r| r.for_each.as_deref()) {
        if per_entry.contains_key(g) {
            continue;
        }
        let list = (1..=base.count(g))
            .map(|i| facts::entry(model, &global, g, i))
            .collect();
        per_entry.insert(g, list);
    }
    let mut out = Vec::new();
    for (order, rule) in rules.rules.iter().enumerate() {
        match rule.for_each.as_deref() {
            None => {
                let env = base.at(None, &global);
                if rule.when.eval(&env).truthy() {
                    out.push((order, finding(rule, form, &env, None, accepted)));
                }
            }
            Some(g) => {
                for (i, f) in per_entry.get(g).into_iter().flatten().enumerate() {
                    let env = base.at(Some((g, i + 1)), f);
                    if rule.when.eval(&env).truthy() {
                        out.push((order, finding(rule, form, &env, Some(i + 1), accepted)));
                    }
                }
            }
        }
    }
    out.sort_by_key(|(order, f)| (f.severity, *order, f.entry));
    out.into_iter().map(|(_, f)| f).collect()
}

fn finding(
    rule: &Rule,
    form: &Form,
    env: &dyn Env,
    entry: Option<usize>,
    accepted: &[AcceptedFinding],
) -> Finding {
    let mut values = BTreeMap::new();
    let texts = template::render(&rule.text, env, form, &mut values);
    let quote_lines = rule
        .quote
        .iter()
        .filter_map(|q| {
            let n = q
                .quantity
                .eval(env)
                .as_f64()
                .filter(|n| n.is_finite() && *n > 0.0)?;
            Some((q.code.clone(), n.ceil().min(f64::from(MAX_QUANTITY)) as u32))
        })
        .collect();
    Finding {
        rule_id: rule.id.clone(),
        severity: rule.severity,
        title: texts.title,
        finding: texts.finding,
        measure: texts.measure,
        customer: texts.customer,
        values,
        accepted: accepted
            .iter()
            .find(|a| a.rule_id == rule.id)
            .map(|a| Accepted {
                reason: a.reason.clone(),
                by: a.accepted_by.clone(),
                at: a.accepted_at,
            }),
        quote_lines,
        plan: rule.plan.clone(),
        faq: rule.faq.clone(),
        group: rule.for_each.clone(),
        entry,
    }
}

/// The one-time quote lines of the findings not accepted: summed over the entries of one rule,
/// the largest quantity where several rules add the same code (they describe the same work).
pub fn quote_lines(findings: &[Finding]) -> Vec<(String, u32)> {
    let mut per_rule: Vec<(&str, String, u32)> = Vec::new();
    for f in findings.iter().filter(|f| f.accepted.is_none()) {
        for (code, qty) in &f.quote_lines {
            match per_rule
                .iter_mut()
                .find(|(r, c, _)| *r == f.rule_id && c == code)
            {
                Some((_, _, q)) => *q = q.saturating_add(*qty).min(MAX_QUANTITY),
                None => per_rule.push((&f.rule_id, code.clone(), *qty)),
            }
        }
    }
    let mut out: Vec<(String, u32)> = Vec::new();
    for (_, code, qty) in per_rule {
        match out.iter_mut().find(|(c, _)| *c == code) {
            Some((_, q)) => *q = (*q).max(qty),
            None => out.push((code, qty)),
        }
    }
    out
}

/// Whether a finding not accepted sets `flag` for the plan.
pub fn plan_flag(findings: &[Finding], flag: PlanFlag) -> bool {
    findings
        .iter()
        .any(|f| f.accepted.is_none() && f.plan.contains(&flag))
}
