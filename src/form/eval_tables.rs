//! The working storage of one evaluation: answers, calculated values and hidden flags
//! in dense tables indexed by (section, entry, question), so that expressions read
//! values without building `group[N].field` strings or hashing them. Evaluation runs
//! on every change in the TUI; see `benches/form.rs`.

use super::eval::{Answers, MAX_INSTANCES};
use super::expr::Env;
use super::model::{Form, Kind};
use super::value::{NULL, Value};
use std::borrow::Cow;
use time::Date;

/// One value per (entry, question) of a section: `cells[entry * questions + question]`.
#[derive(Clone, Debug, Default)]
pub(super) struct Grid<T> {
    width: usize,
    cells: Vec<T>,
}

impl<T: Clone + Default> Grid<T> {
    fn new(width: usize, entries: usize) -> Grid<T> {
        Grid {
            width,
            cells: vec![T::default(); width * entries],
        }
    }
    pub fn get(&self, entry: usize, q: usize) -> Option<&T> {
        self.cells
            .get(entry * self.width + q)
            .filter(|_| q < self.width)
    }
    /// The same cells for `entries` entries (new entries empty).
    fn resized(&self, entries: usize) -> Grid<T> {
        let mut cells = self.cells.clone();
        cells.resize(self.width * entries, T::default());
        Grid {
            width: self.width,
            cells,
        }
    }
    /// Per question: whether any entry's cell differs from `other`'s.
    fn columns_differing(&self, other: &Grid<T>) -> Vec<bool>
    where
        T: PartialEq,
    {
        let mut out = vec![false; self.width];
        if self.width == 0 {
            return out;
        }
        for (i, c) in self.cells.iter().enumerate() {
            if other.cells.get(i) != Some(c) {
                out[i % self.width] = true;
            }
        }
        out
    }
    /// Room for `entries` entries, the new ones empty.
    fn grow(&mut self, entries: usize) {
        if self.width * entries > self.cells.len() {
            self.cells.resize(self.width * entries, T::default());
        }
    }
    pub fn set(&mut self, entry: usize, q: usize, v: T) {
        if q < self.width
            && let Some(c) = self.cells.get_mut(entry * self.width + q)
        {
            *c = v;
        }
    }
}

/// The section and 0-based entry of a key's head (`company`, `users[3]`); `None` for
/// an unknown section, an entry of a plain section, or a group without an entry.
fn entry_of(form: &Form, head: &str) -> Option<(usize, usize)> {
    let (scope, n) = match head.split_once('[') {
        Some((scope, n)) => (scope, Some(n.strip_suffix(']')?.parse::<usize>().ok()?)),
        None => (head, None),
    };
    let si = form.sections.iter().position(|s| s.id == scope)?;
    match (&form.sections[si].repeat, n) {
        (Some(_), Some(n)) if n >= 1 => Some((si, n - 1)),
        (None, None) => Some((si, 0)),
        _ => None,
    }
}

pub(super) struct Tables<'a> {
    pub form: &'a Form,
    /// Entries per section (1 for a plain section).
    pub counts: Vec<usize>,
    answers: Vec<Grid<Option<&'a Value>>>,
    /// Calculated values, one column per calculated question (`Section::calc_slot`).
    pub calc: Vec<Grid<Value>>,
    pub hidden: Vec<Grid<bool>>,
}

impl<'a> Tables<'a> {
    /// Places every answer in its cell. `counts` are the least entries per section
    /// (1 for a plain section); a group gets as many more as its highest entry with a
    /// stored answer needs (also one the form no longer asks), up to `MAX_INSTANCES`.
    /// Answers to keys the form does not know, and stored values of calculations (the
    /// calculation wins), are not read by expressions.
    pub fn new(form: &'a Form, answers: &'a Answers, counts: Vec<usize>) -> Tables<'a> {
        let mut t = Tables {
            form,
            answers: form
                .sections
                .iter()
                .zip(&counts)
                .map(|(s, &n)| Grid::new(s.questions.len(), n))
                .collect(),
            calc: Vec::new(),
            hidden: Vec::new(),
            counts,
        };
        // Answers come sorted by key, so the answers of one section entry (`r[3].`) come
        // together with their question ids in sorted order: they are placed by walking
        // the section's sorted ids alongside, without building or hashing a path.
        let mut run: Option<(&str, Option<(usize, usize)>)> = None;
        let mut cursor = 0;
        for (k, v) in answers {
            let Some((head, q)) = k.split_once('.') else {
                continue;
            };
            if run.is_none_or(|(h, _)| h != head) {
                run = Some((head, entry_of(form, head)));
                cursor = 0;
            }
            let Some(Some((si, entry))) = run.map(|(_, at)| at) else {
                continue;
            };
            if entry >= t.counts[si] {
                // Entries come in text order (`r[1]`, `r[10]`, `r[2]`); the grid grows
                // like a Vec, amortised.
                t.counts[si] = (entry + 1).min(MAX_INSTANCES);
                t.answers[si].grow(t.counts[si]);
            }
            let ids = &form.sections[si].ids_sorted;
            while cursor < ids.len() && ids[cursor].0.as_str() < q {
                cursor += 1;
            }
            let Some((_, qi)) = ids.get(cursor).filter(|(id, _)| id == q) else {
                continue;
            };
            let qi = *qi;
            if form.sections[si].questions[qi].kind == Kind::Calculated {
                continue;
            }
            t.answers[si].set(entry, qi, Some(v));
        }
        t.hidden = t.no_marks();
        t
    }

    /// A `false` for every cell: the start of a set of hidden flags.
    pub fn no_marks(&self) -> Vec<Grid<bool>> {
        self.form
            .sections
            .iter()
            .zip(&self.counts)
            .map(|(s, &n)| Grid::new(s.questions.len(), n))
            .collect()
    }

    /// The same answers laid out for other entry counts, without calculations, with
    /// `hidden` flags from an earlier pass if given (entries may have been added):
    /// placing every answer again would cost more than the copy.
    pub fn reshaped(&self, counts: Vec<usize>, hidden: Option<&[Grid<bool>]>) -> Tables<'a> {
        let form = self.form;
        let mut t = Tables {
            form,
            answers: self
                .answers
                .iter()
                .zip(&counts)
                .map(|(g, &n)| g.resized(n))
                .collect(),
            calc: Vec::new(),
            hidden: Vec::new(),
            counts,
        };
        t.hidden = match hidden {
            Some(h) => h
                .iter()
                .zip(&t.counts)
                .map(|(g, &n)| g.resized(n))
                .collect(),
            None => t.no_marks(),
        };
        t
    }

    /// The stored answer or calculated value, as shown (hidden or not).
    pub fn shown(&self, si: usize, entry: usize, qi: usize) -> &Value {
        let answer = match self.answers[si].get(entry, qi) {
            Some(Some(v)) => Some(*v),
            Some(None) => None,
            None => return &NULL,
        };
        answer
            .or_else(|| {
                let slot = self.form.sections[si].calc_slot[qi]?;
                self.calc.get(si)?.get(entry, slot)
            })
            .unwrap_or(&NULL)
    }

    /// What an expression reads: empty when hidden, and when answered "weet ik niet".
    fn read(&self, si: usize, entry: usize, qi: usize) -> &Value {
        if self.hidden[si].get(entry, qi) == Some(&true) {
            return &NULL;
        }
        self.shown(si, entry, qi).readable()
    }

    /// What a reference reads in the context of `group` (section, entry): a group field
    /// outside its own group reads as empty.
    pub fn lookup(&self, path: &str, group: Option<(usize, usize)>) -> &Value {
        let Some(&(si, qi)) = self.form.index.get(path) else {
            return &NULL;
        };
        if self.form.sections[si].repeat.is_none() {
            return self.read(si, 0, qi);
        }
        match group {
            Some((g, entry)) if g == si => self.read(si, entry, qi),
            _ => &NULL,
        }
    }

    /// Calls `f` with `group.field` of every entry, in order.
    pub fn each_value(&self, group: &str, field: &str, f: &mut dyn FnMut(&Value)) {
        let Some(si) = self.group(group) else {
            return;
        };
        let ids = &self.form.sections[si].ids_sorted;
        let Ok(at) = ids.binary_search_by(|(id, _)| id.as_str().cmp(field)) else {
            return;
        };
        let qi = ids[at].1;
        for e in 0..self.counts[si].min(MAX_INSTANCES) {
            f(self.read(si, e, qi));
        }
    }

    /// Computes the calculated questions in dependency order.
    pub fn calculate(&mut self, today: Date) {
        self.calc = self.no_values();
        for step in &self.form.calc_order {
            self.calculate_one(step.at, today);
        }
    }

    /// Calculations for the same answers and entry counts as `prev` with other hidden
    /// flags: only those that read a question whose flags changed, or a calculation
    /// redone here, are computed again; the others keep `prev`'s values. Relevance
    /// settles in two passes and most calculations read nothing that hides.
    pub fn calculate_after(&mut self, prev: &Tables<'a>, today: Date) {
        if prev.counts != self.counts || prev.calc.len() != self.form.sections.len() {
            return self.calculate(today);
        }
        self.calc = prev.calc.clone();
        let mut changed: Vec<Vec<bool>> = self
            .hidden
            .iter()
            .zip(&prev.hidden)
            .map(|(now, before)| now.columns_differing(before))
            .collect();
        for step in &self.form.calc_order {
            if step.reads.iter().any(|&(s, q)| changed[s][q]) {
                self.calculate_one(step.at, today);
                changed[step.at.0][step.at.1] = true;
            }
        }
    }

    fn calculate_one(&mut self, (si, qi): (usize, usize), today: Date) {
        let s = &self.form.sections[si];
        let Some(e) = &s.questions[qi].calculate else {
            return;
        };
        for entry in 0..self.counts[si] {
            let group = s.repeat.as_ref().map(|_| (si, entry));
            let v = e.eval(&Ctx::new(self, group, &NULL, today));
            if let Some(slot) = s.calc_slot[qi] {
                self.calc[si].set(entry, slot, v);
            }
        }
    }

    /// Empty cells for the calculated questions only.
    fn no_values(&self) -> Vec<Grid<Value>> {
        self.form
            .sections
            .iter()
            .zip(&self.counts)
            .map(|(s, &n)| Grid::new(s.calc_slot.iter().flatten().count(), n))
            .collect()
    }

    fn group(&self, id: &str) -> Option<usize> {
        self.form
            .sections
            .iter()
            .position(|s| s.id == id && s.repeat.is_some())
    }
}

/// What an expression sees: the tables, the current entry of a group, and `.`.
pub(super) struct Ctx<'t, 'a> {
    t: &'t Tables<'a>,
    /// (section, 0-based entry) when evaluating inside a repeat group.
    group: Option<(usize, usize)>,
    this: &'t Value,
    today: Date,
}

impl<'t, 'a> Ctx<'t, 'a> {
    pub fn new(
        t: &'t Tables<'a>,
        group: Option<(usize, usize)>,
        this: &'t Value,
        today: Date,
    ) -> Self {
        Ctx {
            t,
            group,
            this,
            today,
        }
    }
}

impl Env for Ctx<'_, '_> {
    fn value(&self, path: &str) -> Value {
        self.t.lookup(path, self.group).clone()
    }
    fn value_ref(&self, path: &str) -> Cow<'_, Value> {
        Cow::Borrowed(self.t.lookup(path, self.group))
    }
    fn group_values(&self, group: &str, field: &str) -> Vec<Value> {
        let mut out = Vec::new();
        self.t
            .each_value(group, field, &mut |v| out.push(v.clone()));
        out
    }
    fn each_group_value(&self, group: &str, field: &str, f: &mut dyn FnMut(&Value)) {
        self.t.each_value(group, field, f);
    }
    fn group_count(&self, group: &str) -> usize {
        self.t.group(group).map_or(0, |si| self.t.counts[si])
    }
    fn this(&self) -> Value {
        self.this.clone()
    }
    fn this_ref(&self) -> Cow<'_, Value> {
        Cow::Borrowed(self.this)
    }
    fn today(&self) -> Date {
        self.today
    }
}

#[cfg(test)]
mod tests {
    use super::entry_of;

    #[test]
    fn key_heads_name_a_section_entry() {
        let form = crate::form::standard_form().unwrap();
        let at = |id: &str| form.sections.iter().position(|s| s.id == id).unwrap();
        assert_eq!(entry_of(&form, "company"), Some((at("company"), 0)));
        assert_eq!(entry_of(&form, "users[12]"), Some((at("users"), 11)));
        for bad in [
            "users",
            "users[0]",
            "users[x]",
            "users[1",
            "company[1]",
            "nope",
        ] {
            assert_eq!(entry_of(&form, bad), None, "{bad}");
        }
    }
}
