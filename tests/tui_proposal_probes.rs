//! The Probes and Advice & Quote screens of an intake, driven like the other screen
//! tests: the demo intake (probes, findings, a quote) in a TestBackend.

mod tui_util;

use crossterm::event::KeyCode;
use insta::assert_snapshot;
use intake::form::Lang;
use tui_util::*;

#[test]
fn probes_screen_lists_saved_measurements() {
    let fx = Fixture::new();
    let id = intake::demo::create(&mut fx.ws()).unwrap();
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    chr(&mut app, 'p');
    let mut t = term(120, 36);
    draw(&mut app, &mut t);
    assert_snapshot!("probes_demo", t.backend());
    // Esc goes back to the questions.
    key(&mut app, KeyCode::Esc);
    draw(&mut app, &mut t);
    assert!(!screen_text(&t).contains("Opgeslagen metingen"));
}

#[test]
fn advice_quote_and_plan_tabs_and_accepting_a_finding() {
    let fx = Fixture::new();
    let id = intake::demo::create(&mut fx.ws()).unwrap();
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    chr(&mut app, 'v');
    let mut t = term(120, 40);
    draw(&mut app, &mut t);
    let advice = screen_text(&t);
    assert!(advice.contains("✗ Internetverbinding te traag"), "{advice}");
    assert!(
        advice.contains("Gebruiker zonder mobiel nummer"),
        "{advice}"
    );

    // Accept the selected (first) finding with a reason; it stays, marked accepted.
    chr(&mut app, 'a');
    typ(&mut app, "Glasvezel besteld");
    key(&mut app, KeyCode::Enter);
    draw(&mut app, &mut t);
    let shown = screen_text(&t);
    assert!(
        shown.contains("[geaccepteerd: Glasvezel besteld]"),
        "{shown}"
    );
    let accepted = fx.ws().store.accepted_findings(id).unwrap();
    assert_eq!(accepted.len(), 1);
    assert_eq!(accepted[0].reason, "Glasvezel besteld");

    key(&mut app, KeyCode::Tab);
    draw(&mut app, &mut t);
    let quote = screen_text(&t);
    assert!(quote.contains("Offerte"), "{quote}");
    assert!(
        quote.contains("12 × €\u{a0}99,95 = €\u{a0}1.199,40"),
        "{quote}"
    );
    assert!(quote.contains("Per maand:"), "{quote}");

    key(&mut app, KeyCode::Tab);
    draw(&mut app, &mut t);
    assert!(
        screen_text(&t).contains("Vroegst mogelijke livegang"),
        "{}",
        screen_text(&t)
    );
}

#[test]
fn the_report_is_exported_from_the_advice_screen() {
    let fx = Fixture::new();
    let id = intake::demo::create(&mut fx.ws()).unwrap();
    let mut app = fx.app(Lang::En);
    open(&mut app, id);
    chr(&mut app, 'v');
    chr(&mut app, 'e');
    let out = fx.dir.path().join("demo.pdf");
    // Before anything is written the screen says the report will be a draft, and why.
    let mut t = term(120, 40);
    draw(&mut app, &mut t);
    let notice = screen_text(&t);
    assert!(
        notice.contains("The report will be a DRAFT") && notice.contains("Example prices"),
        "{notice}"
    );
    assert!(!out.exists());
    // Replace the proposed file name with our path.
    ctrl(&mut app, 'u');
    typ(&mut app, out.to_str().unwrap());
    key(&mut app, KeyCode::Enter);
    let mut t = term(120, 40);
    draw(&mut app, &mut t);
    assert!(
        screen_text(&t).contains("Report written"),
        "{}",
        screen_text(&t)
    );
    let pdf = std::fs::read(&out).unwrap();
    assert!(pdf.starts_with(b"%PDF"));
    let reports = fx.ws().store.reports(id).unwrap();
    assert_eq!(reports.len(), 1, "the export is recorded with its hash");
}

#[test]
fn bandwidth_runs_live_in_the_background_and_is_saved() {
    let (addr, stop) = bandwidth_server();
    let fx = Fixture::new();
    let id = fx.intake("Link BV", intake::store::Mode::OnSite);
    let mut app = fx.app(Lang::En);
    open(&mut app, id);
    chr(&mut app, 'p');
    probes_mut(&mut app).bandwidth_seconds = 1.0;
    chr(&mut app, 'b');
    ctrl(&mut app, 'u');
    typ(&mut app, &addr);
    key(&mut app, KeyCode::Enter);
    // It asks which location the link is for before measuring.
    assert!(!app.busy());
    let mut t = term(120, 36);
    draw(&mut app, &mut t);
    assert!(
        screen_text(&t).contains("Which location is this link for?"),
        "{}",
        screen_text(&t)
    );
    key(&mut app, KeyCode::Enter);
    assert!(app.busy());
    let mut saw_gauge = false;
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while app.busy() {
        assert!(
            std::time::Instant::now() < deadline,
            "measurement did not end"
        );
        std::thread::sleep(std::time::Duration::from_millis(100));
        app.tick();
        draw(&mut app, &mut t);
        saw_gauge |= screen_text(&t).contains("Measuring bandwidth with");
    }
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    assert!(saw_gauge, "the gauge was shown while measuring");
    // Saved in words (no internal kind), and the chart stays with the result.
    let shown = screen_text(&t);
    assert!(shown.contains("Measurement saved: link"), "{shown}");
    assert!(!shown.contains("'bandwidth'"), "{shown}");
    assert!(
        shown.contains("Mbit/s — Measuring bandwidth with"),
        "{shown}"
    );
    let probes = fx.ws().store.probes(id).unwrap();
    // Tagged for location 1, as `intake probe bandwidth --location 1` tags it.
    let bw = probes.iter().find(|p| p.kind == "bandwidth").unwrap();
    assert!(bw.payload["download_mbps"].as_f64().unwrap() > 0.0);
    assert_eq!(bw.payload["location"], serde_json::json!(1));
    assert_eq!(bw.machine_key, format!("{addr} @ 1"));
    // The result stays on screen after going to the questions and back.
    key(&mut app, KeyCode::Esc);
    chr(&mut app, 'p');
    draw(&mut app, &mut t);
    assert!(
        screen_text(&t).contains("Mbit/s — Measuring"),
        "{}",
        screen_text(&t)
    );
}

#[test]
fn esc_cancels_a_running_measurement_and_saves_nothing() {
    let (addr, stop) = bandwidth_server();
    let fx = Fixture::new();
    let id = fx.intake("Link BV", intake::store::Mode::OnSite);
    let mut app = fx.app(Lang::En);
    open(&mut app, id);
    chr(&mut app, 'p');
    chr(&mut app, 'b');
    ctrl(&mut app, 'u');
    typ(&mut app, &addr);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    assert!(app.busy(), "the measurement runs");
    std::thread::sleep(std::time::Duration::from_millis(300));
    key(&mut app, KeyCode::Esc);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while app.busy() {
        assert!(
            std::time::Instant::now() < deadline,
            "cancel did not end the measurement"
        );
        std::thread::sleep(std::time::Duration::from_millis(50));
        app.tick();
    }
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    let mut t = term(120, 36);
    draw(&mut app, &mut t);
    assert!(
        screen_text(&t).contains("nothing saved")
            || screen_text(&t).to_lowercase().contains("cancel"),
        "{}",
        screen_text(&t)
    );
    assert!(fx.ws().store.probes(id).unwrap().is_empty());
}
