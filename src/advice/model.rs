//! The intake model: what an intake says, built once from the answers and the saved probes, and
//! read by the advice (its `facts.*`), the quote and plan inputs, the TUI and the report. No
//! other part interprets answer keys or probe payloads for these: two readings drift apart.
//!
//! Built by [`IntakeModel::build`]; the probe payloads are read tolerantly in [`super::observed`]
//! (they come from other machines and other program versions).

use super::Bilingual;
use super::observed::{self, Computer, LanInventory, Measurement};
use super::rules::Sizing;
use crate::form::{Answers, Form, Kind, Lang, Value};
use crate::store::ProbeRecord;
use std::cell::RefCell;
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

/// Answers the cover, the quote or the SEPA mandate shows: left out of the situation's topics.
const SHOWN_ELSEWHERE: [&str; 10] = [
    "intake.mode",
    "intake.date",
    "intake.specialist",
    "company.name",
    "company.address",
    "company.postcode",
    "company.city",
    "company.iban",
    "company.iban_holder",
    "company.billing_email",
];

/// Reads answers and remembers which question paths were read.
pub(crate) struct Reader<'a> {
    form: &'a Form,
    answers: &'a Answers,
    /// Paths read for a computed value (a fact, a count, a sizing).
    computed: RefCell<BTreeSet<String>>,
    /// Paths read to be shown (the situation, the cover, the quote).
    shown: RefCell<BTreeSet<String>>,
    showing: std::cell::Cell<bool>,
    /// Entries per repeat group, counted once as evaluation counts them.
    counts: std::collections::HashMap<String, usize>,
}

impl<'a> Reader<'a> {
    fn new(form: &'a Form, answers: &'a Answers) -> Self {
        Reader {
            form,
            answers,
            computed: RefCell::new(BTreeSet::new()),
            shown: RefCell::new(BTreeSet::new()),
            showing: std::cell::Cell::new(false),
            counts: form.instance_counts(answers),
        }
    }

    /// Runs `f` with every read counted as shown, not computed.
    fn showing<T>(&self, f: impl FnOnce() -> T) -> T {
        let before = self.showing.replace(true);
        let out = f();
        self.showing.set(before);
        out
    }

    fn value(&self, key: &str) -> Option<&'a Value> {
        let path = crate::form::AnswerKey::parse(key)
            .map(|k| k.path())
            .unwrap_or_else(|_| key.to_string());
        if self.showing.get() {
            self.shown.borrow_mut().insert(path);
        } else {
            self.computed.borrow_mut().insert(path);
        }
        self.answers.get(key).filter(|v| !v.is_null())
    }

    fn text(&self, key: &str) -> Option<String> {
        self.value(key)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    }

    fn num(&self, key: &str) -> Option<f64> {
        self.value(key)
            .and_then(Value::as_f64)
            .filter(|n| n.is_finite() && *n >= 0.0)
    }

    fn count(&self, key: &str) -> Option<u32> {
        self.num(key)
            .map(|n| n.ceil().min(f64::from(u32::MAX)) as u32)
    }

    /// The question was answered "weet ik niet" (an expression reads it as empty).
    fn unknown(&self, key: &str) -> bool {
        matches!(self.value(key), Some(Value::Unknown))
    }

    fn yes(&self, key: &str) -> Option<bool> {
        match self.value(key) {
            Some(Value::Bool(b)) => Some(*b),
            _ => None,
        }
    }

    fn date(&self, key: &str) -> Option<Date> {
        match self.value(key) {
            Some(Value::Date(d)) => Some(*d),
            _ => None,
        }
    }

    fn ids(&self, key: &str) -> Vec<String> {
        match self.value(key) {
            Some(Value::List(l)) => l.clone(),
            Some(Value::Text(s)) => vec![s.clone()],
            _ => Vec::new(),
        }
    }

    /// The answer as shown, with its "other, namely" text in place of "Other".
    pub(crate) fn said(&self, key: &str) -> Option<Said> {
        let k = crate::form::AnswerKey::parse(key).ok()?;
        let path = k.path();
        let (_, q) = self.form.find(&path)?;
        let other = q
            .choice("other")
            .and_then(|_| self.text(&format!("{key}_other")));
        let v = self.value(key)?;
        let show = |lang: Lang| {
            let mut s = match v {
                Value::Date(d) => crate::i18n::fmt::date_long(*d, lang),
                _ => q.display(v, lang),
            };
            if let Some(o) = &other {
                let label = q.choice("other").map(|c| c.label.get(lang).to_string());
                match label {
                    Some(l) if s.contains(&l) => s = s.replace(&l, o),
                    _ => s = format!("{s}: {o}"),
                }
            }
            s
        };
        let text = Bilingual {
            nl: show(Lang::Nl),
            en: show(Lang::En),
        };
        if text.nl.trim().is_empty() {
            return None;
        }
        Some(Said {
            path,
            label: Bilingual {
                nl: q.label.get(Lang::Nl).to_string(),
                en: q.label.get(Lang::En).to_string(),
            },
            text,
        })
    }

    /// Every shown question of a section (entry `i` of a repeat group) as rows.
    fn rows(&self, section: &crate::form::Section, entry: Option<usize>) -> Vec<Said> {
        self.showing(|| self.rows_of(section, entry))
    }

    fn rows_of(&self, section: &crate::form::Section, entry: Option<usize>) -> Vec<Said> {
        section
            .questions
            .iter()
            .filter(|q| !matches!(q.kind, Kind::Note | Kind::Calculated))
            .filter(|q| !q.id.ends_with("_other"))
            .filter_map(|q| {
                let key = match entry {
                    Some(i) => format!("{}[{i}].{}", section.id, q.id),
                    None => format!("{}.{}", section.id, q.id),
                };
                self.said(&key)
            })
            .collect()
    }

    fn entries(&self, group: &str) -> usize {
        self.counts.get(group).copied().unwrap_or(0)
    }
}

impl IntakeModel {
    /// Builds the model of `answers` (of `form`) and the saved `probes`, with the bandwidth
    /// sizing of the advice rules and the provider named in customer texts.
    pub fn build(
        form: &Form,
        answers: &Answers,
        probes: &[ProbeRecord],
        sizing: &Sizing,
        provider: &str,
    ) -> IntakeModel {
        let r = Reader::new(form, answers);
        let workload = workload(&r, sizing);
        let measurements = observed::measurements(probes);
        let locations_n = r.entries("locations");
        let mut locations: Vec<Location> = (1..=locations_n)
            .map(|i| location(&r, form, i, locations_n))
            .collect();
        let placed = observed::place(&measurements, &locations);
        for (loc, m) in locations.iter_mut().zip(placed.per_location) {
            if let Some(m) = m {
                loc.down_mbps = Some(m.down_mbps);
                loc.up_mbps = m.up_mbps;
                loc.source = LinkSource::Measured;
                loc.measured = Some(m);
            }
        }
        let loc_sum = locations
            .iter()
            .filter_map(|l| l.workstations)
            .reduce(u32::saturating_add);
        let workstations = r.count("workstations.count").or(loc_sum);
        for loc in &mut locations {
            // With one location all workstations are there, even if its own count is blank.
            let ws = loc
                .workstations
                .or(if locations_n == 1 { workstations } else { None });
            loc.workstations_counted = ws;
            loc.needed_down_mbps =
                ws.map(|w| f64::from(w) * workload.down_per_user_mbps * workload.headroom);
            loc.needed_up_mbps =
                ws.map(|w| f64::from(w) * workload.up_per_user_mbps * workload.headroom);
        }
        let users = (1..=r.entries("users"))
            .map(|i| user(&r, form, i))
            .collect();
        let apps = (1..=r.entries("apps"))
            .filter_map(|i| app(&r, form, i))
            .collect();
        let mut peripherals = r
            .text("workstations.peripherals")
            .map(|t| Peripheral::named_in(&t))
            .unwrap_or_default();
        peripherals.sort();
        let servers =
            r.yes("site.servers") == Some(true) || r.count("data.servers").unwrap_or(0) > 0;
        let server_notes = r
            .text("site.server_notes")
            .filter(|_| servers)
            .map(|t| t.trim_end_matches('.').to_string());
        let topics = form
            .sections
            .iter()
            .filter(|s| s.repeat.is_none())
            .map(|s| Topic {
                section: s.id.clone(),
                title: Bilingual {
                    nl: s.title.get(Lang::Nl).to_string(),
                    en: s.title.get(Lang::En).to_string(),
                },
                rows: r
                    .rows(s, None)
                    .into_iter()
                    .filter(|row| !SHOWN_ELSEWHERE.contains(&row.path.as_str()))
                    .collect(),
            })
            .filter(|t| !t.rows.is_empty())
            .collect();
        let shown = |key: &str| r.showing(|| r.said(key).map(|s| s.text.nl));
        let company = Company {
            kvk: shown("company.kvk"),
            vat: shown("company.vat"),
            address: shown("company.address"),
            postcode: shown("company.postcode"),
            city: shown("company.city"),
            billing_email: shown("company.billing_email"),
            iban: shown("company.iban"),
            iban_holder: shown("company.iban_holder"),
            contact_name: shown("intake.contact_name"),
            specialist: shown("intake.specialist"),
        };
        let mut model = IntakeModel {
            company,
            workstations,
            devices: r.count("workstations.devices"),
            workload,
            locations,
            unassigned: placed.unassigned,
            latest: measurements.last().cloned(),
            users,
            apps,
            computers: observed::computers(probes),
            windows10_answered: r.ids("workstations.os").iter().any(|o| o == "windows_10"),
            peripherals,
            printers: r.count("workstations.printers"),
            mailbox_gb: r.num("email.size_gb"),
            data_gb: r.num("data.size_gb"),
            mailboxes: r.count("email.mailboxes"),
            server_notes,
            lan: observed::lan(probes),
            go_live: r.date("planning.go_live"),
            intake_date: r.date("intake.date"),
            migration_window: r.text("planning.migration_window"),
            closures: closures(&r, r.entries("closures")),
            provider: provider.to_string(),
            topics,
            computed: BTreeSet::new(),
            shown: BTreeSet::new(),
        };
        model.computed = r.computed.into_inner();
        model.shown = r.shown.into_inner();
        model
    }

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

fn workload(r: &Reader<'_>, s: &Sizing) -> Workload {
    let answered = r.text("workstations.workload");
    let chosen = answered.filter(|w| s.workloads.contains_key(w));
    let id = chosen.clone().unwrap_or_else(|| s.default_workload.clone());
    let rate = s.workloads.get(&id).copied().unwrap_or_default();
    Workload {
        id,
        assumed: chosen.is_none(),
        down_per_user_mbps: rate.down_mbps,
        up_per_user_mbps: rate.up_mbps,
        headroom: s.headroom,
    }
}

/// The closure periods as answered, in date order; an end before its start is refused by the
/// form and read as none, a start without an end as that one day.
fn closures(r: &Reader<'_>, count: usize) -> Vec<(Date, Date)> {
    let mut out: Vec<(Date, Date)> = (1..=count)
        .filter_map(|i| {
            match (
                r.date(&format!("closures[{i}].from")),
                r.date(&format!("closures[{i}].until")),
            ) {
                (Some(a), Some(b)) if a <= b => Some((a, b)),
                (Some(a), None) => Some((a, a)),
                _ => None,
            }
        })
        .collect();
    out.sort();
    out
}

fn location(r: &Reader<'_>, form: &Form, i: usize, _count: usize) -> Location {
    let key = |q: &str| format!("locations[{i}].{q}");
    let down = r.num(&key("down_mbps"));
    let up = r.num(&key("up_mbps"));
    Location {
        entry: i,
        name: r.text(&key("name")),
        workstations: r.count(&key("workstations")),
        workstations_counted: None,
        down_mbps: down,
        up_mbps: up,
        source: if down.is_some() || up.is_some() {
            LinkSource::Subscribed
        } else {
            LinkSource::Unknown
        },
        speed_said_unknown: r.unknown(&key("down_mbps")) || r.unknown(&key("up_mbps")),
        measured: None,
        needed_down_mbps: None,
        needed_up_mbps: None,
        cabling_ok: r.yes(&key("cabling_ok")),
        rows: form
            .section("locations")
            .map(|s| r.rows(s, Some(i)))
            .unwrap_or_default(),
    }
}

fn user(r: &Reader<'_>, form: &Form, i: usize) -> User {
    let key = |q: &str| format!("users[{i}].{q}");
    let _ = form;
    User {
        entry: i,
        name: r.text(&key("name")),
        has_mobile: r.text(&key("mobile")).is_some(),
        role: r.showing(|| r.text(&key("role"))),
        email: r.showing(|| r.text(&key("email"))),
        options: r.ids(&key("options")),
        options_shown: r
            .showing(|| r.said(&key("options")))
            .map(|s| s.text)
            .unwrap_or_default(),
    }
}

fn app(r: &Reader<'_>, form: &Form, i: usize) -> Option<App> {
    let key = |q: &str| format!("apps[{i}].{q}");
    let name = r.said(&key("name"))?.text.nl;
    let hosting = r.text(&key("hosting"));
    Some(App {
        entry: i,
        name,
        saas: hosting.as_deref() == Some("cloud_saas"),
        hosting,
        rows: form
            .section("apps")
            .map(|s| r.rows(s, Some(i)))
            .unwrap_or_default(),
    })
}

#[cfg(test)]
#[path = "tests_model.rs"]
mod tests;
