//! Screen tests: the whole `App` driven with key and mouse events on a real workspace,
//! drawn into ratatui's TestBackend and compared with insta snapshots
//! (`tests/snapshots/`). Dates and times are fixed, so the snapshots are stable.

mod tui_util;

use crossterm::event::{Event, KeyCode};
use insta::assert_snapshot;
use intake::form::Lang;
use intake::store::Mode;
use intake::tui::app::Screen;
use intake::tui::theme::Theme;
use ratatui::layout::Position;
use ratatui::style::{Color, Modifier};
use serde_json::json;
use tui_util::*;

/// Home with three intakes of different modes, states and ages.
fn three_intakes(fx: &Fixture) -> (i64, i64, i64) {
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

#[test]
fn review_lists_missing_and_errors() {
    let fx = Fixture::new();
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    let mut ws = fx.ws();
    set(
        &mut ws,
        id,
        &[
            ("intake.contact_name", "Jan Jansen"),
            ("company.kvk", "12345678"),
        ],
    );
    // Valid when given, in the past now.
    set_raw(&mut ws, id, "planning.go_live", json!("2026-01-15"));
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    chr(&mut app, 'r');
    key(&mut app, KeyCode::Down);
    let mut t = term(120, 30);
    draw(&mut app, &mut t);
    assert_snapshot!("review", t.backend());
    // Completing is refused while things are open.
    chr(&mut app, 'c');
    assert_eq!(
        app.ws.store.intake(id).unwrap().status,
        intake::store::Status::Draft
    );
    // Enter jumps to the question.
    key(&mut app, KeyCode::Enter);
    assert_eq!(at(&app), ("company".into(), "postcode".into()));
}

#[test]
fn help_overlay_lists_keys() {
    let fx = Fixture::new();
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    chr(&mut app, '?');
    let mut t = term(100, 40);
    draw(&mut app, &mut t);
    assert_snapshot!("help_overlay", t.backend());
    // In a short terminal the overview scrolls.
    let mut small = term(80, 20);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    draw(&mut app, &mut small);
    assert_snapshot!("help_overlay_scrolled", small.backend());
    chr(&mut app, 'x');
    assert!(!app.show_help);
}

#[test]
fn english_with_l() {
    let fx = Fixture::new();
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    goto(&mut app, "company", "kvk");
    chr(&mut app, 'L');
    let mut t = term(120, 36);
    draw(&mut app, &mut t);
    assert_snapshot!("english", t.backend());
}

/// The language chosen with `L` is the next run's language, unless `--lang` says otherwise.
#[test]
fn the_language_chosen_with_l_is_remembered() {
    let fx = Fixture::new();
    assert_eq!(intake::tui::start_language(&fx.ws(), None), Lang::Nl);
    let mut app = fx.app(Lang::Nl);
    chr(&mut app, 'L');
    drop(app);
    assert_eq!(intake::tui::start_language(&fx.ws(), None), Lang::En);
    assert_eq!(
        intake::tui::start_language(&fx.ws(), Some(Lang::Nl)),
        Lang::Nl
    );
    let mut app = fx.app(Lang::En);
    chr(&mut app, 'L');
    drop(app);
    assert_eq!(intake::tui::start_language(&fx.ws(), None), Lang::Nl);
}

#[test]
fn small_terminal_says_so() {
    let fx = Fixture::new();
    let mut app = fx.app(Lang::Nl);
    let mut t = term(40, 10);
    draw(&mut app, &mut t);
    assert_snapshot!("small_terminal", t.backend());
}

#[test]
fn resize_redraws_in_the_narrow_layout() {
    let fx = Fixture::new();
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    goto(&mut app, "company", "billing_email");
    let mut t = term(120, 36);
    draw(&mut app, &mut t);
    // A resize event changes no state; the next draw uses the new size.
    app.handle_event(Event::Resize(80, 24));
    t.backend_mut().resize(80, 24);
    draw(&mut app, &mut t);
    assert_snapshot!("narrow_80x24", t.backend());
}

#[test]
fn self_filled_mode_leaves_out_specialist_questions() {
    let fx = Fixture::new();
    let id = fx.intake("Kapsalon Knip", Mode::SelfFilled);
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    let mut t = term(120, 36);
    draw(&mut app, &mut t);
    assert_snapshot!("self_filled", t.backend());
    let s = screen(&app);
    let visible: Vec<&str> = s
        .visible_sections()
        .iter()
        .map(|&i| s.loaded.form.sections[i].id.as_str())
        .collect();
    assert!(
        !visible.contains(&"site"),
        "on-site observations are for specialists: {visible:?}"
    );
    let rows: Vec<&str> = s
        .rows()
        .iter()
        .map(|&q| s.question(q).id.as_str())
        .collect();
    assert!(!rows.contains(&"specialist"), "{rows:?}");
}

#[test]
fn no_color_theme_uses_modifiers_only() {
    let fx = Fixture::new();
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    let mut app = fx.app_with(Lang::Nl, Theme { color: false });
    open(&mut app, id);
    goto(&mut app, "company", "kvk");
    let mut t = term(120, 36);
    draw(&mut app, &mut t);
    assert_snapshot!("no_color", t.backend());
    let buf = t.backend().buffer();
    for cell in buf.content() {
        assert_eq!(
            (cell.fg, cell.bg),
            (Color::Reset, Color::Reset),
            "a colour under NO_COLOR at {:?}",
            cell.symbol()
        );
    }
    // The focused label is reverse video, so it stays visible without colour.
    let row = (0..buf.area.height)
        .find(|&y| {
            (0..buf.area.width)
                .map(|x| buf[(x, y)].symbol())
                .collect::<String>()
                .contains("▶ KvK")
        })
        .expect("focused row");
    assert!(
        buf[(28, row)].modifier.contains(Modifier::REVERSED),
        "focused label not reversed"
    );
}

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
