//! Driving the TUI's `App` headless: a workspace on a temporary database, fixed dates
//! and times, keys and clicks as crossterm events, drawing into ratatui's TestBackend.
#![allow(dead_code)] // each test binary uses a different part

use crossterm::event::{
    Event, KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
pub mod fit;
pub mod import;
#[path = "../common/testkey.rs"]
pub mod testkey;

use intake::form::Lang;
use intake::store::{Change, Mode};
use intake::tui::App;
use intake::tui::app::Screen;
use intake::tui::intake::IntakeScreen;
use intake::tui::theme::Theme;
use intake::workspace::Workspace;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::PathBuf;
use tempfile::TempDir;
use time::Date;
use time::macros::date;

/// The day all screen tests live on (a Monday).
pub const TODAY: Date = date!(2026 - 03 - 02);

pub struct Fixture {
    pub dir: TempDir,
    pub db: PathBuf,
}

impl Fixture {
    pub fn new() -> Fixture {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("intake.db");
        Fixture { dir, db }
    }

    pub fn ws(&self) -> Workspace {
        Workspace::open(&self.db).expect("open workspace")
    }

    /// A new intake whose intake date is `TODAY` (the real clock would change snapshots).
    pub fn intake(&self, customer: &str, mode: Mode) -> i64 {
        let mut ws = self.ws();
        let id = ws.new_intake(customer, mode, None).expect("new intake");
        set(&mut ws, id, &[("intake.date", "2026-03-02")]);
        id
    }

    /// Sets the intake's times (RFC 3339, UTC), which the home list shows.
    pub fn set_times(&self, id: i64, updated: &str) {
        let conn = rusqlite::Connection::open(&self.db).expect("open db");
        let n = conn
            .execute(
                "UPDATE intakes SET created_at = ?2, updated_at = ?2 WHERE id = ?1",
                rusqlite::params![id, updated],
            )
            .expect("update times");
        assert_eq!(n, 1, "intake {id} exists");
    }

    pub fn app(&self, lang: Lang) -> App {
        App::new(self.ws(), lang, Theme { color: true }, TODAY).expect("app")
    }

    pub fn app_with(&self, lang: Lang, theme: Theme) -> App {
        App::new(self.ws(), lang, theme, TODAY).expect("app")
    }
}

/// Sets answers the way `intake set` does (checked); panics with the form's message.
pub fn set(ws: &mut Workspace, id: i64, pairs: &[(&str, &str)]) {
    let pairs: Vec<(String, String)> = pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    if let Err(e) = ws.set_answers(id, &pairs) {
        panic!("setting {pairs:?}: {e:#}");
    }
}

/// Stores a raw answer without checks: how a value looks that was valid when given
/// and is not any more (a go-live date that has passed).
pub fn set_raw(ws: &mut Workspace, id: i64, key: &str, value: serde_json::Value) {
    ws.store
        .apply(id, &[Change::set(key, value)], "test")
        .expect("apply");
}

pub fn key(app: &mut App, code: KeyCode) {
    app.handle_event(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

pub fn ctrl(app: &mut App, c: char) {
    app.handle_event(Event::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )));
}

pub fn chr(app: &mut App, c: char) {
    key(app, KeyCode::Char(c));
}

pub fn typ(app: &mut App, text: &str) {
    for c in text.chars() {
        chr(app, c);
    }
}

pub fn click(app: &mut App, column: u16, row: u16) {
    app.handle_event(Event::Mouse(MouseEvent {
        kind: MouseEventKind::Down(MouseButton::Left),
        column,
        row,
        modifiers: KeyModifiers::NONE,
    }));
}

pub fn term(width: u16, height: u16) -> Terminal<TestBackend> {
    Terminal::new(TestBackend::new(width, height)).expect("terminal")
}

pub fn draw(app: &mut App, t: &mut Terminal<TestBackend>) {
    t.draw(|f| app.draw(f)).expect("draw");
}

pub fn screen(app: &App) -> &IntakeScreen {
    match &app.screen {
        Screen::Intake(s) => s,
        Screen::Home(_) => panic!("expected the intake screen, found home"),
    }
}

/// The section and question (form ids) the focus is on.
pub fn at(app: &App) -> (String, String) {
    let s = screen(app);
    let q = s
        .focused()
        .map(|qi| s.question(qi).id.clone())
        .unwrap_or_default();
    (s.section_id().to_string(), q)
}

/// Opens intake `id` from the home list with the keyboard.
pub fn open(app: &mut App, id: i64) {
    for _ in 0..1000 {
        if let Screen::Intake(s) = &app.screen {
            assert_eq!(s.id, id);
            return;
        }
        let Screen::Home(h) = &app.screen else {
            unreachable!()
        };
        let cur = h.shown.get(h.selected).map(|&i| h.all[i].id);
        if cur == Some(id) {
            key(app, KeyCode::Enter);
        } else {
            key(app, KeyCode::Down);
        }
    }
    panic!("intake {id} not reached in the list");
}

/// Walks with PageDown/PageUp and Down/Up to `section.question`, as a user would.
pub fn goto(app: &mut App, section: &str, question: &str) {
    let form = screen(app).loaded.form.clone();
    let target = form
        .sections
        .iter()
        .position(|s| s.id == section)
        .expect("section in form");
    for _ in 0..50 {
        let cur = screen(app).section;
        if cur == target {
            break;
        }
        key(
            app,
            if cur < target {
                KeyCode::PageDown
            } else {
                KeyCode::PageUp
            },
        );
    }
    assert_eq!(
        at(app).0,
        section,
        "section {section} not reachable (hidden?)"
    );
    key(app, KeyCode::Home);
    for _ in 0..100 {
        if at(app).1 == question {
            return;
        }
        key(app, KeyCode::Down);
    }
    panic!(
        "question {section}.{question} not reachable; at {:?}",
        at(app)
    );
}

/// The text of a drawn screen, row by row.
pub fn screen_text(t: &Terminal<TestBackend>) -> String {
    buffer_text(t.backend().buffer())
}

/// The text of a buffer, row by row.
pub fn buffer_text(buf: &ratatui::buffer::Buffer) -> String {
    let w = buf.area.width as usize;
    buf.content()
        .chunks(w)
        .map(|row| row.iter().map(|c| c.symbol()).collect::<String>() + "\n")
        .collect()
}

/// The open intake's Probes screen.
pub fn probes_mut(app: &mut App) -> &mut intake::tui::probes::ProbesScreen {
    match &mut app.screen {
        Screen::Intake(s) => s.probes.as_mut().expect("the probes screen is open"),
        Screen::Home(_) => panic!("not on an intake"),
    }
}

/// Starts our measuring server on loopback; returns its address and the stop flag.
pub fn bandwidth_server() -> (String, std::sync::Arc<std::sync::atomic::AtomicBool>) {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let s = stop.clone();
    std::thread::spawn(move || {
        intake::probe::bandwidth::serve_on(listener, &Default::default(), &s)
    });
    (addr, stop)
}

#[path = "../common/pseudo.rs"]
pub mod pseudo;
pub mod tmux;
pub mod walk;

/// Home with three intakes of different modes, states and ages.
pub fn three_intakes(fx: &Fixture) -> (i64, i64, i64) {
    let a = fx.intake("Bakkerij Jansen", Mode::OnSite);
    let b = fx.intake("Tandartspraktijk De Vries", Mode::Online);
    let c = fx.intake("Fietsenmaker Öztürk & Zn.", Mode::SelfFilled);
    let mut ws = fx.ws();
    set(
        &mut ws,
        a,
        &[
            ("intake.contact_name", "Jan Jansen"),
            ("intake.contact_email", "jan@jansen.nl"),
            ("company.kvk", "12345678"),
        ],
    );
    ws.store
        .set_status(c, intake::store::Status::Complete)
        .unwrap();
    fx.set_times(a, "2026-03-02T09:15:00Z");
    fx.set_times(b, "2026-03-01T16:40:00Z");
    fx.set_times(c, "2026-02-20T11:00:00Z");
    (a, b, c)
}
