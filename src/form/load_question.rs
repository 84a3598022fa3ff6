//! One question of a form file checked: its type, texts, expressions, choices and default.

use super::*;
use crate::form::value::{Value, parse_date};

impl Builder<'_> {
    pub(super) fn question(
        &mut self,
        rq: &RawQuestion,
        sid: &str,
        langs: &[Lang],
        pending: &mut Vec<Pending>,
    ) -> Question {
        let qid = rq.id.get_ref();
        let path = format!("{sid}.{qid}");
        let kind = match Kind::from_name(rq.kind.get_ref()) {
            Some(k) => k,
            None => {
                let names: Vec<&str> = Kind::ALL.iter().map(|(n, _)| *n).collect();
                self.err(
                    rq.kind.span(),
                    format!(
                        "unknown question type '{}' (known: {})",
                        rq.kind.get_ref(),
                        names.join(", ")
                    ),
                );
                Kind::Text
            }
        };
        let label = self.text(&rq.label, &format!("question '{path}' label"), langs);
        let self_label = rq
            .self_label
            .as_ref()
            .map(|t| self.text(t, &format!("question '{path}' self_label"), langs));
        let hint = rq
            .hint
            .as_ref()
            .map(|t| self.text(t, &format!("question '{path}' hint"), langs));
        let this = ty_of(kind);
        let relevant = rq
            .relevant
            .as_ref()
            .and_then(|e| self.expr(e, pending, Want::Bool, None));
        let required = match (&rq.required_if, rq.required) {
            (Some(e), _) => self
                .expr(e, pending, Want::Bool, None)
                .map(Required::If)
                .unwrap_or(Required::No),
            (None, true) => Required::Yes,
            (None, false) => Required::No,
        };
        let mut check = |b: &mut Self,
                         e: &Option<Spanned<String>>,
                         m: &Option<Spanned<RawText>>,
                         what: &str|
         -> Option<Check> {
            let e = e.as_ref()?;
            let expr = b.expr(e, pending, Want::Bool, this)?;
            let message = match m {
                Some(m) => b.text(m, &format!("question '{path}' {what}_message"), langs),
                None => {
                    b.err(
                        e.span(),
                        format!("question '{path}': a {what} needs a {what}_message"),
                    );
                    Text::default()
                }
            };
            Some(Check { expr, message })
        };
        let constraint = check(self, &rq.constraint, &rq.constraint_message, "constraint");
        let warning = check(self, &rq.warning, &rq.warning_message, "warning");
        let calculate = match (&rq.calculate, kind) {
            (Some(e), Kind::Calculated) => self.expr(e, pending, Want::Any, None),
            (None, Kind::Calculated) => {
                self.err(
                    rq.id.span(),
                    format!("calculated question '{path}' needs a 'calculate' expression"),
                );
                None
            }
            (Some(e), _) => {
                self.err(
                    e.span(),
                    format!(
                        "question '{path}': only type 'calculated' takes a 'calculate' expression"
                    ),
                );
                None
            }
            (None, _) => None,
        };
        let mut choices = Vec::new();
        let mut cids = HashSet::new();
        for c in &rq.choices {
            let id = c.id.get_ref().clone();
            self.check_id(&c.id, "choice", &mut cids, |id| {
                format!("duplicate choice '{id}' in '{path}'")
            });
            let label = self.text(&c.label, &format!("choice '{id}' of '{path}'"), langs);
            choices.push(Choice { id, label });
        }
        if rq.other && kind.is_choice() && !cids.contains("other") {
            choices.push(Choice {
                id: "other".into(),
                label: Text {
                    nl: "Anders".into(),
                    en: Some("Other".into()),
                },
            });
        }
        if kind.is_choice() && choices.is_empty() {
            self.err(
                rq.id.span(),
                format!("choice question '{path}' has no choices"),
            );
        }
        if !kind.is_choice() && !rq.choices.is_empty() {
            self.err(
                rq.id.span(),
                format!(
                    "question '{path}' of type {} cannot have choices",
                    kind.name()
                ),
            );
        }
        if let (Some(min), Some(max)) = (rq.min, rq.max)
            && min > max
        {
            self.err(
                rq.id.span(),
                format!("question '{path}': min {min} is larger than max {max}"),
            );
        }
        let mut q = Question {
            id: qid.clone(),
            kind,
            label,
            self_label,
            hint,
            faq: rq.faq.clone(),
            required,
            relevant,
            constraint,
            warning,
            default: None,
            unit: rq.unit.clone(),
            min: rq.min,
            max: rq.max,
            max_length: rq.max_length,
            choices,
            calculate,
            specialist: rq.specialist,
            unknown_allowed: rq.unknown_allowed.as_ref().is_some_and(|b| *b.get_ref()),
        };
        // Free text can say "weet ik niet" in words; a typed answer cannot, and a
        // calculation or a note is never answered.
        if let Some(flag) = rq.unknown_allowed.as_ref().filter(|b| *b.get_ref())
            && matches!(
                kind,
                Kind::Text | Kind::LongText | Kind::Note | Kind::Calculated
            )
        {
            self.err(
                flag.span(),
                format!(
                    "question '{path}': unknown_allowed is for questions with a typed answer, not type {}",
                    kind.name()
                ),
            );
        }
        if let Some(d) = &rq.default {
            match default_value(&q, d.get_ref()) {
                Ok(v) => q.default = Some(v),
                Err(m) => self.err(d.span(), format!("default of '{path}': {m}")),
            }
        }
        q
    }
}

fn default_value(q: &Question, d: &toml::Value) -> Result<Value, String> {
    let text = match d {
        toml::Value::String(s) => s.clone(),
        toml::Value::Integer(i) => i.to_string(),
        toml::Value::Float(f) => f.to_string(),
        toml::Value::Boolean(b) => if *b { "yes" } else { "no" }.to_string(),
        toml::Value::Array(a) => a
            .iter()
            .filter_map(|v| v.as_str())
            .collect::<Vec<_>>()
            .join(","),
        toml::Value::Datetime(dt) => dt.to_string(),
        toml::Value::Table(_) => return Err("a default cannot be a table".into()),
    };
    if q.kind == Kind::Date && parse_date(&text).is_none() {
        return Err(format!("'{text}' is not a date YYYY-MM-DD"));
    }
    q.parse_input(&text)
        .map_err(|m| m.get(Lang::En).to_string())
}
