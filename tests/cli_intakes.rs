//! The headless intake commands through the real binary: new, list, show, set, unset,
//! history, delete, purge, errors, and the database file itself (mode, versions).

mod common;

use common::{Env, USER, section};
use serde_json::{Value as Json, json};

#[test]
fn new_prints_the_id_and_records_the_mode() {
    let env = Env::new();
    assert!(env.ok(&["list"]).contains("Nog geen intakes"));
    assert_eq!(env.json(&["list", "--json"]), json!([]));
    for (i, (arg, id)) in [
        ("on-site", "on_site"),
        ("online", "online"),
        ("self", "self"),
    ]
    .iter()
    .enumerate()
    {
        let out = env.ok(&["new", "--customer", "Klant", "--mode", arg]);
        assert_eq!(out, format!("{}\n", i + 1));
        let show = env.show(&(i + 1).to_string());
        assert_eq!(show["mode"], json!(id));
        assert_eq!(show["answers"]["intake.mode"], json!(id));
        assert_eq!(show["answers"]["company.name"], json!("Klant"));
        assert_eq!(show["form"]["id"], json!("mkb-werkplek-online"));
    }
    let list = env.json(&["list", "--json"]);
    let modes: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["mode"].as_str().unwrap())
        .collect();
    assert_eq!(modes.len(), 3);
    assert!(modes.contains(&"self") && modes.contains(&"online") && modes.contains(&"on_site"));
    let human = env.ok(&["list"]);
    assert_eq!(
        human.lines().count(),
        4,
        "a header and three intakes:\n{human}"
    );
    // Default mode is on site; an empty customer name is refused.
    let id = env.new_intake("Bakkerij Jansen");
    assert_eq!(env.show(&id)["mode"], json!("on_site"));
    assert!(
        env.fails(&["--lang", "en", "new", "--customer", "  "])
            .contains("customer name is empty")
    );
    assert!(
        env.fails(&["new", "--customer", "X", "--mode", "remote"])
            .contains("remote")
    );
}

#[test]
fn a_fresh_intake_shows_progress_per_section_and_what_is_missing() {
    let env = Env::new();
    let id = env.new_intake("Bakkerij Jansen");
    let show = env.show(&id);
    let missing: Vec<&str> = show["missing"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(
        missing,
        [
            "intake.contact_name",
            "intake.contact_email",
            "company.kvk",
            "company.postcode",
            "company.billing_email",
            "workstations.count",
            "workstations.workload",
            "locations[1].name",
            "locations[1].workstations",
            "users[1].name"
        ]
    );
    assert_eq!(show["errors"], json!([]));
    assert_eq!(show["orphans"], json!({}));
    let company = section(&show, "company");
    assert_eq!(
        (
            company["answered"].as_u64(),
            company["required"].as_u64(),
            company["missing"].as_u64()
        ),
        (Some(1), Some(4), Some(3))
    );
    assert_eq!(section(&show, "users")["entries"], json!(1));
    assert_eq!(section(&show, "company")["entries"], Json::Null);
    let p = &show["progress"];
    assert_eq!(
        p["required"].as_u64().unwrap() - p["missing"].as_u64().unwrap(),
        2,
        "mode and company name: {p}"
    );
    // The calculated total of users counts nobody yet.
    assert_eq!(
        show["answers"].get("planning.total_users"),
        None,
        "calculations are not answers"
    );
    let human = env.ok(&["show", &id]);
    assert!(
        human.starts_with(&format!("#{id} Bakkerij Jansen — op locatie")),
        "{human}"
    );
    assert!(human.contains("planning.total_users = 0"), "{human}");
    assert!(
        human.contains("Ontbreekt:\n    intake.contact_name"),
        "{human}"
    );
    let en = env.ok(&["--lang", "en", "show", &id]);
    assert!(
        en.contains("Missing:") && en.contains("required answers given"),
        "{en}"
    );
}

#[test]
fn unset_removes_answers_and_refuses_unknown_keys() {
    let env = Env::new();
    let id = env.new_intake("Bakkerij Jansen");
    env.ok(&[
        "set",
        &id,
        "company.kvk=12345678",
        "locations[2].name=Filiaal",
    ]);
    let err = env.fails(&["unset", &id, "company.kvk", "company.nope"]);
    assert!(err.contains("company.nope"), "{err}");
    assert_eq!(
        env.answers(&id)["company.kvk"],
        json!("12345678"),
        "nothing unset"
    );
    env.ok(&["unset", &id, "company.kvk", "locations[2].name"]);
    let answers = env.answers(&id);
    assert_eq!(answers.get("company.kvk"), None);
    assert_eq!(answers.get("locations[2].name"), None);
    assert_eq!(section(&env.show(&id), "locations")["entries"], json!(1));
}

#[test]
fn history_says_who_changed_what_when() {
    let env = Env::new();
    let id = env.new_intake("Bakkerij Jansen");
    env.ok(&["set", &id, "company.kvk=12345678"]);
    env.ok(&["set", &id, "company.kvk=87654321"]);
    env.ok(&["unset", &id, "company.kvk"]);
    let h = env.json(&["history", &id, "company.kvk", "--json"]);
    let rows = h.as_array().unwrap();
    let changes: Vec<(Json, Json)> = rows
        .iter()
        .map(|r| (r["old"].clone(), r["new"].clone()))
        .collect();
    assert_eq!(
        changes,
        [
            (Json::Null, json!("12345678")),
            (json!("12345678"), json!("87654321")),
            (json!("87654321"), Json::Null)
        ]
    );
    for r in rows {
        assert_eq!(r["changed_by"], json!(USER));
        assert_eq!(r["key"], json!("company.kvk"));
        let at = r["changed_at"].as_str().unwrap();
        assert!(
            time::OffsetDateTime::parse(at, &time::format_description::well_known::Rfc3339).is_ok(),
            "{at}"
        );
    }
    let all = env.json(&["history", &id, "--json"]);
    assert!(
        all.as_array()
            .unwrap()
            .iter()
            .any(|r| r["key"] == json!("company.name")),
        "creation is in the history"
    );
    let human = env.ok(&["history", &id, "company.kvk"]);
    // A header line, then the changes.
    assert_eq!(human.lines().count(), 4);
    assert!(
        human.lines().nth(2).unwrap().contains(&format!("{USER} "))
            && human.contains("\"12345678\" → \"87654321\""),
        "{human}"
    );
    assert!(
        env.fails(&["history", &id, "Not A Key"])
            .contains("geen antwoordsleutel")
    );
}

#[test]
fn list_has_headers_in_the_users_language() {
    let env = Env::new();
    env.new_intake("Bakkerij Jansen");
    let nl = env.ok(&["--lang", "nl", "list"]);
    let head = nl.lines().next().unwrap();
    for word in ["klant", "vorm", "status", "voortgang", "gewijzigd"] {
        assert!(head.contains(word), "{nl}");
    }
    assert!(nl.contains("op locatie") && nl.contains("concept"), "{nl}");
    let en = env.ok(&["--lang", "en", "list"]);
    assert!(en.lines().next().unwrap().contains("customer"), "{en}");
    assert!(en.contains("on site") && en.contains("draft"), "{en}");
}

/// clap's own errors (an unknown option, a missing argument, a value of the wrong type, an
/// unknown command) in the user's language, with clap's exit code 2 and nothing written.
#[test]
fn parse_errors_speak_the_users_language() {
    let env = Env::new();
    let cases: [(&[&str], &str, &str); 4] = [
        (
            &["list", "--jsn"],
            "fout: onbekende optie '--jsn'",
            "error: unknown option '--jsn'",
        ),
        (
            &["show"],
            "fout: een verplicht argument ontbreekt: '<NR>'",
            "error: a required argument is missing: '<ID>'",
        ),
        (
            &["show", "abc"],
            "fout: ongeldige waarde 'abc' voor '<NR>': een geheel getal verwacht",
            "error: invalid value 'abc' for '<ID>': a whole number was expected",
        ),
        (
            &["lst"],
            "fout: onbekende opdracht 'lst'",
            "error: unknown command 'lst'",
        ),
    ];
    for (args, nl, en) in cases {
        for (lang, start) in [("nl", nl), ("en", en)] {
            let mut with_lang = vec!["--lang", lang];
            with_lang.extend_from_slice(args);
            let out = env.run(&with_lang);
            let err = common::stderr(&out);
            assert_eq!(out.status.code(), Some(2), "{with_lang:?}: {err}");
            assert!(err.starts_with(start), "{with_lang:?}: {err}");
            assert!(!err.contains("Usage:") || lang == "en", "{err}");
        }
    }
    // A suggestion and the usage line come along, in Dutch.
    let err = common::stderr(&env.run(&["list", "--jsn"]));
    assert!(
        err.contains("bedoelde u '--json'?") && err.contains("Gebruik: intake list"),
        "{err}"
    );
    assert!(!env.db.exists(), "a refused command wrote the database");
}
