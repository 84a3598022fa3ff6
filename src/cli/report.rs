//! `intake report ID --out FILE.pdf [--lang nl|en]`.

use super::Ctx;
use anyhow::{Result, bail};
use std::path::Path;
use std::process::ExitCode;

pub fn run(ctx: &Ctx, id: i64, out: &Path) -> Result<ExitCode> {
    let lang = ctx.lang;
    if out
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_lowercase())
        != Some("pdf".into())
    {
        bail!(
            "{}: the report is a PDF; give a file name ending in .pdf",
            out.display()
        );
    }
    let mut ws = ctx.workspace()?;
    let done = crate::export::export_report(&mut ws, id, out, lang)?;
    println!("{}", done.path);
    eprintln!("{} bytes, sha256 {}", done.bytes, done.sha256);
    Ok(ExitCode::SUCCESS)
}
