//! Bandwidth and latency between this workstation and a companion server
//! (`intake bandwidth-server`), both in this binary.
//!
//! Protocol (one TCP port, every connection starts with one JSON line):
//! - control: `{"op":"hello","version":1}` -> `{"op":"welcome","test":ID,...}`;
//!   the server then sends `{"op":"bytes","t_ms":T,"up_bytes":B,"down_delivered":D}`
//!   every 100 ms (bytes received on the test's upload streams and delivered on
//!   its download streams, timed by the server's clock) until the client sends
//!   `{"op":"stop"}` or hangs up. A client whose hello says `"counts_upload":true`
//!   gets them once a second while no download runs (each costs an ACK upstream).
//! - data: `{"op":"data","test":ID,"dir":"download"|"upload"}`, then raw
//!   payload: the server sends for download, the client for upload.
//! - echo: `{"op":"echo","test":ID}`, then every byte is echoed (latency).
//!
//! Both directions are counted at the receiver (client for download, server
//! for upload), ramp-up is discarded, and 1 Mbit = 10^6 bits of TCP payload.

mod client;
mod congestion;
mod delivered;
mod latency;
mod phase;
mod protocol;
mod server;
mod stats;
mod text;
mod welcome;
mod window;

pub use client::measure;
pub use congestion::DEFAULT as DEFAULT_CONGESTION;
pub use server::{serve, serve_on};
pub use text::{BandwidthError, Cause, Foreign, Refusal, Step, Warning};

use serde::{Deserialize, Serialize};
use std::time::Duration;

#[derive(Debug, Clone)]
pub struct ServerOptions {
    /// Tests (control connections) at once; more are refused with a message.
    pub max_clients: usize,
    /// Data streams per test and direction.
    pub max_streams: usize,
    /// A test is cut off after this, whatever the client does.
    pub max_test_duration: Duration,
    /// Time a new connection has to send its first line.
    pub handshake_timeout: Duration,
}

impl Default for ServerOptions {
    fn default() -> Self {
        ServerOptions {
            max_clients: 8,
            max_streams: 16,
            max_test_duration: Duration::from_secs(90),
            handshake_timeout: Duration::from_secs(3),
        }
    }
}

#[derive(Debug, Clone)]
pub struct MeasureOptions {
    /// Parallel TCP streams per direction.
    pub streams: usize,
    /// Most measured seconds per direction (warm-up comes on top).
    pub seconds: f64,
    /// With `adaptive`, a direction stops once its figure is stable, but not
    /// before this many measured seconds (or `seconds`, when that is less).
    pub min_seconds: f64,
    pub adaptive: bool,
    /// The warm-up lasts until the rate stops rising: at least `min_warmup`
    /// (and 8 idle round trips), at most `max_warmup`.
    pub min_warmup: Duration,
    pub max_warmup: Duration,
    /// Idle round trips, and the pause between them.
    pub latency_probes: usize,
    pub latency_interval: Duration,
    /// Loaded-latency probe interval during download and upload.
    pub loaded_interval: Duration,
    /// Also measure download with a single stream for at most this many
    /// seconds (0 = skip). A remote-desktop session is one flow.
    pub single_stream_seconds: f64,
    pub connect_timeout: Duration,
    /// TCP congestion control for the sending sockets of both ends (`None`:
    /// leave it to each OS). CUBIC by default: what customers' machines use.
    pub congestion: Option<String>,
    /// A direction whose byte count stands still this long has failed.
    pub stall_timeout: Duration,
}

impl Default for MeasureOptions {
    fn default() -> Self {
        MeasureOptions {
            streams: 4,
            seconds: 10.0,
            min_seconds: 3.0,
            adaptive: true,
            min_warmup: Duration::from_secs(1),
            max_warmup: Duration::from_secs(5),
            // 16 round trips 50 ms apart: about a second at 20 ms, enough for a median
            // and a jitter figure (20 at 100 ms took 2.4 s of a run aimed at 10-12 s).
            latency_probes: 16,
            latency_interval: Duration::from_millis(50),
            loaded_interval: Duration::from_millis(200),
            single_stream_seconds: 0.0,
            connect_timeout: Duration::from_secs(3),
            congestion: Some(congestion::DEFAULT.to_string()),
            stall_timeout: Duration::from_secs(4),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Latency,
    Download,
    Upload,
    SingleStream,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BandwidthProgress {
    pub phase: Phase,
    /// Time since the phase started, and its planned length (warm-up included).
    pub elapsed: Duration,
    pub planned: Duration,
    /// Rate over the last ~0.5 s; `None` during the latency phase.
    pub current_mbps: Option<f64>,
    pub warming_up: bool,
    /// Last round trip, latency phase only.
    pub last_rtt_ms: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BandwidthResult {
    /// Mean goodput over the measured window, Mbit/s (10^6 bits of payload).
    pub download_mbps: f64,
    pub upload_mbps: f64,
    /// Median idle round trip.
    pub latency_ms: f64,
    pub latency_min_ms: f64,
    pub latency_p90_ms: f64,
    /// Mean |difference| of consecutive idle round trips.
    pub jitter_ms: f64,
    /// Median round trip while download/upload run (separate connection).
    pub loaded_latency_ms: f64,
    pub loaded_latency_download_ms: Option<f64>,
    pub loaded_latency_upload_ms: Option<f64>,
    /// Single-stream download, when asked for.
    pub download_single_stream_mbps: Option<f64>,
    pub server: String,
    pub streams: usize,
    /// Measured seconds and discarded warm-up per direction.
    pub download_seconds: f64,
    pub upload_seconds: f64,
    pub download_warmup_seconds: f64,
    pub upload_warmup_seconds: f64,
    /// The congestion control each direction was sent with.
    pub congestion_control: CongestionReport,
    /// What the reader should know about how the figures came about (e.g. the
    /// OS refused the requested congestion control).
    #[serde(default)]
    pub warnings: Vec<Warning>,
    pub mode: String,
    /// RFC 3339.
    pub measured_at: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CongestionReport {
    /// What was asked for (`None`: left to the OS).
    pub requested: Option<String>,
    /// What the sending sockets used: the server's for the download, this
    /// machine's for the upload (`None`: the OS does not say).
    pub download: Option<String>,
    pub upload: Option<String>,
}
