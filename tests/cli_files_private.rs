//! Files the program writes hold personal data: through the real binary, every one is
//! 0600 under umask 022, a link planted at the temporary path the program used to take is
//! left untouched, and a target that is not a regular file is refused.

mod common;

use common::Env;
use std::os::unix::fs::{FileTypeExt, MetadataExt};
use std::path::Path;
use std::process::Command;

/// Runs the binary through `sh` with umask 022, after planting a symlink at the name the
/// old `write_atomic` would have used (`.NAME.PID.tmp`: `exec` keeps the shell's PID).
fn run_with_plant(env: &Env, target: &Path, args: &[&str]) -> std::process::Output {
    let dir = target.parent().unwrap();
    let name = target.file_name().unwrap().to_str().unwrap();
    let mut script = format!(
        "umask 022; ln -s {victim} {dir}/.{name}.$$.tmp; exec {bin} --db {db}",
        victim = env.path("victim.txt").display(),
        dir = dir.display(),
        bin = env!("CARGO_BIN_EXE_intake"),
        db = env.db.display(),
    );
    for a in args {
        script.push_str(&format!(" '{a}'"));
    }
    Command::new("sh")
        .arg("-c")
        .arg(script)
        .env("USER", common::USER)
        .env("INTAKE_KEY_FILE", common::testkey::key_file(&env.db))
        .output()
        .unwrap()
}

fn mode(p: &Path) -> u32 {
    std::fs::metadata(p).unwrap().mode() & 0o777
}

/// The victim is unchanged and the planted link is still a link to it.
fn plant_untouched(env: &Env, target: &Path) {
    assert_eq!(std::fs::read(env.path("victim.txt")).unwrap(), b"keep me");
    let dir = target.parent().unwrap();
    let links: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().unwrap().is_symlink())
        .collect();
    assert_eq!(links.len(), 1, "the planted link stays, no other link");
    assert_eq!(
        std::fs::read_link(links[0].path()).unwrap(),
        env.path("victim.txt")
    );
}

#[test]
fn bundles_pdfs_and_probe_files_are_0600_and_never_follow_a_planted_link() {
    let env = Env::new();
    std::fs::write(env.path("victim.txt"), b"keep me").unwrap();
    let id = env.new_intake("Bakkerij Jansen");
    env.ok(&["set", &id, "company.iban=NL91ABNA0417164300"]);
    let cases: Vec<(std::path::PathBuf, Vec<String>)> = vec![
        (
            env.path("out/bundle.json"),
            vec!["export".into(), id.clone(), "--out".into()],
        ),
        (
            env.path("out/plan.pdf"),
            vec!["report".into(), id.clone(), "--out".into()],
        ),
        (
            env.path("out/pc.json"),
            vec!["probe".into(), "workstation".into(), "--out".into()],
        ),
    ];
    for (target, args) in cases {
        let dir = target.parent().unwrap();
        let _ = std::fs::remove_dir_all(dir);
        std::fs::create_dir_all(dir).unwrap();
        let mut args: Vec<&str> = args.iter().map(String::as_str).collect();
        args.push(target.to_str().unwrap());
        let out = run_with_plant(&env, &target, &args);
        assert!(out.status.success(), "{args:?}: {}", common::stderr(&out));
        assert_eq!(mode(&target), 0o600, "{args:?}");
        assert!(std::fs::metadata(&target).unwrap().len() > 0);
        plant_untouched(&env, &target);
        // Only the file itself and the plant: no temporary file left behind.
        assert_eq!(std::fs::read_dir(dir).unwrap().count(), 2, "{args:?}");
    }
}

#[test]
fn a_device_node_or_a_pipe_as_target_is_refused_and_left_alone() {
    let env = Env::new();
    let id = env.new_intake("Bakkerij Jansen");
    let err = env.fails(&["export", &id, "--out", "/dev/null"]);
    assert!(err.contains("/dev/null exists and is a device"), "{err}");
    assert!(
        std::fs::metadata("/dev/null")
            .unwrap()
            .file_type()
            .is_char_device()
    );

    let fifo = env.path("pipe.json");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let err = env.fails(&["export", &id, "--out", fifo.to_str().unwrap()]);
    assert!(err.contains("is a pipe, not a regular file"), "{err}");
    assert!(
        std::fs::symlink_metadata(&fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );
    let pdf_fifo = env.path("pipe.pdf");
    assert!(
        Command::new("mkfifo")
            .arg(&pdf_fifo)
            .status()
            .unwrap()
            .success()
    );
    let err = env.fails(&["report", &id, "--out", pdf_fifo.to_str().unwrap()]);
    assert!(err.contains("is a pipe"), "{err}");
    assert!(
        std::fs::symlink_metadata(&pdf_fifo)
            .unwrap()
            .file_type()
            .is_fifo()
    );

    // A device node made here (needs root; skipped quietly without it).
    let node = env.path("node.json");
    let made = Command::new("mknod")
        .arg(&node)
        .args(["c", "1", "3"])
        .output()
        .unwrap();
    if made.status.success() {
        let err = env.fails(&["export", &id, "--out", node.to_str().unwrap()]);
        assert!(err.contains("is a device"), "{err}");
        assert!(
            std::fs::symlink_metadata(&node)
                .unwrap()
                .file_type()
                .is_char_device()
        );
    }
    // The intake was not marked exported by a failed export.
    assert_eq!(env.show(&id)["status"], serde_json::json!("draft"));
}
