//! The store's reasons (`store::reason`) and serde's words about a bundle's structure, in
//! the user's language. Names from the file (a field, a key, a value) stay as written:
//! they are the user's data.

use crate::form::Lang;
use crate::store::bundle::NotABundle;
use crate::store::reason::{KeyProblem, PartProblem, Reason};
use crate::t;

pub fn reason(r: &Reason, lang: Lang) -> String {
    match r {
        Reason::Empty => t!(lang, "reason-empty"),
        Reason::TooLong { chars, max } => {
            t!(lang, "reason-too-long", chars = *chars, max = *max)
        }
        Reason::ControlChars => t!(lang, "reason-control-chars"),
        Reason::TooMany { count, max } => {
            t!(lang, "reason-too-many", count = *count, max = *max)
        }
        Reason::TooDeep { max } => t!(lang, "reason-too-deep", max = *max),
        Reason::TooBig { bytes, max } => {
            t!(lang, "reason-too-big", bytes = *bytes, max = *max)
        }
        Reason::TimeOutOfRange => t!(lang, "reason-time-out-of-range"),
        Reason::NotAnObject => t!(lang, "reason-not-an-object"),
        Reason::Key(p) => key_problem(p, lang),
        Reason::Other(s) => s.clone(),
    }
}

pub fn key_problem(p: &KeyProblem, lang: Lang) -> String {
    match p {
        KeyProblem::TooLong { max } => t!(lang, "key-too-long", max = *max),
        KeyProblem::Shape => t!(lang, "key-shape"),
        KeyProblem::TooManyParts { max } => t!(lang, "key-too-many-parts", max = *max),
        KeyProblem::LastIndexed => t!(lang, "key-last-indexed"),
        KeyProblem::Part {
            number,
            text,
            problem,
        } => t!(
            lang,
            "key-part",
            number = *number,
            part = crate::text::excerpt(text),
            problem = part_problem(problem, lang)
        ),
    }
}

fn part_problem(p: &PartProblem, lang: Lang) -> String {
    match p {
        PartProblem::EmptyName => t!(lang, "key-part-empty"),
        PartProblem::NameStart => t!(lang, "key-part-start"),
        PartProblem::NameTooLong { max } => t!(lang, "key-part-too-long", max = *max),
        PartProblem::NameChars => t!(lang, "key-part-chars"),
        PartProblem::IndexShape => t!(lang, "key-index-shape"),
        PartProblem::IndexNotNumber { digits } => {
            t!(lang, "key-index-not-number", digits = digits.as_str())
        }
        PartProblem::IndexTooLarge { digits, max } => t!(
            lang,
            "key-index-too-large",
            digits = digits.as_str(),
            max = *max
        ),
    }
}

pub fn not_a_bundle(n: &NotABundle, lang: Lang) -> String {
    match n {
        NotABundle::FormatIs(x) => t!(lang, "bundle-format-is", found = x.as_str()),
        NotABundle::FormatMissing => t!(lang, "bundle-format-missing"),
        NotABundle::VersionMissing => t!(lang, "bundle-version-missing"),
        NotABundle::Mismatch { format, version } => t!(
            lang,
            "bundle-format-mismatch",
            found = format.as_str(),
            version = *version,
            expected = crate::store::bundle::BUNDLE_FORMAT_VERSION
        ),
    }
}

/// Where in a bundle: a JSON path as written, or the store's names for the whole file.
pub fn bundle_path(path: &str, lang: Lang) -> String {
    match path {
        "(top level)" => t!(lang, "bundle-path-top"),
        "(end)" => t!(lang, "bundle-path-end"),
        "(bundle)" => t!(lang, "bundle-path-whole"),
        other => other.to_string(),
    }
}

/// serde's message about a bundle's structure ("unknown field `x`, expected one of ...")
/// in the user's language: the common faults by their message, the names from the file
/// kept. A rarer fault keeps serde's own words.
pub fn serde_data(msg: &str, lang: Lang) -> String {
    let quoted = |s: &str| s.split('`').nth(1).map(str::to_string);
    if let Some(rest) = msg.strip_prefix("unknown field ")
        && let Some(field) = quoted(rest)
    {
        return t!(lang, "json-unknown-field", field = field);
    }
    if let Some(rest) = msg.strip_prefix("unknown variant ")
        && let Some(value) = quoted(rest)
    {
        // "expected one of `a`, `b`" / "expected `a` or `b`": the names only.
        let allowed: Vec<&str> = rest
            .split_once("expected")
            .map(|(_, list)| list.split('`').skip(1).step_by(2).collect())
            .unwrap_or_default();
        return t!(
            lang,
            "json-unknown-value",
            value = value,
            allowed = allowed.join(", ")
        );
    }
    if let Some(rest) = msg.strip_prefix("missing field ")
        && let Some(field) = quoted(rest)
    {
        return t!(lang, "json-missing-field", field = field);
    }
    if msg.starts_with("invalid type: ") || msg.starts_with("invalid value: ") {
        return t!(lang, "json-wrong-kind");
    }
    if msg.starts_with("duplicate answer key ") {
        let key = msg.split('"').nth(1).unwrap_or_default();
        return t!(lang, "json-duplicate-key", key = key);
    }
    // The `time` crate's words on an RFC 3339 moment it cannot read.
    if msg.contains("component") || msg.contains("could not be parsed") {
        return t!(lang, "json-bad-moment");
    }
    msg.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_words_become_the_users_words() {
        let nl = |m: &str| serde_data(m, Lang::Nl);
        assert_eq!(
            nl("unknown field `extra`, expected one of `format`, `answers`"),
            "onbekend veld `extra`"
        );
        assert_eq!(
            nl("unknown variant `nope`, expected one of `on_site`, `online`, `self`"),
            "onbekende waarde `nope`; mogelijk: on_site, online, self"
        );
        assert_eq!(nl("missing field `intake`"), "het veld `intake` ontbreekt");
        assert!(nl("the 'year' component could not be parsed").contains("RFC 3339"));
        assert_eq!(nl("something rare"), "something rare");
    }

    #[test]
    fn every_reason_has_dutch_words() {
        let part = KeyProblem::Part {
            number: 2,
            text: "b[0]".into(),
            problem: PartProblem::IndexNotNumber { digits: "0".into() },
        };
        for (r, want) in [
            (Reason::Empty, "mag niet leeg zijn"),
            (
                Reason::TooLong {
                    chars: 250,
                    max: 200,
                },
                "250 tekens",
            ),
            (Reason::TooDeep { max: 8 }, "8"),
            (Reason::Key(KeyProblem::Shape), "sectie.vraag"),
            (Reason::Key(part), "deel 2"),
        ] {
            let text = reason(&r, Lang::Nl);
            assert!(text.contains(want), "{r:?}: {text}");
        }
    }
}
