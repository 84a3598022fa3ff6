//! The summary page's content: blockers first, then points of attention, each rule once with
//! the names of the entries it fired for; the go-live's feasibility and the first-year cost.

use super::severity;
use crate::advice::model::PlanGap;
use crate::advice::{Finding, Severity as AdviceSeverity};
use crate::form::Lang;
use crate::proposal::Proposal;
use crate::quote::Totals;
use crate::report::{FirstYear, GoLive, Severity, Summary, SummaryPoint};

/// What the first year costs, as the quote computed it (`totals.first_year_cents`, the figure
/// `intake quote --json` gives): 12 × the monthly total + the one-time total.
pub(crate) fn first_year(t: &Totals) -> FirstYear {
    FirstYear {
        net_cents: t.first_year_cents,
        gross_cents: t.first_year_gross_cents,
    }
}

/// The name of the entry a finding of a `for_each` rule is about.
fn entry_name(p: &Proposal, f: &Finding, lang: Lang) -> Option<String> {
    let i = f.entry?.checked_sub(1)?;
    let m = &p.model;
    match f.group.as_deref()? {
        "locations" => m.locations.get(i).map(|l| l.label(lang)),
        "apps" => m
            .apps
            .iter()
            .find(|a| a.entry == i + 1)
            .map(|a| a.name.clone()),
        "users" => m.users.get(i).and_then(|u| u.name.clone()),
        _ => None,
    }
}

pub(crate) fn summary(p: &Proposal, lang: Lang) -> Summary {
    let open: Vec<&Finding> = p.findings.iter().filter(|f| f.accepted.is_none()).collect();
    let readiness = open
        .iter()
        .map(|f| severity(f.severity))
        .max()
        .unwrap_or(Severity::Ok);
    let mut points: Vec<SummaryPoint> = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    for f in open.iter().filter(|f| f.severity != AdviceSeverity::Ok) {
        if seen.contains(&f.rule_id.as_str()) {
            continue;
        }
        seen.push(&f.rule_id);
        let all: Vec<&&Finding> = open.iter().filter(|g| g.rule_id == f.rule_id).collect();
        // A rule over entries names them all; a blocker says what it means; a point of
        // attention is named by its title (the findings section gives its text).
        let text = if f.group.is_some() {
            all.iter()
                .filter_map(|g| entry_name(p, g, lang))
                .collect::<Vec<_>>()
                .join(", ")
        } else if f.severity == AdviceSeverity::Blocker {
            f.customer.get(lang).to_string()
        } else {
            String::new()
        };
        points.push(SummaryPoint {
            severity: severity(f.severity),
            title: f.title.get(lang).to_string(),
            text,
        });
    }
    // Findings come sorted blocker, attention; keep that order, stable within a severity.
    points.sort_by_key(|pt| std::cmp::Reverse(pt.severity));
    let plan = &p.plan;
    Summary {
        readiness,
        points,
        go_live: Some(GoLive {
            desired: plan.requested_go_live,
            earliest: plan.earliest_go_live,
            feasible: !plan.go_live_too_early,
            missing: PlanGap::phrase(&p.model.plan_gaps(), lang),
        }),
        first_year: p.quote.as_ref().ok().map(|q| first_year(&q.totals)),
    }
}
