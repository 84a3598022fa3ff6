//! The keys that work where the user is: the help bar shows the most useful ones,
//! `?` shows them all.

use super::app::{App, Screen};
use super::intake::View;
use crate::form::Lang;

type Keys = Vec<(&'static str, String)>;

fn t(lang: Lang, nl: &str, en: &str) -> String {
    match lang {
        Lang::Nl => nl.into(),
        Lang::En => en.into(),
    }
}

pub fn bar(app: &App) -> Keys {
    let l = app.lang;
    match &app.screen {
        Screen::Home(h) if h.import.is_some() => h
            .import
            .as_ref()
            .map(|flow| super::import_keys::bar(flow, l))
            .unwrap_or_default(),
        Screen::Home(h) if h.dialog.is_some() => vec![
            ("Enter", t(l, "aanmaken", "create")),
            ("Tab", t(l, "veld", "field")),
            ("←→", t(l, "manier", "mode")),
            ("Esc", t(l, "annuleren", "cancel")),
        ],
        Screen::Home(h) if h.confirm_delete.is_some() => vec![
            ("y", t(l, "ja, verwijderen", "yes, delete")),
            ("n", t(l, "nee", "no")),
        ],
        Screen::Home(h) if h.trash => vec![
            ("Enter", crate::t!(l, "key-restore")),
            ("Esc", crate::t!(l, "key-back")),
        ],
        Screen::Home(h) if h.filtering => vec![
            ("Enter", t(l, "klaar", "done")),
            ("Esc", t(l, "filter wissen", "clear filter")),
        ],
        Screen::Home(h) if h.all.is_empty() => vec![
            ("n", t(l, "nieuwe intake", "new intake")),
            ("i", crate::t!(l, "tui-import-key-import")),
            ("L", "nl/en".into()),
            // `?` last: the bar keeps its last key when the others do not fit.
            ("q", t(l, "stoppen", "quit")),
            ("?", t(l, "toetsen", "keys")),
        ],
        Screen::Home(_) => vec![
            ("Enter", t(l, "openen", "open")),
            ("n", t(l, "nieuw", "new")),
            ("/", t(l, "zoeken", "filter")),
            ("s", t(l, "sorteren", "sort")),
            ("d", t(l, "verwijderen", "delete")),
            ("i", crate::t!(l, "tui-import-key-import")),
            ("t", crate::t!(l, "key-trash")),
            ("L", "nl/en".into()),
            // `?` last: the bar keeps its last key when the others do not fit.
            ("q", t(l, "stoppen", "quit")),
            ("?", t(l, "toetsen", "keys")),
        ],
        Screen::Intake(s) if s.editor.as_ref().is_some_and(|e| e.lines.is_some()) => vec![
            ("Enter/Tab", crate::t!(l, "key-save-next")),
            ("Alt-Enter", crate::t!(l, "key-new-line")),
            ("Esc", crate::t!(l, "key-cancel")),
        ],
        Screen::Intake(s) if s.editor.is_some() => vec![
            ("Enter/Tab", crate::t!(l, "key-save-next")),
            ("Esc", crate::t!(l, "key-cancel")),
            ("Ctrl-U", t(l, "wissen", "clear")),
        ],
        Screen::Intake(s) if s.picker.is_some() => vec![
            ("↑↓", crate::t!(l, "key-choose")),
            ("Space", crate::t!(l, "key-tick")),
            ("Enter/Tab", crate::t!(l, "key-save-next")),
            ("Esc", crate::t!(l, "key-cancel")),
        ],
        Screen::Intake(s) if s.confirm_remove => vec![
            ("y", t(l, "ja, verwijderen", "yes, remove")),
            ("n", t(l, "nee", "no")),
        ],
        Screen::Intake(s) if s.jump.is_some() => vec![
            ("1-9 a-z", crate::t!(l, "key-section")),
            ("↑↓ Enter", crate::t!(l, "key-choose")),
            ("Esc", crate::t!(l, "key-close")),
        ],
        Screen::Intake(s) if s.view == View::Probes => vec![
            ("w", t(l, "deze werkplek", "this workstation")),
            ("l", t(l, "netwerk", "network")),
            ("b", t(l, "bandbreedte", "bandwidth")),
            ("Esc", t(l, "terug / afbreken", "back / cancel")),
        ],
        Screen::Intake(s) if s.view == View::Proposal => vec![
            ("Tab", t(l, "advies/offerte/planning", "advice/quote/plan")),
            ("a", t(l, "accepteren", "accept")),
            ("e", t(l, "rapport (PDF)", "report (PDF)")),
            ("Esc", t(l, "terug", "back")),
        ],
        Screen::Intake(s) if s.view == View::Review => vec![
            ("Enter", t(l, "naar vraag", "go to question")),
            ("!", crate::t!(l, "key-next-item")),
            ("c", t(l, "afronden", "complete")),
            ("Esc", t(l, "terug", "back")),
            ("q", t(l, "stoppen", "quit")),
        ],
        Screen::Intake(s) => {
            let mut k = vec![
                ("↑↓", t(l, "vraag", "question")),
                ("←→", t(l, "onderdeel", "section")),
                ("Enter", t(l, "invullen", "answer")),
            ];
            if s.is_group() {
                k.push(("a", t(l, "toevoegen", "add")));
                k.push(("[ ]", t(l, "item", "entry")));
                k.push(("x", t(l, "verwijderen", "remove")));
            }
            if s.focused().is_some_and(|qi| s.question(qi).unknown_allowed) {
                k.push(("o", crate::t!(l, "form-unknown-key")));
            }
            k.push(("!", crate::t!(l, "key-open-item")));
            k.push(("r", t(l, "controle", "review")));
            // A customer filling in the form alone gets no specialist's tools.
            if s.mode() != crate::workspace::Mode::SelfFilled {
                k.push(("p", t(l, "metingen", "probes")));
                k.push(("v", t(l, "advies & offerte", "advice & quote")));
            }
            k.push(("Esc", t(l, "terug", "back")));
            k.push(("?", t(l, "toetsen", "keys")));
            k
        }
    }
}

pub fn all(app: &App) -> Keys {
    let mut keys = every_key(app.lang);
    if matches!(&app.screen, Screen::Intake(s) if s.mode() == crate::workspace::Mode::SelfFilled) {
        keys.retain(|(k, _)| !matches!(*k, "p" | "v"));
    }
    keys
}

fn every_key(l: Lang) -> Keys {
    vec![
        ("", t(l, "Overal", "Everywhere")),
        ("?", t(l, "deze hulp", "this help")),
        ("L  F2", t(l, "Nederlands / Engels", "Dutch / English")),
        (
            "q  Ctrl-C",
            t(
                l,
                "stoppen (alles is al opgeslagen)",
                "quit (everything is already saved)",
            ),
        ),
        ("Esc", t(l, "terug / annuleren", "back / cancel")),
        ("", String::new()),
        ("", t(l, "Lijst", "List")),
        ("↑↓  j k", t(l, "kiezen", "move")),
        ("Enter", t(l, "intake openen", "open intake")),
        ("n  /", t(l, "nieuw / zoeken", "new / filter")),
        ("s  d", t(l, "sorteren / verwijderen", "sort / delete")),
        ("t  u", crate::t!(l, "help-trash")),
        ("i", crate::t!(l, "tui-import-help")),
        ("o t", crate::t!(l, "tui-import-help-conflicts")),
        ("", String::new()),
        ("", t(l, "Intake", "Intake")),
        (
            "↑↓  Tab  S-Tab",
            t(l, "vorige/volgende vraag", "previous/next question"),
        ),
        (
            "←→  PgUp PgDn",
            t(l, "vorig/volgend onderdeel", "previous/next section"),
        ),
        ("Enter  Space", crate::t!(l, "help-open")),
        ("y  n", t(l, "ja/nee direct", "yes/no at once")),
        ("1-9  s", crate::t!(l, "help-jump")),
        ("!", crate::t!(l, "help-next-problem")),
        ("u", crate::t!(l, "help-next-unanswered")),
        ("Del", t(l, "antwoord wissen", "clear answer")),
        ("o", crate::t!(l, "form-unknown-key-long")),
        ("Shift-↑↓", crate::t!(l, "tv-key-help-pane")),
        ("b", crate::t!(l, "tv-key-sidebar")),
        (
            "p",
            t(
                l,
                "metingen: werkplek, netwerk, bandbreedte",
                "probes: workstation, network, bandwidth",
            ),
        ),
        (
            "v",
            t(
                l,
                "advies, offerte, planning, rapport (PDF)",
                "advice, quote, plan, report (PDF)",
            ),
        ),
        (
            "a  x",
            t(l, "item toevoegen / verwijderen", "add / remove entry"),
        ),
        (
            "[ ]  { }",
            t(
                l,
                "vorig/volgend item, item verplaatsen",
                "previous/next entry, move entry",
            ),
        ),
        ("r", crate::t!(l, "help-review")),
        (
            "c",
            t(
                l,
                "(in controle) intake afronden",
                "(in review) complete the intake",
            ),
        ),
        ("", String::new()),
        ("", t(l, "Tekstveld", "Text field")),
        ("Enter  Tab", crate::t!(l, "help-save-next")),
        ("S-Tab", crate::t!(l, "help-save-back")),
        ("←→  Home End", t(l, "cursor", "cursor")),
        ("Ctrl-U", t(l, "veld leegmaken", "clear the field")),
        ("Esc", crate::t!(l, "help-cancel")),
        ("", String::new()),
        (
            (match l {
                Lang::Nl => "Muis",
                Lang::En => "Mouse",
            }),
            t(
                l,
                "klikken kiest, nog eens klikken opent; wiel bladert",
                "click selects, click again opens; wheel scrolls",
            ),
        ),
    ]
}
