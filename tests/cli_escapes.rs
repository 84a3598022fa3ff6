//! Terminal escape injection through the real binary: control characters are refused in
//! answers, customer names and bundles (nothing stored), whatever is already stored is
//! printed escaped, and an error quotes only a short escaped excerpt of its input.

mod common;

use common::Env;
use serde_json::json;

const EVIL: &str = "Evil\u{1b}]2;PWNED\u{7}";

/// No byte of a terminal control sequence in anything printed.
fn clean(out: &std::process::Output) {
    for (what, bytes) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        let text = String::from_utf8_lossy(bytes);
        assert!(
            !text
                .chars()
                .any(|c| c.is_control() && c != '\n' && c != '\t'),
            "{what} holds control characters: {text:?}"
        );
    }
}

#[test]
fn control_characters_are_refused_and_nothing_is_stored() {
    let env = Env::new();
    let id = env.new_intake("Bakkerij Jansen");
    let before = env.answers(&id);
    for (key, value) in [
        ("company.name", EVIL),
        ("company.name", "twee\nregels"),
        ("company.city", "a\rb"),
        ("company.city", "c1\u{9b}31m"),
        ("company.city", "del\u{7f}"),
    ] {
        let out = env.run(&["set", &id, &format!("{key}={value}")]);
        assert!(!out.status.success(), "{key}={value:?} was accepted");
        clean(&out);
        let err = common::stderr(&out);
        assert!(err.contains("stuurteken (U+"), "{err}");
    }
    assert_eq!(env.answers(&id), before);
    // A long text keeps its lines but not an escape.
    env.ok(&["set", &id, "workstations.peripherals=regel 1\r\nregel 2"]);
    assert_eq!(
        env.answers(&id)["workstations.peripherals"],
        json!("regel 1\nregel 2")
    );
    let out = env.run(&["set", &id, "workstations.peripherals=regel\u{1b}[2J"]);
    assert!(!out.status.success());

    let out = env.run(&["new", "--customer", EVIL]);
    assert!(!out.status.success());
    clean(&out);
    assert_eq!(env.intake_count(), 1);
}

#[test]
fn a_bundle_with_escapes_is_refused_with_a_short_escaped_message() {
    let env = Env::new();
    let id = env.new_intake("Bakkerij Jansen");
    let out = env.path("b.json");
    env.ok(&["export", &id, "--out", out.to_str().unwrap()]);
    let mut b: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    b["answers"]["company.city"] = json!(EVIL);
    std::fs::write(&out, serde_json::to_vec(&b).unwrap()).unwrap();
    let other = Env::new();
    let run = other.run(&["import", out.to_str().unwrap()]);
    assert!(!run.status.success());
    clean(&run);
    assert!(
        common::stderr(&run).contains("stuurteken"),
        "{}",
        common::stderr(&run)
    );
    assert_eq!(other.intake_count(), 0);

    // A megabyte of wrong input: the message quotes a short excerpt, escaped.
    b["intake"]["form_version"] = json!(format!("\u{1b}[31m{}", "x".repeat(1 << 20)));
    std::fs::write(&out, serde_json::to_vec(&b).unwrap()).unwrap();
    let run = other.run(&["import", out.to_str().unwrap()]);
    assert!(!run.status.success());
    clean(&run);
    let err = common::stderr(&run);
    assert!(err.len() < 2_000, "{} bytes of error", err.len());
    assert!(err.contains("intake.form_version"), "{err}");
}

#[test]
fn values_stored_before_are_printed_escaped() {
    let env = Env::new();
    let id = env.new_intake("Bakkerij Jansen");
    // As an older version of the program could store them.
    let conn = common::open_db(&env.db);
    conn.execute(
        "UPDATE answers SET value_json = ?1 WHERE key = 'company.name'",
        [serde_json::to_string(&json!(EVIL)).unwrap()],
    )
    .unwrap();
    conn.execute("UPDATE intakes SET customer = ?1", [EVIL])
        .unwrap();
    drop(conn);
    for args in [
        vec!["show", id.as_str()],
        vec!["list"],
        vec!["history", id.as_str()],
        vec!["show", id.as_str(), "--json"],
        vec!["list", "--json"],
    ] {
        let out = env.run(&args);
        assert!(out.status.success(), "{args:?}: {}", common::stderr(&out));
        clean(&out);
    }
    let shown = env.ok(&["show", &id]);
    assert!(shown.contains("Evil\\e]2;PWNED\\u{7}"), "{shown}");
}
