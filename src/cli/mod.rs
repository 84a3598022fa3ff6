//! The thin command-line front: parses arguments and calls the library.

pub mod args;
mod bundles;
mod db;
pub(crate) mod errors;
mod forms;
pub mod help;
mod intakes;
mod parse_errors;
pub(crate) mod probe;
mod proposal;
mod reasons;
mod report;

use crate::form::Lang;
use crate::workspace::Workspace;
use anyhow::Result;
use args::{Cli, Command};
use clap::FromArgMatches;
use std::path::PathBuf;
use std::process::ExitCode;

/// Shared settings of one run.
pub struct Ctx {
    pub db: PathBuf,
    pub lang: Lang,
    /// `--lang` as given: the TUI falls back to the language chosen there last.
    pub given_lang: Option<Lang>,
}

impl Ctx {
    /// Opens the database with its key (key file, OS keyring, or a passphrase asked on the
    /// terminal); what the user must know about it (a new key, read-only) goes to stderr.
    pub fn workspace(&self) -> Result<Workspace> {
        let opened = crate::crypt::open_store(&self.db, crate::crypt::Ask::from_stdin(self.lang))?;
        for n in &opened.notices {
            eprintln!("{n}");
        }
        Workspace::with_store(opened.store)
    }
}

pub fn main() -> ExitCode {
    // The pseudo-locale for tests that look for text that did not pass through Fluent.
    if std::env::var_os("INTAKE_PSEUDO").is_some_and(|v| v == "1") {
        crate::i18n::set_pseudo(true);
    }
    let raw: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let lang = help::lang_before_parsing(&raw);
    let matches = match help::command(lang).try_get_matches_from(&raw) {
        Ok(m) => m,
        // Help and parse errors show a usage line: parsed again with it in our words.
        Err(_) => help::command_with_usage(lang)
            .try_get_matches_from(&raw)
            .unwrap_or_else(|e| parse_errors::exit(e, lang)),
    };
    let cli = Cli::from_arg_matches(&matches).unwrap_or_else(|e| parse_errors::exit(e, lang));
    let given = cli.lang.as_deref().and_then(Lang::parse);
    let ctx = Ctx {
        db: cli.db.clone().unwrap_or_else(crate::store::default_path),
        lang: given.unwrap_or_default(),
        given_lang: given,
    };
    let prints_only = !matches!(
        cli.command,
        None | Some(Command::Probe(_) | Command::BandwidthServer { .. } | Command::Serve { .. })
    );
    if prints_only {
        quiet_broken_pipe();
    }
    match run(&ctx, cli.command) {
        Ok(code) => code,
        Err(e) => {
            // Escaped and cut: an error may quote a stored value or a file's bytes.
            eprintln!(
                "{}: {}",
                crate::t!(ctx.lang, "error-prefix"),
                crate::text::terminal_message(
                    &crate::crypt::explain_write_error(&ctx.db, &e, ctx.lang)
                        .unwrap_or_else(|| errors::render(&e, ctx.lang))
                )
            );
            ExitCode::FAILURE
        }
    }
}

/// `intake show 1 | head` must end quietly like any Unix tool, not panic in `println!`
/// when the reader goes away: the Rust runtime ignores SIGPIPE, so we restore the default
/// for the commands that only print. Not for the TUI or the network probes, which write to
/// sockets (std sends with MSG_NOSIGNAL, but those commands never need it).
fn quiet_broken_pipe() {
    // SAFETY: called once at start-up, before any thread is spawned; SIG_DFL is a valid
    // disposition for SIGPIPE.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}

fn run(ctx: &Ctx, cmd: Option<Command>) -> Result<ExitCode> {
    let Some(cmd) = cmd else {
        return crate::tui::run(&ctx.db, ctx.given_lang).map(|_| ExitCode::SUCCESS);
    };
    match cmd {
        Command::Form(f) => forms::run(ctx, f),
        Command::New {
            customer,
            mode,
            form,
        } => intakes::new(ctx, &customer, mode, form.as_deref()),
        Command::List { json } => intakes::list(ctx, json),
        Command::Show { id, json } => intakes::show(ctx, id, json),
        Command::Set { id, pairs } => intakes::set(ctx, id, &pairs),
        Command::Unset { id, keys } => intakes::unset(ctx, id, &keys),
        Command::History { id, key, json } => intakes::history(ctx, id, key.as_deref(), json),
        Command::Export { id, out, crypt } => intakes::export(ctx, id, &out, &crypt),
        Command::Import {
            file,
            ours,
            theirs,
            replace,
            as_new,
            passphrase_file,
        } => {
            let theirs = if replace { Some(Vec::new()) } else { theirs };
            let resolution = bundles::resolution(ctx.lang, ours, theirs)?;
            bundles::import(ctx, &file, &resolution, as_new, passphrase_file.as_deref())
        }
        Command::Delete { id, yes } => intakes::delete(ctx, id, yes, false),
        Command::Purge { id, yes } => intakes::delete(ctx, id, yes, true),
        Command::Restore { id } => intakes::restore(ctx, id),
        Command::Demo => {
            let mut ws = ctx.workspace()?;
            let id = crate::demo::create(&mut ws)?;
            println!("{id}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Probe(p) => probe::run(ctx, p),
        Command::BandwidthServer {
            listen,
            max_seconds,
        } => probe::server_cmd(ctx, &listen, max_seconds),
        Command::Advise { id, json } => proposal::advise(ctx, id, json),
        Command::Accept { id, rule, reason } => proposal::accept(ctx, id, &rule, &reason),
        Command::Quote { id, json } => proposal::quote(ctx, id, json),
        Command::Plan { id, json } => proposal::plan(ctx, id, json),
        Command::Report {
            id,
            out,
            final_only,
        } => report::run(ctx, id, &out, final_only),
        Command::Invite {
            id,
            days,
            revoke,
            list,
            public_url,
        } => {
            let action = match (revoke, list) {
                (true, _) => crate::web::InviteAction::Revoke,
                (_, true) => crate::web::InviteAction::List,
                _ => crate::web::InviteAction::Create { days },
            };
            let mut ws = ctx.workspace()?;
            for line in crate::web::invite(&mut ws, id, action, &public_url, ctx.lang)? {
                println!("{line}");
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Serve {
            listen,
            public_url,
            tls_cert,
            tls_key,
        } => {
            let tls = tls_cert
                .zip(tls_key)
                .map(|(cert, key)| crate::web::TlsFiles { cert, key });
            crate::web::serve(crate::web::ServeOptions {
                db: ctx.db.clone(),
                listen,
                public_url,
                tls,
            })?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Db(c) => db::run(ctx, c),
    }
}

/// Asks on the terminal; `false` when stdin is not a terminal or the answer is not yes.
pub fn confirm(question: &str, lang: Lang) -> bool {
    use std::io::{IsTerminal, Write};
    if !std::io::stdin().is_terminal() {
        return false;
    }
    eprint!("{question} {} ", crate::t!(lang, "confirm-choices"));
    let _ = std::io::stderr().flush();
    let mut line = String::new();
    if std::io::stdin().read_line(&mut line).is_err() {
        return false;
    }
    matches!(
        line.trim().to_lowercase().as_str(),
        "y" | "yes" | "j" | "ja"
    )
}
