//! Facts about one workstation: collected here, or read from a probe file that
//! another workstation wrote (untrusted input).

mod collect;
mod validate;

pub use collect::collect;
pub(crate) use collect::now_rfc3339;
pub use validate::{MAX_DISKS, MAX_FILE_BYTES, MAX_INTERFACES, ProbeFileError};

use serde::{Deserialize, Serialize};

/// What one workstation looks like. Fields that could not be read are left at
/// their empty value and named in `unreadable`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WorkstationProbe {
    pub hostname: String,
    /// E.g. "Windows", "Ubuntu", "Darwin" (sysinfo's `System::name`).
    pub os_name: String,
    /// E.g. "10 (19045)", "24.04", "14.5".
    pub os_version: String,
    /// Long human form, e.g. "Windows 10 Pro", "Linux (Ubuntu 24.04)".
    #[serde(default)]
    pub os_long_version: String,
    pub kernel: String,
    pub arch: String,
    pub cpu_model: String,
    /// Logical cores (what the OS schedules on).
    pub cpu_cores: u32,
    #[serde(default)]
    pub cpu_physical_cores: Option<u32>,
    pub memory_total_bytes: u64,
    pub memory_available_bytes: u64,
    pub disks: Vec<DiskInfo>,
    pub uptime_seconds: u64,
    pub interfaces: Vec<InterfaceInfo>,
    /// IANA name when known (e.g. "Europe/Amsterdam"), else empty.
    pub time_zone: String,
    /// Stable per-install id where the OS has one (Linux /etc/machine-id).
    pub machine_id: Option<String>,
    /// RFC 3339.
    pub collected_at: String,
    pub probe_version: String,
    /// What could not be read, in words ("machine id: permission denied").
    pub unreadable: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DiskInfo {
    pub mount: String,
    pub total_bytes: u64,
    pub available_bytes: u64,
    /// "ssd", "hdd" or "unknown".
    pub kind: String,
    #[serde(default)]
    pub file_system: String,
    #[serde(default)]
    pub removable: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InterfaceInfo {
    pub name: String,
    /// "192.168.1.20/24", "fe80::1/64".
    pub addresses: Vec<String>,
    /// Lower-case "aa:bb:cc:dd:ee:ff" when known.
    pub mac: Option<String>,
    #[serde(default)]
    pub loopback: bool,
}

/// Longest machine key kept readable: what the store takes, so every key stored before
/// this bound existed still matches.
pub const MAX_READABLE_MACHINE_KEY: usize = crate::store::keys::MAX_NAME_LEN;

/// A machine key of bounded length whatever the machine (8 network adapters, a long
/// hostname): keys that fit stay as they are, so results stored before still match;
/// longer ones become `sha256=` and the hash of the full key (71 characters).
fn bounded_machine_key(full: String) -> String {
    use sha2::{Digest, Sha256};
    if full.chars().count() <= MAX_READABLE_MACHINE_KEY {
        return full;
    }
    let digest = Sha256::digest(full.as_bytes());
    let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
    format!("sha256={hex}")
}

impl WorkstationProbe {
    /// Composite identity: machine id + sorted non-loopback MACs + hostname.
    ///
    /// Hostname alone is not enough (cloned images share names) and MACs alone
    /// change with docks and USB adapters, so all three are combined; the same
    /// machine probed twice gives the same key because every part is sorted and
    /// normalised and nothing time-dependent is included.
    pub fn machine_key(&self) -> String {
        let mut macs: Vec<String> = self
            .interfaces
            .iter()
            .filter(|i| !i.loopback)
            .filter_map(|i| i.mac.as_deref())
            .map(|m| m.trim().to_ascii_lowercase())
            .filter(|m| !m.is_empty() && m != "00:00:00:00:00:00")
            .collect();
        macs.sort();
        macs.dedup();
        let id = self
            .machine_id
            .as_deref()
            .map(|s| s.trim().to_ascii_lowercase())
            .unwrap_or_default();
        let full = format!(
            "mid={};macs={};host={}",
            id,
            macs.join(","),
            self.hostname.trim().to_ascii_lowercase()
        );
        bounded_machine_key(full)
    }

    /// Disk holding the system (/ or C:\), else the largest one.
    pub fn system_disk(&self) -> Option<&DiskInfo> {
        self.disks
            .iter()
            .find(|d| d.mount == "/" || d.mount.eq_ignore_ascii_case("C:\\"))
            .or_else(|| self.disks.iter().max_by_key(|d| d.total_bytes))
    }

    pub fn from_untrusted_json(bytes: &[u8]) -> Result<WorkstationProbe, ProbeFileError> {
        validate::from_untrusted_json(bytes)
    }
}

#[cfg(test)]
pub(crate) fn sample() -> WorkstationProbe {
    WorkstationProbe {
        hostname: "ws-01".into(),
        os_name: "Windows".into(),
        os_version: "11 (22631)".into(),
        os_long_version: "Windows 11 Pro".into(),
        kernel: "22631".into(),
        arch: "x86_64".into(),
        cpu_model: "Intel(R) Core(TM) i5-8500".into(),
        cpu_cores: 6,
        cpu_physical_cores: Some(6),
        memory_total_bytes: 16 << 30,
        memory_available_bytes: 8 << 30,
        disks: vec![DiskInfo {
            mount: "C:\\".into(),
            total_bytes: 256 << 30,
            available_bytes: 100 << 30,
            kind: "ssd".into(),
            file_system: "NTFS".into(),
            removable: false,
        }],
        uptime_seconds: 3600,
        interfaces: vec![
            InterfaceInfo {
                name: "Ethernet".into(),
                addresses: vec!["192.168.1.20/24".into()],
                mac: Some("AA:BB:CC:00:11:22".into()),
                loopback: false,
            },
            InterfaceInfo {
                name: "lo".into(),
                addresses: vec!["127.0.0.1/8".into()],
                mac: Some("00:00:00:00:00:00".into()),
                loopback: true,
            },
        ],
        time_zone: "Europe/Amsterdam".into(),
        machine_id: Some("0123456789abcdef0123456789abcdef".into()),
        collected_at: "2026-11-25T10:00:00Z".into(),
        probe_version: crate::probe::PROBE_VERSION.into(),
        unreadable: vec![],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn machine_key_ignores_order_case_and_loopback() {
        let a = sample();
        let mut b = sample();
        b.interfaces.reverse();
        b.interfaces[1].mac = Some("aa:bb:cc:00:11:22".into());
        b.collected_at = "2026-11-26T10:00:00Z".into();
        b.memory_available_bytes = 1;
        assert_eq!(a.machine_key(), b.machine_key());
        assert!(a.machine_key().contains("aa:bb:cc:00:11:22"));
        assert!(!a.machine_key().contains("00:00:00:00:00:00"));
    }

    #[test]
    fn machine_key_stays_bounded_with_many_adapters() {
        let mut p = sample();
        let short = p.machine_key();
        assert!(
            short.starts_with("mid="),
            "short keys keep their old form: {short}"
        );
        for n in 0..12 {
            p.interfaces.push(InterfaceInfo {
                name: format!("eth{n}"),
                addresses: vec![],
                mac: Some(format!("aa:bb:cc:dd:ee:{n:02x}")),
                loopback: false,
            });
        }
        let long = p.machine_key();
        assert_eq!(long.len(), "sha256=".len() + 64);
        assert_eq!(long, p.machine_key(), "stable");
        p.interfaces.pop();
        assert_ne!(
            long,
            p.machine_key(),
            "another set of adapters is another key"
        );
    }

    #[test]
    fn cloned_image_with_same_hostname_differs() {
        let a = sample();
        let mut clone = sample();
        clone.machine_id = Some("ffffffffffffffffffffffffffffffff".into());
        clone.interfaces[0].mac = Some("aa:bb:cc:99:99:99".into());
        assert_eq!(a.hostname, clone.hostname);
        assert_ne!(a.machine_key(), clone.machine_key());
    }

    #[test]
    fn system_disk_prefers_c_or_root() {
        let mut p = sample();
        p.disks.push(DiskInfo {
            mount: "D:\\".into(),
            total_bytes: 4 << 40,
            available_bytes: 1,
            kind: "hdd".into(),
            file_system: String::new(),
            removable: false,
        });
        assert_eq!(p.system_disk().map(|d| d.mount.as_str()), Some("C:\\"));
    }
}
