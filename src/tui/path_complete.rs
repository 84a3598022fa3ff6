//! Tab in a file-name field: the last part of the path completed from its folder, as a
//! shell does (as far as all matches agree; a folder gets its `/`).

use std::path::{Path, PathBuf};

/// A folder with more entries than this is read this far (a completion stays instant).
const MAX_ENTRIES: usize = 10_000;

/// What Tab found for `typed`.
#[derive(Debug, PartialEq, Eq)]
pub struct Completion {
    /// The text for the field (unchanged when nothing matched).
    pub text: String,
    /// The names that still match when more than one does, sorted.
    pub choices: Vec<String>,
}

/// Completes `typed`; `home` is the folder `~/` stands for.
pub fn complete(typed: &str, home: Option<&Path>) -> Completion {
    let (dir_typed, prefix) = match typed.rfind('/') {
        Some(i) => (&typed[..=i], &typed[i + 1..]),
        None => ("", typed),
    };
    let dir: PathBuf = match (dir_typed.strip_prefix("~/"), home) {
        (Some(rest), Some(h)) => h.join(rest),
        _ if dir_typed.is_empty() => PathBuf::from("."),
        _ => PathBuf::from(dir_typed),
    };
    let unchanged = || Completion {
        text: typed.to_string(),
        choices: vec![],
    };
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return unchanged();
    };
    let mut matches: Vec<(String, bool)> = entries
        .take(MAX_ENTRIES)
        .filter_map(Result::ok)
        .filter_map(|e| {
            let name = e.file_name().into_string().ok()?;
            let hidden = name.starts_with('.') && !prefix.starts_with('.');
            (!hidden && name.starts_with(prefix)).then(|| {
                let is_dir = e.path().is_dir();
                (name, is_dir)
            })
        })
        .collect();
    matches.sort();
    match matches.as_slice() {
        [] => unchanged(),
        [(name, is_dir)] => Completion {
            text: format!("{dir_typed}{name}{}", if *is_dir { "/" } else { "" }),
            choices: vec![],
        },
        [(first, _), rest @ ..] => {
            let mut common = first.as_str();
            for (name, _) in rest {
                let same = common
                    .char_indices()
                    .zip(name.chars())
                    .find(|((_, a), b)| a != b)
                    .map_or(common.len().min(name.len()), |((i, _), _)| i);
                common = &common[..same];
            }
            Completion {
                text: format!("{dir_typed}{common}"),
                choices: matches.into_iter().map(|(n, _)| n).collect(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completes_as_far_as_the_matches_agree() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        std::fs::write(d.join("jansen-terug.json"), "").unwrap();
        std::fs::write(d.join("jansen-terug.age"), "").unwrap();
        std::fs::write(d.join(".verborgen.json"), "").unwrap();
        std::fs::create_dir(d.join("klanten")).unwrap();
        let base = format!("{}/", d.display());
        let c = complete(&format!("{base}ja"), None);
        assert_eq!(c.text, format!("{base}jansen-terug."));
        assert_eq!(c.choices, vec!["jansen-terug.age", "jansen-terug.json"]);
        let c = complete(&format!("{base}jansen-terug.j"), None);
        assert_eq!(c.text, format!("{base}jansen-terug.json"));
        assert!(c.choices.is_empty());
        assert_eq!(
            complete(&format!("{base}kl"), None).text,
            format!("{base}klanten/")
        );
        assert_eq!(complete(&format!("{base}x"), None).text, format!("{base}x"));
        // Hidden files only when asked for.
        assert_eq!(complete(&base, None).choices.len(), 3);
        assert_eq!(
            complete(&format!("{base}.v"), None).text,
            format!("{base}.verborgen.json")
        );
        // `~/` is the home folder, and stays `~/` in the field.
        assert_eq!(complete("~/kl", Some(d)).text, "~/klanten/");
        // A folder that cannot be read changes nothing.
        assert_eq!(complete("/geen/map/hier", None).text, "/geen/map/hier");
    }
}
