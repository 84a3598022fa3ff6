//! Timing of the workstation probe and of a /24 sweep on loopback
//! (127.0.0.0/24: every address answers, with a refusal, so all 254 x 9
//! probes complete; no packet leaves the machine). Prints median and p90.

use intake::probe::{lan, workstation};
use std::sync::atomic::AtomicBool;
use std::time::{Duration, Instant};

fn summary(name: &str, mut v: Vec<Duration>) {
    v.sort();
    let p = |q: f64| v[((v.len() - 1) as f64 * q).round() as usize];
    println!(
        "{name:<34} n={:<3} median {:>9.2?}  p90 {:>9.2?}  max {:>9.2?}",
        v.len(),
        p(0.5),
        p(0.9),
        p(1.0)
    );
}

fn main() {
    let mut ws = Vec::new();
    for _ in 0..20 {
        let t = Instant::now();
        let p = workstation::collect();
        ws.push(t.elapsed());
        std::hint::black_box(p);
    }
    summary("workstation::collect", ws);

    let targets = lan::plan(Some("127.0.0.0/24"), false).expect("plan");
    for (label, rdns) in [
        ("lan::scan /24 x9 ports, rDNS", true),
        ("lan::scan /24 x9 ports, no rDNS", false),
    ] {
        let opts = lan::LanOptions {
            reverse_dns: rdns,
            ..Default::default()
        };
        let mut scans = Vec::new();
        let mut found = 0;
        for _ in 0..5 {
            let t = Instant::now();
            let hosts = lan::scan(&targets, &opts, &mut |_| {}, &AtomicBool::new(false));
            scans.push(t.elapsed());
            found = hosts.len();
        }
        summary(label, scans);
        println!("  hosts up in 127.0.0.0/24: {found} (of {})", targets.len());
    }
}
