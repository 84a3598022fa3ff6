//! A public [`Env`] over a form's answers plus extra named values, and the matching
//! [`TypeEnv`]: what the advice rules evaluate and are checked against.
//!
//! Answers read exactly as the form's own expressions read them after evaluation:
//! answers to questions that are hidden (not relevant) read as empty, calculated values
//! are computed, repeat counts include count expressions. Extra values (the advice's
//! `facts.*`) are looked up by their full path before anything else.

use super::super::eval_tables::{Ctx, Tables};
use super::super::expr::{Env, Ty, TypeEnv};
use super::super::load::ty_of;
use super::super::model::Form;
use super::super::value::{NULL, Value};
use super::{Answers, Audience};
use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};
use std::rc::Rc;
use time::Date;

/// Answers of one form, optionally in the context of one repeat entry, plus extra values.
pub struct FormEnv<'a> {
    form: &'a Form,
    /// What evaluation works out once per set of answers: shared by every [`FormEnv::at`].
    tables: Rc<Tables<'a>>,
    /// (section index, 0-based entry) of the repeat entry in context.
    group: Option<(usize, usize)>,
    extra: &'a BTreeMap<String, Value>,
    today: Date,
}

impl Form {
    /// An [`Env`] over `answers` as a specialist sees them on `today`, in the context of
    /// repeat entry `group` (`("locations", 2)`, counted from 1) if given, with `extra`
    /// values (full paths such as `facts.users`) taking precedence over answers.
    pub fn env<'a>(
        &'a self,
        answers: &'a Answers,
        today: Date,
        group: Option<(&'a str, usize)>,
        extra: &'a BTreeMap<String, Value>,
    ) -> FormEnv<'a> {
        let tables = self.settle(answers, Audience::Specialist, today, &HashMap::new());
        FormEnv {
            form: self,
            tables: Rc::new(tables),
            group: entry(self, group),
            extra,
            today,
        }
    }

    /// A [`TypeEnv`] for expressions over this form's questions plus `extra` names
    /// (`facts.users` → `Int`); there is no `.` (value under validation).
    pub fn type_env_with<'a>(&'a self, extra: &'a BTreeMap<String, Ty>) -> FormTypes<'a> {
        FormTypes { form: self, extra }
    }
}

/// `("locations", 2)` → (section index, entry 1); `None` when not an entry of a group.
fn entry(form: &Form, group: Option<(&str, usize)>) -> Option<(usize, usize)> {
    let (g, n) = group?;
    let si = form
        .sections
        .iter()
        .position(|s| s.id == g && s.repeat.is_some())?;
    n.checked_sub(1).map(|e| (si, e))
}

impl<'a> FormEnv<'a> {
    /// The same answers in another entry context with other extra values, without
    /// evaluating the form again.
    pub fn at<'b>(
        &'b self,
        group: Option<(&'b str, usize)>,
        extra: &'b BTreeMap<String, Value>,
    ) -> FormEnv<'b>
    where
        'a: 'b,
    {
        FormEnv {
            form: self.form,
            tables: Rc::clone(&self.tables) as Rc<Tables<'b>>,
            group: entry(self.form, group),
            extra,
            today: self.today,
        }
    }

    /// Number of entries of a repeat group (0 for anything else).
    pub fn count(&self, group: &str) -> usize {
        self.form
            .sections
            .iter()
            .position(|s| s.id == group && s.repeat.is_some())
            .map_or(0, |si| self.tables.counts[si])
    }

    fn ctx(&self) -> Ctx<'_, 'a> {
        Ctx::new(&self.tables, self.group, &NULL, self.today)
    }
}

impl Env for FormEnv<'_> {
    fn value(&self, path: &str) -> Value {
        self.value_ref(path).into_owned()
    }
    fn value_ref(&self, path: &str) -> Cow<'_, Value> {
        match self.extra.get(path) {
            Some(v) => Cow::Borrowed(v),
            None => Cow::Borrowed(self.tables.lookup(path, self.group)),
        }
    }
    fn group_values(&self, group: &str, field: &str) -> Vec<Value> {
        self.ctx().group_values(group, field)
    }
    fn each_group_value(&self, group: &str, field: &str, f: &mut dyn FnMut(&Value)) {
        self.tables.each_value(group, field, f);
    }
    fn group_count(&self, group: &str) -> usize {
        self.count(group)
    }
    fn this(&self) -> Value {
        Value::Null
    }
    fn today(&self) -> Date {
        self.today
    }
}

/// Types of a form's questions plus extra names, for checking advice rules.
pub struct FormTypes<'a> {
    form: &'a Form,
    extra: &'a BTreeMap<String, Ty>,
}

impl TypeEnv for FormTypes<'_> {
    fn type_of(&self, path: &str) -> Option<Ty> {
        if let Some(t) = self.extra.get(path) {
            return Some(*t);
        }
        self.form.find(path).and_then(|(_, q)| ty_of(q.kind))
    }
    fn is_group(&self, name: &str) -> bool {
        self.form.section(name).is_some_and(|s| s.repeat.is_some())
    }
    fn this_type(&self) -> Option<Ty> {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::expr::Expr;
    use time::macros::date;

    fn form() -> Form {
        crate::form::standard_form().unwrap()
    }

    fn eval(f: &Form, a: &Answers, group: Option<(&str, usize)>, src: &str) -> Value {
        let mut extra = BTreeMap::new();
        extra.insert("facts.n".to_string(), Value::Int(7));
        let env = f.env(a, date!(2026 - 03 - 02), None, &extra);
        let e = Expr::parse(src).unwrap();
        e.eval(&env.at(group, &extra))
    }

    #[test]
    fn extra_values_entries_and_hidden_answers() {
        let f = form();
        let mut a = Answers::new();
        a.insert("locations[1].name".into(), Value::Text("A".into()));
        a.insert("locations[2].name".into(), Value::Text("B".into()));
        a.insert("domain.has_domain".into(), Value::Bool(false));
        // Hidden: domain.provider is only relevant with a domain.
        a.insert(
            "domain.provider".into(),
            Value::Text("other_hosting".into()),
        );
        assert_eq!(eval(&f, &a, None, "facts.n + 1"), Value::Int(8));
        assert_eq!(
            eval(&f, &a, Some(("locations", 2)), "locations.name"),
            Value::Text("B".into())
        );
        assert_eq!(eval(&f, &a, None, "locations.name"), Value::Null);
        assert_eq!(eval(&f, &a, None, "count(locations)"), Value::Int(2));
        assert_eq!(
            eval(&f, &a, None, "empty(domain.provider)"),
            Value::Bool(true)
        );
        a.insert("domain.has_domain".into(), Value::Bool(true));
        assert_eq!(
            eval(&f, &a, None, "domain.provider = 'other_hosting'"),
            Value::Bool(true)
        );
    }

    #[test]
    fn types_include_extra_names() {
        let f = form();
        let mut extra = BTreeMap::new();
        extra.insert("facts.n".to_string(), Ty::Int);
        let t = f.type_env_with(&extra);
        assert_eq!(t.type_of("facts.n"), Some(Ty::Int));
        assert_eq!(t.type_of("workstations.count"), Some(Ty::Int));
        assert_eq!(t.type_of("locations.down_mbps"), Some(Ty::Num));
        assert_eq!(t.type_of("facts.other"), None);
        assert!(t.is_group("users") && !t.is_group("company"));
        assert!(
            Expr::parse("facts.n > count(users)")
                .unwrap()
                .check(&t)
                .is_ok()
        );
        assert!(Expr::parse("facts.m > 1").unwrap().check(&t).is_err());
    }
}
