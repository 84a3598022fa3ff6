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
    /// A measurement that belongs to no location: shown as such, never pinned on one.
    #[serde(default)]
    pub unassigned: Option<UnassignedRow>,
    /// Round trips per location where the link was measured: idle and while each
    /// direction is full (bufferbloat).
    #[serde(default)]
    pub link_latency: Vec<LinkLatencyRow>,
    #[serde(default)]
    pub workstations: Vec<WorkstationRow>,
    /// "3 of 13 computers measured", already translated; `None` without a known total.
    #[serde(default)]
    pub coverage: Option<String>,
    #[serde(default)]
    pub users: Vec<UserRow>,
    #[serde(default)]
    pub apps: Vec<AppRow>,
    /// The other answers by form section: label and answer, already translated.
    #[serde(default)]
    pub topics: Vec<TopicRows>,
    /// The LAN scan's inventory by kind of device.
    #[serde(default)]
    pub lan: Vec<(String, String)>,
    #[serde(default)]
    pub findings: Vec<FindingRow>,
    #[serde(default)]
    pub plan: Vec<PhaseRow>,
    pub quote: Option<QuoteDoc>,
    pub sepa: Option<SepaInfo>,
    /// Set while the proposal is a draft: every page then carries a CONCEPT / DRAFT mark and
    /// the cover lists why.
    #[serde(default)]
    pub draft: Option<DraftNote>,
    /// The plan's dates beside the phases: the report date (today), the desired go-live and
    /// notes on the calendar (migration window, closure periods, feasibility).
    #[serde(default)]
    pub plan_info: Option<PlanInfo>,
}

/// Why the proposal is a draft, already in the report's language.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DraftNote {
    /// Required answers given, in %.
    pub completeness: u8,
    pub reasons: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanInfo {
    /// The report date: today's mark on the timeline.
    pub today: Date,
    pub desired_go_live: Option<Date>,
    /// The go-live in this plan.
    pub go_live: Option<Date>,
    /// The customer's closure periods (inclusive), shaded on the timeline.
    #[serde(default)]
    pub closures: Vec<(Date, Date)>,
    /// Notes under the plan (window, closures, slack, feasibility), in the report's language.
    #[serde(default)]
    pub notes: Vec<String>,
    /// What the plan still needs for dates ("de omvang van e-mail en bestanden"): set, the
    /// plan shows each phase's days and no date.
    #[serde(default)]
    pub missing: Option<String>,
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
    /// Blockers first, then points of attention; each rule once.
    #[serde(default)]
    pub points: Vec<SummaryPoint>,
    #[serde(default)]
    pub go_live: Option<GoLive>,
    /// 12 × the monthly total + the one-time total.
    #[serde(default)]
    pub first_year: Option<FirstYear>,
}

/// One rule on the summary page, with the names of every entry it fired for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummaryPoint {
    pub severity: Severity,
    pub title: String,
    /// The names of the entries a rule over a group fired for, or a blocker's customer text;
    /// empty for a point of attention named by its title alone.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GoLive {
    pub desired: Option<Date>,
    pub earliest: Date,
    /// The desired date can be made (or none was given).
    pub feasible: bool,
    /// What the plan still needs for a date: set, no date is shown, this is.
    #[serde(default)]
    pub missing: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct FirstYear {
    pub net_cents: i64,
    pub gross_cents: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnassignedRow {
    pub down_mbps: f64,
    pub up_mbps: Option<f64>,
    pub measured_on: Date,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UserRow {
    pub name: String,
    #[serde(default)]
    pub email: String,
    pub role: String,
    pub has_mobile: bool,
    pub options: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AppRow {
    pub name: String,
    /// Product, hosting, users, supplier: already translated and joined.
    pub details: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TopicRows {
    pub title: String,
    pub rows: Vec<(String, String)>,
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
    /// Why it is not ready or marginal; empty when ready.
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FindingRow {
    pub severity: Severity,
    pub title: String,
    /// The customer's text (addressed as "u"); never the specialist's measure.
    #[serde(alias = "measure")]
    pub advice: String,
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
    /// Charged only if the order does not go ahead (the intake, FAQ 3.4): its own heading.
    #[serde(default)]
    pub only_if_cancelled: bool,
    /// The unit price is an example: the line carries a mark explained under the table.
    #[serde(default)]
    pub example: bool,
    /// What a volume-priced line includes, so the customer can check it.
    #[serde(default)]
    pub includes: Option<String>,
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
    /// The VAT rate of the totals, in %.
    #[serde(default = "standard_vat")]
    pub vat_percent: i64,
    /// What the first year costs: 12 × monthly + one-time, excluding and including VAT.
    #[serde(default)]
    pub first_year_cents: i64,
    #[serde(default)]
    pub first_year_gross_cents: i64,
    /// The minimum commitment's rule in words (from the catalog's contract rule).
    #[serde(default)]
    pub commitment_rule: String,
    pub promo_note: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SepaInfo {
    pub mandate_reference: String,
    /// The debtor's IBAN; empty leaves a line to write it on.
    pub iban: String,
    pub account_holder: String,
    /// The debtor's address (street, postcode and place), if known.
    #[serde(default)]
    pub debtor_address: Option<String>,
    /// What the collections are for, as the bank statement shows it.
    #[serde(default)]
    pub description: String,
    /// Who signs the mandate, if known.
    #[serde(default)]
    pub signer: Option<String>,
}

/// Dutch standard VAT rate, for inputs written before the rate was part of the quote.
fn standard_vat() -> i64 {
    21
}
