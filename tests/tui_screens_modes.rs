//! Screen tests of the whole `App` in its other states: the review, the help overlay, the
//! English text, a terminal too small or resized, the self-filled form, no colours. Drawn into
//! ratatui's TestBackend and compared with insta snapshots (`tests/snapshots/`).

mod tui_util;

use crossterm::event::{Event, KeyCode};
use insta::assert_snapshot;
use intake::form::Lang;
use intake::store::Mode;
use intake::tui::theme::Theme;
use ratatui::style::{Color, Modifier};
use serde_json::json;
use tui_util::*;

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
