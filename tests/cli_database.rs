//! The database and the command surface through the real binary: delete and purge,
//! unknown ids, the file's mode, schema versions (too new, upgrade from v1), a closed
//! pipe, and commands that are not built yet.

mod common;

use common::{Env, stderr, stdout};
use serde_json::json;

#[test]
fn delete_and_purge_ask_for_confirmation() {
    let env = Env::new();
    let keep = env.new_intake("Blijft");
    let id = env.new_intake("Weg");
    env.ok(&["set", &id, "company.kvk=12345678"]);
    // stdin is not a terminal: no question can be asked, so nothing happens.
    for cmd in ["delete", "purge"] {
        let err = env.fails(&["--lang", "en", cmd, &id]);
        assert!(
            err.contains("not confirmed; nothing deleted (use --yes"),
            "{err}"
        );
        assert_eq!(env.intake_count(), 2);
    }
    env.ok(&["delete", &id, "--yes"]);
    let list = env.json(&["list", "--json"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["id"].to_string(), keep);
    let err = env.fails(&["--lang", "en", "set", &id, "company.kvk=87654321"]);
    assert!(err.contains(&format!("intake {id} is deleted")), "{err}");
    // `show` still shows it, and says so.
    let shown = env.json(&["show", &id, "--json"]);
    assert!(shown["deleted_at"].is_string(), "{shown}");
    assert_eq!(shown["answers"]["company.kvk"], json!("12345678"));
    assert!(
        env.ok(&["show", &id, "--lang", "en"])
            .contains("DELETED on "),
        "human output names the deletion"
    );
    assert!(env.json(&["show", &keep, "--json"])["deleted_at"].is_null());
    // Deleted is not erased: the history is still there until purged.
    assert!(
        !env.json(&["history", &id, "--json"])
            .as_array()
            .unwrap()
            .is_empty()
    );
    env.ok(&["purge", &id, "--yes"]);
    for args in [vec!["show", &id], vec!["history", &id]] {
        assert!(
            env.fails(&args)
                .contains(&format!("intake {id} bestaat niet"))
        );
    }
    // Nothing of it is left in the file.
    let conn = common::open_db(&env.db);
    for table in ["answers", "answer_history", "intakes"] {
        let n: i64 = conn
            .query_row(
                &format!(
                    "SELECT count(*) FROM {table} WHERE {} = ?1",
                    if table == "intakes" {
                        "id"
                    } else {
                        "intake_id"
                    }
                ),
                [&id],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(n, 0, "{table}");
    }
    assert_eq!(env.intake_count(), 1);
    env.ok(&["purge", &keep, "--yes"]);
    assert_eq!(env.intake_count(), 0);
}

#[test]
fn unknown_intakes_are_errors() {
    let env = Env::new();
    env.new_intake("Een");
    let out = env.path("x.json");
    let cases: Vec<Vec<&str>> = vec![
        vec!["show", "99"],
        vec!["show", "99", "--json"],
        vec!["set", "99", "company.kvk=12345678"],
        vec!["unset", "99", "company.kvk"],
        vec!["history", "99"],
        vec!["export", "99", "--out", out.to_str().unwrap()],
        vec!["delete", "99", "--yes"],
        vec!["purge", "99", "--yes"],
    ];
    for args in cases {
        let err = env.fails(&args);
        assert_eq!(err, "fout: intake 99 bestaat niet\n", "{args:?}");
    }
    assert!(!out.exists());
    let err = env.fails(&["show", "abc"]);
    assert!(
        err.starts_with("fout: ongeldige waarde 'abc'") && err.contains("geheel getal"),
        "{err}"
    );
}

#[test]
fn a_closed_pipe_ends_quietly() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    // The standard form as JSON is larger than a pipe's buffer, so the writer meets the
    // closed pipe, as with `intake form show ... --json | head -c1`.
    let env = Env::new();
    let mut child = Command::new(env!("CARGO_BIN_EXE_intake"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env("INTAKE_KEY_FILE", common::testkey::key_file(&env.db))
        .args([
            "--db",
            env.db.to_str().unwrap(),
            "form",
            "show",
            "forms/mkb-werkplek-online.toml",
            "--json",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut one = [0u8; 1];
    stdout.read_exact(&mut one).unwrap();
    drop(stdout);
    let mut err = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut err)
        .unwrap();
    let status = child.wait().unwrap();
    assert!(err.is_empty(), "{status:?}: {err}");
    assert!(!status.success(), "ended by the closed pipe, not finished");
}

#[test]
fn a_new_database_is_private_to_its_owner() {
    use std::os::unix::fs::PermissionsExt;
    let env = Env::new();
    env.new_intake("Privé");
    let mode = std::fs::metadata(&env.db).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600, "{mode:o}");
    // Also in a data directory that does not exist yet.
    let nested = env.path("a/b/intake.db");
    let out = common::run_in(&nested, &["list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        std::fs::metadata(&nested).unwrap().permissions().mode() & 0o777,
        0o600
    );
    assert_eq!(
        std::fs::metadata(env.path("a/b"))
            .unwrap()
            .permissions()
            .mode()
            & 0o777,
        0o700
    );
}

#[test]
fn a_database_of_a_newer_program_is_refused_and_left_untouched() {
    let env = Env::new();
    let id = env.new_intake("Toekomst");
    {
        let conn = common::open_db(&env.db);
        conn.pragma_update(None, "user_version", 99).unwrap();
        // Back to a single file, so the bytes below are the whole database.
        conn.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let before = std::fs::read(&env.db).unwrap();
    for args in [
        vec!["list"],
        vec!["show", &id],
        vec!["set", &id, "company.kvk=12345678"],
    ] {
        let err = env.fails(&args);
        assert!(
            err.contains("schemaversie 99") || err.contains("version 99"),
            "{args:?}: {err}"
        );
        assert!(
            err.contains(&format!("{}", intake::store::SCHEMA_VERSION)),
            "names the supported version: {err}"
        );
    }
    assert!(
        std::fs::read(&env.db).unwrap() == before,
        "the file changed"
    );
    let v: i64 = common::open_db(&env.db)
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(v, 99);
}

/// The SQL of schema version 1, read from the source so the test uses what shipped.
fn schema_v1_sql() -> String {
    let src = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/store/schema.rs"))
        .unwrap();
    let start =
        src.find("const V1: &str = r#\"").expect("V1 in schema.rs") + "const V1: &str = r#\"".len();
    let len = src[start..].find("\"#;").expect("end of V1");
    src[start..start + len].to_string()
}

#[test]
fn a_schema_v1_database_is_upgraded_and_keeps_its_answers() {
    let env = Env::new();
    {
        let conn = common::open_db(&env.db);
        conn.execute_batch(&schema_v1_sql()).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        conn.execute_batch(
            "INSERT INTO intakes (customer, mode, status, form_id, form_version, created_at, updated_at) \
               VALUES ('Oud BV', 'online', 'draft', 'mkb-werkplek-online', 1, '2025-03-01T09:00:00Z', '2025-03-01T09:00:00Z');
             INSERT INTO answers VALUES (1, 'company.name', '\"Oud BV\"', '2025-03-01T09:00:00Z');
             INSERT INTO answers VALUES (1, 'company.kvk', '\"12345678\"', '2025-03-01T09:00:00Z');
             INSERT INTO answers VALUES (1, 'locations[1].down_mbps', '50.5', '2025-03-01T09:00:00Z');
             INSERT INTO answer_history (intake_id, key, old_json, new_json, changed_at, changed_by) \
               VALUES (1, 'company.kvk', NULL, '\"12345678\"', '2025-03-01T09:00:00Z', 'oud');",
        )
        .unwrap();
    }
    let show = env.show("1");
    assert_eq!(show["customer"], json!("Oud BV"));
    assert_eq!(show["mode"], json!("online"));
    assert_eq!(
        show["answers"],
        json!({"company.name": "Oud BV", "company.kvk": "12345678", "locations[1].down_mbps": 50.5})
    );
    env.ok(&["set", "1", "company.postcode=1234 AB"]);
    assert_eq!(env.answers("1")["company.postcode"], json!("1234 AB"));
    let h = env.json(&["history", "1", "company.kvk", "--json"]);
    assert_eq!(h[0]["changed_by"], json!("oud"));
    let conn = common::open_db(&env.db);
    let v: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .unwrap();
    assert_eq!(v, intake::store::SCHEMA_VERSION);
    let ok: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(ok, "ok");
    // A new intake in the upgraded file gets the next id.
    assert_eq!(env.new_intake("Nieuw"), "2");
}

/// Commands whose part is not built yet must say so and fail, never pretend. Which
/// ones these are changes as the parts land, so the list is read from `intake --help`.
#[test]
fn unfinished_commands_say_so_and_fail() {
    let env = Env::new();
    let id = env.new_intake("Klant");
    let help = env.ok(&["--lang", "en", "--help"]);
    let commands: Vec<&str> = help
        .split("Commands:")
        .nth(1)
        .expect("a Commands: list")
        .split("Options:")
        .next()
        .unwrap()
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .collect();
    assert!(commands.len() >= 15, "{commands:?}");
    let pdf = env.path("r.pdf");
    let out = env.path("x.json");
    let mut checked = 0;
    for cmd in commands {
        // Arguments that let each command get past argument parsing, cheaply.
        let args: Vec<&str> = match cmd {
            "form" => vec!["form", "show", "forms/mkb-werkplek-online.toml"],
            "new" => vec!["new", "--customer", "X"],
            "list" => vec!["list"],
            "show" | "advise" | "quote" | "plan" => vec![cmd, &id],
            "set" => vec!["set", &id, "company.kvk=12345678"],
            "unset" => vec!["unset", &id, "company.kvk"],
            "history" => vec!["history", &id],
            "export" => vec!["export", &id, "--out", out.to_str().unwrap()],
            "import" => vec!["import", out.to_str().unwrap(), "--as-new"],
            "delete" | "purge" => vec![cmd, "9999", "--yes"],
            "restore" => vec!["restore", "9999"],
            "db" => vec!["db", "status"],
            "probe" => vec![
                "probe",
                "bandwidth",
                "--server",
                "127.0.0.1:1",
                "--seconds",
                "1",
            ],
            "bandwidth-server" => vec![
                "bandwidth-server",
                "--listen",
                "127.0.0.1:0",
                "--max-seconds",
                "1",
            ],
            "accept" => vec!["accept", &id, "rule", "--reason", "test"],
            "report" => vec!["report", &id, "--out", pdf.to_str().unwrap()],
            "demo" => vec!["demo"],
            "invite" => vec!["invite", &id, "--list"],
            // A bad --public-url ends it before it listens.
            "serve" => vec![
                "serve",
                "--listen",
                "127.0.0.1:0",
                "--public-url",
                "ftp://x",
            ],
            other => panic!("new command '{other}': add its arguments to this test"),
        };
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_intake"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .arg("--db")
            .arg(&env.db)
            .env("INTAKE_KEY_FILE", common::testkey::key_file(&env.db))
            .args(&args)
            .stdin(std::process::Stdio::null())
            .output()
            .unwrap();
        let err = stderr(&o);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        if err.contains("not available") {
            checked += 1;
            assert!(
                !o.status.success(),
                "{args:?} says it is not available but exits 0"
            );
            assert!(
                stdout(&o).is_empty(),
                "{args:?} says it is not available but printed: {}",
                stdout(&o)
            );
            assert!(
                err.contains(&format!("'{}'", cmd.replace('-', ""))),
                "{args:?} names itself: {err}"
            );
        }
    }
    eprintln!("{checked} command(s) not available yet");
}
