//! Getting somewhere in fewer keys: a section by its number (1-9) or from the section
//! list (`s`), and the next unanswered question (`u`) or the next problem (`!`: missing,
//! wrong or warned about) wherever it is, without the review screen in between.

use super::app::{Status, StatusKind};
use super::intake::{IntakeScreen, Problem, View};
use crate::form::Lang;
use crossterm::event::{KeyCode, KeyEvent};

/// The key that picks line `i` of the section list: 1-9, then a, b, c ...
pub fn jump_label(i: usize) -> char {
    match i {
        0..=8 => (b'1' + i as u8) as char,
        _ => (b'a' + (i - 9) as u8 % 26) as char,
    }
}

impl IntakeScreen {
    /// Goes to visible section `n` (counted from 1), as numbered in the section list.
    pub(super) fn jump_to_number(&mut self, n: usize) {
        if let Some(&si) = self.visible_sections().get(n.wrapping_sub(1)) {
            self.go_to_section(si);
        }
    }

    pub(super) fn open_jump(&mut self) {
        let vis = self.visible_sections();
        self.jump = Some(vis.iter().position(|&s| s == self.section).unwrap_or(0));
    }

    /// Keys of the section list: arrows and Enter, or a line's own key; Esc closes.
    pub(super) fn jump_key(&mut self, k: KeyEvent) {
        let vis = self.visible_sections();
        let Some(cur) = self.jump else { return };
        match k.code {
            KeyCode::Esc | KeyCode::Char('s') => self.jump = None,
            KeyCode::Down | KeyCode::Char('j') | KeyCode::Tab => {
                self.jump = Some((cur + 1).min(vis.len().saturating_sub(1)))
            }
            KeyCode::Up | KeyCode::Char('k') | KeyCode::BackTab => {
                self.jump = Some(cur.saturating_sub(1))
            }
            KeyCode::Enter => {
                self.jump = None;
                if let Some(&si) = vis.get(cur) {
                    self.go_to_section(si);
                }
            }
            KeyCode::Char(c) => {
                if let Some(i) = (0..vis.len()).find(|&i| jump_label(i) == c) {
                    self.jump = None;
                    self.go_to_section(vis[i]);
                }
            }
            _ => {}
        }
    }

    /// Where the focus is, as (section, entry, question) in form order.
    fn here(&self) -> (usize, usize, usize) {
        (self.section, self.entry, self.focused().unwrap_or(0))
    }

    /// Moves to the first question after the focus (wrapping round the form) that is
    /// a problem (`problems`: missing, wrong or warned about) or, else, unanswered.
    pub(super) fn next_problem(&mut self, problems: bool, lang: Lang, status: &mut Option<Status>) {
        let list = if problems {
            self.problems()
        } else {
            self.unanswered()
        };
        let here = self.here();
        let next = list
            .iter()
            .find(|p| (p.section, p.entry, p.question) > here)
            .or_else(|| list.first());
        match next {
            Some(p) => {
                let p = p.clone();
                self.jump_to(&p);
            }
            None => {
                *status = Some(Status {
                    text: nothing_left(lang, problems),
                    kind: StatusKind::Info,
                });
                self.view = View::Form;
            }
        }
    }

    /// Every visible question that can be answered and is not, in form order.
    pub fn unanswered(&self) -> Vec<Problem> {
        self.visible_items(|q, item| {
            (q.kind.is_input() && item.value.is_null()).then_some((None, false))
        })
    }
}

fn nothing_left(lang: Lang, problems: bool) -> String {
    if problems {
        crate::t!(lang, "tui-nothing-open")
    } else {
        crate::t!(lang, "tui-all-answered")
    }
}
