//! The report's own input model. The lead fills it from the advice, quote and plan modules; all
//! free text is already in the chosen language, only fixed labels are translated here.

use serde::{Deserialize, Serialize};
use time::Date;

use super::provider::Provider;

/// The report's language is the form engine's language.
pub use crate::form::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Ok,
    Attention,
    Blocker,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportInput {
    pub lang: Lang,
    pub provider: Provider,
    pub customer: Customer,
    pub intake_date: Date,
    /// How the intake was done (on site, remote, ...), already translated.
    pub mode: String,
    pub specialist: Option<String>,
    pub summary: Summary,
    #[serde(default)]
    pub locations: Vec<LocationRow>,
    /// Round trips per location where the link was measured: idle and while each
    /// direction is full (bufferbloat).
    #[serde(default)]
    pub link_latency: Vec<LinkLatencyRow>,
    #[serde(default)]
    pub workstations: Vec<WorkstationRow>,
    #[serde(default)]
    pub software: Vec<String>,
    #[serde(default)]
    pub business_apps: Vec<String>,
    pub email: Option<String>,
    pub domain: Option<String>,
    pub data: Option<String>,
    #[serde(default)]
    pub findings: Vec<FindingRow>,
    #[serde(default)]
    pub plan: Vec<PhaseRow>,
    pub quote: Option<QuoteDoc>,
    pub sepa: Option<SepaInfo>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Customer {
    pub name: String,
    pub kvk: Option<String>,
    pub vat: Option<String>,
    pub address: Option<String>,
    pub postcode: Option<String>,
    pub city: Option<String>,
    pub billing_email: Option<String>,
    pub iban: Option<String>,
    /// Who signs for the customer (pre-filled in the signature block when known).
    pub contact_name: Option<String>,
    pub contact_role: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub readiness: Severity,
    #[serde(default)]
    pub headlines: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LocationRow {
    pub name: String,
    pub workstations: u32,
    /// Available rates; `None` when neither measured nor known from the subscription.
    pub down_mbps: Option<f64>,
    pub up_mbps: Option<f64>,
    /// `true` when the rates were measured at this location, `false` when they are the
    /// subscription's stated speeds: the report must not call a stated speed "measured".
    #[serde(default)]
    pub measured: bool,
    pub needed_down_mbps: f64,
    pub needed_up_mbps: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LinkLatencyRow {
    pub location: String,
    pub idle_ms: Option<f64>,
    pub loaded_down_ms: Option<f64>,
    pub loaded_up_ms: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkstationRow {
    pub hostname: String,
    pub os: String,
    pub memory_gb: Option<f64>,
    pub verdict: Severity,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FindingRow {
    pub severity: Severity,
    pub title: String,
    pub measure: String,
    /// Reason the specialist accepted this finding, if accepted.
    pub accepted: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PhaseRow {
    pub name: String,
    pub start: Date,
    pub end: Date,
    pub working_days: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    CostOverview,
    Quote,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    Monthly,
    OneTime,
    /// Priced on request: shown without an amount.
    OnRequest,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteLineRow {
    pub code: String,
    pub description: String,
    pub quantity: u32,
    pub unit_cents: i64,
    pub net_cents: i64,
    pub vat_cents: i64,
    pub period: Period,
    /// Optional items are listed apart and are not part of the totals.
    #[serde(default)]
    pub optional: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct QuoteDoc {
    pub kind: QuoteKind,
    pub number: String,
    pub date: Date,
    pub valid_until: Date,
    pub lines: Vec<QuoteLineRow>,
    pub monthly_net_cents: i64,
    pub monthly_vat_cents: i64,
    pub monthly_gross_cents: i64,
    pub one_time_net_cents: i64,
    pub one_time_vat_cents: i64,
    pub one_time_gross_cents: i64,
    pub first_year_commitment_cents: i64,
    /// The same including VAT; 0 when not known (older inputs), then it is not shown.
    #[serde(default)]
    pub first_year_commitment_gross_cents: i64,
    pub promo_note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SepaInfo {
    pub mandate_reference: String,
    pub iban: String,
    pub account_holder: String,
}
