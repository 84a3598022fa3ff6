//! `intake report ID --out FILE.pdf [--lang nl|en] [--final]`: a draft is written with its
//! CONCEPT mark and its reasons on stderr; `--final` refuses a draft (exit 1, nothing written).

use super::Ctx;
use anyhow::{Result, bail};
use std::path::Path;
use std::process::ExitCode;

pub fn run(ctx: &Ctx, id: i64, out: &Path, final_only: bool) -> Result<ExitCode> {
    let lang = ctx.lang;
    if out
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_lowercase())
        != Some("pdf".into())
    {
        bail!(
            "{}",
            crate::t!(
                lang,
                "report-not-pdf",
                path = crate::text::printable_path(out)
            )
        );
    }
    let mut ws = ctx.workspace()?;
    let done = crate::export::export_report(&mut ws, id, out, lang, final_only)?;
    println!("{}", done.path);
    if let Some(d) = &done.draft {
        eprintln!(
            "{}",
            crate::t!(lang, "draft-written", percent = d.completeness)
        );
        for r in &d.reasons {
            eprintln!("  - {r}");
        }
    }
    eprintln!(
        "{}",
        crate::t!(
            lang,
            "report-written",
            size = crate::i18n::fmt::integer(done.bytes as i64, lang),
            sha = done.sha256.as_str()
        )
    );
    Ok(ExitCode::SUCCESS)
}
