//! Checking a rule's reference to its Fluent message when the rules are loaded: the message
//! exists in every language with its title and every attribute, each variable it reads is a
//! fact or an answer the rule can see, and the customer's text speaks to the customer.

use super::facts::{FACTS, LOCALIZED_FACTS, Scope};
use super::rules::{RuleText, TEXT_ATTRIBUTES, VarSource};
use crate::form::expr::TypeEnv;
use crate::i18n::catalog::{Catalog, Place};
use std::collections::BTreeMap;

/// A problem with a rule's texts: at the rule's `message = ...` in the rules file, or at a
/// place in a Fluent resource.
pub(super) enum Problem {
    AtReference(String),
    At(Place, String),
}

/// Phrases of staff instructions and third-person talk about the customer, refused in a
/// customer text, per language.
const STAFF_WORDS: &[(&str, &[&str])] = &[
    (
        "nl",
        &[
            "de klant",
            "klant ",
            "met de klant",
            "specialist",
            "bandbreedteprobe",
            "inventariseer",
            "kpn of de business partner",
        ],
    ),
    (
        "en",
        &[
            "the customer",
            "customer's",
            "specialist",
            "bandwidth probe",
            "kpn or the business partner",
        ],
    ),
];

/// Checks rule `id`'s message `message` in every language of `catalog` and works out what
/// each of its variables shows.
pub(super) fn rule_text(
    id: &str,
    message: &str,
    types: &dyn TypeEnv,
    for_each: Option<&str>,
    catalog: &Catalog,
) -> Result<RuleText, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut variables = BTreeMap::new();
    for (lang, messages) in &catalog.languages {
        let Some(m) = messages.get(message) else {
            problems.push(Problem::AtReference(format!(
                "rule '{id}': message '{message}' is in no assets/locales/{lang}/*.ftl"
            )));
            continue;
        };
        for extra in m.attributes.keys() {
            if !TEXT_ATTRIBUTES.contains(&extra.as_str()) {
                let place = m.attributes[extra].place.clone();
                problems.push(Problem::At(
                    place,
                    format!(
                        "rule '{id}': unknown attribute '.{extra}' (known: {})",
                        TEXT_ATTRIBUTES.join(", ")
                    ),
                ));
            }
        }
        let parts = std::iter::once(None).chain(TEXT_ATTRIBUTES.map(Some));
        for attribute in parts {
            let what = attribute.unwrap_or("title");
            let Some(pattern) = m.pattern(attribute) else {
                let missing = match attribute {
                    None => "no value (the title)".to_string(),
                    Some(a) => format!("no .{a}"),
                };
                problems.push(Problem::At(
                    m.place.clone(),
                    format!("rule '{id}': message '{message}' has {missing}"),
                ));
                continue;
            };
            for (var, place) in &pattern.variables {
                if variables.contains_key(var) {
                    continue;
                }
                match resolve(var, types, for_each) {
                    Ok(source) => {
                        variables.insert(var.clone(), source);
                    }
                    Err(e) => problems.push(Problem::At(
                        place.clone(),
                        format!("rule '{id}' ({what}): {e}"),
                    )),
                }
            }
            if attribute == Some("customer") {
                let lower = pattern.text.to_lowercase();
                let words = STAFF_WORDS.iter().find(|(l, _)| l == lang);
                if let Some(w) = words.and_then(|(_, ws)| ws.iter().find(|w| lower.contains(*w))) {
                    problems.push(Problem::At(
                        pattern.place.clone(),
                        format!("rule '{id}': the customer text says '{w}': address the customer directly (u / you), staff instructions belong in .measure"),
                    ));
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(RuleText {
            message: message.to_string(),
            variables,
        })
    } else {
        Err(problems)
    }
}

/// What variable `$var` shows: the fact `facts.<var>` (also one in the reader's language), or
/// the answer `<section>.<question>` written `section_question`. Exactly one must fit.
fn resolve(var: &str, types: &dyn TypeEnv, for_each: Option<&str>) -> Result<VarSource, String> {
    let mut found = Vec::new();
    let fact = format!("facts.{var}");
    if types.type_of(&fact).is_some() {
        found.push(VarSource::Path(fact.clone()));
    }
    if LOCALIZED_FACTS.contains(&var) {
        found.push(VarSource::Localized(fact));
    }
    let mut other_group = None;
    for (i, _) in var.match_indices('_') {
        let (section, question) = (&var[..i], &var[i + 1..]);
        let path = format!("{section}.{question}");
        if section == "facts" || types.type_of(&path).is_none() {
            continue;
        }
        if types.is_group(section) && for_each != Some(section) {
            other_group = Some(format!(
                "variable '${var}' is the answer {path} of group '{section}', but the rule is not for_each = \"{section}\""
            ));
            continue;
        }
        found.push(VarSource::Path(path));
    }
    match found.len() {
        1 => Ok(found.remove(0)),
        0 => Err(other_group
            .or_else(|| out_of_scope(var))
            .unwrap_or_else(|| format!("variable '${var}' is neither a fact (facts.{var}) nor an answer (section_question) this rule can see"))),
        _ => Err(format!("variable '${var}' could be any of {found:?}: rename it")),
    }
}

/// Why a fact that exists elsewhere is not there for this rule.
fn out_of_scope(var: &str) -> Option<String> {
    let (_, _, scope) = FACTS.iter().find(|(name, _, _)| *name == var)?;
    let where_ = match scope {
        Scope::Entry => "in a rule with for_each",
        Scope::Location => "in a rule with for_each = \"locations\"",
        Scope::Global | Scope::Plan => return None,
    };
    Some(format!(
        "variable '${var}': the fact facts.{var} exists only {where_}"
    ))
}
