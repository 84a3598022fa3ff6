//! Shared by the integration tests that drive the real binary: running `intake` on a database in
//! a temp dir, and the customer profiles of the advice, quote and report tests.
// Each test crate uses its own subset of these helpers.
#![allow(dead_code)]

pub mod checks;
mod pdf;
#[path = "../common/testkey.rs"]
pub mod testkey;

#[allow(unused_imports)] // each test crate uses its own subset
pub use pdf::{eur_nl, text, tool};

use serde_json::Value;
use std::path::Path;
use std::process::Command;

pub fn bin() -> &'static str {
    env!("CARGO_BIN_EXE_intake")
}

/// Runs `intake --db DB ARGS`; (success, stdout, stderr).
pub fn run(db: &Path, args: &[&str]) -> (bool, String, String) {
    let out = Command::new(bin())
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("INTAKE_DB")
        .env("INTAKE_KEY_FILE", testkey::key_file(db))
        .output()
        .expect("run intake");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

pub fn ok(db: &Path, args: &[&str]) -> String {
    let (success, out, err) = run(db, args);
    assert!(success, "intake {args:?} failed: {err}");
    out
}

pub fn json(db: &Path, args: &[&str]) -> Value {
    let out = ok(db, args);
    serde_json::from_str(&out).unwrap_or_else(|e| panic!("{args:?}: {e}: {out}"))
}

pub fn s(v: &[&str]) -> Vec<String> {
    v.iter().map(|x| x.to_string()).collect()
}

pub fn today() -> time::Date {
    time::OffsetDateTime::now_local()
        .unwrap_or_else(|_| time::OffsetDateTime::now_utc())
        .date()
}

pub fn iso(d: time::Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
}

/// A customer profile: who, how the intake was done, and the answers as `key=value`.
pub struct Profile {
    pub customer: &'static str,
    pub mode: &'static str,
    pub pairs: Vec<String>,
}

impl Profile {
    /// Creates the intake in a database of its own temp dir; (dir, database, intake id).
    pub fn in_temp_db(&self) -> (tempfile::TempDir, std::path::PathBuf, String) {
        let dir = tempfile::tempdir().expect("temp dir");
        let db = dir.path().join("i.db");
        let id = self.create(&db);
        (dir, db, id)
    }

    /// Creates the intake with `intake new` + `intake set`; returns its id.
    pub fn create(&self, db: &Path) -> String {
        let id = ok(
            db,
            &["new", "--customer", self.customer, "--mode", self.mode],
        )
        .trim()
        .to_string();
        let mut args: Vec<&str> = vec!["set", &id];
        args.extend(self.pairs.iter().map(String::as_str));
        ok(db, &args);
        id
    }
}

/// 4 workstations, one location, light work: a cost overview.
pub fn four_workstations() -> Profile {
    Profile {
        customer: "Notaris Klein",
        mode: "on-site",
        pairs: s(&[
            "workstations.count=4",
            "workstations.workload=light",
            "locations[1].name=Kantoor",
            "locations[1].workstations=4",
            "locations[1].down_mbps=50",
            "locations[1].up_mbps=10",
            "users[1].name=An",
            "users[1].mobile=0611111111",
            "users[1].options=access",
            "users[2].name=Bo",
            "users[2].mobile=0622222222",
            "users[3].name=Cor",
            "users[3].mobile=0633333333",
            "users[4].name=Dirk",
            "users[4].mobile=0644444444",
            "email.size_gb=5",
            "data.size_gb=10",
            "site.cabling=good",
        ]),
    }
}

/// The go-live date the 8-workstation profile asks for: too early on purpose.
pub fn eight_workstations_go_live() -> String {
    iso(today() + time::Duration::days(2))
}

/// 8 workstations on a slow link, a user without a mobile number, go-live too early.
pub fn eight_workstations() -> Profile {
    let mut pairs = s(&[
        "workstations.count=8",
        "workstations.workload=medium",
        "locations[1].name=Winkel",
        "locations[1].workstations=8",
        "locations[1].down_mbps=20",
        "locations[1].up_mbps=5",
        "users[1].name=An",
        "users[1].options=visio",
        "users[2].name=Bo",
        "users[2].mobile=0612345678",
        "email.size_gb=30",
        "data.size_gb=40",
        "site.cabling=fair",
    ]);
    pairs.push(format!("planning.go_live={}", eight_workstations_go_live()));
    Profile {
        customer: "Bakkerij Jansen",
        mode: "on-site",
        pairs,
    }
}

/// 12 workstations on three locations, business applications, a domain elsewhere: a quote.
pub fn twelve_workstations() -> Profile {
    let mut pairs = s(&[
        "workstations.count=12",
        "workstations.workload=heavy",
        "locations[1].name=Hoofdkantoor",
        "locations[1].workstations=6",
        "locations[1].down_mbps=100",
        "locations[1].up_mbps=20",
        "locations[2].name=Magazijn",
        "locations[2].workstations=3",
        "locations[2].down_mbps=10",
        "locations[2].up_mbps=1",
        "locations[3].name=Filiaal",
        "locations[3].workstations=3",
        "locations[3].down_mbps=50",
        "locations[3].up_mbps=10",
        "users[1].name=An",
        "users[1].mobile=0611111111",
        "users[1].options=project",
        "users[2].name=Bo",
        "users[2].mobile=0622222222",
        "users[2].options=visio,access",
        "users[3].name=Cor",
        "users[3].mobile=0633333333",
        "apps[1].name=exact",
        "apps[1].hosting=local_server",
        "apps[2].name=afas",
        "apps[2].hosting=cloud_saas",
        "domain.has_domain=yes",
        "domain.name=groothandel.nl",
        "domain.provider=other_hosting",
        "email.size_gb=120",
        "email.mailboxes=12",
        "data.size_gb=150",
        "site.cabling=good",
    ]);
    pairs.push(format!(
        "planning.go_live={}",
        iso(today() + time::Duration::days(365))
    ));
    Profile {
        customer: "Groothandel De Vries",
        mode: "on-site",
        pairs,
    }
}

/// 40 workstations on two locations, an online intake, options for the first ten users.
pub fn forty_workstations() -> Profile {
    let mut pairs = s(&[
        "workstations.count=40",
        "workstations.workload=medium",
        "locations[1].name=Utrecht",
        "locations[1].workstations=30",
        "locations[1].down_mbps=500",
        "locations[1].up_mbps=100",
        "locations[2].name=Zwolle",
        "locations[2].workstations=10",
        "locations[2].down_mbps=100",
        "locations[2].up_mbps=40",
        "email.size_gb=40",
        "email.mailboxes=40",
        "data.size_gb=5",
    ]);
    for i in 1..=40 {
        pairs.push(format!("users[{i}].name=Medewerker {i}"));
        pairs.push(format!("users[{i}].mobile=06{:08}", 10_000_000 + i));
        if i <= 10 {
            pairs.push(format!(
                "users[{i}].options={}",
                if i <= 5 { "winrar,visio" } else { "winrar" }
            ));
        }
    }
    Profile {
        customer: "Adviesbureau Noord",
        mode: "online",
        pairs,
    }
}

/// Every per-user option the form offers, in the form's order.
pub const OPTIONS: [&str; 9] = [
    "access",
    "project",
    "visio",
    "publisher",
    "infopath",
    "vandale_nl",
    "vandale_de_en_fr",
    "winrar",
    "app_virtualisation",
];

/// 40 workstations on three locations with 40 users who each pick a few options, local business
/// applications, poor cabling and network equipment and 400 GB to move: the longest quote an
/// intake gives, so its table spans pages.
pub fn forty_workstations_three_locations() -> Profile {
    let mut pairs = s(&[
        "workstations.count=40",
        "workstations.workload=medium",
        "locations[1].name=Eindhoven",
        "locations[1].workstations=24",
        "locations[1].down_mbps=500",
        "locations[1].up_mbps=100",
        "locations[2].name=Tilburg",
        "locations[2].workstations=10",
        "locations[2].down_mbps=100",
        "locations[2].up_mbps=20",
        "locations[3].name=Breda",
        "locations[3].workstations=6",
        "locations[3].down_mbps=15",
        "locations[3].up_mbps=2",
        "apps[1].name=exact",
        "apps[1].hosting=local_server",
        "apps[2].name=unit4",
        "apps[2].hosting=local_server",
        "apps[3].name=afas",
        "apps[3].hosting=cloud_saas",
        "domain.has_domain=yes",
        "domain.name=zuidtechniek.nl",
        "domain.provider=other_hosting",
        "email.size_gb=150",
        "email.mailboxes=40",
        "data.size_gb=250",
        "site.cabling=poor",
        "site.network_equipment=poor",
    ]);
    for i in 1..=40usize {
        pairs.push(format!("users[{i}].name=Collega {i}"));
        pairs.push(format!("users[{i}].mobile=06{:08}", 20_000_000 + i));
        // User i takes option i mod 9 and, every third user, the next one too: each option is
        // taken by several users, so every option has its own quote line.
        let mut opts = vec![OPTIONS[i % OPTIONS.len()]];
        if i % 3 == 0 {
            opts.push(OPTIONS[(i + 1) % OPTIONS.len()]);
        }
        pairs.push(format!("users[{i}].options={}", opts.join(",")));
    }
    Profile {
        customer: "Zuid Installatietechniek B.V.",
        mode: "on-site",
        pairs,
    }
}

/// A nearly empty intake: one workstation and nothing else.
pub fn nearly_empty() -> Profile {
    Profile {
        customer: "Kapsalon Lief",
        mode: "on-site",
        pairs: s(&["workstations.count=1"]),
    }
}

/// A dental practice: sensitive data (NEN 7510), Windows 10 on some computers, a weekly USB
/// backup never tested, card readers and dictation, Google mail, no antivirus, a SaaS and a
/// local application, PST files and an Office subscription that ends.
pub fn health_care() -> Profile {
    Profile {
        customer: "Tandartspraktijk Smile",
        mode: "on-site",
        pairs: s(&[
            "company.sector=healthcare",
            "company.kvk=12345678",
            "company.employees=9",
            "workstations.count=7",
            "workstations.devices=7",
            "workstations.workload=light",
            "workstations.os=windows_10,windows_11",
            "workstations.printers=2",
            "workstations.peripherals=UZI-kaartlezer bij elke stoel, Philips dicteerapparatuur, Dymo labelprinter, pinautomaat aan de balie",
            "locations[1].name=Praktijk",
            "locations[1].workstations=7",
            "locations[1].down_mbps=100",
            "locations[1].up_mbps=30",
            "locations[1].cabling_ok=yes",
            "users[1].name=Dr. A. Smile",
            "users[1].mobile=0612345678",
            "users[2].name=B. Assistent",
            "users[2].mobile=0623456789",
            "users[3].name=C. Balie",
            "users[3].mobile=0634567890",
            "apps[1].name=other",
            "apps[1].name_other=Exquise",
            "apps[1].hosting=cloud_saas",
            "apps[2].name=other",
            "apps[2].name_other=Röntgenviewer",
            "apps[2].hosting=local_server",
            "email.provider=google",
            "email.mailboxes=4",
            "email.size_gb=12",
            "email.pst_files=yes",
            "data.size_gb=20",
            "data.backup=yes",
            "data.backup_how=Externe USB-schijf, elke vrijdag",
            "data.backup_frequency=weekly",
            "data.backup_tested=no",
            "security.antivirus=no",
            "security.sensitive_data=yes",
            "security.policies=Patiëntdossiers en röntgenfoto's",
            "work.office_version=microsoft365",
            "work.office_licences=subscription",
            "work.subscription_end=2027-03-31",
            "site.cabling=good",
            "site.network_equipment=good",
            "site.wifi_ok=yes",
            "site.servers=no",
        ]),
    }
}

/// A construction firm with an office and a site cabin, two applications that need custom
/// hosting, its own Exchange server and a tested daily backup.
pub fn construction_two_sites() -> Profile {
    Profile {
        customer: "Bouwbedrijf De Graaf",
        mode: "on-site",
        pairs: s(&[
            "company.sector=construction",
            "workstations.count=14",
            "workstations.workload=heavy",
            "workstations.os=windows_11",
            "locations[1].name=Kantoor",
            "locations[1].workstations=10",
            "locations[1].down_mbps=200",
            "locations[1].up_mbps=50",
            "locations[1].cabling_ok=yes",
            "locations[2].name=Bouwkeet",
            "locations[2].workstations=4",
            "locations[2].connection=mobile_4g5g",
            "locations[2].cabling_ok=no",
            "users[1].name=J. de Graaf",
            "users[1].mobile=0611111111",
            "users[2].name=K. Uitvoerder",
            "users[2].mobile=0622222222",
            "apps[1].name=other",
            "apps[1].name_other=Bouwsoft",
            "apps[1].hosting=local_server",
            "apps[2].name=other",
            "apps[2].name_other=AutoCAD",
            "apps[2].hosting=local_server",
            "email.provider=exchange_onprem",
            "email.mailboxes=14",
            "email.size_gb=60",
            "data.size_gb=150",
            "data.servers=1",
            "data.backup=yes",
            "data.backup_how=Online back-up bij de ICT-partner",
            "data.backup_frequency=daily",
            "data.backup_tested=yes",
            "security.antivirus=yes",
            "site.cabling=fair",
            "site.servers=yes",
            "site.server_notes=Dell T140 uit 2018: bestanden, Exchange en Bouwsoft",
            "site.network_equipment=fair",
            "site.wifi_ok=yes",
            "planning.migration_window=weekend",
        ]),
    }
}

/// The desired go-live of the construction firm: a Monday in February 2027, after its closure.
pub const CONSTRUCTION_GO_LIVE: &str = "2027-02-15";

/// A construction firm of 11 workstations, closed from 19 December 2026 to 3 January 2027
/// (and in the summer builders' holiday),
/// that lets the migration happen only at the weekend; every required answer given.
pub fn construction_firm() -> Profile {
    let mut pairs = s(&[
        "intake.contact_name=Henk Hendriks",
        "intake.contact_email=henk@hendriks-bouw.nl",
        "company.kvk=12345678",
        "company.vat=NL123456782B01",
        "company.address=Havenweg 4",
        "company.postcode=5211AB",
        "company.city=Den Bosch",
        "company.billing_email=administratie@hendriks-bouw.nl",
        "company.iban=NL91ABNA0417164300",
        "workstations.count=11",
        "workstations.workload=medium",
        "locations[1].name=Werf",
        "locations[1].workstations=11",
        "locations[1].down_mbps=200",
        "locations[1].up_mbps=50",
        "email.size_gb=20",
        "email.mailboxes=11",
        "data.size_gb=30",
        "site.cabling=good",
        "planning.migration_window=weekend",
        // The summer builders' holiday given first: the plan reads the periods in date order.
        "closures[1].from=2027-07-24",
        "closures[1].until=2027-08-15",
        "closures[2].from=2026-12-19",
        "closures[2].until=2027-01-03",
    ]);
    pairs.push(format!("planning.go_live={CONSTRUCTION_GO_LIVE}"));
    for i in 1..=11 {
        pairs.push(format!("users[{i}].name=Medewerker {i}"));
        pairs.push(format!("users[{i}].mobile=06{:08}", 10_000_000 + i));
    }
    Profile {
        customer: "Bouwbedrijf Hendriks",
        mode: "on-site",
        pairs,
    }
}
