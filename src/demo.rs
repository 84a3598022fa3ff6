//! `intake demo`: a realistic sample intake, so a newcomer sees every screen filled and
//! can export a report at once. The company is fictional; every value goes through the
//! same checks as typed answers.

use crate::workspace::{Mode, Workspace, today};
use anyhow::Result;

const CUSTOMER: &str = "Van der Berg Installatietechniek B.V.";

/// Creates the demo intake and returns its id.
pub fn create(ws: &mut Workspace) -> Result<i64> {
    let id = ws.new_intake(CUSTOMER, Mode::OnSite, None)?;
    let go_live = today()
        .checked_add(time::Duration::days(42))
        .unwrap_or(today());
    let mut pairs: Vec<(String, String)> = vec![
        ("intake.specialist", "Sanne de Vries"),
        ("intake.contact_name", "Peter van der Berg"),
        ("intake.contact_email", "peter@vdberg-installatie.nl"),
        ("intake.contact_phone", "030 123 4567"),
        ("company.kvk", "30123456"),
        ("company.vat", "NL812345678B01"),
        ("company.address", "Vaartweg 12"),
        ("company.postcode", "3542 AB"),
        ("company.city", "Utrecht"),
        (
            "company.billing_email",
            "administratie@vdberg-installatie.nl",
        ),
        ("company.iban", "NL91ABNA0417164300"),
        (
            "company.iban_holder",
            "Van der Berg Installatietechniek B.V.",
        ),
        ("company.sector", "construction"),
        ("company.employees", "14"),
        ("workstations.count", "12"),
        ("workstations.workload", "medium"),
        ("workstations.devices", "13"),
        ("workstations.os", "windows_11,windows_10"),
        ("workstations.apple", "no"),
        ("workstations.age_years", "4,5"),
        ("workstations.keep_current", "yes"),
        ("workstations.printers", "3"),
        ("locations[1].name", "Utrecht (hoofdkantoor)"),
        ("locations[1].address", "Vaartweg 12, Utrecht"),
        ("locations[1].workstations", "8"),
        ("locations[1].isp", "KPN"),
        ("locations[1].connection", "fiber"),
        ("locations[1].down_mbps", "100"),
        ("locations[1].up_mbps", "100"),
        ("locations[1].backup_link", "no"),
        ("locations[1].cabling_ok", "yes"),
        ("locations[2].name", "Amersfoort (werkplaats)"),
        ("locations[2].address", "Industrieweg 4, Amersfoort"),
        ("locations[2].workstations", "4"),
        ("locations[2].isp", "Ziggo"),
        ("locations[2].connection", "cable"),
        ("locations[2].down_mbps", "10"),
        ("locations[2].up_mbps", "1,5"),
        ("locations[2].cabling_ok", "no"),
        (
            "locations[2].notes",
            "Kabels lopen los over de vloer; switch in de kantine.",
        ),
        ("apps[1].name", "exact"),
        ("apps[1].product", "Exact Online Boekhouden"),
        ("apps[1].users", "2"),
        ("apps[1].hosting", "cloud_saas"),
        ("apps[2].name", "other"),
        ("apps[2].name_other", "Calculatiepakket InstallCalc"),
        ("apps[2].users", "4"),
        ("apps[2].hosting", "local_server"),
        ("email.provider", "hosting_provider"),
        ("email.mailboxes", "14"),
        ("email.size_gb", "38"),
        ("email.pst_files", "yes"),
        ("data.size_gb", "120"),
        ("data.location", "local_server,workstations"),
        ("data.servers", "1"),
        ("data.backup", "yes"),
        ("data.backup_how", "USB-schijf, wekelijks"),
        ("domain.has_domain", "yes"),
        ("domain.name", "vdberg-installatie.nl"),
        ("domain.provider", "other_hosting"),
        ("domain.hosting_name", "Hostnet"),
        ("domain.dns_managed_by", "hosting_provider"),
        ("work.offline_needed", "no"),
        ("work.remote_work", "yes"),
        ("work.office_version", "office_2016_or_older"),
        ("work.office_licences", "with_pc"),
        ("security.antivirus", "yes"),
        ("security.mfa_now", "no"),
        ("security.sensitive_data", "no"),
        ("site.cabling", "fair"),
        ("site.servers", "yes"),
        (
            "site.server_notes",
            "HP ProLiant ML110 uit 2016 in de meterkast, bestandsserver en calculatiepakket.",
        ),
        ("site.network_equipment", "fair"),
        ("site.wifi_ok", "yes"),
        ("planning.migration_window", "weekend"),
        ("planning.migration_by", "advise"),
    ]
    .into_iter()
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    pairs.push((
        "planning.go_live".into(),
        crate::form::value::format_date(go_live),
    ));
    let users = [
        (
            "Peter van der Berg",
            "directeur",
            "06 1234 5601",
            "visio,project",
        ),
        (
            "Anja van der Berg",
            "administratie",
            "06 1234 5602",
            "access",
        ),
        (
            "Mohamed El Amrani",
            "werkvoorbereider",
            "06 1234 5603",
            "visio",
        ),
        ("Lisa Jansen", "projectleider", "06 1234 5604", "project"),
        ("Kees Bakker", "calculator", "06 1234 5605", ""),
        ("Fatima Yilmaz", "planner", "06 1234 5606", ""),
        ("Joost de Wit", "monteur", "06 1234 5607", ""),
        ("Eva Smit", "monteur", "", ""),
        ("Ruud Visser", "werkplaats", "06 1234 5609", "winrar"),
        (
            "Noor Hendriks",
            "binnendienst",
            "06 1234 5610",
            "vandale_nl",
        ),
        ("Daan Mulder", "binnendienst", "06 1234 5611", ""),
        ("Sophie de Jong", "stagiair", "06 1234 5612", ""),
    ];
    for (i, (name, role, mobile, options)) in users.iter().enumerate() {
        let n = i + 1;
        let mail = name.to_lowercase().replace(' ', ".");
        pairs.push((format!("users[{n}].name"), name.to_string()));
        pairs.push((format!("users[{n}].role"), role.to_string()));
        pairs.push((
            format!("users[{n}].email"),
            format!("{mail}@vdberg-installatie.nl"),
        ));
        if !mobile.is_empty() {
            pairs.push((format!("users[{n}].mobile"), mobile.to_string()));
        }
        if !options.is_empty() {
            pairs.push((format!("users[{n}].options"), options.to_string()));
        }
    }
    ws.set_answers(id, &pairs)?;
    add_probes(ws, id)?;
    Ok(id)
}

/// Three workstations as the portable probe would report them, and a bandwidth
/// measurement at the main office. Added through the same validation as imports.
fn add_probes(ws: &mut Workspace, id: i64) -> Result<()> {
    use crate::probe::{readiness, workstation::WorkstationProbe};
    let gb = 1_000_000_000u64;
    let machines = [
        (
            "VDB-DIRECTIE",
            "Windows",
            "11 (23H2)",
            16 * gb,
            180 * gb,
            "Intel(R) Core(TM) i5-1245U",
            10,
            "0a:1b:2c:00:00:01",
        ),
        (
            "VDB-ADMIN",
            "Windows",
            "10 (22H2)",
            8 * gb,
            40 * gb,
            "Intel(R) Core(TM) i3-8100",
            4,
            "0a:1b:2c:00:00:02",
        ),
        (
            "VDB-WERKPLAATS",
            "Windows",
            "10 (21H2)",
            4 * gb,
            12 * gb,
            "Intel(R) Celeron(R) J4125",
            4,
            "0a:1b:2c:00:00:03",
        ),
    ];
    let thresholds = readiness::Thresholds::embedded().map_err(|e| anyhow::anyhow!("{e}"))?;
    for (host, os, version, mem, free, cpu, cores, mac) in machines {
        let json = serde_json::json!({
            "hostname": host, "os_name": os, "os_version": version, "os_long_version": format!("{os} {version}"),
            "kernel": "10.0", "arch": "x86_64", "cpu_model": cpu, "cpu_cores": cores, "cpu_physical_cores": cores / 2,
            "memory_total_bytes": mem, "memory_available_bytes": mem / 2,
            "disks": [{"mount": "C:\\", "total_bytes": 256 * gb, "available_bytes": free, "kind": "ssd", "file_system": "NTFS", "removable": false}],
            "uptime_seconds": 86_400,
            "interfaces": [{"name": "Ethernet", "addresses": ["192.168.10.21/24"], "mac": mac, "loopback": false}],
            "time_zone": "Europe/Amsterdam", "machine_id": null, "collected_at": "2026-11-20T09:30:00Z",
            "probe_version": crate::probe::PROBE_VERSION, "unreadable": ["machine id (demo data)"],
        });
        let probe = WorkstationProbe::from_untrusted_json(json.to_string().as_bytes())?;
        let mut payload = serde_json::to_value(&probe)?;
        payload["readiness"] =
            serde_json::to_value(readiness::assess(&probe, &thresholds, today()))?;
        ws.store
            .add_probe(id, "workstation", &probe.machine_key(), &payload, "import")?;
    }
    let link = serde_json::json!({
        "download_mbps": 93.4, "upload_mbps": 91.2, "latency_ms": 14.8, "latency_min_ms": 13.9, "latency_p90_ms": 16.2,
        "jitter_ms": 0.9, "loaded_latency_ms": 38.5, "server": "meet.example.nl:5201", "streams": 4, "seconds": 10.0,
        "measured_at": "2026-11-20T10:05:00Z", "mode": "tcp"
    });
    ws.store
        .add_probe(id, "bandwidth", "meet.example.nl:5201", &link, "local")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_demo_is_a_complete_valid_intake() {
        let store = crate::store::Store::open_in_memory().unwrap();
        let mut ws = crate::workspace::Workspace::with_store(store).unwrap();
        let id = super::create(&mut ws).unwrap();
        let l = ws.load(id).unwrap();
        let ev = l.evaluate(crate::workspace::today());
        assert_eq!(ev.total_errors(), 0);
        assert_eq!(
            ev.total_missing(),
            0,
            "the demo answers every required question"
        );
        assert!(l.orphans.is_empty());
        assert_eq!(l.form.instance_counts(&l.answers)["users"], 12);
        let probes = ws.store.probes(id).unwrap();
        assert_eq!(probes.iter().filter(|p| p.kind == "workstation").count(), 3);
        assert!(
            probes.iter().any(
                |p| p.kind == "workstation" && p.payload["readiness"]["verdict"] == "not_ready"
            )
        );
    }
}
