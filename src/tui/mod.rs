//! The terminal user interface. State lives in `app`/`home`/`intake`, drawing in the
//! `*_view` modules; this file owns the terminal: set-up, the event loop, and
//! restoring the terminal on every exit path, panics included.

pub mod app;
pub mod home;
mod home_view;
pub mod intake;
mod intake_view;
mod keys;
pub mod probes;
pub mod proposal;
pub mod theme;
mod view;

use crate::form::Lang;
use crate::workspace::{Workspace, today};
use anyhow::Result;
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use std::path::Path;

pub use app::App;
pub use home_view::status_label;

/// Leaves the terminal as we found it; safe to call more than once.
fn restore_terminal() {
    let _ = execute!(
        std::io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste
    );
    ratatui::restore();
}

/// Restores the terminal when dropped, on errors and early returns alike.
struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

pub fn run(db: &Path, lang: Lang) -> Result<()> {
    // Open the database before touching the terminal, so its errors print plainly.
    let ws = Workspace::open(db)?;
    let mut app = App::new(ws, lang, theme::Theme::from_env(), today())?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore_terminal();
        previous(info);
    }));
    let mut terminal = ratatui::try_init()?;
    let _guard = TerminalGuard;
    execute!(std::io::stdout(), EnableMouseCapture, EnableBracketedPaste)?;
    while !app.quit {
        terminal.draw(|f| app.draw(f))?;
        let ev = crossterm::event::read()?;
        app.handle_event(ev);
    }
    Ok(())
}
