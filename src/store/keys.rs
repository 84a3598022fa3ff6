//! Syntax of answer keys and the length limits of stored text.
//!
//! Keys are `section.question` or `group[N].question` (N counted from 1), optionally nested
//! (`group[N].sub[M].question`). The same rule is enforced by a CHECK constraint in the schema
//! (coarser, in GLOB) so that nothing can slip past the Rust side.

use super::error::StoreError;
use super::reason::{KeyProblem, PartProblem, Reason};

pub const MAX_KEY_LEN: usize = 200;
pub const MAX_SEGMENTS: usize = 6;
pub const MAX_INDEX: u32 = 10_000;
/// Longest id segment (`section`, `question`, `group`).
pub const MAX_IDENT_LEN: usize = 64;
/// Longest JSON text of one answer; a long free-text note fits easily.
pub const MAX_VALUE_JSON: usize = 64 * 1024;
pub const MAX_CUSTOMER_LEN: usize = 200;
pub const MAX_NAME_LEN: usize = 200;
pub const MAX_TEXT_LEN: usize = 4_000;
pub const MAX_PAYLOAD_JSON: usize = 256 * 1024;
pub const MAX_UI_STATE_JSON: usize = 64 * 1024;

/// Checks an answer key; the error says what is wrong with it.
pub fn check_key(key: &str) -> Result<(), StoreError> {
    key_problem(key).map_or(Ok(()), |reason| {
        Err(StoreError::InvalidKey {
            key: shorten(key),
            reason,
        })
    })
}

/// The problem with `key`, or `None` when it is a valid key.
pub fn key_problem(key: &str) -> Option<KeyProblem> {
    if key.len() > MAX_KEY_LEN {
        return Some(KeyProblem::TooLong { max: MAX_KEY_LEN });
    }
    let segments: Vec<&str> = key.split('.').collect();
    if segments.len() < 2 {
        return Some(KeyProblem::Shape);
    }
    if segments.len() > MAX_SEGMENTS {
        return Some(KeyProblem::TooManyParts { max: MAX_SEGMENTS });
    }
    let part = |i: usize, seg: &str, problem| KeyProblem::Part {
        number: i + 1,
        text: shorten(seg),
        problem,
    };
    let last = segments.len() - 1;
    for (i, seg) in segments.iter().enumerate() {
        let (ident, index) = match seg.find('[') {
            Some(open) => (&seg[..open], Some(&seg[open..])),
            None => (*seg, None),
        };
        if let Some(p) = ident_problem(ident) {
            return Some(part(i, seg, p));
        }
        if let Some(index) = index {
            if i == last {
                return Some(KeyProblem::LastIndexed);
            }
            if let Some(p) = index_problem(index) {
                return Some(part(i, seg, p));
            }
        }
    }
    None
}

fn ident_problem(ident: &str) -> Option<PartProblem> {
    let mut chars = ident.chars();
    match chars.next() {
        None => return Some(PartProblem::EmptyName),
        Some(c) if !(c.is_ascii_alphabetic() || c == '_') => {
            return Some(PartProblem::NameStart);
        }
        _ => {}
    }
    if ident.len() > MAX_IDENT_LEN {
        return Some(PartProblem::NameTooLong { max: MAX_IDENT_LEN });
    }
    if !chars.all(|c| c.is_ascii_alphanumeric() || c == '_') {
        return Some(PartProblem::NameChars);
    }
    None
}

/// `index` is the `[N]` suffix including brackets.
fn index_problem(index: &str) -> Option<PartProblem> {
    let Some(digits) = index.strip_prefix('[').and_then(|s| s.strip_suffix(']')) else {
        return Some(PartProblem::IndexShape);
    };
    let digits_text = shorten(digits);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || digits.starts_with('0') {
        return Some(PartProblem::IndexNotNumber {
            digits: digits_text,
        });
    }
    match digits.parse::<u32>() {
        Ok(n) if n <= MAX_INDEX => None,
        _ => Some(PartProblem::IndexTooLarge {
            digits: digits_text,
            max: MAX_INDEX,
        }),
    }
}

/// Checks a free text field: not empty (when `required`), no longer than `max` characters,
/// no control characters other than newline and tab.
pub fn check_text(field: &str, value: &str, max: usize, required: bool) -> Result<(), StoreError> {
    if required && value.trim().is_empty() {
        return Err(StoreError::invalid(field, Reason::Empty));
    }
    let n = value.chars().count();
    if n > max {
        return Err(StoreError::invalid(
            field,
            Reason::TooLong { chars: n, max },
        ));
    }
    if value
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\t')
    {
        return Err(StoreError::invalid(field, Reason::ControlChars));
    }
    Ok(())
}

/// Keeps error messages readable when the offending input is huge.
pub fn shorten(s: &str) -> String {
    const MAX: usize = 80;
    if s.chars().count() <= MAX {
        s.to_string()
    } else {
        let head: String = s.chars().take(MAX).collect();
        format!("{head}…")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_valid_keys() {
        for k in [
            "company.name",
            "locations[2].down_mbps",
            "users[1].options",
            "a.b",
            "g[10000].sub[3].q",
            "_x.y_2",
        ] {
            assert_eq!(key_problem(k), None, "{k}");
        }
    }

    #[test]
    fn refuses_invalid_keys_with_reason() {
        let cases = [
            ("company", "expected"),
            ("", "expected"),
            ("company.", "empty name"),
            (".name", "empty name"),
            ("locations[0].x", "from 1"),
            ("locations[01].x", "from 1"),
            ("locations[-1].x", "from 1"),
            ("locations[].x", "from 1"),
            ("locations[10001].x", "larger than"),
            ("locations[99999999999].x", "larger than"),
            ("locations[2.x", "expected [N]"),
            ("locations[2]x.y", "expected [N]"),
            ("a.b[1]", "takes no [N]"),
            ("1a.b", "starts with"),
            ("a b.c", "only letters"),
            ("a.b;drop", "only letters"),
            ("bedrijf.naam\u{e9}", "only letters"),
            ("a.b.c.d.e.f.g", "more than"),
        ];
        for (k, want) in cases {
            let got = key_problem(k).map(|p| p.to_string()).unwrap_or_default();
            assert!(got.contains(want), "{k:?}: got {got:?}, want {want:?}");
        }
        let long = format!("a.{}", "b".repeat(MAX_KEY_LEN));
        assert_eq!(
            key_problem(&long),
            Some(KeyProblem::TooLong { max: MAX_KEY_LEN })
        );
    }

    #[test]
    fn check_key_error_names_the_key() {
        let e = check_key("nope").unwrap_err().to_string();
        assert!(e.contains("\"nope\""), "{e}");
    }

    #[test]
    fn text_checks() {
        assert!(check_text("customer", "Bakkerij Jansen", 200, true).is_ok());
        assert!(check_text("customer", "  ", 200, true).is_err());
        assert!(check_text("customer", &"x".repeat(201), 200, true).is_err());
        assert!(check_text("customer", "a\u{0}b", 200, true).is_err());
        assert!(check_text("reason", "", 200, false).is_ok());
    }
}
