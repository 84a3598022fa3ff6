//! Profiles of issue 13 through the real binary: a nearly empty intake, a health-care practice
//! and a construction firm. For each: the findings expected, and the PDF read back with
//! pdftotext — no staff instruction (no measure of any finding, no staff phrase), the
//! workstation table, the measured location or the unassigned measurement, the first-year cost
//! equal to `quote --json`. These tests FAIL when poppler-utils is missing.

#[path = "profiles/mod.rs"]
mod common;

use common::checks::assert_rules;
use common::{Profile, json, ok};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

/// White space runs as single spaces, so text that wrapped still matches.
fn flat(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Dutch money as the flattened PDF text shows it (the no-break space made plain).
fn eur_nl(cents: i64) -> String {
    common::eur_nl(cents).replace('\u{a0}', " ")
}

fn report(db: &Path, id: &str, lang: &str, name: &str) -> (PathBuf, String) {
    let out = db.parent().unwrap().join(format!("{name}-{lang}.pdf"));
    ok(
        db,
        &["--lang", lang, "report", id, "--out", out.to_str().unwrap()],
    );
    if let Ok(keep) = std::env::var("REPORT_PDF_KEEP") {
        std::fs::create_dir_all(&keep).expect("keep dir");
        let name = out.file_name().unwrap();
        std::fs::copy(&out, Path::new(&keep).join(name)).expect("keep pdf");
    }
    let text = common::text(&out, None);
    (out, text)
}

/// Phrases of staff instructions the old report printed; none may reach the customer's PDF.
const STAFF_PHRASES: &[&str] = &[
    "Kies met de klant",
    "Meet de verbinding met de bandbreedteprobe",
    "Inventariseer per server",
    "KPN of de Business Partner",
    "Bespreek ",
    "Vraag na ",
    "werkplekprobe",
    "intake probe",
];

/// The PDF shows every finding's customer text and none of the specialist's measures.
fn assert_customer_texts_only(db: &Path, id: &str, pdf: &str) {
    let advice = json(db, &["advise", id, "--json"]);
    for f in advice.as_array().unwrap() {
        let measure = flat(f["measure"].as_str().unwrap());
        // "Geen maatregel nodig." is the measure of the ok rules and no instruction.
        if measure.len() > 25 {
            assert!(
                !pdf.contains(&measure),
                "the measure of {} reached the PDF: {measure}",
                f["rule"]
            );
        }
    }
    for phrase in STAFF_PHRASES {
        assert!(!pdf.contains(phrase), "staff phrase '{phrase}' in the PDF");
    }
}

/// The PDF's text with its layout kept: one table row on one line.
fn layout_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-layout", pdf.to_str().unwrap(), "-"])
        .output()
        .expect("cannot run pdftotext: install poppler-utils");
    assert!(out.status.success(), "pdftotext failed");
    String::from_utf8_lossy(&out.stdout).replace('\u{a0}', " ")
}

/// The first table row (a line) that starts with `first` and has every one of `cells`.
fn assert_row(layout: &str, first: &str, cells: &[&str]) {
    let rows: Vec<&str> = layout
        .lines()
        .filter(|l| l.trim_start().starts_with(first))
        .collect();
    assert!(
        rows.iter().any(|r| cells.iter().all(|c| r.contains(c))),
        "no row '{first}' with {cells:?} in {rows:#?}"
    );
}

/// The summary's first-year cost is 12 × the monthly total + the one-time total of the quote,
/// excl. and incl. VAT, on one row of the table.
fn assert_first_year(db: &Path, id: &str, pdf: &Path) {
    let q = json(db, &["quote", id, "--json"]);
    let t = &q["totals"];
    let year = |m: &str, o: &str| 12 * t[m].as_i64().unwrap() + t[o].as_i64().unwrap();
    let net = eur_nl(year("monthly_net_cents", "one_time_net_cents"));
    let gross = eur_nl(year("monthly_gross_cents", "one_time_gross_cents"));
    let layout = layout_text(pdf);
    let line = layout
        .lines()
        .find(|l| l.contains("Eerste jaar (12 maanden + eenmalig)"))
        .expect("first-year line");
    assert!(
        line.contains(&net) && line.contains(&gross),
        "{net} / {gross} not in: {line}"
    );
}

/// A bandwidth server on a free loopback port, stopped on drop.
struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start() -> Server {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let addr = format!("127.0.0.1:{port}");
        let child = Command::new(env!("CARGO_BIN_EXE_intake"))
            .args(["bandwidth-server", "--listen", &addr, "--max-seconds", "20"])
            .spawn()
            .unwrap();
        let deadline = Instant::now() + Duration::from_secs(10);
        while std::net::TcpStream::connect(&addr).is_err() {
            assert!(Instant::now() < deadline, "server did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        Server { child, addr }
    }

    fn measure(&self, db: &Path, id: &str, location: Option<&str>) {
        let mut args = vec![
            "probe",
            "bandwidth",
            "--server",
            &self.addr,
            "--seconds",
            "1",
            "--streams",
            "1",
            "--save",
            id,
        ];
        if let Some(l) = location {
            args.extend(["--location", l]);
        }
        ok(db, &args);
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A workstation probe file as `intake probe workstation --out` writes it.
fn probe_file(dir: &Path, host: &str, os_long: &str, version: &str, gb: u64) -> PathBuf {
    let p = serde_json::json!({
        "hostname": host, "os_name": "Windows", "os_version": version,
        "os_long_version": os_long, "kernel": "", "arch": "x86_64",
        "cpu_model": "Intel Core i5", "cpu_cores": 4, "cpu_physical_cores": 4,
        "memory_total_bytes": gb * 1_000_000_000, "memory_available_bytes": gb * 500_000_000,
        "disks": [{"mount": "C:\\", "total_bytes": 256_000_000_000u64,
                   "available_bytes": 120_000_000_000u64, "kind": "ssd",
                   "file_system": "NTFS", "removable": false}],
        "uptime_seconds": 3600, "interfaces": [], "time_zone": "Europe/Amsterdam",
        "machine_id": format!("id-{host}"), "collected_at": "2026-11-20T10:00:00Z",
        "probe_version": "intake-probe/0.1.0", "unreadable": []
    });
    let path = dir.join(format!("{host}.json"));
    std::fs::write(&path, serde_json::to_vec(&p).unwrap()).unwrap();
    path
}

fn setup(profile: &Profile) -> (tempfile::TempDir, PathBuf, String) {
    profile.in_temp_db()
}

#[test]
fn nearly_empty_intake_reads_as_what_it_is() {
    let (_dir, db, id) = setup(&common::nearly_empty());
    let a = json(&db, &["advise", &id, "--json"]);
    assert_rules(
        &a,
        &[
            "small_company",
            "workload_unknown",
            "bandwidth_unknown",
            "migration_volume_unknown",
            "mail_source_unknown",
            "probe_none",
        ],
        &[
            "bandwidth_ok",
            "workstations_ready",
            "backup_ok",
            "mobile_ok",
        ],
    );
    let (file, pdf) = report(&db, &id, "nl", "nearly-empty");
    assert_customer_texts_only(&db, &id, &pdf);
    assert_first_year(&db, &id, &file);
    // What is unknown says so, in the customer's words.
    for want in [
        "0 van 1 werkplek gemeten",
        "Er is nog geen computer gemeten.",
        // One computer known: the singular (issue 12), not "Geen van uw computers".
        "Uw computer is nog niet gemeten",
        "De omvang van uw e-mail en bestanden is nog niet bekend",
        "Nog niet te plannen: daarvoor ontbreekt nog de omvang van e-mail en bestanden.",
        "Minder dan 6 werkplekken",
    ] {
        assert!(pdf.contains(want), "'{want}' missing");
    }
}

#[test]
fn health_care_practice_with_sensitive_data_windows_10_usb_backup_and_peripherals() {
    let (dir, db, id) = setup(&common::health_care());
    let files = [
        probe_file(
            dir.path(),
            "BALIE-PC",
            "Windows 10 Pro 22H2",
            "10 (19045)",
            4,
        ),
        probe_file(
            dir.path(),
            "STOEL-1",
            "Windows 11 Pro 24H2",
            "11 (26100)",
            16,
        ),
        probe_file(
            dir.path(),
            "KASSA",
            "Windows 10 IoT Enterprise LTSC 2021",
            "10 (19044)",
            8,
        ),
    ];
    let mut args = vec!["probe", "import", &id];
    let paths: Vec<&str> = files.iter().map(|p| p.to_str().unwrap()).collect();
    args.extend(paths.iter().copied());
    ok(&db, &args);
    let server = Server::start();
    server.measure(&db, &id, Some("Praktijk"));
    drop(server);

    let a = json(&db, &["advise", &id, "--json"]);
    assert_rules(
        &a,
        &[
            "sensitive_data",
            "sector_healthcare",
            "windows10_measured",
            "workstations_not_ready",
            "backup_local",
            "backup_not_tested",
            "peripherals",
            "printers",
            "mail_google",
            "antivirus_missing",
            "pst_files",
            "office_subscription_end",
            "probe_coverage",
            "saas_app",
            "custom_hosting",
            "bandwidth_ok",
        ],
        &[
            "windows10_answered",
            "bandwidth_unknown",
            "mail_source_unknown",
        ],
    );
    let list = a.as_array().unwrap();
    let one = |rule: &str| {
        let f: Vec<&Value> = list.iter().filter(|f| f["rule"] == rule).collect();
        assert_eq!(f.len(), 1, "{rule}: {f:?}");
        f[0].clone()
    };
    // Only the local application needs custom hosting; the SaaS one does not.
    assert!(
        one("custom_hosting")["message"]
            .as_str()
            .unwrap()
            .contains("Röntgenviewer")
    );
    assert!(
        one("saas_app")["message"]
            .as_str()
            .unwrap()
            .contains("Exquise")
    );
    // Windows 10 IoT LTSC (supported to 2032) is no finding; Windows 10 Pro is.
    let w10 = one("windows10_measured")["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(w10.contains("BALIE-PC") && !w10.contains("KASSA"), "{w10}");
    assert!(
        one("probe_coverage")["message"]
            .as_str()
            .unwrap()
            .starts_with("3 van 7 computers gemeten")
    );
    let p = one("peripherals")["message"].as_str().unwrap().to_string();
    for kind in [
        "kaartlezer",
        "dicteerapparatuur",
        "labelprinter",
        "pinautomaat",
    ] {
        assert!(p.contains(kind), "{kind} not in {p}");
    }
    // The measurement tagged "Praktijk" is that location's.
    assert!(
        one("bandwidth_ok")["message"]
            .as_str()
            .unwrap()
            .contains("Praktijk): gemeten")
    );

    let (file, pdf) = report(&db, &id, "nl", "health-care");
    assert_customer_texts_only(&db, &id, &pdf);
    assert_first_year(&db, &id, &file);
    // The workstation table: name, OS, memory, readiness and the reasons.
    let rows = layout_text(&file);
    assert_row(
        &rows,
        "Werkplek",
        &["Besturingssysteem", "Geheugen", "Oordeel", "Toelichting"],
    );
    assert_row(
        &rows,
        "BALIE-PC",
        &[
            "Windows 10 Pro",
            "4 GB",
            "Blokkerend",
            "Windows 10 wordt sinds",
        ],
    );
    assert_row(&rows, "STOEL-1", &["Windows 11 Pro", "16 GB", "In orde"]);
    assert_row(
        &rows,
        "KASSA",
        &["Windows 10 IoT Enterprise", "8 GB", "In orde"],
    );
    assert!(pdf.contains("3 van 7 werkplekken gemeten"));
    // The measured location says it was measured.
    assert_row(&rows, "Praktijk", &["7", "gemeten"]);
    // The customer's words for what was found.
    for want in [
        "NEN 7510",
        "verwerkersovereenkomst",
        "Externe USB-schijf, elke vrijdag",
        "Windows 10 krijgt sinds 14 oktober 2025 geen gratis beveiligingsupdates meer",
        "Uw e-mail staat nu bij Google",
        "31 maart 2027",
        "Tandartspraktijk Smile",
    ] {
        assert!(pdf.contains(want), "'{want}' missing from the PDF");
    }
    // In English the same, without Dutch labels of ours.
    let (_, en) = report(&db, &id, "en", "health-care");
    assert!(en.contains("3 of 7 workstations measured"));
    assert!(en.contains("First year (12 months + one-time)"));
    for dutch in [
        "Toelichting",
        "Gemeten",
        "Eerste jaar",
        "ontbreekt",
        "Startdatum",
    ] {
        assert!(!en.contains(dutch), "'{dutch}' in the English PDF");
    }
}

#[test]
fn construction_firm_two_locations_an_unassigned_measurement_and_two_applications() {
    let (_dir, db, id) = setup(&common::construction_two_sites());
    let server = Server::start();
    // Measured without saying where: with two locations it belongs to neither.
    server.measure(&db, &id, None);
    drop(server);
    // The network scan, on loopback only: its inventory reaches the advice and the PDF.
    ok(
        &db,
        &["probe", "lan", "--cidr", "127.0.0.1/32", "--save", &id],
    );
    let a = json(&db, &["advise", &id, "--json"]);
    assert_rules(
        &a,
        &[
            "sales_conversation",
            "custom_hosting",
            "mail_exchange_server",
            "backup_ok",
            "servers_on_site",
            "cabling_fair",
            "location_cabling",
            "network_equipment_fair",
            "bandwidth_unknown",
            "probe_none",
        ],
        &[
            "servers_roles_unknown",
            "backup_none",
            "bandwidth_total_slow",
        ],
    );
    let list = a.as_array().unwrap();
    // The office is judged on its subscription, not on the untagged measurement.
    let ok_loc: Vec<&Value> = list
        .iter()
        .filter(|f| f["rule"] == "bandwidth_ok")
        .collect();
    assert_eq!(ok_loc.len(), 1);
    assert!(
        ok_loc[0]["message"]
            .as_str()
            .unwrap()
            .contains("Kantoor): volgens abonnement 200")
    );
    // The cabling check is quoted for the location not in order only.
    let q = json(&db, &["quote", &id, "--json"]);
    let check = q["lines"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["code"] == "cabling_check")
        .expect("cabling check line");
    assert_eq!(check["quantity"], 1);

    let (file, pdf) = report(&db, &id, "nl", "construction");
    assert_customer_texts_only(&db, &id, &pdf);
    assert_first_year(&db, &id, &file);
    // The summary names both applications under one point.
    assert!(
        pdf.contains("Bedrijfsapplicatie vraagt maatwerkhosting Bouwsoft, AutoCAD"),
        "both applications under one summary point"
    );
    // The measurement stands apart; no location is called measured.
    assert!(pdf.contains("Meting zonder locatie"));
    assert!(pdf.contains("telt daarom bij geen enkele locatie mee"));
    let rows = layout_text(&file);
    assert_row(&rows, "Kantoor", &["10", "abonnement", "200,0 Mbit/s"]);
    assert_row(&rows, "Bouwkeet", &["4", "niet"]);
    assert!(
        !rows
            .lines()
            .any(|l| l.trim_start().starts_with("Kantoor") && l.contains("gemeten")),
        "measurement pinned on the office"
    );
    // What the specialist wrote about the server reaches the customer as a fact.
    assert!(pdf.contains("Dell T140 uit 2018: bestanden, Exchange en Bouwsoft"));
    assert!(pdf.contains("0 van 14 werkplekken gemeten"));
    assert!(pdf.contains("Netwerkinventaris (netwerkscan)"));
    assert_row(&rows, "Gescande netwerken", &["127.0.0.1/32"]);
}
