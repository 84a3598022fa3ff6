//! The intake screen's changes beyond one answer: repeat entries added, removed and
//! moved, the review list of what is still open, and completing the intake.

use super::app::{Status, StatusKind};
use super::intake::{IntakeScreen, Problem};
use super::return_file::export_bundle_file;
use crate::form::{Lang, Msg, Question, eval::ItemState, eval::key_of};
use crate::workspace::{Mode, Workspace};

impl IntakeScreen {
    pub(super) fn add_entry(&mut self, lang: Lang, status: &mut Option<Status>) {
        let max = self.loaded.form.sections[self.section]
            .repeat
            .as_ref()
            .map(|r| r.max)
            .unwrap_or(0);
        let n = self.entries();
        if n >= max {
            *status = Some(Status {
                text: crate::t!(lang, "ti-max-entries", count = max),
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
                    text: crate::t!(
                        lang,
                        "ti-entry-removed",
                        item_start = item,
                        number = n.to_string()
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
                        text: crate::t!(lang, "ti-moved"),
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

    /// Everything missing, wrong or warned about, in form order.
    pub fn problems(&self) -> Vec<Problem> {
        self.visible_items(|_, item| {
            (item.missing() || item.error.is_some() || item.warning.is_some()).then(|| {
                let message = item.error.as_deref().or(item.warning.as_deref()).cloned();
                (message, item.error.is_none() && item.warning.is_some())
            })
        })
    }

    /// The visible questions of visible sections, every entry, in form order, that
    /// `pick` takes, with the message and whether it is a warning that it gives.
    pub(super) fn visible_items(
        &self,
        pick: impl Fn(&Question, &ItemState) -> Option<(Option<Msg>, bool)>,
    ) -> Vec<Problem> {
        let mut out = Vec::new();
        for (si, s) in self.loaded.form.sections.iter().enumerate() {
            let st = &self.eval.sections[si];
            if !st.visible {
                continue;
            }
            for (inst, row) in st.items.iter().enumerate() {
                for (qi, item) in row.iter().enumerate() {
                    let q = &s.questions[qi];
                    if !item.visible {
                        continue;
                    }
                    if let Some((message, warning)) = pick(q, item) {
                        out.push(Problem {
                            section: si,
                            entry: inst,
                            question: qi,
                            key: key_of(s, inst, q),
                            message,
                            warning,
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
                text: crate::t!(lang, "ti-still-open", count = n),
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
            match export_bundle_file(ws, self.id, self.today, lang) {
                Ok(path) => {
                    *status = Some(Status {
                        text: crate::t!(lang, "tui-return-file", path = path),
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
                text: crate::t!(lang, "ti-completed"),
                kind: StatusKind::Saved,
            });
        }
        let _ = self.reload(ws);
    }
}
