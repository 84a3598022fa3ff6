//! Screen tests: the whole `App` driven with key and mouse events on a real workspace,
//! drawn into ratatui's TestBackend and compared with insta snapshots
//! (`tests/snapshots/`). Dates and times are fixed, so the snapshots are stable.

mod tui_util;

use crossterm::event::KeyCode;
use insta::assert_snapshot;
use intake::form::Lang;
use intake::store::Mode;
use ratatui::layout::Position;
use serde_json::json;
use tui_util::*;

#[test]
fn home_empty_shows_welcome() {
    let fx = Fixture::new();
    let mut app = fx.app(Lang::Nl);
    let mut t = term(100, 24);
    draw(&mut app, &mut t);
    assert_snapshot!("home_empty", t.backend());
}

#[test]
fn home_lists_intakes_sorted_and_filtered() {
    let fx = Fixture::new();
    three_intakes(&fx);
    let mut app = fx.app(Lang::Nl);
    let mut t = term(110, 16);
    draw(&mut app, &mut t);
    assert_snapshot!("home_list", t.backend());
    // Sort by customer, then filter by typing.
    chr(&mut app, 's');
    chr(&mut app, 's');
    chr(&mut app, 's');
    chr(&mut app, '/');
    typ(&mut app, "vries");
    draw(&mut app, &mut t);
    assert_snapshot!("home_filtered", t.backend());
}

#[test]
fn home_new_intake_dialog() {
    let fx = Fixture::new();
    three_intakes(&fx);
    let mut app = fx.app(Lang::Nl);
    chr(&mut app, 'n');
    typ(&mut app, "Café 't Hoekje");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Right);
    key(&mut app, KeyCode::BackTab);
    let mut t = term(100, 20);
    draw(&mut app, &mut t);
    assert_snapshot!("home_new_dialog", t.backend());
    // The terminal cursor stands after the name ("Café 't Hoekje" is 14 columns).
    let r = t.get_frame().area();
    // The dialog spans the width, so it hides whole rows of the list behind it.
    let dialog_x = 0;
    // The dialog is 7 rows, centred above the status and key bars.
    t.backend_mut().assert_cursor_position(Position {
        x: dialog_x + 3 + 14,
        y: (r.height - 2 - 7) / 2 + 2,
    });
    key(&mut app, KeyCode::Enter);
    let s = screen(&app);
    assert_eq!(s.loaded.record.customer, "Café 't Hoekje");
    assert_eq!(s.mode(), Mode::Online);
}

#[test]
fn home_delete_asks_first() {
    let fx = Fixture::new();
    three_intakes(&fx);
    let mut app = fx.app(Lang::Nl);
    key(&mut app, KeyCode::Down);
    chr(&mut app, 'd');
    let mut t = term(100, 16);
    draw(&mut app, &mut t);
    assert_snapshot!("home_delete_confirm", t.backend());
    chr(&mut app, 'n');
    assert_eq!(
        app.ws.store.list_intakes().unwrap().len(),
        3,
        "n keeps the intake"
    );
    chr(&mut app, 'd');
    chr(&mut app, 'y');
    assert_eq!(
        app.ws.store.list_intakes().unwrap().len(),
        2,
        "y deletes it"
    );
}

#[test]
fn intake_text_editor_with_cursor() {
    let fx = Fixture::new();
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    goto(&mut app, "company", "address");
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "Dorpsstraat 12");
    key(&mut app, KeyCode::Left);
    key(&mut app, KeyCode::Left);
    let mut t = term(120, 36);
    draw(&mut app, &mut t);
    assert_snapshot!("intake_text_editor", t.backend());
    // Cursor before "12": sidebar 26 columns, indent 4, 12 characters typed before it.
    let y = screen(&app)
        .question_rows
        .iter()
        .find(|(_, p)| *p == screen(&app).focus)
        .unwrap()
        .0
        .y
        + 1;
    t.backend_mut()
        .assert_cursor_position(Position { x: 26 + 4 + 12, y });
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.ws.store.answers(id).unwrap().get("company.address"),
        Some(&json!("Dorpsstraat 12"))
    );
}

#[test]
fn intake_validation_error_while_typing() {
    let fx = Fixture::new();
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    goto(&mut app, "company", "postcode");
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "1234 A");
    let mut t = term(120, 36);
    draw(&mut app, &mut t);
    assert_snapshot!("intake_postcode_error", t.backend());
    // Enter on a bad value keeps the editor open and saves nothing.
    key(&mut app, KeyCode::Enter);
    assert!(screen(&app).editor.is_some());
    assert!(
        !app.ws
            .store
            .answers(id)
            .unwrap()
            .contains_key("company.postcode")
    );
    typ(&mut app, "B");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.ws.store.answers(id).unwrap().get("company.postcode"),
        Some(&json!("1234 AB"))
    );
}

#[test]
fn intake_number_with_unit_yes_no_and_warning() {
    let fx = Fixture::new();
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    let mut ws = fx.ws();
    set(
        &mut ws,
        id,
        &[
            ("locations[1].name", "Hoofdkantoor"),
            ("locations[1].workstations", "8"),
            ("locations[1].down_mbps", "100"),
            ("locations[1].up_mbps", "150"),
            ("locations[1].backup_link", "no"),
        ],
    );
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    goto(&mut app, "locations", "cabling_ok");
    chr(&mut app, 'y');
    goto(&mut app, "locations", "down_mbps");
    key(&mut app, KeyCode::Enter);
    let mut t = term(120, 36);
    draw(&mut app, &mut t);
    assert_snapshot!("intake_number_unit_yes_no", t.backend());
    assert_eq!(
        app.ws
            .store
            .answers(id)
            .unwrap()
            .get("locations[1].cabling_ok"),
        Some(&json!(true))
    );
}

#[test]
fn intake_single_choice_picker() {
    let fx = Fixture::new();
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    goto(&mut app, "company", "sector");
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    let mut t = term(120, 36);
    draw(&mut app, &mut t);
    assert_snapshot!("intake_single_choice_picker", t.backend());
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        app.ws.store.answers(id).unwrap().get("company.sector"),
        Some(&json!("healthcare"))
    );
    assert_eq!(
        at(&app),
        ("company".into(), "employees".into()),
        "a choice moves on to the next question"
    );
}

#[test]
fn intake_multi_choice_picker() {
    let fx = Fixture::new();
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    goto(&mut app, "workstations", "os");
    key(&mut app, KeyCode::Enter);
    chr(&mut app, ' ');
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    chr(&mut app, ' ');
    let mut t = term(120, 36);
    draw(&mut app, &mut t);
    assert_snapshot!("intake_multi_choice_picker", t.backend());
    key(&mut app, KeyCode::Enter);
    assert!(screen(&app).picker.is_none());
    assert_eq!(
        app.ws.store.answers(id).unwrap().get("workstations.os"),
        Some(&json!(["windows_11", "macos"]))
    );
}

#[test]
fn intake_date_and_calculated_values() {
    let fx = Fixture::new();
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    let mut ws = fx.ws();
    set(
        &mut ws,
        id,
        &[
            ("workstations.count", "12"),
            ("locations[1].name", "Hoofdkantoor"),
            ("locations[1].workstations", "8"),
            ("locations[2].name", "Magazijn"),
            ("locations[2].workstations", "4"),
            ("users[1].name", "Piet"),
        ],
    );
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    goto(&mut app, "planning", "go_live");
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "2099-06-01");
    key(&mut app, KeyCode::Enter);
    let mut t = term(120, 36);
    draw(&mut app, &mut t);
    assert_snapshot!("intake_date_calculated", t.backend());
    assert_eq!(
        app.ws.store.answers(id).unwrap().get("planning.go_live"),
        Some(&json!("2099-06-01"))
    );
}

#[test]
fn intake_note_is_shown_but_skipped() {
    let fx = Fixture::new();
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    let mut t = term(120, 36);
    draw(&mut app, &mut t);
    assert_snapshot!("intake_note", t.backend());
    // The first item of the section is a note: the focus starts on the question after it.
    assert_eq!(at(&app), ("intake".into(), "mode".into()));
    key(&mut app, KeyCode::Up);
    assert_eq!(
        at(&app),
        ("intake".into(), "mode".into()),
        "Up does not land on the note"
    );
}

#[test]
fn repeat_group_entries_and_remove_confirmation() {
    let fx = Fixture::new();
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    let mut ws = fx.ws();
    set(
        &mut ws,
        id,
        &[
            ("locations[1].name", "Hoofdkantoor"),
            ("locations[1].workstations", "8"),
            ("locations[2].name", "Magazijn"),
            ("locations[2].workstations", "4"),
        ],
    );
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    goto(&mut app, "locations", "name");
    chr(&mut app, 'a');
    typ(&mut app, "e");
    typ(&mut app, "Winkel");
    key(&mut app, KeyCode::Enter);
    let mut t = term(120, 36);
    draw(&mut app, &mut t);
    assert_snapshot!("repeat_group_three_entries", t.backend());
    assert_eq!(
        app.ws.store.answers(id).unwrap().get("locations[3].name"),
        Some(&json!("Winkel"))
    );
    // Remove the second entry: ask first; n keeps it, y removes it and the third moves up.
    chr(&mut app, '[');
    chr(&mut app, 'x');
    draw(&mut app, &mut t);
    assert_snapshot!("repeat_group_remove_confirm", t.backend());
    chr(&mut app, 'n');
    assert_eq!(
        app.ws.store.answers(id).unwrap().get("locations[2].name"),
        Some(&json!("Magazijn"))
    );
    chr(&mut app, 'x');
    chr(&mut app, 'y');
    let answers = app.ws.store.answers(id).unwrap();
    assert_eq!(answers.get("locations[2].name"), Some(&json!("Winkel")));
    assert!(!answers.contains_key("locations[3].name"));
}
