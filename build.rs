//! Embeds every Fluent resource under `assets/locales/<lang>/*.ftl`, so adding a language or
//! an area is adding files: the list is made here, not written by hand.

use std::fmt::Write;
use std::path::Path;

fn main() {
    // Read when the script runs, not baked in when it is compiled: a build script compiled
    // in one checkout and reused from a copied target directory in another would otherwise
    // embed (and watch) the first checkout's files.
    let manifest_dir = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let root = Path::new(&manifest_dir).join("assets/locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut entries = Vec::new();
    let mut langs: Vec<_> = std::fs::read_dir(&root)
        .expect("assets/locales must exist")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().is_dir())
        .collect();
    langs.sort_by_key(|e| e.file_name());
    for lang in langs {
        let mut files: Vec<_> = std::fs::read_dir(lang.path())
            .expect("a locale folder is readable")
            .filter_map(|e| e.ok())
            .filter(|e| e.path().extension().is_some_and(|x| x == "ftl"))
            .collect();
        files.sort_by_key(|e| e.file_name());
        for file in files {
            entries.push((
                lang.file_name().to_string_lossy().into_owned(),
                file.file_name().to_string_lossy().into_owned(),
                file.path(),
            ));
        }
    }
    let mut out =
        String::from("/// (language, file, contents) of every embedded Fluent resource.\n");
    out.push_str("pub static RESOURCES: &[(&str, &str, &str)] = &[\n");
    for (lang, name, path) in entries {
        writeln!(
            out,
            "    ({lang:?}, {name:?}, include_str!({:?})),",
            path.display().to_string()
        )
        .unwrap();
    }
    out.push_str("];\n");
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("locales.rs");
    std::fs::write(dest, out).unwrap();
}
