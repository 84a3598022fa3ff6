//! The intake screen's changes: saving answers through the workspace, editors and
//! pickers, repeat entries, the review list and completing the intake.

use super::app::{Status, StatusKind};
use super::home::tr;
use super::intake::{Editor, IntakeScreen, Picker, Problem, is_text_like};
use crate::form::{Kind, Lang, Value, eval::key_of};
use crate::workspace::{Mode, Workspace};
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

    pub(super) fn clear(
        &mut self,
        ws: &mut Workspace,
        key: &str,
        lang: Lang,
        status: &mut Option<Status>,
    ) {
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

    pub fn paste(&mut self, text: &str) {
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
        self.after_edit();
    }

    pub(super) fn start_editor(&mut self, qi: usize, first: Option<char>) {
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
    pub(super) fn after_edit(&mut self) {
        if let Some(ed) = &mut self.editor {
            ed.error = self
                .loaded
                .check_input(&ed.key, ed.input.value())
                .err()
                .map(|e| e.message);
        }
        self.mark_position();
    }

    /// Leaves the editor, saving a valid value; stays when it is not valid.
    pub(super) fn commit(
        &mut self,
        ws: &mut Workspace,
        lang: Lang,
        status: &mut Option<Status>,
    ) -> bool {
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
        self.mark_position();
        true
    }

    pub(super) fn activate(&mut self, ws: &mut Workspace, lang: Lang, status: &mut Option<Status>) {
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
                self.mark_position();
            }
        }
    }

    /// Chooses choice `cursor` of the open picker. A single choice is saved and the
    /// picker closes; a multiple choice toggles, and Enter closes once something is
    /// chosen (Enter on an empty list chooses the line under the cursor first).
    pub(super) fn pick(
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
                self.move_focus(1);
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

    pub(super) fn add_entry(&mut self, lang: Lang, status: &mut Option<Status>) {
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
        self.mark_position();
    }

    pub(super) fn remove_entry(
        &mut self,
        ws: &mut Workspace,
        lang: Lang,
        status: &mut Option<Status>,
    ) {
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
            Err(e) if self.loaded.entry_count(&group) < n => {
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
        self.mark_position();
    }

    pub(super) fn shift_entry(
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
        self.mark_position();
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
                            message: item.error.as_deref().cloned(),
                        });
                    }
                }
            }
        }
        out
    }

    /// Marks the intake complete when nothing required is missing. A customer who
    /// filled it in themselves also gets the bundle to send back (FAQ 3.3).
    pub(super) fn finish(&mut self, ws: &mut Workspace, lang: Lang, status: &mut Option<Status>) {
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
