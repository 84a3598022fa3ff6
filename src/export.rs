//! The report export: an intake's proposal (its model, advice, quote and plan) mapped onto the
//! PDF report's own input model, rendered, written atomically and recorded in the store with its
//! hash. Every front end (`intake report`, the TUI) goes through here.
//!
//! The report reads no answer key and no probe payload: everything comes from the intake model
//! ([`crate::advice::model::IntakeModel`]) that the advice, quote and plan read too.

mod situation;
mod summary;

use crate::advice::{Finding, Severity as AdviceSeverity};
use crate::form::Lang;
use crate::proposal::{self, Config, Proposal};
use crate::quote::{Period as QuotePeriod, Quote, QuoteKind as QKind};
use crate::report::{
    self, Customer, FindingRow, PhaseRow, QuoteDoc, QuoteKind, QuoteLineRow, ReportInput, SepaInfo,
    Severity,
};
use crate::workspace::{Workspace, today};
use anyhow::{Context, Result};
use std::collections::BTreeMap;
use std::path::Path;

/// What an export wrote.
#[derive(Debug, Clone)]
pub struct Exported {
    pub path: String,
    pub bytes: usize,
    pub sha256: String,
}

/// Renders the report of intake `id` to `out` and records it in the store.
pub fn export_report(ws: &mut Workspace, id: i64, out: &Path, lang: Lang) -> Result<Exported> {
    let input = report_input(ws, id, lang, today())?;
    let pdf = report::render(&input).context("rendering the report")?;
    crate::fsutil::write_atomic(out, &pdf).with_context(|| format!("writing {}", out.display()))?;
    let sha256 = crate::store::sha256_file(out)
        .with_context(|| format!("reading back {}", out.display()))?;
    let path = std::fs::canonicalize(out)
        .unwrap_or_else(|_| out.to_path_buf())
        .display()
        .to_string();
    ws.store.record_report(id, &path, &sha256, lang.code())?;
    Ok(Exported {
        path,
        bytes: pdf.len(),
        sha256,
    })
}

pub(crate) fn severity(s: AdviceSeverity) -> Severity {
    match s {
        AdviceSeverity::Ok => Severity::Ok,
        AdviceSeverity::Attention => Severity::Attention,
        AdviceSeverity::Blocker => Severity::Blocker,
    }
}

/// Builds the report's input for intake `id` on `today`.
pub fn report_input(ws: &Workspace, id: i64, lang: Lang, today: time::Date) -> Result<ReportInput> {
    let l = ws.load(id)?;
    let probes = ws.store.probes(id)?;
    let accepted = ws.store.accepted_findings(id)?;
    let cfg = Config::embedded().map_err(|e| anyhow::anyhow!("{e}"))?;
    let p = proposal::build(&cfg, &l.form, &l.answers, &probes, &accepted, today);
    let provider = report::Provider::embedded().map_err(|e| anyhow::anyhow!("{e}"))?;
    let m = &p.model;
    let c = &m.company;
    let customer = Customer {
        name: l.record.customer.clone(),
        kvk: c.kvk.clone(),
        vat: c.vat.clone(),
        address: c.address.clone(),
        postcode: c.postcode.clone(),
        city: c.city.clone(),
        billing_email: c.billing_email.clone(),
        iban: c.iban.clone(),
        contact_name: c.contact_name.clone(),
        contact_role: None,
    };
    let situation = situation::Situation::of(m, lang);
    Ok(ReportInput {
        lang,
        provider,
        customer,
        intake_date: m.intake_date.unwrap_or(l.record.created_at.date()),
        mode: l.mode().label(lang).to_string(),
        specialist: c.specialist.clone(),
        summary: summary::summary(&p, lang),
        locations: situation.locations,
        unassigned: situation.unassigned,
        link_latency: situation.link_latency,
        workstations: situation.workstations,
        coverage: situation.coverage,
        users: situation.users,
        apps: situation.apps,
        topics: situation.topics,
        lan: situation.lan,
        findings: p.findings.iter().map(|f| finding_row(f, lang)).collect(),
        plan: p
            .plan
            .phases
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
            .collect(),
        quote: quote_doc(&p, id, lang, &option_users(&p)),
        sepa: c.iban.as_ref().map(|iban| SepaInfo {
            mandate_reference: format!("MWO-{id:06}"),
            iban: iban.clone(),
            account_holder: c
                .iban_holder
                .clone()
                .unwrap_or_else(|| l.record.customer.clone()),
        }),
    })
}

/// A finding as the customer reads it: its title and the customer's text, never the measure.
fn finding_row(f: &Finding, lang: Lang) -> FindingRow {
    FindingRow {
        severity: severity(f.severity),
        title: f.title.get(lang).to_string(),
        advice: f.customer.get(lang).to_string(),
        accepted: f.accepted.as_ref().map(|a| a.reason.clone()),
    }
}

/// Per option id, the users who take it, so each option's quote line names them: the customer
/// checks who gets what before signing.
fn option_users(p: &Proposal) -> BTreeMap<String, Vec<String>> {
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for u in &p.model.users {
        let name = u.name.clone().unwrap_or_else(|| format!("#{}", u.entry));
        for id in &u.options {
            out.entry(id.clone()).or_default().push(name.clone());
        }
    }
    out
}

fn quote_doc(
    p: &Proposal,
    id: i64,
    lang: Lang,
    users: &BTreeMap<String, Vec<String>>,
) -> Option<QuoteDoc> {
    let q: &Quote = p.quote.as_ref().ok()?;
    let lines = q
        .lines
        .iter()
        .map(|ln| {
            let mut description = if lang == Lang::Nl {
                ln.description_nl.clone()
            } else {
                ln.description_en.clone()
            };
            // The catalogue's description already says when it is charged; the FAQ reference
            // is what the report adds (it used to repeat the condition in other words).
            if ln.only_if_cancelled {
                description.push_str(" [FAQ 3.4]");
            }
            if let Some(names) = users.get(&ln.code) {
                let who = match lang {
                    Lang::Nl => "voor",
                    Lang::En => "for",
                };
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
                optional: ln.optional || ln.only_if_cancelled,
            }
        })
        .collect();
    let t = &q.totals;
    Some(QuoteDoc {
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
        promo_note: (q.price_name == "promo").then(|| match lang {
            Lang::Nl => "Actieprijs per werkplek; deze blijft gelden tijdens de initiële contractduur (FAQ 1.12).".to_string(),
            Lang::En => "Promotional price per workstation, kept for the initial contract term (FAQ 1.12).".to_string(),
        }),
    })
}
