//! The report export: an intake's answers, probes and proposal mapped onto the PDF
//! report's own input model, rendered, written atomically and recorded in the store
//! with its hash. Every front end (`intake report`, the TUI) goes through here.

use crate::advice::{Finding, Severity as AdviceSeverity};
use crate::form::{Lang, Value};
use crate::probe::readiness::Verdict;
use crate::proposal::{self, Config, Proposal};
use crate::quote::{Period as QuotePeriod, Quote, QuoteKind as QKind};
use crate::report::{
    self, Customer, FindingRow, LinkLatencyRow, LocationRow, PhaseRow, QuoteDoc, QuoteKind,
    QuoteLineRow, ReportInput, SepaInfo, Severity, Summary, WorkstationRow,
};
use crate::workspace::{Loaded, Workspace, today};
use anyhow::{Context, Result};
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

/// An answer as shown in Dutch (IBAN grouped, postcode spaced); for names and numbers.
fn text(l: &Loaded, key: &str) -> Option<String> {
    shown(l, key, Lang::Nl)
}

fn shown(l: &Loaded, key: &str, lang: Lang) -> Option<String> {
    let v = l.answers.get(key)?;
    let k = crate::form::AnswerKey::parse(key).ok()?;
    let (_, q) = l.form.find(&k.path())?;
    Some(q.display(v, lang))
}

fn num(l: &Loaded, key: &str) -> Option<f64> {
    l.answers.get(key).and_then(Value::as_f64)
}

fn severity(s: AdviceSeverity) -> Severity {
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
    let intake_date = match l.answers.get("intake.date") {
        Some(Value::Date(d)) => *d,
        _ => l.record.created_at.date(),
    };
    let customer = Customer {
        name: l.record.customer.clone(),
        kvk: text(&l, "company.kvk"),
        vat: text(&l, "company.vat"),
        address: text(&l, "company.address"),
        postcode: text(&l, "company.postcode"),
        city: text(&l, "company.city"),
        billing_email: text(&l, "company.billing_email"),
        iban: text(&l, "company.iban"),
        contact_name: text(&l, "intake.contact_name"),
        contact_role: None,
    };
    let open: Vec<&Finding> = p.findings.iter().filter(|f| f.accepted.is_none()).collect();
    let readiness = open
        .iter()
        .map(|f| severity(f.severity))
        .max()
        .unwrap_or(Severity::Ok);
    let headlines = open
        .iter()
        .filter(|f| f.severity != AdviceSeverity::Ok)
        .take(5)
        .map(|f| f.title.get(lang).to_string())
        .collect();
    Ok(ReportInput {
        lang,
        provider,
        customer,
        intake_date,
        mode: l.mode().label(lang).to_string(),
        specialist: text(&l, "intake.specialist"),
        summary: Summary {
            readiness,
            headlines,
        },
        locations: locations(&l, &cfg, &probes),
        link_latency: link_latency(&l, &probes),
        workstations: workstations(&probes, lang),
        software: software(&l, lang),
        business_apps: business_apps(&l, lang),
        email: email(&l, lang),
        domain: domain(&l, lang),
        data: data(&l, lang),
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
        quote: quote_doc(&p, id, lang, &option_users(&l)),
        sepa: l
            .answers
            .get("company.iban")
            .and_then(Value::as_str)
            .map(|iban| SepaInfo {
                mandate_reference: format!("MWO-{id:06}"),
                iban: crate::form::types::format_iban(iban),
                account_holder: text(&l, "company.iban_holder")
                    .unwrap_or_else(|| l.record.customer.clone()),
            }),
    })
}

fn finding_row(f: &Finding, lang: Lang) -> FindingRow {
    FindingRow {
        severity: severity(f.severity),
        title: format!("{} — {}", f.title.get(lang), f.finding.get(lang)),
        measure: f.measure.get(lang).to_string(),
        accepted: f.accepted.as_ref().map(|a| a.reason.clone()),
    }
}

/// Idle and loaded latency per location, from the bandwidth measurement taken there: the
/// newest one tagged with the location (as the advice matches them), or with one location an
/// untagged one.
fn link_latency(l: &Loaded, probes: &[crate::store::ProbeRecord]) -> Vec<LinkLatencyRow> {
    let mut measured: Vec<_> = probes.iter().filter(|p| p.kind == "bandwidth").collect();
    measured.sort_by_key(|p| p.measured_at);
    let n = l.entry_count("locations");
    (1..=n)
        .filter_map(|i| {
            let name = text(l, &format!("locations[{i}].name"))?;
            let tag_of = |p: &&&crate::store::ProbeRecord| {
                p.payload.get("location").filter(|t| !t.is_null()).cloned()
            };
            let here = Value::Text(name.clone());
            let p = measured
                .iter()
                .rev()
                .find(|p| tag_of(p).is_some_and(|t| crate::advice::facts::tagged(&t, i, &here)))
                .or_else(|| {
                    measured
                        .iter()
                        .rev()
                        .find(|p| n == 1 && tag_of(p).is_none())
                })?;
            let ms = |k: &str| p.payload.get(k).and_then(serde_json::Value::as_f64);
            Some(LinkLatencyRow {
                location: name,
                idle_ms: Some(ms("latency_ms")?),
                loaded_down_ms: ms("loaded_latency_download_ms"),
                loaded_up_ms: ms("loaded_latency_upload_ms"),
            })
        })
        .collect()
}

/// Locations with the bandwidth needed for their workstations; the measured figure
/// is the saved bandwidth probe, which is taken at the first (main) location.
fn locations(l: &Loaded, cfg: &Config, probes: &[crate::store::ProbeRecord]) -> Vec<LocationRow> {
    let sizing = &cfg.rules.sizing;
    let workload = l
        .answers
        .get("workstations.workload")
        .and_then(Value::as_str)
        .unwrap_or(&sizing.default_workload);
    let rate = sizing
        .workloads
        .get(workload)
        .or_else(|| sizing.workloads.get(&sizing.default_workload));
    let measured = probes.iter().find(|p| p.kind == "bandwidth").map(|p| {
        (
            p.payload["download_mbps"].as_f64(),
            p.payload["upload_mbps"].as_f64(),
        )
    });
    let n = l.entry_count("locations");
    (1..=n)
        .filter_map(|i| {
            let name = text(l, &format!("locations[{i}].name"))?;
            let ws = num(l, &format!("locations[{i}].workstations"))
                .unwrap_or(0.0)
                .max(0.0);
            // The probe counts as this location's figure only when it gave a rate; otherwise
            // the subscription's speeds are shown, labelled as such.
            let (down, up, was_measured) = match (i, measured) {
                (1, Some((d, u))) if d.is_some() || u.is_some() => (d, u, true),
                _ => (
                    num(l, &format!("locations[{i}].down_mbps")),
                    num(l, &format!("locations[{i}].up_mbps")),
                    false,
                ),
            };
            let (nd, nu) = rate
                .map(|r| {
                    (
                        ws * r.down_mbps * sizing.headroom,
                        ws * r.up_mbps * sizing.headroom,
                    )
                })
                .unwrap_or((0.0, 0.0));
            Some(LocationRow {
                name,
                workstations: ws as u32,
                down_mbps: down,
                up_mbps: up,
                measured: was_measured,
                needed_down_mbps: nd,
                needed_up_mbps: nu,
            })
        })
        .collect()
}

fn workstations(probes: &[crate::store::ProbeRecord], lang: Lang) -> Vec<WorkstationRow> {
    probes
        .iter()
        .filter(|p| p.kind == "workstation")
        .map(|p| {
            let v = &p.payload;
            let verdict: Option<Verdict> =
                serde_json::from_value(v["readiness"]["verdict"].clone()).ok();
            let reason = v["readiness"]["reasons"]
                .as_array()
                .and_then(|rs| {
                    rs.iter()
                        .find(|r| r["verdict"].as_str() != Some("ready"))
                        .or(rs.first())
                })
                .and_then(|r| r[lang.code()].as_str())
                .unwrap_or("")
                .to_string();
            WorkstationRow {
                hostname: v["hostname"].as_str().unwrap_or("?").to_string(),
                os: format!(
                    "{} {}",
                    v["os_name"].as_str().unwrap_or(""),
                    v["os_version"].as_str().unwrap_or("")
                )
                .trim()
                .to_string(),
                memory_gb: v["memory_total_bytes"].as_u64().map(|b| b as f64 / 1e9),
                verdict: match verdict {
                    Some(Verdict::Ready) => Severity::Ok,
                    Some(Verdict::Attention) | None => Severity::Attention,
                    Some(Verdict::NotReady) => Severity::Blocker,
                },
                reason,
            }
        })
        .collect()
}

fn software(l: &Loaded, lang: Lang) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(v) = shown(l, "work.office_version", lang) {
        out.push(match lang {
            Lang::Nl => format!("Huidige Office-versie: {v}"),
            Lang::En => format!("Current Office version: {v}"),
        });
    }
    let Some((_, q)) = l.form.find("users.options") else {
        return out;
    };
    let n = l.entry_count("users");
    for c in &q.choices {
        let users = (1..=n).filter(|i| matches!(l.answers.get(&format!("users[{i}].options")), Some(Value::List(ids)) if ids.contains(&c.id))).count();
        if users > 0 {
            out.push(match lang {
                Lang::Nl => format!(
                    "{} ({users} gebruiker{})",
                    c.label.get(lang),
                    if users == 1 { "" } else { "s" }
                ),
                Lang::En => format!(
                    "{} ({users} user{})",
                    c.label.get(lang),
                    if users == 1 { "" } else { "s" }
                ),
            });
        }
    }
    out
}

fn business_apps(l: &Loaded, lang: Lang) -> Vec<String> {
    let n = l.entry_count("apps");
    (1..=n)
        .filter_map(|i| {
            let name = match l.answers.get(&format!("apps[{i}].name")) {
                Some(Value::Text(id)) if id == "other" => {
                    text(l, &format!("apps[{i}].name_other"))?
                }
                Some(_) => shown(l, &format!("apps[{i}].name"), lang)?,
                None => return None,
            };
            let product = text(l, &format!("apps[{i}].product"))
                .map(|p| format!(" — {p}"))
                .unwrap_or_default();
            let hosting = shown(l, &format!("apps[{i}].hosting"), lang)
                .map(|h| format!(" ({h})"))
                .unwrap_or_default();
            Some(format!("{name}{product}{hosting}"))
        })
        .collect()
}

fn email(l: &Loaded, lang: Lang) -> Option<String> {
    let boxes = num(l, "email.mailboxes");
    let size = shown(l, "email.size_gb", lang);
    let provider = shown(l, "email.provider", lang);
    if boxes.is_none() && size.is_none() && provider.is_none() {
        return None;
    }
    let mut parts = Vec::new();
    if let Some(b) = boxes {
        parts.push(match lang {
            Lang::Nl => format!("{b} mailboxen"),
            Lang::En => format!("{b} mailboxes"),
        });
    }
    parts.extend(size);
    parts.extend(provider);
    Some(parts.join(", "))
}

fn domain(l: &Loaded, lang: Lang) -> Option<String> {
    let name = text(l, "domain.name")?;
    let at = shown(l, "domain.provider", lang)
        .map(|p| format!(" — {p}"))
        .unwrap_or_default();
    let host = text(l, "domain.hosting_name")
        .map(|h| format!(" ({h})"))
        .unwrap_or_default();
    Some(format!("{name}{at}{host}"))
}

fn data(l: &Loaded, lang: Lang) -> Option<String> {
    let size = shown(l, "data.size_gb", lang);
    let loc = shown(l, "data.location", lang);
    match (size, loc) {
        (None, None) => None,
        (Some(s), None) => Some(s),
        (None, Some(w)) => Some(w),
        (Some(s), Some(w)) => Some(format!("{s} — {w}")),
    }
}

/// Per option id, the users who take it, so each option's quote line names them: the customer
/// checks who gets what before signing.
fn option_users(l: &Loaded) -> std::collections::BTreeMap<String, Vec<String>> {
    let n = l.entry_count("users");
    let mut out: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for i in 1..=n {
        let Some(Value::List(ids)) = l.answers.get(&format!("users[{i}].options")) else {
            continue;
        };
        let name = text(l, &format!("users[{i}].name")).unwrap_or_else(|| format!("#{i}"));
        for id in ids {
            out.entry(id.clone()).or_default().push(name.clone());
        }
    }
    out
}

fn quote_doc(
    p: &Proposal,
    id: i64,
    lang: Lang,
    users: &std::collections::BTreeMap<String, Vec<String>>,
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
