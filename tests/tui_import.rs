//! Importing a bundle in the TUI (issue 14): the file-name dialog and its errors, an
//! encrypted bundle's passphrase, the preview of a merge, the conflict screen, the
//! result. A bundle is exported, changed on both sides (the customer's side is a second
//! database), and read back through the keys of the real `App`.

mod tui_util;

use crossterm::event::KeyCode;
use insta::assert_snapshot;
use intake::form::Lang;
use intake::store::{Bundle, Mode};
use intake::tui::App;
use intake::tui::app::Screen;
use intake::tui::import::{ImportFlow, Stage};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use tui_util::import::returned_bundle;
use tui_util::*;

fn flow(app: &App) -> &ImportFlow {
    match &app.screen {
        Screen::Home(h) => h.import.as_deref().expect("the import is open"),
        Screen::Intake(_) => panic!("on an intake, not the import"),
    }
}

/// The message the import shows (an error or a notice); empty when none.
fn note_text(app: &App) -> String {
    flow(app)
        .note
        .as_ref()
        .map(|n| n.text.clone())
        .unwrap_or_default()
}

fn stage(app: &App) -> Stage {
    flow(app).stage
}

/// `i`, the file name, Enter.
fn start_import(app: &mut App, file: &Path) {
    chr(app, 'i');
    assert_eq!(stage(app), Stage::Path);
    typ(app, &file.display().to_string());
    key(app, KeyCode::Enter);
}

/// Answers and history of intake `id`: what must not change when nothing is written.
fn state(app: &App, id: i64) -> (Value, Value) {
    let answers = serde_json::to_value(app.ws.store.answers(id).unwrap()).unwrap();
    let history = app
        .ws
        .store
        .history(id, None)
        .unwrap()
        .into_iter()
        .map(|h| {
            json!([
                h.key,
                h.old,
                h.new,
                h.changed_at.unix_timestamp(),
                h.changed_by
            ])
        })
        .collect();
    (answers, history)
}

/// The database files (and WAL) as bytes.
fn db_bytes(fx: &Fixture) -> Vec<(String, Vec<u8>)> {
    let mut out = vec![];
    for ext in ["", "-wal"] {
        let p = PathBuf::from(format!("{}{ext}", fx.db.display()));
        out.push((ext.to_string(), std::fs::read(&p).unwrap_or_default()));
    }
    out
}

fn drawn(app: &mut App, w: u16, h: u16) -> String {
    let mut t = term(w, h);
    draw(app, &mut t);
    screen_text(&t)
}

#[test]
fn conflicts_chosen_per_row_are_exactly_what_the_store_holds() {
    let fx = Fixture::new();
    let (id, file) = returned_bundle(&fx);
    let mut app = fx.app(Lang::Nl);
    let (_, history_before) = state(&app, id);
    start_import(&mut app, &file);
    assert_eq!(stage(&app), Stage::Preview, "{:?}", flow(&app).note);
    assert_snapshot!("import_preview", drawn(&mut app, 80, 24));

    key(&mut app, KeyCode::Enter);
    assert_eq!(stage(&app), Stage::Conflicts);
    // Rows in form order: company.sector, locations[1].workstations, planning.go_live.
    chr(&mut app, 'o');
    assert_snapshot!("import_conflicts_one_chosen", drawn(&mut app, 80, 24));
    // Enter with rows undecided says so and goes to the first one.
    key(&mut app, KeyCode::Enter);
    assert_eq!(stage(&app), Stage::Conflicts);
    assert!(
        note_text(&app).contains("Nog 2 conflicten"),
        "{:?}",
        flow(&app).note
    );
    assert_eq!(flow(&app).merge.as_ref().unwrap().selected, 1);
    chr(&mut app, 't');
    chr(&mut app, 't');
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        stage(&app),
        Stage::Confirm(intake::tui::import::Confirm::Merge)
    );
    // `j` (down elsewhere) is no: back to the conflicts, nothing written.
    chr(&mut app, 'j');
    assert_eq!(stage(&app), Stage::Conflicts);
    assert_eq!(state(&app, id).1, history_before);
    key(&mut app, KeyCode::Enter);
    chr(&mut app, 'y');
    assert_eq!(stage(&app), Stage::Done, "{:?}", flow(&app).note);
    assert_snapshot!("import_result", drawn(&mut app, 80, 24));

    let answers = app.ws.store.answers(id).unwrap();
    let get = |k: &str| answers.get(k).cloned().unwrap_or(Value::Null);
    assert_eq!(get("company.sector"), json!("trade"), "ours chosen");
    assert_eq!(get("locations[1].workstations"), json!(10), "theirs chosen");
    assert_eq!(
        get("planning.go_live"),
        json!("2027-03-15"),
        "theirs chosen"
    );
    assert_eq!(get("company.city"), json!("Amersfoort"), "taken");
    assert_eq!(get("intake.contact_name"), json!("Jan de Vries"), "taken");
    assert_eq!(get("company.postcode"), json!("3512 BB"), "kept");
    // The values given up stay in the history.
    let history = app.ws.store.history(id, None).unwrap();
    let had = |k: &str, v: Value| {
        history
            .iter()
            .any(|h| h.key == k && h.new == Some(v.clone()))
    };
    assert!(
        had("company.sector", json!("healthcare")),
        "their sector kept in history"
    );
    assert!(
        had("planning.go_live", json!("2027-02-01")),
        "our date kept in history"
    );
    assert!(had("planning.go_live", json!("2027-03-15")));
    // The list shows it at once (read again), and the intake opens on the merged answers.
    key(&mut app, KeyCode::Enter);
    let s = screen(&app);
    assert_eq!(s.id, id);
    assert_eq!(
        s.loaded
            .answers
            .get("company.city")
            .and_then(|v| v.as_str().map(String::from)),
        Some("Amersfoort".to_string())
    );
}

#[test]
fn esc_on_the_conflict_screen_writes_nothing() {
    let fx = Fixture::new();
    let (id, file) = returned_bundle(&fx);
    let mut app = fx.app(Lang::Nl);
    let before = state(&app, id);
    let bytes = db_bytes(&fx);
    start_import(&mut app, &file);
    key(&mut app, KeyCode::Enter);
    assert_eq!(stage(&app), Stage::Conflicts);
    chr(&mut app, 'T');
    key(&mut app, KeyCode::Esc);
    let Screen::Home(h) = &app.screen else {
        panic!("home")
    };
    assert!(h.import.is_none(), "Esc closes the import");
    assert_eq!(state(&app, id), before, "answers and history unchanged");
    assert!(db_bytes(&fx) == bytes, "the database files are unchanged");
    let status = app.status.as_ref().unwrap();
    assert!(status.text.contains("niets gewijzigd"), "{}", status.text);
}

#[test]
fn a_bundle_from_elsewhere_is_a_new_intake_and_as_new_asks_first() {
    let fx = Fixture::new();
    let (id, file) = returned_bundle(&fx);
    // Into a database that has never seen it: a new intake at once.
    let other = Fixture::new();
    let mut app = other.app(Lang::En);
    start_import(&mut app, &file);
    assert_eq!(stage(&app), Stage::Done, "{:?}", flow(&app).note);
    let new_id = flow(&app).result.as_ref().unwrap().id;
    assert_eq!(
        app.ws.store.answers(new_id).unwrap()["company.city"],
        json!("Amersfoort")
    );
    let Screen::Home(h) = &app.screen else {
        panic!("home")
    };
    assert_eq!(h.all.len(), 1, "the list shows it at once");
    // Where it came from, `a` on the preview imports it beside the original, after `y`.
    let mut app = fx.app(Lang::Nl);
    start_import(&mut app, &file);
    chr(&mut app, 'a');
    key(&mut app, KeyCode::Enter); // not yes
    assert_eq!(stage(&app), Stage::Preview);
    assert_eq!(app.ws.store.list_intakes().unwrap().len(), 1);
    chr(&mut app, 'a');
    chr(&mut app, 'y');
    assert_eq!(stage(&app), Stage::Done);
    assert_eq!(app.ws.store.list_intakes().unwrap().len(), 2);
    assert_eq!(
        app.ws.store.answers(id).unwrap()["company.sector"],
        json!("trade")
    );
}

#[test]
fn errors_stay_in_the_dialog_and_nothing_is_written() {
    let fx = Fixture::new();
    let (id, file) = returned_bundle(&fx);
    let dir = fx.dir.path();
    let mut app = fx.app(Lang::Nl);
    let before = state(&app, id);
    let mask = |s: String| s.replace(&dir.display().to_string(), "<dir>");

    start_import(&mut app, &dir.join("weg.json"));
    assert_eq!(stage(&app), Stage::Path);
    assert_snapshot!("import_error_missing", mask(drawn(&mut app, 80, 24)));

    let mut check = |name: &str, bytes: &[u8], expect: &str, lang: Lang| {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        app.lang = lang;
        key(&mut app, KeyCode::Esc);
        start_import(&mut app, &p);
        assert_eq!(stage(&app), Stage::Path, "{name}");
        let note = flow(&app).note.clone().expect("an error");
        assert!(
            note.error && note.text.contains(expect),
            "{name}: {}",
            note.text
        );
    };
    check("notes.txt", b"boodschappen: brood", "notes.txt", Lang::Nl);
    check(
        "notes.json",
        b"{\"format\": \"iets anders\"}",
        "notes.json",
        Lang::En,
    );
    let mut big = b"{\"a\":\"".to_vec();
    big.resize(intake::store::bundle::MAX_BUNDLE_BYTES + 1, b'x');
    check("big.json", &big, "big.json", Lang::En);
    // A bundle of a form this program does not know.
    let mut b: Bundle = serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    b.intake.form_id = "kapsalon-intake".into();
    let wrong = serde_json::to_vec(&b).unwrap();
    check("kapsalon.json", &wrong, "kapsalon-intake", Lang::Nl);
    assert_eq!(state(&app, id), before);
    assert_eq!(app.ws.store.list_intakes().unwrap().len(), 1);
}

#[test]
fn an_encrypted_bundle_asks_its_passphrase_again_when_wrong() {
    let fx = Fixture::new();
    let (id, file) = returned_bundle(&fx);
    let plain = std::fs::read(&file).unwrap();
    let sealed = intake::crypt::bundle::encrypt(&plain, "brood en banket").unwrap();
    let age = fx.dir.path().join("jansen.age");
    std::fs::write(&age, sealed).unwrap();
    let mut app = fx.app(Lang::Nl);
    let before = state(&app, id);
    start_import(&mut app, &age);
    assert_eq!(stage(&app), Stage::Passphrase);
    typ(&mut app, "taart");
    let shown = drawn(&mut app, 80, 24);
    assert!(
        shown.contains("•••••") && !shown.contains("taart"),
        "{shown}"
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(stage(&app), Stage::Passphrase, "asked again");
    assert!(note_text(&app).contains("verkeerde wachtwoordzin"));
    assert!(flow(&app).secret.is_empty(), "the wrong passphrase is gone");
    let dir = fx.dir.path().display().to_string();
    assert_snapshot!(
        "import_passphrase_wrong",
        drawn(&mut app, 80, 24).replace(&dir, "<dir>")
    );
    assert_eq!(state(&app, id), before);
    // Pasted, as from a password manager.
    app.handle_event(crossterm::event::Event::Paste("brood en banket\n".into()));
    key(&mut app, KeyCode::Enter);
    assert_eq!(stage(&app), Stage::Preview, "{:?}", flow(&app).note);
}

#[test]
fn the_dialog_as_it_opens() {
    let fx = Fixture::new();
    fx.intake("Bakkerij Jansen", Mode::OnSite);
    let mut app = fx.app(Lang::Nl);
    chr(&mut app, 'i');
    typ(&mut app, "~/Downloads/jansen-terug.json");
    assert_snapshot!("import_dialog", drawn(&mut app, 80, 24));
    // `q` and `?` are typed into the name, not acted on.
    typ(&mut app, "q?");
    assert!(!app.quit && !app.show_help);
    assert!(flow(&app).path.value().ends_with("q?"));
}

#[test]
fn without_colour_the_cursor_and_the_choice_still_show() {
    use ratatui::style::{Color, Modifier};
    let fx = Fixture::new();
    let (_, file) = returned_bundle(&fx);
    let mut app = fx.app_with(Lang::Nl, intake::tui::theme::Theme { color: false });
    start_import(&mut app, &file);
    key(&mut app, KeyCode::Enter);
    chr(&mut app, 't');
    let mut t = term(80, 24);
    draw(&mut app, &mut t);
    let buf = t.backend().buffer();
    let text = screen_text(&t);
    let row = text
        .lines()
        .position(|l| l.contains("▶ Locatie 1"))
        .expect("the cursor's row") as u16;
    let cell = &buf[(3, row)];
    assert!(cell.modifier.contains(Modifier::REVERSED), "{cell:?}");
    assert!(
        buf.content()
            .iter()
            .all(|c| c.fg == Color::Reset && c.bg == Color::Reset)
    );
    // The choice made shows as a mark, not a colour.
    assert!(
        text.contains("[✓ bestand]") && text.contains("● t bestand:"),
        "{text}"
    );
}

#[test]
fn a_change_made_elsewhere_before_y_is_shown_first_and_nothing_is_written() {
    let fx = Fixture::new();
    let (id, file) = returned_bundle(&fx);
    let mut app = fx.app(Lang::Nl);
    start_import(&mut app, &file);
    key(&mut app, KeyCode::Enter);
    chr(&mut app, 'T');
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        stage(&app),
        Stage::Confirm(intake::tui::import::Confirm::Merge)
    );
    // Another process puts the sector back to its value at export: no conflict any more.
    set(&mut fx.ws(), id, &[("company.sector", "services")]);
    let before = state(&app, id);
    chr(&mut app, 'y');
    assert_eq!(stage(&app), Stage::Conflicts);
    assert!(
        note_text(&app).contains("intussen elders gewijzigd"),
        "{}",
        note_text(&app)
    );
    assert_eq!(state(&app, id), before, "nothing written");
    let m = flow(&app).merge.as_ref().unwrap();
    assert_eq!(m.rows.len(), 2, "the sector is no conflict now");
    assert!(
        m.rows.iter().all(|r| r.side.is_some()),
        "unchanged conflicts keep their choice"
    );
    key(&mut app, KeyCode::Enter);
    chr(&mut app, 'y');
    assert_eq!(stage(&app), Stage::Done, "{}", note_text(&app));
    let answers = app.ws.store.answers(id).unwrap();
    assert_eq!(
        answers["company.sector"],
        json!("healthcare"),
        "taken from the file now"
    );
    assert_eq!(answers["planning.go_live"], json!("2027-03-15"));
}

#[test]
fn tab_completes_the_file_name() {
    let fx = Fixture::new();
    let (_, file) = returned_bundle(&fx);
    std::fs::write(fx.dir.path().join("jansen.age"), "").unwrap();
    let mut app = fx.app(Lang::Nl);
    chr(&mut app, 'i');
    typ(&mut app, &format!("{}/ja", fx.dir.path().display()));
    key(&mut app, KeyCode::Tab);
    assert!(flow(&app).path.value().ends_with("/jansen."));
    assert!(
        note_text(&app).contains("2 namen passen: jansen.age  jansen.json"),
        "{}",
        note_text(&app)
    );
    typ(&mut app, "j");
    key(&mut app, KeyCode::Tab);
    assert_eq!(flow(&app).path.value(), file.display().to_string());
    key(&mut app, KeyCode::Enter);
    assert_eq!(stage(&app), Stage::Preview, "{}", note_text(&app));
}

#[test]
fn many_conflicts_scroll_with_the_cursor_in_a_small_terminal() {
    let fx = Fixture::new();
    let id = fx.intake("Kantoor Groot", Mode::OnSite);
    let mut ws = fx.ws();
    let names = |who: &str| -> Vec<(String, String)> {
        (1..=12)
            .map(|n| (format!("users[{n}].name"), format!("{who} {n}")))
            .collect()
    };
    let set_all = |ws: &mut intake::workspace::Workspace, id: i64, who: &str| {
        let pairs = names(who);
        let pairs: Vec<(&str, &str)> = pairs
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        set(ws, id, &pairs);
    };
    set_all(&mut ws, id, "Begin");
    let sent = ws.store.export_bundle(id).unwrap();
    let theirs = Fixture::new();
    let mut their_ws = theirs.ws();
    let their_id = their_ws.import_bundle(&sent).unwrap();
    set_all(&mut their_ws, their_id, "Klant");
    let back = their_ws.store.export_bundle(their_id).unwrap();
    let file = tui_util::import::write_bundle(fx.dir.path(), "groot.json", back);
    set_all(&mut ws, id, "Hier");
    let mut app = fx.app(Lang::Nl);
    start_import(&mut app, &file);
    // The preview scrolls to its last line.
    for _ in 0..40 {
        key(&mut app, KeyCode::Down);
    }
    let shown = drawn(&mut app, 60, 16);
    assert!(shown.contains("Gebruiker 12: Naam"), "{shown}");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::End);
    let shown = drawn(&mut app, 60, 16);
    assert!(shown.contains("▶ Gebruiker 12: Naam"), "{shown}");
    assert!(
        shown.contains("Hier 12") && shown.contains("Klant 12"),
        "{shown}"
    );
    key(&mut app, KeyCode::Home);
    let shown = drawn(&mut app, 60, 16);
    assert!(shown.contains("▶ Gebruiker 1: Naam"), "{shown}");
    assert!(!shown.contains("Gebruiker 12"), "{shown}");
    // The rows come in the form's order: entry 2 after entry 1, not after 19.
    key(&mut app, KeyCode::Down);
    assert!(drawn(&mut app, 60, 16).contains("▶ Gebruiker 2: Naam"));
    // The wheel moves the cursor too.
    use crossterm::event::{Event, KeyModifiers, MouseEvent, MouseEventKind};
    app.handle_event(Event::Mouse(MouseEvent {
        kind: MouseEventKind::ScrollDown,
        column: 5,
        row: 5,
        modifiers: KeyModifiers::NONE,
    }));
    assert_eq!(flow(&app).merge.as_ref().unwrap().selected, 2);
}
