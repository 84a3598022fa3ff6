//! clap's own parse errors (an unknown option, a missing value, a wrong subcommand) in the
//! user's language: clap keeps the kind of the error and its context (the argument, the
//! value, the suggestions, the usage line), and we write the sentence from Fluent
//! (`assets/locales/<lang>/cli-parse.ftl`). A kind without a message of ours keeps clap's
//! own text, so nothing the user must know is lost.

use clap::error::{ContextKind, ContextValue, Error, ErrorKind};

use crate::form::Lang;
use crate::t;

/// Prints `e` in `lang` and ends the process as clap does (exit code 2 for a usage error);
/// help and version requests are printed by clap itself (their texts are localised already).
pub fn exit(e: Error, lang: Lang) -> ! {
    if matches!(
        e.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    ) {
        e.exit()
    }
    match render(&e, lang) {
        Some(text) => {
            eprint!("{text}");
            std::process::exit(e.exit_code())
        }
        None => e.exit(),
    }
}

/// The whole message (sentence, suggestion, usage, where to read more), or `None` for a
/// kind this module does not word.
pub fn render(e: &Error, lang: Lang) -> Option<String> {
    let one = |kind| match e.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        _ => None,
    };
    let many = |kind| match e.get(kind) {
        Some(ContextValue::Strings(v)) => v.clone(),
        Some(ContextValue::String(s)) => vec![s.clone()],
        _ => Vec::new(),
    };
    let quoted = |items: Vec<String>| {
        items
            .iter()
            .map(|s| format!("'{s}'"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut text = match e.kind() {
        ErrorKind::UnknownArgument => t!(
            lang,
            "clap-unknown-argument",
            arg = one(ContextKind::InvalidArg)?
        ),
        ErrorKind::InvalidSubcommand => t!(
            lang,
            "clap-unknown-subcommand",
            name = one(ContextKind::InvalidSubcommand)?
        ),
        ErrorKind::MissingRequiredArgument => {
            let args = many(ContextKind::InvalidArg);
            if args.is_empty() {
                return None;
            }
            let count = args.len();
            t!(
                lang,
                "clap-missing-argument",
                count = count,
                args = quoted(args)
            )
        }
        ErrorKind::MissingSubcommand => t!(
            lang,
            "clap-missing-subcommand",
            name = one(ContextKind::InvalidSubcommand)?,
            valid = quoted(many(ContextKind::ValidSubcommand))
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let arg = one(ContextKind::InvalidArg)?;
            let value = one(ContextKind::InvalidValue)?;
            let mut text = if value.is_empty() {
                t!(lang, "clap-missing-value", arg = arg)
            } else {
                t!(lang, "clap-invalid-value", arg = arg, value = value)
            };
            let valid = many(ContextKind::ValidValue);
            if !valid.is_empty() {
                let possible = t!(lang, "clap-possible-values", values = quoted(valid));
                text.push_str(&format!(" ({possible})"));
            }
            if let Some(reason) = std::error::Error::source(e).and_then(|s| reason(s, lang)) {
                text.push_str(&format!(": {reason}"));
            }
            text
        }
        ErrorKind::TooManyValues => t!(
            lang,
            "clap-unexpected-value",
            arg = one(ContextKind::InvalidArg)?,
            value = one(ContextKind::InvalidValue)?
        ),
        ErrorKind::ArgumentConflict => {
            let arg = one(ContextKind::InvalidArg)?;
            let prior = many(ContextKind::PriorArg);
            if prior.is_empty() || prior == [arg.clone()] {
                t!(lang, "clap-repeated-argument", arg = arg)
            } else {
                t!(lang, "clap-conflict", arg = arg, other = quoted(prior))
            }
        }
        ErrorKind::NoEquals => t!(lang, "clap-no-equals", arg = one(ContextKind::InvalidArg)?),
        _ => return None,
    };
    let suggestions: Vec<String> = [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .flat_map(many)
    .collect();
    if !suggestions.is_empty() {
        let tip = t!(lang, "clap-did-you-mean", names = quoted(suggestions));
        text.push_str(&format!("\n\n  {tip}"));
    }
    if let Some(ContextValue::StyledStr(usage)) = e.get(ContextKind::Usage) {
        // clap writes "Usage: intake list [OPTIONS]"; the title is ours, the line clap's.
        let usage = usage.to_string();
        let line = usage.trim_start().strip_prefix("Usage:").unwrap_or(&usage);
        text.push_str(&format!("\n\n{} {}", t!(lang, "help-usage"), line.trim()));
    }
    text.push_str(&format!("\n\n{}", t!(lang, "clap-more-help")));
    Some(format!("{}: {text}\n", t!(lang, "error-prefix")))
}

/// Why a value was refused, for the value types of our arguments; `None` keeps it out (the
/// parser's own English words would otherwise reach a Dutch user).
fn reason(source: &(dyn std::error::Error + 'static), lang: Lang) -> Option<String> {
    if source.is::<std::num::ParseIntError>() {
        Some(t!(lang, "clap-expected-whole-number"))
    } else if source.is::<std::net::AddrParseError>() {
        Some(t!(lang, "clap-expected-address"))
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::{Arg, Command};

    fn cmd() -> Command {
        Command::new("intake")
            .subcommand(Command::new("list").arg(Arg::new("json").long("json").num_args(0)))
            .subcommand(
                Command::new("show").arg(
                    Arg::new("id")
                        .required(true)
                        .value_parser(clap::value_parser!(i64)),
                ),
            )
            .subcommand(
                Command::new("serve").arg(
                    Arg::new("listen")
                        .long("listen")
                        .value_parser(clap::value_parser!(std::net::SocketAddr)),
                ),
            )
    }

    fn error(args: &[&str]) -> Error {
        cmd().try_get_matches_from(args).unwrap_err()
    }

    #[test]
    fn the_common_kinds_in_dutch_and_english() {
        let unknown = error(&["intake", "list", "--jsn"]);
        let nl = render(&unknown, Lang::Nl).unwrap();
        assert!(nl.starts_with("fout: onbekende optie '--jsn'"), "{nl}");
        assert!(
            nl.contains("'--json'") && nl.contains("Gebruik: intake list"),
            "{nl}"
        );
        assert!(!nl.contains("Usage") && !nl.contains("error:"), "{nl}");
        let en = render(&unknown, Lang::En).unwrap();
        assert!(en.starts_with("error: unknown option '--jsn'"), "{en}");

        let sub = render(&error(&["intake", "lst"]), Lang::Nl).unwrap();
        assert!(
            sub.contains("onbekende opdracht 'lst'") && sub.contains("'list'"),
            "{sub}"
        );

        let missing = render(&error(&["intake", "show"]), Lang::Nl).unwrap();
        assert!(missing.contains("ontbreekt: '<id>'"), "{missing}");

        let bad = render(&error(&["intake", "show", "abc"]), Lang::Nl).unwrap();
        assert!(
            bad.contains("ongeldige waarde 'abc' voor '<id>': een geheel getal verwacht"),
            "{bad}"
        );
        let addr = render(&error(&["intake", "serve", "--listen", "x"]), Lang::Nl).unwrap();
        assert!(addr.contains("adres:poort"), "{addr}");
        let no_value = render(&error(&["intake", "serve", "--listen"]), Lang::En).unwrap();
        assert!(
            no_value.contains("'--listen <listen>' needs a value"),
            "{no_value}"
        );
    }
}
