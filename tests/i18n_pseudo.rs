//! The pseudo-locale check: with `INTAKE_PSEUDO=1` every word the program writes itself
//! passes through Fluent and comes out accented ("Ŧǿŧȧŀ"); a plain ASCII word in the output
//! that is not the user's own data did not come through Fluent.
//!
//! `every_command_speaks_through_fluent` runs every command of the command line; the
//! exemptions (the user's data, the form's texts, ids, product names) are listed in
//! `exempt_words`.

mod common;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::{Command, Output};

use common::pseudo::{iban_groups, untranslated, words};

fn intake(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_intake"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("INTAKE_PSEUDO", "1")
        .env("INTAKE_KEY_FILE", common::testkey::key_file(db))
        .env("USER", "tester")
        .output()
        .expect("run intake")
}

#[test]
fn the_checker_finds_a_plain_word() {
    let data = words("Bakkerij Jansen");
    assert_eq!(
        untranslated("Ƈŭşŧǿḿḗř Bakkerij Jansen total", &data),
        vec!["total".to_string()]
    );
    assert!(untranslated("Ƈŭşŧǿḿḗř Bakkerij 12 %", &data).is_empty());
    assert!(untranslated("Ƈŭşŧǿḿḗř Bakke… 12", &data).is_empty());
    assert_eq!(untranslated("Tota…", &data), vec!["Tota".to_string()]);
}

#[test]
fn list_and_errors_come_through_fluent() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let customer = "Bakkerij Jansen";
    let new = intake(&db, &["new", "--customer", customer]);
    assert!(new.status.success(), "{new:?}");

    // The data: the customer's name, the database path; ids and dates are digits.
    let mut data = words(customer);
    data.extend(words(&db.display().to_string()));

    let list = intake(&db, &["list"]);
    let text = String::from_utf8_lossy(&list.stdout);
    assert!(list.status.success() && text.contains(customer), "{text}");
    assert_eq!(untranslated(&text, &data), Vec::<String>::new(), "{text}");

    let empty_db = dir.path().join("empty.db");
    let text = String::from_utf8_lossy(&intake(&empty_db, &["list"]).stdout).into_owned();
    // The command to type stays a command.
    let commands = words("intake new --customer");
    let mut allowed = data.clone();
    allowed.extend(commands);
    assert_eq!(
        untranslated(&text, &allowed),
        Vec::<String>::new(),
        "{text}"
    );

    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, b"{\"format\": ").unwrap();
    let err = intake(&db, &["import", bad.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&err.stderr).into_owned();
    assert!(!err.status.success());
    // serde_json's own description of the fault ("EOF while parsing") is quoted, not ours.
    let mut allowed = data.clone();
    allowed.extend(words(&bad.display().to_string()));
    allowed.extend(words("EOF while parsing an object a value at line column"));
    allowed.extend(words("JSON"));
    assert_eq!(
        untranslated(&text, &allowed),
        Vec::<String>::new(),
        "{text}"
    );

    let err = intake(&db, &["set", "1", "company.kvk=12"]);
    let text = String::from_utf8_lossy(&err.stderr).into_owned();
    let mut allowed = data.clone();
    allowed.extend(words("company.kvk KvK"));
    assert_eq!(
        untranslated(&text, &allowed),
        Vec::<String>::new(),
        "{text}"
    );
}

/// A bundle refused for what is inside it says why in the user's words: the store's reasons
/// and serde's faults (an unknown field, an unknown value, a moment it cannot read) come
/// through Fluent; only the names from the file stay as written.
#[test]
fn a_refused_bundle_says_why_through_fluent() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    assert!(
        intake(&db, &["new", "--customer", "Jansen"])
            .status
            .success()
    );
    let good = serde_json::json!({
        "format": "intake-bundle", "format_version": 1, "exported_at": "2026-01-01T00:00:00Z",
        "intake": {"customer": "Jansen", "mode": "on_site", "status": "draft",
                   "form_id": "mkb-werkplek-online", "form_version": 1,
                   "created_at": "2026-01-01T00:00:00Z"},
        "answers": {}
    });
    let mut deep = serde_json::json!(1);
    for _ in 0..40 {
        deep = serde_json::json!([deep]);
    }
    let long = "a".repeat(300);
    type Change = Box<dyn Fn(&mut serde_json::Value)>;
    let cases: Vec<(&str, Change)> = vec![
        (
            "empty-customer",
            Box::new(|b| b["intake"]["customer"] = "".into()),
        ),
        (
            "long-customer",
            Box::new(move |b| b["intake"]["customer"] = long.clone().into()),
        ),
        (
            "bad-key",
            Box::new(|b| b["answers"] = serde_json::json!({"bad key!": 1})),
        ),
        (
            "bad-index",
            Box::new(|b| b["answers"] = serde_json::json!({"users[0].name": "x"})),
        ),
        (
            "deep",
            Box::new(move |b| b["answers"] = serde_json::json!({"company.name": deep.clone()})),
        ),
        (
            "bad-moment",
            Box::new(|b| b["exported_at"] = "-2026-01-01T00:00:00Z".into()),
        ),
        (
            "unknown-mode",
            Box::new(|b| b["intake"]["mode"] = "nope".into()),
        ),
        ("unknown-field", Box::new(|b| b["extra"] = 1.into())),
        (
            "missing-field",
            Box::new(|b| {
                b.as_object_mut().unwrap().remove("intake");
            }),
        ),
        (
            "wrong-kind",
            Box::new(|b| b["intake"]["form_version"] = "one".into()),
        ),
        ("other-format", Box::new(|b| b["format"] = "x".into())),
        (
            "no-version",
            Box::new(|b| {
                b.as_object_mut().unwrap().remove("format_version");
            }),
        ),
        ("array", Box::new(|b| *b = serde_json::json!([1]))),
    ];
    // Names from the file (fields, keys, values) and the file's path are the user's data.
    let mut allowed = words(&dir.path().display().to_string());
    allowed.extend(words(
        "Jansen intake customer answers bad key users name company exported_at mode nope \
         on_site online self extra form_version format format_version intake-bundle x JSON \
         RFC one json",
    ));
    for (name, change) in &cases {
        let mut b = good.clone();
        change(&mut b);
        let file = dir.path().join(format!("{name}.json"));
        std::fs::write(&file, serde_json::to_vec(&b).unwrap()).unwrap();
        let out = intake(&db, &["import", file.to_str().unwrap()]);
        let text = String::from_utf8_lossy(&out.stderr).into_owned();
        assert!(!out.status.success(), "{name}: accepted");
        let mut ok = allowed.clone();
        ok.extend(words(name));
        assert_eq!(
            untranslated(&text, &ok),
            Vec::<String>::new(),
            "{name}: {text}"
        );
    }
}

/// Every command of `intake --help` (so a new command without a case here fails), on the
/// demo intake, with its error paths and its `--help`, in the pseudo-locale.
///
/// Not run for their output (other parts own and check it): `report` writes the PDF
/// (tests/report_*; only its refusal of a non-PDF name is ours), `serve` and `invite` are the
/// web form's (tests/web_*), and the TUI (no command) has its own pseudo screens. `advise`,
/// `accept`, `quote` and `plan` print the proposal (src/cli/proposal.rs, src/advice, owned by
/// the proposal work); of them only `--help` and an unknown id are checked here, and clap's
/// parse errors (an unknown option, a missing value) once.
#[test]
fn every_command_speaks_through_fluent() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("p.db");
    let path = |name: &str| dir.path().join(name).display().to_string();
    let demo = intake(&db, &["demo"]);
    assert!(demo.status.success(), "{demo:?}");
    let id = String::from_utf8_lossy(&demo.stdout).trim().to_string();

    let mut allowed = exempt_words(&db, &id);
    allowed.extend(words(&dir.path().display().to_string()));
    // File names and the key file are the user's (or the test's) names, not our words.
    allowed.extend(words(&common::testkey::key_file(&db).display().to_string()));
    for name in ["bad.json", "b.json", "missing.json", "pc.json", "r.txt"] {
        allowed.extend(words(name));
    }
    // What the user typed that the program refuses: an unknown answer key, a bad address.
    allowed.extend(words("no.such_key nowhere --jsn lst many"));

    let commands = command_names();
    assert!(commands.len() >= 20, "{commands:?}");
    allowed.extend(commands.iter().cloned());

    let bad_json = path("bad.json");
    std::fs::write(&bad_json, b"{\"format\": ").unwrap();
    let bundle = path("b.json");
    let missing = path("missing.json");
    let probe_file = path("pc.json");
    let form = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/forms/mkb-werkplek-online.toml"
    );

    allowed.extend(words(form));
    // The parsed form too: the engine adds the "other, namely" questions of a choice.
    let parsed = intake(&db, &["form", "show", form, "--json"]);
    allowed.extend(words(&String::from_utf8_lossy(&parsed.stdout)));
    // The facts of this machine (host name, OS, processor, disks) are data, as are the
    // readiness reasons, which come with nl/en fields from assets/readiness.toml like a form.
    let facts = intake(&db, &["probe", "workstation", "--out", &probe_file]);
    assert!(facts.status.success(), "{facts:?}");
    allowed.extend(words(&std::fs::read_to_string(&probe_file).unwrap()));
    allowed.extend(words(include_str!("../assets/readiness.toml")));
    allowed.extend(words("tester localhost"));

    let mut covered = BTreeSet::new();
    let mut failures = Vec::new();
    let mut run = |args: &[&str], allowed: &BTreeSet<String>| {
        // `--help` alone does not count as a case for its command.
        if !args.contains(&"--help") {
            covered.insert(args[0].to_string());
        }
        let out = intake(&db, args);
        let text = format!(
            "{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        let plain = untranslated(&text, allowed);
        if !plain.is_empty() {
            let head: String = text.lines().take(12).collect::<Vec<_>>().join("\n");
            failures.push(format!("intake {}: {plain:?}\n{head}", args.join(" ")));
        }
    };
    let a = &allowed;
    run(&["form", "check", form], a);
    run(&["form", "show", form], a);
    run(&["new", "--customer", "Bakkerij Jansen"], a);
    run(&["list"], a);
    run(&["show", &id], a);
    run(&["set", &id, "company.kvk=12"], a);
    run(&["set", &id, "no.such_key=1"], a);
    run(&["set", &id, "company.kvk=12345678"], a);
    run(&["unset", &id, "company.kvk"], a);
    run(&["history", &id, "company.kvk"], a);
    run(&["export", &id, "--out", &bundle], a);
    run(&["import", &bad_json], a);
    run(&["import", &missing], a);
    run(&["import", &bundle, "--as-new"], a);
    run(&["import", &bundle, "--ours"], a);
    run(&["delete", "9999", "--yes"], a);
    run(&["delete", "2"], a);
    run(&["delete", "2", "--yes"], a);
    run(&["show", "2"], a);
    run(&["restore", "2"], a);
    run(&["purge", "2", "--yes"], a);
    run(
        &["probe", "workstation", "--save", &id, "--out", &probe_file],
        a,
    );
    run(&["probe", "import", &id, &probe_file], a);
    run(&["probe", "import", &id, &missing], a);
    run(&["probe", "lan", "--cidr", "127.0.0.1/32"], a);
    // A server that is not there, no time to measure, and (clap's) a count that is no number.
    for seconds in ["1", "0", "many"] {
        let server = ["probe", "bandwidth", "--server", "127.0.0.1:1"];
        run(&[&server[..], &["--seconds", seconds]].concat(), a);
    }
    run(
        &[
            "probe",
            "bandwidth",
            "--server",
            "127.0.0.1:1",
            "--save",
            &id,
            "--location",
            "Mars",
        ],
        a,
    );
    run(
        &[
            "bandwidth-server",
            "--listen",
            "127.0.0.1:0",
            "--max-seconds",
            "1",
        ],
        a,
    );
    run(&["bandwidth-server", "--listen", "nowhere"], a);
    run(&["db", "status"], a);
    run(&["db", "encrypt"], a);
    run(&["demo"], a);
    run(&["report", &id, "--out", &path("r.txt")], a);
    for cmd in ["advise", "quote", "plan"] {
        run(&[cmd, "9999"], a);
    }
    run(&["accept", "9999", "rule", "--reason", "x"], a);
    // clap's own errors, worded by us: an unknown option, a missing value and argument, a
    // value of the wrong type, an unknown command.
    run(&["list", "--jsn"], a);
    run(&["show"], a);
    run(&["show", "1", "--json", "--db"], a);
    run(&["lst"], a);
    // The web form's and the TUI's own output is checked by their tests (see above).
    for cmd in &commands {
        run(&[cmd.as_str(), "--help"], a);
    }
    run(&["--help"], a);
    for (cmd, sub) in [
        ("form", "check"),
        ("form", "show"),
        ("probe", "workstation"),
        ("probe", "lan"),
        ("probe", "bandwidth"),
        ("probe", "import"),
        ("db", "status"),
        ("db", "encrypt"),
        ("db", "rekey"),
    ] {
        run(&[cmd, sub, "--help"], a);
    }
    let web_owned = ["invite", "serve"];
    let uncovered: Vec<&String> = commands
        .iter()
        .filter(|c| !covered.contains(*c) && !web_owned.contains(&c.as_str()))
        .collect();
    assert!(
        uncovered.is_empty(),
        "commands without a case here: {uncovered:?}"
    );
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

/// The command names of `intake --help` (in English, where the list is headed "Commands:").
fn command_names() -> Vec<String> {
    let out = Command::new(env!("CARGO_BIN_EXE_intake"))
        .args(["--lang", "en", "--help"])
        .output()
        .unwrap();
    let help = String::from_utf8_lossy(&out.stdout).into_owned();
    help.split("Commands:")
        .nth(1)
        .expect("a Commands: list")
        .split("Options:")
        .next()
        .unwrap()
        .lines()
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .map(str::to_owned)
        .collect()
}

/// The words that may stay as they are, each for its reason:
/// - the user's own data: every answer and the customer names of the demo intake;
/// - the form's texts (forms keep their own nl/en fields): every word of forms/*.toml;
/// - ids and keys: the option names of every `--help`, environment variables;
/// - product names and units.
fn exempt_words(db: &Path, id: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let show = intake(db, &["show", id, "--json"]);
    let v: serde_json::Value = serde_json::from_slice(&show.stdout).expect("show --json");
    for value in v["answers"]
        .as_object()
        .into_iter()
        .flat_map(|m| m.values())
    {
        out.extend(words(&value.to_string()));
        // An IBAN is shown in groups of four ("NL91 ABNA 0417 1643 00").
        out.extend(value.as_str().map(iban_groups).unwrap_or_default());
    }
    out.extend(words(v["customer"].as_str().unwrap_or_default()));
    out.extend(words("Bakkerij Jansen Mars"));
    let forms = Path::new(env!("CARGO_MANIFEST_DIR")).join("forms");
    for entry in std::fs::read_dir(forms).unwrap() {
        out.extend(words(
            &std::fs::read_to_string(entry.unwrap().path()).unwrap(),
        ));
    }
    // Ids and keys: options, environment variables, answer keys, file names of the test.
    out.extend(words(
        "intake INTAKE_DB INTAKE_LANG INTAKE_KEY_FILE INTAKE_PUBLIC_URL nl en toml json pdf",
    ));
    // clap's own placeholder in the usage line, which clap does not let us replace.
    out.extend(words("OPTIONS"));
    // Product names, protocols and units.
    out.extend(words(
        "MKB Werkplek Online SQLCipher SQLite JSON TCP IP GB Mbit ms KvK SHA-256 PDF URL age cubic bbr system",
    ));
    for w in option_names() {
        out.insert(w);
    }
    out
}

/// Every `--option` of every command, as clap writes it in `--help`, and the default values
/// it shows (what a user would type: "http://127.0.0.1:8080").
fn option_names() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut queue: Vec<Vec<String>> = vec![vec![]];
    while let Some(path) = queue.pop() {
        let mut args: Vec<String> = vec!["--lang".into(), "en".into()];
        args.extend(path.iter().cloned());
        args.push("--help".into());
        let out_ = Command::new(env!("CARGO_BIN_EXE_intake"))
            .args(&args)
            .output()
            .unwrap();
        let help = String::from_utf8_lossy(&out_.stdout).into_owned();
        for w in words(&help) {
            if let Some(name) = w.strip_prefix("--") {
                out.insert(w.clone());
                out.insert(name.to_string());
            }
        }
        for default in help.split("(default: ").skip(1) {
            out.extend(words(default.split(')').next().unwrap_or_default()));
        }
        if path.len() < 2
            && let Some(list) = help.split("Commands:").nth(1)
        {
            for name in list
                .split("Options:")
                .next()
                .unwrap()
                .lines()
                .filter_map(|l| l.split_whitespace().next())
                .filter(|c| *c != "help")
            {
                out.insert(name.to_string());
                let mut next = path.clone();
                next.push(name.to_string());
                queue.push(next);
            }
        }
    }
    out
}
