//! The pseudo-locale check, shared by the command line's (`tests/i18n_pseudo.rs`) and the
//! TUI's (`tests/tui_pseudo.rs`) walks: in the pseudo-locale every message that comes
//! through Fluent is accented ("Ŧǿŧȧŀ"), so a word written in plain ASCII letters that is
//! not the user's own data (or the form's, which keeps its own texts) bypassed Fluent.
#![allow(dead_code)] // each test binary uses a different part

use std::collections::BTreeSet;
use std::path::Path;

/// The words of `s`: runs of letters, digits, `_` and `-`.
pub fn words(s: &str) -> BTreeSet<String> {
    split(s).map(str::to_owned).collect()
}

fn split(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| !is_word_char(c))
        .filter(|w| !w.is_empty())
}

/// Words of `output` written in plain ASCII letters (two or more: a key like `y` or `q`
/// is no word) that are not in `data`, sorted and each once. A word cut short with `…`
/// (a long name in a narrow column) counts as data when a word of `data` starts with it.
pub fn untranslated(output: &str, data: &BTreeSet<String>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut rest = output;
    while !rest.is_empty() {
        let start = rest.find(is_word_char).unwrap_or(rest.len());
        rest = &rest[start..];
        let end = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
        let (word, after) = rest.split_at(end);
        rest = after;
        if word.chars().filter(|c| c.is_ascii_alphabetic()).count() < 2
            || !word.is_ascii()
            || data.contains(word)
        {
            continue;
        }
        let cut = after.starts_with('…') && data.iter().any(|d| d.starts_with(word));
        if !cut {
            out.push(word.to_owned());
        }
    }
    out.sort();
    out.dedup();
    out
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || c == '-'
}

/// The words of the files at `paths` (relative to the crate; a folder stands for its
/// files), text that is data rather than the program's: of a TOML file (a form) its string
/// values, the texts it keeps in its own nl/en fields (not its keys and comments, which
/// are never shown); of any other file every word. A file that is not there adds nothing.
pub fn words_of_files(paths: &[&str]) -> BTreeSet<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for p in paths {
        let path = root.join(p);
        if path.is_dir() {
            files.extend(
                std::fs::read_dir(&path)
                    .unwrap()
                    .flatten()
                    .map(|e| e.path()),
            );
        } else {
            files.push(path);
        }
    }
    let mut out = BTreeSet::new();
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        if path.extension().is_some_and(|e| e == "toml") {
            let value: toml::Value =
                toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            strings_of(&value, &mut out);
        } else {
            out.extend(words(&text));
        }
    }
    out
}

fn strings_of(value: &toml::Value, out: &mut BTreeSet<String>) {
    match value {
        toml::Value::String(s) => out.extend(words(s)),
        toml::Value::Array(items) => items.iter().for_each(|v| strings_of(v, out)),
        toml::Value::Table(t) => t.values().for_each(|v| strings_of(v, out)),
        _ => {}
    }
}
