//! What a customer sends for a section: which keys they may answer, their "weet ik niet"
//! boxes, and saving it all through the workspace with the same checks as everywhere.

use std::collections::BTreeMap;

use super::WEB_AUTHOR;
use super::form_page::Pending;
use crate::form::{AnswerKey, Audience, Form, Msg};
use crate::workspace::{Loaded, Workspace, today};

/// Whether the customer may answer `key` in section `idx`: the key is in that section,
/// names a question the customer is shown (never a specialist one) that takes input.
pub(super) fn customer_key(form: &Form, idx: usize, key: &str) -> bool {
    let Some(section) = form.sections.get(idx) else {
        return false;
    };
    let Ok(k) = AnswerKey::parse(key) else {
        return false;
    };
    k.scope == section.id
        && !section.specialist
        && section.repeat.is_some() == k.instance.is_some()
        && form
            .find(&k.path())
            .is_some_and(|(_, q)| !q.specialist && q.kind.is_input())
}

/// Checks and saves what the customer typed for `inputs` (key, text). Returns the refused
/// inputs with their messages; all accepted ones are saved in one transaction.
pub(super) fn save_inputs(
    ws: &mut Workspace,
    id: i64,
    idx: usize,
    inputs: Vec<Input>,
) -> anyhow::Result<Pending> {
    let loaded = ws.load(id)?;
    let mut refused = BTreeMap::new();
    let mut good = Vec::new();
    for input in inputs {
        if !customer_key(&loaded.form, idx, &input.key) {
            continue;
        }
        let (key, input) = match resolve_input(&loaded, input) {
            Ok(pair) => pair,
            Err((key, typed, message)) => {
                refused.insert(key, (typed, message));
                continue;
            }
        };
        let checked = loaded.check_input(&key, &input).and_then(|(k, v)| {
            loaded
                .form
                .check_answer_as(&k, &v, &loaded.answers, Audience::Customer, today())
                .map_err(|message| crate::workspace::SetError {
                    key: key.clone(),
                    message,
                })
        });
        match checked {
            Ok(()) => good.push((key, input)),
            Err(e) => {
                refused.insert(key, (input, e.message));
            }
        }
    }
    if !good.is_empty()
        && let Err(e) = ws.set_answers_by(id, &good, WEB_AUTHOR)
    {
        // A check across answers saved together (rare): try them one by one.
        if e.downcast_ref::<crate::workspace::SetError>().is_none() {
            return Err(e);
        }
        for (key, input) in good {
            if let Err(e) = ws.set_answers_by(id, &[(key.clone(), input.clone())], WEB_AUTHOR) {
                match e.downcast::<crate::workspace::SetError>() {
                    Ok(se) => {
                        refused.insert(key, (input, se.message));
                    }
                    Err(e) => return Err(e),
                }
            }
        }
    }
    Ok(Pending { refused })
}

/// One answer of a section POST: the key, what was typed or chosen, and whether its
/// "weet ik niet" box was ticked.
#[derive(Debug, PartialEq)]
pub(super) struct Input {
    pub key: String,
    pub text: String,
    pub unknown: bool,
}

/// The answer inputs of a section POST: each rendered key (`_k`) with its values joined
/// (checkboxes send one value each; none at all means "cleared"), and whether `_u` names it.
pub(super) fn section_inputs(pairs: &[(String, String)]) -> Vec<Input> {
    pairs
        .iter()
        .filter(|(k, _)| k == "_k")
        .map(|(_, key)| {
            let values: Vec<&str> = pairs
                .iter()
                .filter(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
                .collect();
            Input {
                key: key.clone(),
                text: values.join(","),
                unknown: pairs.iter().any(|(k, v)| k == "_u" && v == key),
            }
        })
        .collect()
}

/// What to save for an input: "weet ik niet" when its box is ticked and the field is
/// empty or still shows the saved answer (the box was ticked afterwards); a new answer
/// typed beside a ticked box is refused, so neither is lost silently.
fn resolve_input(loaded: &Loaded, input: Input) -> Result<(String, String), (String, String, Msg)> {
    if !input.unknown {
        return Ok((input.key, input.text));
    }
    let saved = loaded
        .answers
        .get(&input.key)
        .filter(|v| v.is_known())
        .and_then(|v| {
            let k = AnswerKey::parse(&input.key).ok()?;
            Some(loaded.form.find(&k.path())?.1.input_text(v))
        });
    let text = input.text.trim();
    if text.is_empty() || saved.as_deref() == Some(text) {
        Ok((input.key, crate::form::model::UNKNOWN_WORDS[0].to_string()))
    } else {
        Err((input.key, input.text, crate::msg!("web-unknown-conflict")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn section_inputs_join_checkboxes_and_clear_absent_ones() {
        let p = |k: &str, v: &str| (k.to_string(), v.to_string());
        let got = section_inputs(&[
            p("_k", "users[1].options"),
            p("users[1].options", "visio"),
            p("users[1].options", "access"),
            p("_k", "company.kvk"),
            p("csrf", "x"),
        ]);
        let input = |key: &str, text: &str, unknown: bool| Input {
            key: key.into(),
            text: text.into(),
            unknown,
        };
        assert_eq!(
            got,
            vec![
                input("users[1].options", "visio,access", false),
                input("company.kvk", "", false)
            ]
        );
        let got = section_inputs(&[
            p("_k", "locations[1].down_mbps"),
            p("locations[1].down_mbps", ""),
            p("_u", "locations[1].down_mbps"),
            p("_k", "locations[1].up_mbps"),
            p("locations[1].up_mbps", "10"),
        ]);
        assert_eq!(
            got,
            vec![
                input("locations[1].down_mbps", "", true),
                input("locations[1].up_mbps", "10", false)
            ]
        );
    }

    #[test]
    fn a_customer_may_never_write_a_specialist_question() {
        let form = crate::form::standard_form().unwrap();
        for (si, s) in form.sections.iter().enumerate() {
            for q in &s.questions {
                let key = match s.repeat {
                    Some(_) => format!("{}[1].{}", s.id, q.id),
                    None => format!("{}.{}", s.id, q.id),
                };
                let allowed = customer_key(&form, si, &key);
                if s.specialist || q.specialist || !q.kind.is_input() {
                    assert!(!allowed, "{key}");
                } else {
                    assert!(allowed, "{key}");
                }
                // Never through another section's page.
                assert!(!customer_key(&form, (si + 1) % form.sections.len(), &key));
            }
        }
    }
}
