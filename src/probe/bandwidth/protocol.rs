//! JSON-line messages and bounded line reading.

use super::congestion;
use serde::{Deserialize, Serialize};
use std::io::{self, Read, Write};

/// Longest line accepted; real messages are < 200 bytes.
pub const MAX_LINE: usize = 1024;
pub const VERSION: u32 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dir {
    Download,
    Upload,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Msg {
    Hello {
        version: u32,
        /// Congestion control the server should send the download with.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        congestion: Option<String>,
        /// The client counts its upload itself (its kernel's `tcpi_delivered`), so the
        /// server's `up_bytes` reports are not needed while no download runs.
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        counts_upload: bool,
    },
    Welcome {
        test: String,
        max_seconds: u64,
        max_streams: usize,
        /// What the server's sending sockets use (absent from older servers).
        #[serde(default, skip_serializing_if = "Option::is_none")]
        congestion: Option<congestion::Outcome>,
    },
    Error {
        message: String,
    },
    Data {
        test: String,
        dir: Dir,
    },
    Echo {
        test: String,
    },
    Bytes {
        t_ms: u64,
        up_bytes: u64,
        /// What the download streams delivered, as the server's kernel knows it (see
        /// `delivered`); absent from servers before it and where the OS does not say.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        down_delivered: Option<u64>,
    },
    Stop,
}

pub fn send(w: &mut impl Write, m: &Msg) -> io::Result<()> {
    let mut line = serde_json::to_vec(m).map_err(io::Error::other)?;
    line.push(b'\n');
    w.write_all(&line)
}

/// Reads one line byte by byte, so nothing after the newline is consumed
/// (upload payload follows the data line directly).
pub fn read_line_exact(r: &mut impl Read) -> io::Result<Msg> {
    let mut buf = Vec::with_capacity(128);
    let mut b = [0u8; 1];
    loop {
        match r.read(&mut b)? {
            0 => {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "connection closed before a full line",
                ));
            }
            _ if b[0] == b'\n' => break,
            _ => buf.push(b[0]),
        }
        if buf.len() > MAX_LINE {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                "line longer than 1024 bytes",
            ));
        }
    }
    parse(&buf)
}

pub fn parse(line: &[u8]) -> io::Result<Msg> {
    serde_json::from_slice(line)
        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, format!("bad message: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_from_an_older_server_has_no_delivered_bytes() {
        let old = parse(br#"{"op":"bytes","t_ms":100,"up_bytes":5}"#).unwrap();
        assert_eq!(
            old,
            Msg::Bytes {
                t_ms: 100,
                up_bytes: 5,
                down_delivered: None
            }
        );
        let mut v = Vec::new();
        let new = Msg::Bytes {
            t_ms: 1,
            up_bytes: 2,
            down_delivered: Some(3),
        };
        send(&mut v, &new).unwrap();
        assert_eq!(parse(v.trim_ascii_end()).unwrap(), new);
    }

    #[test]
    fn a_hello_says_counts_upload_only_when_it_does() {
        let old = parse(br#"{"op":"hello","version":1}"#).unwrap();
        let Msg::Hello { counts_upload, .. } = old else {
            panic!("{old:?}")
        };
        assert!(!counts_upload, "an older client needs every report");
        let mut v = Vec::new();
        let hello = |counts_upload| Msg::Hello {
            version: 1,
            congestion: None,
            counts_upload,
        };
        send(&mut v, &hello(false)).unwrap();
        assert_eq!(
            v, b"{\"op\":\"hello\",\"version\":1}\n",
            "unchanged for older servers"
        );
        v.clear();
        send(&mut v, &hello(true)).unwrap();
        assert_eq!(parse(v.trim_ascii_end()).unwrap(), hello(true));
    }

    #[test]
    fn round_trip_and_limits() {
        let mut v = Vec::new();
        send(
            &mut v,
            &Msg::Data {
                test: "ab".into(),
                dir: Dir::Upload,
            },
        )
        .expect("write");
        v.extend_from_slice(b"PAYLOAD");
        let mut r = &v[..];
        assert_eq!(
            read_line_exact(&mut r).expect("read"),
            Msg::Data {
                test: "ab".into(),
                dir: Dir::Upload
            }
        );
        assert_eq!(r, b"PAYLOAD");
        let long = vec![b'x'; MAX_LINE + 10];
        assert!(read_line_exact(&mut &long[..]).is_err());
        assert!(read_line_exact(&mut &b"{\"op\":\"nope\"}\n"[..]).is_err());
        assert!(read_line_exact(&mut &b"{\"op\":\"stop\""[..]).is_err());
    }
}
