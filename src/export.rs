//! The report export: an intake's proposal (its model, advice, quote and plan) mapped onto the
//! PDF report's own input model, rendered, written atomically and recorded in the store with its
//! hash. Every front end (`intake report`, the TUI) goes through here.
//!
//! The report reads no answer key and no probe payload: everything comes from the intake model
//! ([`crate::advice::model::IntakeModel`]) that the advice, quote and plan read too.

mod quote;
mod situation;
mod summary;

use crate::advice::model::PlanGap;
use crate::advice::{Finding, Severity as AdviceSeverity};
use crate::form::Lang;
use crate::proposal::{self, Config, Proposal};
use crate::quote::QuoteKind as QKind;
use crate::report::{self, Customer, DraftNote, FindingRow, ReportInput, SepaInfo, Severity};
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
    /// Set when the report written is a draft: why, as its cover lists it.
    pub draft: Option<DraftNote>,
}

/// A final report was asked for, but the proposal is a draft: nothing is written.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct DraftRefused(pub String);

/// Renders the report of intake `id` to `out` and records it in the store. With `final_only`
/// a draft is refused ([`DraftRefused`], listing why) and nothing is written.
pub fn export_report(
    ws: &mut Workspace,
    id: i64,
    out: &Path,
    lang: Lang,
    final_only: bool,
) -> Result<Exported> {
    let input = report_input(ws, id, lang, today())?;
    if final_only && let Some(d) = &input.draft {
        let percent = d.completeness;
        let head = crate::t!(
            lang,
            "draft-refused",
            id = id.to_string(),
            percent = percent
        );
        let list: Vec<String> = d.reasons.iter().map(|r| format!("  - {r}")).collect();
        return Err(DraftRefused(format!("{head}\n{}", list.join("\n"))).into());
    }
    let pdf = report::render(&input).with_context(|| crate::t!(lang, "export-rendering"))?;
    let shown = crate::text::printable_path(out);
    crate::fsutil::write_atomic(out, &pdf)
        .with_context(|| crate::t!(lang, "export-writing", path = shown.as_str()))?;
    let sha256 = crate::store::sha256_file(out)
        .with_context(|| crate::t!(lang, "export-reading-back", path = shown.as_str()))?;
    let path = std::fs::canonicalize(out)
        .unwrap_or_else(|_| out.to_path_buf())
        .display()
        .to_string();
    ws.store.record_report(id, &path, &sha256, lang.code())?;
    Ok(Exported {
        path,
        bytes: pdf.len(),
        sha256,
        draft: input.draft,
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
    let status = proposal::draft::assess(&l, &l.evaluate(today), &p, lang);
    let is_quote = p.quote.as_ref().is_ok_and(|q| q.kind == QKind::Quote);
    let provider = report::Provider::load().map_err(|e| anyhow::anyhow!("{e}"))?;
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
        plan: quote::plan_rows(&p.plan, lang),
        plan_info: Some(quote::plan_info(
            &p.plan,
            today,
            PlanGap::phrase(&m.plan_gaps(), lang),
            lang,
        )),
        quote: p
            .quote
            .as_ref()
            .ok()
            .map(|q| quote::quote_doc(q, &cfg.catalog, id, lang, &option_users(&p))),
        // A quote carries the mandate (blank lines where the intake lacks a value); a cost
        // overview is ordered online and carries none.
        sepa: is_quote.then(|| SepaInfo {
            mandate_reference: format!("MWO-{id:06}"),
            iban: c.iban.clone().unwrap_or_default(),
            account_holder: c
                .iban_holder
                .clone()
                .unwrap_or_else(|| l.record.customer.clone()),
            debtor_address: debtor_address(c),
            description: crate::t!(lang, "sepa-description-value", id = id.to_string()),
            signer: c.contact_name.clone(),
        }),
        draft: status.is_draft().then(|| DraftNote {
            completeness: status.completeness,
            reasons: status.lines(lang),
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

/// "Street 1, 1234 AB Place" from the company's answers, if any part is known.
fn debtor_address(c: &crate::advice::model::Company) -> Option<String> {
    let place = [c.postcode.as_deref(), c.city.as_deref()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
    let parts: Vec<&str> = [c.address.as_deref(), Some(place.as_str())]
        .into_iter()
        .flatten()
        .filter(|s| !s.trim().is_empty())
        .collect();
    (!parts.is_empty()).then(|| parts.join(", "))
}
