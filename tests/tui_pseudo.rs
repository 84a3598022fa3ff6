//! The pseudo-locale walk over every TUI screen: the whole `App` driven with keys as in
//! the screen tests, drawn into ratatui's TestBackend with the pseudo-locale on, and every
//! screen checked for words in plain ASCII that did not come through Fluent.
//!
//! The pseudo-locale is a process-wide switch of the i18n layer (`set_pseudo`), so this
//! binary is the only one that turns it on, and every test in it does so first: no test of
//! another binary can see pseudo text, and none here can see real text.
//!
//! What may stay plain is built from data, never listed by hand: the customer's own data
//! (what the test typed or stored, the demo intake's answers and measurements), the form's
//! texts (the form file: forms keep their own nl/en fields), the FAQ shown in the help
//! pane, the provider's file, and the asset files that still carry nl/en text fields of
//! their own (readiness reasons, advice rules, catalog, plan phases; see `data_words`).

mod tui_util;

use crossterm::event::KeyCode;
use intake::form::Lang;
use intake::store::Mode;
use intake::tui::App;
use ratatui::widgets::Paragraph;
use tui_util::pseudo::untranslated;
use tui_util::tmux;
use tui_util::walk::*;
use tui_util::*;

#[test]
fn the_walk_catches_a_plain_word() {
    let mut w = Walk::new();
    let fx = Fixture::new();
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    w.intake_data(&fx, id);
    let mut app = fx.app(Lang::Nl);
    let mut t = term(100, 24);
    draw(&mut app, &mut t);
    assert_eq!(
        untranslated(&screen_text(&t), &w.exempt),
        Vec::<String>::new()
    );
    // A word the program would write without Fluent, drawn onto the same screen.
    t.draw(|f| {
        app.draw(f);
        let r = ratatui::layout::Rect::new(2, 5, 30, 1);
        f.render_widget(Paragraph::new("Progress: Jansen saved"), r);
    })
    .unwrap();
    let plain = untranslated(&screen_text(&t), &w.exempt);
    assert_eq!(plain, vec!["Progress".to_string(), "saved".to_string()]);
    // The customer's name and the form's words are data; a word cut short with … is data
    // when it begins a data word.
    assert!(untranslated("Bakkerij Jan… Online", &w.exempt).is_empty());
    assert_eq!(untranslated("Bakk… Progre…", &w.exempt), vec!["Progre"]);
}

#[test]
fn home_screens_in_pseudo() {
    let mut w = Walk::new();
    let fx = Fixture::new();
    let mut app = fx.app(Lang::Nl);
    w.check("home empty", &mut app, 100, 24);
    w.check("tiny terminal", &mut app, 40, 10);
    chr(&mut app, 'n');
    w.check("new intake dialog, first intake", &mut app, 100, 24);
    key(&mut app, KeyCode::Enter);
    w.check("new intake without a name", &mut app, 100, 24);
    key(&mut app, KeyCode::Esc);
    chr(&mut app, 't');
    w.check("trash empty", &mut app, 100, 24);
    key(&mut app, KeyCode::Esc);

    let customers = [
        "Bakkerij Jansen",
        "Tandartspraktijk De Vries",
        "Fietsenmaker Öztürk & Zn.",
    ];
    let modes = [Mode::OnSite, Mode::Online, Mode::SelfFilled];
    for (c, m) in customers.iter().zip(modes) {
        let id = fx.intake(c, m);
        w.intake_data(&fx, id);
    }
    fx.set_times(1, "2026-03-02T09:15:00Z");
    fx.set_times(2, "2026-03-01T16:40:00Z");
    fx.set_times(3, "2026-02-20T11:00:00Z");
    fx.ws()
        .store
        .set_status(3, intake::store::Status::Complete)
        .unwrap();
    let mut app = fx.app(Lang::Nl);
    w.check("home list", &mut app, 120, 16);
    w.check("home list narrow", &mut app, 60, 16);
    for n in 0..4 {
        chr(&mut app, 's');
        w.check(&format!("home sorted {n}"), &mut app, 120, 16);
    }
    chr(&mut app, '/');
    typ(&mut app, "vries");
    w.data("vries");
    w.check("home filter", &mut app, 120, 16);
    typ(&mut app, "xyz");
    w.data("vriesxyz");
    w.check("home filter without match", &mut app, 120, 16);
    key(&mut app, KeyCode::Esc);
    chr(&mut app, 'n');
    typ(&mut app, "Café 't Hoekje");
    w.data("Café 't Hoekje");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Right);
    w.check("new intake dialog", &mut app, 100, 20);
    key(&mut app, KeyCode::Esc);
    chr(&mut app, 'd');
    w.check("delete confirm", &mut app, 100, 16);
    chr(&mut app, 'y');
    w.check("deleted", &mut app, 100, 16);
    chr(&mut app, 't');
    w.check("trash", &mut app, 100, 16);
    key(&mut app, KeyCode::Enter);
    w.check("restored", &mut app, 100, 16);
    chr(&mut app, '?');
    w.check("keys overlay on home", &mut app, 100, 40);
    chr(&mut app, 'x');
    chr(&mut app, 'L');
    w.check("language switched", &mut app, 100, 16);
    w.finish(20);
}

#[test]
fn intake_screens_in_pseudo() {
    let (mut w, _fx, mut app) = walked_intake("new intake", |fx| {
        fx.intake("Bakkerij Jansen", Mode::OnSite)
    });

    // A validation message while typing, and the editor's key bar.
    goto(&mut app, "company", "postcode");
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "1234 A");
    w.data("1234 A");
    w.check("postcode error", &mut app, 120, 36);
    typ(&mut app, "B");
    w.data("1234 AB");
    w.check("postcode ready to save", &mut app, 120, 36);
    key(&mut app, KeyCode::Enter);
    w.check("saved", &mut app, 120, 36);
    key(&mut app, KeyCode::Delete);
    w.check("answer cleared", &mut app, 120, 36);

    // Repeat groups: entries, the remove confirmation, a group without entries.
    goto(&mut app, "locations", "name");
    chr(&mut app, 'a');
    w.check("repeat group added", &mut app, 120, 36);
    chr(&mut app, 'x');
    w.check("repeat group remove confirm", &mut app, 120, 36);
    chr(&mut app, 'y');
    w.check("repeat group removed", &mut app, 120, 36);

    // Review, completing with items open, the jump list, the key overview, the help pane
    // scrolled, and the narrow layout without sidebar.
    chr(&mut app, 'r');
    w.check("review", &mut app, 120, 30);
    chr(&mut app, 'c');
    w.check("review complete refused", &mut app, 120, 30);
    key(&mut app, KeyCode::Esc);
    chr(&mut app, 's');
    w.check("jump list", &mut app, 120, 36);
    key(&mut app, KeyCode::Esc);
    chr(&mut app, '!');
    w.check("next open item", &mut app, 120, 36);
    chr(&mut app, '?');
    w.check("keys overlay", &mut app, 100, 60);
    w.check("keys overlay short", &mut app, 80, 20);
    chr(&mut app, 'x');
    w.check("narrow", &mut app, 70, 24);
    chr(&mut app, 'b');
    w.check("narrow with sidebar", &mut app, 70, 24);
    w.finish(60);
}

/// A walk over every question of the intake `make` creates, opened in the app; the
/// fixture holds the database the app works on.
fn walked_intake(label: &str, make: impl FnOnce(&Fixture) -> i64) -> (Walk, Fixture, App) {
    let mut w = Walk::new();
    let fx = Fixture::new();
    let id = make(&fx);
    w.intake_data(&fx, id);
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    walk_questions(&mut w, &mut app, label);
    (w, fx, app)
}

#[test]
fn demo_intake_questions_in_pseudo() {
    let (mut w, _fx, mut app) =
        walked_intake("demo", |fx| intake::demo::create(&mut fx.ws()).unwrap());
    chr(&mut app, 'r');
    w.check("demo review", &mut app, 120, 40);
    w.finish(30);
}

#[test]
fn self_filled_intake_in_pseudo() {
    let (mut w, _fx, mut app) = walked_intake("self-filled", |fx| {
        fx.intake("Fietsenmaker Öztürk & Zn.", Mode::SelfFilled)
    });
    chr(&mut app, '?');
    w.check("self-filled keys", &mut app, 100, 60);
    w.finish(10);
}

#[test]
fn changes_elsewhere_and_conflicts_in_pseudo() {
    let mut w = Walk::new();
    let fx = Fixture::new();
    let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
    w.intake_data(&fx, id);
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    goto(&mut app, "company", "city");
    set(&mut fx.ws(), id, &[("company.city", "Utrecht")]);
    app.watch();
    w.data("Utrecht");
    w.check("changed elsewhere", &mut app, 100, 24);
    key(&mut app, KeyCode::Enter);
    typ(&mut app, "sche Heuvelrug");
    w.data("Utrechtsche Heuvelrug");
    set(&mut fx.ws(), id, &[("company.city", "Amersfoort")]);
    w.data("Amersfoort");
    app.watch();
    w.check("editor conflict", &mut app, 100, 24);
    key(&mut app, KeyCode::Enter);
    w.check("editor conflict on save", &mut app, 100, 24);
    w.finish(3);
}

#[test]
fn probes_and_proposal_in_pseudo() {
    let mut w = Walk::new();
    let fx = Fixture::new();
    let id = intake::demo::create(&mut fx.ws()).unwrap();
    // A link measured with its latency under load, per direction.
    fx.ws()
        .store
        .add_probe(
            id,
            "bandwidth",
            "srv:5201",
            &serde_json::json!({"download_mbps": 47.9, "upload_mbps": 9.6,
                "latency_ms": 21.04, "loaded_latency_download_ms": 371.6,
                "loaded_latency_upload_ms": 431.2}),
            "local",
        )
        .unwrap();
    w.intake_data(&fx, id);
    let mut app = fx.app(Lang::Nl);
    open(&mut app, id);
    chr(&mut app, 'p');
    w.check("probes", &mut app, 120, 60);
    chr(&mut app, 'b');
    w.check("probes server prompt", &mut app, 120, 40);
    key(&mut app, KeyCode::Esc);
    // The LAN question only (Enter would scan): the range this machine proposes.
    chr(&mut app, 'l');
    let shown = w.check("probes lan prompt", &mut app, 120, 40);
    w.data(&shown_addresses(&shown));
    // A scan of loopback only: its progress and its result.
    ctrl(&mut app, 'u');
    typ(&mut app, "127.0.0.1/32");
    w.check("probes lan prompt, loopback", &mut app, 120, 40);
    key(&mut app, KeyCode::Enter);
    wait_checking(&mut w, &mut app, "probes lan scan");
    w.check("probes lan scanned", &mut app, 120, 60);
    let probes = |kind: &str| {
        let all = fx.ws().store.probes(id).unwrap();
        all.iter().filter(|p| p.kind == kind).count()
    };
    assert_eq!(probes("lan"), 1, "the loopback scan is saved");
    // This workstation: its facts are data.
    let before = probes("workstation");
    chr(&mut app, 'w');
    assert_eq!(
        probes("workstation"),
        before + 1,
        "this workstation is saved"
    );
    w.intake_data(&fx, id);
    w.check("probes workstation", &mut app, 120, 60);

    // A measurement running against our own server on loopback.
    let (addr, stop) = bandwidth_server();
    probes_mut(&mut app).bandwidth_seconds = 1.0;
    chr(&mut app, 'b');
    ctrl(&mut app, 'u');
    typ(&mut app, &addr);
    key(&mut app, KeyCode::Enter);
    w.check("probes location prompt", &mut app, 120, 40);
    key(&mut app, KeyCode::Enter);
    wait_checking(&mut w, &mut app, "probes bandwidth running");
    stop.store(true, std::sync::atomic::Ordering::SeqCst);
    w.intake_data(&fx, id);
    w.check("probes measured", &mut app, 120, 60);
    key(&mut app, KeyCode::Esc);

    chr(&mut app, 'v');
    w.check("advice", &mut app, 120, 60);
    chr(&mut app, 'a');
    w.check("accept prompt", &mut app, 120, 60);
    key(&mut app, KeyCode::Enter);
    w.check("accept without reason", &mut app, 120, 60);
    chr(&mut app, 'a');
    typ(&mut app, "Glasvezel besteld");
    w.data("Glasvezel besteld");
    key(&mut app, KeyCode::Enter);
    w.check("accepted", &mut app, 120, 60);
    key(&mut app, KeyCode::Tab);
    w.check("quote", &mut app, 140, 60);
    key(&mut app, KeyCode::Tab);
    w.check("plan", &mut app, 120, 60);
    chr(&mut app, 'e');
    w.check("export with draft reasons", &mut app, 120, 60);
    let pdf = fx.dir.path().join("pseudo.pdf");
    ctrl(&mut app, 'u');
    typ(&mut app, pdf.to_str().unwrap());
    w.data(&pdf.display().to_string());
    key(&mut app, KeyCode::Enter);
    w.check("report written", &mut app, 120, 60);
    assert!(pdf.exists(), "the report was written");
    w.finish(15);
}

/// The passphrase prompts (asked on the plain terminal before the screen starts) and the
/// first screen, in the real binary in tmux with `INTAKE_PSEUDO=1`.
#[test]
fn passphrase_prompts_in_pseudo() {
    let mut w = Walk::new();
    let dir = tempfile::tempdir().unwrap();
    let tmux = tmux::Tmux::start_asking_passphrase(dir.path(), "INTAKE_PSEUDO=1", 110, 30);
    w.data(&tmux.db.display().to_string());
    let passphrase = "zonnebloem achter de dijk";
    // The prompts as this process renders them: the binary must show the same.
    let repeat = intake::t!(Lang::Nl, "crypt-repeat-passphrase");
    let press_enter = intake::t!(Lang::Nl, "crypt-press-enter");
    let welcome = intake::t!(Lang::Nl, "th-welcome");
    let first_line = |s: &str| s.trim().lines().next().unwrap_or_default().to_string();

    let deadline = std::time::Instant::now() + tmux::WAIT;
    let mut screen = tmux.capture();
    while screen.trim().is_empty() && std::time::Instant::now() < deadline {
        std::thread::sleep(tmux::POLL);
        screen = tmux.capture();
    }
    w.check_text("choose a passphrase", &screen);
    tmux.text(passphrase);
    tmux.keys(&["Enter"]);
    w.check_text("repeat the passphrase", &tmux.wait_for(repeat.trim()));
    tmux.text(passphrase);
    tmux.keys(&["Enter"]);
    let notice = tmux.wait_for(&first_line(&press_enter));
    assert!(!notice.contains(passphrase), "echoed:\n{notice}");
    w.check_text("where the key lives", &notice);
    tmux.keys(&["Enter"]);
    w.check_text("first screen", &tmux.wait_for(&first_line(&welcome)));
    tmux.keys(&["q"]);
    w.finish(4);
}

/// The import of a returned bundle: the dialog, a file that is not there, an encrypted
/// bundle's passphrase, the preview, the conflict screen, the confirmation, the result.
#[test]
fn import_screens_in_pseudo() {
    let mut w = Walk::new();
    let fx = Fixture::new();
    let (id, file) = tui_util::import::returned_bundle(&fx);
    w.intake_data(&fx, id);
    // The customer's answers in the bundle, and the file names, are data too.
    let bundle: intake::store::Bundle =
        serde_json::from_slice(&std::fs::read(&file).unwrap()).unwrap();
    for v in bundle.answers.values() {
        w.data(&v.to_string());
    }
    let dir = fx.dir.path();
    w.data(&dir.display().to_string());
    w.data("weg.json jansen.age");
    w.data(&file.display().to_string());
    for lang in [Lang::Nl, Lang::En] {
        let mut app = fx.app(lang);
        let at = |screen: &str| format!("import {screen} {lang:?}");
        chr(&mut app, 'i');
        w.check(&at("dialog"), &mut app, 100, 24);
        typ(&mut app, &dir.join("weg.json").display().to_string());
        key(&mut app, KeyCode::Enter);
        w.check(&at("file missing"), &mut app, 100, 24);
        key(&mut app, KeyCode::Esc);

        let age = dir.join("jansen.age");
        let sealed = intake::crypt::bundle::encrypt(&std::fs::read(&file).unwrap(), "brood");
        std::fs::write(&age, sealed.unwrap()).unwrap();
        chr(&mut app, 'i');
        typ(&mut app, &age.display().to_string());
        key(&mut app, KeyCode::Enter);
        w.check(&at("passphrase"), &mut app, 100, 24);
        typ(&mut app, "taart");
        key(&mut app, KeyCode::Enter);
        w.check(&at("passphrase wrong"), &mut app, 100, 24);
        typ(&mut app, "brood");
        key(&mut app, KeyCode::Enter);
        w.check(&at("preview"), &mut app, 100, 30);
        key(&mut app, KeyCode::Enter);
        w.check(&at("conflicts"), &mut app, 100, 30);
        chr(&mut app, 'o');
        key(&mut app, KeyCode::Enter);
        w.check(&at("conflicts left"), &mut app, 100, 30);
        chr(&mut app, 'T');
        key(&mut app, KeyCode::Enter);
        let t = w.check(&at("confirm"), &mut app, 100, 30);
        assert!(
            t.contains("Bakkerij Jansen"),
            "the confirmation names the intake:\n{t}"
        );
        key(&mut app, KeyCode::Esc);
        key(&mut app, KeyCode::Esc);
    }
    // Merged once, for the result screen.
    let mut app = fx.app(Lang::Nl);
    chr(&mut app, 'i');
    typ(&mut app, &file.display().to_string());
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    chr(&mut app, 'T');
    key(&mut app, KeyCode::Enter);
    chr(&mut app, 'y');
    let t = w.check("import result", &mut app, 100, 30);
    assert!(t.contains("✓"), "the result is shown:\n{t}");
    w.finish(17);
}
