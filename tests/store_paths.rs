//! `default_path` honours XDG_DATA_HOME. Checked in a child process because changing the
//! environment of the test process would race with other tests reading it.

use std::process::Command;

const CHILD: &str = "INTAKE_STORE_PATHS_CHILD";

#[test]
#[ignore = "child process of default_path_honours_xdg_data_home"]
fn print_default_path() {
    assert!(
        std::env::var(CHILD).is_ok(),
        "run by default_path_honours_xdg_data_home"
    );
    // libtest prints "test name ... " on the same line first.
    println!("PATH {}", intake::store::default_path().display());
}

#[test]
fn default_path_honours_xdg_data_home() {
    let out = Command::new(std::env::current_exe().unwrap())
        .args([
            "print_default_path",
            "--exact",
            "--ignored",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD, "1")
        .env("XDG_DATA_HOME", "/srv/data-home")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let line = stdout
        .lines()
        .find_map(|l| l.split_once("PATH ").map(|(_, p)| p))
        .expect("child printed a path");
    assert_eq!(line, "/srv/data-home/intake/intake.db");
}
