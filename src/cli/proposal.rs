//! `intake advise`, `accept`, `quote` and `plan`: the proposal of one intake, as text or JSON.

use super::Ctx;
use super::intakes::rfc3339;
use crate::advice::{Finding, Severity};
use crate::form::{Lang, Value};
use crate::i18n::fmt::{date_long, date_short};
use crate::proposal::{self, Config, Proposal};
use crate::quote::{Period, QuoteKind, format_eur};
use crate::t;
use crate::workspace::{Loaded, Workspace, os_user, today};
use anyhow::{Context, Result, bail};
use serde_json::{Value as J, json};
use std::process::ExitCode;

/// Loads intake `id` and makes its proposal with the shipped rules, catalog and plan.
fn load(ctx: &Ctx, id: i64) -> Result<(Workspace, Loaded, Proposal)> {
    let ws = ctx.workspace()?;
    let l = ws.load(id)?;
    let probes = ws.store.probes(id)?;
    let accepted = ws.store.accepted_findings(id)?;
    let cfg = Config::embedded().context("loading the built-in advice rules, catalog and plan")?;
    let p = proposal::build(&cfg, &l.form, &l.answers, &probes, &accepted, today());
    Ok((ws, l, p))
}

fn finding_json(f: &Finding, lang: Lang) -> J {
    let values: serde_json::Map<String, J> = f
        .values
        .iter()
        .map(|(k, v)| (k.clone(), v.to_json()))
        .collect();
    json!({
        "rule": f.rule_id,
        "severity": f.severity.as_str(),
        "title": f.title.get(lang),
        "message": f.finding.get(lang),
        "measure": f.measure.get(lang),
        "customer": f.customer.get(lang),
        "entry": f.entry,
        "accepted": f.accepted.as_ref().map(|a| json!({"reason": a.reason, "by": a.by, "at": rfc3339(a.at)})),
        "values": values,
        "quote": f.quote_lines.iter().map(|(c, q)| json!({"code": c, "quantity": q})).collect::<Vec<_>>(),
        "plan": f.plan.iter().map(|p| p.as_str()).collect::<Vec<_>>(),
        "faq": f.faq,
    })
}

pub fn advise(ctx: &Ctx, id: i64, json_out: bool) -> Result<ExitCode> {
    let (_, l, p) = load(ctx, id)?;
    let lang = ctx.lang;
    if json_out {
        let list: Vec<J> = p.findings.iter().map(|f| finding_json(f, lang)).collect();
        println!("{}", serde_json::to_string_pretty(&list)?);
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{}",
        t!(
            lang,
            "advise-cli-head",
            id = l.record.id.to_string(),
            customer = l.record.customer.as_str()
        )
    );
    if p.findings.is_empty() {
        println!("{}", t!(lang, "advise-cli-none"));
    }
    for sev in [Severity::Blocker, Severity::Attention, Severity::Ok] {
        let group: Vec<&Finding> = p.findings.iter().filter(|f| f.severity == sev).collect();
        if group.is_empty() {
            continue;
        }
        let (mark, title) = match sev {
            Severity::Blocker => ("✗", t!(lang, "advise-cli-blockers")),
            Severity::Attention => ("!", t!(lang, "advise-cli-attention")),
            Severity::Ok => ("✓", t!(lang, "advise-cli-fine")),
        };
        println!("\n{title}");
        for f in group {
            println!("  {mark} {} [{}]", f.title.get(lang), f.rule_id);
            println!("    {}", f.finding.get(lang));
            let measure = f.measure.get(lang);
            println!("    {}", t!(lang, "advise-cli-measure", measure = measure));
            if !f.faq.is_empty() {
                let sections = f.faq.join(", ");
                println!("    {}", t!(lang, "advise-cli-faq", sections = sections));
            }
            if let Some(a) = &f.accepted {
                let date = date_short(a.at.date(), lang);
                let (reason, by) = (a.reason.as_str(), a.by.as_str());
                let accepted = t!(
                    lang,
                    "advise-cli-accepted",
                    reason = reason,
                    by = by,
                    date = date
                );
                println!("    {accepted}");
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn accept(ctx: &Ctx, id: i64, rule: &str, reason: &str) -> Result<ExitCode> {
    let reason = reason.trim();
    if reason.is_empty() {
        bail!(t!(ctx.lang, "accept-cli-reason-required"));
    }
    let (mut ws, _, p) = load(ctx, id)?;
    if !p.findings.iter().any(|f| f.rule_id == rule) {
        let mut ids: Vec<&str> = p
            .findings
            .iter()
            .filter(|f| f.severity != Severity::Ok)
            .map(|f| f.rule_id.as_str())
            .collect();
        ids.dedup();
        let rules = if ids.is_empty() {
            t!(ctx.lang, "accept-cli-no-findings")
        } else {
            ids.join(", ")
        };
        bail!(t!(
            ctx.lang,
            "accept-cli-unknown-rule",
            id = id.to_string(),
            rule = rule,
            rules = rules
        ));
    }
    ws.store.accept_finding(id, rule, reason, &os_user())?;
    let done = t!(
        ctx.lang,
        "accept-cli-done",
        rule = rule,
        id = id.to_string()
    );
    println!("{done}");
    Ok(ExitCode::SUCCESS)
}

pub fn quote(ctx: &Ctx, id: i64, json_out: bool) -> Result<ExitCode> {
    let (_, l, p) = load(ctx, id)?;
    let lang = ctx.lang;
    let q = match p.quote {
        Ok(q) => q,
        Err(crate::quote::QuoteError::NoWorkstations) => {
            bail!(t!(lang, "quote-cli-no-workstations", id = id.to_string()))
        }
        Err(e) => return Err(e).context(t!(lang, "quote-cli-pricing", id = id.to_string())),
    };
    if json_out {
        let mut j = q.to_json(lang);
        j["intake"] = json!(id);
        println!("{}", serde_json::to_string_pretty(&j)?);
        return Ok(ExitCode::SUCCESS);
    }
    let kind_id = match q.kind {
        QuoteKind::CostOverview => "quote-cli-overview",
        QuoteKind::Quote => "quote-cli-quote",
    };
    let (number, customer) = (l.record.id.to_string(), l.record.customer.as_str());
    println!("{}", t!(lang, kind_id, id = number, customer = customer));
    println!();
    for line in &q.lines {
        let desc = line.description(lang);
        let amount = match line.unit_cents {
            None => t!(lang, "quote-cli-on-request"),
            Some(u) => t!(
                lang,
                "quote-cli-amount",
                quantity = line.quantity,
                unit = format_eur(u, lang),
                net = format_eur(line.net_cents, lang)
            ),
        };
        let period = match line.period {
            Period::Monthly => t!(lang, "quote-cli-per-month"),
            Period::OneTime => t!(lang, "quote-cli-one-time"),
        };
        let mut note = String::new();
        if line.only_if_cancelled {
            note = format!(" {}", t!(lang, "quote-cli-only-if-cancelled"));
        }
        if line.example {
            note.push_str(" *");
        }
        println!("  {desc}\n      {amount} {period}{note}");
    }
    let t = &q.totals;
    println!();
    let row = |label: String, n: i64, v: i64, g: i64| {
        let sums = t!(
            lang,
            "quote-cli-totals",
            net = format_eur(n, lang),
            vat = format_eur(v, lang),
            gross = format_eur(g, lang)
        );
        println!("  {label:<14} {sums}");
    };
    row(
        t!(lang, "quote-cli-row-month"),
        t.monthly_net_cents,
        t.monthly_vat_cents,
        t.monthly_gross_cents,
    );
    row(
        t!(lang, "quote-cli-row-one-time"),
        t.one_time_net_cents,
        t.one_time_vat_cents,
        t.one_time_gross_cents,
    );
    println!(
        "  {}",
        t!(
            lang,
            "quote-cli-first-year",
            net = format_eur(t.first_year_cents, lang),
            gross = format_eur(t.first_year_gross_cents, lang)
        )
    );
    println!(
        "  {}",
        t!(
            lang,
            "quote-cli-commitment",
            net = format_eur(t.first_year_commitment_cents, lang),
            gross = format_eur(t.first_year_commitment_gross_cents, lang)
        )
    );
    let until = date_long(q.valid_until, lang);
    println!("  {}", t!(lang, "quote-cli-valid-until", date = until));
    if q.has_example_prices {
        println!("  * {}", t!(lang, "quote-cli-example"));
    }
    Ok(ExitCode::SUCCESS)
}

pub fn plan(ctx: &Ctx, id: i64, json_out: bool) -> Result<ExitCode> {
    let (_, l, p) = load(ctx, id)?;
    let lang = ctx.lang;
    // Without what the dates follow from, the plan gives each phase's days and no date.
    let missing = crate::advice::model::PlanGap::phrase(&p.model.plan_gaps(), lang);
    if json_out {
        let mut j = p.plan.to_json(lang);
        j["intake"] = json!(id);
        if let Some(m) = &missing {
            j["missing"] = json!(m);
            for key in ["earliest_go_live", "go_live", "go_live_too_early"] {
                j[key] = J::Null;
            }
            if let Some(phases) = j["phases"].as_array_mut() {
                for ph in phases {
                    ph["start"] = J::Null;
                    ph["end"] = J::Null;
                }
            }
        }
        println!("{}", serde_json::to_string_pretty(&j)?);
        return Ok(ExitCode::SUCCESS);
    }
    let (number, customer) = (l.record.id.to_string(), l.record.customer.as_str());
    println!(
        "{}",
        t!(lang, "plan-cli-head", id = number, customer = customer)
    );
    for ph in &p.plan.phases {
        let name = ph.name(lang);
        // A phase in a weekend window counts weekend days, every other phase working days.
        let weekend = ph.in_window && p.plan.window == crate::plan::MigrationWindow::Weekend;
        let days = if weekend {
            t!(lang, "plan-weekend-days", count = ph.working_days)
        } else {
            t!(lang, "working-days", count = ph.working_days)
        };
        match missing {
            Some(_) => println!("  {name} ({days})"),
            None => println!(
                "  {} – {}  {name} ({days})",
                date_short(ph.start, lang),
                date_short(ph.end, lang)
            ),
        }
    }
    if let Some(m) = &missing {
        println!(
            "  ! {}",
            t!(lang, "plan-unknown-short", missing = m.as_str())
        );
        return Ok(ExitCode::SUCCESS);
    }
    let earliest = date_long(p.plan.earliest_go_live, lang);
    println!("  {}", t!(lang, "plan-cli-earliest", date = earliest));
    if let Some(r) = p.plan.requested_go_live {
        let v = Value::Date(r);
        let shown = crate::advice::display(&l.form, "planning.go_live", &v, lang);
        if p.plan.go_live_too_early {
            println!(
                "  ! {}",
                t!(lang, "plan-cli-desired-too-early", date = shown)
            );
        } else {
            println!("  {}", t!(lang, "plan-cli-desired", date = shown));
        }
    }
    Ok(ExitCode::SUCCESS)
}
