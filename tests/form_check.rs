//! `intake form check` and `intake form show` through the real binary: the standard
//! form passes; each kind of mistake in a form is reported as file:line:col with its
//! message, and every mistake in a file is reported, not just the first.

mod common;

use common::Env;

const STANDARD: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/forms/mkb-werkplek-online.toml"
);

/// A valid form with two languages; `extra` is appended (more questions or fields of
/// question `a.x`, whose last line is line 14).
fn form(extra: &str) -> String {
    format!(
        r#"id = "bad"
version = 1
languages = ["nl", "en"]
title = {{ nl = "B", en = "B" }}

[[section]]
id = "a"
title = {{ nl = "A", en = "A" }}

[[section.question]]
id = "x"
type = "integer"
label = {{ nl = "X", en = "X" }}
required = true
{extra}"#
    )
}

/// Writes the form, runs `form check`, expects failure; returns the stderr lines.
fn check_fails(env: &Env, name: &str, text: &str) -> Vec<String> {
    let path = env.write(name, text);
    let out = env.run(&["--lang", "en", "form", "check", path.to_str().unwrap()]);
    assert!(!out.status.success(), "{name} passed");
    assert!(common::stdout(&out).is_empty());
    let err = common::stderr(&out);
    let prefix = format!("{}:", path.display());
    err.lines()
        .map(|l| l.strip_prefix(&prefix).unwrap_or(l).to_string())
        .collect()
}

/// The one error of a broken form, as `line:col: message`, and the count line.
fn one_error(env: &Env, name: &str, text: &str) -> String {
    let lines = check_fails(env, name, text);
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert_eq!(lines[1], " 1 error");
    lines[0].trim_start().to_string()
}

#[test]
fn the_standard_form_passes() {
    let env = Env::new();
    let out = env.ok(&["--lang", "en", "form", "check", STANDARD]);
    assert!(
        out.starts_with(&format!(
            "{STANDARD}: ok (form 'mkb-werkplek-online' version 2, "
        )),
        "{out}"
    );
    // And a correct custom form next to it.
    let good = env.write("good.toml", &form(""));
    let out = env.ok(&[
        "--lang",
        "en",
        "form",
        "check",
        STANDARD,
        good.to_str().unwrap(),
    ]);
    assert_eq!(out.lines().count(), 2);
    assert!(
        out.contains("good.toml: ok (form 'bad' version 1, 1 section, 1 question)"),
        "{out}"
    );
}

#[test]
fn each_kind_of_mistake_is_reported_with_line_and_column() {
    let env = Env::new();
    let q = |id: &str, ty: &str, rest: &str| {
        format!(
            "\n[[section.question]]\nid = \"{id}\"\ntype = \"{ty}\"\nlabel = {{ nl = \"L\", en = \"L\" }}\n{rest}"
        )
    };
    // Lines 15.. are the extra text; a question added with q() starts with a blank
    // line 15, [[section.question]] 16, id 17, type 18, label 19, rest 20.
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "dup.toml",
            q("x", "text", ""),
            "17:6: duplicate question id 'a.x'",
        ),
        (
            "ref.toml",
            "relevant = \"a.nope > 1\"".into(),
            "15:13: in expression: unknown reference 'a.nope'",
        ),
        (
            "syntax.toml",
            "relevant = \"a.x > > 1\"".into(),
            "15:19: in expression: expected a value, found '>'",
        ),
        (
            "syntax3.toml",
            "relevant = \"\"\"\n(a.x > 1) and > 2\"\"\"".into(),
            "16:15: in expression: expected a value, found '>'",
        ),
        (
            "notbool.toml",
            "relevant = \"a.x + 1\"".into(),
            "15:13: expression 'a.x + 1' must give a yes/no condition",
        ),
        (
            "compare.toml",
            "relevant = \"a.x = 'abc'\"".into(),
            "15:17: in expression: cannot compare integer 'a.x' with text 'abc'",
        ),
        (
            "cycle.toml",
            format!(
                "{}{}",
                q("c1", "calculated", "calculate = \"a.c2 + 1\""),
                q("c2", "calculated", "calculate = \"a.c1 + 1\"")
            ),
            "20:13: calculation cycle: 'a.c2' depends on 'a.c1', which depends back on it",
        ),
        (
            "default.toml",
            q(
                "s",
                "single_choice",
                "default = \"zz\"\nchoice = [ { id = \"aa\", label = { nl = \"A\", en = \"A\" } } ]",
            ),
            "20:11: default of 'a.s': 'zz' is not a choice; choose from: aa.",
        ),
        (
            "english.toml",
            "\n[[section.question]]\nid = \"s\"\ntype = \"text\"\nlabel = { nl = \"S\" }".into(),
            "19:9: question 'a.s' label has no English text (en), but the form declares en",
        ),
        (
            "type.toml",
            q("s", "txet", ""),
            "18:8: unknown question type 'txet' (known: text, long_text, integer, decimal, yes_no, single_choice, multi_choice, date, email, mobile_nl, postcode_nl, kvk, vat_nl, iban, note, calculated)",
        ),
        (
            "typo.toml",
            "requird = true".into(),
            "15:1: unknown field `requird`, expected one of",
        ),
        (
            "toml.toml",
            "min = = 3".into(),
            "15:7: extra `=`, expected nothing",
        ),
    ];
    for (name, extra, want) in cases {
        let got = one_error(&env, name, &form(&extra));
        assert!(got.starts_with(want), "{name}:\n want {want}\n got  {got}");
    }
}

#[test]
fn every_mistake_in_a_file_is_reported() {
    let env = Env::new();
    let text = form(
        "relevant = \"a.nope\"\n\n[[section.question]]\nid = \"x\"\ntype = \"text\"\nlabel = { nl = \"X\" }\n\n[[section.question]]\nid = \"y\"\ntype = \"integer\"\nlabel = { nl = \"Y\", en = \"Y\" }\nconstraint = \". > > 1\"\nconstraint_message = { nl = \"m\", en = \"m\" }",
    );
    let lines = check_fails(&env, "many.toml", &text);
    assert_eq!(
        lines,
        [
            "15:13: in expression: unknown reference 'a.nope'",
            "18:6: duplicate question id 'a.x'",
            "20:9: question 'a.x' label has no English text (en), but the form declares en",
            "26:19: in expression: expected a value, found '>'",
            " 4 errors",
        ]
    );
    // Two broken files and a good one: both broken files are reported, exit non-zero.
    let a = env.write("a.toml", &form("relevant = \"a.nope\""));
    let b = env.write("b.toml", &form("min = = 3"));
    let out = env.run(&[
        "--lang",
        "en",
        "form",
        "check",
        a.to_str().unwrap(),
        STANDARD,
        b.to_str().unwrap(),
    ]);
    assert!(!out.status.success());
    let err = common::stderr(&out);
    assert!(
        err.contains("a.toml: 1 error") && err.contains("b.toml: 1 error"),
        "{err}"
    );
    assert!(common::stdout(&out).contains("mkb-werkplek-online.toml: ok"));
    let missing = env.run(&["form", "check", env.path("nope.toml").to_str().unwrap()]);
    assert!(!missing.status.success());
    assert!(
        common::stderr(&missing).contains("nope.toml:0:0: cannot open"),
        "{}",
        common::stderr(&missing)
    );
}

#[test]
fn form_show_prints_the_parsed_form() {
    let env = Env::new();
    let json = env.json(&["form", "show", STANDARD, "--json"]);
    assert_eq!(json["id"], "mkb-werkplek-online");
    assert_eq!(json["languages"], serde_json::json!(["nl", "en"]));
    let sections = json["sections"].as_array().unwrap();
    let users = sections.iter().find(|s| s["id"] == "users").unwrap();
    assert_eq!(users["repeat"]["min"], 1);
    let options = users["questions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["id"] == "options")
        .unwrap();
    assert_eq!(options["kind"], "multi_choice");
    let ids: Vec<&str> = options["choices"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "access",
            "project",
            "visio",
            "publisher",
            "infopath",
            "vandale_nl",
            "vandale_de_en_fr",
            "winrar",
            "app_virtualisation"
        ]
    );
    let human = env.ok(&["--lang", "en", "form", "show", STANDARD]);
    assert!(human.starts_with("MKB Werkplek Online"), "{human}");
    assert!(human.contains("users.options"), "{human}");
    let bad = env.write("bad.toml", &form("relevant = \"a.nope\""));
    let err = env.fails(&["form", "show", bad.to_str().unwrap()]);
    assert!(
        err.contains("15:13: in expression: unknown reference 'a.nope'"),
        "{err}"
    );
}
