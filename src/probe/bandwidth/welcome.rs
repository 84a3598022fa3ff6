//! The server's first answer. Whatever else listens on the port (a web or
//! SSH server, a printer) gets a message that says so, not a socket error.

use super::BandwidthError;
use super::congestion::Outcome;
use super::protocol::{self, Msg};
use super::text::{Cause, Foreign, Step};
use std::io::{ErrorKind, Read};
use std::net::{SocketAddr, TcpStream};
use std::time::Duration;

pub struct Welcome {
    pub test: String,
    pub max_streams: usize,
    pub congestion: Option<Outcome>,
}

/// Reads the welcome line (bounded by [`protocol::MAX_LINE`] and the socket's read timeout).
pub fn read(
    sock: &mut TcpStream,
    server: &str,
    addr: SocketAddr,
    timeout: Duration,
) -> Result<Welcome, BandwidthError> {
    let not_ours = |what: Foreign| BandwidthError::NotOurServer {
        server: server.to_string(),
        addr: addr.to_string(),
        what,
    };
    let mut line = Vec::with_capacity(128);
    let mut b = [0u8; 1];
    loop {
        match sock.read(&mut b) {
            Ok(0) if line.is_empty() => {
                return Err(not_ours(Foreign::Closed));
            }
            Ok(0) => break,
            Ok(_) if b[0] == b'\n' => break,
            Ok(_) => line.push(b[0]),
            Err(e) if e.kind() == ErrorKind::Interrupted => {}
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                return Err(not_ours(if line.is_empty() {
                    Foreign::Silent {
                        seconds: timeout.as_secs_f64(),
                    }
                } else {
                    Foreign::Answered(shown(&line))
                }));
            }
            Err(e) => {
                return Err(BandwidthError::Connect {
                    server: server.to_string(),
                    addr: addr.to_string(),
                    step: Step::Welcome,
                    cause: Cause::from_io(&e, timeout),
                });
            }
        }
        if line.len() > protocol::MAX_LINE {
            return Err(not_ours(Foreign::Answered(shown(&line))));
        }
    }
    match protocol::parse(&line) {
        Ok(Msg::Welcome {
            test,
            max_streams,
            congestion,
            ..
        }) => Ok(Welcome {
            test,
            max_streams,
            congestion,
        }),
        Ok(Msg::Error { message }) => Err(BandwidthError::Refused {
            server: server.to_string(),
            message,
        }),
        Ok(_) | Err(_) => Err(not_ours(Foreign::Answered(shown(&line)))),
    }
}

/// The start of what a foreign service sent, printable and short.
fn shown(bytes: &[u8]) -> String {
    let text: String = String::from_utf8_lossy(bytes)
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .take(60)
        .collect();
    format!("{:?}", text.trim())
}

#[cfg(test)]
mod tests {
    use super::shown;

    #[test]
    fn a_foreign_banner_is_shown_short_and_printable() {
        assert_eq!(shown(b"SSH-2.0-OpenSSH_9.2\r"), "\"SSH-2.0-OpenSSH_9.2\"");
        assert_eq!(shown(&[b'x'; 200]).len(), 62);
        assert_eq!(shown(b"\x1b[31mred"), "\"[31mred\"");
    }
}
