//! Filling in a rule's texts: the values of the answers and facts its Fluent message reads,
//! as Fluent arguments in the reader's language.
//!
//! Numbers go in as numbers, so the message's plural selectors see the count and the bundle
//! writes them in the language's notation (decimals rounded to one place); yes/no go in as
//! `true`/`false` for a selector; choices as their labels, lower case inside a sentence
//! (product names keep their capitals); dates in prose ("27 november 2026"); a value not known
//! as "onbekend"/"unknown".

use super::Bilingual;
use super::rules::{RuleText, TEXT_ATTRIBUTES, VarSource};
use crate::form::expr::Env;
use crate::form::{Form, Kind, Lang, Value};
use crate::i18n::{FluentArgs, FluentValue};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// A rule's title, finding, measure and customer text in both languages, and the values
/// they show by path.
pub struct Rendered {
    pub title: Bilingual,
    pub finding: Bilingual,
    pub measure: Bilingual,
    pub customer: Bilingual,
}

/// Renders every text of `text` in both languages, recording the values used in `values`.
pub fn render(
    text: &RuleText,
    env: &dyn Env,
    form: &Form,
    values: &mut BTreeMap<String, Value>,
) -> Rendered {
    let nl = args(text, env, form, Lang::Nl, values);
    let en = args(text, env, form, Lang::En, values);
    let both = |attribute: Option<&str>| {
        let id = match attribute {
            Some(a) => format!("{}.{a}", text.message),
            None => text.message.clone(),
        };
        Bilingual {
            nl: crate::i18n::message(Lang::Nl, &id, Some(&nl)),
            en: crate::i18n::message(Lang::En, &id, Some(&en)),
        }
    };
    let [finding, measure, customer] = TEXT_ATTRIBUTES.map(|a| both(Some(a)));
    Rendered {
        title: both(None),
        finding,
        measure,
        customer,
    }
}

/// The Fluent arguments of `text` in `lang`.
fn args(
    text: &RuleText,
    env: &dyn Env,
    form: &Form,
    lang: Lang,
    values: &mut BTreeMap<String, Value>,
) -> FluentArgs<'static> {
    let mut out = FluentArgs::new();
    for (name, source) in &text.variables {
        let path = match source {
            VarSource::Path(p) => p.clone(),
            VarSource::Localized(p) => format!("{p}.{}", lang.code()),
        };
        let v = env.value(&path);
        // "Other, namely ...": the typed name says more than the word "other".
        let other = match &v {
            Value::Text(s) if s == "other" => env.value(&format!("{path}_other")),
            _ => Value::Null,
        };
        let arg = match other {
            Value::Text(name) if !name.trim().is_empty() => {
                FluentValue::String(Cow::Owned(name.trim().to_string()))
            }
            _ => argument(form, &path, &v, lang),
        };
        out.set(name.clone(), arg);
        values.insert(path, v);
    }
    out
}

/// One value as a Fluent argument in `lang`.
pub fn argument(form: &Form, path: &str, v: &Value, lang: Lang) -> FluentValue<'static> {
    let text = |s: String| FluentValue::String(Cow::Owned(s));
    match v {
        Value::Int(i) => FluentValue::from(*i),
        // Rounded to one place first, so "18,04" reads "18" as before and a count stays whole.
        Value::Num(n) if n.is_finite() => FluentValue::from((n * 10.0).round() / 10.0),
        Value::Bool(b) => text(b.to_string()),
        _ => text(display(form, path, v, lang)),
    }
}

/// A value for people: choices as labels (lower case inside a sentence, but for a choice of
/// names), decimals to one place
/// in the language's notation, thousands grouped, yes/no, dates in prose ("27 november 2026"),
/// and "onbekend"/"unknown" for none.
pub fn display(form: &Form, path: &str, v: &Value, lang: Lang) -> String {
    if v.is_null() || *v == Value::Unknown {
        return crate::t!(lang, "form-unknown-answer");
    }
    let question = form.find(path).map(|(_, q)| q);
    match v {
        Value::Num(n) => {
            let r = (n * 10.0).round() / 10.0;
            let places = if r.fract() == 0.0 { 0 } else { 1 };
            crate::i18n::fmt::decimal(r, places, lang)
        }
        // Rule texts are prose: "27 november 2026".
        Value::Date(d) => crate::i18n::fmt::date_long(*d, lang),
        Value::Bool(b) => crate::t!(lang, if *b { "yes" } else { "no" }),
        Value::Int(i) => crate::i18n::fmt::integer(*i, lang),
        _ => match question {
            // A choice of names (`apps.name`: "Exact", "AFAS") keeps its spelling.
            Some(q)
                if matches!(q.kind, Kind::SingleChoice | Kind::MultiChoice) && q.id != "name" =>
            {
                in_sentence(&q.display(v, lang))
            }
            Some(q) => q.display(v, lang),
            None => match v {
                Value::Text(s) => s.clone(),
                Value::List(l) => l.join(", "),
                _ => String::new(),
            },
        },
    }
}

/// Words that keep their capital inside a sentence: names of products and makers.
const NAMES: &[&str] = &[
    "Apple",
    "Exchange",
    "Google",
    "Linux",
    "Microsoft",
    "Office",
    "Outlook",
    "Windows",
];

/// Choice labels as they read inside a sentence: "Dagelijks" → "dagelijks", "Op een eigen
/// server" → "op een eigen server"; a name ("Microsoft 365"), an abbreviation ("NAS") or a
/// word with a capital inside ("macOS") keeps its spelling. Each label of a list is looked at.
pub fn in_sentence(labels: &str) -> String {
    labels
        .split(", ")
        .map(|label| {
            let first = label.split([' ', ':', ',', '/']).next().unwrap_or("");
            let mut chars = first.chars();
            let plain_word = chars.next().is_some_and(char::is_uppercase)
                && chars.all(|c| !c.is_uppercase() && !c.is_ascii_digit());
            if plain_word && first.chars().count() > 1 && !NAMES.contains(&first) {
                let mut out: String = label.chars().take(1).flat_map(char::to_lowercase).collect();
                out.extend(label.chars().skip(1));
                out
            } else {
                label.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn values_for_people() {
        let form = crate::form::standard_form().unwrap();
        let show = |p: &str, v: Value, lang| display(&form, p, &v, lang);
        assert_eq!(show("facts.x", Value::Num(22.45), Lang::Nl), "22,5");
        assert_eq!(show("facts.n", Value::Num(5452.04), Lang::Nl), "5.452");
        assert_eq!(show("facts.n", Value::Num(5452.04), Lang::En), "5,452");
        let d = Value::Date(date!(2026 - 05 - 04));
        assert_eq!(show("facts.d", d, Lang::Nl), "4 mei 2026");
        assert_eq!(show("facts.none", Value::Null, Lang::Nl), "onbekend");
        assert_eq!(show("facts.none", Value::Null, Lang::En), "unknown");
        let heavy = Value::Text("heavy".into());
        assert_eq!(
            show("workstations.workload", heavy.clone(), Lang::Nl),
            "zwaar: veel programma's, grote bestanden, video"
        );
        assert!(show("workstations.workload", heavy, Lang::En).starts_with("heavy: "));
        let daily = Value::Text("daily".into());
        assert_eq!(show("data.backup_frequency", daily, Lang::Nl), "dagelijks");
    }

    #[test]
    fn labels_inside_a_sentence() {
        assert_eq!(in_sentence("Op een eigen server"), "op een eigen server");
        assert_eq!(in_sentence("Microsoft 365"), "Microsoft 365");
        assert_eq!(in_sentence("NAS of USB-schijf"), "NAS of USB-schijf");
        assert_eq!(in_sentence("macOS"), "macOS");
        assert_eq!(
            in_sentence("Wekelijks, Google Drive"),
            "wekelijks, Google Drive"
        );
        assert_eq!(in_sentence("ISO 27001"), "ISO 27001");
    }

    #[test]
    fn numbers_stay_numbers_for_plurals() {
        let form = crate::form::standard_form().unwrap();
        let FluentValue::Number(n) = argument(&form, "facts.x", &Value::Num(18.04), Lang::Nl)
        else {
            panic!("a number")
        };
        assert_eq!(n.value, 18.0);
        assert!(matches!(
            argument(&form, "facts.b", &Value::Bool(true), Lang::Nl),
            FluentValue::String(s) if s == "true"
        ));
    }
}
