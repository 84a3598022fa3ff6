//! The quote, the SEPA mandate and the plan of a proposal mapped onto the report's model.

use crate::form::Lang;
use crate::plan::{MigrationWindow, Plan};
use crate::quote::{Catalog, Period as QuotePeriod, Quote, QuoteKind as QKind};
use crate::report::{self, PhaseRow, PlanInfo, QuoteDoc, QuoteKind, QuoteLineRow};
use std::collections::BTreeMap;
use time::Date;

fn months(n: u32, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Nl, 1) => "1 maand".to_string(),
        (Lang::Nl, n) => format!("{n} maanden"),
        (Lang::En, 1) => "1 month".to_string(),
        (Lang::En, n) => format!("{n} months"),
    }
}

/// The catalog's minimum-commitment rule in words, for `workstations` on this document.
pub fn commitment_rule(catalog: &Catalog, kind: QKind, workstations: u32, lang: Lang) -> String {
    let c = &catalog.contract;
    let (ws, later, opt) = (
        months(c.quoted_workstation_months, lang),
        months(c.added_later_min_months, lang),
        months(c.option_min_months, lang),
    );
    match (lang, kind) {
        (Lang::Nl, k) => format!(
            "De {workstations} werkplekken op {} tellen elk {ws} mee (minimale contractduur één jaar, FAQ 1.20); werkplekken die u later via de selfservicemodule toevoegt: {later} [FAQ 1.20]; optionele applicaties: {opt} [FAQ 1.19]; eenmalige kosten volledig.",
            if k == QKind::Quote {
                "deze offerte"
            } else {
                "dit overzicht"
            }
        ),
        (Lang::En, k) => format!(
            "The {workstations} workstations on this {} each count for {ws} (minimum term one year, FAQ 1.20); workstations you add later through the self-service module: {later} [FAQ 1.20]; optional applications: {opt} [FAQ 1.19]; one-time costs in full.",
            if k == QKind::Quote {
                "quote"
            } else {
                "overview"
            }
        ),
    }
}

/// The quote as the report shows it; `users` names who takes each option.
pub fn quote_doc(
    q: &Quote,
    catalog: &Catalog,
    workstations: u32,
    id: i64,
    lang: Lang,
    users: &BTreeMap<String, Vec<String>>,
) -> QuoteDoc {
    let nl = lang == Lang::Nl;
    let lines = q
        .lines
        .iter()
        .map(|ln| {
            let mut description = if nl {
                ln.description_nl.clone()
            } else {
                ln.description_en.clone()
            };
            if let Some(names) = users.get(&ln.code) {
                let who = if nl { "voor" } else { "for" };
                description.push_str(&format!("\n{who}: {}", names.join(", ")));
            }
            QuoteLineRow {
                code: ln.code.clone(),
                description,
                quantity: ln.quantity,
                unit_cents: ln.unit_cents.unwrap_or(0),
                net_cents: ln.net_cents,
                vat_cents: ln.vat_cents,
                period: match (ln.unit_cents, ln.period) {
                    (None, _) => report::Period::OnRequest,
                    (_, QuotePeriod::Monthly) => report::Period::Monthly,
                    (_, QuotePeriod::OneTime) => report::Period::OneTime,
                },
                optional: ln.optional,
                only_if_cancelled: ln.only_if_cancelled,
                example: ln.example,
                includes: if nl {
                    ln.includes_nl.clone()
                } else {
                    ln.includes_en.clone()
                },
            }
        })
        .collect();
    let t = &q.totals;
    QuoteDoc {
        kind: match q.kind {
            QKind::CostOverview => QuoteKind::CostOverview,
            QKind::Quote => QuoteKind::Quote,
        },
        number: format!("{}-{:05}", q.date.year(), id),
        date: q.date,
        valid_until: q.valid_until,
        lines,
        monthly_net_cents: t.monthly_net_cents,
        monthly_vat_cents: t.monthly_vat_cents,
        monthly_gross_cents: t.monthly_gross_cents,
        one_time_net_cents: t.one_time_net_cents,
        one_time_vat_cents: t.one_time_vat_cents,
        one_time_gross_cents: t.one_time_gross_cents,
        first_year_commitment_cents: t.first_year_commitment_cents,
        first_year_commitment_gross_cents: t.first_year_commitment_gross_cents,
        vat_percent: catalog.vat_percent,
        first_year_cents: t.first_year_cents,
        first_year_gross_cents: t.first_year_gross_cents,
        commitment_rule: commitment_rule(catalog, q.kind, workstations, lang),
        promo_note: (q.price_name == "promo").then(|| if nl {
            "Actieprijs per werkplek; deze blijft gelden tijdens de initiële contractduur (FAQ 1.12).".to_string()
        } else {
            "Promotional price per workstation, kept for the initial contract term (FAQ 1.12).".to_string()
        }),
    }
}

/// The plan's phases for the report.
pub fn plan_rows(plan: &Plan, lang: Lang) -> Vec<PhaseRow> {
    plan.phases
        .iter()
        .map(|ph| PhaseRow {
            name: if lang == Lang::Nl {
                ph.name_nl.clone()
            } else {
                ph.name_en.clone()
            },
            start: ph.start,
            end: ph.end,
            working_days: ph.working_days,
        })
        .collect()
}

/// The plan's marks and notes: the window, the closure, backward scheduling with its slack,
/// and a go-live that cannot be made with the earliest feasible date.
pub fn plan_info(plan: &Plan, today: Date, lang: Lang) -> PlanInfo {
    let nl = lang == Lang::Nl;
    let date = |d: Date| report::format_date(d, lang);
    let mut notes = Vec::new();
    notes.push(match (plan.window, nl) {
        (MigrationWindow::Weekend, true) => {
            "Migratie en overgang vinden plaats in het weekend, zoals u aangaf.".to_string()
        }
        (MigrationWindow::Weekend, false) => {
            "Migration and cut-over take place at the weekend, as you asked.".to_string()
        }
        (MigrationWindow::Evening, true) => {
            "Migratie en overgang vinden plaats op doordeweekse avonden, zoals u aangaf."
                .to_string()
        }
        (MigrationWindow::Evening, false) => {
            "Migration and cut-over take place on weekday evenings, as you asked.".to_string()
        }
        (MigrationWindow::Any, true) => {
            "Migratie en overgang vinden plaats buiten kantoortijd op werkdagen.".to_string()
        }
        (MigrationWindow::Any, false) => {
            "Migration and cut-over take place outside office hours on working days.".to_string()
        }
    });
    for (a, b) in &plan.closures {
        notes.push(if nl {
            format!(
                "Uw bedrijf is gesloten van {} tot en met {}: in die periode wordt niets gepland.",
                date(*a),
                date(*b)
            )
        } else {
            format!(
                "Your business is closed from {} to {}: nothing is planned in that period.",
                date(*a),
                date(*b)
            )
        });
    }
    if plan.go_live_too_early
        && let Some(r) = plan.requested_go_live
    {
        notes.push(if nl {
            format!(
                "De gewenste livegang op {} is niet haalbaar; de vroegst haalbare datum is {}.",
                date(r),
                date(plan.earliest_go_live)
            )
        } else {
            format!(
                "The desired go-live on {} cannot be met; the earliest feasible date is {}.",
                date(r),
                date(plan.earliest_go_live)
            )
        });
    } else if plan.backward {
        notes.push(if nl {
            format!("Er is speling: de vroegst mogelijke livegang is {}. Migratie en training zijn teruggerekend vanaf de gewenste livegang; {} werkdagen speling liggen vóór de migratie.", date(plan.earliest_go_live), plan.slack_working_days)
        } else {
            format!("There is slack: the earliest possible go-live is {}. Migration and training are scheduled back from the desired go-live; {} working days of slack lie before the migration.", date(plan.earliest_go_live), plan.slack_working_days)
        });
    }
    PlanInfo {
        today,
        desired_go_live: plan.requested_go_live,
        go_live: Some(plan.go_live),
        closures: plan.closures.clone(),
        notes,
    }
}
