//! The whole `App` driven by the mouse, by key releases and pastes, and closed and opened
//! again: where the focus lands, what is typed where, what is kept. Drawn into ratatui's
//! TestBackend; the reopened screen is compared with an insta snapshot.

mod tui_util;

use crossterm::event::{Event, KeyCode};
use insta::assert_snapshot;
use intake::form::Lang;
use intake::store::Mode;
use intake::tui::app::Screen;
use serde_json::json;
use tui_util::*;

#[test]
fn mouse_selects_sections_questions_and_choices() {
    let fx = Fixture::new();
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    let mut t = term(120, 36);
    draw(&mut app, &mut t);
    // Click the sidebar row of "Bedrijf".
    let company = screen(&app)
        .loaded
        .form
        .sections
        .iter()
        .position(|s| s.id == "company")
        .unwrap();
    let (r, _) = *screen(&app)
        .sidebar_rows
        .iter()
        .find(|(_, s)| *s == company)
        .unwrap();
    click(&mut app, r.x + 3, r.y);
    assert_eq!(at(&app).0, "company");
    draw(&mut app, &mut t);
    // Click the question "Branche": the first click focuses, the second opens the picker.
    let pos = screen(&app)
        .rows()
        .iter()
        .position(|&q| screen(&app).question(q).id == "sector")
        .unwrap();
    let (r, _) = *screen(&app)
        .question_rows
        .iter()
        .find(|(_, p)| *p == pos)
        .unwrap();
    click(&mut app, r.x + 4, r.y);
    assert_eq!(at(&app), ("company".into(), "sector".into()));
    draw(&mut app, &mut t);
    let (r, _) = *screen(&app)
        .question_rows
        .iter()
        .find(|(_, p)| *p == pos)
        .unwrap();
    click(&mut app, r.x + 4, r.y);
    assert!(
        screen(&app).picker.is_some(),
        "second click opens the picker"
    );
    draw(&mut app, &mut t);
    // Click the fourth choice (construction).
    let (r, _) = *screen(&app)
        .choice_rows
        .iter()
        .find(|(_, c)| *c == 3)
        .unwrap();
    click(&mut app, r.x + 6, r.y);
    assert_eq!(
        app.ws.store.answers(id).unwrap().get("company.sector"),
        Some(&json!("construction"))
    );
    assert!(matches!(app.screen, Screen::Intake(_)));
}

#[test]
fn q_types_in_a_field_and_quits_outside() {
    let fx = Fixture::new();
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    goto(&mut app, "intake", "contact_name");
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "qq?L");
    assert!(!app.quit && !app.show_help && app.lang == Lang::Nl);
    assert_eq!(screen(&app).editor.as_ref().unwrap().input.value(), "qq?L");
    key(&mut app, KeyCode::Esc);
    chr(&mut app, 'q');
    assert!(app.quit);
    // Ctrl-C quits from anywhere, also while typing.
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    key(&mut app, KeyCode::Enter);
    ctrl(&mut app, 'c');
    assert!(app.quit);
}

#[test]
fn key_release_events_are_ignored() {
    use crossterm::event::{KeyEvent, KeyEventKind, KeyModifiers};
    let fx = Fixture::new();
    let mut app = fx.app(Lang::Nl);
    let mut release = KeyEvent::new(KeyCode::Char('q'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    app.handle_event(Event::Key(release));
    assert!(!app.quit, "a key release must not act");
    chr(&mut app, 'n');
    let mut repeat = KeyEvent::new(KeyCode::Char('x'), KeyModifiers::NONE);
    repeat.kind = KeyEventKind::Repeat;
    app.handle_event(Event::Key(repeat));
    let Screen::Home(h) = &app.screen else {
        panic!("home")
    };
    assert_eq!(h.dialog.as_ref().unwrap().name.value(), "");
}

#[test]
fn reopening_returns_to_the_question_and_draft() {
    let fx = Fixture::new();
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    {
        let mut app = fx.app(Lang::Nl);
        open(&mut app, id);
        goto(&mut app, "company", "city");
        key(&mut app, KeyCode::Enter);
        typ(&mut app, "Utre");
        // Dropped without quitting, as after a kill.
    }
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    assert_eq!(at(&app), ("company".into(), "city".into()));
    assert_eq!(
        screen(&app)
            .editor
            .as_ref()
            .map(|e| e.input.value().to_string()),
        Some("Utre".into())
    );
    let mut t = term(120, 36);
    draw(&mut app, &mut t);
    assert_snapshot!("reopened_with_draft", t.backend());
}

#[test]
fn paste_arrives_as_one_insert() {
    let fx = Fixture::new();
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    goto(&mut app, "company", "iban");
    app.handle_event(Event::Paste("NL91 ABNA 0417 1643 00\n".into()));
    assert_eq!(
        screen(&app)
            .editor
            .as_ref()
            .map(|e| e.input.value().to_string()),
        Some("NL91 ABNA 0417 1643 00".into()),
        "the paste opens the editor; control characters are dropped"
    );
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.ws.store.answers(id).unwrap().get("company.iban"),
        Some(&json!("NL91ABNA0417164300"))
    );
}

#[test]
fn home_click_selects_then_opens() {
    let fx = Fixture::new();
    let (_, b, _) = three_intakes(&fx);
    let mut app = fx.app(Lang::Nl);
    let mut t = term(110, 16);
    draw(&mut app, &mut t);
    let Screen::Home(h) = &app.screen else {
        panic!("home")
    };
    let row = h.list_top + 1;
    click(&mut app, 10, row);
    let Screen::Home(h) = &app.screen else {
        panic!("home")
    };
    assert_eq!(h.selected, 1);
    click(&mut app, 10, row);
    assert_eq!(screen(&app).id, b);
}

#[test]
fn quitting_keeps_the_position() {
    let fx = Fixture::new();
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    goto(&mut app, "workstations", "apple");
    chr(&mut app, 'q');
    assert!(app.quit);
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    assert_eq!(at(&app), ("workstations".into(), "apple".into()));
    // Esc back to the list keeps it too.
    goto(&mut app, "company", "city");
    key(&mut app, KeyCode::Esc);
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    assert_eq!(at(&app), ("company".into(), "city".into()));
}
