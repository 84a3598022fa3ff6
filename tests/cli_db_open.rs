//! Opening the database file through the real binary (issue 14): a file that is not ours
//! keeps its mode and bytes; an open takes no write lock when no migration is due; a
//! read-only database is opened read-only and says so; on a full disk reading and
//! exporting elsewhere still work and a change says the disk is full, and where.
//!
//! The read-only and full-disk tests mount a read-only bind mount and a tiny tmpfs in a
//! mount namespace of their own (`unshare -m`): they need root, as in CI, and fail (do not
//! skip) without it.

mod common;

use std::os::unix::fs::{FileTypeExt, PermissionsExt};
use std::path::Path;
use std::process::{Command, Output, Stdio};

use common::{Env, stderr, stdout};
use serde_json::json;

const BIN: &str = env!("CARGO_BIN_EXE_intake");

fn mode(p: &Path) -> u32 {
    std::fs::symlink_metadata(p).unwrap().permissions().mode() & 0o777
}

fn sidecars_absent(p: &Path) -> bool {
    ["-wal", "-shm", "-journal"].iter().all(|s| {
        let mut side = p.as_os_str().to_owned();
        side.push(s);
        !Path::new(&side).exists()
    })
}

/// `intake --db DB list` on a path that is not ours: refused, nothing about it changed.
fn refused_untouched(env: &Env, db: &Path, expect: &str) {
    let meta_before = std::fs::symlink_metadata(db)
        .ok()
        .map(|m| m.permissions().mode());
    let bytes_before = std::fs::metadata(db)
        .ok()
        .filter(|m| m.is_file())
        .map(|_| std::fs::read(db).unwrap());
    let _ = env;
    let out = common::run_in(db, &["--lang", "en", "list"]);
    assert!(!out.status.success(), "{} was opened", db.display());
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        err.contains(&db.display().to_string()),
        "names the file: {err}"
    );
    assert!(err.contains(expect), "{expect:?} in {err}");
    assert_eq!(
        std::fs::symlink_metadata(db)
            .ok()
            .map(|m| m.permissions().mode()),
        meta_before,
        "mode of {}",
        db.display()
    );
    if let Some(b) = bytes_before {
        assert_eq!(std::fs::read(db).unwrap(), b, "bytes of {}", db.display());
    }
    assert!(
        sidecars_absent(db),
        "no WAL or SHM made beside {}",
        db.display()
    );
}

#[test]
fn files_that_are_not_ours_keep_their_mode_and_bytes() {
    let env = Env::new();
    let random = env.path("random.bin");
    let noise: Vec<u8> = (0..8192u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    std::fs::write(&random, &noise).unwrap();
    std::fs::set_permissions(&random, std::fs::Permissions::from_mode(0o644)).unwrap();
    refused_untouched(&env, &random, "left untouched");
    assert_eq!(mode(&random), 0o644);

    let other_app = env.path("other-app.sqlite");
    {
        let c = rusqlite::Connection::open(&other_app).unwrap();
        c.execute_batch(
            "PRAGMA journal_mode=WAL; CREATE TABLE notes (t TEXT); INSERT INTO notes VALUES ('x');",
        )
        .unwrap();
    }
    std::fs::set_permissions(&other_app, std::fs::Permissions::from_mode(0o644)).unwrap();
    refused_untouched(&env, &other_app, "not an intake database");

    let with_app_id = env.path("app-id.sqlite");
    rusqlite::Connection::open(&with_app_id)
        .unwrap()
        .execute_batch("PRAGMA application_id = 1234;")
        .unwrap();
    std::fs::set_permissions(&with_app_id, std::fs::Permissions::from_mode(0o664)).unwrap();
    refused_untouched(&env, &with_app_id, "application id");

    let fifo = env.path("pipe");
    let status = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(status.success());
    std::fs::set_permissions(&fifo, std::fs::Permissions::from_mode(0o644)).unwrap();
    refused_untouched(&env, &fifo, "named pipe");
    assert!(std::fs::metadata(&fifo).unwrap().file_type().is_fifo());

    let link = env.path("link.db");
    std::os::unix::fs::symlink(&other_app, &link).unwrap();
    refused_untouched(&env, &link, "not an intake database");
    assert_eq!(mode(&other_app), 0o644, "the link's target keeps its mode");

    let dangling = env.path("dangling.db");
    let target = env.path("nowhere/target.db");
    std::os::unix::fs::symlink(&target, &dangling).unwrap();
    refused_untouched(&env, &dangling, "does not exist");
    assert!(!target.exists() && !env.path("nowhere").exists());

    let folder = env.path("a-folder");
    std::fs::create_dir(&folder).unwrap();
    refused_untouched(&env, &folder, "folder");
}

#[test]
fn an_open_takes_no_write_lock_when_no_migration_is_due() {
    let env = Env::new();
    let id = env.new_intake("Bakkerij Jansen");
    // Another process is in the middle of a long write (an import, say).
    let mut writer = common::open_db(&env.db);
    let tx = writer
        .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .unwrap();
    tx.execute(
        "UPDATE intakes SET updated_at = updated_at WHERE id = ?1",
        [id.parse::<i64>().unwrap()],
    )
    .unwrap();
    let listed = env.json(&["list", "--json"]);
    assert_eq!(listed.as_array().unwrap().len(), 1);
    assert_eq!(env.show(&id)["customer"], json!("Bakkerij Jansen"));
    tx.rollback().unwrap();
}

/// Runs `script` (sh) in a mount namespace of its own with `$BIN`, `$KEY` and `args`.
fn in_mount_namespace(script: &str, args: &[&str], key: &Path) -> Output {
    let out = Command::new("unshare")
        .args(["-m", "sh", "-ec", script, "sh"])
        .args(args)
        .env("BIN", BIN)
        .env("INTAKE_KEY_FILE", key)
        .env("USER", common::USER)
        .env_remove("INTAKE_DB")
        .stdin(Stdio::null())
        .output()
        .expect("run unshare");
    assert!(
        !stderr(&out).contains("unshare failed")
            && !stderr(&out).contains("Operation not permitted"),
        "this test needs root for a mount namespace (as CI has): {}",
        stderr(&out)
    );
    out
}

/// `intake --db DIR/intake.db ARGS` with DIR mounted read-only.
fn read_only_run(dir: &Path, key: &Path, args: &[&str]) -> Output {
    let db = dir.join("intake.db");
    let mut all = vec![dir.to_str().unwrap(), db.to_str().unwrap()];
    all.extend_from_slice(args);
    in_mount_namespace(
        r#"d="$1"; db="$2"; shift 2
mount --bind "$d" "$d"
mount -o remount,bind,ro "$d"
exec "$BIN" --db "$db" --lang en "$@""#,
        &all,
        key,
    )
}

#[test]
fn a_read_only_database_is_opened_read_only_and_says_so() {
    let env = Env::new();
    let dir = env.path("ro");
    std::fs::create_dir(&dir).unwrap();
    // The key file lives outside the read-only folder.
    let key = common::testkey::key_file(&env.db);
    let keyed = |args: &[&str]| {
        Command::new(BIN)
            .arg("--db")
            .arg(dir.join("intake.db"))
            .args(args)
            .env("INTAKE_KEY_FILE", &key)
            .stdin(Stdio::null())
            .output()
            .unwrap()
    };
    let out = keyed(&["new", "--customer", "Bakkerij Jansen"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let out = keyed(&["set", "1", "company.kvk=12345678"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let before = std::fs::read(dir.join("intake.db")).unwrap();

    let out = read_only_run(&dir, &key, &["list", "--json"]);
    assert!(out.status.success(), "list: {}", stderr(&out));
    assert!(
        stderr(&out).contains("read-only"),
        "says so: {}",
        stderr(&out)
    );
    assert!(stdout(&out).contains("Bakkerij Jansen"));
    let out = read_only_run(&dir, &key, &["show", "1", "--json"]);
    assert!(out.status.success(), "show: {}", stderr(&out));
    assert!(stdout(&out).contains("12345678"));
    let bundle = env.path("out.json");
    let out = read_only_run(
        &dir,
        &key,
        &["export", "1", "--out", bundle.to_str().unwrap()],
    );
    assert!(out.status.success(), "export: {}", stderr(&out));
    assert!(
        std::fs::read_to_string(&bundle)
            .unwrap()
            .contains("12345678")
    );
    let out = read_only_run(&dir, &key, &["set", "1", "company.kvk=87654321"]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("read-only"), "{}", stderr(&out));
    assert_eq!(std::fs::read(dir.join("intake.db")).unwrap(), before);
}

#[test]
fn on_a_full_disk_reading_and_exporting_work_and_a_change_says_where_the_disk_is_full() {
    let env = Env::new();
    let disk = env.path("disk");
    let out_dir = env.path("elsewhere");
    std::fs::create_dir(&disk).unwrap();
    std::fs::create_dir(&out_dir).unwrap();
    let key = common::testkey::key_file(&out_dir.join("x"));
    let script = r#"d="$1"; o="$2"
mount -t tmpfs -o size=4m tmpfs "$d"
db="$d/intake.db"
"$BIN" --db "$db" new --customer "Bakkerij Jansen" > /dev/null
"$BIN" --db "$db" set 1 company.kvk=12345678
dd if=/dev/zero of="$d/filler" bs=4096 2>/dev/null || true
for step in list show export set; do
  case $step in
    list) set -- list --json ;;
    show) set -- show 1 --json ;;
    export) set -- export 1 --out "$o/bundle.json" ;;
    set) set -- set 1 company.kvk=87654321 ;;
  esac
  rc=0
  "$BIN" --db "$db" --lang en "$@" > "$o/$step.out" 2> "$o/$step.err" || rc=$?
  echo $rc > "$o/$step.rc"
done
"#;
    let out = in_mount_namespace(
        script,
        &[disk.to_str().unwrap(), out_dir.to_str().unwrap()],
        &key,
    );
    assert!(out.status.success(), "script: {}", stderr(&out));
    let read = |step: &str, what: &str| {
        std::fs::read_to_string(out_dir.join(format!("{step}.{what}"))).unwrap()
    };
    let disk_name = disk.display().to_string();
    for step in ["list", "show", "export"] {
        assert_eq!(
            read(step, "rc").trim(),
            "0",
            "{step}: {}",
            read(step, "err")
        );
        let err = read(step, "err");
        assert!(
            err.contains("full") && err.contains(&disk_name),
            "{step}: {err}"
        );
    }
    assert!(read("list", "out").contains("Bakkerij Jansen"));
    assert!(read("show", "out").contains("12345678"));
    assert!(
        std::fs::read_to_string(out_dir.join("bundle.json"))
            .unwrap()
            .contains("12345678")
    );
    assert_ne!(read("set", "rc").trim(), "0");
    let err = read("set", "err");
    assert!(err.contains("full") && err.contains(&disk_name), "{err}");
    assert!(
        !err.contains("4874") && !err.contains("disk I/O error"),
        "{err}"
    );
}
