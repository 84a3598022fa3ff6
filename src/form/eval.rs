//! Evaluating a form against answers: what is visible, required, missing, wrong,
//! and what the calculations give. Run on every change, so it must stay cheap:
//! see `benches/form.rs`.

use super::eval_tables::{Ctx, Grid, Tables};
use super::key::AnswerKey;
use super::model::{Form, Question, Required, Section};
use super::types::Msg;
use super::value::{NULL, Value};
use std::collections::{BTreeMap, HashMap};
use time::Date;

mod env;
pub use env::{FormEnv, FormTypes};

/// Answers by key (`company.name`, `locations[2].name`).
pub type Answers = BTreeMap<String, Value>;

/// Who is filling in the form: customers filling it in themselves do not see
/// specialist-only questions and sections.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    Specialist,
    Customer,
}

#[derive(Clone, Debug, Default)]
pub struct ItemState {
    pub visible: bool,
    pub required: bool,
    /// The answer (or the calculated value); `Null` when none.
    pub value: Value,
    /// A hard error: a constraint or bound the stored value breaks. Boxed, like the
    /// warning: an evaluation holds an `ItemState` per question and entry, and nearly
    /// all of them have neither.
    pub error: Option<Box<Msg>>,
    /// A soft check that failed: the user may go on.
    pub warning: Option<Box<Msg>>,
}

impl ItemState {
    pub fn missing(&self) -> bool {
        self.visible && self.required && self.value.is_null()
    }
}

#[derive(Clone, Debug, Default)]
pub struct SectionState {
    pub visible: bool,
    /// Entries of a repeat group (1 for a plain section).
    pub instances: usize,
    /// `items[instance][question]`.
    pub items: Vec<Vec<ItemState>>,
    pub answered: usize,
    pub required: usize,
    pub missing: usize,
    pub errors: usize,
}

#[derive(Clone, Debug, Default)]
pub struct Evaluation {
    pub sections: Vec<SectionState>,
}

impl Evaluation {
    pub fn item(&self, section: usize, instance: usize, question: usize) -> Option<&ItemState> {
        self.sections
            .get(section)?
            .items
            .get(instance)?
            .get(question)
    }
    pub fn total_required(&self) -> usize {
        self.sections
            .iter()
            .filter(|s| s.visible)
            .map(|s| s.required)
            .sum()
    }
    pub fn total_missing(&self) -> usize {
        self.sections
            .iter()
            .filter(|s| s.visible)
            .map(|s| s.missing)
            .sum()
    }
    pub fn total_errors(&self) -> usize {
        self.sections
            .iter()
            .filter(|s| s.visible)
            .map(|s| s.errors)
            .sum()
    }
    /// Percentage of required answers given (100 when nothing is required).
    pub fn progress_percent(&self) -> u8 {
        let req = self.total_required();
        if req == 0 {
            return 100;
        }
        (((req - self.total_missing()) * 100) / req) as u8
    }
    pub fn complete(&self) -> bool {
        self.total_missing() == 0 && self.total_errors() == 0
    }
}

/// Upper bound on entries of one group, whatever the data says: keeps evaluation bounded.
pub const MAX_INSTANCES: usize = 1000;

impl Form {
    /// The number of entries of each group: the most of its minimum, the highest entry
    /// with an answer, and its count expression.
    pub fn instance_counts(&self, answers: &Answers) -> HashMap<String, usize> {
        self.instance_counts_with(answers, &HashMap::new())
    }

    /// As `instance_counts`, with extra minimums (an entry the user just added and has
    /// not typed into yet). Counted exactly as evaluation counts them.
    pub fn instance_counts_with(
        &self,
        answers: &Answers,
        at_least: &HashMap<String, usize>,
    ) -> HashMap<String, usize> {
        let t = Tables::new(self, answers, self.least_counts(at_least));
        self.sections
            .iter()
            .zip(&t.counts)
            .filter(|(s, _)| s.repeat.is_some())
            .map(|(s, &n)| (s.id.clone(), n))
            .collect()
    }

    /// Evaluates everything. Hidden answers are kept in `answers` but read as empty by
    /// expressions and not counted; two passes let relevance that depends on other
    /// relevance settle (deeper chains are rare in intake forms).
    pub fn evaluate(&self, answers: &Answers, audience: Audience, today: Date) -> Evaluation {
        self.evaluate_with(answers, audience, today, &HashMap::new())
    }

    /// As `evaluate`, with extra minimum entry counts per group.
    pub fn evaluate_with(
        &self,
        answers: &Answers,
        audience: Audience,
        today: Date,
        at_least: &HashMap<String, usize>,
    ) -> Evaluation {
        let t = self.settle(answers, audience, today, at_least);
        self.states(&t, audience, today)
    }

    /// The tables expressions finally read: calculations done, entry counts raised by
    /// count expressions, and the answers of hidden questions read as empty. Which
    /// questions are hidden is decided once with nothing hidden, and once more with those
    /// hidden when there are any (relevance that depends on hidden answers).
    fn settle<'a>(
        &'a self,
        answers: &'a Answers,
        audience: Audience,
        today: Date,
        at_least: &HashMap<String, usize>,
    ) -> Tables<'a> {
        let base = Tables::new(self, answers, self.least_counts(at_least));
        let first = self.tables(&base, None, today);
        match self.hidden(&first, audience, today) {
            None => first,
            Some(hidden) => self.tables(&first, Some(&hidden), today),
        }
    }

    /// Tables with calculations, after count expressions raised the entry counts.
    fn tables<'a>(
        &'a self,
        base: &Tables<'a>,
        hidden: Option<&[Grid<bool>]>,
        today: Date,
    ) -> Tables<'a> {
        let mut counts = base.counts.clone();
        let build = |counts: Vec<usize>| {
            let mut t = base.reshaped(counts, hidden);
            t.calculate_after(base, today);
            t
        };
        let t = build(counts.clone());
        let mut raised = false;
        for (si, s) in self.sections.iter().enumerate() {
            if let Some(r) = &s.repeat
                && let Some(e) = &r.count
                && let Some(n) = e.eval(&Ctx::new(&t, None, &NULL, today)).as_f64()
            {
                let n = (n.max(0.0) as usize).min(r.max).min(MAX_INSTANCES);
                if n > counts[si] {
                    counts[si] = n;
                    raised = true;
                }
            }
        }
        // New entries need their calculated values too.
        if raised { build(counts) } else { t }
    }

    /// Which questions are hidden (section or question not relevant, or specialist-only
    /// for a customer); `None` when all are shown.
    fn hidden(&self, t: &Tables<'_>, audience: Audience, today: Date) -> Option<Vec<Grid<bool>>> {
        let mut marks = t.no_marks();
        let mut any = false;
        for (si, s) in self.sections.iter().enumerate() {
            let section_shown = !(audience == Audience::Customer && s.specialist)
                && s.relevant
                    .as_ref()
                    .is_none_or(|e| e.eval(&Ctx::new(t, None, &NULL, today)).truthy());
            for entry in 0..t.counts[si] {
                let group = s.repeat.as_ref().map(|_| (si, entry));
                for (qi, q) in s.questions.iter().enumerate() {
                    let shown = section_shown
                        && !(audience == Audience::Customer && q.specialist)
                        && q.relevant
                            .as_ref()
                            .is_none_or(|e| e.eval(&Ctx::new(t, group, &NULL, today)).truthy());
                    if !shown {
                        marks[si].set(entry, qi, true);
                        any = true;
                    }
                }
            }
        }
        any.then_some(marks)
    }

    /// The least entries per section before answers are counted, in section order: a
    /// group's minimum or the entries asked for in `at_least`, 1 for a plain section.
    fn least_counts(&self, at_least: &HashMap<String, usize>) -> Vec<usize> {
        self.sections
            .iter()
            .map(|s| match &s.repeat {
                Some(r) => {
                    let extra = at_least.get(&s.id).copied().unwrap_or(0).min(r.max);
                    r.min.max(extra).min(MAX_INSTANCES)
                }
                None => 1,
            })
            .collect()
    }

    fn states(&self, t: &Tables<'_>, audience: Audience, today: Date) -> Evaluation {
        let mut out = Evaluation {
            sections: Vec::with_capacity(self.sections.len()),
        };
        for (si, s) in self.sections.iter().enumerate() {
            let visible = !(audience == Audience::Customer && s.specialist)
                && s.relevant
                    .as_ref()
                    .is_none_or(|e| e.eval(&Ctx::new(t, None, &NULL, today)).truthy());
            let instances = t.counts[si];
            let mut st = SectionState {
                visible,
                instances,
                items: Vec::with_capacity(instances),
                ..Default::default()
            };
            for entry in 0..instances {
                let group = s.repeat.as_ref().map(|_| (si, entry));
                let mut row = Vec::with_capacity(s.questions.len());
                for (qi, q) in s.questions.iter().enumerate() {
                    let item =
                        item_state(q, t.shown(si, entry, qi).clone(), t, group, today, audience);
                    if visible && item.visible {
                        if item.required {
                            st.required += 1;
                            if item.value.is_null() {
                                st.missing += 1;
                            }
                        }
                        if !item.value.is_null() && q.kind.is_input() {
                            st.answered += 1;
                        }
                        if item.error.is_some() {
                            st.errors += 1;
                        }
                    }
                    row.push(item);
                }
                st.items.push(row);
            }
            out.sections.push(st);
        }
        out
    }

    /// Checks a value for one key in the context of all other answers, exactly as the
    /// TUI and `intake set` do before saving: type bounds, then the constraint.
    pub fn check_answer(
        &self,
        key: &AnswerKey,
        value: &Value,
        answers: &Answers,
        today: Date,
    ) -> Result<(), Msg> {
        self.check_answer_as(key, value, answers, Audience::Specialist, today)
    }

    /// As `check_answer`, for one audience. The constraint sees the other answers as
    /// `evaluate` does: answers to hidden questions read as empty. Otherwise `intake set`
    /// could refuse a value because of a hidden answer that `intake show` ignores.
    pub fn check_answer_as(
        &self,
        key: &AnswerKey,
        value: &Value,
        answers: &Answers,
        audience: Audience,
        today: Date,
    ) -> Result<(), Msg> {
        let path = key.path();
        let (Some((s, q)), Some((si, _))) = (self.find(&path), self.position(&path)) else {
            return Err(crate::msg!("form-unknown-question", key = key.to_string()));
        };
        if value.is_null() {
            return Ok(());
        }
        q.check_bounds(value)?;
        if let Some(c) = &q.constraint {
            let t = self.settle(answers, audience, today, &HashMap::new());
            let group = s
                .repeat
                .as_ref()
                .and_then(|_| key.instance.map(|n| (si, n - 1)));
            if !c.expr.eval(&Ctx::new(&t, group, value, today)).truthy() {
                return Err(c.message.to_msg());
            }
        }
        Ok(())
    }

    /// Evaluates any expression (advice rules use this) over the answers.
    pub fn eval_expr(&self, e: &super::expr::Expr, answers: &Answers, today: Date) -> Value {
        let mut t = Tables::new(self, answers, self.least_counts(&HashMap::new()));
        t.calculate(today);
        e.eval(&Ctx::new(&t, None, &NULL, today))
    }
}

pub fn key_of(s: &Section, inst: usize, q: &Question) -> String {
    if s.repeat.is_some() {
        format!("{}[{}].{}", s.id, inst + 1, q.id)
    } else {
        format!("{}.{}", s.id, q.id)
    }
}

fn item_state(
    q: &Question,
    value: Value,
    t: &Tables<'_>,
    group: Option<(usize, usize)>,
    today: Date,
    audience: Audience,
) -> ItemState {
    let ctx = Ctx::new(t, group, &NULL, today);
    let visible = !(audience == Audience::Customer && q.specialist)
        && q.relevant.as_ref().is_none_or(|e| e.eval(&ctx).truthy());
    let required = q.kind.is_input()
        && match &q.required {
            Required::No => false,
            Required::Yes => true,
            Required::If(e) => e.eval(&ctx).truthy(),
        };
    let mut item = ItemState {
        visible,
        required,
        value,
        error: None,
        warning: None,
    };
    if visible && !item.value.is_null() && q.kind.is_input() {
        let cctx = Ctx::new(t, group, &item.value, today);
        if let Err(m) = q.check_bounds(&item.value) {
            item.error = Some(Box::new(m));
        } else if let Some(c) = &q.constraint
            && !c.expr.eval(&cctx).truthy()
        {
            item.error = Some(Box::new(c.message.to_msg()));
        }
        if let Some(w) = &q.warning
            && w.expr.eval(&cctx).truthy()
        {
            item.warning = Some(Box::new(w.message.to_msg()));
        }
    }
    item
}
