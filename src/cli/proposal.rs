//! `intake advise`, `accept`, `quote` and `plan`: the proposal of one intake, as text or JSON.

use super::Ctx;
use super::intakes::rfc3339;
use crate::advice::{Finding, Severity};
use crate::form::{Lang, Value};
use crate::proposal::{self, Config, Proposal};
use crate::quote::{Period, QuoteKind, format_eur, iso};
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
    let (head, none) = match lang {
        Lang::Nl => ("Advies", "Geen bevindingen."),
        Lang::En => ("Advice", "No findings."),
    };
    println!("{head} #{} {}", l.record.id, l.record.customer);
    if p.findings.is_empty() {
        println!("{none}");
    }
    for sev in [Severity::Blocker, Severity::Attention, Severity::Ok] {
        let group: Vec<&Finding> = p.findings.iter().filter(|f| f.severity == sev).collect();
        if group.is_empty() {
            continue;
        }
        let (mark, title) = match (sev, lang) {
            (Severity::Blocker, Lang::Nl) => ("✗", "Blokkerend"),
            (Severity::Blocker, Lang::En) => ("✗", "Blockers"),
            (Severity::Attention, Lang::Nl) => ("!", "Aandachtspunten"),
            (Severity::Attention, Lang::En) => ("!", "Points of attention"),
            (Severity::Ok, Lang::Nl) => ("✓", "In orde"),
            (Severity::Ok, Lang::En) => ("✓", "Fine"),
        };
        println!("\n{title}");
        for f in group {
            println!("  {mark} {} [{}]", f.title.get(lang), f.rule_id);
            println!("    {}", f.finding.get(lang));
            let m = match lang {
                Lang::Nl => "Maatregel",
                Lang::En => "Measure",
            };
            println!("    {m}: {}", f.measure.get(lang));
            if !f.faq.is_empty() {
                println!("    FAQ {}", f.faq.join(", "));
            }
            if let Some(a) = &f.accepted {
                let w = match lang {
                    Lang::Nl => "Geaccepteerd",
                    Lang::En => "Accepted",
                };
                println!("    {w}: {} ({}, {})", a.reason, a.by, iso(a.at.date()));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

pub fn accept(ctx: &Ctx, id: i64, rule: &str, reason: &str) -> Result<ExitCode> {
    let reason = reason.trim();
    if reason.is_empty() {
        bail!("a reason is required: --reason \"why this finding is accepted\"");
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
        bail!(
            "intake {id} has no finding '{rule}'; its findings are: {}",
            if ids.is_empty() {
                "(none)".to_string()
            } else {
                ids.join(", ")
            }
        );
    }
    ws.store.accept_finding(id, rule, reason, &os_user())?;
    match ctx.lang {
        Lang::Nl => println!("Bevinding '{rule}' geaccepteerd voor intake {id}."),
        Lang::En => println!("Finding '{rule}' accepted for intake {id}."),
    }
    Ok(ExitCode::SUCCESS)
}

pub fn quote(ctx: &Ctx, id: i64, json_out: bool) -> Result<ExitCode> {
    let (_, l, p) = load(ctx, id)?;
    let lang = ctx.lang;
    let q = match p.quote {
        Ok(q) => q,
        Err(crate::quote::QuoteError::NoWorkstations) => {
            bail!(
                "intake {id} has no workstations yet: answer workstations.count (or the workstations per location)"
            )
        }
        Err(e) => return Err(e).context(format!("pricing intake {id}")),
    };
    if json_out {
        let mut j = q.to_json(lang);
        j["intake"] = json!(id);
        println!("{}", serde_json::to_string_pretty(&j)?);
        return Ok(ExitCode::SUCCESS);
    }
    let nl = lang == Lang::Nl;
    let kind = match (q.kind, nl) {
        (QuoteKind::CostOverview, true) => {
            "Kostenoverzicht (online bestellen; de orderbevestiging is het contract)"
        }
        (QuoteKind::CostOverview, false) => {
            "Cost overview (order online; the order confirmation is the contract)"
        }
        (QuoteKind::Quote, true) => "Offerte (de getekende offerte is het contract)",
        (QuoteKind::Quote, false) => "Quote (the signed quote is the contract)",
    };
    println!("{kind} — #{} {}", l.record.id, l.record.customer);
    println!();
    for line in &q.lines {
        let desc = if nl {
            &line.description_nl
        } else {
            &line.description_en
        };
        let amount = match line.unit_cents {
            None => (if nl { "op aanvraag" } else { "on request" }).to_string(),
            Some(u) => format!(
                "{} × {} = {}",
                line.quantity,
                format_eur(u, lang),
                format_eur(line.net_cents, lang)
            ),
        };
        let period = match (line.period, nl) {
            (Period::Monthly, true) => "per maand",
            (Period::Monthly, false) => "per month",
            (Period::OneTime, true) => "eenmalig",
            (Period::OneTime, false) => "one-time",
        };
        let mut note = String::new();
        if line.only_if_cancelled {
            note.push_str(if nl {
                " (alleen bij afzien van de bestelling)"
            } else {
                " (only if the order does not go ahead)"
            });
        }
        if line.example {
            note.push_str(" *");
        }
        println!("  {desc}\n      {amount} {period}{note}");
    }
    let t = &q.totals;
    let (ex, vat, inc) = if nl {
        ("excl. btw", "btw", "incl. btw")
    } else {
        ("excl. VAT", "VAT", "incl. VAT")
    };
    println!();
    let row = |label: &str, n: i64, v: i64, g: i64| {
        println!(
            "  {label:<14} {} {ex}  +  {} {vat}  =  {} {inc}",
            format_eur(n, lang),
            format_eur(v, lang),
            format_eur(g, lang)
        );
    };
    row(
        if nl { "Per maand" } else { "Per month" },
        t.monthly_net_cents,
        t.monthly_vat_cents,
        t.monthly_gross_cents,
    );
    row(
        if nl { "Eenmalig" } else { "One-time" },
        t.one_time_net_cents,
        t.one_time_vat_cents,
        t.one_time_gross_cents,
    );
    println!(
        "  {}",
        crate::t!(
            lang,
            "quote-cli-first-year",
            net = format_eur(t.first_year_cents, lang),
            gross = format_eur(t.first_year_gross_cents, lang)
        )
    );
    println!(
        "  {}",
        crate::t!(
            lang,
            "quote-cli-commitment",
            net = format_eur(t.first_year_commitment_cents, lang),
            gross = format_eur(t.first_year_commitment_gross_cents, lang)
        )
    );
    println!(
        "  {} {}",
        if nl { "Geldig tot" } else { "Valid until" },
        iso(q.valid_until)
    );
    if q.has_example_prices {
        println!(
            "  * {}",
            if nl {
                "voorbeeldprijs uit de catalogus, niet gepubliceerd"
            } else {
                "example price from the catalog, not published"
            }
        );
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
    let nl = lang == Lang::Nl;
    println!(
        "{} #{} {}",
        if nl { "Migratieplan" } else { "Migration plan" },
        l.record.id,
        l.record.customer
    );
    for ph in &p.plan.phases {
        let name = if nl { &ph.name_nl } else { &ph.name_en };
        // A phase in a weekend window counts weekend days, every other phase working days.
        let weekend = ph.in_window && p.plan.window == crate::plan::MigrationWindow::Weekend;
        let days = if weekend {
            crate::t!(lang, "plan-weekend-days", count = ph.working_days)
        } else {
            crate::t!(lang, "working-days", count = ph.working_days)
        };
        match missing {
            Some(_) => println!("  {name} ({days})"),
            None => println!("  {} – {}  {name} ({days})", iso(ph.start), iso(ph.end)),
        }
    }
    if let Some(m) = &missing {
        println!(
            "  ! {}",
            crate::t!(lang, "plan-unknown-short", missing = m.as_str())
        );
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "  {} {}",
        if nl {
            "Vroegst mogelijke livegang:"
        } else {
            "Earliest possible go-live:"
        },
        iso(p.plan.earliest_go_live)
    );
    if let Some(r) = p.plan.requested_go_live {
        let v = Value::Date(r);
        let shown = crate::advice::display(&l.form, "planning.go_live", &v, lang);
        if p.plan.go_live_too_early {
            println!(
                "  ! {} {shown} {}",
                if nl {
                    "Gewenste startdatum"
                } else {
                    "Desired go-live"
                },
                if nl { "is te vroeg." } else { "is too early." }
            );
        } else {
            println!(
                "  {} {shown}",
                if nl {
                    "Gewenste startdatum:"
                } else {
                    "Desired go-live:"
                }
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}
