//! The keys of the import (see `import`): what each stage does with a key, and the
//! keys the help bar names there.

use super::app::{Status, StatusKind};
use super::import::{Confirm, ImportFlow, Stage};
use crate::form::Lang;
use crate::store::Side;
use crate::t;
use crate::workspace::Workspace;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use tui_input::backend::crossterm::EventHandler;

/// What the home screen does after a key of the import.
#[derive(Debug, PartialEq, Eq)]
pub enum Next {
    Stay,
    /// The database was written (merged or imported): the list is read again, with
    /// this intake selected.
    Written(i64),
    /// The import is over; nothing (more) was written.
    Close,
    /// Open this intake.
    Open(i64),
    Quit,
}

/// A passphrase longer than this is not one anybody typed.
const MAX_PASSPHRASE_CHARS: usize = 1024;

pub fn handle(
    flow: &mut ImportFlow,
    k: KeyEvent,
    ws: &mut Workspace,
    lang: Lang,
    status: &mut Option<Status>,
) -> Next {
    let cancelled = |status: &mut Option<Status>| {
        *status = Some(Status {
            text: t!(lang, "tui-import-cancelled"),
            kind: StatusKind::Info,
        });
        Next::Close
    };
    let before = flow.stage;
    match flow.stage {
        Stage::Path => match k.code {
            KeyCode::Esc => return cancelled(status),
            KeyCode::Enter => flow.read(ws, lang),
            KeyCode::Tab => complete_path(flow, lang),
            _ => {
                flow.path.handle_event(&Event::Key(k));
                flow.note = None;
            }
        },
        Stage::Passphrase => match k.code {
            KeyCode::Esc => {
                flow.secret.clear();
                flow.note = None;
                flow.stage = Stage::Path;
            }
            KeyCode::Enter => flow.read(ws, lang),
            KeyCode::Backspace => {
                flow.secret.pop();
            }
            KeyCode::Char('u') if k.modifiers.contains(KeyModifiers::CONTROL) => {
                flow.secret.clear()
            }
            KeyCode::Char(c)
                if !k
                    .modifiers
                    .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                push_secret(flow, &c.to_string());
            }
            _ => {}
        },
        Stage::Preview => match k.code {
            KeyCode::Esc => return cancelled(status),
            KeyCode::Char('q') => return Next::Quit,
            KeyCode::Down | KeyCode::Char('j') => scroll(flow, 1),
            KeyCode::Up | KeyCode::Char('k') => scroll(flow, -1),
            KeyCode::PageDown => scroll(flow, 10),
            KeyCode::PageUp => scroll(flow, -10),
            KeyCode::Enter => {
                let Some(m) = &flow.merge else {
                    return Next::Close;
                };
                flow.note = None;
                flow.stage = if m.rows.is_empty() {
                    Stage::Confirm(Confirm::Merge)
                } else {
                    Stage::Conflicts
                };
            }
            KeyCode::Char('a') => {
                flow.note = None;
                flow.stage = Stage::Confirm(Confirm::AsNew);
            }
            _ => {}
        },
        Stage::Conflicts => return conflict_key(flow, k, lang, status),
        Stage::Confirm(what) => {
            flow.note = None;
            if super::intake_keys::confirms(k) {
                match what {
                    Confirm::Merge => flow.apply_merge(ws, lang),
                    Confirm::AsNew => flow.apply_as_new(ws, lang),
                }
                if let Some(r) = &flow.result {
                    *status = Some(Status {
                        text: r.message(lang),
                        kind: StatusKind::Saved,
                    });
                    return Next::Written(r.id);
                }
            } else {
                // Anything but `y` is "no": back to where the user came from.
                let conflicts = flow.merge.as_ref().is_some_and(|m| !m.rows.is_empty());
                flow.stage = if what == Confirm::Merge && conflicts {
                    Stage::Conflicts
                } else {
                    Stage::Preview
                };
            }
        }
        Stage::Done => match k.code {
            KeyCode::Enter => {
                if let Some(r) = &flow.result {
                    return Next::Open(r.id);
                }
                return Next::Close;
            }
            KeyCode::Esc => return Next::Close,
            KeyCode::Char('q') => return Next::Quit,
            _ => {}
        },
    }
    if before != Stage::Done
        && flow.stage == Stage::Done
        && let Some(r) = &flow.result
    {
        // Imported as a new intake straight from the file name.
        *status = Some(Status {
            text: r.message(lang),
            kind: StatusKind::Saved,
        });
        return Next::Written(r.id);
    }
    Next::Stay
}

fn conflict_key(
    flow: &mut ImportFlow,
    k: KeyEvent,
    lang: Lang,
    status: &mut Option<Status>,
) -> Next {
    let Some(m) = flow.merge.as_mut() else {
        return Next::Close;
    };
    let last = m.rows.len().saturating_sub(1);
    let choose = |m: &mut super::import::MergeView, side: Side| {
        if let Some(r) = m.rows.get_mut(m.selected) {
            r.side = Some(side);
        }
        // On to the next conflict: one key per row.
        m.selected = (m.selected + 1).min(last);
    };
    match k.code {
        KeyCode::Esc => {
            *status = Some(Status {
                text: t!(lang, "tui-import-cancelled"),
                kind: StatusKind::Info,
            });
            return Next::Close;
        }
        KeyCode::Char('q') => return Next::Quit,
        KeyCode::Down | KeyCode::Char('j') => m.selected = (m.selected + 1).min(last),
        KeyCode::Up | KeyCode::Char('k') => m.selected = m.selected.saturating_sub(1),
        KeyCode::PageDown => m.selected = (m.selected + 5).min(last),
        KeyCode::PageUp => m.selected = m.selected.saturating_sub(5),
        KeyCode::Home | KeyCode::Char('g') => m.selected = 0,
        KeyCode::End | KeyCode::Char('G') => m.selected = last,
        KeyCode::Char('o') => choose(m, Side::Ours),
        KeyCode::Char('t') => choose(m, Side::Theirs),
        KeyCode::Char(c @ ('O' | 'T')) => {
            let side = if c == 'O' { Side::Ours } else { Side::Theirs };
            for r in &mut m.rows {
                r.side = Some(side);
            }
        }
        KeyCode::Enter => {
            let open = m.undecided();
            if open > 0 {
                m.selected = m.rows.iter().position(|r| r.side.is_none()).unwrap_or(0);
                flow.note = Some(super::import::Note {
                    text: t!(lang, "tui-import-undecided", count = open),
                    error: true,
                });
                return Next::Stay;
            }
            flow.stage = Stage::Confirm(Confirm::Merge);
        }
        _ => return Next::Stay,
    }
    flow.note = None;
    Next::Stay
}

/// Tab: the file name completed from its folder; when several names still match, the
/// note lists them.
fn complete_path(flow: &mut ImportFlow, lang: Lang) {
    let home = std::env::var_os("HOME").map(std::path::PathBuf::from);
    let c = super::path_complete::complete(flow.path.value(), home.as_deref());
    flow.path = tui_input::Input::new(c.text);
    flow.note = (!c.choices.is_empty()).then(|| {
        let shown: Vec<String> = c
            .choices
            .iter()
            .take(MAX_CHOICES_SHOWN)
            .map(|n| crate::text::printable(n).into_owned())
            .collect();
        super::import::Note {
            text: t!(
                lang,
                "tui-import-choices",
                names = shown.join("  "),
                count = c.choices.len(),
                more = c.choices.len().saturating_sub(MAX_CHOICES_SHOWN)
            ),
            error: false,
        }
    });
}

/// Names listed when Tab finds several.
const MAX_CHOICES_SHOWN: usize = 8;

/// The mouse wheel: scrolls the preview, moves the cursor on the conflict screen.
pub fn wheel(flow: &mut ImportFlow, down: bool) {
    match flow.stage {
        Stage::Preview => scroll(flow, if down { 3 } else { -3 }),
        Stage::Conflicts => {
            if let Some(m) = flow.merge.as_mut() {
                let last = m.rows.len().saturating_sub(1);
                m.selected = if down {
                    (m.selected + 1).min(last)
                } else {
                    m.selected.saturating_sub(1)
                };
            }
        }
        _ => {}
    }
}

fn scroll(flow: &mut ImportFlow, by: isize) {
    if let Some(m) = flow.merge.as_mut() {
        // The view clamps it to what there is to show.
        m.scroll = m.scroll.saturating_add_signed(by);
    }
}

fn push_secret(flow: &mut ImportFlow, text: &str) {
    for c in text.chars().filter(|c| !c.is_control()) {
        if flow.secret.chars().count() >= MAX_PASSPHRASE_CHARS {
            break;
        }
        flow.secret.push(c);
    }
}

/// A paste into the file name or the passphrase (a password manager's paste).
pub fn paste(flow: &mut ImportFlow, text: &str) {
    match flow.stage {
        Stage::Path => {
            // A pasted name often ends in a newline; it never holds control characters.
            for c in text.trim().chars().filter(|c| !c.is_control()) {
                flow.path.handle(tui_input::InputRequest::InsertChar(c));
            }
            flow.note = None;
        }
        Stage::Passphrase => push_secret(flow, text.trim_end_matches(['\r', '\n'])),
        _ => {}
    }
}

/// The keys the help bar names at each stage (the last one always shows).
pub fn bar(flow: &ImportFlow, l: Lang) -> super::keys::Keys {
    use super::keys::{Caps, sign};
    let k = Caps::new(l);
    match flow.stage {
        Stage::Path => vec![
            (k.enter.clone(), t!(l, "tui-import-key-read")),
            (k.tab.clone(), t!(l, "tui-import-key-complete")),
            (k.esc.clone(), t!(l, "key-cancel")),
        ],
        Stage::Passphrase => vec![
            (k.enter.clone(), t!(l, "tui-import-key-decrypt")),
            (k.esc.clone(), t!(l, "key-back")),
        ],
        Stage::Preview => {
            let conflicts = flow.merge.as_ref().is_some_and(|m| !m.rows.is_empty());
            vec![
                (
                    k.enter.clone(),
                    if conflicts {
                        t!(l, "tui-import-key-conflicts")
                    } else {
                        t!(l, "tui-import-key-merge")
                    },
                ),
                (sign("↑↓"), t!(l, "tui-import-key-scroll")),
                (sign("a"), t!(l, "tui-import-key-as-new")),
                (k.esc.clone(), t!(l, "key-cancel")),
            ]
        }
        Stage::Conflicts => vec![
            (sign("o"), t!(l, "tui-import-key-ours")),
            (sign("t"), t!(l, "tui-import-key-theirs")),
            (k.enter.clone(), t!(l, "tui-import-key-apply")),
            (sign("O T"), t!(l, "tui-import-key-all")),
            (sign("↑↓"), t!(l, "tui-import-key-conflict")),
            (k.esc.clone(), t!(l, "key-cancel")),
        ],
        Stage::Confirm(_) => vec![
            (sign("y"), t!(l, "tui-import-key-yes")),
            (sign("n"), t!(l, "tui-import-key-no")),
        ],
        Stage::Done => vec![
            (k.enter.clone(), t!(l, "tui-import-key-open")),
            (k.esc.clone(), t!(l, "tui-import-key-list")),
        ],
    }
}
