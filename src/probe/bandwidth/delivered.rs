//! Bytes the other end has received, as the sending kernel knows them (`TCP_INFO`).
//!
//! Why not the receiver's count: a program reads TCP data only in order, so after a lost
//! segment everything behind it waits a round trip for the retransmission. On a deep
//! queue that is half a second of data held back, again and again; a window that ends
//! during such a wait reads low (seen in the lab: 9.38-9.53 Mbit/s at the receiver for
//! an upload whose link carried 9.56, what iperf3 reports). The sender's `tcpi_delivered`
//! counts every segment the receiver has acknowledged, selectively too, so it follows
//! the link without that lag.

use std::net::TcpStream;

/// The bytes delivered on all `socks` together, `None` when the OS does not say
/// (not Linux, or a kernel before 4.18 without `tcpi_delivered`).
pub fn total(socks: &[TcpStream]) -> Option<u64> {
    socks.iter().map(one).sum()
}

#[cfg(target_os = "linux")]
fn one(sock: &TcpStream) -> Option<u64> {
    use std::os::fd::AsRawFd;
    // SAFETY: tcp_info is plain old data; all zero is a valid value.
    let mut info: libc::tcp_info = unsafe { std::mem::zeroed() };
    let mut len = std::mem::size_of::<libc::tcp_info>() as libc::socklen_t;
    // SAFETY: a valid socket descriptor, a buffer and its length.
    let rc = unsafe {
        libc::getsockopt(
            sock.as_raw_fd(),
            libc::IPPROTO_TCP,
            libc::TCP_INFO,
            (&mut info as *mut libc::tcp_info).cast(),
            &mut len,
        )
    };
    // An older kernel fills a shorter struct: then tcpi_delivered is not there.
    let needed = std::mem::offset_of!(libc::tcp_info, tcpi_delivered) + 4;
    if rc != 0 || (len as usize) < needed || info.tcpi_snd_mss == 0 {
        return None;
    }
    // Segments of a bulk transfer are full-sized: segments times the MSS are the bytes.
    Some(u64::from(info.tcpi_delivered) * u64::from(info.tcpi_snd_mss))
}

#[cfg(not(target_os = "linux"))]
fn one(_sock: &TcpStream) -> Option<u64> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};
    use std::net::TcpListener;

    #[cfg(target_os = "linux")]
    #[test]
    fn counts_what_the_other_end_received() {
        let l = TcpListener::bind("127.0.0.1:0").expect("bind");
        let mut c = TcpStream::connect(l.local_addr().expect("addr")).expect("connect");
        let (mut s, _) = l.accept().expect("accept");
        let before = total(std::slice::from_ref(&c)).expect("Linux says");
        let data = vec![7u8; 1 << 20];
        let reader = std::thread::spawn(move || {
            let mut buf = vec![0u8; 1 << 16];
            let mut got = 0;
            while got < 1 << 20 {
                got += s.read(&mut buf).expect("read");
            }
            got
        });
        c.write_all(&data).expect("write");
        assert_eq!(reader.join().expect("reader"), 1 << 20);
        // The last acknowledgements may still be on their way.
        let mut after = 0;
        for _ in 0..100 {
            after = total(std::slice::from_ref(&c)).expect("Linux says");
            if after - before >= 1 << 20 {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
        }
        let sent = after - before;
        // Segments times the MSS: at least the bytes; on loopback (a 64 kB MSS) a short
        // segment counts whole, so only a coarse upper bound.
        assert!(sent >= 1 << 20, "{sent}");
        assert!(sent <= 2 << 20, "{sent}");
    }
}
