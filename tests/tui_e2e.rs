//! End-to-end: the real binary in a real terminal (tmux). Create an intake, answer
//! questions of several types, add a repeat entry, quit, start again and find every
//! answer; then kill the process with SIGKILL while typing and find the saved answers
//! and the draft back. Needs tmux: fails (does not skip) when it is missing.

mod tui_util;

use serde_json::{Value, json};
use std::path::Path;
use std::process::Command;
use tui_util::tmux::{Tmux, intake_cmd};

fn show(db: &Path) -> Value {
    let out = intake_cmd(db)
        .args(["show", "1", "--json"])
        .output()
        .expect("run intake show");
    assert!(
        out.status.success(),
        "intake show: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("show --json is JSON")
}

#[test]
fn answers_survive_quit_and_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    let t = Tmux::start(dir.path());
    t.wait_for("Welkom bij intake");

    // A new intake.
    t.keys(&["n"]);
    t.wait_for("Nieuwe intake");
    t.text("Bakkerij Jansen");
    t.wait_for("Bakkerij Jansen");
    t.keys(&["Enter"]);
    t.wait_for("#1 Bakkerij Jansen");

    // Text and e-mail.
    t.focus("Contactpersoon");
    t.answer("Jan de Vries");
    t.focus("E-mailadres contactpersoon");
    t.answer("jan@bakkerij.nl");

    // KvK, postcode (normalised), IBAN, a single choice.
    t.section("Bedrijf");
    t.focus("KvK-nummer");
    t.answer("12345678");
    t.focus("Postcode");
    t.answer("1234ab");
    t.focus("IBAN");
    t.answer("NL91ABNA0417164300");
    t.focus("Branche");
    t.keys(&["Enter"]);
    t.wait_for("( ) Zorg en welzijn");
    t.keys(&["Down", "Down", "Enter"]);
    t.wait_for("Zorg en welzijn");
    t.wait_for("▶ Aantal medewerkers");

    // A number, a multiple choice, yes/no.
    t.section("Werkplekken");
    t.focus("Aantal werkplekken");
    t.answer("8");
    t.focus("Besturingssystemen");
    t.keys(&["Enter"]);
    t.wait_for("[ ] Windows 11");
    t.keys(&["Space"]);
    t.wait_for("[x] Windows 11");
    t.keys(&["Down", "Space"]);
    t.wait_for("[x] Windows 10");
    t.keys(&["Enter"]);
    t.wait_for("Windows 11, Windows 10");
    t.focus("Apple-computers aanwezig");
    t.keys(&["n"]);
    t.wait_value("nee");

    // A repeat group: the first location, then a second one added with a.
    t.section("Locaties");
    t.focus("Naam van de locatie");
    t.answer("Hoofdkantoor");
    t.keys(&["a"]);
    t.wait_for("Locatie 2 / 2");
    t.focus("Naam van de locatie");
    t.answer("Magazijn");

    // A mobile number in the users group.
    t.section("Gebruikers");
    t.focus("Naam");
    t.answer("Piet Bakker");
    t.focus("Mobiel nummer");
    t.answer("06 12345678");

    // A date.
    t.section("Planning");
    t.focus("Gewenste startdatum");
    t.answer("01-06-2099"); // typed the Dutch way, stored as ISO

    // Quit with q; the program ends cleanly and leaves the terminal as it was.
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), "0", "exit status after q");
    t.wait_format("#{alternate_on}", "0");
    t.wait_format("#{mouse_any_flag}", "0");

    let expected = json!({
        "intake.contact_name": "Jan de Vries",
        "intake.contact_email": "jan@bakkerij.nl",
        "company.kvk": "12345678",
        "company.postcode": "1234 AB",
        "company.iban": "NL91ABNA0417164300",
        "company.sector": "healthcare",
        "workstations.count": 8,
        "workstations.os": ["windows_11", "windows_10"],
        "workstations.apple": false,
        "locations[1].name": "Hoofdkantoor",
        "locations[2].name": "Magazijn",
        "users[1].name": "Piet Bakker",
        "users[1].mobile": "+31612345678",
        "planning.go_live": "2099-06-01",
    });
    let check = |when: &str| {
        let shown = show(&t.db);
        for (k, v) in expected.as_object().unwrap() {
            assert_eq!(shown["answers"].get(k), Some(v), "{when}: answer {k}");
        }
    };
    check("after q");

    // Start again: the list shows the intake; opening it returns to Planning.
    t.respawn();
    t.wait_for("Bakkerij Jansen");
    t.keys(&["Enter"]);
    t.wait_all(&["#1 Bakkerij Jansen", "01-06-2099"]);
    assert_eq!(t.section_title(), "Planning", "reopened where we were");
    for _ in 0..11 {
        t.keys(&["PPage"]);
    }
    t.wait_all(&[
        "│Bedrijf ",
        "12345678",
        "1234 AB",
        "NL91 ABNA 0417 1643 00",
        "Zorg en welzijn",
    ]);
    t.keys(&["NPage", "NPage"]);
    t.wait_all(&["│Locaties ", "1:Hoofdkantoor", "2:Magazijn"]);

    // Type into a field and kill the process mid-typing.
    t.keys(&["PPage", "PPage"]);
    t.wait_for("│Bedrijf ");
    t.focus("Plaats");
    t.keys(&["Enter"]);
    t.wait_for("Ctrl-U");
    t.text("Utrec");
    t.wait_for("Utrec");
    let pid = t.program_pid().to_string();
    let kill = Command::new("kill")
        .args(["-9", &pid])
        .status()
        .expect("kill");
    assert!(kill.success());
    assert_eq!(t.wait_exit(), "137", "killed by SIGKILL");
    check("after SIGKILL");
    assert!(
        show(&t.db)["answers"].get("company.city").is_none(),
        "a draft is not an answer"
    );

    // Start again: every answer is there and the draft is back in the editor.
    t.respawn();
    t.wait_for("Bakkerij Jansen");
    t.keys(&["Enter"]);
    let screen = t.wait_for("Utrec");
    assert!(
        screen.contains("▶ Plaats") && screen.contains("Ctrl-U"),
        "the editor is open on Plaats:\n{screen}"
    );
    t.text("ht");
    t.keys(&["Enter"]);
    t.wait_for("✓ Opgeslagen");
    assert_eq!(show(&t.db)["answers"]["company.city"], json!("Utrecht"));
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), "0", "exit status after the second q");
}

/// A whole on-site intake by keys alone, as a specialist does it at a 7-workstation
/// medical practice: every required answer and the usual optional ones, two locations,
/// six users, completed from the review. Prints the keystrokes it took: 106 keys and
/// 264 typed characters before `!` (next open item), section numbers, `s`, and
/// Enter saving and moving on in every list; see the report of issue 16.
#[test]
fn whole_on_site_intake_by_keys() {
    let dir = tempfile::tempdir().unwrap();
    let t = Tmux::start(dir.path());
    t.wait_for("Welkom bij intake");
    t.keys(&["n"]);
    t.wait_for("Nieuwe intake");
    t.text("Huisartsenpraktijk Zuid");
    t.keys(&["Enter"]);
    t.wait_for("#1 Huisartsenpraktijk Zuid");

    // `!` goes to the next thing missing, wherever it is.
    t.keys(&["!"]);
    t.wait_for("▶ Contactpersoon");
    t.answer("Dr. A. Bos");
    t.answer("a.bos@praktijkzuid.nl");

    t.keys(&["!"]);
    t.wait_for("▶ KvK-nummer");
    t.answer("12345678");
    t.keys(&["!"]);
    t.wait_for("▶ Postcode");
    t.answer("3511AB");
    t.answer("Utrecht");
    t.answer("facturen@praktijkzuid.nl");
    t.focus("Branche");
    t.keys(&["Enter"]);
    t.wait_for("( ) Zorg en welzijn");
    t.keys(&["Down", "Down", "Enter"]);
    t.wait_for("▶ Aantal medewerkers");
    t.answer("9");

    t.keys(&["!"]);
    t.wait_for("▶ Aantal werkplekken");
    t.answer("7");
    t.wait_for("▶ Type werk");
    t.keys(&["Enter"]);
    t.wait_for("( ) Gemiddeld");
    t.keys(&["Down", "Enter"]);
    t.wait_for("Gemiddeld: Office");
    t.focus("Besturingssystemen");
    t.keys(&["Enter"]);
    t.wait_for("[ ] Windows 11");
    t.keys(&["Space"]);
    t.wait_for("[x] Windows 11");
    // Enter saves the ticks and moves on, as in a single choice.
    t.keys(&["Enter"]);
    t.wait_for("▶ Apple-computers aanwezig");
    t.keys(&["n"]);
    t.wait_value("nee");

    t.keys(&["!"]);
    t.wait_for("▶ Naam van de locatie");
    t.answer("Praktijk Zuid");
    t.keys(&["!"]);
    t.wait_for("▶ Werkplekken op deze locatie");
    t.answer("5");
    t.keys(&["a"]);
    t.wait_for("Locatie 2 / 2");
    t.focus("Naam van de locatie");
    t.answer("Dependance Oost");
    t.keys(&["!"]);
    t.wait_for("▶ Werkplekken op deze locatie");
    t.answer("2");

    t.keys(&["!"]);
    t.wait_for("Gebruiker 1 / 1");
    let users = [
        ("Anna Bos", "0612345671"),
        ("Bert de Wit", "0612345672"),
        ("Carla Smit", "0612345673"),
        ("Dirk Jansen", "0612345674"),
        ("Eva Visser", "0612345675"),
        ("Frank Mulder", "0612345676"),
    ];
    for (i, (name, mobile)) in users.iter().enumerate() {
        if i > 0 {
            t.keys(&["a"]);
            t.wait_for(&format!("Gebruiker {} / {}", i + 1, i + 1));
        }
        t.focus("Naam");
        t.answer(name);
        t.focus("Mobiel nummer");
        t.answer(mobile);
    }

    // A section by its number: 7 is E-mail.
    t.keys(&["7"]);
    t.wait_for("▶ Huidig e-mailsysteem");
    t.keys(&["Enter"]);
    t.wait_for("( ) Microsoft 365");
    t.keys(&["Down", "Enter"]);
    t.wait_for("▶ Aantal mailboxen");
    t.answer("6");

    // Past 9, the section list: d is Planning.
    t.keys(&["s"]);
    t.wait_for("Naar onderdeel");
    t.keys(&["d"]);
    t.wait_for("▶ Gewenste startdatum");
    t.answer("2099-03-01");

    t.keys(&["r"]);
    t.wait_for("c afronden");
    t.keys(&["c"]);
    t.wait_for("compleet");
    t.keys(&["q"]);
    assert_eq!(t.wait_exit(), "0", "exit status after q");

    let shown = show(&t.db);
    assert_eq!(shown["status"], json!("complete"));
    assert_eq!(shown["answers"]["users[6].mobile"], json!("+31612345676"));
    assert_eq!(shown["answers"]["locations[2].workstations"], json!(2));
    assert_eq!(shown["answers"]["company.sector"], json!("healthcare"));
    assert_eq!(shown["answers"]["workstations.os"], json!(["windows_11"]));
    assert_eq!(shown["answers"]["email.provider"], json!("microsoft365"));
    assert_eq!(shown["answers"]["planning.go_live"], json!("2099-03-01"));
    println!(
        "whole on-site intake: {} keys and {} typed characters",
        t.key_count.get(),
        t.char_count.get()
    );
}
