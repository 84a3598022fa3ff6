//! `intake import`: a bundle as a new intake, or merged into the intake it came from.

use super::Ctx;
use crate::form::Lang;
use crate::store::{Conflict, MergeOutcome, Resolution, Side};
use crate::t;
use crate::text::excerpt;
use anyhow::{Context, Result, bail};
use std::path::Path;
use std::process::ExitCode;

/// The conflict choices of `--ours[=KEYS]` and `--theirs[=KEYS]` (no keys: all conflicts).
pub fn resolution(
    lang: Lang,
    ours: Option<Vec<String>>,
    theirs: Option<Vec<String>>,
) -> Result<Resolution> {
    let mut r = Resolution::default();
    for (side, given) in [(Side::Ours, ours), (Side::Theirs, theirs)] {
        let Some(keys) = given else { continue };
        let keys: Vec<String> = keys
            .into_iter()
            .map(|k| k.trim().to_string())
            .filter(|k| !k.is_empty())
            .collect();
        if keys.is_empty() {
            if r.all.is_some() {
                bail!("{}", t!(lang, "import-both-all"));
            }
            r.all = Some(side);
        }
        for k in keys {
            if r.keys.insert(k.clone(), side).is_some() {
                bail!("{}", t!(lang, "import-key-twice", key = excerpt(&k)));
            }
        }
    }
    Ok(r)
}

pub fn import(
    ctx: &Ctx,
    file: &Path,
    resolution: &Resolution,
    as_new: bool,
    passphrase_file: Option<&Path>,
) -> Result<ExitCode> {
    let mut ws = ctx.workspace()?;
    let shown = crate::text::printable_path(file);
    let bundle = crate::crypt::bundle::read(file, ctx.lang, || {
        crate::crypt::bundle::passphrase(passphrase_file, false, ctx.lang)
    })?;
    let bundle = ws.normalised(&bundle).with_context(|| shown.clone())?;
    let existing = if as_new {
        None
    } else {
        ws.store.find_duplicate(&bundle)?
    };
    let Some(id) = existing else {
        if resolution.all.is_some() || !resolution.keys.is_empty() {
            bail!("{}", t!(ctx.lang, "import-nothing-to-merge", file = &shown));
        }
        let id = ws.import_bundle(&bundle)?;
        println!("{id}");
        return Ok(ExitCode::SUCCESS);
    };
    match ws
        .merge_bundle(id, &bundle, resolution)
        .with_context(|| shown.clone())?
    {
        MergeOutcome::Unresolved(conflicts) => {
            bail!("{}", unresolved_message(ctx.lang, &shown, id, &conflicts))
        }
        MergeOutcome::Merged { plan, resolved, .. } => {
            eprintln!(
                "{}",
                t!(
                    ctx.lang,
                    "import-merged",
                    file = &shown,
                    id = id.to_string(),
                    taken = plan.taken.len(),
                    kept = plan.kept.len(),
                    decided = resolved.len()
                )
            );
            for (c, side) in &resolved {
                let (won, lost) = match side {
                    Side::Ours => (&c.ours, &c.theirs),
                    Side::Theirs => (&c.theirs, &c.ours),
                };
                eprintln!(
                    "  {}",
                    t!(
                        ctx.lang,
                        "import-decided",
                        key = excerpt(&c.key),
                        won = shown_value(ctx.lang, won),
                        lost = shown_value(ctx.lang, lost)
                    )
                );
            }
            println!("{id}");
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn shown_value(lang: Lang, v: &Option<serde_json::Value>) -> String {
    match v {
        Some(v) => excerpt(&v.to_string()),
        None => t!(lang, "import-no-answer"),
    }
}

fn unresolved_message(lang: Lang, file: &str, id: i64, conflicts: &[Conflict]) -> String {
    let mut lines = vec![t!(
        lang,
        "import-conflicts",
        file = file,
        count = conflicts.len(),
        id = id.to_string()
    )];
    for c in conflicts.iter().take(MAX_LISTED) {
        let line = t!(
            lang,
            "import-conflict",
            key = excerpt(&c.key),
            ours = shown_value(lang, &c.ours),
            theirs = shown_value(lang, &c.theirs),
            base = shown_value(lang, &c.base)
        );
        lines.push(format!("  {line}"));
    }
    if conflicts.len() > MAX_LISTED {
        let more = t!(
            lang,
            "import-conflicts-more",
            count = conflicts.len() - MAX_LISTED
        );
        lines.push(format!("  {more}"));
    }
    lines.push(t!(lang, "import-conflicts-hint"));
    lines.join("\n")
}

/// Conflicts listed in one message; the count says how many there are.
const MAX_LISTED: usize = 30;
