//! Application state and the dispatch of events to the current screen.

use super::home::HomeScreen;
use super::intake::IntakeScreen;
use super::theme::Theme;
use crate::form::Lang;
use crate::workspace::Workspace;
use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind,
};
use ratatui::Frame;
use time::Date;

pub enum Screen {
    Home(Box<HomeScreen>),
    Intake(Box<IntakeScreen>),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StatusKind {
    Info,
    Saved,
    Error,
}

#[derive(Clone, Debug)]
pub struct Status {
    pub text: String,
    pub kind: StatusKind,
}

/// What a screen asks the app to do after handling an event.
pub enum Outcome {
    None,
    Open(i64),
    Home,
    Quit,
}

pub struct App {
    pub ws: Workspace,
    pub lang: Lang,
    pub theme: Theme,
    pub today: Date,
    /// The local time zone for showing times (UTC unless set).
    pub offset: time::UtcOffset,
    pub screen: Screen,
    pub show_help: bool,
    /// First line of the key overview when it does not fit.
    pub help_scroll: usize,
    pub status: Option<Status>,
    pub quit: bool,
    /// The database's `data_version` when last looked at (see `watch`).
    seen_version: Option<i64>,
}

/// Below this the layout cannot show a question with its label and help.
pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 16;

impl App {
    pub fn new(ws: Workspace, lang: Lang, theme: Theme, today: Date) -> anyhow::Result<App> {
        let offset = time::UtcOffset::UTC;
        let home = HomeScreen::new(&ws, today, offset)?;
        let seen_version = ws.store.data_version().ok();
        Ok(App {
            ws,
            lang,
            theme,
            today,
            offset,
            screen: Screen::Home(Box::new(home)),
            show_help: false,
            help_scroll: 0,
            status: None,
            quit: false,
            seen_version,
        })
    }

    /// Shows times in this time zone (the terminal's, read once at start-up).
    pub fn with_utc_offset(mut self, offset: time::UtcOffset) -> App {
        self.offset = offset;
        if let Screen::Home(h) = &mut self.screen {
            h.offset = offset;
        }
        self
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            kind: StatusKind::Info,
        });
    }
    pub fn error(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            kind: StatusKind::Error,
        });
    }
    pub fn saved(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            kind: StatusKind::Saved,
        });
    }

    pub fn handle_event(&mut self, ev: Event) {
        match ev {
            Event::Key(k) if k.kind == KeyEventKind::Press => self.handle_key(k),
            Event::Mouse(m) => self.handle_mouse(m),
            Event::Paste(text) => self.handle_paste(&text),
            _ => {}
        }
        // Before the next draw: what the screen will show as typed is saved.
        self.flush(self.quit);
    }

    fn handle_key(&mut self, k: KeyEvent) {
        if k.modifiers.contains(KeyModifiers::CONTROL)
            && matches!(k.code, KeyCode::Char('c') | KeyCode::Char('q'))
        {
            self.quit = true;
            return;
        }
        if self.show_help {
            // Arrows scroll the key overview when it does not fit; any other key closes it.
            match k.code {
                KeyCode::Down | KeyCode::Char('j') | KeyCode::PageDown => {
                    self.help_scroll += if k.code == KeyCode::PageDown { 10 } else { 1 }
                }
                KeyCode::Up | KeyCode::Char('k') | KeyCode::PageUp => {
                    self.help_scroll = self
                        .help_scroll
                        .saturating_sub(if k.code == KeyCode::PageUp { 10 } else { 1 })
                }
                _ => self.show_help = false,
            }
            return;
        }
        let typing = match &self.screen {
            Screen::Home(h) => h.is_typing(),
            Screen::Intake(i) => i.is_typing(),
        };
        if !typing {
            match k.code {
                KeyCode::Char('?') => {
                    self.show_help = true;
                    self.help_scroll = 0;
                    return;
                }
                KeyCode::Char('L') | KeyCode::F(2) => {
                    self.lang = self.lang.toggle();
                    let msg = crate::t!(self.lang, "th-lang-switched");
                    match self
                        .ws
                        .store
                        .set_setting(super::LANG_SETTING, self.lang.code())
                    {
                        Ok(()) => self.info(msg),
                        // The switch works for this run; only remembering it failed.
                        Err(e) => self.error(crate::t!(
                            self.lang,
                            "th-lang-not-remembered",
                            switched = msg,
                            error = format!("{e:#}")
                        )),
                    }
                    return;
                }
                _ => {}
            }
        }
        let place = self.place();
        let before = self.status.as_ref().map(|s| s.text.clone());
        let outcome = match &mut self.screen {
            Screen::Home(h) => h.handle_key(k, &mut self.ws, self.lang, &mut self.status),
            Screen::Intake(i) => {
                i.handle_key(k, &mut self.ws, self.lang, self.today, &mut self.status)
            }
        };
        self.apply(outcome);
        // A message belongs to the screen it was given on: moving to another screen
        // without a new one clears it.
        if self.place() != place && self.status.as_ref().map(|s| s.text.clone()) == before {
            self.status = None;
        }
    }

    /// Which screen (and view of an intake) the user is on.
    fn place(&self) -> (Option<i64>, Option<super::intake::View>) {
        match &self.screen {
            Screen::Home(_) => (None, None),
            Screen::Intake(s) => (Some(s.id), Some(s.view)),
        }
    }

    fn handle_mouse(&mut self, m: MouseEvent) {
        if self.show_help {
            if matches!(m.kind, MouseEventKind::Down(_)) {
                self.show_help = false;
            }
            return;
        }
        let outcome = match &mut self.screen {
            Screen::Home(h) => h.handle_mouse(m, &mut self.ws),
            Screen::Intake(i) => {
                i.handle_mouse(m, &mut self.ws, self.lang, self.today, &mut self.status)
            }
        };
        self.apply(outcome);
    }

    fn handle_paste(&mut self, text: &str) {
        if let Screen::Intake(i) = &mut self.screen {
            i.paste(text, self.lang, &mut self.status);
        } else if let Screen::Home(h) = &mut self.screen {
            h.paste(text);
        }
    }

    /// Saves the intake screen's draft once per event, and its position too when
    /// `leaving` (quit, back to the list) or along with a draft.
    fn flush(&mut self, leaving: bool) {
        if let Screen::Intake(i) = &self.screen
            && let Err(e) = i.flush_position(&mut self.ws, leaving)
        {
            self.error(crate::t!(self.lang, "tui-draft-not-saved", error = e));
        }
    }

    fn apply(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::None => {}
            Outcome::Quit => self.quit = true,
            Outcome::Open(_) | Outcome::Home => self.flush(true),
        }
        match outcome {
            Outcome::None | Outcome::Quit => {}
            Outcome::Open(id) => match IntakeScreen::open(&mut self.ws, id, self.today) {
                Ok(s) => {
                    self.status = None;
                    self.screen = Screen::Intake(Box::new(s));
                }
                Err(e) => self.error(format!("{e:#}")),
            },
            Outcome::Home => match HomeScreen::new(&self.ws, self.today, self.offset) {
                Ok(mut h) => {
                    if let Screen::Intake(i) = &self.screen {
                        h.select_id(i.id);
                    }
                    self.screen = Screen::Home(Box::new(h));
                }
                Err(e) => self.error(format!("{e:#}")),
            },
        }
    }

    /// Saves what quitting saves (the draft and where the user is): before the
    /// program ends on a signal.
    pub fn leave(&mut self) {
        self.flush(true);
    }

    /// Looks whether another process (the CLI, a second TUI, an import) changed the
    /// database and, if so, shows the change: the list or the intake is read again.
    /// An editor keeps what is typed; saving it then finds the conflict (see
    /// `IntakeScreen::commit`). `true` when something was read again.
    pub fn watch(&mut self) -> bool {
        let Ok(version) = self.ws.store.data_version() else {
            return false;
        };
        if self.seen_version.replace(version) == Some(version) {
            return false;
        }
        match &mut self.screen {
            Screen::Home(h) => {
                if !h.covered() {
                    h.reload(&self.ws, &mut self.status);
                }
            }
            Screen::Intake(i) => i.changed_elsewhere(&mut self.ws, self.lang, &mut self.status),
        }
        true
    }

    /// Whether a background job runs (the event loop then wakes up for its progress).
    pub fn busy(&self) -> bool {
        matches!(&self.screen, Screen::Intake(s) if s.busy())
    }

    /// Takes background progress; `true` when the screen must be redrawn.
    pub fn tick(&mut self) -> bool {
        match &mut self.screen {
            Screen::Intake(s) => s.tick(&mut self.ws, self.lang),
            Screen::Home(_) => false,
        }
    }

    pub fn draw(&mut self, f: &mut Frame) {
        super::view::draw(self, f);
    }
}
