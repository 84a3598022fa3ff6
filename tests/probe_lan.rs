//! LAN discovery against listeners this test makes on loopback addresses.
//! Every 127.x address answers on Linux (refusing closed ports), so "up" is
//! every address; the listening hosts must be exactly those with open ports.

use intake::probe::lan::{self, LanOptions, Role, SeenBy};
use std::net::{Ipv4Addr, TcpListener};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

#[cfg(target_os = "linux")]
#[test]
fn finds_exactly_the_listening_hosts() {
    // Two "hosts" on 127.0.77.x with one ephemeral port each, and one shared
    // port number opened on a third host.
    let a = TcpListener::bind("127.0.77.5:0").expect("bind a");
    let b = TcpListener::bind("127.0.77.9:0").expect("bind b");
    let pa = a.local_addr().expect("a").port();
    let pb = b.local_addr().expect("b").port();
    let c = TcpListener::bind(("127.0.77.12", pa)).expect("bind c");
    let targets = lan::plan(Some("127.0.77.0/28"), false).expect("plan");
    assert_eq!(targets.len(), 14);
    let opts = LanOptions {
        ports: vec![pa, pb],
        reverse_dns: false,
        ..Default::default()
    };
    let mut last = None;
    let t = Instant::now();
    let hosts = lan::scan(
        &targets,
        &opts,
        &mut |p| last = Some(p),
        &AtomicBool::new(false),
    );
    assert!(t.elapsed() < Duration::from_secs(3));
    let with_ports: Vec<(Ipv4Addr, Vec<u16>)> = hosts
        .iter()
        .filter(|h| !h.open_ports.is_empty())
        .map(|h| (h.address, h.open_ports.clone()))
        .collect();
    assert_eq!(
        with_ports,
        vec![
            (Ipv4Addr::new(127, 0, 77, 5), vec![pa]),
            (Ipv4Addr::new(127, 0, 77, 9), vec![pb]),
            (Ipv4Addr::new(127, 0, 77, 12), vec![pa]),
        ]
    );
    assert!(hosts.iter().all(|h| h.seen_by.contains(&SeenBy::Connect)));
    assert!(
        hosts
            .iter()
            .filter(|h| h.open_ports.is_empty())
            .all(|h| h.role == Role::Unknown)
    );
    let p = last.expect("progress reported");
    assert_eq!(p.total, 14 * 2);
    assert_eq!(p.probed, p.total);
    drop((a, b, c));
}

#[test]
fn slash_24_on_loopback_finishes_under_5_seconds() {
    let targets = lan::plan(Some("127.0.0.0/24"), false).expect("plan");
    let t = Instant::now();
    let hosts = lan::scan(
        &targets,
        &LanOptions::default(),
        &mut |_| {},
        &AtomicBool::new(false),
    );
    let took = t.elapsed();
    assert!(took < Duration::from_secs(5), "{took:?}");
    assert!(!hosts.is_empty());
}

#[test]
fn unroutable_addresses_are_bounded_by_the_timeout() {
    // TEST-NET-3 addresses do not answer on a normal network: every probe
    // runs into its timeout, and the pool keeps the sweep near one timeout.
    // (Some sandboxes accept every outgoing connection; then it is fast.)
    let targets = lan::plan(Some("203.0.113.0/28"), false).expect("plan");
    let opts = LanOptions {
        ports: vec![445, 3389],
        connect_timeout: Duration::from_millis(300),
        reverse_dns: false,
        ..Default::default()
    };
    let t = Instant::now();
    let mut last = None;
    let _ = lan::scan(
        &targets,
        &opts,
        &mut |p| last = Some(p),
        &AtomicBool::new(false),
    );
    assert!(t.elapsed() < Duration::from_secs(2), "{:?}", t.elapsed());
    let p = last.expect("progress");
    assert_eq!((p.probed, p.total), (28, 28));
}

#[test]
fn cancel_stops_the_sweep() {
    let targets = lan::plan(Some("203.0.113.0/24"), false).expect("plan");
    let cancel = AtomicBool::new(true);
    let t = Instant::now();
    let hosts = lan::scan(&targets, &LanOptions::default(), &mut |_| {}, &cancel);
    assert!(t.elapsed() < Duration::from_millis(800));
    assert!(hosts.iter().all(|h| !h.seen_by.contains(&SeenBy::Connect)));
}

/// The inventory of shared/netlab/netlab.sh's LAN part: run this test binary
/// inside its scanner namespace with PROBE_LAN_NETLAB=10.201.0.0/24, e.g.
/// `SKIP_WAN=1 LAN_EXTRA='timeit intake env PROBE_LAN_NETLAB=10.201.0.0/24
/// target/debug/deps/probe_lan-* --ignored --exact netlab_lan_inventory' netlab.sh`.
#[test]
#[ignore = "needs root and the netlab LAN namespaces"]
fn netlab_lan_inventory() {
    let cidr = std::env::var("PROBE_LAN_NETLAB").expect("set PROBE_LAN_NETLAB=10.201.0.0/24");
    let targets = lan::plan(Some(&cidr), false).expect("plan");
    let t = Instant::now();
    let hosts = lan::scan(
        &targets,
        &LanOptions::default(),
        &mut |_| {},
        &AtomicBool::new(false),
    );
    let took = t.elapsed();
    for h in &hosts {
        println!(
            "{} ports {:?} role {:?} seen_by {:?} mac {:?}",
            h.address, h.open_ports, h.role, h.seen_by, h.mac
        );
    }
    println!("scan of {cidr}: {} hosts in {took:?}", hosts.len());
    let got = |last: u8| {
        hosts
            .iter()
            .find(|h| h.address.octets()[3] == last)
            .expect("host present")
    };
    let mut last_octets: Vec<u8> = hosts.iter().map(|h| h.address.octets()[3]).collect();
    last_octets.sort();
    // .2 is the scanner itself (its own address refuses the probes).
    assert_eq!(last_octets, vec![2, 11, 12, 13, 14, 15]);
    assert_eq!(got(11).open_ports, vec![445, 3389]);
    assert_eq!(got(11).role, Role::Workstation);
    assert_eq!(got(12).open_ports, vec![445, 3389]);
    assert_eq!(got(13).open_ports, vec![80, 9100]);
    assert_eq!(got(13).role, Role::Printer);
    assert_eq!(
        got(14).seen_by,
        vec![SeenBy::Arp],
        "silent host only via the neighbour table"
    );
    assert!(got(15).open_ports.is_empty() && got(15).seen_by.contains(&SeenBy::Connect));
    assert!(took < Duration::from_secs(5), "{took:?}");
}
