//! Errors as the user reads them: the store's and the bundle's errors in the user's language,
//! with the file, intake or key they concern. Other causes in the chain (paths given as
//! context, the operating system's own words) are shown as they are.

use crate::form::Lang;
use crate::store::{BundleError, StoreError};
use crate::t;

/// The whole chain of `e`, outermost first, as `anyhow`'s `{:#}` shows it, but localised.
pub fn render(e: &anyhow::Error, lang: Lang) -> String {
    let mut parts = Vec::new();
    for cause in e.chain() {
        if let Some(r) = cause.downcast_ref::<crate::workspace::Refusal>() {
            parts.push(r.0.get(lang).to_string());
            break;
        }
        if let Some(se) = cause.downcast_ref::<crate::workspace::SetError>() {
            parts.push(se.render(lang));
            break;
        }
        if let Some(s) = cause.downcast_ref::<StoreError>() {
            parts.push(store_error(s, lang));
            break;
        }
        if let Some(b) = cause.downcast_ref::<BundleError>() {
            parts.push(bundle_error(b, lang));
            break;
        }
        if let Some(b) = cause.downcast_ref::<crate::probe::bandwidth::BandwidthError>() {
            parts.push(b.render(lang));
            break;
        }
        if let Some(f) = cause.downcast_ref::<crate::fsutil::FileReadError>() {
            parts.push(format!("{}: {}", f.path, read_error(&f.error, lang)));
            break;
        }
        if let Some(io) = cause.downcast_ref::<std::io::Error>() {
            parts.push(io_error(io, lang));
            break;
        }
        parts.push(cause.to_string());
    }
    parts.join(": ")
}

fn store_error(e: &StoreError, lang: Lang) -> String {
    let path = |p: &std::path::Path| p.display().to_string();
    match e {
        StoreError::Io { path: p, source } => {
            t!(
                lang,
                "err-db-prepare",
                path = path(p),
                reason = io_error(source, lang)
            )
        }
        StoreError::Open { path: p, source } => {
            t!(
                lang,
                "err-db-open",
                path = path(p),
                reason = source.to_string()
            )
        }
        StoreError::TooNew {
            path: p,
            found,
            supported,
        } => t!(
            lang,
            "err-db-too-new",
            path = path(p),
            found = found.to_string(),
            supported = supported.to_string()
        ),
        StoreError::NotIntakeDb { path: p, reason } => {
            t!(lang, "err-db-not-ours", path = path(p), reason = reason)
        }
        StoreError::Migration { version, source } => t!(
            lang,
            "err-db-migration",
            version = version.to_string(),
            reason = source.to_string()
        ),
        StoreError::NotFound(id) => t!(lang, "err-intake-not-found", id = id.to_string()),
        StoreError::Deleted(id) => t!(lang, "err-intake-deleted", id = id.to_string()),
        StoreError::InvalidKey { key, reason } => {
            t!(
                lang,
                "err-invalid-key",
                key = format!("{key:?}"),
                reason = super::reasons::key_problem(reason, lang)
            )
        }
        StoreError::Invalid { field, reason } => t!(
            lang,
            "err-invalid",
            field = field,
            reason = super::reasons::reason(reason, lang)
        ),
        StoreError::Corrupt { id, what, reason } => t!(
            lang,
            "err-corrupt",
            id = id.to_string(),
            what = what,
            reason = reason
        ),
        StoreError::Bundle(b) => t!(lang, "err-bundle", reason = bundle_error(b, lang)),
        StoreError::Sqlite(s) => t!(lang, "err-sqlite", reason = s.to_string()),
        StoreError::NotRegular { path: p, what } => {
            t!(lang, "err-db-not-regular", path = path(p), what = *what)
        }
        StoreError::NeedsKey { path: p } => t!(lang, "err-db-needs-key", path = path(p)),
        StoreError::WrongKey { path: p } => t!(lang, "err-db-wrong-key", path = path(p)),
        StoreError::ReadOnlyUpgrade { path: p, found } => t!(
            lang,
            "err-db-read-only-upgrade",
            path = path(p),
            found = found.to_string()
        ),
    }
}

fn bundle_error(e: &BundleError, lang: Lang) -> String {
    match e {
        BundleError::TooLarge { size, limit } => t!(
            lang,
            "err-bundle-too-large",
            size = crate::i18n::fmt::integer(*size as i64, lang),
            limit = crate::i18n::fmt::integer(*limit as i64, lang)
        ),
        BundleError::Truncated(r) => {
            // serde's "EOF while parsing a value" says what the message says already.
            let (_, at) = json_position(r, lang);
            t!(
                lang,
                "err-bundle-truncated",
                reason = at.unwrap_or_default()
            )
        }
        BundleError::Syntax(r) => {
            let (what, at) = json_position(r, lang);
            let reason = match at {
                Some(at) => format!("{what}, {at}"),
                None => what,
            };
            t!(lang, "err-bundle-syntax", reason = reason)
        }
        BundleError::NotABundle(r) => t!(
            lang,
            "err-bundle-not-a-bundle",
            reason = super::reasons::not_a_bundle(r, lang)
        ),
        BundleError::TooNew { found, supported } => t!(
            lang,
            "err-bundle-too-new",
            found = found.to_string(),
            supported = supported.to_string()
        ),
        BundleError::Unsupported(v) => t!(lang, "err-bundle-unsupported", found = v.to_string()),
        BundleError::Structure { path, msg } => {
            // serde's " at line 1 column 130" after the fault, as in a syntax error.
            let (what, at) = json_position(msg, lang);
            let what = super::reasons::serde_data(&what, lang);
            let reason = match at {
                Some(at) => format!("{what}, {at}"),
                None => what,
            };
            let path = super::reasons::bundle_path(path, lang);
            t!(lang, "err-bundle-at", path = path, reason = reason)
        }
        BundleError::Invalid { path, reason } => t!(
            lang,
            "err-bundle-at",
            path = super::reasons::bundle_path(path, lang),
            reason = super::reasons::reason(reason, lang)
        ),
    }
}

/// serde_json's "expected value at line 1 column 3" as (what, "regel 1, kolom 3"): the
/// position in the user's language, and the common faults too; a rarer fault keeps
/// serde's own words.
fn json_position(msg: &str, lang: Lang) -> (String, Option<String>) {
    let (what, at) = match msg.rsplit_once(" at line ") {
        Some((what, pos)) => {
            let at = pos.split_once(" column ").and_then(|(line, column)| {
                let (line, column) = (line.parse::<u64>().ok()?, column.parse::<u64>().ok()?);
                Some(t!(lang, "err-json-position", line = line, column = column))
            });
            (what, at)
        }
        None => (msg, None),
    };
    let id = match what {
        "expected value" => Some("err-json-expected-value"),
        "trailing characters" => Some("err-json-trailing"),
        "trailing comma" => Some("err-json-trailing-comma"),
        "key must be a string" => Some("err-json-key-string"),
        "expected `,` or `}`" | "expected `,` or `]`" | "expected `:`" => {
            Some("err-json-punctuation")
        }
        _ => None,
    };
    (id.map_or_else(|| what.to_string(), |id| t!(lang, id)), at)
}

/// The operating system's error in the user's language where we know the kind; its own words
/// (and code) otherwise.
fn read_error(e: &crate::fsutil::ReadError, lang: Lang) -> String {
    use crate::fsutil::ReadError as R;
    match e {
        R::Open(io) => t!(lang, "file-cannot-open", reason = io_error(io, lang)),
        R::Read(io) => t!(lang, "file-cannot-read", reason = io_error(io, lang)),
        R::TooLarge { limit, kind } => t!(
            lang,
            "file-too-large",
            limit = crate::i18n::fmt::integer(*limit as i64, lang),
            kind = t!(lang, kind.message_id())
        ),
        R::NotUtf8(at) => t!(lang, "file-not-utf8", byte = at.to_string()),
    }
}

pub fn io_error(e: &std::io::Error, lang: Lang) -> String {
    use std::io::ErrorKind as K;
    let id = match e.kind() {
        K::NotFound => "io-not-found",
        K::PermissionDenied => "io-permission-denied",
        K::AlreadyExists => "io-already-exists",
        K::StorageFull => "io-storage-full",
        K::ReadOnlyFilesystem => "io-read-only",
        K::IsADirectory => "io-is-a-directory",
        K::NotADirectory => "io-not-a-directory",
        _ => return e.to_string(),
    };
    t!(lang, id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use anyhow::Context;

    #[test]
    fn store_and_bundle_errors_speak_the_language() {
        let e: anyhow::Error = anyhow::Error::new(StoreError::Bundle(BundleError::Syntax(
            "expected value at line 1 column 1".into(),
        )))
        .context("bad.json");
        assert_eq!(
            render(&e, Lang::Nl),
            "bad.json: bundel: geen geldige JSON: waarde verwacht, regel 1, kolom 1"
        );
        assert_eq!(
            render(&e, Lang::En),
            "bad.json: bundle: not valid JSON: a value was expected, line 1, column 1"
        );
        let cut: anyhow::Error = StoreError::Bundle(BundleError::Truncated(
            "EOF while parsing a value at line 3 column 11".into(),
        ))
        .into();
        assert_eq!(
            render(&cut, Lang::Nl),
            "bundel: het bestand houdt te vroeg op (afgebroken?): regel 3, kolom 11"
        );
        // A fault without our words keeps serde's, with its position.
        let rare = BundleError::Syntax("invalid escape at line 2 column 4".into());
        let rare: anyhow::Error = StoreError::Bundle(rare).into();
        assert!(render(&rare, Lang::Nl).ends_with("invalid escape, regel 2, kolom 4"));
        let nf: anyhow::Error = StoreError::NotFound(7).into();
        assert_eq!(render(&nf, Lang::Nl), "intake 7 bestaat niet");
    }

    #[test]
    fn io_errors_by_kind() {
        let e = std::fs::read("/nonexistent/x").context("x.json");
        let e = e.unwrap_err();
        assert_eq!(render(&e, Lang::Nl), "x.json: bestand of map bestaat niet");
    }

    #[test]
    fn every_mode_and_status_has_a_name() {
        use crate::store::{Mode, Status};
        for lang in [Lang::Nl, Lang::En] {
            for m in [Mode::OnSite, Mode::Online, Mode::SelfFilled] {
                assert!(!m.label(lang).starts_with('['));
            }
            for s in [Status::Draft, Status::Complete, Status::Exported] {
                assert!(!super::super::intakes::status_name(s.as_str(), lang).starts_with('['));
            }
            assert!(!super::super::intakes::status_name("returned", lang).starts_with('['));
        }
    }
}
