//! The intake model: what an intake says, built once from the answers and the saved probes, and
//! read by the advice (its `facts.*`), the quote and plan inputs, the TUI and the report. No
//! other part interprets answer keys or probe payloads for these: two readings drift apart.
//!
//! Built by [`IntakeModel::build`]; the probe payloads are read tolerantly in [`super::observed`]
//! (they come from other machines and other program versions).

use super::Bilingual;
use super::observed::{Computer, LanInventory, Measurement};
use crate::form::Lang;
use std::collections::BTreeSet;
use time::Date;

/// A question's label and its answer as shown, in both languages: a row of the current situation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Said {
    /// `section.question` (group fields as `group.question`).
    pub path: String,
    pub label: Bilingual,
    pub text: Bilingual,
}

/// One form section's answered questions, for the report's current situation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Topic {
    pub section: String,
    pub title: Bilingual,
    pub rows: Vec<Said>,
}

/// Where a location's link figures come from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LinkSource {
    Measured,
    Subscribed,
    Unknown,
}

/// A location with its link and what its workstations need.
#[derive(Clone, Debug, PartialEq)]
pub struct Location {
    /// Counted from 1, as in the answer keys.
    pub entry: usize,
    pub name: Option<String>,
    /// As answered for this location.
    pub workstations: Option<u32>,
    /// The workstations the link must carry: as answered, or with a single location all of
    /// them.
    pub workstations_counted: Option<u32>,
    /// The rates the advice judges: measured here when a measurement belongs to this location,
    /// else the subscription's.
    pub down_mbps: Option<f64>,
    pub up_mbps: Option<f64>,
    pub source: LinkSource,
    /// The customer answered "weet ik niet" to the subscription's download or upload speed.
    pub speed_said_unknown: bool,
    /// The measurement that belongs to this location (the matcher's choice).
    pub measured: Option<Measurement>,
    pub needed_down_mbps: Option<f64>,
    pub needed_up_mbps: Option<f64>,
    /// `Some(false)`: the specialist found the cabling here not in order.
    pub cabling_ok: Option<bool>,
    /// Every answered question of this entry (address, provider, connection, notes, ...).
    pub rows: Vec<Said>,
}

impl Location {
    /// "Hoofdkantoor", or "locatie 2" when unnamed.
    pub fn label(&self, lang: Lang) -> String {
        self.name
            .clone()
            .unwrap_or_else(|| crate::t!(lang, "location-unnamed", entry = self.entry))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct User {
    pub entry: usize,
    pub name: Option<String>,
    pub has_mobile: bool,
    pub role: Option<String>,
    pub email: Option<String>,
    /// Option ids as answered (catalog codes).
    pub options: Vec<String>,
    pub options_shown: Bilingual,
}

#[derive(Clone, Debug, PartialEq)]
pub struct App {
    pub entry: usize,
    /// The application's name (the "other" text when the list did not have it).
    pub name: String,
    /// The hosting choice id (`cloud_saas`, `local_server`, ...).
    pub hosting: Option<String>,
    /// Runs at its vendor in the browser: needs no custom hosting.
    pub saas: bool,
    pub rows: Vec<Said>,
}

/// The bandwidth sizing the intake is judged by.
#[derive(Clone, Debug, PartialEq)]
pub struct Workload {
    pub id: String,
    /// Not answered: the default class was used.
    pub assumed: bool,
    pub down_per_user_mbps: f64,
    pub up_per_user_mbps: f64,
    pub headroom: f64,
}

/// A device kind named among the peripherals; each needs a redirection or driver check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Peripheral {
    CardReader,
    Dictation,
    LabelPrinter,
    PaymentTerminal,
    Scanner,
    Measuring,
}

impl Peripheral {
    const ALL: [(Peripheral, &'static [&'static str]); 6] = [
        (
            Peripheral::CardReader,
            &[
                "kaartlezer",
                "card reader",
                "smartcard",
                "uzi",
                "pas lezer",
                "paslezer",
            ],
        ),
        (
            Peripheral::Dictation,
            &[
                "dicteer",
                "dictation",
                "dictafoon",
                "dictaphone",
                "spraakherkenning",
            ],
        ),
        (
            Peripheral::LabelPrinter,
            &["label", "etiket", "dymo", "zebra"],
        ),
        (
            Peripheral::PaymentTerminal,
            &[
                "pin",
                "pinautomaat",
                "pinapparaat",
                "pinterminal",
                "betaalterminal",
                "payment terminal",
                "kassa",
            ],
        ),
        (Peripheral::Scanner, &["scanner"]),
        (Peripheral::Measuring, &["meetapparat", "measuring"]),
    ];

    pub fn name(self) -> Bilingual {
        let id = match self {
            Peripheral::CardReader => "peripheral-card-reader",
            Peripheral::Dictation => "peripheral-dictation",
            Peripheral::LabelPrinter => "peripheral-label-printer",
            Peripheral::PaymentTerminal => "peripheral-payment-terminal",
            Peripheral::Scanner => "peripheral-scanner",
            Peripheral::Measuring => "peripheral-measuring",
        };
        Bilingual {
            nl: crate::i18n::message(Lang::Nl, id, None),
            en: crate::i18n::message(Lang::En, id, None),
        }
    }

    /// The kinds a free text names (case-insensitive; "pin" only as a word).
    pub fn named_in(text: &str) -> Vec<Peripheral> {
        let t = text.to_lowercase();
        let words: Vec<&str> = t.split(|c: char| !c.is_alphanumeric()).collect();
        Self::ALL
            .iter()
            .filter(|(_, keys)| {
                keys.iter().any(|k| {
                    if k.len() <= 3 {
                        words.contains(k)
                    } else {
                        t.contains(k)
                    }
                })
            })
            .map(|(p, _)| *p)
            .collect()
    }
}

/// What the migration plan needs to give dates and the intake does not say yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanGap {
    /// How many workstations: the order, training and rollout follow from it.
    Workstations,
    /// How much e-mail and how many files: the migration's length follows from it.
    Volumes,
    /// No location: cabling and connection checks are per location.
    Locations,
}

impl PlanGap {
    /// What is missing, as a phrase in `lang` ("de omvang van e-mail en bestanden").
    pub fn text(self, lang: Lang) -> String {
        let id = match self {
            PlanGap::Workstations => "plan-gap-workstations",
            PlanGap::Volumes => "plan-gap-volumes",
            PlanGap::Locations => "plan-gap-locations",
        };
        crate::t!(lang, id)
    }

    /// The gaps as one phrase: "a, b en c" / "a, b and c"; `None` when there are none.
    pub fn phrase(gaps: &[PlanGap], lang: Lang) -> Option<String> {
        let mut texts: Vec<String> = gaps.iter().map(|g| g.text(lang)).collect();
        let last = texts.pop()?;
        if texts.is_empty() {
            return Some(last);
        }
        Some(crate::t!(
            lang,
            "plan-gap-list",
            init = texts.join(", "),
            last = last
        ))
    }
}

/// Who the customer is, as answered (numbers and names shown as typed, IBAN grouped).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Company {
    pub kvk: Option<String>,
    pub vat: Option<String>,
    pub address: Option<String>,
    pub postcode: Option<String>,
    pub city: Option<String>,
    pub billing_email: Option<String>,
    pub iban: Option<String>,
    pub iban_holder: Option<String>,
    pub contact_name: Option<String>,
    pub specialist: Option<String>,
}

/// What one intake says.
#[derive(Clone, Debug, PartialEq)]
pub struct IntakeModel {
    pub company: Company,
    /// Workstations ordered: the answer, else the sum over the locations.
    pub workstations: Option<u32>,
    /// Computers in use today (the answer), for the probe coverage.
    pub devices: Option<u32>,
    pub workload: Workload,
    pub locations: Vec<Location>,
    /// The newest measurement the matcher could not place on a location: shown as unassigned
    /// everywhere, never pinned on location 1.
    pub unassigned: Option<Measurement>,
    /// The newest measurement of all (latency judged on it).
    pub latest: Option<Measurement>,
    pub users: Vec<User>,
    pub apps: Vec<App>,
    /// Workstation probes, one per machine (the newest).
    pub computers: Vec<Computer>,
    /// Computers on Windows 10 (out of support) by the answer `workstations.os`.
    pub windows10_answered: bool,
    pub peripherals: Vec<Peripheral>,
    pub printers: Option<u32>,
    pub mailbox_gb: Option<f64>,
    pub data_gb: Option<f64>,
    pub mailboxes: Option<u32>,
    /// What the specialist wrote about the servers (their roles), when there are servers.
    pub server_notes: Option<String>,
    pub lan: Option<LanInventory>,
    pub go_live: Option<Date>,
    pub intake_date: Option<Date>,
    /// The migration window's choice id (`evening`, `weekend`, `any`), as answered.
    pub migration_window: Option<String>,
    /// Periods the business is closed, first to last day, in date order; the plan keeps
    /// migration, training and go-live out of them.
    pub closures: Vec<(Date, Date)>,
    /// The provider named in customer texts (from `assets/provider.toml`).
    pub provider: String,
    /// The plain sections' answers, in form order: the current situation beyond the tables.
    pub topics: Vec<Topic>,
    /// Every question path the model read for a computed value (a fact the rules read).
    pub computed: BTreeSet<String>,
    /// Every question path the model read to show it (situation, cover, quote).
    pub shown: BTreeSet<String>,
}

// Building the model from the answers and probes: `IntakeModel::build` and its reader.
#[path = "model_build.rs"]
mod build;

impl IntakeModel {
    /// E-mail and files to move, in GB; `None` when neither is known.
    pub fn migration_gb(&self) -> Option<f64> {
        match (self.mailbox_gb, self.data_gb) {
            (None, None) => None,
            (a, b) => Some(a.unwrap_or(0.0) + b.unwrap_or(0.0)),
        }
    }

    /// What the plan needs for dates and the intake does not say: with any of these the plan
    /// gives durations, never a go-live date it cannot know.
    pub fn plan_gaps(&self) -> Vec<PlanGap> {
        let mut gaps = Vec::new();
        if self.workstations.is_none_or(|w| w == 0) {
            gaps.push(PlanGap::Workstations);
        }
        if self.migration_gb().is_none() {
            gaps.push(PlanGap::Volumes);
        }
        if self.locations.is_empty() {
            gaps.push(PlanGap::Locations);
        }
        gaps
    }

    /// Workstations ordered, 0 when unknown (the quote's and plan's count).
    pub fn ordered(&self) -> u32 {
        self.workstations.unwrap_or(0)
    }

    /// Measured computers with a readiness verdict (a payload without one is not judged).
    pub fn measured(&self) -> usize {
        self.computers
            .iter()
            .filter(|c| c.readiness != super::observed::Readiness::Unknown)
            .count()
    }

    /// Computers the intake knows of: the answer, else the ordered workstations.
    pub fn computers_known(&self) -> Option<u32> {
        self.devices.or(self.workstations)
    }

    /// Measured computers on Windows 10 (not the LTSC editions).
    pub fn windows10_computers(&self) -> Vec<&Computer> {
        self.computers.iter().filter(|c| c.windows10).collect()
    }

    /// The section's answered rows, if any.
    pub fn topic(&self, section: &str) -> Option<&Topic> {
        self.topics.iter().find(|t| t.section == section)
    }
}

#[cfg(test)]
#[path = "tests_model.rs"]
mod tests;
