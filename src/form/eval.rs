//! Evaluating a form against answers: what is visible, required, missing, wrong,
//! and what the calculations give. Run on every change, so it must stay cheap:
//! see `benches/form.rs`.

use super::expr::Env;
use super::key::AnswerKey;
use super::model::{Form, Kind, Question, Required, Section};
use super::types::Msg;
use super::value::Value;
use std::collections::{BTreeMap, HashMap, HashSet};
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
    /// A hard error: a constraint or bound the stored value breaks.
    pub error: Option<Msg>,
    /// A soft check that failed: the user may go on.
    pub warning: Option<Msg>,
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

/// What an expression sees: answers, calculated values, the current entry of a group.
#[derive(Clone)]
struct Ctx<'a> {
    form: &'a Form,
    answers: &'a Answers,
    calc: &'a HashMap<String, Value>,
    hidden: &'a HashSet<String>,
    counts: &'a HashMap<String, usize>,
    group: Option<(&'a str, usize)>,
    this: Value,
    today: Date,
}

impl Ctx<'_> {
    fn lookup(&self, key: &str) -> Value {
        if self.hidden.contains(key) {
            return Value::Null;
        }
        if let Some(v) = self.calc.get(key) {
            return v.clone();
        }
        self.answers.get(key).cloned().unwrap_or(Value::Null)
    }
}

impl Env for Ctx<'_> {
    fn value(&self, path: &str) -> Value {
        let Some((scope, q)) = path.split_once('.') else {
            return Value::Null;
        };
        let is_group = self.form.section(scope).is_some_and(|s| s.repeat.is_some());
        if is_group {
            match self.group {
                Some((g, i)) if g == scope => self.lookup(&format!("{scope}[{i}].{q}")),
                _ => Value::Null,
            }
        } else {
            self.lookup(path)
        }
    }
    fn group_values(&self, group: &str, field: &str) -> Vec<Value> {
        let n = self.counts.get(group).copied().unwrap_or(0);
        (1..=n)
            .map(|i| self.lookup(&format!("{group}[{i}].{field}")))
            .collect()
    }
    fn group_count(&self, group: &str) -> usize {
        self.counts.get(group).copied().unwrap_or(0)
    }
    fn this(&self) -> Value {
        self.this.clone()
    }
    fn today(&self) -> Date {
        self.today
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
    /// not typed into yet).
    pub fn instance_counts_with(
        &self,
        answers: &Answers,
        at_least: &HashMap<String, usize>,
    ) -> HashMap<String, usize> {
        let mut counts: HashMap<String, usize> = HashMap::new();
        for s in &self.sections {
            if let Some(r) = &s.repeat {
                let extra = at_least.get(&s.id).copied().unwrap_or(0).min(r.max);
                counts.insert(s.id.clone(), r.min.max(extra));
            }
        }
        for k in answers.keys() {
            if let Some(open) = k.find('[')
                && let Ok(key) = AnswerKey::parse(k)
                && let (Some(n), Some(c)) = (key.instance, counts.get_mut(&k[..open]))
            {
                *c = (*c).max(n.min(MAX_INSTANCES));
            }
        }
        counts
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
        let mut counts = self.instance_counts_with(answers, at_least);
        let mut hidden: HashSet<String> = HashSet::new();
        let mut eval = Evaluation::default();
        for pass in 0..2 {
            let calc = self.calculate(answers, &hidden, &counts, today);
            // Count expressions may raise the number of entries.
            for s in &self.sections {
                if let Some(r) = &s.repeat
                    && let Some(e) = &r.count
                {
                    let ctx = Ctx {
                        form: self,
                        answers,
                        calc: &calc,
                        hidden: &hidden,
                        counts: &counts,
                        group: None,
                        this: Value::Null,
                        today,
                    };
                    if let Some(n) = e.eval(&ctx).as_f64() {
                        let n = (n.max(0.0) as usize).min(r.max).min(MAX_INSTANCES);
                        let c = counts.entry(s.id.clone()).or_default();
                        *c = (*c).max(n);
                    }
                }
            }
            eval = self.states(answers, &calc, &hidden, &counts, audience, today);
            let now_hidden = self.hidden_keys(&eval);
            if pass == 0 && now_hidden == hidden {
                break;
            }
            hidden = now_hidden;
        }
        eval
    }

    fn calculate(
        &self,
        answers: &Answers,
        hidden: &HashSet<String>,
        counts: &HashMap<String, usize>,
        today: Date,
    ) -> HashMap<String, Value> {
        let mut calc = HashMap::new();
        for &(si, qi) in &self.calc_order {
            let s = &self.sections[si];
            let q = &s.questions[qi];
            let Some(e) = &q.calculate else { continue };
            let n = if s.repeat.is_some() {
                counts.get(&s.id).copied().unwrap_or(0)
            } else {
                1
            };
            for inst in 0..n {
                let group = s.repeat.as_ref().map(|_| (s.id.as_str(), inst + 1));
                let v = {
                    let ctx = Ctx {
                        form: self,
                        answers,
                        calc: &calc,
                        hidden,
                        counts,
                        group,
                        this: Value::Null,
                        today,
                    };
                    e.eval(&ctx)
                };
                calc.insert(key_of(s, inst, q), v);
            }
        }
        calc
    }

    fn states(
        &self,
        answers: &Answers,
        calc: &HashMap<String, Value>,
        hidden: &HashSet<String>,
        counts: &HashMap<String, usize>,
        audience: Audience,
        today: Date,
    ) -> Evaluation {
        let mut out = Evaluation {
            sections: Vec::with_capacity(self.sections.len()),
        };
        for s in &self.sections {
            let base = Ctx {
                form: self,
                answers,
                calc,
                hidden,
                counts,
                group: None,
                this: Value::Null,
                today,
            };
            let visible = !(audience == Audience::Customer && s.specialist)
                && s.relevant.as_ref().is_none_or(|e| e.eval(&base).truthy());
            let instances = if s.repeat.is_some() {
                counts.get(&s.id).copied().unwrap_or(0)
            } else {
                1
            };
            let mut st = SectionState {
                visible,
                instances,
                items: Vec::with_capacity(instances),
                ..Default::default()
            };
            for inst in 0..instances {
                let group = s.repeat.as_ref().map(|_| (s.id.as_str(), inst + 1));
                let mut row = Vec::with_capacity(s.questions.len());
                for q in &s.questions {
                    let key = key_of(s, inst, q);
                    let ctx = Ctx {
                        group,
                        ..Ctx {
                            form: self,
                            answers,
                            calc,
                            hidden,
                            counts,
                            group: None,
                            this: Value::Null,
                            today,
                        }
                    };
                    let item = item_state(q, &key, &ctx, audience);
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
        let Some((s, q)) = self.find(&key.path()) else {
            return Err(Msg::new(
                format!("onbekende vraag '{key}'"),
                format!("unknown question '{key}'"),
            ));
        };
        if value.is_null() {
            return Ok(());
        }
        q.check_bounds(value)?;
        if let Some(c) = &q.constraint {
            let eval = self.evaluate(answers, audience, today);
            let hidden = self.hidden_keys(&eval);
            // The entry counts evaluate settled on, including count expressions.
            let counts: HashMap<String, usize> = self
                .sections
                .iter()
                .zip(&eval.sections)
                .filter(|(s, _)| s.repeat.is_some())
                .map(|(s, st)| (s.id.clone(), st.instances))
                .collect();
            let calc = self.calculate(answers, &hidden, &counts, today);
            let group = s
                .repeat
                .as_ref()
                .and_then(|_| key.instance.map(|i| (s.id.as_str(), i)));
            let ctx = Ctx {
                form: self,
                answers,
                calc: &calc,
                hidden: &hidden,
                counts: &counts,
                group,
                this: value.clone(),
                today,
            };
            if !c.expr.eval(&ctx).truthy() {
                return Err(c.message.to_msg());
            }
        }
        Ok(())
    }

    /// Keys of every question that is not visible in `eval` (its section hidden or
    /// its relevance false): expressions read their answers as empty.
    fn hidden_keys(&self, eval: &Evaluation) -> HashSet<String> {
        let mut hidden = HashSet::new();
        for (s, st) in self.sections.iter().zip(&eval.sections) {
            for (inst, row) in st.items.iter().enumerate() {
                for (q, item) in s.questions.iter().zip(row) {
                    if !st.visible || !item.visible {
                        hidden.insert(key_of(s, inst, q));
                    }
                }
            }
        }
        hidden
    }

    /// Evaluates any expression (advice rules use this) over the answers.
    pub fn eval_expr(&self, e: &super::expr::Expr, answers: &Answers, today: Date) -> Value {
        let counts = self.instance_counts(answers);
        let calc = self.calculate(answers, &HashSet::new(), &counts, today);
        let hidden = HashSet::new();
        let ctx = Ctx {
            form: self,
            answers,
            calc: &calc,
            hidden: &hidden,
            counts: &counts,
            group: None,
            this: Value::Null,
            today,
        };
        e.eval(&ctx)
    }
}

pub fn key_of(s: &Section, inst: usize, q: &Question) -> String {
    if s.repeat.is_some() {
        format!("{}[{}].{}", s.id, inst + 1, q.id)
    } else {
        format!("{}.{}", s.id, q.id)
    }
}

fn item_state(q: &Question, key: &str, ctx: &Ctx<'_>, audience: Audience) -> ItemState {
    let visible = !(audience == Audience::Customer && q.specialist)
        && q.relevant.as_ref().is_none_or(|e| e.eval(ctx).truthy());
    let value = if q.kind == Kind::Calculated {
        ctx.calc.get(key).cloned().unwrap_or_default()
    } else {
        ctx.answers.get(key).cloned().unwrap_or_default()
    };
    let required = q.kind.is_input()
        && match &q.required {
            Required::No => false,
            Required::Yes => true,
            Required::If(e) => e.eval(ctx).truthy(),
        };
    let mut item = ItemState {
        visible,
        required,
        value,
        error: None,
        warning: None,
    };
    if visible && !item.value.is_null() && q.kind.is_input() {
        if let Err(m) = q.check_bounds(&item.value) {
            item.error = Some(m);
        } else if let Some(c) = &q.constraint {
            let cctx = Ctx {
                this: item.value.clone(),
                ..ctx.clone()
            };
            if !c.expr.eval(&cctx).truthy() {
                item.error = Some(c.message.to_msg());
            }
        }
        if let Some(w) = &q.warning {
            let cctx = Ctx {
                this: item.value.clone(),
                ..ctx.clone()
            };
            if w.expr.eval(&cctx).truthy() {
                item.warning = Some(w.message.to_msg());
            }
        }
    }
    item
}
