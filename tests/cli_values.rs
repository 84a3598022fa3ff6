//! `intake set` through the real binary: every answer type parsed and stored
//! normalised, bad values refused with the form's message in Dutch and English,
//! constraints across answers, and all-or-nothing per call.

mod common;

use common::{Env, section};
use serde_json::{Value as Json, json};

#[test]
fn set_parses_every_type_and_stores_it_normalised() {
    let env = Env::new();
    let id = env.new_intake("Bakkerij Jansen");
    let cases: &[(&str, &str, Json)] = &[
        ("company.address", "Dorpsstraat 1  ", json!("Dorpsstraat 1")),
        ("workstations.count", "12", json!(12)),
        ("workstations.devices", "1.000", json!(1000)),
        ("locations[1].down_mbps", "50,5", json!(50.5)),
        ("locations[1].up_mbps", "20.25", json!(20.25)),
        ("work.offline_needed", "ja", json!(true)),
        ("workstations.apple", "no", json!(false)),
        ("workstations.workload", "medium", json!("medium")),
        ("company.sector", "Onderwijs", json!("education")),
        ("apps[1].name", "exact", json!("exact")),
        (
            "users[1].options",
            "visio,Microsoft Access, visio",
            json!(["visio", "access"]),
        ),
        ("planning.go_live", "2031-02-28", json!("2031-02-28")),
        (
            "company.billing_email",
            "factuur@jansen.nl",
            json!("factuur@jansen.nl"),
        ),
        ("users[1].mobile", "06-1234 5678", json!("+31612345678")),
        ("users[2].mobile", "+31 6 87654321", json!("+31687654321")),
        ("company.postcode", "1234ab", json!("1234 AB")),
        ("company.kvk", "1234 5678", json!("12345678")),
        ("company.vat", "nl123456782b01", json!("NL123456782B01")),
        (
            "company.iban",
            "nl91 abna 0417 1643 00",
            json!("NL91ABNA0417164300"),
        ),
        ("locations[2].name", "Filiaal", json!("Filiaal")),
    ];
    let pairs: Vec<String> = cases.iter().map(|(k, v, _)| format!("{k}={v}")).collect();
    let mut args = vec!["set", id.as_str()];
    args.extend(pairs.iter().map(String::as_str));
    assert_eq!(env.ok(&args), "");
    let answers = env.answers(&id);
    for (key, input, want) in cases {
        assert_eq!(&answers[*key], want, "{key}={input}");
    }
    let show = env.show(&id);
    assert_eq!(
        section(&show, "locations")["entries"],
        json!(2),
        "locations[2] made a second entry"
    );
    let human = env.ok(&["show", &id]);
    for line in [
        "company.iban = NL91 ABNA 0417 1643 00",
        // A number and its unit joined by a no-break space; thousands grouped.
        "locations[1].down_mbps = 50,5\u{a0}Mbit/s",
        "workstations.devices = 1.000",
        "users[1].options = Microsoft Visio, Microsoft Access",
        "company.sector = Onderwijs",
        "work.offline_needed = ja",
    ] {
        assert!(human.contains(line), "missing {line:?} in:\n{human}");
    }
    // Dates as people write them (the intake's date is today's), never ISO.
    let iso = regex::Regex::new(r"\b\d{4}-\d{2}-\d{2}\b").unwrap();
    assert!(!iso.is_match(&human), "an ISO date in:\n{human}");
    assert!(human.contains("intake.date = "), "{human}");
    let en = env.ok(&["--lang", "en", "show", &id]);
    assert!(
        en.contains("locations[1].down_mbps = 50.5\u{a0}Mbit/s")
            && en.contains("company.sector = Education"),
        "{en}"
    );
    // An empty value clears the answer.
    env.ok(&["set", &id, "company.address="]);
    assert_eq!(env.answers(&id).get("company.address"), None);
}

/// Each bad value is refused with the form's message, exit code non-zero, nothing saved.
#[test]
fn bad_values_are_refused_with_the_forms_message() {
    let env = Env::new();
    let id = env.new_intake("Bakkerij Jansen");
    let before = env.answers(&id);
    let cases: &[(&str, &str, &str)] = &[
        ("workstations.count", "twaalf", "Vul een geheel getal in."),
        ("workstations.count", "2.5", "Vul een geheel getal in."),
        ("workstations.count", "0", "Minimaal 1."),
        ("workstations.count", "501", "Maximaal 500."),
        ("locations[1].down_mbps", "1.000,5", "Vul een getal in"),
        (
            "work.offline_needed",
            "misschien",
            "Antwoord met ja of nee.",
        ),
        (
            "workstations.workload",
            "enorm",
            "'enorm' is geen keuze; kies uit: light, medium, heavy, power.",
        ),
        ("users[1].options", "visio,excel", "'excel' is geen keuze"),
        (
            "planning.go_live",
            "2031-02-30",
            "Vul een bestaande datum in, bijv. 27-11-2026.",
        ),
        (
            "planning.go_live",
            "2001-01-01",
            "Kies een datum in de toekomst.",
        ),
        (
            "company.billing_email",
            "factuur@jansen",
            "Vul een geldig e-mailadres in",
        ),
        (
            "users[1].mobile",
            "020-1234567",
            "Vul een Nederlands mobiel nummer in",
        ),
        (
            "users[1].mobile",
            "06-61234567",
            "066-nummers zijn semafoonnummers",
        ),
        (
            "users[1].mobile",
            "097 1234 5678",
            "097-nummers zijn voor machines",
        ),
        (
            "users[1].mobile",
            "+31 97 12345678",
            "097-nummers zijn voor machines",
        ),
        (
            "company.postcode",
            "1234",
            "Vul een postcode in als 1234 AB.",
        ),
        (
            "company.postcode",
            "0123 AB",
            "Vul een postcode in als 1234 AB.",
        ),
        (
            "company.postcode",
            "1234 SA",
            "De lettercombinatie SA wordt in postcodes niet gebruikt.",
        ),
        ("company.postcode", "1234 sd", "De lettercombinatie SD"),
        ("company.postcode", "1234SS", "De lettercombinatie SS"),
        (
            "company.kvk",
            "1234567",
            "Een KvK-nummer heeft precies 8 cijfers.",
        ),
        (
            "company.vat",
            "NL123456789X01",
            "Een btw-id is NL, 9 cijfers, B en 2 cijfers",
        ),
        (
            "company.iban",
            "NL92ABNA0417164300",
            "Dit IBAN klopt niet (controlegetal).",
        ),
        (
            "company.iban",
            "NL91ABNA041716430",
            "Een Nederlands IBAN heeft 18 tekens.",
        ),
        (
            "locations[21].name",
            "Te veel",
            "'locations' heeft hoogstens 20 items",
        ),
        (
            "locations.name",
            "X",
            "is een herhaalgroep: gebruik locations[N].name",
        ),
        ("company[1].name", "X", "'company' is geen herhaalgroep"),
        (
            "company.nope",
            "X",
            "het formulier 'mkb-werkplek-online' heeft geen vraag 'company.nope'",
        ),
        ("planning.total_users", "3", "deze vraag wordt berekend"),
        ("Company.Name", "X", "is geen antwoordsleutel"),
        ("locations[0].name", "X", "items tellen vanaf 1"),
    ];
    for (key, value, want) in cases {
        let err = env.fails(&["set", &id, &format!("{key}={value}")]);
        assert!(
            err.contains(&format!("fout: {key}: ")),
            "{key}={value}: {err}"
        );
        assert!(
            err.contains(want),
            "{key}={value}: want {want:?}, got {err}"
        );
    }
    assert!(
        env.fails(&["set", &id, "company.kvk"])
            .contains("gebruik SLEUTEL=WAARDE")
    );
    assert_eq!(
        env.answers(&id),
        before,
        "nothing of the refused calls was saved"
    );
}

#[test]
fn one_bad_value_saves_nothing_of_the_call() {
    let env = Env::new();
    let id = env.new_intake("Bakkerij Jansen");
    env.ok(&["set", &id, "company.kvk=12345678"]);
    let before = env.show(&id);
    let history = env
        .json(&["history", &id, "--json"])
        .as_array()
        .unwrap()
        .len();
    for bad in [
        "company.iban=NL92ABNA0417164300",
        "users[1].mobile=0661234567",
        "nope.nope=1",
    ] {
        let args = [
            "set",
            &id,
            "company.kvk=87654321",
            "company.postcode=1234 AB",
            bad,
            "workstations.count=12",
        ];
        env.fails(&args);
        let after = env.show(&id);
        assert_eq!(after["answers"], before["answers"], "{bad}");
        assert_eq!(after["updated_at"], before["updated_at"], "{bad}");
    }
    assert_eq!(
        env.json(&["history", &id, "--json"])
            .as_array()
            .unwrap()
            .len(),
        history
    );
}

#[test]
fn constraints_read_other_answers_and_speak_both_languages() {
    let env = Env::new();
    let id = env.new_intake("Bakkerij Jansen");
    let nl = env.fails(&["set", &id, "planning.go_live=2001-01-01"]);
    assert_eq!(
        nl,
        "fout: planning.go_live: Kies een datum in de toekomst.\n"
    );
    let en = env.fails(&["--lang", "en", "set", &id, "planning.go_live=2001-01-01"]);
    assert_eq!(
        en,
        "error: planning.go_live: Choose a date in the future.\n"
    );
    let en = env.fails(&[
        "--lang",
        "en",
        "set",
        &id,
        "company.iban=NL92ABNA0417164300",
    ]);
    assert_eq!(
        en,
        "error: company.iban: This IBAN fails its check digits. Check for typing errors.\n"
    );
    let en = env.fails(&["--lang", "en", "set", &id, "users[1].mobile=0661234567"]);
    assert!(en.contains("066 numbers are pager numbers"), "{en}");
    // A custom form whose constraint compares two answers: checked against the values
    // as they will be after the call, in either order.
    let form = env.write("pair.toml", PAIR_FORM);
    let pid = env
        .ok(&[
            "new",
            "--customer",
            "Paar",
            "--form",
            form.to_str().unwrap(),
        ])
        .trim()
        .to_string();
    assert_eq!(
        env.fails(&["set", &pid, "a.low=5", "a.high=3"]),
        "fout: a.high: Hoog moet boven laag liggen.\n"
    );
    assert_eq!(
        env.fails(&["--lang", "en", "set", &pid, "a.high=3", "a.low=5"]),
        "error: a.high: High must be above low.\n"
    );
    env.ok(&["set", &pid, "a.high=9", "a.low=5"]);
    assert_eq!(env.answers(&pid), json!({"a.low": 5, "a.high": 9}));
    let show = env.show(&pid);
    assert_eq!(
        show["form"],
        json!({"id": "pair", "version": 1, "started_with": 1})
    );
    // Raising `low` above `high` is accepted (the check belongs
    // to `high`) and then shown as an error of `high`.
    env.ok(&["set", &pid, "a.low=10"]);
    let show = env.show(&pid);
    assert_eq!(
        show["errors"],
        json!([{"key": "a.high", "message": "Hoog moet boven laag liggen."}])
    );
    assert_eq!(show["progress"]["errors"], json!(1));
    let en = env.json(&["--lang", "en", "show", &pid, "--json"]);
    assert_eq!(en["errors"][0]["message"], json!("High must be above low."));
}

const PAIR_FORM: &str = r#"
id = "pair"
version = 1
languages = ["nl", "en"]
title = { nl = "Paar", en = "Pair" }

[[section]]
id = "a"
title = { nl = "A", en = "A" }

[[section.question]]
id = "low"
type = "integer"
label = { nl = "Laag", en = "Low" }
required = true

[[section.question]]
id = "high"
type = "integer"
label = { nl = "Hoog", en = "High" }
constraint = ". > a.low"
constraint_message = { nl = "Hoog moet boven laag liggen.", en = "High must be above low." }
"#;
