//! The workstation probe as another machine would read its file.

use intake::probe::readiness::{self, Thresholds};
use intake::probe::workstation::{self, ProbeFileError, WorkstationProbe};

#[test]
fn probe_file_round_trips_and_keeps_its_key() {
    let p = workstation::collect();
    let file = serde_json::to_vec_pretty(&p).expect("json");
    let back = WorkstationProbe::from_untrusted_json(&file).expect("valid");
    assert_eq!(back.machine_key(), p.machine_key());
    let json: serde_json::Value = serde_json::from_slice(&file).expect("json");
    for k in [
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
        assert!(json.get(k).is_some(), "missing key {k}");
    }
    // Probed twice: same machine, same key.
    assert_eq!(workstation::collect().machine_key(), p.machine_key());
}

#[test]
fn tampered_files_are_refused() {
    let p = workstation::collect();
    let mut v = serde_json::to_value(&p).expect("value");
    v["cpu_cores"] = serde_json::json!(-1);
    assert!(matches!(
        WorkstationProbe::from_untrusted_json(&serde_json::to_vec(&v).expect("bytes")),
        Err(ProbeFileError::Shape { .. })
    ));
    let truncated = &serde_json::to_vec(&p).expect("bytes")[..40];
    assert!(WorkstationProbe::from_untrusted_json(truncated).is_err());
}

#[test]
fn this_machine_gets_a_verdict_with_reasons() {
    let p = workstation::collect();
    let t = Thresholds::embedded().expect("thresholds");
    let today = time::OffsetDateTime::now_utc().date();
    let r = readiness::assess(&p, &t, today);
    assert_eq!(r.reasons.len(), 4);
    assert!(
        r.reasons
            .iter()
            .all(|x| !x.nl.is_empty() && !x.en.is_empty())
    );
}
