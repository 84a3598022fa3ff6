//! The sweep: TCP connect() to each (host, port) on a bounded thread pool.
//!
//! std's `TcpStream::connect_timeout` is a non-blocking connect + poll, so a
//! pool of N threads keeps N probes in flight. A refused connection (RST) says
//! the host is up just as well as an accepted one. On the machine's own
//! subnets one port per address goes first (see [`super::work`]); the other
//! ports follow only for addresses that answered it or ARP.

use super::work::Work;
use super::{LanHost, LanOptions, LanProgress, ScanTarget, SeenBy, neigh, rdns, role};
use std::collections::BTreeMap;
use std::io::ErrorKind;
use std::net::{Ipv4Addr, SocketAddr, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU8, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

const UNPROBED: u8 = 0;
const OPEN: u8 = 1;
const REFUSED: u8 = 2;
const SILENT: u8 = 3;

/// Hard caps whatever the options say, so a bad caller cannot start 100 000
/// threads or wait for hours.
const MAX_THREADS: usize = 1024;
const MAX_PORTS: usize = 64;
const MAX_TIMEOUT: Duration = Duration::from_secs(5);

pub fn scan(
    targets: &[ScanTarget],
    opts: &LanOptions,
    progress: &mut dyn FnMut(LanProgress),
    cancel: &AtomicBool,
) -> Vec<LanHost> {
    let start = Instant::now();
    let deadline = start + opts.max_duration;
    let mut ports: Vec<u16> = opts
        .ports
        .iter()
        .copied()
        .filter(|p| *p != 0)
        .take(MAX_PORTS)
        .collect();
    ports.dedup();
    let timeout = opts
        .connect_timeout
        .clamp(Duration::from_millis(10), MAX_TIMEOUT);
    let total = targets.len() * ports.len();
    let states: Vec<AtomicU8> = (0..total).map(|_| AtomicU8::new(UNPROBED)).collect();
    let work = Work::new(targets, &ports, opts.read_neighbours);
    let done = AtomicUsize::new(0);
    let up = AtomicUsize::new(0);
    let host_up: Vec<AtomicBool> = (0..targets.len()).map(|_| AtomicBool::new(false)).collect();
    let workers = opts.max_in_flight.clamp(1, MAX_THREADS).min(total.max(1));

    let mut resolver = opts.reverse_dns.then(rdns::Resolver::new);
    let mut asked = vec![false; targets.len()];
    std::thread::scope(|s| {
        let mut running = 0usize;
        for _ in 0..workers {
            let spawned = std::thread::Builder::new()
                .stack_size(64 * 1024)
                .spawn_scoped(s, || {
                    while !cancel.load(Ordering::Relaxed) && Instant::now() < deadline {
                        let Some(i) = work.next() else { break };
                        let (h, p) = (i / ports.len(), i % ports.len());
                        let addr = SocketAddr::from((targets[h].address, ports[p]));
                        let st = match TcpStream::connect_timeout(&addr, timeout) {
                            Ok(_) => OPEN,
                            Err(e) if e.kind() == ErrorKind::ConnectionRefused => REFUSED,
                            Err(_) => SILENT,
                        };
                        states[i].store(st, Ordering::Relaxed);
                        if st != SILENT && !host_up[h].swap(true, Ordering::Relaxed) {
                            up.fetch_add(1, Ordering::Relaxed);
                        }
                        done.fetch_add(1, Ordering::Relaxed);
                        work.finished(i);
                    }
                });
            if spawned.is_ok() {
                running += 1;
            }
        }
        // Report progress from this thread until the pool is through; bounded
        // by the deadline plus one connect timeout.
        let give_up = deadline + timeout + Duration::from_millis(200);
        while running > 0 && !work.is_over() && Instant::now() < give_up {
            // A host that answered, or answered ARP, gets its other ports probed.
            work.expand(&host_up);
            progress(LanProgress {
                probed: done.load(Ordering::Relaxed),
                total: work.planned(),
                hosts_up: up.load(Ordering::Relaxed),
                elapsed: start.elapsed(),
            });
            if cancel.load(Ordering::Relaxed) || Instant::now() >= deadline {
                // Workers stop at their next probe.
                work.close();
                break;
            }
            // Reverse DNS for hosts found so far, overlapping with the sweep.
            if let Some(r) = resolver.as_mut() {
                for (h, asked) in asked.iter_mut().enumerate() {
                    if !*asked && host_up[h].load(Ordering::Relaxed) {
                        *asked = true;
                        r.start(targets[h].address);
                    }
                }
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        work.close();
    });

    let neighbours = if opts.read_neighbours {
        neigh::read()
    } else {
        Default::default()
    };
    let mut hosts: BTreeMap<Ipv4Addr, LanHost> = BTreeMap::new();
    for (h, t) in targets.iter().enumerate() {
        let row = &states[h * ports.len()..(h + 1) * ports.len()];
        let mut open: Vec<u16> = row
            .iter()
            .zip(&ports)
            .filter(|(s, _)| s.load(Ordering::Relaxed) == OPEN)
            .map(|(_, p)| *p)
            .collect();
        open.sort_unstable();
        let answered = row
            .iter()
            .any(|s| matches!(s.load(Ordering::Relaxed), OPEN | REFUSED));
        let mac = neighbours.get(&t.address).cloned();
        if !answered && mac.is_none() {
            continue;
        }
        let mut seen_by = Vec::new();
        if answered {
            seen_by.push(SeenBy::Connect);
        }
        if mac.is_some() {
            seen_by.push(SeenBy::Arp);
        }
        hosts.insert(
            t.address,
            LanHost {
                address: t.address,
                role: role::classify(&open),
                open_ports: open,
                hostname: None,
                mac,
                seen_by,
            },
        );
    }
    if let Some(mut r) = resolver.filter(|_| !cancel.load(Ordering::Relaxed)) {
        for (h, t) in targets.iter().enumerate() {
            if !asked[h] && hosts.contains_key(&t.address) {
                r.start(t.address);
            }
        }
        for (a, name) in r.finish(opts.rdns_timeout) {
            if let Some(h) = hosts.get_mut(&a) {
                h.hostname = Some(name);
            }
        }
    }
    progress(LanProgress {
        probed: done.load(Ordering::Relaxed),
        total: work.planned(),
        hosts_up: hosts.len(),
        elapsed: start.elapsed(),
    });
    hosts.into_values().collect()
}
