//! The headless intake commands: new, list, show, set, unset, history, export,
//! delete, restore, purge (import: `bundles.rs`).

use super::args::ModeArg;
use super::{Ctx, confirm};
use crate::form::{AnswerKey, Lang};
use crate::t;
use crate::text::printable;
use crate::workspace::{FormSource, Loaded, Mode, SetError, parse_assignment, today};
use anyhow::{Context, Result, bail};
use serde_json::json;
use std::path::Path;
use std::process::ExitCode;

pub fn new(ctx: &Ctx, customer: &str, mode: ModeArg, form: Option<&Path>) -> Result<ExitCode> {
    let mut ws = ctx.workspace()?;
    let source = form.map(FormSource::read).transpose()?;
    let mode = match mode {
        ModeArg::OnSite => Mode::OnSite,
        ModeArg::Online => Mode::Online,
        ModeArg::SelfFilled => Mode::SelfFilled,
    };
    let id = ws.new_intake(customer, mode, source)?;
    println!("{id}");
    Ok(ExitCode::SUCCESS)
}

pub fn list(ctx: &Ctx, json: bool) -> Result<ExitCode> {
    let ws = ctx.workspace()?;
    let items = ws.store.list_intakes()?;
    let progress = ws.store.progress_all()?;
    if json {
        // Stored answers (the store does not know which are hidden or obsolete).
        let answered = ws.store.answer_counts()?;
        let rows: Vec<_> = items
            .iter()
            .map(|i| {
                json!({
                    "id": i.id, "customer": i.customer, "mode": i.mode.as_str(), "status": i.status_id(),
                    "returned_at": i.returned_at.map(rfc3339),
                    "form_id": i.form_id, "form_version": i.form_version,
                    "created_at": rfc3339(i.created_at), "updated_at": rfc3339(i.updated_at),
                    "answered": answered.get(&i.id).copied().unwrap_or(0), "progress": progress.get(&i.id).copied().unwrap_or(0),
                })
            })
            .collect();
        println!("{}", serde_json::to_string_pretty(&rows)?);
    } else if items.is_empty() {
        println!("{}", t!(ctx.lang, "list-empty"));
    } else {
        let lang = ctx.lang;
        println!(
            "{:>4}  {:<32} {:<13} {:<9} {:>9}  {}",
            t!(lang, "list-head-id"),
            t!(lang, "list-head-customer"),
            t!(lang, "list-head-mode"),
            t!(lang, "list-head-status"),
            t!(lang, "list-head-progress"),
            t!(lang, "list-head-updated")
        );
        for i in &items {
            println!(
                "{:>4}  {:<32} {:<13} {:<9} {:>8}%  {}",
                i.id,
                truncate(&printable(&i.customer), 32),
                i.mode.label(lang),
                status_name(i.status_id(), lang),
                progress.get(&i.id).copied().unwrap_or(0),
                local_time(i.updated_at, lang)
            );
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// The status as the user reads it ("concept").
/// `id` as `IntakeSummary::status_id` gives it (a status, or `returned`).
pub fn status_name(id: &str, lang: Lang) -> String {
    crate::i18n::message(lang, &format!("status-{id}"), None)
}

/// A moment in the local time zone, in the language's table notation: "27-11-2026 15:48".
fn local_time(t: time::OffsetDateTime, lang: Lang) -> String {
    let t = time::UtcOffset::current_local_offset()
        .map(|o| t.to_offset(o))
        .unwrap_or(t);
    format!(
        "{} {:02}:{:02}",
        crate::i18n::fmt::date_short(t.date(), lang),
        t.hour(),
        t.minute()
    )
}

pub fn rfc3339(t: time::OffsetDateTime) -> String {
    t.format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

fn truncate(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        format!("{}…", s.chars().take(n - 1).collect::<String>())
    }
}

pub fn show(ctx: &Ctx, id: i64, json_out: bool) -> Result<ExitCode> {
    let ws = ctx.workspace()?;
    let l = ws.load(id)?;
    let ev = l.evaluate(today());
    let lang = ctx.lang;
    let mut errors = Vec::new();
    let mut missing = Vec::new();
    for (si, s) in l.form.sections.iter().enumerate() {
        let st = &ev.sections[si];
        if !st.visible {
            continue;
        }
        for (inst, row) in st.items.iter().enumerate() {
            for (qi, item) in row.iter().enumerate() {
                let key = crate::form::eval::key_of(s, inst, &s.questions[qi]);
                if let Some(e) = &item.error {
                    errors.push((key.clone(), e.get(lang).to_string()));
                }
                if item.missing() {
                    missing.push(key);
                }
            }
        }
    }
    if json_out {
        let sections: Vec<_> = l
            .form
            .sections
            .iter()
            .zip(&ev.sections)
            .map(|(s, st)| {
                json!({"id": s.id, "title": s.title.get(lang), "visible": st.visible, "entries": s.repeat.as_ref().map(|_| st.instances),
                       "answered": st.answered, "required": st.required, "missing": st.missing, "errors": st.errors})
            })
            .collect();
        let answers: serde_json::Map<_, _> = l
            .answers
            .iter()
            .map(|(k, v)| (k.clone(), v.to_json()))
            .collect();
        let out = json!({
            "id": l.record.id, "customer": l.record.customer, "mode": l.record.mode.as_str(), "status": l.record.status.as_str(),
            "form": {"id": l.form.id, "version": l.form.version, "started_with": l.record.form_version},
            "created_at": rfc3339(l.record.created_at), "updated_at": rfc3339(l.record.updated_at),
            "deleted_at": l.record.deleted_at.map(rfc3339),
            "progress": {"required": ev.total_required(), "missing": ev.total_missing(), "errors": ev.total_errors(), "percent": ev.progress_percent()},
            "sections": sections,
            "answers": answers,
            "missing": missing,
            "errors": errors.iter().map(|(k, m)| json!({"key": k, "message": m})).collect::<Vec<_>>(),
            "orphans": l.orphans,
        });
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(ExitCode::SUCCESS);
    }
    print_human(&l, &ev, lang, &missing, &errors);
    Ok(ExitCode::SUCCESS)
}

fn print_human(
    l: &Loaded,
    ev: &crate::form::Evaluation,
    lang: Lang,
    missing: &[String],
    errors: &[(String, String)],
) {
    println!(
        "#{} {} — {}, {} — {} v{}",
        l.record.id,
        printable(&l.record.customer),
        l.mode().label(lang),
        status_name(l.record.status.as_str(), lang),
        l.form.id,
        l.form.version
    );
    if let Some(at) = l.record.deleted_at {
        println!(
            "{}",
            t!(
                lang,
                "show-deleted",
                date = crate::i18n::fmt::date_long(at.date(), lang),
                id = l.record.id.to_string()
            )
        );
    }
    println!(
        "{}\n",
        t!(
            lang,
            "show-progress",
            given = ev.total_required() - ev.total_missing(),
            required = ev.total_required(),
            percent = ev.progress_percent(),
            errors = ev.total_errors()
        )
    );
    for (si, s) in l.form.sections.iter().enumerate() {
        let st = &ev.sections[si];
        if !st.visible {
            continue;
        }
        let mark = if st.errors > 0 {
            "!"
        } else if st.missing == 0 {
            "✓"
        } else {
            " "
        };
        println!(
            "{mark} {} ({}/{})",
            s.title.get(lang),
            st.required - st.missing,
            st.required
        );
        for (inst, row) in st.items.iter().enumerate() {
            for (qi, item) in row.iter().enumerate() {
                let q = &s.questions[qi];
                if !item.visible || item.value.is_null() || q.kind == crate::form::Kind::Note {
                    continue;
                }
                let key = crate::form::eval::key_of(s, inst, q);
                println!("    {key} = {}", printable(&q.display(&item.value, lang)));
            }
        }
    }
    if !missing.is_empty() {
        println!("\n{}", t!(lang, "show-missing"));
        for k in missing {
            println!("    {k}");
        }
    }
    if !errors.is_empty() {
        println!("\n{}", t!(lang, "show-errors"));
        for (k, m) in errors {
            println!("    {k}: {}", printable(m));
        }
    }
    if !l.orphans.is_empty() {
        println!("\n{}", t!(lang, "show-orphans"));
        for (k, v) in &l.orphans {
            println!("    {k} = {v}");
        }
    }
}

pub fn set(ctx: &Ctx, id: i64, pairs: &[String]) -> Result<ExitCode> {
    let mut ws = ctx.workspace()?;
    let parsed = pairs
        .iter()
        .map(|p| parse_assignment(p))
        .collect::<Result<Vec<_>, SetError>>()?;
    ws.set_answers(id, &parsed)?;
    Ok(ExitCode::SUCCESS)
}

pub fn unset(ctx: &Ctx, id: i64, keys: &[String]) -> Result<ExitCode> {
    let mut ws = ctx.workspace()?;
    ws.unset_answers(id, keys)?;
    Ok(ExitCode::SUCCESS)
}

pub fn history(ctx: &Ctx, id: i64, key: Option<&str>, json_out: bool) -> Result<ExitCode> {
    let ws = ctx.workspace()?;
    ws.store.intake(id)?;
    if let Some(k) = key {
        AnswerKey::parse(k).map_err(|e| anyhow::anyhow!("{}", e.get(ctx.lang)))?;
    }
    let rows = ws.store.history(id, key)?;
    if json_out {
        let out: Vec<_> = rows
            .iter()
            .map(|h| json!({"key": h.key, "old": h.old, "new": h.new, "changed_at": rfc3339(h.changed_at), "changed_by": h.changed_by}))
            .collect();
        println!("{}", serde_json::to_string_pretty(&out)?);
        return Ok(ExitCode::SUCCESS);
    }
    let lang = ctx.lang;
    if rows.is_empty() {
        println!("{}", t!(lang, "history-empty"));
        return Ok(ExitCode::SUCCESS);
    }
    println!(
        "{:<16}  {:<12} {:<32} {}",
        t!(lang, "history-head-when"),
        t!(lang, "history-head-who"),
        t!(lang, "history-head-key"),
        t!(lang, "history-head-change")
    );
    for h in &rows {
        let show = |v: &Option<serde_json::Value>| {
            v.as_ref()
                .map(|v| printable(&v.to_string()).into_owned())
                .unwrap_or_else(|| "—".into())
        };
        println!(
            "{:<16}  {:<12} {:<32} {} → {}",
            local_time(h.changed_at, lang),
            printable(&h.changed_by),
            h.key,
            show(&h.old),
            show(&h.new)
        );
    }
    Ok(ExitCode::SUCCESS)
}

pub fn export(
    ctx: &Ctx,
    id: i64,
    out: &Path,
    crypt: &super::args::BundleCrypt,
) -> Result<ExitCode> {
    let mut ws = ctx.workspace()?;
    let bundle = ws.store.export_bundle(id)?;
    let text = serde_json::to_vec_pretty(&bundle)?;
    let bytes = if crypt.encrypt {
        let pass =
            crate::crypt::bundle::passphrase(crypt.passphrase_file.as_deref(), true, ctx.lang)?;
        crate::crypt::bundle::encrypt(&text, &pass)?
    } else {
        eprintln!("{}", crate::crypt::plain_bundle_note(ctx.lang, out));
        text
    };
    crate::fsutil::write_atomic(out, &bytes).with_context(|| {
        t!(
            ctx.lang,
            "file-writing",
            path = crate::text::printable_path(out)
        )
    })?;
    // A read-only database (or a full disk) still exports; only the mark is skipped. A deleted
    // intake can be exported (as `show` says) but stays deleted and unchanged.
    if ws.store.read_only().is_none() && ws.store.intake(id)?.deleted_at.is_none() {
        ws.store.set_status(id, crate::store::Status::Exported)?;
    }
    eprintln!("{} → {}", id, crate::text::printable_path(out));
    Ok(ExitCode::SUCCESS)
}

pub fn delete(ctx: &Ctx, id: i64, yes: bool, purge: bool) -> Result<ExitCode> {
    let mut ws = ctx.workspace()?;
    let rec = ws.store.intake(id)?;
    let customer = printable(&rec.customer);
    let question = if purge {
        t!(
            ctx.lang,
            "purge-confirm",
            id = id.to_string(),
            customer = &*customer
        )
    } else {
        t!(
            ctx.lang,
            "delete-confirm",
            id = id.to_string(),
            customer = &*customer
        )
    };
    if !yes && !confirm(&question, ctx.lang) {
        bail!("{}", t!(ctx.lang, "delete-not-confirmed"));
    }
    if !purge {
        ws.store.delete_intake(id)?;
        eprintln!(
            "{}",
            t!(ctx.lang, "intake-deleted-note", id = id.to_string())
        );
        return Ok(ExitCode::SUCCESS);
    }
    let outcome = ws.store.purge_intake(id)?;
    if outcome.wal_cleared {
        return Ok(ExitCode::SUCCESS);
    }
    let wal = format!("{}-wal", ctx.db.display());
    eprintln!(
        "{}",
        t!(
            ctx.lang,
            "purge-still-on-disk",
            id = id.to_string(),
            wal = crate::text::printable(&wal)
        )
    );
    Ok(ExitCode::FAILURE)
}

pub fn restore(ctx: &Ctx, id: i64) -> Result<ExitCode> {
    let mut ws = ctx.workspace()?;
    ws.store.restore_intake(id)?;
    let rec = ws.store.intake(id)?;
    eprintln!(
        "{}",
        t!(
            ctx.lang,
            "intake-restored",
            id = id.to_string(),
            customer = printable(&rec.customer)
        )
    );
    Ok(ExitCode::SUCCESS)
}
