//! The intake screen: state and keys. Drawing is in `intake_view.rs`.

use crate::form::{Evaluation, Kind, Lang, Msg, Question, Value, eval::key_of};
use crate::workspace::{Loaded, Mode, Workspace};
use ratatui::layout::Rect;
use serde_json::json;
use std::collections::HashMap;
use time::Date;
use tui_input::Input;

/// A text-like answer being typed. What is typed is saved as a draft on every key,
/// so a crash or a kill never loses it; the answer itself is saved when valid.
pub struct Editor {
    pub key: String,
    pub question: usize,
    /// The one-line field (unused when `lines` is there).
    pub input: Input,
    /// The multi-line field of a long answer (`long_text`).
    pub lines: Option<Box<super::multiline::MultiLine>>,
    pub error: Option<Msg>,
    /// The stored answer the editor was opened on (or last told about): a different
    /// one at saving time was made elsewhere meanwhile, and is not overwritten unseen.
    pub base: Value,
    /// A change made elsewhere meanwhile, shown in place of the check's message until
    /// the user saves (overwriting it knowingly) or cancels.
    pub conflict: Option<Msg>,
}

impl Editor {
    /// An editor on `text` for question `question` of kind `kind`: multi-line for a
    /// long answer, else one line.
    pub fn new(key: String, question: usize, kind: Kind, text: String, base: Value) -> Editor {
        let lines =
            (kind == Kind::LongText).then(|| Box::new(super::multiline::MultiLine::new(&text)));
        Editor {
            key,
            question,
            input: Input::new(if lines.is_some() { String::new() } else { text }),
            lines,
            error: None,
            base,
            conflict: None,
        }
    }

    /// What is typed, as it would be saved.
    pub fn text(&self) -> String {
        match &self.lines {
            Some(m) => m.text(),
            None => self.input.value().to_string(),
        }
    }
}

/// The open list of a choice question (or of yes/no).
pub struct Picker {
    pub question: usize,
    pub cursor: usize,
    /// What is ticked so far. Saved with Enter or Tab, dropped with Esc.
    pub chosen: Vec<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum View {
    Form,
    Review,
    /// Measurements for this intake (`p`).
    Probes,
    /// Advice, quote, plan and the PDF export (`v`).
    Proposal,
}

/// One line of the review list.
#[derive(Clone, Debug)]
pub struct Problem {
    pub section: usize,
    pub entry: usize,
    pub question: usize,
    pub key: String,
    pub message: Option<Msg>,
    /// `message` is a warning (the user may go on), not an error.
    pub warning: bool,
}

pub struct IntakeScreen {
    pub id: i64,
    pub loaded: Loaded,
    pub eval: Evaluation,
    pub today: Date,
    pub section: usize,
    /// 0-based entry of a repeat group.
    pub entry: usize,
    /// Position in `rows()`.
    pub focus: usize,
    pub editor: Option<Editor>,
    pub picker: Option<Picker>,
    pub confirm_remove: bool,
    /// The section list (`s`) is open, with its cursor (a position in `visible_sections`).
    pub jump: Option<usize>,
    pub view: View,
    pub review_sel: usize,
    /// Entries added but not typed into yet, per group.
    pub added: HashMap<String, usize>,
    /// Screen areas from the last draw, for mouse clicks.
    pub sidebar_rows: Vec<(Rect, usize)>,
    pub question_rows: Vec<(Rect, usize)>,
    /// The lines of an open picker, by choice index.
    pub choice_rows: Vec<(Rect, usize)>,
    pub review_rows: Vec<(Rect, usize)>,
    /// The Probes and Advice & Quote screens, while open.
    pub probes: Option<super::probes::ProbesScreen>,
    pub proposal: Option<super::proposal::ProposalScreen>,
    /// First line of the question list on screen, and the (section, entry) it is for.
    pub q_scroll: usize,
    pub q_scroll_at: (usize, usize),
    /// First line of the help pane, and the (section, entry, question) it is for.
    pub help_pane_scroll: usize,
    /// The sidebar as the user set it with `b` (None: shown from `SIDEBAR_FROM`
    /// columns on), and whether it was shown in the last drawing.
    pub sidebar: Option<bool>,
    pub sidebar_shown: bool,
    pub help_pane_at: (usize, usize, usize),
    /// The position changed since it was last written.
    position_dirty: std::cell::Cell<bool>,
    /// The draft (key, text) as last written; `None` when no editor was open.
    written_draft: std::cell::RefCell<Option<(String, String)>>,
}

impl IntakeScreen {
    pub fn open(ws: &mut Workspace, id: i64, today: Date) -> anyhow::Result<IntakeScreen> {
        let loaded = ws.load(id)?;
        let eval = loaded.evaluate(today);
        let mut s = IntakeScreen {
            id,
            loaded,
            eval,
            today,
            section: 0,
            entry: 0,
            focus: 0,
            editor: None,
            picker: None,
            confirm_remove: false,
            jump: None,
            view: View::Form,
            review_sel: 0,
            added: HashMap::new(),
            sidebar_rows: vec![],
            question_rows: vec![],
            choice_rows: vec![],
            review_rows: vec![],
            probes: None,
            proposal: None,
            q_scroll: 0,
            q_scroll_at: (0, 0),
            help_pane_scroll: 0,
            sidebar: None,
            sidebar_shown: false,
            help_pane_at: (0, 0, 0),
            position_dirty: std::cell::Cell::new(false),
            written_draft: std::cell::RefCell::new(None),
        };
        s.restore(ws);
        s.ensure_visible_section();
        s.settle_focus(1);
        Ok(s)
    }

    pub fn mode(&self) -> Mode {
        self.loaded.mode()
    }

    pub fn is_typing(&self) -> bool {
        self.editor.is_some()
            || (self.view == View::Probes && self.probes.as_ref().is_some_and(|p| p.is_typing()))
            || (self.view == View::Proposal
                && self.proposal.as_ref().is_some_and(|p| p.is_typing()))
    }

    /// Whether a measurement runs in the background (the loop then polls for progress).
    pub fn busy(&self) -> bool {
        self.probes.as_ref().is_some_and(|p| p.busy())
    }

    /// Takes background progress; `true` when something changed.
    pub fn tick(&mut self, ws: &mut Workspace, lang: crate::form::Lang) -> bool {
        self.probes.as_mut().is_some_and(|p| p.poll(ws, lang))
    }

    /// Returns to where the user was, with any draft they were typing.
    pub(super) fn restore(&mut self, ws: &Workspace) {
        let Ok(Some(state)) = ws.store.ui_state(self.id) else {
            return;
        };
        if let Some(sid) = state.get("section").and_then(|v| v.as_str())
            && let Some(i) = self.loaded.form.sections.iter().position(|s| s.id == sid)
        {
            self.section = i;
        }
        self.entry = state.get("entry").and_then(|v| v.as_u64()).unwrap_or(0) as usize;
        if self.entry > 0 && self.is_group() {
            let n = self.entries();
            if self.entry >= n {
                self.added
                    .insert(self.section_id().to_string(), self.entry + 1);
                self.reevaluate();
            }
        }
        self.focus = state.get("focus").and_then(|v| v.as_u64()).unwrap_or(0) as usize;
        self.clamp_focus();
        self.settle_focus(1);
        if let Some(d) = state.get("draft")
            && let (Some(key), Some(text)) = (
                d.get("key").and_then(|v| v.as_str()),
                d.get("text").and_then(|v| v.as_str()),
            )
            && let Some(pos) = self.rows().iter().position(|&qi| self.key(qi) == key)
        {
            self.focus = pos;
            let qi = self.rows()[pos];
            let mut ed = Editor::new(
                key.to_string(),
                qi,
                self.question(qi).kind,
                text.to_string(),
                self.answer(key),
            );
            ed.error = self.loaded.check_input(key, text).err().map(|e| e.message);
            self.editor = Some(ed);
            // Already stored: the first event need not write it again.
            *self.written_draft.borrow_mut() = Some((key.to_string(), text.to_string()));
        }
    }

    /// Notes that the position or the draft changed; `flush_position` writes it.
    pub(super) fn mark_position(&self) {
        self.position_dirty.set(true);
    }

    /// Writes where the user is, with the draft being typed. A changed draft is written
    /// at once (the app calls this after every event, before drawing, so what shows as
    /// typed is saved, also against a kill). A mere move waits for the next draft change
    /// or for `leaving` (quit, back to the list): each write is an fsync, and browsing
    /// should not cost one per key.
    pub fn flush_position(&self, ws: &mut Workspace, leaving: bool) -> Result<(), String> {
        let draft = self.editor.as_ref().map(|ed| (ed.key.clone(), ed.text()));
        let draft_changed = *self.written_draft.borrow() != draft;
        if !(draft_changed || leaving && self.position_dirty.get()) {
            return Ok(());
        }
        let mut state =
            json!({"section": self.section_id(), "entry": self.entry, "focus": self.focus});
        if let Some((key, text)) = &draft {
            state["draft"] = json!({"key": key, "text": text});
        }
        // A failure must not disturb typing, but is told: the draft is not safe.
        match ws.store.set_ui_state(self.id, &state) {
            Ok(()) => {
                self.position_dirty.set(false);
                *self.written_draft.borrow_mut() = draft;
                Ok(())
            }
            Err(e) if draft_changed => Err(format!("{e:#}")),
            Err(_) => Ok(()),
        }
    }

    pub fn section_id(&self) -> &str {
        &self.loaded.form.sections[self.section].id
    }

    pub fn is_group(&self) -> bool {
        self.loaded.form.sections[self.section].repeat.is_some()
    }

    pub fn entries(&self) -> usize {
        self.eval.sections[self.section].instances
    }

    /// Visible sections, in form order.
    pub fn visible_sections(&self) -> Vec<usize> {
        (0..self.loaded.form.sections.len())
            .filter(|&i| self.eval.sections[i].visible)
            .collect()
    }

    /// The visible questions of the current section and entry.
    pub fn rows(&self) -> Vec<usize> {
        let st = &self.eval.sections[self.section];
        let Some(items) = st.items.get(self.entry) else {
            return vec![];
        };
        items
            .iter()
            .enumerate()
            .filter(|(_, it)| it.visible)
            .map(|(i, _)| i)
            .collect()
    }

    pub fn key(&self, qi: usize) -> String {
        let s = &self.loaded.form.sections[self.section];
        key_of(s, self.entry, &s.questions[qi])
    }

    /// The stored answer of `key` as loaded (`Null` when none).
    pub fn answer(&self, key: &str) -> Value {
        self.loaded.answers.get(key).cloned().unwrap_or(Value::Null)
    }

    /// The lines of the open picker: (id, label). Yes/no questions have no choices in
    /// the form; their picker offers yes and no.
    pub fn picker_options(&self, qi: usize, lang: Lang) -> Vec<(String, String)> {
        let q = self.question(qi);
        if q.kind == Kind::YesNo {
            return [true, false]
                .into_iter()
                .map(|b| (yes_no_id(b).to_string(), q.display(&Value::Bool(b), lang)))
                .collect();
        }
        q.choices
            .iter()
            .map(|c| (c.id.clone(), c.label.get(lang).to_string()))
            .collect()
    }

    pub fn question(&self, qi: usize) -> &Question {
        &self.loaded.form.sections[self.section].questions[qi]
    }

    pub fn focused(&self) -> Option<usize> {
        self.rows().get(self.focus).copied()
    }

    pub(super) fn clamp_focus(&mut self) {
        let entries = self.entries();
        if self.is_group() && self.entry >= entries {
            self.entry = entries.saturating_sub(1);
        }
        let n = self.rows().len();
        if self.focus >= n {
            self.focus = n.saturating_sub(1);
        }
    }

    /// Notes are read, not answered: focus never rests on one. Moves the focus from a
    /// note to the nearest question in direction `dir`, else the other way.
    pub(super) fn settle_focus(&mut self, dir: isize) {
        let rows = self.rows();
        let ok = |p: usize| rows.get(p).is_some_and(|&qi| self.focusable(qi));
        if rows.is_empty() || ok(self.focus) {
            return;
        }
        let forward = (self.focus..rows.len()).find(|&p| ok(p));
        let backward = (0..self.focus.min(rows.len())).rev().find(|&p| ok(p));
        let found = if dir >= 0 {
            forward.or(backward)
        } else {
            backward.or(forward)
        };
        if let Some(p) = found {
            self.focus = p;
        }
    }

    pub fn focusable(&self, qi: usize) -> bool {
        self.question(qi).kind != Kind::Note
    }

    pub(super) fn ensure_visible_section(&mut self) {
        if !self.eval.sections[self.section].visible
            && let Some(&first) = self.visible_sections().first()
        {
            self.section = first;
            self.entry = 0;
            self.focus = 0;
            self.settle_focus(1);
        }
    }

    pub(super) fn reevaluate(&mut self) {
        self.eval = self.loaded.form.evaluate_with(
            &self.loaded.answers,
            self.mode().audience(),
            self.today,
            &self.added,
        );
    }

    pub(super) fn reload(&mut self, ws: &mut Workspace) -> anyhow::Result<()> {
        self.loaded = ws.load(self.id)?;
        // Entries the user added are real once something is typed in them.
        let counts = self.loaded.form.instance_counts(&self.loaded.answers);
        self.added
            .retain(|g, n| counts.get(g).copied().unwrap_or(0) < *n);
        self.reevaluate();
        self.clamp_focus();
        self.settle_focus(1);
        self.ensure_visible_section();
        Ok(())
    }

    /// Moves `d` questions up or down, passing over notes; stays put at either end.
    pub(super) fn move_focus(&mut self, d: isize) {
        let rows = self.rows();
        if rows.is_empty() {
            return;
        }
        let mut pos = self.focus.min(rows.len() - 1);
        for _ in 0..d.unsigned_abs() {
            let next = if d > 0 {
                (pos + 1..rows.len()).find(|&p| self.focusable(rows[p]))
            } else {
                (0..pos).rev().find(|&p| self.focusable(rows[p]))
            };
            match next {
                Some(p) => pos = p,
                None => break,
            }
        }
        self.focus = pos;
        self.settle_focus(d);
        self.mark_position();
    }

    pub(super) fn move_section(&mut self, d: isize) {
        let vis = self.visible_sections();
        let pos = vis.iter().position(|&s| s == self.section).unwrap_or(0) as isize;
        let next = (pos + d).clamp(0, vis.len() as isize - 1) as usize;
        self.go_to_section(vis[next]);
    }

    pub fn go_to_section(&mut self, section: usize) {
        if section != self.section {
            self.section = section;
            self.entry = 0;
            self.focus = 0;
            self.clamp_focus();
            self.settle_focus(1);
            self.mark_position();
        }
    }

    pub(super) fn move_entry(&mut self, d: isize) {
        let n = self.entries() as isize;
        if n == 0 {
            return;
        }
        self.entry = (self.entry as isize + d).clamp(0, n - 1) as usize;
        self.clamp_focus();
        self.settle_focus(1);
        self.mark_position();
    }

    pub fn jump_to(&mut self, p: &Problem) {
        self.section = p.section;
        self.entry = p.entry;
        self.focus = self
            .rows()
            .iter()
            .position(|&q| q == p.question)
            .unwrap_or(0);
        self.settle_focus(1);
        self.view = View::Form;
        self.mark_position();
    }
}

/// The id a yes/no answer is typed and picked as.
pub fn yes_no_id(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

pub fn is_text_like(k: Kind) -> bool {
    !matches!(
        k,
        Kind::YesNo | Kind::SingleChoice | Kind::MultiChoice | Kind::Note | Kind::Calculated
    )
}
