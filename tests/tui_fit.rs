//! Nothing cut off: every screen drawn at 60x16, 80x24 and 120x40 shows only whole
//! words. The words of each small drawing are compared with the words of the same
//! screen drawn at 300x90 and 300x200, where nothing needs to wrap (see `tui_util::fit`).

mod tui_util;

use crossterm::event::KeyCode;
use intake::form::Lang;
use intake::store::Mode;
use intake::tui::App;
use ratatui::backend::TestBackend;
use ratatui::widgets::{Paragraph, Widget, Wrap};
use ratatui::{Terminal, buffer::Buffer, layout::Rect};
use tui_util::fit::{cut_words, cut_words_in, words};
use tui_util::*;

const SIZES: [(u16, u16); 3] = [(60, 16), (80, 24), (120, 40)];
const LARGE: (u16, u16) = (300, 90);
/// Taller still: a box across the middle hides other rows here than at `LARGE`.
const TALL: (u16, u16) = (300, 200);

/// A screen to check: its name and how to reach it from a fresh database.
type Setup = fn(&Fixture) -> App;

fn drawn(app: &mut App, (w, h): (u16, u16)) -> Buffer {
    let mut t: Terminal<TestBackend> = term(w, h);
    draw(app, &mut t);
    t.backend().buffer().clone()
}

/// Draws the screen `setup` reaches, large and at each size (a fresh database and app
/// each time, so ids match and no scroll position carries over), and lists every cut
/// word.
fn check(name: &str, setup: Setup) -> Vec<String> {
    let large = [
        drawn(&mut setup(&Fixture::new()), LARGE),
        drawn(&mut setup(&Fixture::new()), TALL),
    ];
    let mut faults = Vec::new();
    for size in SIZES {
        let fx = Fixture::new();
        let mut app = setup(&fx);
        let small = drawn(&mut app, size);
        let cut = cut_words_in(&small, &large);
        if !cut.is_empty() {
            faults.push(format!(
                "{name} at {}x{}: cut {cut:?}\n{}",
                size.0,
                size.1,
                buffer_text(&small)
            ));
        }
    }
    faults
}

fn demo(fx: &Fixture, lang: Lang) -> (App, i64) {
    let id = intake::demo::create(&mut fx.ws()).unwrap();
    let mut app = fx.app(lang);
    open(&mut app, id);
    (app, id)
}

fn on_site(fx: &Fixture, lang: Lang) -> App {
    let id = fx.intake("Tandartspraktijk De Vries en Partners B.V.", Mode::OnSite);
    let mut app = fx.app(lang);
    open(&mut app, id);
    app
}

/// `i`, the file's name, Enter.
fn import_file(app: &mut App, file: &std::path::Path) {
    chr(app, 'i');
    typ(app, &file.display().to_string());
    key(app, KeyCode::Enter);
}

fn screens() -> Vec<(&'static str, Setup)> {
    vec![
        ("home empty", |fx| fx.app(Lang::Nl)),
        ("home list", |fx| {
            fx.intake("Tandartspraktijk De Vries en Partners B.V.", Mode::OnSite);
            fx.intake("Fietsenmaker Öztürk", Mode::SelfFilled);
            fx.app(Lang::Nl)
        }),
        ("home new dialog", |fx| {
            let mut app = fx.app(Lang::Nl);
            chr(&mut app, 'n');
            app
        }),
        ("home delete", |fx| {
            fx.intake("Fietsenmaker Öztürk", Mode::Online);
            let mut app = fx.app(Lang::En);
            chr(&mut app, 'd');
            app
        }),
        ("intake first section", |fx| on_site(fx, Lang::Nl)),
        ("intake first section en", |fx| on_site(fx, Lang::En)),
        ("intake text editor", |fx| {
            let mut app = on_site(fx, Lang::Nl);
            goto(&mut app, "company", "address");
            key(&mut app, KeyCode::Enter);
            typ(
                &mut app,
                "Burgemeester van Roijensingel 12 achter de apotheek",
            );
            app
        }),
        ("intake picker", |fx| {
            let mut app = on_site(fx, Lang::Nl);
            goto(&mut app, "company", "sector");
            key(&mut app, KeyCode::Enter);
            app
        }),
        ("intake repeat group", |fx| {
            let mut app = on_site(fx, Lang::Nl);
            goto(&mut app, "locations", "name");
            app
        }),
        ("intake security faq 1.35", |fx| {
            let mut app = on_site(fx, Lang::Nl);
            goto(&mut app, "security", "antivirus");
            app
        }),
        ("intake remove entry", |fx| {
            let (mut app, _) = demo(fx, Lang::Nl);
            goto(&mut app, "locations", "name");
            chr(&mut app, 'x');
            app
        }),
        ("review open points", |fx| {
            let mut app = on_site(fx, Lang::Nl);
            chr(&mut app, 'r');
            app
        }),
        ("review demo", |fx| {
            let (mut app, _) = demo(fx, Lang::Nl);
            chr(&mut app, 'r');
            app
        }),
        ("key overview", |fx| {
            let mut app = on_site(fx, Lang::Nl);
            chr(&mut app, '?');
            app
        }),
        ("probes", |fx| {
            let (mut app, _) = demo(fx, Lang::Nl);
            chr(&mut app, 'p');
            app
        }),
        ("advice", |fx| {
            let (mut app, _) = demo(fx, Lang::Nl);
            chr(&mut app, 'v');
            app
        }),
        ("quote", |fx| {
            let (mut app, _) = demo(fx, Lang::Nl);
            chr(&mut app, 'v');
            key(&mut app, KeyCode::Tab);
            app
        }),
        ("plan", |fx| {
            let (mut app, _) = demo(fx, Lang::En);
            chr(&mut app, 'v');
            key(&mut app, KeyCode::Tab);
            key(&mut app, KeyCode::Tab);
            app
        }),
        ("probes lan question", |fx| {
            let (mut app, _) = demo(fx, Lang::Nl);
            chr(&mut app, 'p');
            chr(&mut app, 'l');
            ctrl(&mut app, 'u');
            typ(&mut app, "192.168.1.0/24");
            app
        }),
        ("probes location question", |fx| {
            let (mut app, _) = demo(fx, Lang::En);
            chr(&mut app, 'p');
            chr(&mut app, 'b');
            ctrl(&mut app, 'u');
            typ(&mut app, "127.0.0.1:9");
            key(&mut app, KeyCode::Enter);
            app
        }),
        ("probes last run", |fx| {
            let (mut app, _) = demo(fx, Lang::Nl);
            chr(&mut app, 'p');
            probes_mut(&mut app).last_run = Some(intake::tui::probes::LastRun {
                title: "Bandbreedte meten met meet.example.nl:5201".into(),
                samples: (0..40)
                    .map(|i| (i as f64 / 2.0, 80.0 + (i % 7) as f64))
                    .collect(),
            });
            app
        }),
        ("advice accept prompt", |fx| {
            let (mut app, _) = demo(fx, Lang::Nl);
            chr(&mut app, 'v');
            chr(&mut app, 'a');
            typ(
                &mut app,
                "Glasvezel is besteld en wordt voor de overstap opgeleverd",
            );
            app
        }),
        ("intake warning", |fx| {
            let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
            set(
                &mut fx.ws(),
                id,
                &[
                    ("locations[1].name", "Hoofdkantoor"),
                    ("locations[1].workstations", "8"),
                    ("locations[1].down_mbps", "100"),
                    ("locations[1].up_mbps", "150"),
                ],
            );
            let mut app = fx.app(Lang::Nl);
            open(&mut app, id);
            goto(&mut app, "locations", "up_mbps");
            app
        }),
        ("sidebar toggled", |fx| {
            let mut app = on_site(fx, Lang::Nl);
            chr(&mut app, 'b');
            app
        }),
        ("home after delete", |fx| {
            fx.intake("Tandartspraktijk De Vries en Partners B.V.", Mode::OnSite);
            fx.intake("Fietsenmaker Öztürk", Mode::Online);
            let mut app = fx.app(Lang::Nl);
            chr(&mut app, 'd');
            chr(&mut app, 'y');
            app
        }),
        ("home trash", |fx| {
            fx.intake("Tandartspraktijk De Vries en Partners B.V.", Mode::OnSite);
            let mut app = fx.app(Lang::Nl);
            chr(&mut app, 'd');
            chr(&mut app, 'y');
            chr(&mut app, 't');
            app
        }),
        ("home trash empty", |fx| {
            let mut app = fx.app(Lang::En);
            chr(&mut app, 't');
            app
        }),
        ("editor conflict", |fx| {
            let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
            let mut app = fx.app(Lang::Nl);
            open(&mut app, id);
            goto(&mut app, "company", "city");
            key(&mut app, KeyCode::Enter);
            typ(&mut app, "Utrechtsche Heuvelrug");
            set(&mut fx.ws(), id, &[("company.city", "Amersfoort")]);
            app.watch();
            app
        }),
        ("section list", |fx| {
            let mut app = on_site(fx, Lang::Nl);
            chr(&mut app, 's');
            app
        }),
        ("multi-line editor", |fx| {
            use crossterm::event::{Event, KeyEvent, KeyModifiers};
            let mut app = on_site(fx, Lang::Nl);
            goto(&mut app, "workstations", "peripherals");
            key(&mut app, KeyCode::Enter);
            typ(
                &mut app,
                "HP LaserJet in de balieruimte, gedeeld door alle assistenten",
            );
            app.handle_event(Event::Key(KeyEvent::new(KeyCode::Enter, KeyModifiers::ALT)));
            typ(&mut app, "Pinautomaat bij de kassa");
            app
        }),
        ("review with warnings", |fx| {
            let id = fx.intake("Bakkerij Jansen", Mode::OnSite);
            set(
                &mut fx.ws(),
                id,
                &[("workstations.count", "3"), ("users[1].name", "Piet")],
            );
            let mut app = fx.app(Lang::Nl);
            open(&mut app, id);
            chr(&mut app, 'r');
            app
        }),
        ("import dialog error", |fx| {
            fx.intake("Bakkerij Jansen", Mode::OnSite);
            let mut app = fx.app(Lang::Nl);
            chr(&mut app, 'i');
            typ(&mut app, "weg/jansen-teruggestuurd.json");
            key(&mut app, KeyCode::Enter);
            app
        }),
        ("import passphrase", |fx| {
            let mut app = fx.app(Lang::En);
            let age = fx.dir.path().join("jansen.age");
            let sealed = intake::crypt::bundle::encrypt(b"{}", "brood en banket").unwrap();
            std::fs::write(&age, sealed).unwrap();
            import_file(&mut app, &age);
            typ(&mut app, "brood");
            app
        }),
        ("import preview", |fx| {
            let (_, file) = tui_util::import::returned_bundle(fx);
            let mut app = fx.app(Lang::Nl);
            import_file(&mut app, &file);
            app
        }),
        ("import conflicts", |fx| {
            let (_, file) = tui_util::import::returned_bundle(fx);
            let mut app = fx.app(Lang::Nl);
            import_file(&mut app, &file);
            key(&mut app, KeyCode::Enter);
            chr(&mut app, 't');
            app
        }),
        ("import conflicts en", |fx| {
            let (_, file) = tui_util::import::returned_bundle(fx);
            let mut app = fx.app(Lang::En);
            import_file(&mut app, &file);
            key(&mut app, KeyCode::Enter);
            chr(&mut app, 'o');
            chr(&mut app, 'o');
            app
        }),
        ("import confirm", |fx| {
            let (_, file) = tui_util::import::returned_bundle(fx);
            let mut app = fx.app(Lang::Nl);
            import_file(&mut app, &file);
            key(&mut app, KeyCode::Enter);
            chr(&mut app, 'T');
            key(&mut app, KeyCode::Enter);
            app
        }),
        ("import result", |fx| {
            let (_, file) = tui_util::import::returned_bundle(fx);
            let mut app = fx.app(Lang::Nl);
            import_file(&mut app, &file);
            key(&mut app, KeyCode::Enter);
            chr(&mut app, 'O');
            key(&mut app, KeyCode::Enter);
            chr(&mut app, 'y');
            app
        }),
        ("self-filled", |fx| {
            let id = fx.intake("Fietsenmaker Öztürk", Mode::SelfFilled);
            let mut app = fx.app(Lang::Nl);
            open(&mut app, id);
            app
        }),
    ]
}

#[test]
fn no_screen_cuts_a_word_at_60x16_80x24_or_120x40() {
    let faults: Vec<String> = screens()
        .into_iter()
        .flat_map(|(name, setup)| check(name, setup))
        .collect();
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

/// The check finds the fault this test exists for: the review's instruction drawn
/// without wrapping in a narrow terminal ("Druk op c om af te" and no more).
#[test]
fn the_check_catches_a_word_cut_at_the_edge() {
    let text = "Alles is ingevuld. Druk op c om af te ronden.";
    let render = |w: u16, wrap: bool| {
        let mut buf = Buffer::empty(Rect::new(0, 0, w, 3));
        let p = Paragraph::new(text);
        let p = if wrap { p.wrap(Wrap { trim: true }) } else { p };
        p.render(buf.area, &mut buf);
        buf
    };
    let large = render(200, false);
    assert_eq!(cut_words(&render(22, false), &large), vec!["Dru"]);
    assert_eq!(cut_words(&render(40, false), &large), vec!["ro"]);
    assert!(cut_words(&render(22, true), &large).is_empty());
    // A shortened word with its ellipsis passes; a word that is not there at all does not.
    let mut buf = Buffer::empty(Rect::new(0, 0, 30, 1));
    Paragraph::new("Bestanden… afte").render(buf.area, &mut buf);
    let mut big = Buffer::empty(Rect::new(0, 0, 60, 1));
    Paragraph::new("Bestanden en back-up after").render(big.area, &mut big);
    assert_eq!(cut_words(&buf, &big), vec!["afte"]);
    assert_eq!(words(&big), vec!["Bestanden", "en", "back-up", "after"]);
}
