//! Probes that give the intake measured facts: this workstation (and others via
//! probe files), the local network, and the internet link.
//!
//! Plain library: no CLI parsing and no storage here; the caller wires the
//! commands and saves the results.

pub mod bandwidth;
pub mod lan;
pub mod readiness;
pub mod workstation;

/// Version of the probe code, recorded in every result so that old probe files
/// can be told apart from new ones.
pub const PROBE_VERSION: &str = concat!("intake-probe/", env!("CARGO_PKG_VERSION"));
