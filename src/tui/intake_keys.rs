//! The intake screen's keys and mouse: what each one does where the user is.

use super::app::{Outcome, Status, StatusKind};
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
            // Only the key the dialog names removes; every other key (a navigation key
            // included) is "no".
            self.confirm_remove = false;
            if confirms(k) {
                self.remove_entry(ws, lang, status);
            }
            return Outcome::None;
        }
        if self.jump.is_some() {
            self.jump_key(k);
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
                self.activate(lang)
            }
            KeyCode::Char(c @ '1'..='9') => self.jump_to_number(c as usize - '0' as usize),
            KeyCode::Char('s') => self.open_jump(),
            KeyCode::Char('b') => self.sidebar = Some(!self.sidebar_shown),
            KeyCode::Char('u') => self.next_problem(false, lang, status),
            KeyCode::Char('!') => self.next_problem(true, lang, status),
            KeyCode::Char(c @ ('y' | 'n')) => {
                if let Some(qi) = self.focused()
                    && self.question(qi).kind == Kind::YesNo
                {
                    let key = self.key(qi);
                    self.save(ws, &key, if c == 'y' { "yes" } else { "no" }, lang, status);
                }
            }
            // "Weet ik niet" where the form allows it: an answer, not a gap ("o": onbekend;
            // `u` is the jump to the next unanswered question).
            KeyCode::Char('o') => {
                if let Some(qi) = self.focused()
                    && self.question(qi).unknown_allowed
                {
                    let key = self.key(qi);
                    let word = crate::form::model::UNKNOWN_WORDS[0];
                    self.save(ws, &key, word, lang, status);
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

    /// One rule for every editor: Enter or Tab saves and moves on (Shift-Tab saves
    /// and moves back), Esc cancels, every other key edits (arrows move the cursor,
    /// never the focus).
    pub(super) fn editor_key(
        &mut self,
        k: KeyEvent,
        ws: &mut Workspace,
        lang: Lang,
        status: &mut Option<Status>,
    ) {
        if let Some(m) = self.editor.as_mut().and_then(|ed| ed.lines.as_mut()) {
            let alt_enter = k.code == KeyCode::Enter && k.modifiers.contains(KeyModifiers::ALT);
            let plain_char = matches!(k.code, KeyCode::Char(_))
                && !k
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
            let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
            if k.code == KeyCode::Char('u') && ctrl {
                m.clear();
                self.after_edit();
                return;
            }
            if !plain_char
                && (alt_enter
                    || !matches!(
                        k.code,
                        KeyCode::Esc | KeyCode::Enter | KeyCode::Tab | KeyCode::BackTab
                    ))
            {
                // Arrows, Home/End, Backspace, Alt-Enter or Ctrl-J (a new line).
                if m.key(k) {
                    self.after_edit();
                }
                return;
            }
        }
        match k.code {
            KeyCode::Esc => {
                // Back out: the saved answer stays as it was; the draft is dropped.
                self.editor = None;
                self.mark_position();
                *status = Some(Status {
                    text: crate::t!(lang, "ti-edit-cancelled"),
                    kind: StatusKind::Info,
                });
            }
            KeyCode::Enter | KeyCode::Tab => {
                if self.commit(ws, lang, status) {
                    self.move_focus(1);
                }
            }
            KeyCode::BackTab => {
                if self.commit(ws, lang, status) {
                    self.move_focus(-1);
                }
            }
            // A one-line editor has no lines to move between.
            KeyCode::Up | KeyCode::Down => {}
            _ => {
                if let Some(ed) = &mut self.editor {
                    if k.modifiers.contains(KeyModifiers::CONTROL) && k.code == KeyCode::Char('u') {
                        ed.input.reset();
                    } else if let KeyCode::Char(c) = k.code
                        && !k.modifiers.contains(KeyModifiers::CONTROL)
                    {
                        // Typing goes through the paste path, which keeps to the limit.
                        let mut buf = [0u8; 4];
                        self.paste(c.encode_utf8(&mut buf), lang, status);
                        return;
                    } else {
                        ed.input.handle_event(&Event::Key(k));
                    }
                }
                self.after_edit();
            }
        }
    }

    /// The same rule in the list of choices: Enter or Tab saves and moves on, Esc
    /// closes without changing anything (ticks made since it opened are dropped),
    /// Space ticks (multiple choice) or chooses, arrows move.
    pub(super) fn picker_key(
        &mut self,
        k: KeyEvent,
        ws: &mut Workspace,
        lang: Lang,
        status: &mut Option<Status>,
    ) {
        let Some(p) = &mut self.picker else { return };
        let qi = p.question;
        let n = self.picker_options(qi, lang).len();
        let Some(p) = &mut self.picker else { return };
        match k.code {
            KeyCode::Esc => self.picker = None,
            KeyCode::Down | KeyCode::Char('j') => {
                p.cursor = (p.cursor + 1).min(n.saturating_sub(1))
            }
            KeyCode::Up | KeyCode::Char('k') => p.cursor = p.cursor.saturating_sub(1),
            KeyCode::Home | KeyCode::Char('g') => p.cursor = 0,
            KeyCode::End | KeyCode::Char('G') => p.cursor = n.saturating_sub(1),
            KeyCode::Char(' ') => {
                let c = p.cursor;
                self.toggle(c, ws, lang, status);
            }
            KeyCode::Enter | KeyCode::Tab => self.confirm_pick(ws, lang, status),
            // Yes/no answered at once, as outside the list.
            KeyCode::Char(c @ ('y' | 'n')) if self.question(qi).kind == Kind::YesNo => {
                let line = usize::from(c == 'n');
                self.toggle(line, ws, lang, status);
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
                if let Some(qi) = self.picker.as_ref().map(|p| p.question) {
                    let n = self.picker_options(qi, lang).len();
                    let Some(p) = &mut self.picker else {
                        return Outcome::None;
                    };
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
                    self.toggle(ci, ws, lang, status);
                } else if let Some(pos) = hit(&self.question_rows) {
                    if self.focus == pos && self.picker.is_none() {
                        self.activate(lang);
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

/// The one key that says yes in a destructive dialog: `y`. Not `j` (down everywhere
/// else), not Enter.
pub(super) fn confirms(k: KeyEvent) -> bool {
    k.code == KeyCode::Char('y') && !k.modifiers.contains(KeyModifiers::CONTROL)
}
