//! No two-language text pair is left in the command line's and the TUI's code: no `tr(lang, "nl", "en")`
//! helper, no `Lang::Nl => "..."` arm and no `if lang == Lang::Nl { "..." }`. Text goes
//! through Fluent (`t!`); the format layer (`src/i18n/fmt.rs`: month names, separators)
//! is the one place where a language picks characters in code.

use std::path::{Path, PathBuf};

/// The files this check covers: the CLI, the TUI, the report, the database key handling,
/// the workspace, and the helpers they use. (Where code picks a file's own nl/en field, as the
/// catalog's descriptions and the provider's terms, it selects data: no text pair.)
fn covered() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    for dir in [
        "cli",
        "crypt",
        "workspace",
        "report",
        "proposal",
        "plan",
        "quote",
        "tui",
    ] {
        for entry in std::fs::read_dir(root.join(dir)).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    for file in [
        "fsutil.rs",
        "demo.rs",
        "export.rs",
        "i18n/mod.rs",
        "form/model.rs",
        "form/types.rs",
        "advice/template.rs",
        "probe/readiness/mod.rs",
    ] {
        files.push(root.join(file));
    }
    files
}

fn pair_patterns() -> regex::Regex {
    regex::Regex::new(
        r#"(?x)
          \btr\(\s*\w+\s*,\s*"                          # tr(lang, "nl", "en")
        | Lang::(?:Nl|En)\)?\s*=>\s*(?:\(\s*)?(?:"|format!|println!|eprintln!|write!)  # a text arm
        | ==\s*Lang::(?:Nl|En)\s*\{\s*"                 # if lang == Lang::Nl { "..." }
        "#,
    )
    .unwrap()
}

#[test]
fn no_text_pair_is_left_in_the_command_line_code() {
    let pattern = pair_patterns();
    let mut found = Vec::new();
    let files = covered();
    assert!(files.len() > 20, "the file list is broken: {files:?}");
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        for (n, line) in text.lines().enumerate() {
            if pattern.is_match(line) {
                found.push(format!("{}:{}: {}", file.display(), n + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "text pairs left (move them to assets/locales/*/*.ftl):\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_finds_every_kind_of_pair() {
    let pattern = pair_patterns();
    for bad in [
        r#"let s = tr(lang, "Fouten", "Errors");"#,
        r#"    Lang::Nl => "Ontbreekt","#,
        r#"    Lang::En => ("required answers given", "errors"),"#,
        r#"    Lang::Nl => println!("VERWIJDERD op {day}"),"#,
        r#"if lang == Lang::Nl { "Fouten" } else { "Errors" }"#,
        r#"    (Mode::OnSite, Lang::Nl) => "op locatie","#,
    ] {
        assert!(pattern.is_match(bad), "{bad}");
    }
    for good in [
        r#"    Lang::Nl => MONTHS_NL[m],"#,
        r#"    Lang::Nl => 0,"#,
        r#"t!(lang, "show-errors")"#,
        r#""description": match lang { Lang::Nl => &l.description_nl, Lang::En => &l.description_en },"#,
    ] {
        assert!(!pattern.is_match(good), "{good}");
    }
}
