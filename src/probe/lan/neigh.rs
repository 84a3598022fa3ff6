//! The neighbour (ARP) table: hosts that answered ARP but no TCP port (e.g.
//! firewalled Windows machines) still show up here after the sweep.

use std::collections::HashMap;
use std::net::Ipv4Addr;

/// Complete entries of /proc/net/arp (Linux); empty elsewhere or unreadable.
pub fn read() -> HashMap<Ipv4Addr, String> {
    std::fs::read_to_string("/proc/net/arp")
        .map(|s| parse(&s))
        .unwrap_or_default()
}

/// Whether this system has a neighbour table to read.
pub fn available() -> bool {
    std::path::Path::new("/proc/net/arp").exists()
}

/// Lines: "IP address HW type Flags HW address Mask Device"; flag 0x2 =
/// complete (an INCOMPLETE/FAILED entry means nobody answered).
fn parse(s: &str) -> HashMap<Ipv4Addr, String> {
    s.lines()
        .skip(1)
        .take(65536)
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            let ip: Ipv4Addr = f.first()?.parse().ok()?;
            let flags = u32::from_str_radix(f.get(2)?.trim_start_matches("0x"), 16).ok()?;
            let mac = f.get(3)?.to_ascii_lowercase();
            (flags & 0x2 != 0 && mac != "00:00:00:00:00:00").then_some((ip, mac))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_only_complete_entries() {
        let t = "IP address       HW type     Flags       HW address            Mask     Device\n\
                 10.201.0.14      0x1         0x2         AA:bb:cc:dd:ee:14     *        eth0\n\
                 10.201.0.99      0x1         0x0         00:00:00:00:00:00     *        eth0\n\
                 garbage\n";
        let m = parse(t);
        assert_eq!(m.len(), 1);
        assert_eq!(m[&Ipv4Addr::new(10, 201, 0, 14)], "aa:bb:cc:dd:ee:14");
    }
}
