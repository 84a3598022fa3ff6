//! `--help` in the user's language. The commands stay a clap derive (`args.rs`); before
//! parsing, the built command tree is walked and every about and help text is replaced by the
//! Fluent message named after the command's path and the argument's id (`assets/locales/*/
//! help.ftl`): `help-intake-probe-lan` is `intake probe lan`, its attribute `.cidr` the help of
//! `--cidr`. An argument without its own attribute takes the shared one of `help-arg`. The
//! language is decided before parsing: `--lang`, then `INTAKE_LANG`, then Dutch (the TUI's saved
//! choice lives in the encrypted database, which `--help` does not open).
//!
//! clap has no setting for the `[OPTIONS]` placeholder of the usage line, so each usage line
//! is rendered once and handed back with our word in it. clap's parse errors are worded by
//! `parse_errors.rs`.

use clap::builder::Resettable;
use clap::{Arg, Command, CommandFactory};

use crate::form::Lang;
use crate::i18n::message;
use crate::t;

/// The language for `--help` and for every message of this run, from the raw arguments.
pub fn lang_before_parsing(args: &[std::ffi::OsString]) -> Lang {
    let mut it = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(a) = it.next() {
        if a == "--" {
            break;
        }
        let value = match a.strip_prefix("--lang") {
            Some("") => it.next().map(|v| v.into_owned()),
            Some(rest) => rest.strip_prefix('=').map(str::to_owned),
            None => None,
        };
        if let Some(lang) = value.as_deref().and_then(Lang::parse) {
            return lang;
        }
    }
    std::env::var("INTAKE_LANG")
        .ok()
        .as_deref()
        .and_then(Lang::parse)
        .unwrap_or_default()
}

/// The whole command tree with its texts in `lang`.
pub fn command(lang: Lang) -> Command {
    let mut cmd = super::args::Cli::command();
    // Building adds clap's own `--help`, `--version` and `help` subcommands, and copies the
    // global options into every subcommand, so they are localised like the rest.
    cmd.build();
    localize(cmd, "intake", lang)
}

/// The tree of [`command`] with every usage line in our words, for `--help` and parse errors.
/// Rendering some forty usage lines costs half a millisecond, so a run whose arguments parse
/// never builds this: `main` asks for it only after the first parse failed or asked for help.
pub fn command_with_usage(lang: Lang) -> Command {
    with_usage(command(lang), lang)
}

fn with_usage(mut cmd: Command, lang: Lang) -> Command {
    let usage = usage_line(&mut cmd, lang);
    let mut cmd = cmd.override_usage(usage);
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for s in subs {
        cmd = cmd.mut_subcommand(&s, |c| with_usage(c, lang));
    }
    cmd
}

/// The Fluent id of a command's texts: `help-intake-probe-lan`; every `help` subcommand clap
/// adds shares `help-help`.
pub fn command_id(path: &str) -> String {
    if path.split('-').any(|part| part == "help") {
        "help-help".to_string()
    } else {
        format!("help-{path}")
    }
}

/// The help of argument `arg` of the command at `path`: its own attribute, or the shared one.
pub fn arg_text(lang: Lang, path: &str, arg: &str) -> Option<String> {
    let own = format!("{}.{arg}", command_id(path));
    let shared = format!("help-arg.{arg}");
    [own, shared]
        .into_iter()
        .map(|id| message(lang, &id, None))
        .find(|text| !text.starts_with('['))
}

fn localize(cmd: Command, path: &str, lang: Lang) -> Command {
    let id = command_id(path);
    let long = message(lang, &format!("{id}.long-about"), None);
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        t!(lang, "help-usage")
    );
    let cmd = cmd.about(message(lang, &id, None));
    let cmd = if long.starts_with('[') {
        cmd.long_about(Resettable::Reset)
    } else {
        cmd.long_about(long)
    };
    let mut cmd = cmd
        .help_template(template)
        .subcommand_help_heading(t!(lang, "help-heading-commands"))
        .subcommand_value_name(t!(lang, "help-value.command"));
    let args: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for a in args {
        cmd = cmd.mut_arg(&a, |arg| localize_arg(arg, path, lang));
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for s in subs {
        let sub_path = format!("{path}-{s}");
        cmd = cmd.mut_subcommand(&s, |c| localize(c, &sub_path, lang));
    }
    cmd
}

/// clap's usage line with its `[OPTIONS]` in our words (clap has no setting for that word):
/// rendered once from the localised arguments, then handed back as the command's usage.
/// Continuation lines are indented under our title, which is longer in Dutch.
fn usage_line(cmd: &mut Command, lang: Lang) -> String {
    let rendered = cmd.render_usage().to_string();
    let options = format!("[{}]", t!(lang, "help-value.options"));
    let indent = " ".repeat(t!(lang, "help-usage").chars().count() + 1);
    rendered
        .lines()
        .map(|l| {
            let l = l.trim_start();
            l.strip_prefix("Usage:")
                .unwrap_or(l)
                .trim()
                .replace("[OPTIONS]", &options)
        })
        .collect::<Vec<_>>()
        .join(&format!("\n{indent}"))
}

fn localize_arg(arg: Arg, path: &str, lang: Lang) -> Arg {
    let id = arg.get_id().to_string();
    let mut text = arg_text(lang, path, &id).unwrap_or_else(|| format!("[{path}.{id}]"));
    // clap's "[default: ..]", "[env: ..]" and "[possible values: ..]" in our words.
    let defaults: Vec<String> = arg
        .get_default_values()
        .iter()
        .map(|v| v.to_string_lossy().into_owned())
        .collect();
    if !defaults.is_empty() && arg.get_action().takes_values() {
        text.push(' ');
        text.push_str(&t!(lang, "help-default", value = defaults.join(", ")));
    }
    let possible: Vec<String> = arg
        .get_possible_values()
        .iter()
        .filter(|p| !p.is_hide_set())
        .map(|p| p.get_name().to_string())
        .collect();
    if !possible.is_empty() && arg.get_action().takes_values() {
        text.push(' ');
        text.push_str(&t!(lang, "help-possible", values = possible.join(", ")));
    }
    if let Some(env) = arg.get_env() {
        text.push(' ');
        text.push_str(&t!(lang, "help-env", name = env.to_string_lossy()));
    }
    let heading = if arg.is_positional() {
        t!(lang, "help-heading-arguments")
    } else {
        t!(lang, "help-heading-options")
    };
    let mut arg = arg
        .help(text)
        .long_help(Resettable::Reset)
        .hide_default_value(true)
        .hide_possible_values(true)
        .hide_env(true)
        .help_heading(heading);
    if arg.get_action().takes_values() {
        let value = message(lang, &format!("help-value.{id}"), None);
        if !value.starts_with('[') {
            arg = arg.value_name(value);
        }
    }
    arg
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command and every option has its text in both languages: a new option without
    /// a message fails here.
    #[test]
    fn every_command_and_option_has_its_help_in_both_languages() {
        let mut missing = Vec::new();
        for lang in [Lang::Nl, Lang::En] {
            let mut cmd = super::super::args::Cli::command();
            cmd.build();
            walk(&cmd, "intake", lang, &mut missing);
        }
        assert!(
            missing.is_empty(),
            "missing help texts:\n{}",
            missing.join("\n")
        );
    }

    fn walk(cmd: &Command, path: &str, lang: Lang, missing: &mut Vec<String>) {
        let id = command_id(path);
        if message(lang, &id, None).starts_with('[') {
            missing.push(format!("{id} ({})", lang.code()));
        }
        for a in cmd.get_arguments() {
            let arg = a.get_id().as_str();
            if arg_text(lang, path, arg).is_none() {
                missing.push(format!("{id}.{arg} ({})", lang.code()));
            }
        }
        for s in cmd.get_subcommands() {
            walk(s, &format!("{path}-{}", s.get_name()), lang, missing);
        }
    }

    #[test]
    fn help_speaks_the_language() {
        let mut cmd = command_with_usage(Lang::Nl);
        let help = cmd.render_help().to_string();
        assert!(help.contains("Gebruik:"), "{help}");
        assert!(help.contains("Opdrachten:"), "{help}");
        // The usage line too: clap's own "[OPTIONS]" does not reach a Dutch user.
        assert!(
            help.contains("Gebruik: intake [OPTIES] [OPDRACHT]"),
            "{help}"
        );
        assert!(!help.contains("OPTIONS"), "{help}");
        let mut probe = command_with_usage(Lang::En);
        let lan = probe
            .find_subcommand_mut("probe")
            .and_then(|p| p.find_subcommand_mut("lan"))
            .unwrap()
            .render_help()
            .to_string();
        assert!(lan.contains("Find hosts on the local network"), "{lan}");
        assert!(lan.contains("Usage: intake probe lan [OPTIONS]"), "{lan}");
    }

    #[test]
    fn the_language_is_found_before_parsing() {
        let args = |a: &[&str]| a.iter().map(std::ffi::OsString::from).collect::<Vec<_>>();
        assert_eq!(
            lang_before_parsing(&args(&["intake", "list", "--lang", "en"])),
            Lang::En
        );
        assert_eq!(
            lang_before_parsing(&args(&["intake", "--lang=en", "list"])),
            Lang::En
        );
        assert_eq!(
            lang_before_parsing(&args(&["intake", "set", "1", "--", "--lang=en"])),
            Lang::default()
        );
    }
}
