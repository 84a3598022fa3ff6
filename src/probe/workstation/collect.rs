//! Collect the facts of this workstation, without administrator rights.
//!
//! Only what is needed is refreshed (no process list, no CPU usage sampling,
//! which would need a 200 ms wait), so this runs in milliseconds.

use super::{DiskInfo, InterfaceInfo, WorkstationProbe};
use std::collections::BTreeMap;
use sysinfo::{
    CpuRefreshKind, DiskKind, DiskRefreshKind, Disks, MemoryRefreshKind, Networks, System,
};

/// Caps so that a machine with hundreds of bind mounts or virtual interfaces
/// still writes a probe file that passes `from_untrusted_json`.
const KEEP_DISKS: usize = super::MAX_DISKS;
const KEEP_INTERFACES: usize = super::MAX_INTERFACES;

pub fn collect() -> WorkstationProbe {
    let mut unreadable = Vec::new();
    let mut note =
        |what: &str, err: &dyn std::fmt::Display| unreadable.push(format!("{what}: {err}"));

    let hostname = System::host_name().unwrap_or_else(|e| {
        note("hostname", &e);
        String::new()
    });
    let os_name = System::name().unwrap_or_else(|e| {
        note("os name", &e);
        String::new()
    });
    let os_version = System::os_version().unwrap_or_else(|e| {
        note("os version", &e);
        String::new()
    });
    let os_long_version = System::long_os_version().unwrap_or_default();
    let kernel = System::kernel_version().unwrap_or_else(|e| {
        note("kernel version", &e);
        String::new()
    });
    let uptime_seconds = System::uptime().unwrap_or_else(|e| {
        note("uptime", &e);
        0
    });
    let cpu_physical_cores = System::physical_core_count().ok().map(|n| n as u32);

    let (mut cpu_model, mut cpu_cores, mut mem_total, mut mem_avail) =
        (String::new(), 0u32, 0u64, 0u64);
    match System::new() {
        Ok(mut sys) => {
            sys.refresh_cpu_list(CpuRefreshKind::nothing());
            sys.refresh_memory_specifics(MemoryRefreshKind::nothing().with_ram());
            cpu_cores = sys.cpus().len() as u32;
            cpu_model = sys
                .cpus()
                .first()
                .map(|c| c.brand().trim().to_string())
                .unwrap_or_default();
            mem_total = sys.total_memory();
            mem_avail = sys.available_memory();
            if cpu_cores == 0 {
                note("cpu", &"no processors listed");
            }
            if mem_total == 0 {
                note("memory", &"total memory reported as 0");
            }
        }
        Err(e) => note("cpu and memory", &e),
    }

    let disks = match Disks::new_with_refreshed_list_specifics(
        DiskRefreshKind::nothing().with_kind().with_storage(),
    ) {
        Ok(d) => disk_infos(&d),
        Err(e) => {
            note("disks", &e);
            Vec::new()
        }
    };

    let macs = match Networks::new_with_refreshed_list() {
        Ok(n) => n
            .iter()
            .map(|(name, data)| (name.to_string_lossy().into_owned(), data.mac_address()))
            .filter(|(_, m)| !m.is_unspecified())
            .map(|(n, m)| (n, m.to_string()))
            .collect::<BTreeMap<_, _>>(),
        Err(e) => {
            note("mac addresses", &e);
            BTreeMap::new()
        }
    };
    let interfaces = match if_addrs::get_if_addrs() {
        Ok(list) => interface_infos(&list, &macs),
        Err(e) => {
            note("network interfaces", &e);
            Vec::new()
        }
    };

    let time_zone = time_zone().unwrap_or_else(|| {
        note(
            "time zone",
            &"no TZ, /etc/timezone or /etc/localtime zone name",
        );
        String::new()
    });
    let machine_id = match machine_id() {
        Ok(id) => Some(id),
        Err(e) => {
            note("machine id", &e);
            None
        }
    };
    let collected_at = now_rfc3339();

    WorkstationProbe {
        hostname,
        os_name,
        os_version,
        os_long_version,
        kernel,
        arch: System::cpu_arch(),
        cpu_model,
        cpu_cores,
        cpu_physical_cores,
        memory_total_bytes: mem_total,
        memory_available_bytes: mem_avail,
        disks,
        uptime_seconds,
        interfaces,
        time_zone,
        machine_id,
        collected_at,
        probe_version: crate::probe::PROBE_VERSION.to_string(),
        unreadable,
    }
}

fn disk_infos(disks: &Disks) -> Vec<DiskInfo> {
    let mut out: Vec<DiskInfo> = Vec::new();
    for d in disks.iter() {
        let mount = d.mount_point().to_string_lossy().into_owned();
        // Skip pseudo file systems (size 0) and the same mount listed twice.
        if d.total_space() == 0 || out.iter().any(|o| o.mount == mount) {
            continue;
        }
        out.push(DiskInfo {
            mount,
            total_bytes: d.total_space(),
            available_bytes: d.available_space().min(d.total_space()),
            kind: match d.kind() {
                DiskKind::SSD => "ssd",
                DiskKind::HDD => "hdd",
                DiskKind::Unknown(_) => "unknown",
            }
            .to_string(),
            file_system: d.file_system().to_string_lossy().into_owned(),
            removable: d.is_removable(),
        });
        if out.len() == KEEP_DISKS {
            break;
        }
    }
    out
}

fn interface_infos(
    list: &[if_addrs::Interface],
    macs: &BTreeMap<String, String>,
) -> Vec<InterfaceInfo> {
    let mut by_name: BTreeMap<&str, InterfaceInfo> = BTreeMap::new();
    for i in list {
        let (addr, prefix) = match &i.addr {
            if_addrs::IfAddr::V4(a) => (a.ip.to_string(), a.prefixlen),
            if_addrs::IfAddr::V6(a) => (a.ip.to_string(), a.prefixlen),
        };
        let entry = by_name
            .entry(i.name.as_str())
            .or_insert_with(|| InterfaceInfo {
                name: i.name.clone(),
                addresses: Vec::new(),
                mac: macs.get(&i.name).cloned(),
                loopback: i.is_loopback(),
            });
        entry.addresses.push(format!("{addr}/{prefix}"));
        entry.loopback &= i.is_loopback();
    }
    by_name.into_values().take(KEEP_INTERFACES).collect()
}

/// Best effort IANA zone name: $TZ, /etc/timezone, the /etc/localtime link;
/// else the current UTC offset ("UTC+01:00") so the field still says something.
fn time_zone() -> Option<String> {
    if let Ok(tz) = std::env::var("TZ") {
        let tz = tz.trim().trim_start_matches(':');
        if !tz.is_empty() {
            return Some(tz.to_string());
        }
    }
    if let Ok(s) = std::fs::read_to_string("/etc/timezone") {
        let s = s.trim();
        if !s.is_empty() {
            return Some(s.to_string());
        }
    }
    if let Ok(target) = std::fs::read_link("/etc/localtime") {
        let t = target.to_string_lossy();
        if let Some((_, zone)) = t.split_once("zoneinfo/") {
            return Some(zone.to_string());
        }
    }
    // Windows and macOS without a link: the offset at least (may fail in
    // multi-threaded programs on Unix, where `time` refuses to read it).
    time::UtcOffset::current_local_offset().ok().map(|o| {
        let (h, m, _) = o.as_hms();
        format!(
            "UTC{}{:02}:{:02}",
            if o.is_negative() { '-' } else { '+' },
            h.abs(),
            m.abs()
        )
    })
}

fn machine_id() -> Result<String, String> {
    if cfg!(any(target_os = "linux", target_os = "freebsd")) {
        let mut last = String::new();
        for path in ["/etc/machine-id", "/var/lib/dbus/machine-id"] {
            match std::fs::read_to_string(path) {
                Ok(s) if !s.trim().is_empty() => return Ok(s.trim().to_string()),
                Ok(_) => last = format!("{path} is empty"),
                Err(e) => last = format!("{path}: {e}"),
            }
        }
        Err(last)
    } else {
        // Windows MachineGuid / macOS IOPlatformUUID would need the registry or
        // ioreg; MACs and hostname still make up the key.
        Err(format!("not read on {}", std::env::consts::OS))
    }
}

pub(crate) fn now_rfc3339() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collects_plausible_values_here_fast() {
        let t = std::time::Instant::now();
        let p = collect();
        let took = t.elapsed();
        assert!(took.as_millis() < 1000, "collect took {took:?}");
        assert!(!p.hostname.is_empty(), "{:?}", p.unreadable);
        assert!(!p.os_name.is_empty());
        assert!(!p.kernel.is_empty());
        assert!(p.cpu_cores >= 1);
        assert!(p.memory_total_bytes > 64 << 20);
        assert!(p.memory_available_bytes <= p.memory_total_bytes);
        assert!(
            p.interfaces.iter().any(|i| i.loopback),
            "{:?}",
            p.interfaces
        );
        assert!(p.disks.iter().all(|d| d.available_bytes <= d.total_bytes));
        assert!(
            time::OffsetDateTime::parse(
                &p.collected_at,
                &time::format_description::well_known::Rfc3339
            )
            .is_ok()
        );
        // What it collects must pass its own validation when copied elsewhere.
        let json = serde_json::to_vec(&p).expect("serialise");
        let back = WorkstationProbe::from_untrusted_json(&json).expect("own probe file is valid");
        assert_eq!(back, p);
    }

    // `Interface` has an extra field on Windows.
    #[cfg(not(windows))]
    #[test]
    fn interfaces_grouped_by_name_with_mac() {
        let lo = if_addrs::Interface {
            name: "eth0".into(),
            addr: if_addrs::IfAddr::V4(if_addrs::Ifv4Addr {
                ip: [192, 168, 1, 5].into(),
                netmask: [255, 255, 255, 0].into(),
                prefixlen: 24,
                broadcast: None,
            }),
            index: Some(2),
            oper_status: if_addrs::IfOperStatus::Up,
            is_p2p: false,
        };
        let mut v6 = lo.clone();
        v6.addr = if_addrs::IfAddr::V6(if_addrs::Ifv6Addr {
            ip: "fe80::1".parse().expect("literal"),
            netmask: "ffff:ffff:ffff:ffff::".parse().expect("literal"),
            prefixlen: 64,
            broadcast: None,
        });
        let macs = BTreeMap::from([("eth0".to_string(), "aa:bb:cc:dd:ee:ff".to_string())]);
        let out = interface_infos(&[lo, v6], &macs);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].addresses, vec!["192.168.1.5/24", "fe80::1/64"]);
        assert_eq!(out[0].mac.as_deref(), Some("aa:bb:cc:dd:ee:ff"));
        assert!(!out[0].loopback);
    }
}
