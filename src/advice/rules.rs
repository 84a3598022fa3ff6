//! The rules of the advice as loaded from `assets/advice.toml` (see `load.rs` for the checks).

use crate::form::expr::Expr;
use crate::form::load::Diagnostic;
use std::collections::BTreeMap;
use std::fmt;

/// The shipped rules, embedded at build time.
pub const ADVICE_TOML: &str = include_str!("../../assets/advice.toml");
pub const ADVICE_FILE: &str = "assets/advice.toml";

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Blocker,
    Attention,
    Ok,
}

impl Severity {
    pub fn parse(s: &str) -> Option<Severity> {
        match s {
            "blocker" => Some(Severity::Blocker),
            "attention" => Some(Severity::Attention),
            "ok" => Some(Severity::Ok),
            _ => None,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Blocker => "blocker",
            Severity::Attention => "attention",
            Severity::Ok => "ok",
        }
    }
}

/// What a finding tells the migration plan.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanFlag {
    Measures,
    MigrationProject,
    CustomHosting,
    DomainElsewhere,
}

impl PlanFlag {
    pub(super) const ALL: [(&'static str, PlanFlag); 4] = [
        ("measures", PlanFlag::Measures),
        ("migration_project", PlanFlag::MigrationProject),
        ("custom_hosting", PlanFlag::CustomHosting),
        ("domain_elsewhere", PlanFlag::DomainElsewhere),
    ];
    pub fn as_str(self) -> &'static str {
        PlanFlag::ALL
            .iter()
            .find(|(_, f)| *f == self)
            .map_or("", |(n, _)| n)
    }
}

/// Per concurrent user, Mbit/s.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Rate {
    pub down_mbps: f64,
    pub up_mbps: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Sizing {
    /// By choice id of `workstations.workload`.
    pub workloads: BTreeMap<String, Rate>,
    pub default_workload: String,
    pub headroom: f64,
    pub latency_fine_ms: f64,
    pub latency_max_ms: f64,
}

/// What a variable of a rule's message shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum VarSource {
    /// An answer or a fact by its path (`planning.go_live`, `facts.workstations`).
    Path(String),
    /// A fact whose text depends on the language (`facts.<name>.<lang>`, e.g. the computers
    /// with the reasons the probe gave in both languages).
    Localized(String),
}

/// A rule's texts: a Fluent message (`assets/locales/<lang>/advice.ftl`) whose value is the
/// title and whose attributes are `.finding`, `.measure` (for the specialist) and `.customer`
/// (for the PDF, addressed as "u"), with what each variable shows.
#[derive(Clone, Debug)]
pub struct RuleText {
    pub message: String,
    /// Fluent variable name → its value's source, for every variable of every language.
    pub variables: BTreeMap<String, VarSource>,
}

/// The attributes every rule message has besides its value (the title).
pub const TEXT_ATTRIBUTES: [&str; 3] = ["finding", "measure", "customer"];

/// A quote line a rule adds: catalog code and quantity expression.
#[derive(Clone, Debug)]
pub struct QuoteRule {
    pub code: String,
    pub quantity: Expr,
}

#[derive(Clone, Debug)]
pub struct Rule {
    pub id: String,
    pub severity: Severity,
    /// The repeat group the rule runs over, once per entry.
    pub for_each: Option<String>,
    pub when: Expr,
    /// Title, finding and measure for the specialist (the measure may instruct staff); the
    /// customer's text for the PDF, addressed as "u", never an instruction to staff.
    pub text: RuleText,
    pub quote: Vec<QuoteRule>,
    pub plan: Vec<PlanFlag>,
    pub faq: Vec<String>,
}

/// A checked rules file.
#[derive(Clone, Debug)]
pub struct Rules {
    /// In file order (the order within a severity in the advice).
    pub rules: Vec<Rule>,
    pub sizing: Sizing,
    /// `[limits]`: also facts, `facts.<name>`.
    pub limits: BTreeMap<String, f64>,
    /// From the catalog: the number of workstations from which a quote follows.
    pub quote_threshold: u32,
}

/// Every problem found in a rules file.
#[derive(Debug, thiserror::Error)]
pub struct RulesError(pub Vec<Diagnostic>);

impl fmt::Display for RulesError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}
