//! Finding and measure texts with `{placeholders}` for answers and facts.

use crate::form::expr::Env;
use crate::form::{Form, Kind, Lang, Value};
use std::collections::BTreeMap;

/// A parsed text: literal pieces and references, in order.
#[derive(Clone, Debug, PartialEq)]
pub struct Template {
    parts: Vec<Part>,
}

#[derive(Clone, Debug, PartialEq)]
enum Part {
    Lit(String),
    /// A reference such as `facts.users` or `locations.name`.
    Ref(String),
}

/// A placeholder problem: byte offset in the text and what is wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateError {
    pub offset: usize,
    pub message: String,
}

impl Template {
    /// Parses `text`: `{path}` is a reference, `{{` and `}}` are literal braces.
    pub fn parse(text: &str) -> Result<Template, TemplateError> {
        let mut parts = Vec::new();
        let mut lit = String::new();
        let mut chars = text.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            match c {
                '{' if chars.peek().is_some_and(|&(_, n)| n == '{') => {
                    chars.next();
                    lit.push('{');
                }
                '}' if chars.peek().is_some_and(|&(_, n)| n == '}') => {
                    chars.next();
                    lit.push('}');
                }
                '{' => {
                    let rest = &text[i + 1..];
                    let Some(end) = rest.find('}') else {
                        return Err(TemplateError {
                            offset: i,
                            message: "'{' without a closing '}' (write '{{' for a brace)".into(),
                        });
                    };
                    let path = &rest[..end];
                    if !is_path(path) {
                        return Err(TemplateError {
                            offset: i,
                            message: format!(
                                "placeholder '{{{path}}}' is not a reference such as {{facts.users}}"
                            ),
                        });
                    }
                    if !lit.is_empty() {
                        parts.push(Part::Lit(std::mem::take(&mut lit)));
                    }
                    parts.push(Part::Ref(path.to_string()));
                    for _ in 0..=path.chars().count() {
                        chars.next();
                    }
                }
                '}' => {
                    return Err(TemplateError {
                        offset: i,
                        message: "'}' without an opening '{' (write '}}' for a brace)".into(),
                    });
                }
                c => lit.push(c),
            }
        }
        if !lit.is_empty() {
            parts.push(Part::Lit(lit));
        }
        Ok(Template { parts })
    }

    /// The references, in order.
    pub fn references(&self) -> impl Iterator<Item = &str> {
        self.parts.iter().filter_map(|p| match p {
            Part::Ref(r) => Some(r.as_str()),
            Part::Lit(_) => None,
        })
    }

    /// The text with every placeholder filled in from `env`, and the values used.
    pub fn render(
        &self,
        env: &dyn Env,
        form: &Form,
        lang: Lang,
        values: &mut BTreeMap<String, Value>,
    ) -> String {
        let mut out = String::new();
        for p in &self.parts {
            match p {
                Part::Lit(s) => out.push_str(s),
                Part::Ref(path) => {
                    let v = env.value(path);
                    // "Other, namely ...": the typed name says more than the word "other".
                    let other = match &v {
                        Value::Text(s) if s == "other" => env.value(&format!("{path}_other")),
                        _ => Value::Null,
                    };
                    match other {
                        Value::Text(name) if !name.trim().is_empty() => out.push_str(name.trim()),
                        _ => out.push_str(&display(form, path, &v, lang)),
                    }
                    values.insert(path.clone(), v);
                }
            }
        }
        out
    }
}

/// `a.b` with segments of lower-case letters, digits and `_`, as the expression language has.
fn is_path(s: &str) -> bool {
    let mut n = 0;
    for seg in s.split('.') {
        let mut cs = seg.chars();
        let ok = cs
            .next()
            .is_some_and(|c| c.is_ascii_lowercase() || c == '_')
            && cs.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
        if !ok {
            return false;
        }
        n += 1;
    }
    n >= 2
}

/// A value for people: choices as labels, decimals to one place in the language's notation,
/// thousands grouped, yes/no, dates in prose ("27 november 2026"), and "onbekend"/"unknown"
/// for none.
pub fn display(form: &Form, path: &str, v: &Value, lang: Lang) -> String {
    if v.is_null() {
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
        _ => match question {
            Some(q) if q.kind != Kind::Decimal && q.kind != Kind::Integer => q.display(v, lang),
            _ => match v {
                Value::Bool(b) => match (lang, b) {
                    (Lang::Nl, true) => "ja",
                    (Lang::Nl, false) => "nee",
                    (Lang::En, true) => "yes",
                    (Lang::En, false) => "no",
                }
                .into(),
                Value::Int(i) => crate::i18n::fmt::integer(*i, lang),
                Value::Text(s) => s.clone(),
                Value::List(l) => l.join(", "),
                _ => String::new(),
            },
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::expr::MapEnv;
    use time::macros::date;

    #[test]
    fn parses_and_renders_with_escapes_and_labels() {
        let form = crate::form::standard_form().unwrap();
        let t = Template::parse(
            "{{x}} gemeten {facts.down} Mbit/s, {workstations.workload}; {facts.none}",
        )
        .unwrap();
        assert_eq!(
            t.references().collect::<Vec<_>>(),
            ["facts.down", "workstations.workload", "facts.none"]
        );
        let mut env = MapEnv::new(date!(2026 - 03 - 02));
        env.set("facts.down", Value::Num(18.04))
            .set("workstations.workload", Value::Text("heavy".into()));
        let mut values = BTreeMap::new();
        let nl = t.render(&env, &form, Lang::Nl, &mut values);
        assert_eq!(
            nl,
            "{x} gemeten 18 Mbit/s, Zwaar: veel programma's, grote bestanden, video; onbekend"
        );
        let en = t.render(&env, &form, Lang::En, &mut values);
        assert!(en.starts_with("{x} gemeten 18 Mbit/s, Heavy"), "{en}");
        assert_eq!(values.get("facts.down"), Some(&Value::Num(18.04)));
        assert_eq!(
            display(&form, "facts.x", &Value::Num(22.45), Lang::Nl),
            "22,5"
        );
        assert_eq!(
            display(
                &form,
                "facts.d",
                &Value::Date(date!(2026 - 05 - 04)),
                Lang::Nl
            ),
            "4 mei 2026"
        );
        assert_eq!(
            display(&form, "facts.n", &Value::Num(5452.04), Lang::Nl),
            "5.452"
        );
        assert_eq!(
            display(&form, "facts.n", &Value::Num(5452.04), Lang::En),
            "5,452"
        );
    }

    #[test]
    fn refuses_bad_placeholders_with_offsets() {
        assert_eq!(Template::parse("ab {facts.x").unwrap_err().offset, 3);
        assert_eq!(Template::parse("ab }").unwrap_err().offset, 3);
        assert_eq!(Template::parse("a {Facts.x} b").unwrap_err().offset, 2);
        assert_eq!(Template::parse("a {users} b").unwrap_err().offset, 2);
        assert!(Template::parse("é {facts.x} ü").is_ok());
    }
}
