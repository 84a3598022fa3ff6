//! `intake export` and `intake import` through the real binary: round trips, the
//! conflict with an existing intake, and untrusted bundles refused with a clear
//! message and nothing written.

mod common;

use common::Env;
use serde_json::{Value as Json, json};

/// An intake with answers of several types, exported; returns (id, bundle path).
fn exported(env: &Env) -> (String, std::path::PathBuf) {
    let id = env.new_intake("Bakkerij Jansen");
    env.ok(&[
        "set",
        &id,
        "company.kvk=12345678",
        "company.iban=NL91ABNA0417164300",
        "locations[1].name=Hoofdkantoor",
        "locations[1].down_mbps=50,5",
        "users[1].options=visio,access",
        "work.offline_needed=yes",
    ]);
    let out = env.path("jansen.json");
    let printed = env.run(&["export", &id, "--out", out.to_str().unwrap()]);
    assert!(printed.status.success(), "{}", common::stderr(&printed));
    (id, out)
}

fn read_json(p: &std::path::Path) -> Json {
    serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap()
}

#[test]
fn export_writes_a_self_describing_bundle_and_import_makes_a_new_intake() {
    let env = Env::new();
    let (id, out) = exported(&env);
    let b = read_json(&out);
    assert_eq!(b["format"], json!("intake-bundle"));
    assert_eq!(b["format_version"], json!(1));
    assert_eq!(b["intake"]["form_id"], json!("mkb-werkplek-online"));
    assert_eq!(b["intake"]["form_version"], json!(2));
    assert_eq!(b["answers"]["locations[1].down_mbps"], json!(50.5));
    assert!(
        b["history"].as_array().unwrap().len() >= 9,
        "history travels along"
    );
    assert_eq!(env.show(&id)["status"], json!("exported"));

    // Into a fresh database: a new intake with the same answers and history.
    let other = Env::new();
    let new_id = other
        .ok(&["import", out.to_str().unwrap()])
        .trim()
        .to_string();
    assert_eq!(new_id, "1");
    assert_eq!(other.answers(&new_id), env.answers(&id));
    assert_eq!(
        other.json(&["history", &new_id, "company.kvk", "--json"])[0]["new"],
        json!("12345678")
    );
    let list = other.json(&["list", "--json"]);
    assert_eq!(list[0]["customer"], json!("Bakkerij Jansen"));
    assert_eq!(
        list[0]["progress"],
        env.json(&["list", "--json"])[0]["progress"],
        "progress computed at import"
    );
}

#[test]
fn an_existing_intake_is_merged_never_overwritten_silently() {
    let env = Env::new();
    let (id, out) = exported(&env);
    let file = out.to_str().unwrap();
    // The same bundle back: nothing changed on either side, nothing to do.
    assert_eq!(env.ok(&["import", file]).trim(), id);
    assert_eq!(env.intake_count(), 1);

    // Later work here is kept by a merge, also with --replace (the bundle wins conflicts
    // only; here there are none).
    env.ok(&[
        "set",
        &id,
        "company.kvk=87654321",
        "company.postcode=1234 AB",
    ]);
    assert_eq!(env.ok(&["import", file, "--replace"]).trim(), id);
    let answers = env.answers(&id);
    assert_eq!(answers["company.kvk"], json!("87654321"));
    assert_eq!(answers["company.postcode"], json!("1234 AB"));
    assert_eq!(env.intake_count(), 1);

    // --as-new gives a new id and leaves the first alone.
    let new_id = env.ok(&["import", file, "--as-new"]).trim().to_string();
    assert_ne!(new_id, id);
    assert_eq!(env.answers(&new_id)["company.kvk"], json!("12345678"));
    assert_eq!(env.intake_count(), 2);
    assert!(
        env.fails(&["import", file, "--replace", "--as-new"])
            .contains("cannot be used with")
    );
}

/// Writes `bundle` (JSON or raw bytes), imports it into `env`, and checks it is refused
/// with a message containing `want`, and that the database did not change.
fn refused(env: &Env, name: &str, bytes: &[u8], want: &str) {
    let before = env.json(&["list", "--json"]);
    let path = env.path(name);
    std::fs::write(&path, bytes).unwrap();
    let err = env.fails(&["--lang", "en", "import", path.to_str().unwrap(), "--as-new"]);
    assert!(err.contains(want), "{name}: want {want:?} in:\n{err}");
    assert!(
        err.contains(name),
        "{name}: the message names the file:\n{err}"
    );
    assert_eq!(
        env.json(&["list", "--json"]),
        before,
        "{name}: nothing written"
    );
}

#[test]
fn bad_bundles_are_refused_with_a_clear_message_and_nothing_written() {
    let env = Env::new();
    let (_, out) = exported(&env);
    let text = std::fs::read(&out).unwrap();
    let good = read_json(&out);
    let edit = |f: &dyn Fn(&mut Json)| {
        let mut b = good.clone();
        f(&mut b);
        serde_json::to_vec(&b).unwrap()
    };

    refused(
        &env,
        "truncated.json",
        &text[..text.len() / 2],
        "the file ends too early (truncated?)",
    );
    refused(&env, "empty.json", b"", "ends too early");
    refused(
        &env,
        "garbage.json",
        b"{ this is not json",
        "not valid JSON",
    );
    refused(&env, "array.json", b"[1, 2]", "expected a JSON object");
    refused(
        &env,
        "version.json",
        &edit(&|b| b["format_version"] = json!(2)),
        "bundle format version 2 is newer than this program supports (up to 1)",
    );
    refused(
        &env,
        "version0.json",
        &edit(&|b| b["format_version"] = json!(0)),
        "format version 0 is not supported",
    );
    refused(
        &env,
        "format.json",
        &edit(&|b| b["format"] = json!("other")),
        "not an intake bundle",
    );
    let mut huge = text.clone();
    huge.truncate(huge.len() - 2);
    huge.extend(std::iter::repeat_n(b' ', 8 * 1024 * 1024));
    huge.extend(b"}\n");
    refused(
        &env,
        "huge.json",
        &huge,
        "larger than the 8,388,608\u{a0}byte limit for a bundle",
    );
    refused(
        &env,
        "types.json",
        &edit(&|b| b["intake"]["created_at"] = json!(12)),
        "intake.created_at",
    );
    refused(
        &env,
        "answers.json",
        &edit(&|b| b["answers"] = json!([1, 2])),
        "answers",
    );
    refused(
        &env,
        "mode.json",
        &edit(&|b| b["intake"]["mode"] = json!("remote")),
        "intake.mode",
    );
    refused(
        &env,
        "field.json",
        &edit(&|b| b["intake"]["extra"] = json!(1)),
        "unknown field `extra`",
    );
    refused(
        &env,
        "top.json",
        &edit(&|b| b["payload"] = json!(1)),
        "unknown field `payload`",
    );
    refused(
        &env,
        "key.json",
        &edit(&|b| b["answers"]["company.nope"] = json!("x")),
        "company.nope: form 'mkb-werkplek-online' has no such question",
    );
    refused(
        &env,
        "badkey.json",
        &edit(&|b| b["answers"]["DROP TABLE"] = json!("x")),
        "DROP TABLE",
    );
    refused(
        &env,
        "iban.json",
        &edit(&|b| b["answers"]["company.iban"] = json!("NL92ABNA0417164300")),
        "company.iban: This IBAN fails its check digits",
    );
    refused(
        &env,
        "mobile.json",
        &edit(&|b| b["answers"]["users[1].mobile"] = json!("0661234567")),
        "users[1].mobile:",
    );
    refused(
        &env,
        "choice.json",
        &edit(&|b| b["answers"]["users[1].options"] = json!(["visio", "excel"])),
        "'excel' is not a choice",
    );
    refused(
        &env,
        "type.json",
        &edit(&|b| b["answers"]["workstations.count"] = json!("twelve")),
        "workstations.count: value does not fit the type integer",
    );
    refused(
        &env,
        "bounds.json",
        &edit(&|b| b["answers"]["workstations.count"] = json!(100000)),
        "workstations.count: At most 500.",
    );
    refused(
        &env,
        "entries.json",
        &edit(&|b| b["answers"]["locations[21].name"] = json!("x")),
        "'locations' has at most 20 entries",
    );
    refused(
        &env,
        "calc.json",
        &edit(&|b| b["answers"]["planning.total_users"] = json!(3)),
        "calculated",
    );
    refused(
        &env,
        "form.json",
        &edit(&|b| b["intake"]["form_id"] = json!("other-form")),
        "unknown form 'other-form'",
    );
    refused(
        &env,
        "formv.json",
        &edit(&|b| b["intake"]["form_version"] = json!(7)),
        "form 'mkb-werkplek-online' version 7 is newer",
    );
    // Several problems are all listed.
    let err = {
        let p = env.path("many.json");
        std::fs::write(
            &p,
            edit(&|b| {
                b["answers"]["company.iban"] = json!("NL92ABNA0417164300");
                b["answers"]["company.kvk"] = json!("1");
            }),
        )
        .unwrap();
        env.fails(&["import", p.to_str().unwrap()])
    };
    assert!(
        err.contains("2 ongeldige antwoorden, er is niets ingelezen")
            && err.contains("company.kvk"),
        "{err}"
    );
    assert!(
        env.fails(&["import", env.path("missing.json").to_str().unwrap()])
            .contains("kan het bestand niet openen: bestand of map bestaat niet")
    );
}

#[test]
fn import_errors_speak_the_users_language() {
    let env = Env::new();
    let path = env.path("kapot.json");
    std::fs::write(&path, b"{\"format\": ").unwrap();
    let nl = env.fails(&["--lang", "nl", "import", path.to_str().unwrap()]);
    assert!(
        nl.starts_with("fout: ") && nl.contains("het bestand houdt te vroeg op"),
        "{nl}"
    );
    let en = env.fails(&["--lang", "en", "import", path.to_str().unwrap()]);
    assert!(
        en.starts_with("error: ") && en.contains("the file ends too early"),
        "{en}"
    );
}
