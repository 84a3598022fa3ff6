//! The quote, the SEPA mandate and the plan of a proposal mapped onto the report's model.

use crate::form::Lang;
use crate::plan::Plan;
use crate::quote::{Catalog, Period as QuotePeriod, Quote, QuoteKind as QKind};
use crate::report::{self, PhaseRow, PlanInfo, QuoteDoc, QuoteKind, QuoteLineRow};
use std::collections::BTreeMap;
use time::Date;

/// The catalog's minimum-commitment rule in words, for a quote or a cost overview.
pub fn commitment_rule(catalog: &Catalog, kind: QKind, lang: Lang) -> String {
    use crate::t;
    let c = &catalog.contract;
    t!(
        lang,
        "quote-commitment-rule",
        kind = if kind == QKind::Quote {
            "quote"
        } else {
            "overview"
        },
        months = t!(lang, "quote-months", count = c.quoted_workstation_months),
        later = t!(lang, "quote-months", count = c.added_later_min_months),
        options = t!(lang, "quote-months", count = c.option_min_months)
    )
}

/// The quote as the report shows it; `users` names who takes each option.
pub fn quote_doc(
    q: &Quote,
    catalog: &Catalog,
    id: i64,
    lang: Lang,
    users: &BTreeMap<String, Vec<String>>,
) -> QuoteDoc {
    let lines = q
        .lines
        .iter()
        .map(|ln| {
            let mut description = ln.description(lang).to_string();
            if let Some(names) = users.get(&ln.code) {
                description.push('\n');
                description.push_str(&crate::t!(
                    lang,
                    "quote-for-users",
                    names = names.join(", ")
                ));
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
                includes: ln.includes(lang).map(str::to_string),
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
        commitment_rule: commitment_rule(catalog, q.kind, lang),
        promo_note: (q.price_name == "promo").then(|| crate::t!(lang, "quote-promo")),
    }
}

/// The plan's phases for the report.
pub fn plan_rows(plan: &Plan, lang: Lang) -> Vec<PhaseRow> {
    plan.phases
        .iter()
        .map(|ph| PhaseRow {
            name: ph.name(lang).to_string(),
            start: ph.start,
            end: ph.end,
            working_days: ph.working_days,
        })
        .collect()
}

/// The plan's marks and notes: the window, the closure, backward scheduling with its slack,
/// and a go-live that cannot be made with the earliest feasible date.
/// With `missing` (what the plan still needs for dates) it keeps the window and closures but
/// gives no go-live and says no word on slack or feasibility.
pub fn plan_info(plan: &Plan, today: Date, missing: Option<String>, lang: Lang) -> PlanInfo {
    use crate::t;
    let date = |d: Date| report::format_date(d, lang);
    let mut notes = vec![t!(lang, "plan-window", window = plan.window.as_str())];
    for (a, b) in &plan.closures {
        notes.push(t!(lang, "plan-closure", from = date(*a), until = date(*b)));
    }
    let earliest = date(plan.earliest_go_live);
    if missing.is_some() {
        // The dates are not known yet: neither is a slack or an infeasible go-live.
    } else if plan.go_live_too_early
        && let Some(r) = plan.requested_go_live
    {
        notes.push(t!(
            lang,
            "plan-too-early",
            desired = date(r),
            earliest = earliest
        ));
    } else if plan.backward {
        notes.push(t!(
            lang,
            "plan-slack",
            earliest = earliest,
            days = plan.slack_working_days
        ));
    }
    PlanInfo {
        today,
        desired_go_live: plan.requested_go_live,
        go_live: missing.is_none().then_some(plan.go_live),
        closures: plan.closures.clone(),
        notes,
        missing,
    }
}
