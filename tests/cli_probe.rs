//! The probe commands through the real binary: JSON keys, saving with an intake,
//! importing probe files from other workstations (dedupe, untrusted input), and a
//! bandwidth measurement against our own server on loopback.

#[path = "common/testkey.rs"]
mod testkey;

use std::path::Path;
use std::process::{Command, Output};

fn intake(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_intake"))
        .arg("--db")
        .arg(db)
        .env("INTAKE_KEY_FILE", testkey::key_file(db))
        .args(["--lang", "en"])
        .args(args)
        .output()
        .expect("run intake")
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

#[test]
fn workstation_probe_prints_the_documented_keys_and_imports_without_doubling() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.db");
    let id = ok(&intake(&db, &["new", "--customer", "Probe BV"]))
        .trim()
        .to_string();
    let json: serde_json::Value =
        serde_json::from_str(&ok(&intake(&db, &["probe", "workstation", "--json"]))).unwrap();
    for key in [
        "hostname",
        "os_name",
        "os_version",
        "cpu_model",
        "cpu_cores",
        "memory_total_bytes",
        "memory_available_bytes",
        "disks",
        "interfaces",
    ] {
        assert!(json.get(key).is_some(), "missing {key}");
    }
    let disk = &json["disks"][0];
    for key in ["mount", "total_bytes", "available_bytes"] {
        assert!(disk.get(key).is_some(), "disk misses {key}");
    }
    assert!(json["interfaces"][0].get("addresses").is_some());

    let file = dir.path().join("pc.json");
    ok(&intake(
        &db,
        &["probe", "workstation", "--out", file.to_str().unwrap()],
    ));
    let first = ok(&intake(
        &db,
        &["probe", "import", &id, file.to_str().unwrap()],
    ));
    assert!(first.contains("added"), "{first}");
    let again = ok(&intake(
        &db,
        &["probe", "import", &id, file.to_str().unwrap()],
    ));
    assert!(
        again.contains("replaced"),
        "same machine twice is recognised: {again}"
    );

    let bad = dir.path().join("bad.json");
    std::fs::write(&bad, br#"{"hostname": 5}"#).unwrap();
    let out = intake(&db, &["probe", "import", &id, bad.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("bad.json"));

    let bundle = dir.path().join("b.json");
    ok(&intake(
        &db,
        &["export", &id, "--out", bundle.to_str().unwrap()],
    ));
    let b: serde_json::Value = serde_json::from_slice(&std::fs::read(&bundle).unwrap()).unwrap();
    assert_eq!(
        b["probes"].as_array().unwrap().len(),
        1,
        "one machine, one probe"
    );
}

#[test]
fn bandwidth_against_our_own_server_on_loopback() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("i.db");
    let id = ok(&intake(&db, &["new", "--customer", "Link BV"]))
        .trim()
        .to_string();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let listen = format!("127.0.0.1:{port}");
    let mut server = Command::new(env!("CARGO_BIN_EXE_intake"))
        .args([
            "bandwidth-server",
            "--listen",
            &listen,
            "--max-seconds",
            "30",
        ])
        .spawn()
        .unwrap();
    // Wait (bounded) until the server accepts connections.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while std::net::TcpStream::connect(&listen).is_err() {
        assert!(std::time::Instant::now() < deadline, "server did not start");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    ok(&intake(
        &db,
        &[
            "set",
            &id,
            "locations[1].name=Utrecht",
            "locations[2].name=Zwolle",
        ],
    ));
    let measure = |location: &str| {
        intake(
            &db,
            &[
                "probe",
                "bandwidth",
                "--server",
                &listen,
                "--seconds",
                "1",
                "--save",
                &id,
                "--location",
                location,
                "--json",
            ],
        )
    };
    // A location the intake does not have is refused before anything is measured.
    for wrong in ["3", "Amersfoort"] {
        let refused = measure(wrong);
        assert!(!refused.status.success());
        let err = String::from_utf8_lossy(&refused.stderr);
        assert!(
            err.contains("1 (Utrecht), 2 (Zwolle)") || err.contains("1 to 2"),
            "{err}"
        );
    }
    let out = measure("2");
    ok(&measure("utrecht"));
    let _ = server.kill();
    let _ = server.wait();
    let r: serde_json::Value = serde_json::from_str(&ok(&out)).unwrap();
    for key in [
        "download_mbps",
        "upload_mbps",
        "latency_ms",
        "jitter_ms",
        "loaded_latency_ms",
    ] {
        assert!(r[key].as_f64().is_some(), "missing {key}: {r}");
    }
    assert!(r["download_mbps"].as_f64().unwrap() > 1.0);
    // Both links are kept, each tagged with its location (the same server did not make
    // the second replace the first).
    let conn = testkey::open_db(&db);
    let mut tags: Vec<String> = conn
        .prepare("SELECT json_extract(payload_json, '$.location') FROM probe_results WHERE kind = 'bandwidth'")
        .unwrap()
        .query_map([], |r| r.get::<_, rusqlite::types::Value>(0))
        .unwrap()
        .map(|v| format!("{:?}", v.unwrap()))
        .collect();
    tags.sort();
    assert_eq!(tags, ["Integer(2)", "Text(\"utrecht\")"]);

    let missing = intake(
        &db,
        &[
            "probe",
            "bandwidth",
            "--server",
            "127.0.0.1:9",
            "--seconds",
            "1",
        ],
    );
    assert!(!missing.status.success());
    assert!(String::from_utf8_lossy(&missing.stderr).contains("127.0.0.1:9"));
}
