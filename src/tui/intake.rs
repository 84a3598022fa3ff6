//! The intake screen: state and keys. Drawing is in `intake_view.rs`.

use super::app::{Outcome, Status, StatusKind};
use super::home::tr;
use crate::form::{Evaluation, Kind, Lang, Msg, Question, Value, eval::key_of};
use crate::workspace::{Loaded, Mode, Workspace};
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::{Position, Rect};
use serde_json::json;
use std::collections::HashMap;
use time::Date;
use tui_input::backend::crossterm::EventHandler;
use tui_input::{Input, InputRequest};

/// A text-like answer being typed. What is typed is saved as a draft on every key,
/// so a crash or a kill never loses it; the answer itself is saved when valid.
pub struct Editor {
    pub key: String,
    pub question: usize,
    pub input: Input,
    pub error: Option<Msg>,
}

/// The open list of a choice question.
pub struct Picker {
    pub question: usize,
    pub cursor: usize,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum View {
    Form,
    Review,
}

/// One line of the review list.
#[derive(Clone, Debug)]
pub struct Problem {
    pub section: usize,
    pub entry: usize,
    pub question: usize,
    pub key: String,
    pub message: Option<Msg>,
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
    /// First line of the question list on screen, and the (section, entry) it is for.
    pub q_scroll: usize,
    pub q_scroll_at: (usize, usize),
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
            view: View::Form,
            review_sel: 0,
            added: HashMap::new(),
            sidebar_rows: vec![],
            question_rows: vec![],
            choice_rows: vec![],
            review_rows: vec![],
            q_scroll: 0,
            q_scroll_at: (0, 0),
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
    }

    /// Returns to where the user was, with any draft they were typing.
    fn restore(&mut self, ws: &Workspace) {
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
            let mut ed = Editor {
                key: key.to_string(),
                question: qi,
                input: Input::new(text.to_string()),
                error: None,
            };
            ed.error = self.loaded.check_input(key, text).err().map(|e| e.message);
            self.editor = Some(ed);
        }
    }

    fn save_position(&self, ws: &mut Workspace) {
        let mut state =
            json!({"section": self.section_id(), "entry": self.entry, "focus": self.focus});
        if let Some(ed) = &self.editor {
            state["draft"] = json!({"key": ed.key, "text": ed.input.value()});
        }
        // Position is a convenience; a failure to save it must not disturb typing.
        let _ = ws.store.set_ui_state(self.id, &state);
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

    pub fn question(&self, qi: usize) -> &Question {
        &self.loaded.form.sections[self.section].questions[qi]
    }

    pub fn focused(&self) -> Option<usize> {
        self.rows().get(self.focus).copied()
    }

    fn clamp_focus(&mut self) {
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
    fn settle_focus(&mut self, dir: isize) {
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

    fn ensure_visible_section(&mut self) {
        if !self.eval.sections[self.section].visible
            && let Some(&first) = self.visible_sections().first()
        {
            self.section = first;
            self.entry = 0;
            self.focus = 0;
            self.settle_focus(1);
        }
    }

    fn reevaluate(&mut self) {
        self.eval = self.loaded.form.evaluate_with(
            &self.loaded.answers,
            self.mode().audience(),
            self.today,
            &self.added,
        );
    }

    fn reload(&mut self, ws: &mut Workspace) -> anyhow::Result<()> {
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

    /// Saves one answer through the workspace (the same checks as `intake set`).
    fn save(
        &mut self,
        ws: &mut Workspace,
        key: &str,
        input: &str,
        lang: Lang,
        status: &mut Option<Status>,
    ) -> bool {
        match ws.set_answers(self.id, &[(key.to_string(), input.to_string())]) {
            Ok(_) => {
                if let Err(e) = self.reload(ws) {
                    *status = Some(Status {
                        text: format!("{e:#}"),
                        kind: StatusKind::Error,
                    });
                    return false;
                }
                *status = Some(Status {
                    text: tr(lang, "Opgeslagen", "Saved"),
                    kind: StatusKind::Saved,
                });
                true
            }
            Err(e) => {
                let text = match e.downcast_ref::<crate::workspace::SetError>() {
                    Some(se) => se.message.get(lang).to_string(),
                    None => format!("{e:#}"),
                };
                *status = Some(Status {
                    text,
                    kind: StatusKind::Error,
                });
                false
            }
        }
    }

    fn clear(&mut self, ws: &mut Workspace, key: &str, lang: Lang, status: &mut Option<Status>) {
        if self.loaded.answers.contains_key(key) && self.save(ws, key, "", lang, status) {
            *status = Some(Status {
                text: tr(
                    lang,
                    "Antwoord gewist (staat in de geschiedenis)",
                    "Answer cleared (kept in the history)",
                ),
                kind: StatusKind::Saved,
            });
        }
    }

    pub fn paste(
        &mut self,
        text: &str,
        ws: &mut Workspace,
        _lang: Lang,
        _status: &mut Option<Status>,
    ) {
        if self.editor.is_none() {
            let Some(qi) = self.focused() else { return };
            if !is_text_like(self.question(qi).kind) {
                return;
            }
            self.start_editor(qi, None);
        }
        if let Some(ed) = &mut self.editor {
            for c in text.chars().filter(|c| !c.is_control()) {
                ed.input.handle(InputRequest::InsertChar(c));
            }
        }
        self.after_edit(ws);
    }

    fn start_editor(&mut self, qi: usize, first: Option<char>) {
        let key = self.key(qi);
        let q = self.question(qi);
        let current = self
            .loaded
            .answers
            .get(&key)
            .map(|v| q.input_text(v))
            .unwrap_or_default();
        let mut input = Input::new(current);
        if let Some(c) = first {
            input.handle(InputRequest::InsertChar(c));
        }
        self.editor = Some(Editor {
            key,
            question: qi,
            input,
            error: None,
        });
    }

    /// After every key in an editor: check as the user types, save the draft.
    fn after_edit(&mut self, ws: &mut Workspace) {
        if let Some(ed) = &mut self.editor {
            ed.error = self
                .loaded
                .check_input(&ed.key, ed.input.value())
                .err()
                .map(|e| e.message);
        }
        self.save_position(ws);
    }

    /// Leaves the editor, saving a valid value; stays when it is not valid.
    fn commit(&mut self, ws: &mut Workspace, lang: Lang, status: &mut Option<Status>) -> bool {
        let Some(ed) = self.editor.take() else {
            return true;
        };
        let ok = self.save(ws, &ed.key, ed.input.value(), lang, status);
        if !ok {
            let error = self
                .loaded
                .check_input(&ed.key, ed.input.value())
                .err()
                .map(|e| e.message);
            self.editor = Some(Editor { error, ..ed });
            return false;
        }
        self.save_position(ws);
        true
    }

    pub fn handle_key(
        &mut self,
        k: KeyEvent,
        ws: &mut Workspace,
        lang: Lang,
        today: Date,
        status: &mut Option<Status>,
    ) -> Outcome {
        self.today = today;
        if self.editor.is_some() {
            self.editor_key(k, ws, lang, status);
            return Outcome::None;
        }
        if self.picker.is_some() {
            self.picker_key(k, ws, lang, status);
            return Outcome::None;
        }
        if self.confirm_remove {
            self.confirm_remove = false;
            if matches!(k.code, KeyCode::Char('y') | KeyCode::Char('j')) {
                self.remove_entry(ws, lang, status);
            }
            return Outcome::None;
        }
        if self.view == View::Review {
            return self.review_key(k, ws, lang, status);
        }
        match k.code {
            KeyCode::Char('q') => return Outcome::Quit,
            KeyCode::Esc => {
                self.save_position(ws);
                return Outcome::Home;
            }
            KeyCode::Down | KeyCode::Char('j') | KeyCode::Tab => self.move_focus(1, ws),
            KeyCode::Up | KeyCode::Char('k') | KeyCode::BackTab => self.move_focus(-1, ws),
            KeyCode::PageDown | KeyCode::Right | KeyCode::Char('l') => self.move_section(1, ws),
            KeyCode::PageUp | KeyCode::Left | KeyCode::Char('h') => self.move_section(-1, ws),
            KeyCode::Home | KeyCode::Char('g') => {
                self.focus = 0;
                self.settle_focus(1);
                self.save_position(ws);
            }
            KeyCode::End | KeyCode::Char('G') => {
                self.focus = self.rows().len().saturating_sub(1);
                self.settle_focus(-1);
                self.save_position(ws);
            }
            KeyCode::Char(']') if self.is_group() => self.move_entry(1, ws),
            KeyCode::Char('[') if self.is_group() => self.move_entry(-1, ws),
            KeyCode::Char('a') if self.is_group() => self.add_entry(ws, lang, status),
            KeyCode::Char('D') | KeyCode::Char('x') if self.is_group() && self.entries() > 0 => {
                self.confirm_remove = true
            }
            KeyCode::Char('}') if self.is_group() => self.shift_entry(1, ws, lang, status),
            KeyCode::Char('{') if self.is_group() => self.shift_entry(-1, ws, lang, status),
            KeyCode::Char('r') => {
                self.view = View::Review;
                self.review_sel = 0;
            }
            KeyCode::Enter | KeyCode::Char(' ') | KeyCode::Char('e') | KeyCode::Char('i') => {
                self.activate(ws, lang, status)
            }
            KeyCode::Char(c @ ('y' | 'n')) => {
                if let Some(qi) = self.focused()
                    && self.question(qi).kind == Kind::YesNo
                {
                    let key = self.key(qi);
                    self.save(ws, &key, if c == 'y' { "yes" } else { "no" }, lang, status);
                }
            }
            // Delete clears the answer (kept in the history); Backspace opens the
            // editor one character shorter, so a habitual Backspace never wipes an answer.
            KeyCode::Delete => {
                if let Some(qi) = self.focused()
                    && self.question(qi).kind.is_input()
                {
                    let key = self.key(qi);
                    self.clear(ws, &key, lang, status);
                }
            }
            KeyCode::Backspace => {
                if let Some(qi) = self.focused()
                    && is_text_like(self.question(qi).kind)
                {
                    self.start_editor(qi, None);
                    if let Some(ed) = &mut self.editor {
                        ed.input.handle(InputRequest::DeletePrevChar);
                    }
                    self.after_edit(ws);
                }
            }
            _ => {}
        }
        Outcome::None
    }

    fn activate(&mut self, ws: &mut Workspace, lang: Lang, status: &mut Option<Status>) {
        let Some(qi) = self.focused() else { return };
        let q = self.question(qi);
        let key = self.key(qi);
        match q.kind {
            Kind::YesNo => {
                let next = match self.loaded.answers.get(&key) {
                    Some(Value::Bool(true)) => "no",
                    _ => "yes",
                };
                self.save(ws, &key, next, lang, status);
            }
            Kind::SingleChoice | Kind::MultiChoice => {
                let cursor = match self.loaded.answers.get(&key) {
                    Some(Value::Text(id)) => {
                        q.choices.iter().position(|c| &c.id == id).unwrap_or(0)
                    }
                    Some(Value::List(ids)) => q
                        .choices
                        .iter()
                        .position(|c| ids.contains(&c.id))
                        .unwrap_or(0),
                    _ => 0,
                };
                self.picker = Some(Picker {
                    question: qi,
                    cursor,
                });
            }
            Kind::Note | Kind::Calculated => {}
            _ => {
                self.start_editor(qi, None);
                self.save_position(ws);
            }
        }
    }

    fn editor_key(
        &mut self,
        k: KeyEvent,
        ws: &mut Workspace,
        lang: Lang,
        status: &mut Option<Status>,
    ) {
        match k.code {
            KeyCode::Esc => {
                // Back out: the saved answer stays as it was; the draft is dropped.
                self.editor = None;
                self.save_position(ws);
                *status = Some(Status {
                    text: tr(lang, "Wijziging ongedaan gemaakt", "Edit cancelled"),
                    kind: StatusKind::Info,
                });
            }
            KeyCode::Enter | KeyCode::Tab | KeyCode::Down => {
                if self.commit(ws, lang, status) {
                    self.move_focus(1, ws);
                }
            }
            KeyCode::BackTab | KeyCode::Up => {
                if self.commit(ws, lang, status) {
                    self.move_focus(-1, ws);
                }
            }
            _ => {
                if let Some(ed) = &mut self.editor {
                    if k.modifiers.contains(KeyModifiers::CONTROL) && k.code == KeyCode::Char('u') {
                        ed.input.reset();
                    } else {
                        ed.input.handle_event(&Event::Key(k));
                    }
                }
                self.after_edit(ws);
            }
        }
    }

    fn picker_key(
        &mut self,
        k: KeyEvent,
        ws: &mut Workspace,
        lang: Lang,
        status: &mut Option<Status>,
    ) {
        let Some(p) = &mut self.picker else { return };
        let n = self.loaded.form.sections[self.section].questions[p.question]
            .choices
            .len();
        match k.code {
            KeyCode::Esc => self.picker = None,
            KeyCode::Down | KeyCode::Char('j') | KeyCode::Tab => {
                p.cursor = (p.cursor + 1).min(n.saturating_sub(1))
            }
            KeyCode::Up | KeyCode::Char('k') | KeyCode::BackTab => {
                p.cursor = p.cursor.saturating_sub(1)
            }
            KeyCode::Home | KeyCode::Char('g') => p.cursor = 0,
            KeyCode::End | KeyCode::Char('G') => p.cursor = n.saturating_sub(1),
            KeyCode::Char(' ') => {
                let c = p.cursor;
                self.pick(c, false, ws, lang, status);
            }
            KeyCode::Enter => {
                let c = p.cursor;
                self.pick(c, true, ws, lang, status);
            }
            _ => {}
        }
    }

    /// Chooses choice `cursor` of the open picker. A single choice is saved and the
    /// picker closes; a multiple choice toggles, and Enter closes once something is
    /// chosen (Enter on an empty list chooses the line under the cursor first).
    fn pick(
        &mut self,
        cursor: usize,
        enter: bool,
        ws: &mut Workspace,
        lang: Lang,
        status: &mut Option<Status>,
    ) {
        let Some(p) = &mut self.picker else { return };
        p.cursor = cursor;
        let qi = p.question;
        let q = self.loaded.form.sections[self.section].questions[qi].clone();
        let Some(choice) = q.choices.get(cursor).map(|c| c.id.clone()) else {
            return;
        };
        let key = self.key(qi);
        if q.kind == Kind::SingleChoice {
            self.picker = None;
            if self.save(ws, &key, &choice, lang, status) {
                self.move_focus(1, ws);
            }
            return;
        }
        if enter && self.loaded.answers.contains_key(&key) {
            self.picker = None;
            return;
        }
        let mut ids = match self.loaded.answers.get(&key) {
            Some(Value::List(l)) => l.clone(),
            _ => vec![],
        };
        if let Some(pos) = ids.iter().position(|i| *i == choice) {
            ids.remove(pos);
        } else {
            ids.push(choice);
        }
        // Keep the form's order so the stored list reads naturally.
        ids.sort_by_key(|id| q.choices.iter().position(|c| &c.id == id));
        self.save(ws, &key, &ids.join(","), lang, status);
    }

    /// Moves `d` questions up or down, passing over notes; stays put at either end.
    fn move_focus(&mut self, d: isize, ws: &mut Workspace) {
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
        self.save_position(ws);
    }

    fn move_section(&mut self, d: isize, ws: &mut Workspace) {
        let vis = self.visible_sections();
        let pos = vis.iter().position(|&s| s == self.section).unwrap_or(0) as isize;
        let next = (pos + d).clamp(0, vis.len() as isize - 1) as usize;
        self.go_to_section(vis[next], ws);
    }

    pub fn go_to_section(&mut self, section: usize, ws: &mut Workspace) {
        if section != self.section {
            self.section = section;
            self.entry = 0;
            self.focus = 0;
            self.clamp_focus();
            self.settle_focus(1);
            self.save_position(ws);
        }
    }

    fn move_entry(&mut self, d: isize, ws: &mut Workspace) {
        let n = self.entries() as isize;
        if n == 0 {
            return;
        }
        self.entry = (self.entry as isize + d).clamp(0, n - 1) as usize;
        self.clamp_focus();
        self.settle_focus(1);
        self.save_position(ws);
    }

    fn add_entry(&mut self, ws: &mut Workspace, lang: Lang, status: &mut Option<Status>) {
        let max = self.loaded.form.sections[self.section]
            .repeat
            .as_ref()
            .map(|r| r.max)
            .unwrap_or(0);
        let n = self.entries();
        if n >= max {
            *status = Some(Status {
                text: tr(
                    lang,
                    &format!("Maximaal {max} items."),
                    &format!("At most {max} entries."),
                ),
                kind: StatusKind::Error,
            });
            return;
        }
        self.added.insert(self.section_id().to_string(), n + 1);
        self.reevaluate();
        self.entry = n;
        self.focus = 0;
        self.settle_focus(1);
        self.save_position(ws);
    }

    fn remove_entry(&mut self, ws: &mut Workspace, lang: Lang, status: &mut Option<Status>) {
        let group = self.section_id().to_string();
        let n = self.entry + 1;
        if let Some(a) = self.added.get_mut(&group) {
            *a = a.saturating_sub(1);
        }
        match ws.remove_entry(self.id, &group, n) {
            Ok(()) => {
                let item = self.loaded.form.sections[self.section]
                    .repeat
                    .as_ref()
                    .map(|r| r.item.get(lang).to_string())
                    .unwrap_or_default();
                *status = Some(Status {
                    text: tr(
                        lang,
                        &format!("{item} {n} verwijderd"),
                        &format!("{item} {n} removed"),
                    ),
                    kind: StatusKind::Saved,
                });
            }
            Err(e)
                if self
                    .loaded
                    .form
                    .instance_counts(&self.loaded.answers)
                    .get(&group)
                    .copied()
                    .unwrap_or(0)
                    < n =>
            {
                // An entry that was never typed into has nothing to remove in the store.
                let _ = e;
            }
            Err(e) => {
                *status = Some(Status {
                    text: format!("{e:#}"),
                    kind: StatusKind::Error,
                })
            }
        }
        if let Err(e) = self.reload(ws) {
            *status = Some(Status {
                text: format!("{e:#}"),
                kind: StatusKind::Error,
            });
        }
        self.save_position(ws);
    }

    fn shift_entry(
        &mut self,
        d: isize,
        ws: &mut Workspace,
        lang: Lang,
        status: &mut Option<Status>,
    ) {
        let n = self.entries() as isize;
        let to = self.entry as isize + d;
        if to < 0 || to >= n {
            return;
        }
        let group = self.section_id().to_string();
        match ws.swap_entries(self.id, &group, self.entry + 1, to as usize + 1) {
            Ok(()) => {
                self.entry = to as usize;
                if let Err(e) = self.reload(ws) {
                    *status = Some(Status {
                        text: format!("{e:#}"),
                        kind: StatusKind::Error,
                    });
                } else {
                    *status = Some(Status {
                        text: tr(lang, "Verplaatst", "Moved"),
                        kind: StatusKind::Saved,
                    });
                }
            }
            Err(e) => {
                *status = Some(Status {
                    text: format!("{e:#}"),
                    kind: StatusKind::Error,
                })
            }
        }
        self.save_position(ws);
    }

    /// Everything missing or wrong, in form order.
    pub fn problems(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        for (si, s) in self.loaded.form.sections.iter().enumerate() {
            let st = &self.eval.sections[si];
            if !st.visible {
                continue;
            }
            for (inst, row) in st.items.iter().enumerate() {
                for (qi, item) in row.iter().enumerate() {
                    if !item.visible {
                        continue;
                    }
                    if item.missing() || item.error.is_some() {
                        out.push(Problem {
                            section: si,
                            entry: inst,
                            question: qi,
                            key: key_of(s, inst, &s.questions[qi]),
                            message: item.error.clone(),
                        });
                    }
                }
            }
        }
        out
    }

    fn review_key(
        &mut self,
        k: KeyEvent,
        ws: &mut Workspace,
        lang: Lang,
        status: &mut Option<Status>,
    ) -> Outcome {
        let problems = self.problems();
        match k.code {
            KeyCode::Char('q') => return Outcome::Quit,
            KeyCode::Esc | KeyCode::Char('r') => self.view = View::Form,
            KeyCode::Down | KeyCode::Char('j') | KeyCode::Tab => {
                self.review_sel = (self.review_sel + 1).min(problems.len().saturating_sub(1))
            }
            KeyCode::Up | KeyCode::Char('k') | KeyCode::BackTab => {
                self.review_sel = self.review_sel.saturating_sub(1)
            }
            KeyCode::Enter => {
                if let Some(p) = problems.get(self.review_sel) {
                    self.jump_to(p, ws);
                }
            }
            KeyCode::Char('c') => self.finish(ws, lang, status),
            _ => {}
        }
        Outcome::None
    }

    pub fn jump_to(&mut self, p: &Problem, ws: &mut Workspace) {
        self.section = p.section;
        self.entry = p.entry;
        self.focus = self
            .rows()
            .iter()
            .position(|&q| q == p.question)
            .unwrap_or(0);
        self.settle_focus(1);
        self.view = View::Form;
        self.save_position(ws);
    }

    /// Marks the intake complete when nothing required is missing. A customer who
    /// filled it in themselves also gets the bundle to send back (FAQ 3.3).
    fn finish(&mut self, ws: &mut Workspace, lang: Lang, status: &mut Option<Status>) {
        if !self.eval.complete() {
            let n = self.eval.total_missing() + self.eval.total_errors();
            *status = Some(Status {
                text: tr(
                    lang,
                    &format!("Nog {n} punten open; los die eerst op."),
                    &format!("{n} items still open; resolve them first."),
                ),
                kind: StatusKind::Error,
            });
            return;
        }
        if let Err(e) = ws.store.set_status(self.id, crate::store::Status::Complete) {
            *status = Some(Status {
                text: format!("{e:#}"),
                kind: StatusKind::Error,
            });
            return;
        }
        if self.mode() == Mode::SelfFilled {
            match export_bundle_file(ws, self.id) {
                Ok(path) => {
                    *status = Some(Status {
                        text: tr(
                            lang,
                            &format!("Klaar. Stuur dit bestand terug: {path}"),
                            &format!("Done. Send this file back: {path}"),
                        ),
                        kind: StatusKind::Saved,
                    });
                }
                Err(e) => {
                    *status = Some(Status {
                        text: format!("{e:#}"),
                        kind: StatusKind::Error,
                    })
                }
            }
        } else {
            *status = Some(Status {
                text: tr(lang, "Intake is compleet.", "Intake marked complete."),
                kind: StatusKind::Saved,
            });
        }
        let _ = self.reload(ws);
    }

    pub fn handle_mouse(
        &mut self,
        m: MouseEvent,
        ws: &mut Workspace,
        lang: Lang,
        _today: Date,
        status: &mut Option<Status>,
    ) -> Outcome {
        let hit = |rows: &[(Rect, usize)]| {
            rows.iter()
                .find(|(r, _)| {
                    r.contains(Position {
                        x: m.column,
                        y: m.row,
                    })
                })
                .map(|(_, i)| *i)
        };
        if self.confirm_remove {
            // The dialog asks for a key; a click elsewhere must not remove anything.
            return Outcome::None;
        }
        match m.kind {
            MouseEventKind::ScrollDown if self.editor.is_none() && self.picker.is_none() => {
                self.move_focus(1, ws)
            }
            MouseEventKind::ScrollUp if self.editor.is_none() && self.picker.is_none() => {
                self.move_focus(-1, ws)
            }
            MouseEventKind::Down(MouseButton::Left) => {
                if self.editor.is_some() && !self.commit(ws, lang, status) {
                    return Outcome::None;
                }
                if let Some(s) = hit(&self.sidebar_rows) {
                    self.picker = None;
                    self.view = View::Form;
                    self.go_to_section(s, ws);
                } else if let Some(ci) = hit(&self.choice_rows).filter(|_| self.picker.is_some()) {
                    self.pick(ci, false, ws, lang, status);
                } else if let Some(pos) = hit(&self.question_rows) {
                    if self.focus == pos && self.picker.is_none() {
                        self.activate(ws, lang, status);
                    } else if self.rows().get(pos).is_some_and(|&qi| self.focusable(qi)) {
                        self.picker = None;
                        self.focus = pos;
                        self.save_position(ws);
                    }
                } else if let Some(i) = hit(&self.review_rows) {
                    let problems = self.problems();
                    if let Some(p) = problems.get(i) {
                        self.jump_to(p, ws);
                    }
                }
            }
            _ => {}
        }
        Outcome::None
    }
}

/// Writes the intake's bundle next to the working directory for the customer to send.
fn export_bundle_file(ws: &mut Workspace, id: i64) -> anyhow::Result<String> {
    let bundle = ws.store.export_bundle(id)?;
    let name = format!("intake-{id}.json");
    let path = std::env::current_dir()?.join(name);
    crate::fsutil::write_atomic(&path, &serde_json::to_vec_pretty(&bundle)?)?;
    ws.store.set_status(id, crate::store::Status::Exported)?;
    Ok(path.display().to_string())
}

pub fn is_text_like(k: Kind) -> bool {
    !matches!(
        k,
        Kind::YesNo | Kind::SingleChoice | Kind::MultiChoice | Kind::Note | Kind::Calculated
    )
}
