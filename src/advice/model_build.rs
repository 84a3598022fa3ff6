//! Building the intake model: the answers read through `Reader` (which remembers every
//! question path it read, computed or shown), the probes placed, the entries of each group.

use super::*;
use crate::advice::observed;
use crate::advice::rules::Sizing;
use crate::form::{Answers, Form, Kind, Value};
use crate::store::ProbeRecord;
use std::cell::RefCell;

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
