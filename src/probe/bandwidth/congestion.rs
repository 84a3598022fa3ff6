//! TCP congestion control per socket (`TCP_CONGESTION`, as iperf3 `-C`).
//!
//! Why: the sender's algorithm decides how full the line's queue gets. BBR
//! keeps queues short and so hides the bufferbloat that Windows and macOS
//! traffic (CUBIC) runs into; a probe that leaves the choice to the OS
//! measures a different link than its users feel. Both ends set it: the
//! server for the download streams, the client for the upload streams.

use super::text::Refusal;
use serde::{Deserialize, Serialize};
use std::io;
use std::net::TcpStream;

/// What the customers' machines send with (Windows, macOS, most Linux).
pub const DEFAULT: &str = "cubic";

/// Longest algorithm name the kernel takes (`TCP_CA_NAME_MAX`).
const NAME_MAX: usize = 16;

/// What one end's sockets ended up with.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Outcome {
    /// The algorithm the socket really uses, when the OS says.
    pub used: Option<String>,
    /// Why the requested one was not set (the OS refused, or cannot set it per socket).
    pub refused: Option<Refusal>,
}

/// A name as the kernel accepts it: short, lowercase letters, digits, `_`.
pub fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() < NAME_MAX
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

/// Sets `requested` on the socket (when given) and reads back what it uses.
pub fn apply(sock: &TcpStream, requested: Option<&str>) -> Outcome {
    let refused = requested.and_then(|name| set(sock, name).err().map(|e| Refusal::from_io(&e)));
    Outcome {
        used: get(sock),
        refused,
    }
}

#[cfg(target_os = "linux")]
fn set(sock: &TcpStream, name: &str) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    if !valid_name(name) {
        return Err(io::Error::from_raw_os_error(libc::ENOENT));
    }
    // SAFETY: a valid socket descriptor, a buffer of the given length.
    let rc = unsafe {
        libc::setsockopt(
            sock.as_raw_fd(),
            libc::IPPROTO_TCP,
            libc::TCP_CONGESTION,
            name.as_ptr().cast(),
            name.len() as libc::socklen_t,
        )
    };
    if rc == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(target_os = "linux")]
fn get(sock: &TcpStream) -> Option<String> {
    use std::os::fd::AsRawFd;
    let mut buf = [0u8; NAME_MAX];
    let mut len = buf.len() as libc::socklen_t;
    // SAFETY: a valid socket descriptor, a buffer and its length.
    let rc = unsafe {
        libc::getsockopt(
            sock.as_raw_fd(),
            libc::IPPROTO_TCP,
            libc::TCP_CONGESTION,
            buf.as_mut_ptr().cast(),
            &mut len,
        )
    };
    if rc != 0 {
        return None;
    }
    let name = &buf[..(len as usize).min(NAME_MAX)];
    let end = name.iter().position(|b| *b == 0).unwrap_or(name.len());
    let s = String::from_utf8_lossy(&name[..end]).into_owned();
    (!s.is_empty()).then_some(s)
}

#[cfg(not(target_os = "linux"))]
fn set(_sock: &TcpStream, _name: &str) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

#[cfg(not(target_os = "linux"))]
fn get(_sock: &TcpStream) -> Option<String> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::net::TcpListener;

    fn pair() -> (TcpStream, TcpStream) {
        let l = TcpListener::bind("127.0.0.1:0").expect("bind");
        let c = TcpStream::connect(l.local_addr().expect("addr")).expect("connect");
        let (s, _) = l.accept().expect("accept");
        (c, s)
    }

    #[test]
    fn names_are_checked_before_the_kernel_sees_them() {
        assert!(valid_name("cubic") && valid_name("bbr") && valid_name("reno"));
        for bad in ["", "CUBIC", "cu bic", "../x", "averyveryverylongname"] {
            assert!(!valid_name(bad), "{bad}");
        }
    }

    #[test]
    fn an_unknown_algorithm_is_refused_with_a_reason_and_the_socket_keeps_working() {
        let (c, _s) = pair();
        let o = apply(&c, Some("nosuchcc"));
        let why = o.refused.expect("refused");
        if cfg!(target_os = "linux") {
            assert_eq!(why, Refusal::NotAvailable);
        }
        if cfg!(target_os = "linux") {
            assert!(o.used.is_some(), "the OS default is still reported");
        }
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn reno_is_always_built_in_and_is_reported_back() {
        // reno is the one algorithm every Linux kernel has and always allows.
        let (c, _s) = pair();
        let o = apply(&c, Some("reno"));
        assert_eq!(o.refused, None);
        assert_eq!(o.used.as_deref(), Some("reno"));
        // Asking for nothing leaves the socket as it is.
        assert_eq!(apply(&c, None).used.as_deref(), Some("reno"));
    }
}
