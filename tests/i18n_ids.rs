//! Every message id the code asks for with `t!(lang, "id", ...)` exists in every language.
//! (Ids built at run time are checked where they are built.)

use std::path::Path;

use intake::form::Lang;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn every_message_the_code_uses_exists_in_every_language() {
    let uses = regex::Regex::new(r#"\b(?:t!\(\s*[^"]*?,|msg!\()\s*"([A-Za-z0-9_.-]+)""#).unwrap();
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    let mut missing = Vec::new();
    let mut seen = 0;
    for file in files {
        // The module that defines t! shows it in its documentation.
        if file.ends_with("src/i18n/mod.rs") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for cap in uses.captures_iter(&text) {
            let id = &cap[1];
            seen += 1;
            for lang in [Lang::Nl, Lang::En] {
                if intake::i18n::message(lang, id, None) == format!("[{id}]") {
                    missing.push(format!("{}: {id} ({})", file.display(), lang.code()));
                }
            }
        }
    }
    assert!(seen > 0, "no t!(..) found: the pattern is broken");
    assert!(
        missing.is_empty(),
        "missing messages:\n{}",
        missing.join("\n")
    );
}
