//! `intake db ...`: the database file and its key.

use std::process::ExitCode;

use anyhow::Result;

use super::Ctx;
use super::args::DbCmd;
use crate::crypt::{Ask, convert};

pub fn run(ctx: &Ctx, cmd: DbCmd) -> Result<ExitCode> {
    let ask = Ask::from_stdin(ctx.lang);
    let text = match cmd {
        DbCmd::Status => convert::status(&ctx.db, ctx.lang)?,
        DbCmd::Encrypt => convert::encrypt(&ctx.db, ask)?,
        DbCmd::Rekey => convert::rekey(&ctx.db, ask)?,
    };
    println!("{text}");
    Ok(ExitCode::SUCCESS)
}
