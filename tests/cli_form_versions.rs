//! Form versions (issue 4): an intake remembers the form it was started with; when a
//! newer version of that form is registered, the intake opens with it. Answers to
//! questions that remain carry over; answers to removed questions are kept as
//! "no longer in the form", shown, exported and importable, never dropped.

mod common;

use common::Env;
use serde_json::json;

const V1: &str = r#"
id = "kantoor"
version = 1
languages = ["nl", "en"]
title = { nl = "Kantoor", en = "Office" }

[[section]]
id = "k"
title = { nl = "Kantoor", en = "Office" }

[[section.question]]
id = "naam"
type = "text"
label = { nl = "Naam", en = "Name" }
required = true

[[section.question]]
id = "fax"
type = "yes_no"
label = { nl = "Fax aanwezig", en = "Fax present" }

[[section.question]]
id = "plekken"
type = "integer"
label = { nl = "Werkplekken", en = "Workstations" }

[[section]]
id = "p"
title = { nl = "Personen", en = "People" }
repeat = { min = 0, max = 10, item = { nl = "Persoon", en = "Person" } }

[[section.question]]
id = "naam"
type = "text"
label = { nl = "Naam", en = "Name" }

[[section.question]]
id = "pieper"
type = "text"
label = { nl = "Pieper", en = "Pager" }
"#;

/// Version 2: `k.fax` and `p.pieper` are gone, `k.printer` is new and required.
fn v2() -> String {
    V1.replace("version = 1", "version = 2")
        .replace(
            "id = \"fax\"\ntype = \"yes_no\"\nlabel = { nl = \"Fax aanwezig\", en = \"Fax present\" }",
            "id = \"printer\"\ntype = \"yes_no\"\nlabel = { nl = \"Printer\", en = \"Printer\" }\nrequired = true",
        )
        .replace("\n[[section.question]]\nid = \"pieper\"\ntype = \"text\"\nlabel = { nl = \"Pieper\", en = \"Pager\" }\n", "")
}

#[test]
fn a_newer_form_version_carries_answers_over_and_keeps_removed_ones() {
    let env = Env::new();
    let v1 = env.write("kantoor-v1.toml", V1);
    let id = env
        .ok(&[
            "new",
            "--customer",
            "Kantoor BV",
            "--form",
            v1.to_str().unwrap(),
        ])
        .trim()
        .to_string();
    env.ok(&[
        "set",
        &id,
        "k.naam=Kantoor BV",
        "k.fax=ja",
        "k.plekken=8",
        "p[1].naam=Ann",
        "p[1].pieper=0612",
        "p[2].naam=Bob",
    ]);
    let before = env.show(&id);
    assert_eq!(
        before["form"],
        json!({"id": "kantoor", "version": 1, "started_with": 1})
    );
    assert_eq!(before["progress"]["percent"], json!(100));

    // Registering v2 (here by starting another intake with it) moves this one to v2.
    let v2 = env.write("kantoor-v2.toml", &v2());
    env.ok(&[
        "new",
        "--customer",
        "Ander BV",
        "--form",
        v2.to_str().unwrap(),
    ]);
    let after = env.show(&id);
    assert_eq!(
        after["form"],
        json!({"id": "kantoor", "version": 2, "started_with": 1})
    );
    assert_eq!(
        after["answers"],
        json!({"k.naam": "Kantoor BV", "k.plekken": 8, "p[1].naam": "Ann", "p[2].naam": "Bob"}),
        "answers to kept questions carry over"
    );
    assert_eq!(
        after["orphans"],
        json!({"k.fax": true, "p[1].pieper": "0612"})
    );
    assert_eq!(
        after["missing"],
        json!(["k.printer"]),
        "the new required question is asked"
    );
    let human = env.ok(&["show", &id]);
    assert!(human.contains("kantoor v2"), "{human}");
    assert!(
        human.contains(
            "Niet meer in het formulier (bewaard):\n    k.fax = true\n    p[1].pieper = \"0612\""
        ),
        "{human}"
    );
    let en = env.ok(&["--lang", "en", "show", &id]);
    assert!(en.contains("No longer in the form (kept):"), "{en}");

    // Still in the database...
    let conn = common::open_db(&env.db);
    let fax: String = conn
        .query_row(
            "SELECT value_json FROM answers WHERE intake_id = ?1 AND key = 'k.fax'",
            [&id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(fax, "true");
    drop(conn);
    // ...also after more answers are saved with v2.
    env.ok(&["set", &id, "k.printer=nee"]);
    assert_eq!(
        env.show(&id)["orphans"],
        json!({"k.fax": true, "p[1].pieper": "0612"})
    );

    // ...and in the export, and back again after an import.
    let out = env.path("kantoor.json");
    env.ok(&["export", &id, "--out", out.to_str().unwrap()]);
    let bundle: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(bundle["answers"]["k.fax"], json!(true));
    assert_eq!(bundle["answers"]["p[1].pieper"], json!("0612"));
    let copy = env
        .ok(&["import", out.to_str().unwrap(), "--as-new"])
        .trim()
        .to_string();
    let imported = env.show(&copy);
    assert_eq!(
        imported["orphans"],
        json!({"k.fax": true, "p[1].pieper": "0612"})
    );
    assert_eq!(imported["answers"], env.show(&id)["answers"]);

    // An orphan can still be removed on purpose.
    env.ok(&["unset", &id, "k.fax"]);
    assert_eq!(env.show(&id)["orphans"], json!({"p[1].pieper": "0612"}));
}

#[test]
fn a_form_version_is_fixed_once_registered() {
    let env = Env::new();
    let v1 = env.write("kantoor-v1.toml", V1);
    env.ok(&["new", "--customer", "A", "--form", v1.to_str().unwrap()]);
    // The same version again is fine; other content under the same version is not.
    env.ok(&["new", "--customer", "B", "--form", v1.to_str().unwrap()]);
    let changed = env.write("kantoor-v1b.toml", &V1.replace("Werkplekken", "Plekken"));
    let err = env.fails(&[
        "new",
        "--customer",
        "C",
        "--form",
        changed.to_str().unwrap(),
    ]);
    assert!(
        err.contains(
            "formulier 'kantoor' versie 1 is al bekend met een andere inhoud; verhoog de versie"
        ),
        "{err}"
    );
    // The built-in form's id with the same version but other content is refused too.
    let std_src = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/forms/mkb-werkplek-online.toml"
    ))
    .unwrap();
    let fake = env.write("std.toml", &format!("{std_src}\n# changed\n"));
    let err = env.fails(&["new", "--customer", "D", "--form", fake.to_str().unwrap()]);
    assert!(
        err.contains("heeft de id en versie van het ingebouwde formulier maar een andere inhoud"),
        "{err}"
    );
    // An unchanged copy of the built-in form is simply the built-in form.
    let same = env.write("same.toml", &std_src);
    let id = env
        .ok(&["new", "--customer", "E", "--form", same.to_str().unwrap()])
        .trim()
        .to_string();
    assert_eq!(env.show(&id)["form"]["id"], json!("mkb-werkplek-online"));
    assert_eq!(env.intake_count(), 3);
}
