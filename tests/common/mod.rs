//! Driving the real `intake` binary on a database in a temporary directory.
#![allow(dead_code)] // each test binary uses a different part of this module

pub mod pseudo;
#[path = "testkey.rs"]
pub mod testkey;

use serde_json::Value as Json;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
#[allow(unused_imports)]
pub use testkey::open_db;

/// The OS user the tests run the binary as (for the history's "changed by").
pub const USER: &str = "tester";

pub struct Env {
    pub dir: tempfile::TempDir,
    pub db: PathBuf,
}

impl Env {
    pub fn new() -> Env {
        let dir = tempfile::tempdir().expect("tempdir");
        let db = dir.path().join("intake.db");
        Env { dir, db }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn write(&self, name: &str, text: &str) -> PathBuf {
        let p = self.path(name);
        std::fs::write(&p, text).expect("write test file");
        p
    }

    /// Runs `intake --db DB ARGS...` with stdin not a terminal.
    pub fn run(&self, args: &[&str]) -> Output {
        run_in(&self.db, args)
    }

    /// Runs and expects success; returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "intake {args:?} failed ({:?}):\n{}",
            out.status,
            stderr(&out)
        );
        stdout(&out)
    }

    /// Runs and expects failure (non-zero exit, no panic); returns stderr.
    pub fn fails(&self, args: &[&str]) -> String {
        let out = self.run(args);
        let err = stderr(&out);
        assert!(
            !out.status.success(),
            "intake {args:?} should fail but printed:\n{}",
            stdout(&out)
        );
        assert!(
            !err.contains("panicked"),
            "intake {args:?} panicked:\n{err}"
        );
        assert!(
            ["error: ", "fout: "]
                .iter()
                .any(|p| err.starts_with(p) || err.contains(&format!("\n{p}")))
                || err.contains(".toml:"),
            "no error message for {args:?}:\n{err}"
        );
        err
    }

    pub fn new_intake(&self, customer: &str) -> String {
        let id = self.ok(&["new", "--customer", customer]).trim().to_string();
        assert!(id.parse::<i64>().is_ok(), "new printed {id:?}");
        id
    }

    pub fn json(&self, args: &[&str]) -> Json {
        let text = self.ok(args);
        serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("intake {args:?}: not JSON ({e}):\n{text}"))
    }

    pub fn show(&self, id: &str) -> Json {
        self.json(&["show", id, "--json"])
    }

    /// The stored answers of an intake, as `show --json` reports them.
    pub fn answers(&self, id: &str) -> Json {
        self.show(id)["answers"].clone()
    }

    pub fn intake_count(&self) -> usize {
        self.json(&["list", "--json"])
            .as_array()
            .map_or(0, Vec::len)
    }
}

pub fn run_in(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_intake"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("INTAKE_DB")
        .env("INTAKE_KEY_FILE", testkey::key_file(db))
        .env("USER", USER)
        .stdin(Stdio::null())
        .output()
        .expect("run intake")
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// One section of `show --json` by id.
pub fn section<'a>(show: &'a Json, id: &str) -> &'a Json {
    show["sections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["id"] == serde_json::json!(id))
        .unwrap_or_else(|| panic!("no section {id}"))
}
