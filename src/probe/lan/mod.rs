//! Local network discovery: which hosts answer on the subnet(s) of this
//! machine, what they probably are (from a few telling TCP ports) and their
//! reverse DNS names. Unprivileged: TCP connect() only, plus the neighbour
//! (ARP) table for hosts that answer nothing.

mod neigh;
mod plan;
mod rdns;
mod role;
mod scan;
mod work;

pub use plan::{DEFAULT_MAX_PREFIX, FORCED_MAX_PREFIX, plan, plan_cidr};
pub use role::classify;
pub use scan::scan;

use serde::{Deserialize, Serialize};
use std::net::Ipv4Addr;
use std::time::Duration;
use thiserror::Error;

/// One address to probe, with the network it was taken from (for the "what
/// will be scanned" message).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScanTarget {
    pub address: Ipv4Addr,
    /// E.g. "192.168.1.0/24".
    pub network: String,
    /// Interface the network came from, when not given by the user.
    pub interface: Option<String>,
}

#[derive(Debug, Error, PartialEq)]
pub enum LanError {
    #[error("invalid range {input:?}: {problem} (expected e.g. 192.168.1.0/24)")]
    InvalidCidr { input: String, problem: String },
    #[error(
        "{cidr} has {hosts} addresses, more than a /{limit}; scanning it takes long and may alarm the network's owner. \
         Give a smaller range, or force it"
    )]
    TooLarge { cidr: String, hosts: u64, limit: u8 },
    #[error("{cidr} is larger than a /{limit}, the largest range scanned even when forced")]
    FarTooLarge { cidr: String, limit: u8 },
    #[error("could not list this machine's network interfaces: {0}")]
    Interfaces(String),
    #[error("this machine has no IPv4 network besides loopback; give a range to scan")]
    NoSubnets,
}

/// Ports probed by default: 445/139 file sharing, 3389 remote desktop, 22 ssh,
/// 80/443 web (routers, NAS), 631 IPP and 9100 raw printing, 53 DNS.
pub const DEFAULT_PORTS: [u16; 9] = [445, 139, 3389, 22, 80, 443, 631, 9100, 53];

#[derive(Debug, Clone)]
pub struct LanOptions {
    pub ports: Vec<u16>,
    /// Per connect() attempt.
    pub connect_timeout: Duration,
    /// Connections in flight at once (threads in the pool).
    pub max_in_flight: usize,
    /// The whole scan stops taking new probes after this.
    pub max_duration: Duration,
    /// Reverse DNS for the hosts found, started as soon as a host answers;
    /// the scan waits at most `rdns_timeout` after the last lookup started.
    pub reverse_dns: bool,
    pub rdns_timeout: Duration,
    /// Read the Linux neighbour table (/proc/net/arp) after the sweep.
    pub read_neighbours: bool,
}

impl Default for LanOptions {
    fn default() -> Self {
        LanOptions {
            ports: DEFAULT_PORTS.to_vec(),
            connect_timeout: Duration::from_millis(400),
            // 384 in flight: every address of an own /24 gets its first
            // probe in one wave (then ARP tells which have a host); a routed
            // /24 (all ports at once) takes ceil(254*9/384) = 6 waves.
            max_in_flight: 384,
            max_duration: Duration::from_secs(30),
            reverse_dns: true,
            rdns_timeout: Duration::from_millis(1000),
            read_neighbours: true,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Workstation,
    Server,
    Printer,
    NetworkDevice,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SeenBy {
    /// Answered a TCP connect (accepted or refused).
    Connect,
    /// Present (complete) in the neighbour table.
    Arp,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LanHost {
    pub address: Ipv4Addr,
    pub open_ports: Vec<u16>,
    pub role: Role,
    pub hostname: Option<String>,
    pub mac: Option<String>,
    pub seen_by: Vec<SeenBy>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LanProgress {
    pub probed: usize,
    pub total: usize,
    pub hosts_up: usize,
    pub elapsed: Duration,
}
