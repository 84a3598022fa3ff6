//! `[moved]` in a form file: answers an earlier version kept under another key.
//!
//! A form that reshapes a question (one closure period becomes a list of them) declares
//! where the old answers now belong, so an intake started on the old version keeps what was
//! given: the answer is read under its new key at once, and the workspace moves it in the
//! database (with a history row) when it can write.

use std::collections::BTreeMap;
use std::ops::Range;

use toml::Spanned;

use super::AnswerKey;
use super::model::{PathIndex, Section};

/// Problems found, each with the span of the entry it is about.
type Problems = Vec<(Range<usize>, String)>;

/// Checks the `[moved]` table against the form's questions: the old key is no question of
/// this version, the new key is one (in a repeat group: with an entry number), and no two
/// old keys move to the same place. Returns the map and the problems found, with spans.
pub(crate) fn check(
    raw: &BTreeMap<String, Spanned<String>>,
    index: &PathIndex,
    sections: &[Section],
) -> (BTreeMap<String, String>, Problems) {
    let mut moved = BTreeMap::new();
    let mut problems = Vec::new();
    let mut targets: BTreeMap<&str, &str> = BTreeMap::new();
    for (old, new) in raw {
        let span = new.span();
        let new = new.get_ref();
        let old_key = match AnswerKey::parse(old) {
            Ok(k) => k,
            Err(_) => {
                problems.push((span, format!("moved: '{old}' is not an answer key")));
                continue;
            }
        };
        if index.contains_key(&old_key.path()) {
            problems.push((
                span,
                format!("moved: '{old}' is still a question of this form"),
            ));
            continue;
        }
        let Ok(new_key) = AnswerKey::parse(new) else {
            problems.push((span, format!("moved: '{new}' is not an answer key")));
            continue;
        };
        let Some(&(si, _)) = index.get(&new_key.path()) else {
            problems.push((span, format!("moved: '{new}' is no question of this form")));
            continue;
        };
        if sections[si].repeat.is_some() != new_key.instance.is_some() {
            problems.push((
                span,
                format!(
                    "moved: '{new}' needs an entry number exactly when it is in a repeat group"
                ),
            ));
            continue;
        }
        if let Some(first) = targets.insert(new, old) {
            problems.push((
                span,
                format!("moved: '{first}' and '{old}' both move to '{new}'"),
            ));
            continue;
        }
        moved.insert(old.clone(), new.clone());
    }
    (moved, problems)
}

#[cfg(test)]
mod tests {
    const FORM: &str = r#"
id = "m"
version = 2
languages = ["nl"]
title = { nl = "T" }

[moved]
MOVED

[[section]]
id = "s"
title = { nl = "S" }

[[section.question]]
id = "a"
type = "date"
label = { nl = "A" }

[[section]]
id = "g"
title = { nl = "G" }
repeat = { min = 0, max = 3, item = { nl = "E" } }

[[section.question]]
id = "b"
type = "date"
label = { nl = "B" }
"#;

    fn load(moved: &str) -> Result<crate::form::Form, String> {
        crate::form::load::load_str(&FORM.replace("MOVED", moved), "m.toml")
            .map_err(|e| e.to_string())
    }

    #[test]
    fn a_good_move_is_kept() {
        let form = load(r#""s.old" = "g[1].b""#).unwrap();
        assert_eq!(form.moved.get("s.old").map(String::as_str), Some("g[1].b"));
    }

    #[test]
    fn bad_moves_are_refused_with_their_place() {
        for (moved, want) in [
            (r#""s.a" = "g[1].b""#, "'s.a' is still a question"),
            (r#""s.old" = "s.nothing""#, "'s.nothing' is no question"),
            (r#""s.old" = "g.b""#, "needs an entry number"),
            (r#""s.old" = "s[1].a""#, "needs an entry number"),
            (r#""bad key" = "s.a""#, "'bad key' is not an answer key"),
            (
                "\"s.x\" = \"g[1].b\"\n\"s.y\" = \"g[1].b\"",
                "both move to 'g[1].b'",
            ),
        ] {
            let err = load(moved).unwrap_err();
            assert!(err.contains(want), "{moved}: {err}");
            // The place of the offending entry: the first or (for the clash) second line.
            assert!(
                err.contains("m.toml:8:") || err.contains("m.toml:9:"),
                "{moved}: {err}"
            );
        }
    }
}
