//! Answers of an import as the TUI shows them: the question's label from the intake's
//! form (with the entry of a repeat group), and the value with choice labels, dates in
//! the language's short format, units, "weet ik niet".

use crate::form::value::Value;
use crate::form::{AnswerKey, Form, Lang};
use serde_json::Value as Json;

/// "Naam van de locatie" or, in a repeat group, "Locatie 2: Naam van de locatie"; the
/// key itself when the form has no such question (an answer a later form dropped).
pub fn label(form: &Form, key: &str, lang: Lang, self_filled: bool) -> String {
    let Ok(k) = AnswerKey::parse(key) else {
        return crate::text::printable(key).into_owned();
    };
    let Some((section, q)) = form.find(&k.path()) else {
        return crate::text::printable(key).into_owned();
    };
    let label = q.label_for(lang, self_filled);
    match (k.instance, &section.repeat) {
        (Some(n), Some(r)) => crate::t!(
            lang,
            "tui-import-entry-label",
            item = r.item.get(lang),
            n = n.to_string(),
            label = label
        ),
        _ => label.to_string(),
    }
}

/// Where `key` comes in the form: by section, then entry (users[2] after users[1], not
/// after users[19] as in the key's text), then question; answers the form does not know
/// come last.
pub fn form_order(form: &Form, key: &str) -> (usize, usize, usize, String) {
    let parsed = AnswerKey::parse(key).ok();
    let at = parsed.as_ref().and_then(|k| form.position(&k.path()));
    let instance = parsed.and_then(|k| k.instance).unwrap_or(0);
    let (section, question) = at.unwrap_or((usize::MAX, usize::MAX));
    (section, instance, question, key.to_string())
}

/// The answer on one line as the intake screen shows it; "(geen antwoord)" for none.
pub fn shown(form: &Form, key: &str, value: Option<&Json>, lang: Lang) -> String {
    let Some(v) = value.filter(|v| !v.is_null()) else {
        return crate::t!(lang, "tui-import-no-answer");
    };
    let question = AnswerKey::parse(key)
        .ok()
        .and_then(|k| form.find(&k.path()).map(|(_, q)| q));
    let text = match question.and_then(|q| q.value_from_json(v).map(|x| (q, x))) {
        Some((_, Value::Date(d))) => crate::i18n::fmt::date_short(d, lang),
        Some((q, x)) => q.display(&x, lang),
        None => match v {
            Json::String(s) => s.clone(),
            other => other.to_string(),
        },
    };
    crate::text::printable(&text).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn form() -> Form {
        crate::form::standard_form().expect("the standard form")
    }

    #[test]
    fn labels_come_from_the_form_with_the_entry() {
        let f = form();
        assert_eq!(label(&f, "company.kvk", Lang::Nl, false), "KvK-nummer");
        let l = label(&f, "locations[2].name", Lang::Nl, false);
        assert!(l.starts_with("Locatie 2: "), "{l}");
        assert_eq!(label(&f, "gone.question", Lang::En, false), "gone.question");
    }

    #[test]
    fn keys_sort_in_form_order_with_entries_by_number() {
        let f = form();
        let mut keys = vec![
            "users[10].name",
            "users[2].name",
            "company.kvk",
            "gone.x",
            "intake.date",
            "users[2].mobile",
        ];
        keys.sort_by_key(|k| form_order(&f, k));
        assert_eq!(
            keys,
            vec![
                "intake.date",
                "company.kvk",
                "users[2].name",
                "users[2].mobile",
                "users[10].name",
                "gone.x"
            ]
        );
    }

    #[test]
    fn values_read_as_on_screen() {
        let f = form();
        assert_eq!(
            shown(&f, "planning.go_live", Some(&json!("2026-11-27")), Lang::Nl),
            "27-11-2026"
        );
        assert_eq!(shown(&f, "company.kvk", None, Lang::Nl), "(geen antwoord)");
        assert_eq!(shown(&f, "company.kvk", None, Lang::En), "(no answer)");
        assert_eq!(
            shown(&f, "gone.x", Some(&json!("a\u{1b}b")), Lang::En),
            "a\\eb"
        );
    }
}
