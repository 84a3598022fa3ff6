//! The Fluent resources as data, for checks: which messages and attributes exist in each
//! language, which variables each one reads, and where in which file (line and column), so a
//! loader that refers to messages (the advice rules, the plan) can refuse a missing text or
//! variable with file:line:col, and the tests can compare the languages.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::OnceLock;

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};

use crate::form::load::line_col;

/// A place in a resource: `assets/locales/nl/advice.ftl:12:7`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub file: String,
    pub line: usize,
    pub col: usize,
}

impl std::fmt::Display for Place {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}:{}", self.file, self.line, self.col)
    }
}

/// One pattern: a message's value or one of its attributes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PatternInfo {
    /// Where its name stands (the message id, or the attribute's name).
    pub place: Place,
    /// The variables it reads, each with where it is first read.
    pub variables: BTreeMap<String, Place>,
    /// Its literal text (all variants of a selection), for checks on the wording.
    pub text: String,
}

/// A message (or term, as `-name`) in one language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MessageInfo {
    pub place: Place,
    pub value: Option<PatternInfo>,
    pub attributes: BTreeMap<String, PatternInfo>,
}

/// Every message of every language: language code → id → message.
#[derive(Clone, Debug, Default)]
pub struct Catalog {
    pub languages: BTreeMap<String, BTreeMap<String, MessageInfo>>,
}

impl Catalog {
    /// The resources built into the program.
    pub fn embedded() -> &'static Catalog {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        CATALOG.get_or_init(|| Catalog::parse(super::resources()).unwrap_or_else(|(c, _)| c))
    }

    /// Reads `(language, file name, FTL source)` resources. A syntax error or an id defined
    /// twice in one language is an error (the good entries are still read).
    pub fn parse(resources: &[(&str, &str, &str)]) -> Result<Catalog, (Catalog, Vec<String>)> {
        let mut catalog = Catalog::default();
        let mut errors = Vec::new();
        for (lang, file, source) in resources {
            let path = format!("assets/locales/{lang}/{file}");
            let resource = match fluent_syntax::parser::parse(*source) {
                Ok(r) => r,
                Err((r, errs)) => {
                    errors.extend(errs.iter().map(|e| {
                        let (line, col) = line_col(source, e.pos.start);
                        format!("{path}:{line}:{col}: {:?}", e.kind)
                    }));
                    r
                }
            };
            let at = |s: &str| place(&path, source, s);
            let messages = catalog.languages.entry(lang.to_string()).or_default();
            for entry in &resource.body {
                let (id, id_name, value, attributes) = match entry {
                    Entry::Message(m) => (
                        m.id.name.to_string(),
                        m.id.name,
                        m.value.as_ref(),
                        &m.attributes,
                    ),
                    Entry::Term(t) => (
                        format!("-{}", t.id.name),
                        t.id.name,
                        Some(&t.value),
                        &t.attributes,
                    ),
                    _ => continue,
                };
                let info = MessageInfo {
                    place: at(id_name),
                    value: value.map(|p| pattern_info(p, at(id_name), &at)),
                    attributes: attributes
                        .iter()
                        .map(|a| {
                            let p = pattern_info(&a.value, at(a.id.name), &at);
                            (a.id.name.to_string(), p)
                        })
                        .collect(),
                };
                if let Some(old) = messages.insert(id.clone(), info) {
                    errors.push(format!(
                        "{path}: {id} defined twice (first at {})",
                        old.place
                    ));
                }
            }
        }
        if errors.is_empty() {
            Ok(catalog)
        } else {
            Err((catalog, errors))
        }
    }

    /// Message `id` in `lang`.
    pub fn message(&self, lang: &str, id: &str) -> Option<&MessageInfo> {
        self.languages.get(lang)?.get(id)
    }
}

impl MessageInfo {
    /// The value (`attribute = None`) or an attribute.
    pub fn pattern(&self, attribute: Option<&str>) -> Option<&PatternInfo> {
        match attribute {
            None => self.value.as_ref(),
            Some(a) => self.attributes.get(a),
        }
    }
}

fn pattern_info(p: &Pattern<&str>, place: Place, at: &dyn Fn(&str) -> Place) -> PatternInfo {
    let mut info = PatternInfo {
        place,
        variables: BTreeMap::new(),
        text: String::new(),
    };
    walk_pattern(p, &mut info, at);
    info
}

/// The variables a pattern reads.
pub fn variables(p: &Pattern<&str>) -> BTreeSet<String> {
    let nowhere = |_: &str| Place {
        file: String::new(),
        line: 0,
        col: 0,
    };
    pattern_info(p, nowhere(""), &nowhere)
        .variables
        .into_keys()
        .collect()
}

fn walk_pattern(p: &Pattern<&str>, out: &mut PatternInfo, at: &dyn Fn(&str) -> Place) {
    for el in &p.elements {
        match el {
            PatternElement::TextElement { value } => out.text.push_str(value),
            PatternElement::Placeable { expression } => walk_expr(expression, out, at),
        }
    }
}

fn walk_expr(e: &Expression<&str>, out: &mut PatternInfo, at: &dyn Fn(&str) -> Place) {
    match e {
        Expression::Select { selector, variants } => {
            walk_inline(selector, out, at);
            for v in variants {
                out.text.push(' ');
                walk_pattern(&v.value, out, at);
            }
        }
        Expression::Inline(i) => walk_inline(i, out, at),
    }
}

fn walk_inline(i: &InlineExpression<&str>, out: &mut PatternInfo, at: &dyn Fn(&str) -> Place) {
    match i {
        InlineExpression::VariableReference { id } => {
            out.variables
                .entry(id.name.to_string())
                .or_insert_with(|| at(id.name));
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                walk_inline(a, out, at);
            }
        }
        InlineExpression::Placeable { expression } => walk_expr(expression, out, at),
        InlineExpression::StringLiteral { value } => out.text.push_str(value),
        _ => {}
    }
}

/// Where `part` (a slice the parser took out of `source`) stands in `source`.
fn place(file: &str, source: &str, part: &str) -> Place {
    let start = source.as_ptr() as usize;
    let at = part.as_ptr() as usize;
    let offset = if at >= start && at <= start + source.len() {
        at - start
    } else {
        0
    };
    let (line, col) = line_col(source, offset);
    Place {
        file: file.to_string(),
        line,
        col,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_and_variables() {
        let src = "a = x\n# c\nb = { $n ->\n    [one] één { $what }\n   *[other] { $n } { $what }\n}\n    .attr = { $z } text\n";
        let c = Catalog::parse(&[("nl", "t.ftl", src)]).unwrap();
        let b = c.message("nl", "b").unwrap();
        assert_eq!(b.place.to_string(), "assets/locales/nl/t.ftl:3:1");
        let v = b.value.as_ref().unwrap();
        assert_eq!(v.variables.keys().collect::<Vec<_>>(), ["n", "what"]);
        assert_eq!(
            v.variables["what"].to_string(),
            "assets/locales/nl/t.ftl:4:18"
        );
        assert!(v.text.contains("één"), "{}", v.text);
        let attr = b.pattern(Some("attr")).unwrap();
        assert_eq!((attr.place.line, attr.place.col), (7, 6));
        assert_eq!(attr.variables["z"].line, 7);
        assert!(c.message("en", "b").is_none());
        let (_, errs) = Catalog::parse(&[("nl", "t.ftl", "a = x\na = y\n")]).unwrap_err();
        assert!(errs[0].contains("a defined twice"), "{errs:?}");
    }
}
