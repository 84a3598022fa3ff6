//! `intake import`: a bundle as a new intake, or merged into the intake it came from.

use super::Ctx;
use crate::store::{Bundle, Conflict, MergeOutcome, Resolution, Side};
use crate::text::excerpt;
use anyhow::{Context, Result, bail};
use std::path::Path;
use std::process::ExitCode;

/// The conflict choices of `--ours[=KEYS]` and `--theirs[=KEYS]` (no keys: all conflicts).
pub fn resolution(ours: Option<Vec<String>>, theirs: Option<Vec<String>>) -> Result<Resolution> {
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
                bail!("--ours and --theirs cannot both be for all conflicts; name the keys of one");
            }
            r.all = Some(side);
        }
        for k in keys {
            if r.keys.insert(k.clone(), side).is_some() {
                bail!("{} is given to both --ours and --theirs", excerpt(&k));
            }
        }
    }
    Ok(r)
}

pub fn import(ctx: &Ctx, file: &Path, resolution: &Resolution, as_new: bool) -> Result<ExitCode> {
    let mut ws = ctx.workspace()?;
    let shown = crate::text::printable_path(file);
    let bytes =
        crate::fsutil::read_limited(file, crate::store::bundle::MAX_BUNDLE_BYTES, "a bundle")?;
    let bundle = Bundle::parse(&bytes).with_context(|| shown.clone())?;
    let bundle = ws.normalised(&bundle).with_context(|| shown.clone())?;
    let existing = if as_new {
        None
    } else {
        ws.store.find_duplicate(&bundle)?
    };
    let Some(id) = existing else {
        if resolution.all.is_some() || !resolution.keys.is_empty() {
            bail!(
                "{shown}: no intake here comes from this bundle, so there is nothing to merge; import it without --ours/--theirs"
            );
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
            bail!("{}", unresolved_message(&shown, id, &conflicts))
        }
        MergeOutcome::Merged { plan, resolved, .. } => {
            eprintln!(
                "{shown} merged into intake {id}: {} answer(s) taken from the bundle, {} kept (changed here after the export), {} conflict(s) decided",
                plan.taken.len(),
                plan.kept.len(),
                resolved.len()
            );
            for (c, side) in &resolved {
                let (won, lost) = match side {
                    Side::Ours => (&c.ours, &c.theirs),
                    Side::Theirs => (&c.theirs, &c.ours),
                };
                eprintln!(
                    "  {}: {} (instead of {}, kept in the history)",
                    excerpt(&c.key),
                    shown_value(won),
                    shown_value(lost)
                );
            }
            println!("{id}");
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn shown_value(v: &Option<serde_json::Value>) -> String {
    match v {
        Some(v) => excerpt(&v.to_string()),
        None => "(no answer)".into(),
    }
}

fn unresolved_message(file: &str, id: i64, conflicts: &[Conflict]) -> String {
    let mut lines = vec![format!(
        "{file}: {} answer(s) changed both here (intake {id}) and in the bundle since the export; nothing imported:",
        conflicts.len()
    )];
    for c in conflicts.iter().take(MAX_LISTED) {
        lines.push(format!(
            "  {}: here {}, in the bundle {} (at export {})",
            excerpt(&c.key),
            shown_value(&c.ours),
            shown_value(&c.theirs),
            shown_value(&c.base)
        ));
    }
    if conflicts.len() > MAX_LISTED {
        lines.push(format!("  … and {} more", conflicts.len() - MAX_LISTED));
    }
    lines.push(
        "choose per key with --ours=KEY,KEY or --theirs=KEY,KEY, or for all with --ours or --theirs"
            .into(),
    );
    lines.join("\n")
}

/// Conflicts listed in one message; the count says how many there are.
const MAX_LISTED: usize = 30;
