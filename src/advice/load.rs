//! Reading and checking a rules file completely; every problem as file:line:col.

use super::facts::{FACTS, Scope};
use super::rules::*;
use super::texts::{self, Problem};
use crate::form::Form;
use crate::form::expr::{Expr, Ty, TypeEnv};
use crate::form::key::is_id;
use crate::form::load::{Diagnostic, line_col};
use crate::i18n::catalog::Catalog as Messages;
use crate::quote::Catalog;
use serde::Deserialize;
use std::collections::{BTreeMap, HashSet};
use std::ops::Range;
use toml::Spanned;

/// Largest rules file we read.
const MAX_BYTES: usize = 1024 * 1024;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    sizing: Spanned<RawSizing>,
    #[serde(default)]
    limits: BTreeMap<Spanned<String>, Spanned<f64>>,
    #[serde(default)]
    rule: Vec<RawRule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSizing {
    default_workload: Spanned<String>,
    headroom: Spanned<f64>,
    latency_fine_ms: Spanned<f64>,
    latency_max_ms: Spanned<f64>,
    workload: BTreeMap<String, Spanned<RawRate>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRate {
    down_mbps: f64,
    up_mbps: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuote {
    code: Spanned<String>,
    quantity: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    id: Spanned<String>,
    severity: Spanned<String>,
    for_each: Option<Spanned<String>>,
    when: Spanned<String>,
    /// The Fluent message with the rule's texts (`assets/locales/<lang>/advice.ftl`).
    message: Spanned<String>,
    #[serde(default)]
    quote: Vec<RawQuote>,
    #[serde(default)]
    plan: Vec<Spanned<String>>,
    #[serde(default)]
    faq: Vec<Spanned<String>>,
}

impl Rules {
    /// The shipped rules, checked against the standard form and the shipped catalog.
    pub fn embedded() -> Result<Rules, RulesError> {
        Rules::from_toml_str(ADVICE_TOML, ADVICE_FILE)
    }

    /// Reads rules and checks them against the standard form and the shipped catalog; `file`
    /// is only used in messages.
    pub fn from_toml_str(src: &str, file: &str) -> Result<Rules, RulesError> {
        let fail = |m: String| {
            RulesError(vec![Diagnostic {
                file: file.into(),
                line: 0,
                col: 0,
                message: m,
            }])
        };
        let form = crate::form::standard_form()
            .map_err(|e| fail(format!("the standard form does not load: {e}")))?;
        let catalog =
            Catalog::embedded().map_err(|e| fail(format!("the catalog does not load: {e}")))?;
        Rules::load(src, file, &form, &catalog, Messages::embedded())
    }

    /// Reads rules and checks every reference against `form`, every quote code against
    /// `catalog` and every rule's texts against the Fluent `messages`.
    pub fn load(
        src: &str,
        file: &str,
        form: &Form,
        catalog: &Catalog,
        messages: &Messages,
    ) -> Result<Rules, RulesError> {
        let mut b = Builder {
            src,
            file,
            messages,
            diags: Vec::new(),
        };
        if src.len() > MAX_BYTES {
            b.err(
                0..0,
                format!(
                    "file is {} bytes; a rules file may be at most {MAX_BYTES}",
                    src.len()
                ),
            );
            return Err(RulesError(b.diags));
        }
        let raw: RawFile = match toml::from_str(src) {
            Ok(r) => r,
            Err(e) => {
                b.err(e.span().unwrap_or(0..0), e.message().trim().to_string());
                return Err(RulesError(b.diags));
            }
        };
        let sizing = b.sizing(raw.sizing, form);
        let mut limits = BTreeMap::new();
        for (k, v) in raw.limits {
            let name = k.get_ref();
            if !is_id(name) {
                b.err(
                    k.span(),
                    format!("limit name '{name}' must be lower case letters, digits and '_'"),
                );
            } else if FACTS.iter().any(|(f, _, _)| f == name) {
                b.err(
                    k.span(),
                    format!("limit '{name}' has the name of a computed fact, facts.{name}"),
                );
            } else if !v.get_ref().is_finite() {
                b.err(v.span(), format!("limit '{name}' must be a finite number"));
            } else {
                limits.insert(name.clone(), *v.get_ref());
            }
        }
        let mut seen = HashSet::new();
        let mut rules = Vec::new();
        for r in &raw.rule {
            if let Some(rule) = b.rule(r, form, catalog, &limits, &mut seen) {
                rules.push(rule);
            }
        }
        if b.diags.is_empty() {
            Ok(Rules {
                rules,
                sizing,
                limits,
                quote_threshold: catalog.quote_threshold_workstations,
            })
        } else {
            b.diags.sort_by_key(|d| (d.line, d.col));
            Err(RulesError(b.diags))
        }
    }

    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }

    /// The fact types a rule sees: global facts, limits, plan facts, and the entry and
    /// location facts when it runs per entry (of `locations`).
    pub fn fact_types(
        limits: &BTreeMap<String, f64>,
        for_each: Option<&str>,
    ) -> BTreeMap<String, Ty> {
        let mut t: BTreeMap<String, Ty> = FACTS
            .iter()
            .filter(|(_, _, s)| match s {
                Scope::Global | Scope::Plan => true,
                Scope::Entry => for_each.is_some(),
                Scope::Location => for_each == Some("locations"),
            })
            .map(|(n, ty, _)| (format!("facts.{n}"), *ty))
            .collect();
        for k in limits.keys() {
            t.insert(format!("facts.{k}"), Ty::Num);
        }
        t
    }
}

struct Builder<'a> {
    src: &'a str,
    file: &'a str,
    messages: &'a Messages,
    diags: Vec<Diagnostic>,
}

impl Builder<'_> {
    fn err(&mut self, span: Range<usize>, message: impl Into<String>) {
        let (line, col) = line_col(self.src, span.start);
        self.diags.push(Diagnostic {
            file: self.file.to_string(),
            line,
            col,
            message: message.into(),
        });
    }

    fn sizing(&mut self, raw: Spanned<RawSizing>, form: &Form) -> Sizing {
        let span = raw.span();
        let raw = raw.into_inner();
        let mut workloads = BTreeMap::new();
        for (id, rate) in &raw.workload {
            let r = rate.get_ref();
            let ok = |x: f64| x.is_finite() && x > 0.0 && x <= 10_000.0;
            if !ok(r.down_mbps) || !ok(r.up_mbps) {
                self.err(
                    rate.span(),
                    format!("workload '{id}': rates must be above 0 and at most 10000 Mbit/s"),
                );
            }
            workloads.insert(
                id.clone(),
                Rate {
                    down_mbps: r.down_mbps,
                    up_mbps: r.up_mbps,
                },
            );
        }
        if let Some((_, q)) = form.find("workstations.workload") {
            for c in &q.choices {
                if !workloads.contains_key(&c.id) {
                    self.err(span.clone(), format!("[sizing.workload] has no row for '{}', a choice of workstations.workload", c.id));
                }
            }
        }
        let dw = raw.default_workload.get_ref();
        if !workloads.contains_key(dw) {
            self.err(
                raw.default_workload.span(),
                format!("default_workload '{dw}' is not a [sizing.workload] row"),
            );
        }
        let h = *raw.headroom.get_ref();
        if !(1.0..=10.0).contains(&h) {
            self.err(
                raw.headroom.span(),
                "headroom must be between 1 and 10 (1.25 is 25 % extra)",
            );
        }
        let (fine, max) = (
            *raw.latency_fine_ms.get_ref(),
            *raw.latency_max_ms.get_ref(),
        );
        if !(fine > 0.0 && fine <= 10_000.0) {
            self.err(
                raw.latency_fine_ms.span(),
                "latency_fine_ms must be above 0 and at most 10000",
            );
        }
        if !(max >= fine && max <= 10_000.0) {
            self.err(
                raw.latency_max_ms.span(),
                "latency_max_ms must be at least latency_fine_ms and at most 10000",
            );
        }
        Sizing {
            workloads,
            default_workload: dw.clone(),
            headroom: h,
            latency_fine_ms: fine,
            latency_max_ms: max,
        }
    }

    /// Parses and checks an expression; the TOML string's text starts one byte after its quote.
    fn expr(
        &mut self,
        s: &Spanned<String>,
        types: &dyn TypeEnv,
        what: &str,
        want: &[Ty],
    ) -> Option<Expr> {
        let base = s.span().start + 1;
        let e = match Expr::parse(s.get_ref()) {
            Ok(e) => e,
            Err(e) => {
                self.err(
                    base + e.offset..base + e.offset,
                    format!("in {what}: {}", e.message),
                );
                return None;
            }
        };
        match e.check_all(types) {
            Ok(t) if t == Ty::Any || want.contains(&t) => Some(e),
            Ok(_) => {
                let need = if want.contains(&Ty::Bool) {
                    "a yes/no condition"
                } else {
                    "a number"
                };
                self.err(
                    s.span(),
                    format!("{what} '{}' must give {need}", e.source()),
                );
                None
            }
            Err(errs) => {
                for x in errs {
                    self.err(
                        base + x.offset..base + x.offset,
                        format!("in {what}: {}", x.message),
                    );
                }
                None
            }
        }
    }

    /// The rule's texts from its Fluent message; problems in a resource are reported at
    /// their place there.
    fn texts(
        &mut self,
        id: &str,
        message: &Spanned<String>,
        types: &dyn TypeEnv,
        for_each: Option<&str>,
    ) -> Option<RuleText> {
        let name = message.get_ref();
        if !is_message_id(name) {
            self.err(
                message.span(),
                format!(
                    "rule '{id}': message '{name}' must be a Fluent id such as 'rule-{}'",
                    id.replace('_', "-")
                ),
            );
            return None;
        }
        match texts::rule_text(id, name, types, for_each, self.messages) {
            Ok(t) => Some(t),
            Err(problems) => {
                for p in problems {
                    match p {
                        Problem::AtReference(m) => self.err(message.span(), m),
                        Problem::At(place, m) => self.diags.push(Diagnostic {
                            file: place.file,
                            line: place.line,
                            col: place.col,
                            message: m,
                        }),
                    }
                }
                None
            }
        }
    }

    fn rule(
        &mut self,
        r: &RawRule,
        form: &Form,
        catalog: &Catalog,
        limits: &BTreeMap<String, f64>,
        seen: &mut HashSet<String>,
    ) -> Option<Rule> {
        let n = self.diags.len();
        let id = r.id.get_ref().clone();
        if !is_id(&id) {
            self.err(
                r.id.span(),
                format!("rule id '{id}' must be lower case letters, digits and '_'"),
            );
        } else if !seen.insert(id.clone()) {
            self.err(r.id.span(), format!("duplicate rule id '{id}'"));
        }
        let severity = Severity::parse(r.severity.get_ref());
        if severity.is_none() {
            self.err(
                r.severity.span(),
                format!(
                    "rule '{id}': unknown severity '{}' (known: ok, attention, blocker)",
                    r.severity.get_ref()
                ),
            );
        }
        let for_each = r.for_each.as_ref().map(|g| g.get_ref().clone());
        if let Some(g) = &r.for_each
            && form.section(g.get_ref()).is_none_or(|s| s.repeat.is_none())
        {
            self.err(
                g.span(),
                format!(
                    "rule '{id}': for_each '{}' is not a repeat group of the form",
                    g.get_ref()
                ),
            );
        }
        let extra = Rules::fact_types(limits, for_each.as_deref());
        let types = form.type_env_with(&extra);
        let when = self.expr(&r.when, &types, "when", &[Ty::Bool]);
        let text = self.texts(&id, &r.message, &types, for_each.as_deref());
        let mut quote = Vec::new();
        for q in &r.quote {
            let code = q.code.get_ref();
            if catalog.one_time_item(code).is_none() {
                self.err(q.code.span(), format!("rule '{id}': unknown catalog code '{code}' (a [[one_time]] id of the catalog)"));
            }
            if let Some(e) = self.expr(&q.quantity, &types, "quantity", &[Ty::Int, Ty::Num]) {
                quote.push(QuoteRule {
                    code: code.clone(),
                    quantity: e,
                });
            }
        }
        let mut plan = Vec::new();
        for p in &r.plan {
            match PlanFlag::ALL.iter().find(|(n, _)| n == p.get_ref()) {
                Some((_, f)) => plan.push(*f),
                None => self.err(p.span(), format!("rule '{id}': unknown plan flag '{}' (known: measures, migration_project, custom_hosting, domain_elsewhere)", p.get_ref())),
            }
        }
        for f in &r.faq {
            if crate::faq::section(f.get_ref()).is_none() {
                self.err(
                    f.span(),
                    format!("rule '{id}': FAQ section '{}' does not exist", f.get_ref()),
                );
            }
        }
        // The plan is made from the quote lines and plan flags, so a rule that reads the plan
        // cannot feed it.
        let plan_facts: Vec<String> = FACTS
            .iter()
            .filter(|(_, _, s)| *s == Scope::Plan)
            .map(|(n, _, _)| format!("facts.{n}"))
            .collect();
        let reads_plan = when
            .as_ref()
            .is_some_and(|e| e.references().iter().any(|(p, _)| plan_facts.contains(p)))
            || r.quote.iter().any(|q| {
                plan_facts
                    .iter()
                    .any(|p| q.quantity.get_ref().contains(p.as_str()))
            });
        if reads_plan && (!r.quote.is_empty() || !r.plan.is_empty()) {
            self.err(
                r.id.span(),
                format!("rule '{id}' reads plan facts, so it cannot add quote lines or plan flags"),
            );
        }
        if self.diags.len() > n {
            return None;
        }
        Some(Rule {
            id,
            severity: severity?,
            for_each,
            when: when?,
            text: text?,
            quote,
            plan,
            faq: r.faq.iter().map(|f| f.get_ref().clone()).collect(),
        })
    }
}

/// A Fluent message id: a letter, then letters, digits, '-' and '_'.
fn is_message_id(s: &str) -> bool {
    let mut cs = s.chars();
    cs.next().is_some_and(|c| c.is_ascii_alphabetic())
        && cs.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}
