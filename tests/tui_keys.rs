//! The TUI's keys and editors (issue 16) and its data-safety points (issue 14): one
//! rule for every editor, Enter on yes/no, confirm keys, jumps, the review with
//! warnings, the trash, a paste of a megabyte, changes made by another process.
//! The whole `App` on a real workspace, drawn into TestBackend, compared with insta.

mod tui_util;

use crossterm::event::{Event, KeyCode};
use insta::assert_snapshot;
use intake::form::Lang;
use intake::store::Mode;
use intake::tui::app::Screen;
use serde_json::json;
use tui_util::*;

fn answers(app: &intake::tui::App, id: i64) -> serde_json::Map<String, serde_json::Value> {
    let a = app.ws.store.answers(id).unwrap();
    serde_json::to_value(a)
        .unwrap()
        .as_object()
        .unwrap()
        .clone()
}

#[test]
fn down_in_an_editor_stays_and_esc_cancels() {
    let fx = Fixture::new();
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    goto(&mut app, "workstations", "printers");
    key(&mut app, KeyCode::Enter);
    chr(&mut app, '3');
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Up);
    assert!(screen(&app).editor.is_some(), "arrows stay in the editor");
    assert_eq!(at(&app).1, "printers");
    assert!(answers(&app, id).get("workstations.printers").is_none());
    let mut t = term(100, 24);
    draw(&mut app, &mut t);
    assert_snapshot!("editor_arrows_stay", t.backend());
    key(&mut app, KeyCode::Esc);
    assert!(screen(&app).editor.is_none());
    assert!(answers(&app, id).get("workstations.printers").is_none());
    // Tab saves and moves on, as Enter does.
    key(&mut app, KeyCode::Enter);
    chr(&mut app, '2');
    key(&mut app, KeyCode::Tab);
    assert_eq!(answers(&app, id)["workstations.printers"], json!(2));
    assert_eq!(at(&app).1, "peripherals");
}

#[test]
fn multi_choice_esc_drops_ticks_and_enter_saves_and_moves_on() {
    let fx = Fixture::new();
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    goto(&mut app, "workstations", "os");
    key(&mut app, KeyCode::Enter);
    chr(&mut app, ' ');
    key(&mut app, KeyCode::Down);
    chr(&mut app, ' ');
    let mut t = term(100, 28);
    draw(&mut app, &mut t);
    assert_snapshot!("multi_choice_ticked_not_saved", t.backend());
    assert!(
        answers(&app, id).get("workstations.os").is_none(),
        "ticks wait for Enter"
    );
    key(&mut app, KeyCode::Esc);
    assert!(
        answers(&app, id).get("workstations.os").is_none(),
        "Esc drops them"
    );
    key(&mut app, KeyCode::Enter);
    assert!(screen(&app).picker.as_ref().unwrap().chosen.is_empty());
    chr(&mut app, ' ');
    key(&mut app, KeyCode::Enter);
    assert_eq!(answers(&app, id)["workstations.os"], json!(["windows_11"]));
    assert!(screen(&app).picker.is_none());
    assert_eq!(
        at(&app).1,
        "apple",
        "Enter moved on, as with a single choice"
    );
}

#[test]
fn enter_on_yes_no_opens_and_changes_nothing() {
    let fx = Fixture::new();
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    set(&mut fx.ws(), id, &[("workstations.apple", "yes")]);
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    goto(&mut app, "workstations", "apple");
    key(&mut app, KeyCode::Enter);
    let mut t = term(100, 24);
    draw(&mut app, &mut t);
    assert_snapshot!("yes_no_opened", t.backend());
    assert_eq!(answers(&app, id)["workstations.apple"], json!(true));
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        answers(&app, id)["workstations.apple"],
        json!(true),
        "Enter keeps yes"
    );
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Esc);
    assert_eq!(
        answers(&app, id)["workstations.apple"],
        json!(true),
        "Esc keeps yes"
    );
    key(&mut app, KeyCode::Enter);
    chr(&mut app, 'n');
    assert_eq!(
        answers(&app, id)["workstations.apple"],
        json!(false),
        "n chooses"
    );
}

#[test]
fn confirm_dialogs_take_only_y() {
    let fx = Fixture::new();
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    set(
        &mut fx.ws(),
        id,
        &[
            ("locations[1].name", "Hoofdkantoor"),
            ("locations[2].name", "Magazijn"),
        ],
    );
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    goto(&mut app, "locations", "name");
    for k in ['j', 'n', 'x'] {
        chr(&mut app, 'x');
        assert!(screen(&app).confirm_remove);
        chr(&mut app, k);
        assert!(!screen(&app).confirm_remove, "{k} closes the dialog");
        assert_eq!(
            answers(&app, id)["locations[1].name"],
            json!("Hoofdkantoor"),
            "{k} is no"
        );
    }
    chr(&mut app, 'x');
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        answers(&app, id)["locations[1].name"],
        json!("Hoofdkantoor"),
        "Enter is no"
    );
    chr(&mut app, 'x');
    chr(&mut app, 'y');
    assert_eq!(
        answers(&app, id)["locations[1].name"],
        json!("Magazijn"),
        "y removes"
    );
}

#[test]
fn deleted_intakes_go_to_the_trash_and_come_back() {
    let fx = Fixture::new();
    let a = fx.intake("Bakkerij Jansen", Mode::OnSite);
    let b = fx.intake("Tandartspraktijk De Vries", Mode::Online);
    fx.set_times(a, "2026-03-02T09:15:00Z");
    fx.set_times(b, "2026-03-01T16:40:00Z");
    let mut app = fx.app(Lang::Nl);
    let listed = |app: &intake::tui::App| match &app.screen {
        Screen::Home(h) => h.shown.iter().map(|&i| h.all[i].id).collect::<Vec<_>>(),
        Screen::Intake(_) => panic!("home expected"),
    };
    chr(&mut app, 'd');
    chr(&mut app, 'j');
    assert_eq!(listed(&app), vec![a, b], "j is not yes");
    chr(&mut app, 'd');
    chr(&mut app, 'y');
    assert_eq!(listed(&app), vec![b]);
    let mut t = term(100, 16);
    draw(&mut app, &mut t);
    assert_snapshot!("home_deleted_says_trash", t.backend());
    chr(&mut app, 'u');
    assert_eq!(listed(&app), vec![a, b], "u puts it back");
    chr(&mut app, 'd');
    chr(&mut app, 'y');
    chr(&mut app, 't');
    draw(&mut app, &mut t);
    assert_snapshot!("home_trash", t.backend());
    assert_eq!(listed(&app), vec![a], "the trash lists the deleted one");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        listed(&app),
        vec![a, b],
        "Enter restores and shows the list"
    );
    assert!(app.ws.store.intake(a).unwrap().deleted_at.is_none());
}

#[test]
fn a_date_is_checked_while_typing_as_when_saving() {
    let fx = Fixture::new();
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    goto(&mut app, "planning", "go_live");
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "2026-01-05");
    let mut t = term(100, 24);
    draw(&mut app, &mut t);
    assert_snapshot!("date_refused_while_typing", t.backend());
    let ed = screen(&app).editor.as_ref().unwrap();
    let inline = ed.error.clone().expect("refused inline");
    key(&mut app, KeyCode::Enter);
    assert!(screen(&app).editor.is_some(), "refused on saving too");
    assert_eq!(
        app.status.as_ref().unwrap().text,
        inline.nl,
        "the same message"
    );
}

#[test]
fn jumps_to_a_section_and_to_the_next_problem() {
    let fx = Fixture::new();
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    set(&mut fx.ws(), id, &[("workstations.count", "3")]);
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    chr(&mut app, '3');
    assert_eq!(at(&app).0, "workstations");
    chr(&mut app, 's');
    let mut t = term(100, 24);
    draw(&mut app, &mut t);
    assert_snapshot!("section_list", t.backend());
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Enter);
    assert_eq!(at(&app).0, "locations");
    chr(&mut app, 's');
    chr(&mut app, 'a');
    assert_eq!(at(&app).0, "work", "a is the tenth section");
    // `!` from the top: missing answers, then the warning on the workstation count.
    chr(&mut app, '1');
    key(&mut app, KeyCode::Home);
    chr(&mut app, '!');
    assert_eq!(at(&app), ("intake".into(), "contact_name".into()));
    chr(&mut app, '!');
    assert_eq!(at(&app), ("intake".into(), "contact_email".into()));
    for _ in 0..3 {
        chr(&mut app, '!');
    }
    assert_eq!(at(&app), ("company".into(), "billing_email".into()));
    chr(&mut app, '!');
    assert_eq!(
        at(&app),
        ("workstations".into(), "count".into()),
        "a warning is a problem too"
    );
    chr(&mut app, 'u');
    assert_eq!(
        at(&app),
        ("workstations".into(), "workload".into()),
        "u: next unanswered"
    );
}

#[test]
fn review_lists_warnings_with_missing_answers() {
    let fx = Fixture::new();
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    set(
        &mut fx.ws(),
        id,
        &[("workstations.count", "3"), ("users[1].name", "Piet")],
    );
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    chr(&mut app, 'r');
    let mut t = term(120, 24);
    draw(&mut app, &mut t);
    assert_snapshot!("review_with_warnings", t.backend());
    let problems = screen(&app).problems();
    assert!(
        problems
            .iter()
            .any(|p| p.key == "workstations.count" && p.warning)
    );
}

#[test]
fn numbers_typed_with_their_unit_are_saved() {
    let fx = Fixture::new();
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    goto(&mut app, "email", "size_gb");
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "40 MB");
    let mut t = term(100, 24);
    draw(&mut app, &mut t);
    assert_snapshot!("unit_other_refused", t.backend());
    for _ in 0..2 {
        key(&mut app, KeyCode::Backspace);
    }
    typ(&mut app, "GB");
    key(&mut app, KeyCode::Enter);
    assert_eq!(answers(&app, id)["email.size_gb"], json!(40.0));
}

#[test]
fn a_megabyte_paste_is_cut_to_the_limit_and_says_so() {
    let fx = Fixture::new();
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    goto(&mut app, "workstations", "peripherals");
    app.handle_event(Event::Paste("printer ".repeat(128 * 1024)));
    let ed = screen(&app).editor.as_ref().expect("editor open");
    let len = ed.text().len();
    assert_eq!(len, 2000, "the question's own maximum");
    let status = app.status.clone().expect("the cut is told");
    assert_eq!(
        status.text,
        "Te lang: dit antwoord heeft hoogstens 2.000 tekens; 1.046.576 tekens niet ingevoegd."
    );
    // The draft is saved whole, so a kill loses nothing of what shows.
    let state = app.ws.store.ui_state(id).unwrap().unwrap();
    assert_eq!(state["draft"]["text"].as_str().unwrap().len(), len);
    key(&mut app, KeyCode::Enter);
    let saved = answers(&app, id);
    let Some(v) = saved.get("workstations.peripherals") else {
        panic!("not saved: {:?}", app.status);
    };
    assert_eq!(
        v.as_str().unwrap().len(),
        len - 1,
        "as typed, less the trailing space"
    );
}

#[test]
fn changes_from_another_process_show_and_conflict_with_an_open_editor() {
    let fx = Fixture::new();
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    goto(&mut app, "company", "address");
    // Another process sets the city while nothing is open: shown without a restart.
    set(&mut fx.ws(), id, &[("company.city", "Utrecht")]);
    assert!(app.watch(), "the change is noticed");
    assert_eq!(
        screen(&app).loaded.answers["company.city"].to_json(),
        json!("Utrecht")
    );
    assert!(!app.watch(), "and only once");
    // An editor open on the city when another process changes it again.
    key(&mut app, KeyCode::Down);
    key(&mut app, KeyCode::Down);
    assert_eq!(at(&app).1, "city");
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "sche Heuvelrug");
    set(&mut fx.ws(), id, &[("company.city", "Amersfoort")]);
    app.watch();
    let mut t = term(100, 24);
    draw(&mut app, &mut t);
    assert_snapshot!("editor_conflict", t.backend());
    assert!(screen(&app).editor.as_ref().unwrap().conflict.is_some());
    assert_eq!(
        answers(&app, id)["company.city"],
        json!("Amersfoort"),
        "not overwritten"
    );
    // Without the watch (the change lands just before Enter): Enter refuses once.
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Enter);
    typ(&mut app, " Noord");
    set(&mut fx.ws(), id, &[("company.city", "Amersfoort Zuid")]);
    key(&mut app, KeyCode::Enter);
    assert_eq!(answers(&app, id)["company.city"], json!("Amersfoort Zuid"));
    assert!(screen(&app).editor.is_some(), "the conflict is shown");
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        answers(&app, id)["company.city"],
        json!("Amersfoort Noord"),
        "saved knowingly"
    );
}

#[test]
fn long_answers_get_a_multi_line_editor() {
    use crossterm::event::{KeyEvent, KeyModifiers};
    let fx = Fixture::new();
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    goto(&mut app, "workstations", "peripherals");
    key(&mut app, KeyCode::Enter);
    typ(
        &mut app,
        "HP LaserJet in de balieruimte, gedeeld door alle assistenten",
    );
    app.handle_event(Event::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT)));
    typ(&mut app, "Scanner");
    app.handle_event(Event::Paste("\r\nPinautomaat\r\nLabelprinter".into()));
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::Up);
    key(&mut app, KeyCode::End);
    chr(&mut app, '!');
    let mut t = term(100, 24);
    draw(&mut app, &mut t);
    assert_snapshot!("multi_line_editor", t.backend());
    key(&mut app, KeyCode::Down);
    assert!(screen(&app).editor.is_some(), "Down moves within the text");
    assert!(answers(&app, id).get("workstations.peripherals").is_none());
    key(&mut app, KeyCode::Enter);
    assert_eq!(
        answers(&app, id)["workstations.peripherals"],
        json!(
            "HP LaserJet in de balieruimte, gedeeld door alle assistenten\nScanner!\nPinautomaat\nLabelprinter"
        )
    );
    // Opened again (the last question: the focus stayed), it holds the lines as saved.
    assert_eq!(at(&app).1, "peripherals");
    key(&mut app, KeyCode::Enter);
    let ed = screen(&app).editor.as_ref().unwrap();
    assert_eq!(ed.text().lines().count(), 4);
}

#[test]
fn o_answers_dont_know_where_the_form_allows_it_and_nowhere_else() {
    let fx = Fixture::new();
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    goto(&mut app, "workstations", "printers");
    let mut t = term(100, 24);
    draw(&mut app, &mut t);
    assert!(
        screen_text(&t).contains("weet ik niet"),
        "the key bar offers o on a question that allows it:\n{}",
        screen_text(&t)
    );
    chr(&mut app, 'o');
    assert!(screen(&app).editor.is_none(), "o answers, it does not type");
    assert_eq!(
        answers(&app, id)["workstations.printers"],
        json!({"unknown": true})
    );
    draw(&mut app, &mut t);
    let text = screen_text(&t);
    // The answer is the line under the question's label.
    let answer = text
        .lines()
        .skip_while(|l| !l.contains("Aantal printers"))
        .nth(1)
        .unwrap_or_default();
    assert!(
        answer.contains("onbekend"),
        "the answer reads as unknown: {answer:?}\n{text}"
    );

    // A yes/no question has no "don't know": o changes nothing there.
    goto(&mut app, "workstations", "keep_current");
    let before = answers(&app, id);
    draw(&mut app, &mut t);
    assert!(
        !screen_text(&t).contains("weet ik niet"),
        "{}",
        screen_text(&t)
    );
    chr(&mut app, 'o');
    assert_eq!(answers(&app, id), before);
}
