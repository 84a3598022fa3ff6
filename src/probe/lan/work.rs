//! The order of the sweep's probes.
//!
//! Why: on a /24 most addresses are empty, and every probe to an empty
//! address waits out its whole timeout; nine ports each made six waves of
//! timeouts (2.5 s) where a three-port sweep needs one second. On the
//! machine's own subnets the kernel's ARP says within milliseconds which
//! addresses have a host, so each address gets one probe first, and its
//! other ports are queued as soon as it answers the probe or ARP (a
//! firewalled host that drops everything still answers ARP). Addresses
//! behind a router have no ARP entry of their own: they get every port.

use super::ScanTarget;
use super::neigh;
use std::collections::VecDeque;
use std::net::Ipv4Addr;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

pub struct Work<'a> {
    targets: &'a [ScanTarget],
    nports: usize,
    queue: Mutex<VecDeque<usize>>,
    /// Probes queued or running.
    outstanding: AtomicUsize,
    /// Probes planned so far (grows as hosts are found).
    planned: AtomicUsize,
    /// Per target: on this machine's own link (one port first).
    on_link: Vec<bool>,
    /// Per target: on-link, other ports not queued yet.
    waiting: Mutex<Vec<bool>>,
    /// First probes of on-link targets still to finish.
    first_left: AtomicUsize,
    /// No more expansion can come: every first probe finished and the
    /// neighbour table was read after that.
    settled: AtomicBool,
    closed: AtomicBool,
}

impl<'a> Work<'a> {
    pub fn new(targets: &'a [ScanTarget], ports: &[u16], use_neighbours: bool) -> Work<'a> {
        let nports = ports.len();
        let link = if use_neighbours && nports > 1 && neigh::available() {
            on_link(targets)
        } else {
            vec![false; targets.len()]
        };
        let mut queue = VecDeque::new();
        for (h, _) in link.iter().enumerate().filter(|(_, l)| **l) {
            queue.push_back(h * nports);
        }
        for (h, _) in link.iter().enumerate().filter(|(_, l)| !**l) {
            queue.extend(h * nports..(h + 1) * nports);
        }
        let first_left = link.iter().filter(|l| **l).count();
        Work {
            targets,
            nports,
            outstanding: AtomicUsize::new(queue.len()),
            planned: AtomicUsize::new(queue.len()),
            queue: Mutex::new(queue),
            settled: AtomicBool::new(first_left == 0),
            waiting: Mutex::new(link.clone()),
            on_link: link,
            first_left: AtomicUsize::new(first_left),
            closed: AtomicBool::new(false),
        }
    }

    /// The next probe (index host * ports + port), waiting while more may be
    /// queued; `None` once the work is over or closed.
    pub fn next(&self) -> Option<usize> {
        loop {
            if self.closed.load(Ordering::Relaxed) {
                return None;
            }
            if let Some(i) = self.queue.lock().ok()?.pop_front() {
                return Some(i);
            }
            if self.is_over() {
                return None;
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    /// A probe taken with [`next`](Self::next) has finished.
    pub fn finished(&self, i: usize) {
        if i.is_multiple_of(self.nports) && self.on_link.get(i / self.nports) == Some(&true) {
            self.first_left.fetch_sub(1, Ordering::Relaxed);
        }
        self.outstanding.fetch_sub(1, Ordering::Relaxed);
    }

    /// Queues the other ports of on-link targets that answered (`up`) or are
    /// in the neighbour table. Called by one thread, every few milliseconds.
    pub fn expand(&self, up: &[AtomicBool]) {
        // Read before the table: a first probe that finished earlier has had
        // its ARP answer entered by now.
        let all_first_done = self.first_left.load(Ordering::Relaxed) == 0;
        let Ok(mut waiting) = self.waiting.lock() else {
            return;
        };
        if waiting.iter().any(|w| *w) {
            let table = neigh::read();
            let mut add = Vec::new();
            for (h, w) in waiting.iter_mut().enumerate() {
                let address: Ipv4Addr = self.targets[h].address;
                if *w && (up[h].load(Ordering::Relaxed) || table.contains_key(&address)) {
                    *w = false;
                    add.extend(h * self.nports + 1..(h + 1) * self.nports);
                }
            }
            if !add.is_empty() {
                self.outstanding.fetch_add(add.len(), Ordering::Relaxed);
                self.planned.fetch_add(add.len(), Ordering::Relaxed);
                if let Ok(mut q) = self.queue.lock() {
                    q.extend(add);
                }
            }
        }
        if all_first_done {
            self.settled.store(true, Ordering::Relaxed);
        }
    }

    pub fn is_over(&self) -> bool {
        self.closed.load(Ordering::Relaxed)
            || (self.settled.load(Ordering::Relaxed)
                && self.outstanding.load(Ordering::Relaxed) == 0)
    }

    pub fn close(&self) {
        self.closed.store(true, Ordering::Relaxed);
    }

    pub fn planned(&self) -> usize {
        self.planned.load(Ordering::Relaxed)
    }
}

/// Per target: inside a subnet of one of this machine's interfaces (not
/// loopback), so that a host there must answer ARP to be reachable at all.
fn on_link(targets: &[ScanTarget]) -> Vec<bool> {
    let nets: Vec<(u32, u32)> = if_addrs::get_if_addrs()
        .unwrap_or_default()
        .iter()
        .filter_map(|i| match &i.addr {
            if_addrs::IfAddr::V4(a) if !a.ip.is_loopback() && a.prefixlen < 31 => {
                let mask = u32::MAX << (32 - u32::from(a.prefixlen.max(1)));
                Some((u32::from(a.ip) & mask, mask))
            }
            _ => None,
        })
        .collect();
    targets
        .iter()
        .map(|t| {
            let a = u32::from(t.address);
            nets.iter().any(|(net, mask)| a & mask == *net)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn target(a: [u8; 4]) -> ScanTarget {
        ScanTarget {
            address: Ipv4Addr::from(a),
            network: String::new(),
            interface: None,
        }
    }

    #[test]
    fn routed_targets_get_every_port_at_once() {
        // TEST-NET-3 is on no interface of a test machine.
        let t = [target([203, 0, 113, 1]), target([203, 0, 113, 2])];
        let w = Work::new(&t, &[445, 3389, 80], true);
        assert_eq!(w.planned(), 6);
        let mut got = Vec::new();
        while let Some(i) = w.next() {
            got.push(i);
            w.finished(i);
        }
        assert_eq!(got, vec![0, 1, 2, 3, 4, 5]);
        assert!(w.is_over());
    }

    #[test]
    fn on_link_targets_get_one_port_then_the_rest_when_found() {
        let t = [target([10, 9, 9, 1]), target([10, 9, 9, 2])];
        let nports = 3;
        let mut w = Work::new(&t, &[445, 3389, 80], false);
        // As on a machine on 10.9.9.0/24.
        w.on_link = vec![true, true];
        w.waiting = Mutex::new(vec![true, true]);
        w.queue = Mutex::new(VecDeque::from(vec![0, nports]));
        w.outstanding = AtomicUsize::new(2);
        w.planned = AtomicUsize::new(2);
        w.first_left = AtomicUsize::new(2);
        w.settled = AtomicBool::new(false);
        let up = [AtomicBool::new(false), AtomicBool::new(false)];
        assert_eq!(w.next(), Some(0));
        assert_eq!(w.next(), Some(3));
        // The first answered; the second is silent (and not in this machine's ARP table).
        up[0].store(true, Ordering::Relaxed);
        w.finished(0);
        w.finished(3);
        assert!(!w.is_over(), "not settled before the table was read");
        w.expand(&up);
        assert_eq!(w.planned(), 4);
        assert_eq!((w.next(), w.next()), (Some(1), Some(2)));
        w.finished(1);
        w.finished(2);
        w.expand(&up);
        assert!(w.is_over());
        assert_eq!(w.next(), None);
    }
}
