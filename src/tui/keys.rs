//! The keys that work where the user is: the help bar shows the most useful ones,
//! `?` shows them all. Key caps and descriptions come from Fluent (tui-keybar.ftl).

use super::app::{App, Screen};
use super::intake::View;
use crate::form::Lang;
use crate::t;

/// (key caps, what they do), in the order shown.
pub(super) type Keys = Vec<(String, String)>;

/// The key caps that have a name ("Enter", "Spatie"), in the language shown: every
/// screen's key bar names its keys with these.
pub(super) struct Caps {
    pub(super) enter: String,
    pub(super) tab: String,
    pub(super) shift_tab: String,
    pub(super) esc: String,
    pub(super) space: String,
    pub(super) del: String,
    pub(super) home: String,
    pub(super) end: String,
    pub(super) pgup: String,
    pub(super) pgdn: String,
    pub(super) ctrl: String,
    pub(super) alt: String,
    pub(super) shift: String,
}

impl Caps {
    pub(super) fn new(l: Lang) -> Caps {
        Caps {
            enter: t!(l, "kc-enter"),
            tab: t!(l, "kc-tab"),
            shift_tab: t!(l, "kc-shift-tab"),
            esc: t!(l, "kc-esc"),
            space: t!(l, "kc-space"),
            del: t!(l, "kc-del"),
            home: t!(l, "kc-home"),
            end: t!(l, "kc-end"),
            pgup: t!(l, "kc-pgup"),
            pgdn: t!(l, "kc-pgdn"),
            ctrl: t!(l, "kc-ctrl"),
            alt: t!(l, "kc-alt"),
            shift: t!(l, "kc-shift"),
        }
    }

    pub(super) fn enter_tab(&self) -> String {
        format!("{}/{}", self.enter, self.tab)
    }

    pub(super) fn ctrl(&self, key: char) -> String {
        format!("{}-{key}", self.ctrl)
    }
}

/// A key whose cap is a sign or a letter, the same in every language.
pub(super) fn sign(key: &str) -> String {
    key.to_string()
}

pub fn bar(app: &App) -> Keys {
    let l = app.lang;
    let k = Caps::new(l);
    match &app.screen {
        Screen::Home(h) if h.import.is_some() => h
            .import
            .as_ref()
            .map(|flow| super::import_keys::bar(flow, l))
            .unwrap_or_default(),
        Screen::Home(h) if h.dialog.is_some() => vec![
            (k.enter.clone(), t!(l, "kb-create")),
            (k.tab.clone(), t!(l, "kb-field")),
            (sign("←→"), t!(l, "kb-mode")),
            (k.esc.clone(), t!(l, "key-cancel")),
        ],
        Screen::Home(h) if h.confirm_delete.is_some() => vec![
            (sign("y"), t!(l, "kb-yes-delete")),
            (sign("n"), t!(l, "no")),
        ],
        Screen::Home(h) if h.trash => vec![
            (k.enter.clone(), t!(l, "key-restore")),
            (k.esc.clone(), t!(l, "key-back")),
        ],
        Screen::Home(h) if h.filtering => vec![
            (k.enter.clone(), t!(l, "kb-done")),
            (k.esc.clone(), t!(l, "kb-clear-filter")),
        ],
        Screen::Home(h) if h.all.is_empty() => vec![
            (sign("n"), t!(l, "kb-new-intake")),
            (sign("i"), t!(l, "tui-import-key-import")),
            (sign("L"), t!(l, "kb-lang")),
            // `?` last: the bar keeps its last key when the others do not fit.
            (sign("q"), t!(l, "kb-quit")),
            (sign("?"), t!(l, "kb-keys")),
        ],
        Screen::Home(_) => vec![
            (k.enter.clone(), t!(l, "kb-open")),
            (sign("n"), t!(l, "kb-new")),
            (sign("/"), t!(l, "kb-filter")),
            (sign("s"), t!(l, "kb-sort")),
            (sign("d"), t!(l, "kb-delete")),
            (sign("i"), t!(l, "tui-import-key-import")),
            (sign("t"), t!(l, "key-trash")),
            (sign("L"), t!(l, "kb-lang")),
            // `?` last: the bar keeps its last key when the others do not fit.
            (sign("q"), t!(l, "kb-quit")),
            (sign("?"), t!(l, "kb-keys")),
        ],
        Screen::Intake(s) if s.editor.as_ref().is_some_and(|e| e.lines.is_some()) => vec![
            (k.enter_tab(), t!(l, "key-save-next")),
            (format!("{}-{}", k.alt, k.enter), t!(l, "key-new-line")),
            (k.esc.clone(), t!(l, "key-cancel")),
        ],
        Screen::Intake(s) if s.editor.is_some() => vec![
            (k.enter_tab(), t!(l, "key-save-next")),
            (k.esc.clone(), t!(l, "key-cancel")),
            (k.ctrl('U'), t!(l, "kb-clear")),
        ],
        Screen::Intake(s) if s.picker.is_some() => vec![
            (sign("↑↓"), t!(l, "key-choose")),
            (k.space.clone(), t!(l, "key-tick")),
            (k.enter_tab(), t!(l, "key-save-next")),
            (k.esc.clone(), t!(l, "key-cancel")),
        ],
        Screen::Intake(s) if s.confirm_remove => vec![
            (sign("y"), t!(l, "kb-yes-remove")),
            (sign("n"), t!(l, "no")),
        ],
        Screen::Intake(s) if s.jump.is_some() => vec![
            (sign("1-9 a–z"), t!(l, "key-section")),
            (format!("↑↓ {}", k.enter), t!(l, "key-choose")),
            (k.esc.clone(), t!(l, "key-close")),
        ],
        Screen::Intake(s) if s.view == View::Probes => vec![
            (sign("w"), t!(l, "kb-this-workstation")),
            (sign("l"), t!(l, "kb-network")),
            (sign("b"), t!(l, "kb-bandwidth")),
            (k.esc.clone(), t!(l, "kb-back-cancel")),
        ],
        Screen::Intake(s) if s.view == View::Proposal => vec![
            (k.tab.clone(), t!(l, "kb-proposal-tabs")),
            (sign("a"), t!(l, "kb-accept")),
            (sign("e"), t!(l, "kb-report")),
            (k.esc.clone(), t!(l, "key-back")),
        ],
        Screen::Intake(s) if s.view == View::Review => vec![
            (k.enter.clone(), t!(l, "kb-to-question")),
            (sign("!"), t!(l, "key-next-item")),
            (sign("c"), t!(l, "kb-complete")),
            (k.esc.clone(), t!(l, "key-back")),
            (sign("q"), t!(l, "kb-quit")),
        ],
        Screen::Intake(s) => {
            let mut keys = vec![
                (sign("↑↓"), t!(l, "kb-question")),
                (sign("←→"), t!(l, "key-section")),
                (k.enter.clone(), t!(l, "kb-answer")),
            ];
            if s.is_group() {
                keys.push((sign("a"), t!(l, "kb-add")));
                keys.push((sign("[ ]"), t!(l, "kb-entry")));
                keys.push((sign("x"), t!(l, "kb-remove")));
            }
            if s.focused().is_some_and(|qi| s.question(qi).unknown_allowed) {
                keys.push((sign("o"), t!(l, "form-unknown-key")));
            }
            keys.push((sign("!"), t!(l, "key-open-item")));
            keys.push((sign("r"), t!(l, "kb-review")));
            // A customer filling in the form alone gets no specialist's tools.
            if s.mode() != crate::workspace::Mode::SelfFilled {
                keys.push((sign("p"), t!(l, "kb-probes")));
                keys.push((sign("v"), t!(l, "kb-advice")));
            }
            keys.push((k.esc.clone(), t!(l, "key-back")));
            keys.push((sign("?"), t!(l, "kb-keys")));
            keys
        }
    }
}

pub fn all(app: &App) -> Keys {
    let mut keys = every_key(app.lang);
    if matches!(&app.screen, Screen::Intake(s) if s.mode() == crate::workspace::Mode::SelfFilled) {
        keys.retain(|(k, _)| !matches!(k.as_str(), "p" | "v"));
    }
    keys
}

/// A heading line of the overview (no key).
fn heading(text: String) -> (String, String) {
    (String::new(), text)
}

/// The blank line between the overview's groups.
fn gap() -> (String, String) {
    (String::new(), String::new())
}

fn every_key(l: Lang) -> Keys {
    let k = Caps::new(l);
    vec![
        heading(t!(l, "kh-everywhere")),
        (sign("?"), t!(l, "kh-this-help")),
        (sign("L  F2"), t!(l, "kh-language")),
        (format!("q  {}", k.ctrl('C')), t!(l, "kh-quit")),
        (k.esc.clone(), t!(l, "kh-back-cancel")),
        gap(),
        heading(t!(l, "kh-list")),
        (sign("↑↓  j k"), t!(l, "kh-move")),
        (k.enter.clone(), t!(l, "kh-open-intake")),
        (sign("n  /"), t!(l, "kh-new-filter")),
        (sign("s  d"), t!(l, "kh-sort-delete")),
        (sign("t  u"), t!(l, "help-trash")),
        (sign("i"), t!(l, "tui-import-help")),
        (sign("o t"), t!(l, "tui-import-help-conflicts")),
        gap(),
        heading(t!(l, "kh-intake")),
        (
            format!("↑↓  {}  {}", k.tab, k.shift_tab),
            t!(l, "kh-prev-next-question"),
        ),
        (
            format!("←→  {} {}", k.pgup, k.pgdn),
            t!(l, "kh-prev-next-section"),
        ),
        (format!("{}  {}", k.enter, k.space), t!(l, "help-open")),
        (sign("y  n"), t!(l, "kh-yes-no")),
        (sign("1-9  s"), t!(l, "help-jump")),
        (sign("!"), t!(l, "help-next-problem")),
        (sign("u"), t!(l, "help-next-unanswered")),
        (k.del.clone(), t!(l, "kh-clear-answer")),
        (sign("o"), t!(l, "form-unknown-key-long")),
        (format!("{}-↑↓", k.shift), t!(l, "tv-key-help-pane")),
        (sign("b"), t!(l, "tv-key-sidebar")),
        (sign("p"), t!(l, "kh-probes")),
        (sign("v"), t!(l, "kh-proposal")),
        (sign("a  x"), t!(l, "kh-add-remove")),
        (sign("[ ]  { }"), t!(l, "kh-entries")),
        (sign("r"), t!(l, "help-review")),
        (sign("c"), t!(l, "kh-complete")),
        gap(),
        heading(t!(l, "kh-text-field")),
        (format!("{}  {}", k.enter, k.tab), t!(l, "help-save-next")),
        (k.shift_tab.clone(), t!(l, "help-save-back")),
        (format!("←→  {} {}", k.home, k.end), t!(l, "kh-cursor")),
        (k.ctrl('U'), t!(l, "kh-clear-field")),
        (k.esc.clone(), t!(l, "help-cancel")),
        gap(),
        (t!(l, "kh-mouse"), t!(l, "kh-mouse-use")),
    ]
}
