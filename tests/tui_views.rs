//! Issue 16's views, one test per point: drawn with ratatui's TestBackend and compared
//! with insta snapshots (`tests/snapshots/tui_views__*.snap`), plus what each point
//! must do.

mod tui_util;

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use insta::assert_snapshot;
use intake::form::Lang;
use intake::store::Mode;
use intake::tui::App;
use intake::tui::app::Screen;
use intake::tui::theme::Theme;
use tui_util::*;

fn shift(app: &mut App, code: KeyCode) {
    app.handle_event(Event::Key(KeyEvent::new(code, KeyModifiers::SHIFT)));
}

fn demo(fx: &Fixture, lang: Lang) -> (App, i64) {
    let id = intake::demo::create(&mut fx.ws()).unwrap();
    let mut app = fx.app(lang);
    open(&mut app, id);
    (app, id)
}

#[test]
fn at_60x16_the_sidebar_gives_way_to_the_question() {
    let fx = Fixture::new();
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    goto(&mut app, "company", "kvk");
    let mut t = term(60, 16);
    draw(&mut app, &mut t);
    assert_snapshot!("sidebar_gives_way_60x16", t.backend());
    let shown = screen_text(&t);
    // No sidebar: the head says where in the form the user is.
    assert!(shown.contains("2/14 Bedrijf"), "{shown}");
    assert!(!shown.contains("Werkplekken"), "{shown}");
    // From 80 columns on, the sidebar is back.
    let mut wide = term(80, 24);
    draw(&mut app, &mut wide);
    assert!(
        screen_text(&wide).contains("Werkplekken"),
        "{}",
        screen_text(&wide)
    );
}

/// `b` collapses the sidebar at any width and brings it back, also below 80 columns
/// where it is hidden by default.
#[test]
fn b_shows_and_hides_the_sidebar() {
    let fx = Fixture::new();
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    goto(&mut app, "company", "kvk");
    let mut small = term(60, 16);
    chr(&mut app, 'b');
    draw(&mut app, &mut small);
    assert_snapshot!("sidebar_shown_60x16", small.backend());
    let shown = screen_text(&small);
    assert!(shown.contains("Werkplekken"), "{shown}");
    assert!(
        !shown.contains("2/14 Bedrijf"),
        "the sidebar says where: {shown}"
    );
    // Hidden again, at a width where it is shown by default: the question takes the room.
    chr(&mut app, 'b');
    let mut wide = term(120, 40);
    draw(&mut app, &mut wide);
    let text = screen_text(&wide);
    assert!(!text.contains("Werkplekken"), "{text}");
    assert!(text.contains("2/14 Bedrijf"), "{text}");
    chr(&mut app, 'b');
    draw(&mut app, &mut wide);
    assert!(screen_text(&wide).contains("Werkplekken"), "and back");
    assert_eq!(
        at(&app),
        ("company".into(), "kvk".into()),
        "b moves nothing"
    );
}

#[test]
fn the_review_instruction_wraps_in_a_small_terminal() {
    let fx = Fixture::new();
    let (mut app, _) = demo(&fx, Lang::Nl);
    chr(&mut app, 'r');
    let mut t = term(60, 16);
    draw(&mut app, &mut t);
    assert_snapshot!("review_complete_60x16", t.backend());
    let shown = screen_text(&t);
    assert!(shown.contains("Druk op c om af te"), "{shown}");
    assert!(shown.contains("ronden."), "{shown}");
}

#[test]
fn the_help_pane_scrolls_through_the_whole_faq_answer() {
    let fx = Fixture::new();
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    goto(&mut app, "security", "antivirus");
    let mut t = term(80, 24);
    draw(&mut app, &mut t);
    assert!(screen_text(&t).contains("Shift-↓"), "{}", screen_text(&t));
    // FAQ 1.35 continues past its subheadings: scrolling shows every part of it,
    // down to its last words.
    let mut seen = String::new();
    for _ in 0..40 {
        shift(&mut app, KeyCode::Down);
        draw(&mut app, &mut t);
        seen.push_str(&screen_text(&t));
    }
    assert_snapshot!("help_pane_faq_1_35_scrolled", t.backend());
    for part in [
        "Antivirus- en antispam",
        "Gegevensprivacy",
        "deze gegevens hebben.",
    ] {
        assert!(seen.contains(part), "{part} never shown");
    }
    shift(&mut app, KeyCode::Up);
    assert!(screen(&app).help_pane_scroll > 0);
    // The focus did not move, and another question starts its help at the top.
    assert_eq!(at(&app), ("security".into(), "antivirus".into()));
    key(&mut app, KeyCode::Down);
    draw(&mut app, &mut t);
    assert_eq!(screen(&app).help_pane_scroll, 0);
}

#[test]
fn repeat_sections_show_their_introduction() {
    let fx = Fixture::new();
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    for _ in 0..5 {
        key(&mut app, KeyCode::PageDown);
    }
    assert_eq!(at(&app).0, "apps");
    let mut t = term(100, 24);
    draw(&mut app, &mut t);
    assert_snapshot!("repeat_intro_applications", t.backend());
    assert!(
        screen_text(&t).contains("Laat deze lijst leeg"),
        "{}",
        screen_text(&t)
    );
    // Users: why each needs a mobile number.
    key(&mut app, KeyCode::PageUp);
    draw(&mut app, &mut t);
    assert!(
        screen_text(&t).contains("Gebruikers"),
        "{}",
        screen_text(&t)
    );
    let users_intro = screen(&app).loaded.form.sections[screen(&app).section]
        .intro
        .as_ref()
        .map(|i| {
            i.get(Lang::Nl)
                .split_whitespace()
                .take(4)
                .collect::<Vec<_>>()
                .join(" ")
        })
        .expect("users have an introduction");
    assert!(
        screen_text(&t).contains(&users_intro),
        "{users_intro}\n{}",
        screen_text(&t)
    );
}

#[test]
fn progress_shows_answered_of_asked_and_what_is_required() {
    let fx = Fixture::new();
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    let mut t = term(120, 30);
    draw(&mut app, &mut t);
    assert_snapshot!("progress_header_and_sidebar", t.backend());
    let shown = screen_text(&t);
    let header = shown.lines().next().unwrap();
    assert!(header.contains("beantwoord"), "{header}");
    assert!(header.contains("verplicht: 10 open"), "{header}");
    // An optional section counts its questions, not 0/0.
    let email = shown.lines().find(|l| l.contains("E-mail ")).unwrap();
    assert!(email.contains("0/4"), "{email}");
    assert!(!shown.contains("0/0"), "{shown}");
}

#[test]
fn an_intake_made_with_the_cli_shows_its_progress_in_the_list() {
    let fx = Fixture::new();
    // A plain database made first: the binary opens it as it is (a new one it would
    // encrypt, and the library side of this test has no key).
    drop(fx.ws());
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_intake"))
        .args([
            "--db",
            fx.db.to_str().unwrap(),
            "new",
            "--customer",
            "Garage Peters",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let app = fx.app(Lang::Nl);
    let Screen::Home(h) = &app.screen else {
        panic!("home first")
    };
    let id = h.all[0].id;
    let listed = h.progress.get(&id).copied();
    // What the intake screen would compute when opened.
    let ws = fx.ws();
    let real = ws
        .load(id)
        .unwrap()
        .evaluate(intake::workspace::today())
        .progress_percent();
    assert!(real > 0);
    assert_eq!(listed, Some(real));
}

#[test]
fn the_selected_finding_is_marked_without_colour_and_ok_cannot_be_accepted() {
    let fx = Fixture::new();
    let id = intake::demo::create(&mut fx.ws()).unwrap();
    let mut app = fx.app_with(Lang::Nl, Theme { color: false });
    open(&mut app, id);
    chr(&mut app, 'v');
    let mut t = term(100, 30);
    draw(&mut app, &mut t);
    assert_snapshot!("advice_selected_no_color", t.backend());
    assert!(
        screen_text(&t).contains("▶ ✗ Internetverbinding te traag"),
        "{}",
        screen_text(&t)
    );
    // Walk to the first "ok" finding; `a` there explains instead of asking a reason.
    let findings = match &app.screen {
        Screen::Intake(s) => s
            .proposal
            .as_ref()
            .unwrap()
            .proposal
            .as_ref()
            .unwrap()
            .findings
            .clone(),
        _ => unreachable!(),
    };
    let ok = findings
        .iter()
        .position(|f| f.severity == intake::advice::Severity::Ok)
        .expect("the demo has an ok finding");
    for _ in 0..ok {
        key(&mut app, KeyCode::Down);
    }
    chr(&mut app, 'a');
    draw(&mut app, &mut t);
    assert!(
        screen_text(&t).contains("niets te accepteren"),
        "{}",
        screen_text(&t)
    );
    assert!(
        !screen_text(&t).contains("Reden van acceptatie"),
        "{}",
        screen_text(&t)
    );
    assert!(fx.ws().store.accepted_findings(id).unwrap().is_empty());
}

#[test]
fn messages_name_things_not_internal_ids() {
    let fx = Fixture::new();
    let (mut app, _) = demo(&fx, Lang::Nl);
    chr(&mut app, 'v');
    chr(&mut app, 'a');
    typ(&mut app, "Glasvezel besteld");
    key(&mut app, KeyCode::Enter);
    let mut t = term(120, 40);
    draw(&mut app, &mut t);
    let shown = screen_text(&t);
    assert!(
        shown.contains("Bevinding geaccepteerd: Internetverbinding te traag"),
        "{shown}"
    );
    assert!(!shown.contains("' geaccepteerd"), "{shown}");
}

#[test]
fn workstation_results_give_their_reasons() {
    let fx = Fixture::new();
    let (mut app, _) = demo(&fx, Lang::Nl);
    chr(&mut app, 'p');
    let mut t = term(120, 40);
    draw(&mut app, &mut t);
    assert_snapshot!("probes_with_reasons", t.backend());
    let shown = screen_text(&t);
    let after = shown.split("VDB-ADMIN").nth(1).expect("listed");
    assert!(after.lines().nth(1).unwrap().contains("! "), "{shown}");
}

#[test]
fn a_status_line_does_not_follow_to_another_screen() {
    let fx = Fixture::new();
    let (mut app, _) = demo(&fx, Lang::Nl);
    chr(&mut app, 'r');
    chr(&mut app, 'L');
    assert!(app.status.is_some(), "the language switch says so");
    key(&mut app, KeyCode::Esc);
    assert!(app.status.is_none(), "left behind on the review screen");
}

#[test]
fn the_lan_scan_says_what_it_will_scan_and_waits() {
    let fx = Fixture::new();
    let (mut app, id) = demo(&fx, Lang::Nl);
    chr(&mut app, 'p');
    chr(&mut app, 'l');
    assert!(!app.busy(), "nothing is scanned before Enter");
    ctrl(&mut app, 'u');
    typ(&mut app, "192.168.1.0/24");
    let mut t = term(100, 30);
    draw(&mut app, &mut t);
    assert_snapshot!("probes_lan_question", t.backend());
    assert!(
        screen_text(&t).contains("254 adressen in 192.168.1.0/24 scannen"),
        "{}",
        screen_text(&t)
    );
    // A wrong range is said, and Enter does not start anything.
    ctrl(&mut app, 'u');
    typ(&mut app, "192.168.1.0/33");
    key(&mut app, KeyCode::Enter);
    assert!(!app.busy());
    draw(&mut app, &mut t);
    assert!(
        screen_text(&t).contains("192.168.1.0/33"),
        "{}",
        screen_text(&t)
    );
    // Esc: no scan, nothing saved.
    key(&mut app, KeyCode::Esc);
    assert!(!app.busy());
    let lans = fx.ws().store.probes(id).unwrap();
    assert!(lans.iter().all(|p| p.kind != "lan"));
}

#[test]
fn self_filled_keeps_its_mode_and_offers_no_specialist_tools() {
    let fx = Fixture::new();
    let id = fx.intake("Kapsalon Knip", Mode::SelfFilled);
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    let mut t = term(100, 24);
    draw(&mut app, &mut t);
    let shown = screen_text(&t);
    let bar = shown.lines().last().unwrap();
    assert!(
        !bar.contains("metingen") && !bar.contains("advies"),
        "{bar}"
    );
    // The mode is not among the questions, so it cannot be switched back.
    let s = screen(&app);
    assert!(s.rows().iter().all(|&q| s.question(q).id != "mode"));
    chr(&mut app, 'p');
    chr(&mut app, 'v');
    assert!(screen(&app).probes.is_none() && screen(&app).proposal.is_none());
    // Nor through `set` as the customer would (the audience hides it).
    chr(&mut app, '?');
    draw(&mut app, &mut t);
    assert!(
        !screen_text(&t).contains("metingen:"),
        "{}",
        screen_text(&t)
    );
}

#[test]
fn the_bandwidth_run_asks_which_location_it_is_for() {
    let fx = Fixture::new();
    let (mut app, _) = demo(&fx, Lang::Nl);
    chr(&mut app, 'p');
    chr(&mut app, 'b');
    ctrl(&mut app, 'u');
    typ(&mut app, "meet.example.nl:5201");
    key(&mut app, KeyCode::Enter);
    // Nothing is measured (or connected to) before the location is chosen.
    assert!(!app.busy());
    key(&mut app, KeyCode::Down);
    let mut t = term(100, 30);
    draw(&mut app, &mut t);
    assert_snapshot!("probes_location_question", t.backend());
    let shown = screen_text(&t);
    assert!(shown.contains("▶ 2 Amersfoort"), "{shown}");
    assert!(shown.contains("geen bepaalde locatie"), "{shown}");
    key(&mut app, KeyCode::Esc);
    assert!(!app.busy());
}

#[test]
fn a_finished_bandwidth_run_keeps_its_chart_and_loaded_latency_shows() {
    let fx = Fixture::new();
    let (mut app, id) = demo(&fx, Lang::Nl);
    // A result as the probe stores it, with latency under load per direction.
    let mut ws = fx.ws();
    let mut link = ws
        .store
        .probes(id)
        .unwrap()
        .into_iter()
        .find(|p| p.kind == "bandwidth")
        .unwrap()
        .payload;
    link["loaded_latency_download_ms"] = serde_json::json!(41.25);
    link["loaded_latency_upload_ms"] = serde_json::json!(87.5);
    link["location"] = serde_json::json!(1);
    ws.store
        .add_probe(id, "bandwidth", "meet.example.nl:5201 @ 1", &link, "local")
        .unwrap();
    chr(&mut app, 'p');
    match &mut app.screen {
        Screen::Intake(s) => {
            s.probes.as_mut().unwrap().last_run = Some(intake::tui::probes::LastRun {
                title: "Bandbreedte meten met meet.example.nl:5201".into(),
                samples: (0..40)
                    .map(|i| (f64::from(i) / 2.0, 80.0 + f64::from(i % 7)))
                    .collect(),
            })
        }
        _ => unreachable!(),
    }
    let mut t = term(120, 40);
    draw(&mut app, &mut t);
    assert_snapshot!("probes_last_run_chart", t.backend());
    let shown = screen_text(&t);
    assert!(shown.contains("Mbit/s — Bandbreedte meten met"), "{shown}");
    // The line wraps; its words are all there (the sidebar's border left out).
    let joined = shown
        .replace('│', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(joined.contains("(onder belasting ↓ 41 ms"), "{shown}");
    assert!(joined.contains("↑ 88 ms)"), "{shown}");
}
