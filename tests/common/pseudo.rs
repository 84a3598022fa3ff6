//! The pseudo-locale check shared by tests/i18n_pseudo.rs (the command line),
//! tests/report_i18n.rs (the PDF) and tests/tui_pseudo.rs (every TUI screen): with `INTAKE_PSEUDO=1` every word that went through
//! Fluent has an accented letter; a plain ASCII word did not, unless it is data.
#![allow(dead_code)]

use std::collections::BTreeSet;
use std::path::Path;

pub fn words(s: &str) -> BTreeSet<String> {
    s.split(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .filter(|w| !w.is_empty())
        .map(str::to_owned)
        .collect()
}

/// How far a plain word may be only a part of a data word.
#[derive(Clone, Copy, PartialEq)]
pub enum Parts {
    /// A column cut it short ("Installatietechnie…").
    Cut,
    /// The same, and a line broke it (the PDF breaks a long e-mail address).
    CutOrBroken,
}

/// Words of `text` in plain ASCII letters that are not in `allowed`. A word the layout cut
/// short ("Korenschoo…") or broke over two lines (a long e-mail address) counts as the word
/// it is part of; a reference number ("MWO-000001") is an identifier.
pub fn untranslated_parts(text: &str, allowed: &BTreeSet<String>, parts: Parts) -> Vec<String> {
    let in_word = |c: char| c.is_alphanumeric() || c == '_' || c == '-';
    let reference = regex::Regex::new(r"^[A-Z]{2,}(-\d+)+$").unwrap();
    let mut out = Vec::new();
    for line in text.lines() {
        let mut rest = line;
        while let Some(start) = rest.find(in_word) {
            let line_start = rest[..start].trim().is_empty() && rest.len() == line.len();
            let tail = &rest[start..];
            let end = tail.find(|c: char| !in_word(c)).unwrap_or(tail.len());
            let (word, after) = tail.split_at(end);
            rest = after;
            if word.chars().filter(|c| c.is_ascii_alphabetic()).count() < 2 || !word.is_ascii() {
                continue;
            }
            let broken = parts == Parts::CutOrBroken;
            let cut = after.starts_with('…') || (broken && after.trim().is_empty());
            let part = (cut && allowed.iter().any(|a| a.starts_with(word)))
                || (broken && line_start && allowed.iter().any(|a| a.ends_with(word)));
            if !allowed.contains(word) && !part && !reference.is_match(word) {
                out.push(word.to_string());
            }
        }
    }
    out.sort();
    out.dedup();
    out
}

/// An IBAN as one word ("NL91ABNA0417164300"), which the report shows in groups of four.
pub fn iban_groups(word: &str) -> Vec<String> {
    let iban = word.len() > 14
        && word
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && word[..2].chars().all(|c| c.is_ascii_uppercase())
        && word[2..4].chars().all(|c| c.is_ascii_digit());
    if !iban {
        return Vec::new();
    }
    let chars: Vec<char> = word.chars().collect();
    chars.chunks(4).map(|g| g.iter().collect()).collect()
}

/// `untranslated_parts` for a screen: a word cut short with "…" counts as the data word it
/// starts.
pub fn untranslated(text: &str, allowed: &BTreeSet<String>) -> Vec<String> {
    untranslated_parts(text, allowed, Parts::Cut)
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
