//! The pseudo-locale walk's bookkeeping (`tests/tui_pseudo.rs`): every screen drawn is
//! checked for words that did not come through Fluent, with what may stay plain built
//! from data (see `data_words`). `Walk::new` turns the pseudo-locale on for the whole
//! process: only a test binary that runs nothing else may use it.

use super::pseudo::{untranslated, words, words_of_files};
use super::*;
use crossterm::event::KeyCode;
use intake::form::Lang;
use intake::tui::App;
use std::collections::BTreeSet;

/// The screens checked so far and what each showed that did not come through Fluent.
pub struct Walk {
    pub exempt: BTreeSet<String>,
    /// The web addresses in the data (the FAQ's links).
    urls: Vec<String>,
    checked: Vec<String>,
    failures: Vec<String>,
}

impl Walk {
    pub fn new() -> Walk {
        intake::i18n::set_pseudo(true);
        // The switch works: a message comes out accented.
        let title = intake::t!(Lang::Nl, "th-col-customer");
        assert!(!title.is_ascii(), "pseudo-locale is off: {title}");
        Walk {
            exempt: data_words(),
            urls: data_urls(),
            checked: Vec::new(),
            failures: Vec::new(),
        }
    }

    /// Words the user typed or stored: data, shown as given.
    pub fn data(&mut self, text: &str) {
        self.exempt.extend(words(text));
    }

    /// The answers and measurements of intake `id` (demo data, values set by the test).
    pub fn intake_data(&mut self, fx: &Fixture, id: i64) {
        let ws = fx.ws();
        for v in ws.store.answers(id).unwrap().values() {
            self.data(&v.to_string());
        }
        // As the form shows them, too: an IBAN in groups of four, a number with its unit.
        let loaded = ws.load(id).unwrap();
        for (key, value) in &loaded.answers {
            let path = form_path(key);
            if let Some((_, q)) = loaded.form.find(&path) {
                for lang in [Lang::Nl, Lang::En] {
                    self.data(&q.display(value, lang));
                }
            }
        }
        for p in ws.store.probes(id).unwrap() {
            self.data(&p.payload.to_string());
            self.data(&p.machine_key);
        }
        self.data(&ws.load(id).unwrap().record.customer);
    }

    /// Draws the app `width` x `height` and checks what it shows.
    pub fn check(&mut self, name: &str, app: &mut App, width: u16, height: u16) -> String {
        let mut t = term(width, height);
        draw(app, &mut t);
        let text = screen_text(&t);
        self.check_text(name, &text);
        text
    }

    pub fn check_text(&mut self, name: &str, text: &str) {
        self.checked.push(name.to_string());
        let mut plain = untranslated(text, &self.exempt);
        // A web address longer than its pane is broken inside a word: its pieces are data.
        plain.retain(|w| !self.urls.iter().any(|u| u.contains(w.as_str())));
        if !plain.is_empty() {
            self.failures
                .push(format!("{name}: {plain:?}\n{}", text.trim_end()));
        }
    }

    pub fn finish(self, at_least: usize) {
        assert!(
            self.checked.len() >= at_least,
            "only {} screens checked: {:?}",
            self.checked.len(),
            self.checked
        );
        assert!(
            self.failures.is_empty(),
            "text that did not come through Fluent:\n\n{}",
            self.failures.join("\n\n")
        );
    }
}

/// Text that is data rather than the program's own words (see the module comment).
fn data_words() -> BTreeSet<String> {
    let mut out = words_of_files(&[
        // The form's own texts, in both languages.
        "forms",
        // The FAQ sections shown in the help pane (Dutch only, as the provider wrote them).
        "assets/faq-nl.md",
        // The provider's name and details.
        "assets/provider.toml",
        // The provider's catalog: its product names and descriptions in nl/en, like a form.
        "assets/catalog.toml",
    ]);
    // Dates as `i18n::fmt` writes them (month names are the format layer's, like digits).
    let mut day = time::macros::date!(2026 - 01 - 15);
    for _ in 0..12 {
        for lang in [Lang::Nl, Lang::En] {
            out.extend(words(&intake::i18n::fmt::date_long(day, lang)));
            out.extend(words(&intake::i18n::fmt::date_short(day, lang)));
        }
        day = day.replace_month(day.month().next()).unwrap();
    }
    // The machine this runs on (host name, OS, the user) shows in its own measurement.
    if let Ok(host) = std::fs::read_to_string("/etc/hostname") {
        out.extend(words(&host));
    }
    out
}

/// The web addresses in the FAQ, which the help pane shows.
fn data_urls() -> Vec<String> {
    let faq =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/faq-nl.md")).unwrap();
    faq.split(|c: char| c.is_whitespace() || "<>()[]".contains(c))
        .filter(|w| w.contains("://") || w.starts_with("www."))
        .map(str::to_owned)
        .collect()
}

/// `locations[2].name` → `locations.name`: the form's path of an answer key.
fn form_path(key: &str) -> String {
    match (key.find('['), key.find(']')) {
        (Some(open), Some(close)) if open < close => {
            format!("{}{}", &key[..open], &key[close + 1..])
        }
        _ => key.to_string(),
    }
}

fn current_focus(app: &App) -> (usize, usize, usize) {
    let s = screen(app);
    (s.section, s.entry, s.focus)
}

/// Every question of every section reachable with PageDown, each with its editor or
/// picker opened (Enter) and closed again (Esc): every question kind of the form.
pub fn walk_questions(w: &mut Walk, app: &mut App, label: &str) {
    for _ in 0..60 {
        let section = screen(app).section_id().to_string();
        key(app, KeyCode::Home);
        w.check(&format!("{label} {section}"), app, 120, 40);
        for _ in 0..80 {
            let before = current_focus(app);
            key(app, KeyCode::Enter);
            let s = screen(app);
            if s.editor.is_some() || s.picker.is_some() {
                let (_, q) = at(app);
                w.check(&format!("{label} {section}.{q} open"), app, 120, 40);
                key(app, KeyCode::Esc);
            }
            key(app, KeyCode::Down);
            if current_focus(app) == before {
                break;
            }
        }
        let before = screen(app).section;
        key(app, KeyCode::PageDown);
        if screen(app).section == before {
            return;
        }
    }
    panic!("{label}: more sections than the walk allows");
}

/// Checks every frame while a measurement runs, until it ends (at most 30 s).
pub fn wait_checking(w: &mut Walk, app: &mut App, name: &str) {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    let mut frame = 0;
    while app.busy() {
        assert!(std::time::Instant::now() < deadline, "{name}: did not end");
        std::thread::sleep(std::time::Duration::from_millis(100));
        app.tick();
        frame += 1;
        w.check(&format!("{name} {frame}"), app, 120, 40);
    }
}

/// The address ranges a LAN prompt shows (this machine's networks): data, not words.
pub fn shown_addresses(screen: &str) -> String {
    screen
        .split_whitespace()
        .filter(|w| w.chars().any(|c| c.is_ascii_digit()) && w.contains(['.', ':', '/']))
        .collect::<Vec<_>>()
        .join(" ")
}
