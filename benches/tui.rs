//! TUI timings: start-up to the first drawn frame with 1,000 intakes in the database,
//! and keystrokes in the intake screen (typing in an editor; saving an answer, which
//! re-evaluates the form). Figures only, no thresholds: `cargo bench --bench tui`.
//! Aims (issue 5): start-up < 100 ms, a keystroke well within a 16 ms frame.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use intake::form::Lang;
use intake::store::Mode;
use intake::tui::App;
use intake::tui::theme::Theme;
use intake::workspace::Workspace;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use std::time::{Duration, Instant};
use time::macros::date;

const INTAKES: usize = 1000;

/// The database is encrypted (SQLCipher) as every real one is; a raw key, as from a key
/// file or the OS keyring. `INTAKE_BENCH_PLAIN=1` runs on a plain file instead, to see what
/// the encryption costs.
fn bench_key() -> Option<intake::store::DbKey> {
    std::env::var_os("INTAKE_BENCH_PLAIN")
        .is_none()
        .then(|| intake::store::DbKey::from_secret(&"5a".repeat(32)).expect("key"))
}

fn key(app: &mut App, code: KeyCode) {
    app.handle_event(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

/// A database with `INTAKES` intakes, each with a dozen answers and two locations.
fn build_db(path: &Path) {
    let mut ws = Workspace::open_with(path, bench_key().as_ref()).expect("open");
    let modes = [Mode::OnSite, Mode::Online, Mode::SelfFilled];
    for i in 0..INTAKES {
        let id = ws
            .new_intake(&format!("Klant {i:04} B.V."), modes[i % 3], None)
            .expect("new");
        let pairs: Vec<(String, String)> = [
            ("intake.contact_name", format!("Contact {i}")),
            ("intake.contact_email", format!("c{i}@klant.nl")),
            ("company.kvk", format!("{:08}", 10_000_000 + i)),
            ("company.postcode", "1234 AB".into()),
            ("company.billing_email", format!("factuur{i}@klant.nl")),
            ("workstations.count", format!("{}", 6 + i % 20)),
            ("workstations.workload", "medium".into()),
            ("workstations.os", "windows_11,windows_10".into()),
            ("locations[1].name", "Hoofdkantoor".into()),
            ("locations[1].workstations", "6".into()),
            ("locations[2].name", "Magazijn".into()),
            ("users[1].name", format!("Gebruiker {i}")),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect();
        ws.set_answers(id, &pairs).expect("answers");
    }
}

fn stats(name: &str, mut d: Vec<Duration>) {
    d.sort();
    let ms = |x: Duration| x.as_secs_f64() * 1000.0;
    let p = |q: f64| d[((d.len() - 1) as f64 * q).round() as usize];
    println!(
        "{name:<58} n={:<4} median {:>7.3} ms   p90 {:>7.3} ms   max {:>7.3} ms",
        d.len(),
        ms(p(0.5)),
        ms(p(0.9)),
        ms(*d.last().unwrap())
    );
}

fn main() {
    // INTAKE_BENCH_DB keeps the database (built once) for timing the real binary too:
    // `INTAKE_BENCH_DB=/tmp/bench.db cargo bench --bench tui`, then `intake --db /tmp/bench.db`.
    let dir = tempfile::tempdir().expect("tempdir");
    let db = std::env::var_os("INTAKE_BENCH_DB")
        .map(std::path::PathBuf::from)
        .unwrap_or_else(|| dir.path().join("bench.db"));
    if !db.exists() {
        let t0 = Instant::now();
        build_db(&db);
        println!(
            "built {INTAKES} intakes in {:.1} s",
            t0.elapsed().as_secs_f64()
        );
    }
    let today = date!(2026 - 03 - 02);

    // Start-up: open the database, build the app (the home list), draw the first frame.
    let db_key = bench_key();
    let mut startup = Vec::new();
    let mut parts = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..30 {
        let t = Instant::now();
        let ws = Workspace::open_with(&db, db_key.as_ref()).expect("open");
        let t_open = t.elapsed();
        let mut app = App::new(ws, Lang::Nl, Theme { color: true }, today).expect("app");
        let t_app = t.elapsed();
        let mut term = Terminal::new(TestBackend::new(120, 40)).expect("term");
        term.draw(|f| app.draw(f)).expect("draw");
        let total = t.elapsed();
        startup.push(total);
        parts.0.push(t_open);
        parts.1.push(t_app - t_open);
        parts.2.push(total - t_app);
    }
    stats("start-up to first frame (1,000 intakes, 120x40)", startup);
    stats("  Workspace::open", parts.0);
    stats("  App::new (home list)", parts.1);
    stats("  first draw", parts.2);

    // The intake screen: open the newest intake on the company page.
    let ws = Workspace::open_with(&db, db_key.as_ref()).expect("open");
    let mut app = App::new(ws, Lang::Nl, Theme { color: true }, today).expect("app");
    let mut term = Terminal::new(TestBackend::new(120, 40)).expect("term");
    let t = Instant::now();
    key(&mut app, KeyCode::Enter);
    term.draw(|f| app.draw(f)).expect("draw");
    stats("open an intake + draw", vec![t.elapsed()]);
    key(&mut app, KeyCode::PageDown);
    // Focus "Adres" (company.address, a text question) and open its editor.
    for _ in 0..3 {
        key(&mut app, KeyCode::Down);
    }
    key(&mut app, KeyCode::Enter);

    // Typing: each character is checked, saved as a draft and drawn.
    let mut typing = Vec::new();
    for i in 0..300 {
        let c = if i % 40 == 39 {
            KeyCode::Backspace
        } else {
            KeyCode::Char((b'a' + (i % 26) as u8) as char)
        };
        let t = Instant::now();
        key(&mut app, c);
        term.draw(|f| app.draw(f)).expect("draw");
        typing.push(t.elapsed());
    }
    stats("keystroke in an editor (check + draft save + draw)", typing);

    // Saving: Enter commits the answer (store, re-evaluate, draw). Outside the timing,
    // Up and Enter reopen the editor and Ctrl-U empties it for the next value.
    let mut saving = Vec::new();
    for i in 0..60 {
        app.handle_event(Event::Key(KeyEvent::new(
            KeyCode::Char('u'),
            KeyModifiers::CONTROL,
        )));
        for c in format!("Dorpsstraat {i}").chars() {
            key(&mut app, KeyCode::Char(c));
        }
        let t = Instant::now();
        key(&mut app, KeyCode::Enter);
        term.draw(|f| app.draw(f)).expect("draw");
        saving.push(t.elapsed());
        key(&mut app, KeyCode::Up);
        key(&mut app, KeyCode::Enter);
    }
    let saved = app.ws.store.answers(1000).expect("answers");
    assert_eq!(
        saved.get("company.address"),
        Some(&serde_json::json!("Dorpsstraat 59")),
        "the saves happened"
    );
    stats("answer saved (store + re-evaluate + draw)", saving);

    // Where a save's time goes: loading the intake and evaluating the form (a save
    // does each twice: once in the workspace to check and store the progress, once in
    // the screen to redraw), the rest is SQLite writes.
    let (mut loads, mut evals) = (Vec::new(), Vec::new());
    for _ in 0..60 {
        let t = Instant::now();
        let loaded = app.ws.load(1000).expect("load");
        loads.push(t.elapsed());
        let t = Instant::now();
        std::hint::black_box(loaded.evaluate(today));
        evals.push(t.elapsed());
    }
    stats("  Workspace::load of one intake", loads);
    stats("  form evaluation", evals);

    // Moving between questions and sections.
    let mut moving = Vec::new();
    key(&mut app, KeyCode::Esc);
    for i in 0..200 {
        let code = if i % 20 < 10 {
            KeyCode::Down
        } else {
            KeyCode::PageDown
        };
        let t = Instant::now();
        key(&mut app, code);
        term.draw(|f| app.draw(f)).expect("draw");
        moving.push(t.elapsed());
    }
    stats("focus / section move + draw", moving);

    // Pasting: 100 KB and 1 MB into the address field (bracketed paste arrives as one
    // event). The editor keeps what fits the question (200 characters) and says how
    // much was left out; the time is the one pass over the pasted text, the check,
    // the draft save and the draw.
    let ws = Workspace::open_with(&db, db_key.as_ref()).expect("open");
    let mut app = App::new(ws, Lang::Nl, Theme { color: true }, today).expect("app");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::PageDown);
    for _ in 0..3 {
        key(&mut app, KeyCode::Down);
    }
    for (name, size) in [
        ("paste 100 KB into an editor (+ draw)", 100 * 1024),
        ("paste 1 MB into an editor (+ draw)", 1024 * 1024),
    ] {
        let text = "Dorpsstraat 1 ".repeat(size / 14);
        let mut pasting = Vec::new();
        for _ in 0..10 {
            app.handle_event(Event::Key(KeyEvent::new(
                KeyCode::Char('u'),
                KeyModifiers::CONTROL,
            )));
            let t = Instant::now();
            app.handle_event(Event::Paste(text.clone()));
            term.draw(|f| app.draw(f)).expect("draw");
            pasting.push(t.elapsed());
        }
        stats(name, pasting);
    }
}
