//! The Probes screen's words: the gauge while measuring, counts in the saved list.

use super::*;
use std::time::Duration;

/// The gauge's label names the phase in the language shown, with the number in its
/// notation and its unit joined by a non-breaking space.
#[test]
fn the_gauge_speaks_the_language_shown() {
    let (_tx, rx) = channel();
    let mut job = Job::new(String::new(), rx, Arc::new(AtomicBool::new(false)), None);
    let latency = bandwidth::BandwidthProgress {
        phase: bandwidth::Phase::Latency,
        elapsed: Duration::from_millis(300),
        planned: Duration::from_secs(2),
        current_mbps: None,
        warming_up: false,
        last_rtt_ms: Some(0.14),
    };
    let plain = |s: &str| s.replace('\u{a0}', " ");
    job.take_bandwidth(&latency, Lang::Nl);
    assert_eq!(plain(&job.label), "Vertraging 0,1 ms");
    job.take_bandwidth(&latency, Lang::En);
    assert_eq!(plain(&job.label), "Latency 0.1 ms");
    let download = bandwidth::BandwidthProgress {
        phase: bandwidth::Phase::Download,
        current_mbps: Some(42386.74),
        warming_up: true,
        last_rtt_ms: None,
        ..latency
    };
    job.take_bandwidth(&download, Lang::Nl);
    assert_eq!(
        plain(&job.label),
        "Downloadsnelheid 42.386,7 Mbit/s (opwarmen)"
    );
    job.take_bandwidth(&download, Lang::En);
    assert_eq!(
        plain(&job.label),
        "Download speed 42,386.7 Mbit/s (warming up)"
    );
    let upload = bandwidth::BandwidthProgress {
        phase: bandwidth::Phase::Upload,
        warming_up: false,
        ..download
    };
    job.take_bandwidth(&upload, Lang::Nl);
    assert_eq!(plain(&job.label), "Uploadsnelheid 42.386,7 Mbit/s");
}

/// Counts on the TUI's screens take the plural the language wants.
#[test]
fn counts_are_plural_where_they_should_be() {
    let nl = |id: &str, n: usize| crate::t!(Lang::Nl, id, count = n, networks = "10.0.0.0/24");
    assert_eq!(
        nl("tp-lan-title", 1),
        "Netwerk scannen: 1 adres in 10.0.0.0/24"
    );
    assert_eq!(
        nl("tp-lan-title", 254),
        "Netwerk scannen: 254 adressen in 10.0.0.0/24"
    );
    assert_eq!(nl("tp-lan-summary", 1), "netwerk 10.0.0.0/24 — 1 apparaat");
    assert_eq!(nl("ti-still-open", 1), "Nog 1 punt open; los dat eerst op.");
    assert_eq!(
        nl("ti-still-open", 3),
        "Nog 3 punten open; los die eerst op."
    );
    assert_eq!(
        crate::t!(Lang::En, "ti-max-entries", count = 1),
        "At most 1 entry."
    );
}
