//! The intake screen's keys and mouse: what each one does where the user is.

use super::app::{Outcome, Status, StatusKind};
use super::home::tr;
use super::intake::{IntakeScreen, View, is_text_like};
use crate::form::{Kind, Lang};
use crate::workspace::Workspace;
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use ratatui::layout::{Position, Rect};
use time::Date;
use tui_input::InputRequest;
use tui_input::backend::crossterm::EventHandler;

impl IntakeScreen {
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
        match self.view {
            View::Probes => {
                if let Some(p) = &mut self.probes
                    && p.handle_key(k, ws, lang)
                {
                    self.view = View::Form;
                }
                return Outcome::None;
            }
            View::Proposal => {
                if let Some(p) = &mut self.proposal
                    && p.handle_key(k, ws, lang)
                {
                    self.view = View::Form;
                }
                return Outcome::None;
            }
            View::Form | View::Review => {}
        }
        if self.confirm_remove {
            self.confirm_remove = false;
            if matches!(k.code, KeyCode::Char('y') | KeyCode::Char('j')) {
                self.remove_entry(ws, lang, status);
            }
            return Outcome::None;
        }
        // Shift-↑↓ scroll the help pane (a long FAQ answer) wherever the focus is.
        if k.modifiers.contains(KeyModifiers::SHIFT)
            && matches!(k.code, KeyCode::Up | KeyCode::Down)
        {
            self.help_pane_scroll = if k.code == KeyCode::Down {
                self.help_pane_scroll + 1
            } else {
                self.help_pane_scroll.saturating_sub(1)
            };
            return Outcome::None;
        }
        if self.view == View::Review {
            return self.review_key(k, ws, lang, status);
        }
        match k.code {
            KeyCode::Char('q') => return Outcome::Quit,
            KeyCode::Esc => {
                self.mark_position();
                return Outcome::Home;
            }
            KeyCode::Down | KeyCode::Char('j') | KeyCode::Tab => self.move_focus(1),
            KeyCode::Up | KeyCode::Char('k') | KeyCode::BackTab => self.move_focus(-1),
            KeyCode::PageDown | KeyCode::Right | KeyCode::Char('l') => self.move_section(1),
            KeyCode::PageUp | KeyCode::Left | KeyCode::Char('h') => self.move_section(-1),
            KeyCode::Home | KeyCode::Char('g') => {
                self.focus = 0;
                self.settle_focus(1);
                self.mark_position();
            }
            KeyCode::End | KeyCode::Char('G') => {
                self.focus = self.rows().len().saturating_sub(1);
                self.settle_focus(-1);
                self.mark_position();
            }
            KeyCode::Char(']') if self.is_group() => self.move_entry(1),
            KeyCode::Char('[') if self.is_group() => self.move_entry(-1),
            KeyCode::Char('a') if self.is_group() => self.add_entry(lang, status),
            KeyCode::Char('D') | KeyCode::Char('x') if self.is_group() && self.entries() > 0 => {
                self.confirm_remove = true
            }
            KeyCode::Char('}') if self.is_group() => self.shift_entry(1, ws, lang, status),
            KeyCode::Char('{') if self.is_group() => self.shift_entry(-1, ws, lang, status),
            KeyCode::Char('r') => {
                self.view = View::Review;
                self.review_sel = 0;
            }
            // A customer filling in the form alone gets no specialist's tools.
            KeyCode::Char('p') if self.mode() != crate::workspace::Mode::SelfFilled => {
                if self.probes.is_none() {
                    self.probes = Some(super::probes::ProbesScreen::new(ws, self.id));
                }
                self.view = View::Probes;
            }
            KeyCode::Char('v') if self.mode() != crate::workspace::Mode::SelfFilled => {
                // Rebuilt on every visit: the answers may have changed since.
                self.proposal = Some(super::proposal::ProposalScreen::new(ws, self.id));
                self.view = View::Proposal;
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
                    self.after_edit();
                }
            }
            _ => {}
        }
        Outcome::None
    }

    pub(super) fn editor_key(
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
                self.mark_position();
                *status = Some(Status {
                    text: tr(lang, "Wijziging ongedaan gemaakt", "Edit cancelled"),
                    kind: StatusKind::Info,
                });
            }
            KeyCode::Enter | KeyCode::Tab | KeyCode::Down => {
                if self.commit(ws, lang, status) {
                    self.move_focus(1);
                }
            }
            KeyCode::BackTab | KeyCode::Up => {
                if self.commit(ws, lang, status) {
                    self.move_focus(-1);
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
                self.after_edit();
            }
        }
    }

    pub(super) fn picker_key(
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

    pub(super) fn review_key(
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
                    self.jump_to(p);
                }
            }
            KeyCode::Char('c') => self.finish(ws, lang, status),
            _ => {}
        }
        Outcome::None
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
            // The wheel moves the picker's cursor when one is open, else the focus.
            MouseEventKind::ScrollDown | MouseEventKind::ScrollUp if self.editor.is_none() => {
                let down = m.kind == MouseEventKind::ScrollDown;
                if let Some(p) = &mut self.picker {
                    let n = self.loaded.form.sections[self.section].questions[p.question]
                        .choices
                        .len();
                    p.cursor = if down {
                        (p.cursor + 1).min(n.saturating_sub(1))
                    } else {
                        p.cursor.saturating_sub(1)
                    };
                } else {
                    self.move_focus(if down { 1 } else { -1 });
                }
            }
            MouseEventKind::Down(MouseButton::Left) => {
                if self.editor.is_some() && !self.commit(ws, lang, status) {
                    return Outcome::None;
                }
                if let Some(s) = hit(&self.sidebar_rows) {
                    self.picker = None;
                    self.view = View::Form;
                    self.go_to_section(s);
                } else if let Some(ci) = hit(&self.choice_rows).filter(|_| self.picker.is_some()) {
                    self.pick(ci, false, ws, lang, status);
                } else if let Some(pos) = hit(&self.question_rows) {
                    if self.focus == pos && self.picker.is_none() {
                        self.activate(ws, lang, status);
                    } else if self.rows().get(pos).is_some_and(|&qi| self.focusable(qi)) {
                        self.picker = None;
                        self.focus = pos;
                        self.mark_position();
                    }
                } else if let Some(i) = hit(&self.review_rows) {
                    let problems = self.problems();
                    if let Some(p) = problems.get(i) {
                        self.jump_to(p);
                    }
                }
            }
            _ => {}
        }
        Outcome::None
    }
}
