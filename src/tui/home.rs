//! Home: the list of intakes, filter, sort, new, delete.

use super::app::{Outcome, Status, StatusKind};
use crate::form::Lang;
use crate::store::IntakeSummary;
use crate::workspace::{Mode, Workspace};
use crossterm::event::{KeyCode, KeyEvent, MouseEvent, MouseEventKind};
use time::Date;
use tui_input::Input;
use tui_input::backend::crossterm::EventHandler;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sort {
    Updated,
    Customer,
    Status,
    Progress,
}

impl Sort {
    fn next(self) -> Sort {
        match self {
            Sort::Updated => Sort::Customer,
            Sort::Customer => Sort::Status,
            Sort::Status => Sort::Progress,
            Sort::Progress => Sort::Updated,
        }
    }
    pub fn label(self, lang: Lang) -> String {
        match self {
            Sort::Updated => crate::t!(lang, "th-sort-updated"),
            Sort::Customer => crate::t!(lang, "th-sort-customer"),
            Sort::Status => crate::t!(lang, "th-sort-status"),
            Sort::Progress => crate::t!(lang, "th-sort-progress"),
        }
    }
}

pub struct NewDialog {
    pub name: Input,
    pub mode: Mode,
    /// 0 = name, 1 = mode.
    pub field: usize,
}

pub struct HomeScreen {
    pub all: Vec<IntakeSummary>,
    /// Progress per intake as last saved (no form evaluation at start-up).
    pub progress: std::collections::HashMap<i64, u8>,
    /// Indices into `all` after filter and sort.
    pub shown: Vec<usize>,
    pub selected: usize,
    pub filter: Input,
    pub filtering: bool,
    pub sort: Sort,
    pub dialog: Option<NewDialog>,
    pub confirm_delete: Option<(i64, String)>,
    /// The import of a bundle, from the file name to the result (`i`).
    pub import: Option<Box<super::import::ImportFlow>>,
    /// The list shows the trash (deleted intakes, until `intake purge`) instead.
    pub trash: bool,
    /// The intake deleted last in this session, for `u` (undo).
    pub last_deleted: Option<i64>,
    pub today: Date,
    /// The local time zone, fixed at start-up (reading it later is unreliable once
    /// threads run) and injectable so that tests draw the same times everywhere.
    pub offset: time::UtcOffset,
    /// First row of the list on screen (for mouse clicks), set while drawing.
    pub list_top: u16,
    pub list_offset: usize,
}

impl HomeScreen {
    pub fn new(ws: &Workspace, today: Date, offset: time::UtcOffset) -> anyhow::Result<HomeScreen> {
        let all = ws.store.list_intakes()?;
        let progress = ws.store.progress_all()?;
        let mut h = HomeScreen {
            all,
            progress,
            shown: vec![],
            selected: 0,
            filter: Input::default(),
            filtering: false,
            sort: Sort::Updated,
            dialog: None,
            confirm_delete: None,
            import: None,
            trash: false,
            last_deleted: None,
            today,
            offset,
            list_top: 0,
            list_offset: 0,
        };
        h.refresh_view();
        Ok(h)
    }

    pub fn is_typing(&self) -> bool {
        self.filtering
            || self.dialog.is_some()
            || self.import.as_ref().is_some_and(|i| i.is_typing())
    }

    /// Whether a dialog or the import covers the list (then another process's change
    /// is read when it closes, and clicks do not reach the list).
    pub fn covered(&self) -> bool {
        self.dialog.is_some() || self.confirm_delete.is_some() || self.import.is_some()
    }

    fn refresh_view(&mut self) {
        let f = self.filter.value().to_lowercase();
        let mut shown: Vec<usize> = (0..self.all.len())
            .filter(|&i| {
                f.is_empty()
                    || self.all[i].customer.to_lowercase().contains(&f)
                    || self.all[i].id.to_string() == f
                    || self.all[i].status.as_str().contains(&f)
            })
            .collect();
        let a = &self.all;
        match self.sort {
            Sort::Updated => shown.sort_by(|&x, &y| a[y].updated_at.cmp(&a[x].updated_at)),
            Sort::Customer => shown.sort_by_key(|&x| a[x].customer.to_lowercase()),
            Sort::Status => shown.sort_by_key(|&x| a[x].status.as_str()),
            Sort::Progress => {
                shown.sort_by_key(|&x| self.progress.get(&a[x].id).copied().unwrap_or(0))
            }
        }
        self.shown = shown;
        if self.selected >= self.shown.len() {
            self.selected = self.shown.len().saturating_sub(1);
        }
    }

    /// Puts the selection on intake `id` when it is in the list.
    pub fn select_id(&mut self, id: i64) {
        if let Some(pos) = self.shown.iter().position(|&i| self.all[i].id == id) {
            self.selected = pos;
        }
    }

    fn current(&self) -> Option<&IntakeSummary> {
        self.shown.get(self.selected).map(|&i| &self.all[i])
    }

    pub fn paste(&mut self, text: &str) {
        if let Some(flow) = &mut self.import {
            super::import_keys::paste(flow, text);
        } else if let Some(d) = &mut self.dialog {
            if d.field == 0 {
                for c in text.chars().filter(|c| !c.is_control()) {
                    d.name.handle(tui_input::InputRequest::InsertChar(c));
                }
            }
        } else if self.filtering {
            for c in text.chars().filter(|c| !c.is_control()) {
                self.filter.handle(tui_input::InputRequest::InsertChar(c));
            }
            self.refresh_view();
        }
    }

    pub fn handle_key(
        &mut self,
        k: KeyEvent,
        ws: &mut Workspace,
        lang: Lang,
        status: &mut Option<Status>,
    ) -> Outcome {
        if self.import.is_some() {
            return self.import_key(k, ws, lang, status);
        }
        if let Some(d) = &mut self.dialog {
            match k.code {
                KeyCode::Esc => self.dialog = None,
                KeyCode::Tab | KeyCode::BackTab | KeyCode::Down | KeyCode::Up => {
                    d.field = 1 - d.field
                }
                KeyCode::Left | KeyCode::Right if d.field == 1 => {
                    d.mode = cycle_mode(d.mode, k.code == KeyCode::Right);
                }
                KeyCode::Char(' ') if d.field == 1 => d.mode = cycle_mode(d.mode, true),
                KeyCode::Enter => {
                    let name = d.name.value().trim().to_string();
                    if name.is_empty() {
                        *status = Some(Status {
                            text: crate::t!(lang, "th-name-needed"),
                            kind: StatusKind::Error,
                        });
                        return Outcome::None;
                    }
                    match ws.new_intake(&name, d.mode, None) {
                        Ok(id) => {
                            self.dialog = None;
                            return Outcome::Open(id);
                        }
                        Err(e) => {
                            *status = Some(Status {
                                text: format!("{e:#}"),
                                kind: StatusKind::Error,
                            })
                        }
                    }
                }
                _ if d.field == 0 => {
                    d.name.handle_event(&crossterm::event::Event::Key(k));
                }
                _ => {}
            }
            return Outcome::None;
        }
        if let Some((id, _)) = self.confirm_delete.take() {
            // Only the key the dialog names deletes; any other (`j` included) is "no".
            if super::intake_keys::confirms(k) {
                match ws.store.delete_intake(id) {
                    Ok(()) => {
                        self.last_deleted = Some(id);
                        *status = Some(Status {
                            text: crate::t!(lang, "tui-trash-moved", id = id.to_string()),
                            kind: StatusKind::Saved,
                        });
                        self.reload(ws, status);
                    }
                    Err(e) => {
                        *status = Some(Status {
                            text: format!("{e:#}"),
                            kind: StatusKind::Error,
                        })
                    }
                }
            }
            return Outcome::None;
        }
        if self.filtering {
            match k.code {
                KeyCode::Esc => {
                    self.filter.reset();
                    self.filtering = false;
                }
                KeyCode::Enter => self.filtering = false,
                KeyCode::Down => self.move_sel(1),
                KeyCode::Up => self.move_sel(-1),
                _ => {
                    self.filter.handle_event(&crossterm::event::Event::Key(k));
                    self.selected = 0;
                }
            }
            self.refresh_view();
            return Outcome::None;
        }
        if self.trash {
            return self.trash_key(k, ws, lang, status);
        }
        match k.code {
            KeyCode::Char('q') => return Outcome::Quit,
            KeyCode::Char('t') => {
                self.trash = true;
                self.selected = 0;
                self.reload(ws, status);
            }
            KeyCode::Char('u') => {
                if let Some(id) = self.last_deleted.take() {
                    self.restore(id, ws, lang, status);
                }
            }
            KeyCode::Esc if !self.filter.value().is_empty() => {
                self.filter.reset();
                self.refresh_view();
            }
            KeyCode::Down | KeyCode::Char('j') => self.move_sel(1),
            KeyCode::Up | KeyCode::Char('k') => self.move_sel(-1),
            KeyCode::PageDown => self.move_sel(10),
            KeyCode::PageUp => self.move_sel(-10),
            KeyCode::Home | KeyCode::Char('g') => self.selected = 0,
            KeyCode::End | KeyCode::Char('G') => self.selected = self.shown.len().saturating_sub(1),
            KeyCode::Char('/') => self.filtering = true,
            KeyCode::Char('s') => {
                self.sort = self.sort.next();
                self.refresh_view();
            }
            KeyCode::Char('n') | KeyCode::Char('+') => {
                self.dialog = Some(NewDialog {
                    name: Input::default(),
                    mode: Mode::OnSite,
                    field: 0,
                });
            }
            KeyCode::Char('i') => self.import = Some(Box::default()),
            KeyCode::Char('d') | KeyCode::Delete => {
                if let Some(c) = self.current() {
                    self.confirm_delete = Some((c.id, c.customer.clone()));
                }
            }
            KeyCode::Enter | KeyCode::Right | KeyCode::Char('l') => {
                if let Some(c) = self.current() {
                    return Outcome::Open(c.id);
                }
            }
            _ => {}
        }
        Outcome::None
    }

    pub fn handle_mouse(&mut self, m: MouseEvent, _ws: &mut Workspace) -> Outcome {
        if let Some(flow) = &mut self.import {
            match m.kind {
                MouseEventKind::ScrollDown => super::import_keys::wheel(flow, true),
                MouseEventKind::ScrollUp => super::import_keys::wheel(flow, false),
                _ => {}
            }
            return Outcome::None;
        }
        match m.kind {
            MouseEventKind::ScrollDown => self.move_sel(1),
            MouseEventKind::ScrollUp => self.move_sel(-1),
            MouseEventKind::Down(_) if m.row >= self.list_top && !self.covered() => {
                let idx = self.list_offset + (m.row - self.list_top) as usize;
                if idx < self.shown.len() {
                    if idx == self.selected {
                        return Outcome::Open(self.all[self.shown[idx]].id);
                    }
                    self.selected = idx;
                }
            }
            _ => {}
        }
        Outcome::None
    }

    /// Reads the list again (the intakes, or the trash when it is shown).
    pub fn reload(&mut self, ws: &Workspace, status: &mut Option<Status>) {
        let list = if self.trash {
            ws.store.list_deleted_intakes()
        } else {
            ws.store.list_intakes()
        };
        match list {
            Ok(all) => self.all = all,
            Err(e) => {
                *status = Some(Status {
                    text: format!("{e:#}"),
                    kind: StatusKind::Error,
                })
            }
        }
        if let Ok(p) = ws.store.progress_all() {
            self.progress = p;
        }
        self.refresh_view();
    }

    /// A key while the import is open; when it wrote, the list is read again at once.
    fn import_key(
        &mut self,
        k: KeyEvent,
        ws: &mut Workspace,
        lang: Lang,
        status: &mut Option<Status>,
    ) -> Outcome {
        use super::import_keys::{Next, handle};
        let Some(flow) = self.import.as_mut() else {
            return Outcome::None;
        };
        match handle(flow, k, ws, lang, status) {
            Next::Stay => {}
            Next::Written(id) => {
                self.reload(ws, status);
                self.select_id(id);
            }
            Next::Close => {
                // What another process changed meanwhile shows now.
                self.import = None;
                self.reload(ws, status);
            }
            Next::Open(id) => {
                self.import = None;
                return Outcome::Open(id);
            }
            Next::Quit => return Outcome::Quit,
        }
        Outcome::None
    }

    /// Keys of the trash: Enter or `r` puts the selected intake back; Esc or `t`
    /// returns to the list.
    fn trash_key(
        &mut self,
        k: KeyEvent,
        ws: &mut Workspace,
        lang: Lang,
        status: &mut Option<Status>,
    ) -> Outcome {
        match k.code {
            KeyCode::Char('q') => return Outcome::Quit,
            KeyCode::Esc | KeyCode::Char('t') => {
                self.trash = false;
                self.reload(ws, status);
            }
            KeyCode::Down | KeyCode::Char('j') => self.move_sel(1),
            KeyCode::Up | KeyCode::Char('k') => self.move_sel(-1),
            KeyCode::Enter | KeyCode::Char('r') => {
                if let Some(id) = self.current().map(|c| c.id) {
                    self.restore(id, ws, lang, status);
                }
            }
            _ => {}
        }
        Outcome::None
    }

    /// Takes intake `id` out of the trash and selects it in the list.
    fn restore(&mut self, id: i64, ws: &mut Workspace, lang: Lang, status: &mut Option<Status>) {
        match ws.store.restore_intake(id) {
            Ok(()) => {
                *status = Some(Status {
                    text: crate::t!(lang, "tui-trash-restored", id = id.to_string()),
                    kind: StatusKind::Saved,
                });
                self.trash = false;
                self.reload(ws, status);
                self.select_id(id);
            }
            Err(e) => {
                *status = Some(Status {
                    text: format!("{e:#}"),
                    kind: StatusKind::Error,
                })
            }
        }
    }

    fn move_sel(&mut self, d: isize) {
        if self.shown.is_empty() {
            return;
        }
        let max = self.shown.len() as isize - 1;
        self.selected = (self.selected as isize + d).clamp(0, max) as usize;
    }

    /// Human "last change": today, yesterday, or the date.
    pub fn when(&self, t: time::OffsetDateTime, lang: Lang) -> String {
        let local = t.to_offset(self.offset);
        let d = local.date();
        if d == self.today {
            let time = format!("{:02}:{:02}", local.hour(), local.minute());
            crate::t!(lang, "th-today-at", time = time)
        } else if Some(d) == self.today.previous_day() {
            crate::t!(lang, "yesterday")
        } else {
            crate::i18n::fmt::date_short(d, lang)
        }
    }
}

fn cycle_mode(m: Mode, fwd: bool) -> Mode {
    let all = [Mode::OnSite, Mode::Online, Mode::SelfFilled];
    let i = all.iter().position(|x| *x == m).unwrap_or(0);
    all[if fwd { (i + 1) % 3 } else { (i + 2) % 3 }]
}
