//! What to scan: a given CIDR, or the IPv4 subnets of this machine.

use super::{LanError, ScanTarget};
use std::net::Ipv4Addr;

/// Largest range scanned without `force`: a /22 (1022 hosts, ~15 s).
pub const DEFAULT_MAX_PREFIX: u8 = 22;
/// Largest range scanned even with `force`: a /16, to keep the scan bounded.
pub const FORCED_MAX_PREFIX: u8 = 16;

pub fn plan(cidr: Option<&str>, force: bool) -> Result<Vec<ScanTarget>, LanError> {
    if let Some(c) = cidr {
        return plan_cidr(c, force);
    }
    let ifs = if_addrs::get_if_addrs().map_err(|e| LanError::Interfaces(e.to_string()))?;
    let mut nets: Vec<(Ipv4Addr, u8, String, Ipv4Addr)> = Vec::new();
    for i in &ifs {
        if let if_addrs::IfAddr::V4(a) = &i.addr {
            if a.ip.is_loopback() || a.ip.is_link_local() {
                continue;
            }
            let net = network(a.ip, a.prefixlen);
            if !nets.iter().any(|(n, p, ..)| *n == net && *p == a.prefixlen) {
                nets.push((net, a.prefixlen, i.name.clone(), a.ip));
            }
        }
    }
    if nets.is_empty() {
        return Err(LanError::NoSubnets);
    }
    let mut out = Vec::new();
    for (net, prefix, name, own) in nets {
        let cidr = format!("{net}/{prefix}");
        check_size(&cidr, prefix, force)?;
        // Our own address answers itself; leave it out.
        out.extend(
            hosts(net, prefix)
                .filter(|a| *a != own)
                .map(|address| ScanTarget {
                    address,
                    network: cidr.clone(),
                    interface: Some(name.clone()),
                }),
        );
    }
    Ok(out)
}

pub fn plan_cidr(input: &str, force: bool) -> Result<Vec<ScanTarget>, LanError> {
    let invalid = |problem: &str| LanError::InvalidCidr {
        input: input.to_string(),
        problem: problem.to_string(),
    };
    let s = input.trim();
    let (ip, prefix) = match s.split_once('/') {
        Some((ip, p)) => (
            ip,
            p.parse::<u8>()
                .map_err(|_| invalid("prefix length is not a number"))?,
        ),
        None => (s, 32),
    };
    let ip: Ipv4Addr = ip.parse().map_err(|_| invalid("not an IPv4 address"))?;
    if prefix > 32 {
        return Err(invalid("prefix length is more than 32"));
    }
    let net = network(ip, prefix);
    let cidr = format!("{net}/{prefix}");
    check_size(&cidr, prefix, force)?;
    Ok(hosts(net, prefix)
        .map(|address| ScanTarget {
            address,
            network: cidr.clone(),
            interface: None,
        })
        .collect())
}

fn check_size(cidr: &str, prefix: u8, force: bool) -> Result<(), LanError> {
    if prefix < FORCED_MAX_PREFIX {
        return Err(LanError::FarTooLarge {
            cidr: cidr.to_string(),
            limit: FORCED_MAX_PREFIX,
        });
    }
    if prefix < DEFAULT_MAX_PREFIX && !force {
        return Err(LanError::TooLarge {
            cidr: cidr.to_string(),
            hosts: 1u64 << (32 - prefix),
            limit: DEFAULT_MAX_PREFIX,
        });
    }
    Ok(())
}

fn mask(prefix: u8) -> u32 {
    if prefix == 0 {
        0
    } else {
        u32::MAX << (32 - u32::from(prefix))
    }
}

fn network(ip: Ipv4Addr, prefix: u8) -> Ipv4Addr {
    Ipv4Addr::from(u32::from(ip) & mask(prefix))
}

/// Usable host addresses: without network and broadcast address, except for
/// /31 and /32 where every address is a host.
fn hosts(net: Ipv4Addr, prefix: u8) -> impl Iterator<Item = Ipv4Addr> {
    let base = u32::from(net);
    let size = 1u64 << (32 - u32::from(prefix));
    let (first, last) = if prefix >= 31 {
        (0, size - 1)
    } else {
        (1, size - 2)
    };
    (first..=last).map(move |i| Ipv4Addr::from(base.wrapping_add(i as u32)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slash_24_has_254_hosts() {
        let t = plan_cidr("192.168.1.77/24", false).expect("valid");
        assert_eq!(t.len(), 254);
        assert_eq!(t[0].address, Ipv4Addr::new(192, 168, 1, 1));
        assert_eq!(t[253].address, Ipv4Addr::new(192, 168, 1, 254));
        assert_eq!(t[0].network, "192.168.1.0/24");
    }

    #[test]
    fn small_ranges() {
        assert_eq!(plan_cidr("10.0.0.5", false).expect("valid").len(), 1);
        assert_eq!(plan_cidr("10.0.0.4/31", false).expect("valid").len(), 2);
        assert_eq!(plan_cidr("10.0.0.0/30", false).expect("valid").len(), 2);
        assert_eq!(plan_cidr("10.0.0.0/22", false).expect("valid").len(), 1022);
    }

    #[test]
    fn larger_than_22_needs_force() {
        let e = plan_cidr("10.0.0.0/21", false).unwrap_err();
        assert!(matches!(e, LanError::TooLarge { hosts: 2048, .. }), "{e}");
        assert!(e.to_string().contains("10.0.0.0/21"));
        assert_eq!(plan_cidr("10.0.0.0/21", true).expect("forced").len(), 2046);
        assert!(matches!(
            plan_cidr("10.0.0.0/8", true),
            Err(LanError::FarTooLarge { .. })
        ));
    }

    #[test]
    fn bad_input_says_what() {
        for bad in ["", "10.0.0/24", "10.0.0.0/33", "10.0.0.0/x", "::1/128"] {
            assert!(
                matches!(plan_cidr(bad, false), Err(LanError::InvalidCidr { .. })),
                "{bad}"
            );
        }
    }

    #[test]
    fn own_subnets_exclude_loopback() {
        match plan(None, true) {
            Ok(t) => assert!(
                t.iter()
                    .all(|x| !x.address.is_loopback() && x.interface.is_some())
            ),
            Err(e) => assert!(
                matches!(e, LanError::NoSubnets | LanError::FarTooLarge { .. }),
                "{e}"
            ),
        }
    }
}
