//! Reading a probe file written on another workstation: untrusted input.
//!
//! The file travels by USB stick or mail, so it may be truncated, edited or not
//! a probe file at all. Everything is checked before it reaches the store, and
//! the error says which field is wrong and why.

use super::WorkstationProbe;
use thiserror::Error;

/// A real probe file is a few KiB; anything near a MiB is not one.
pub const MAX_FILE_BYTES: usize = 1 << 20;
pub const MAX_DISKS: usize = 64;
pub const MAX_INTERFACES: usize = 64;
const MAX_ADDRESSES: usize = 64;
const MAX_UNREADABLE: usize = 64;
const MAX_STRING: usize = 512;
/// 64 TiB of RAM / 1 EiB of disk: beyond any workstation; larger means garbage.
const MAX_MEMORY: u64 = 64 << 40;
const MAX_DISK: u64 = 1 << 60;
const MAX_CORES: u32 = 4096;
/// 20 years.
const MAX_UPTIME: u64 = 20 * 365 * 24 * 3600;

#[derive(Debug, Error, PartialEq)]
pub enum ProbeFileError {
    #[error("probe file is {size} bytes, more than the limit of {limit} bytes")]
    TooLarge { size: usize, limit: usize },
    #[error(
        "probe file is not valid JSON of a workstation probe: {message} (line {line}, column {column})"
    )]
    Shape {
        message: String,
        line: usize,
        column: usize,
    },
    #[error("probe file field `{field}`: {problem}")]
    Field { field: String, problem: String },
}

fn bad(field: impl Into<String>, problem: impl Into<String>) -> ProbeFileError {
    ProbeFileError::Field {
        field: field.into(),
        problem: problem.into(),
    }
}

pub(super) fn from_untrusted_json(bytes: &[u8]) -> Result<WorkstationProbe, ProbeFileError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(ProbeFileError::TooLarge {
            size: bytes.len(),
            limit: MAX_FILE_BYTES,
        });
    }
    // serde_json rejects negative numbers for u64/u32 fields and non-UTF-8 text
    // itself; the line/column points at the spot.
    let p: WorkstationProbe = serde_json::from_slice(bytes).map_err(|e| ProbeFileError::Shape {
        message: e.to_string(),
        line: e.line(),
        column: e.column(),
    })?;
    check(&p)?;
    Ok(p)
}

fn text(field: &str, s: &str) -> Result<(), ProbeFileError> {
    if s.len() > MAX_STRING {
        return Err(bad(
            field,
            format!("{} bytes long, at most {MAX_STRING} allowed", s.len()),
        ));
    }
    if s.chars().any(|c| c.is_control() && c != '\t') {
        return Err(bad(field, "contains control characters"));
    }
    Ok(())
}

fn count(field: &str, n: usize, max: usize) -> Result<(), ProbeFileError> {
    if n > max {
        return Err(bad(field, format!("{n} entries, at most {max} allowed")));
    }
    Ok(())
}

fn check(p: &WorkstationProbe) -> Result<(), ProbeFileError> {
    for (f, s) in [
        ("hostname", &p.hostname),
        ("os_name", &p.os_name),
        ("os_version", &p.os_version),
        ("os_long_version", &p.os_long_version),
        ("kernel", &p.kernel),
        ("arch", &p.arch),
        ("cpu_model", &p.cpu_model),
        ("time_zone", &p.time_zone),
        ("collected_at", &p.collected_at),
        ("probe_version", &p.probe_version),
    ] {
        text(f, s)?;
    }
    if p.hostname.trim().is_empty() && p.machine_id.is_none() {
        return Err(bad(
            "hostname",
            "empty, and no machine_id either: the machine cannot be identified",
        ));
    }
    if let Some(id) = &p.machine_id {
        text("machine_id", id)?;
        if id.len() > 128 {
            return Err(bad("machine_id", "longer than 128 characters"));
        }
    }
    if time::OffsetDateTime::parse(
        &p.collected_at,
        &time::format_description::well_known::Rfc3339,
    )
    .is_err()
    {
        return Err(bad(
            "collected_at",
            format!("{:?} is not an RFC 3339 time", p.collected_at),
        ));
    }
    if p.cpu_cores > MAX_CORES {
        return Err(bad(
            "cpu_cores",
            format!("{} is more than {MAX_CORES}", p.cpu_cores),
        ));
    }
    if p.cpu_physical_cores.is_some_and(|c| c > MAX_CORES) {
        return Err(bad("cpu_physical_cores", format!("more than {MAX_CORES}")));
    }
    if p.memory_total_bytes > MAX_MEMORY {
        return Err(bad(
            "memory_total_bytes",
            format!("{} is more than 64 TiB", p.memory_total_bytes),
        ));
    }
    if p.memory_available_bytes > p.memory_total_bytes {
        return Err(bad(
            "memory_available_bytes",
            format!(
                "{} is more than memory_total_bytes {}",
                p.memory_available_bytes, p.memory_total_bytes
            ),
        ));
    }
    if p.uptime_seconds > MAX_UPTIME {
        return Err(bad(
            "uptime_seconds",
            format!("{} is more than 20 years", p.uptime_seconds),
        ));
    }
    count("disks", p.disks.len(), MAX_DISKS)?;
    for (i, d) in p.disks.iter().enumerate() {
        let f = |name: &str| format!("disks[{i}].{name}");
        text(&f("mount"), &d.mount)?;
        text(&f("kind"), &d.kind)?;
        text(&f("file_system"), &d.file_system)?;
        if d.total_bytes > MAX_DISK {
            return Err(bad(
                f("total_bytes"),
                format!("{} is more than 1 EiB", d.total_bytes),
            ));
        }
        if d.available_bytes > d.total_bytes {
            return Err(bad(
                f("available_bytes"),
                format!(
                    "{} is more than total_bytes {}",
                    d.available_bytes, d.total_bytes
                ),
            ));
        }
        if !matches!(d.kind.as_str(), "ssd" | "hdd" | "unknown") {
            return Err(bad(
                f("kind"),
                format!("{:?} is not ssd, hdd or unknown", d.kind),
            ));
        }
    }
    count("interfaces", p.interfaces.len(), MAX_INTERFACES)?;
    for (i, n) in p.interfaces.iter().enumerate() {
        let f = |name: &str| format!("interfaces[{i}].{name}");
        text(&f("name"), &n.name)?;
        count(&f("addresses"), n.addresses.len(), MAX_ADDRESSES)?;
        for (j, a) in n.addresses.iter().enumerate() {
            let ip = a.split_once('/').map_or(a.as_str(), |(ip, _)| ip);
            if ip.parse::<std::net::IpAddr>().is_err() {
                return Err(bad(
                    format!("interfaces[{i}].addresses[{j}]"),
                    format!("{a:?} is not an IP address"),
                ));
            }
        }
        if let Some(m) = &n.mac
            && !is_mac(m)
        {
            return Err(bad(
                f("mac"),
                format!("{m:?} is not a MAC address like aa:bb:cc:dd:ee:ff"),
            ));
        }
    }
    count("unreadable", p.unreadable.len(), MAX_UNREADABLE)?;
    for (i, u) in p.unreadable.iter().enumerate() {
        text(&format!("unreadable[{i}]"), u)?;
    }
    Ok(())
}

fn is_mac(s: &str) -> bool {
    let parts: Vec<&str> = s.split([':', '-']).collect();
    parts.len() == 6
        && parts
            .iter()
            .all(|p| p.len() == 2 && p.chars().all(|c| c.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    use super::super::sample;
    use super::*;

    fn field_of(e: ProbeFileError) -> String {
        match e {
            ProbeFileError::Field { field, .. } => field,
            other => panic!("expected a field error, got {other}"),
        }
    }

    #[test]
    fn round_trips() {
        let p = sample();
        let json = serde_json::to_vec_pretty(&p).expect("serialise");
        assert_eq!(from_untrusted_json(&json), Ok(p));
    }

    #[test]
    fn refuses_too_large() {
        let big = vec![b' '; MAX_FILE_BYTES + 1];
        assert!(matches!(
            from_untrusted_json(&big),
            Err(ProbeFileError::TooLarge { .. })
        ));
    }

    #[test]
    fn refuses_wrong_shape_with_position() {
        let e = from_untrusted_json(b"{\n \"hostname\": 12\n}").unwrap_err();
        match e {
            ProbeFileError::Shape { line, .. } => assert_eq!(line, 2),
            other => panic!("{other}"),
        }
        assert!(matches!(
            from_untrusted_json(b"not json"),
            Err(ProbeFileError::Shape { .. })
        ));
    }

    #[test]
    fn refuses_negative_numbers() {
        let mut v = serde_json::to_value(sample()).expect("value");
        v["memory_total_bytes"] = serde_json::json!(-5);
        let e = from_untrusted_json(&serde_json::to_vec(&v).expect("bytes")).unwrap_err();
        assert!(
            e.to_string().contains("memory_total_bytes")
                || matches!(e, ProbeFileError::Shape { .. }),
            "{e}"
        );
    }

    #[test]
    fn refuses_insane_values_naming_the_field() {
        let mut p = sample();
        p.memory_available_bytes = p.memory_total_bytes + 1;
        assert_eq!(field_of(check(&p).unwrap_err()), "memory_available_bytes");

        let mut p = sample();
        p.disks[0].available_bytes = p.disks[0].total_bytes + 1;
        assert_eq!(field_of(check(&p).unwrap_err()), "disks[0].available_bytes");

        let mut p = sample();
        p.hostname = "x".repeat(MAX_STRING + 1);
        assert_eq!(field_of(check(&p).unwrap_err()), "hostname");

        let mut p = sample();
        p.interfaces[0].mac = Some("zz".into());
        assert_eq!(field_of(check(&p).unwrap_err()), "interfaces[0].mac");

        let mut p = sample();
        p.interfaces[0].addresses.push("10.0.0.300/8".into());
        assert_eq!(
            field_of(check(&p).unwrap_err()),
            "interfaces[0].addresses[1]"
        );

        let mut p = sample();
        p.disks = vec![p.disks[0].clone(); MAX_DISKS + 1];
        assert_eq!(field_of(check(&p).unwrap_err()), "disks");

        let mut p = sample();
        p.collected_at = "yesterday".into();
        assert_eq!(field_of(check(&p).unwrap_err()), "collected_at");

        let mut p = sample();
        p.cpu_cores = MAX_CORES + 1;
        assert_eq!(field_of(check(&p).unwrap_err()), "cpu_cores");
    }
}
