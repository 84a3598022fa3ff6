//! The intake screen's changes: saving answers through the workspace, editors and
//! pickers. Repeat entries, the review list and completing the intake: `intake_entries`.

use super::app::{Status, StatusKind};
use super::intake::{Editor, IntakeScreen, Picker, is_text_like, yes_no_id};
use super::paste_limit::{
    MAX_ANSWER_JSON, Room, fit_paste, json_len, text_with_breaks, too_long_message,
};
use crate::form::{Kind, Lang, Msg, Question, Value};
use crate::workspace::Workspace;
use tui_input::{Input, InputRequest};

impl IntakeScreen {
    /// Saves one answer through the workspace (the same checks as `intake set`).
    pub(super) fn save(
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
                    text: crate::t!(lang, "ti-saved"),
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

    pub(super) fn clear(
        &mut self,
        ws: &mut Workspace,
        key: &str,
        lang: Lang,
        status: &mut Option<Status>,
    ) {
        if self.loaded.answers.contains_key(key) && self.save(ws, key, "", lang, status) {
            *status = Some(Status {
                text: crate::t!(lang, "ti-answer-cleared"),
                kind: StatusKind::Saved,
            });
        }
    }

    /// Inserts `text` at the cursor in one step (linear in its length: a character at a
    /// time was quadratic, a 1 MB paste froze the screen for minutes). Control
    /// characters are dropped; what would pass the length an answer can have is cut
    /// off, and the status says how much.
    pub fn paste(&mut self, text_input: &str, lang: Lang, status: &mut Option<Status>) {
        if self.editor.is_none() {
            let Some(qi) = self.focused() else { return };
            if !is_text_like(self.question(qi).kind) {
                return;
            }
            self.start_editor(qi, None);
        }
        let Some(qi) = self.editor.as_ref().map(|ed| ed.question) else {
            return;
        };
        let max_chars = self.question(qi).max_length;
        let Some(ed) = &mut self.editor else { return };
        if let Some(m) = &mut ed.lines {
            // A long answer keeps its line breaks; other control characters go.
            let text = m.text();
            let room = Room {
                json: MAX_ANSWER_JSON.saturating_sub(json_len(&text)),
                chars: max_chars.map_or(usize::MAX, |max| max.saturating_sub(m.chars())),
            };
            let (kept, cut) = fit_paste(&text_with_breaks(text_input), room, true);
            m.insert(&kept);
            if cut > 0 {
                *status = Some(Status {
                    text: too_long_message(lang, max_chars.unwrap_or(MAX_ANSWER_JSON), cut),
                    kind: StatusKind::Error,
                });
            }
            self.after_edit();
            return;
        }
        let text = text_input;
        let value = ed.input.value();
        let cursor = ed.input.cursor();
        let at = value
            .char_indices()
            .nth(cursor)
            .map_or(value.len(), |(b, _)| b);
        let room = Room {
            json: MAX_ANSWER_JSON.saturating_sub(json_len(value)),
            chars: max_chars.map_or(usize::MAX, |m| m.saturating_sub(value.chars().count())),
        };
        let (kept, cut) = fit_paste(text, room, false);
        let inserted = kept.chars().count();
        let mut joined = String::with_capacity(value.len() + kept.len());
        joined.push_str(&value[..at]);
        joined.push_str(&kept);
        joined.push_str(&value[at..]);
        ed.input = Input::new(joined).with_cursor(cursor + inserted);
        if cut > 0 {
            *status = Some(Status {
                text: too_long_message(lang, max_chars.unwrap_or(MAX_ANSWER_JSON), cut),
                kind: StatusKind::Error,
            });
        }
        self.after_edit();
    }

    pub(super) fn start_editor(&mut self, qi: usize, first: Option<char>) {
        let key = self.key(qi);
        let q = self.question(qi);
        let base = self.answer(&key);
        let current = if base.is_null() {
            String::new()
        } else {
            q.input_text(&base)
        };
        let mut ed = Editor::new(key, qi, q.kind, current, base);
        if let Some(c) = first {
            ed.input.handle(InputRequest::InsertChar(c));
        }
        self.editor = Some(ed);
    }

    /// After every key in an editor: check as the user types (the same check as saving
    /// does, constraints included), save the draft.
    pub(super) fn after_edit(&mut self) {
        if let Some(ed) = &self.editor {
            let error = match &ed.conflict {
                Some(c) => Some(c.clone()),
                None => self.check_typed(&ed.key, &ed.text()).err(),
            };
            if let Some(ed) = &mut self.editor {
                ed.error = error;
            }
        }
        self.mark_position();
    }

    /// The whole check saving does: the type, the bounds and the question's
    /// constraint against the other answers (a date "in the future" included).
    pub(super) fn check_typed(&self, key: &str, text: &str) -> Result<(), Msg> {
        let (k, v) = self.loaded.check_input(key, text).map_err(|e| e.message)?;
        if v.is_null() {
            return Ok(());
        }
        let mut answers = self.loaded.answers.clone();
        answers.insert(k.to_string(), v.clone());
        self.loaded
            .form
            .check_answer_as(&k, &v, &answers, self.mode().audience(), self.today)
    }

    /// Another process changed the database: shows its answers. An open editor keeps
    /// the typed text; when its own answer changed, it says so at once.
    pub fn changed_elsewhere(
        &mut self,
        ws: &mut Workspace,
        lang: Lang,
        status: &mut Option<Status>,
    ) {
        let (section, entry, focus) = (self.section, self.entry, self.focus);
        if let Err(e) = self.reload(ws) {
            *status = Some(Status {
                text: format!("{e:#}"),
                kind: StatusKind::Error,
            });
            return;
        }
        // Stay where the user is when that still exists.
        if (self.section, self.entry, self.focus) != (section, entry, focus)
            && self.eval.sections.get(section).is_some_and(|s| s.visible)
        {
            self.section = section;
            self.entry = entry;
            self.focus = focus;
            self.clamp_focus();
            self.settle_focus(1);
        }
        let Some(ed) = &self.editor else {
            *status = Some(Status {
                text: crate::t!(lang, "tui-changed-elsewhere"),
                kind: StatusKind::Info,
            });
            return;
        };
        let now = self.answer(&ed.key);
        if now != ed.base {
            let q = &self.loaded.form.sections[self.section].questions[ed.question];
            let msg = conflict_message(q, &now);
            if let Some(ed) = &mut self.editor {
                ed.conflict = Some(msg.clone());
                ed.error = Some(msg);
                ed.base = now;
            }
        }
    }

    /// Leaves the editor, saving a valid value; stays when it is not valid. An answer
    /// changed elsewhere since the editor opened is not overwritten: the editor shows
    /// the other value, and a second Enter saves this one knowingly.
    pub(super) fn commit(
        &mut self,
        ws: &mut Workspace,
        lang: Lang,
        status: &mut Option<Status>,
    ) -> bool {
        let Some(mut ed) = self.editor.take() else {
            return true;
        };
        if let Err(e) = self.reload(ws) {
            *status = Some(Status {
                text: format!("{e:#}"),
                kind: StatusKind::Error,
            });
        }
        let now = self.answer(&ed.key);
        if now != ed.base {
            let q = &self.loaded.form.sections[self.section].questions[ed.question];
            ed.conflict = Some(conflict_message(q, &now));
            ed.error = ed.conflict.clone();
            ed.base = now;
            self.editor = Some(ed);
            *status = Some(Status {
                text: crate::t!(lang, "tui-conflict-status"),
                kind: StatusKind::Error,
            });
            return false;
        }
        let ok = self.save(ws, &ed.key, &ed.text(), lang, status);
        if !ok {
            ed.conflict = None;
            ed.error = self.check_typed(&ed.key, &ed.text()).err();
            self.editor = Some(ed);
            return false;
        }
        self.mark_position();
        true
    }

    /// Opens the focused question: an editor, or the list of choices (yes/no too:
    /// Enter never changes an answer by itself).
    pub(super) fn activate(&mut self, lang: Lang) {
        let _ = lang;
        let Some(qi) = self.focused() else { return };
        let q = self.question(qi);
        let key = self.key(qi);
        match q.kind {
            Kind::YesNo | Kind::SingleChoice | Kind::MultiChoice => {
                let chosen: Vec<String> = match self.loaded.answers.get(&key) {
                    Some(Value::Bool(b)) => vec![yes_no_id(*b).to_string()],
                    Some(Value::Text(id)) => vec![id.clone()],
                    Some(Value::List(ids)) => ids.clone(),
                    _ => vec![],
                };
                let options = self.picker_options(qi, Lang::Nl);
                let cursor = options
                    .iter()
                    .position(|(id, _)| chosen.contains(id))
                    .unwrap_or(0);
                self.picker = Some(Picker {
                    question: qi,
                    cursor,
                    chosen,
                });
            }
            Kind::Note | Kind::Calculated => {}
            _ => {
                self.start_editor(qi, None);
                self.mark_position();
            }
        }
    }

    /// Space on line `cursor` of the open picker: a multiple choice toggles it (saved
    /// later, with Enter or Tab); a single choice or yes/no is chosen, saved, and the
    /// focus moves on.
    pub(super) fn toggle(
        &mut self,
        cursor: usize,
        ws: &mut Workspace,
        lang: Lang,
        status: &mut Option<Status>,
    ) {
        let Some(p) = &mut self.picker else { return };
        p.cursor = cursor;
        let qi = p.question;
        let Some((id, _)) = self.picker_options(qi, lang).into_iter().nth(cursor) else {
            return;
        };
        if self.question(qi).kind != Kind::MultiChoice {
            self.save_picked(vec![id], ws, lang, status);
            return;
        }
        let Some(p) = &mut self.picker else { return };
        if let Some(pos) = p.chosen.iter().position(|c| *c == id) {
            p.chosen.remove(pos);
        } else {
            p.chosen.push(id);
        }
        *status = Some(Status {
            text: crate::t!(lang, "tui-ticks-not-saved"),
            kind: StatusKind::Info,
        });
    }

    /// Enter or Tab in the open picker: saves what is chosen and moves on. A multiple
    /// choice with nothing ticked takes the line under the cursor; a single choice
    /// takes the line under the cursor.
    pub(super) fn confirm_pick(
        &mut self,
        ws: &mut Workspace,
        lang: Lang,
        status: &mut Option<Status>,
    ) {
        let Some(p) = &self.picker else { return };
        let options = self.picker_options(p.question, lang);
        let under = options.get(p.cursor).map(|(id, _)| id.clone());
        let chosen = if self.question(p.question).kind == Kind::MultiChoice && !p.chosen.is_empty()
        {
            p.chosen.clone()
        } else {
            under.into_iter().collect()
        };
        self.save_picked(chosen, ws, lang, status);
    }

    /// Saves the picker's choice (in the form's order), closes it and moves on; on a
    /// refusal the picker stays open with the message in the status.
    fn save_picked(
        &mut self,
        mut chosen: Vec<String>,
        ws: &mut Workspace,
        lang: Lang,
        status: &mut Option<Status>,
    ) {
        let Some(p) = &self.picker else { return };
        let qi = p.question;
        let options = self.picker_options(qi, lang);
        chosen.sort_by_key(|id| options.iter().position(|(o, _)| o == id));
        let key = self.key(qi);
        if self.save(ws, &key, &chosen.join(","), lang, status) {
            self.picker = None;
            self.move_focus(1);
        }
    }
}

/// What the editor says when the answer changed elsewhere while it was open.
fn conflict_message(q: &Question, now: &Value) -> Msg {
    let message = |lang: Lang| {
        let value = if now.is_null() {
            crate::t!(lang, "tui-conflict-empty")
        } else {
            q.display(now, lang)
        };
        crate::t!(lang, "tui-conflict", value = value)
    };
    Msg::new(message(Lang::Nl), message(Lang::En))
}
