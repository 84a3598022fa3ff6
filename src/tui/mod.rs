//! The terminal user interface. State lives in `app`/`home`/`intake`, drawing in the
//! `*_view` modules; this file owns the terminal: set-up, the event loop, and
//! restoring the terminal on every exit path, panics included.

pub mod app;
pub mod home;
mod home_view;
pub mod import;
mod import_keys;
mod import_text;
mod import_view;
mod input;
pub mod intake;
mod intake_edit;
mod intake_entries;
mod intake_jump;
mod intake_jump_view;
mod intake_keys;
mod intake_view;
mod keys;
mod multiline;
mod paste_limit;
mod path_complete;
pub mod probes;
mod probes_view;
pub mod proposal;
mod proposal_view;
mod questions_view;
mod return_file;
mod section_head;
mod text;
pub mod theme;
mod view;

use crate::form::Lang;
use crate::workspace::{Workspace, today};
use anyhow::Result;
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use std::path::Path;

pub use app::App;
pub use home_view::status_label;

/// The escape sequences that undo what we turn on: mouse capture, bracketed paste, the
/// alternate screen, the hidden cursor. Written before leaving raw mode.
pub fn write_restore_sequence(w: &mut impl std::io::Write) -> std::io::Result<()> {
    crossterm::queue!(
        w,
        DisableMouseCapture,
        DisableBracketedPaste,
        crossterm::terminal::LeaveAlternateScreen,
        crossterm::cursor::Show
    )?;
    w.flush()
}

/// Leaves the terminal as we found it; safe to call more than once. `ratatui::restore`
/// alone would leave mouse capture and bracketed paste on.
pub fn restore_terminal() {
    let _ = write_restore_sequence(&mut std::io::stdout());
    ratatui::restore();
}

/// A panic hook that first runs `restore` (so the message lands on a sane terminal)
/// and then the hook that was installed before it.
pub fn chain_panic_hook(
    restore: impl Fn() + Send + Sync + 'static,
    previous: Box<dyn Fn(&std::panic::PanicHookInfo<'_>) + Send + Sync + 'static>,
) -> Box<dyn Fn(&std::panic::PanicHookInfo<'_>) + Send + Sync + 'static> {
    Box::new(move |info| {
        restore();
        previous(info);
    })
}

/// Restores the terminal when dropped, on errors and early returns alike.
struct TerminalGuard;

impl Drop for TerminalGuard {
    fn drop(&mut self) {
        restore_terminal();
    }
}

/// Runs the TUI on `db`, in `lang` when given (`--lang`), else in the language last
/// chosen with `L`.
pub fn run(db: &Path, lang: Option<Lang>) -> Result<()> {
    // Read the time zone while this is the only thread (the `time` crate refuses later).
    let offset = time::UtcOffset::current_local_offset().unwrap_or(time::UtcOffset::UTC);
    // Open the database before touching the terminal, so its errors print plainly and the
    // passphrase (when no key file or keyring holds the key) is asked on the plain terminal,
    // once per session.
    let opened =
        crate::crypt::open_store(db, crate::crypt::Ask::Terminal(lang.unwrap_or_default()))?;
    for n in &opened.notices {
        eprintln!("{n}");
    }
    if !opened.notices.is_empty() {
        crate::crypt::pause_before_screen(lang.unwrap_or_default());
    }
    let ws = Workspace::with_store(opened.store)?;
    let lang = start_language(&ws, lang);
    let mut app = App::new(ws, lang, theme::Theme::from_env(), today())?.with_utc_offset(offset);
    std::panic::set_hook(chain_panic_hook(restore_terminal, std::panic::take_hook()));
    // No `terminal.clear()`: it would ask the terminal for the cursor position, and the
    // first draw paints every cell anyway.
    // SIGTERM, SIGHUP and SIGINT end the program as `q` does: the draft and position
    // are saved and the terminal restored (the guard), then it exits with 128 + signal.
    let signal = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    for sig in [SIGTERM, SIGHUP, SIGINT] {
        signal_hook::flag::register_usize(sig, signal.clone(), sig as usize)?;
    }
    let mut terminal = ratatui::try_init()?;
    let guard = TerminalGuard;
    execute!(std::io::stdout(), EnableMouseCapture, EnableBracketedPaste)?;
    let input = input::Input::start()?;
    let mut last_watch = std::time::Instant::now();
    while !app.quit {
        terminal.draw(|f| app.draw(f))?;
        // Wake up now and then even without a key: for a measurement's progress, a
        // signal, a hang-up, and changes other processes made to the database.
        let wait = if app.busy() { 100 } else { SIGNAL_POLL_MS };
        let mut next = input.next(std::time::Duration::from_millis(wait));
        let mut handled = 0;
        while let Some(ev) = next {
            end_on_signal(&signal, &mut app);
            match ev {
                Ok(ev) => app.handle_event(ev),
                Err(e) => {
                    // The terminal cannot be read any more: keep what was typed.
                    end_on_hang_up(&input, &signal, &mut app);
                    app.leave();
                    return Err(e.into());
                }
            }
            handled += 1;
            // Keys that came in together (typing fast, a held key) are handled before
            // the next draw, a bounded number at a time so the screen keeps up.
            next = if app.quit || handled >= EVENTS_PER_DRAW {
                None
            } else {
                input.ready()
            };
        }
        end_on_signal(&signal, &mut app);
        end_on_hang_up(&input, &signal, &mut app);
        if last_watch.elapsed() >= WATCH_EVERY {
            last_watch = std::time::Instant::now();
            app.watch();
        }
        // A job that ended between the key and now still delivers its result.
        app.tick();
    }
    drop(guard);
    Ok(())
}

/// After SIGTERM, SIGHUP or SIGINT: saves what `q` saves, restores the terminal and
/// exits with 128 + the signal, as a shell reports a process killed by it.
fn end_on_signal(signal: &std::sync::atomic::AtomicUsize, app: &mut App) {
    let sig = signal.load(std::sync::atomic::Ordering::Relaxed);
    if sig != 0 {
        app.leave();
        restore_terminal();
        std::process::exit(128 + sig as i32);
    }
}

/// How long the loop waits for a key before it looks at signals (ms).
const SIGNAL_POLL_MS: u64 = 200;
/// A hang-up that came without SIGHUP (the signal blocked, or sent to another process
/// group) ends the program as SIGHUP does.
fn end_on_hang_up(input: &input::Input, signal: &std::sync::atomic::AtomicUsize, app: &mut App) {
    if input.hung_up() {
        signal.store(SIGHUP as usize, std::sync::atomic::Ordering::Relaxed);
        end_on_signal(signal, app);
    }
}

/// At most this many waiting events are handled between two draws.
const EVENTS_PER_DRAW: usize = 64;
/// How often the loop asks the database whether another process changed it.
const WATCH_EVERY: std::time::Duration = std::time::Duration::from_secs(1);

/// The setting that keeps the language chosen with `L` between runs.
pub const LANG_SETTING: &str = "ui.lang";

/// `given` (`--lang`) if any, else the language last chosen in the TUI, else Dutch. A
/// setting that cannot be read is not worth refusing to start over.
pub fn start_language(ws: &Workspace, given: Option<Lang>) -> Lang {
    given
        .or_else(|| {
            ws.store
                .setting(LANG_SETTING)
                .ok()
                .flatten()
                .and_then(|s| Lang::parse(&s))
        })
        .unwrap_or_default()
}
