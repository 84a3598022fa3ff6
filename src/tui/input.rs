//! Terminal input on a thread of its own, and noticing a terminal that went away.
//!
//! Why a thread: once the terminal hangs up (an SSH connection drops, a tmux session is
//! killed), crossterm 0.29's reader stays inside `event::poll` for good, re-reading a
//! descriptor that returns nothing (crossterm issue #793). Read on the main loop, that
//! spin would keep the loop from ever seeing the SIGHUP that came with the hang-up: the
//! draft would not be saved and the process would burn CPU until killed. Read here,
//! the main loop keeps its own clock, sees the signal, or sees the hang-up itself
//! (`hung_up`) when no signal comes, saves, and exits; the spinning thread ends with
//! the process.

use crossterm::event::Event;
use std::io;
use std::sync::mpsc::{Receiver, RecvTimeoutError, TryRecvError, channel};
use std::time::Duration;

/// Terminal events, read by a background thread.
pub struct Input {
    events: Receiver<io::Result<Event>>,
    /// The descriptor of the terminal, to look for a hang-up (`None`: no terminal found).
    tty: Option<i32>,
}

impl Input {
    /// Starts the reading thread. Call after the terminal is in raw mode.
    pub fn start() -> io::Result<Input> {
        let (tx, events) = channel();
        std::thread::Builder::new()
            .name("terminal-input".into())
            .spawn(move || {
                loop {
                    let ev = crossterm::event::read();
                    let failed = ev.is_err();
                    if tx.send(ev).is_err() || failed {
                        break;
                    }
                }
            })?;
        Ok(Input {
            events,
            tty: terminal_fd(),
        })
    }

    /// The next event, waiting at most `wait`; `None` when none came in time.
    pub fn next(&self, wait: Duration) -> Option<io::Result<Event>> {
        match self.events.recv_timeout(wait) {
            Ok(ev) => Some(ev),
            Err(RecvTimeoutError::Timeout) => None,
            Err(RecvTimeoutError::Disconnected) => Some(Err(reader_gone())),
        }
    }

    /// An event that is already waiting, without waiting.
    pub fn ready(&self) -> Option<io::Result<Event>> {
        match self.events.try_recv() {
            Ok(ev) => Some(ev),
            Err(TryRecvError::Empty) => None,
            Err(TryRecvError::Disconnected) => Some(Err(reader_gone())),
        }
    }

    /// Whether the terminal hung up (its other end closed).
    pub fn hung_up(&self) -> bool {
        self.tty.is_some_and(hung_up)
    }
}

fn reader_gone() -> io::Error {
    io::Error::new(io::ErrorKind::UnexpectedEof, "the terminal input ended")
}

/// The first of stdin, stdout and stderr that is a terminal: crossterm reads stdin when it
/// is one, and the screen is drawn on stdout.
#[cfg(unix)]
fn terminal_fd() -> Option<i32> {
    // SAFETY: isatty only inspects the descriptor number.
    (0..3).find(|&fd| unsafe { libc::isatty(fd) } == 1)
}

#[cfg(not(unix))]
fn terminal_fd() -> Option<i32> {
    None
}

/// Whether descriptor `fd` reports a hang-up or an error. Asks for no events, so it
/// consumes no input and never waits: POLLHUP and POLLERR are reported regardless.
#[cfg(unix)]
pub fn hung_up(fd: i32) -> bool {
    let mut p = libc::pollfd {
        fd,
        events: 0,
        revents: 0,
    };
    // SAFETY: one valid pollfd for the duration of the call; timeout 0.
    let rc = unsafe { libc::poll(&mut p, 1, 0) };
    rc > 0 && p.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
}

#[cfg(not(unix))]
pub fn hung_up(_fd: i32) -> bool {
    false
}

#[cfg(all(test, unix))]
mod tests {
    use super::hung_up;

    /// A pseudo-terminal pair: (controller, terminal).
    fn pty() -> (i32, i32) {
        // SAFETY: plain libc calls on descriptors this test owns; results checked.
        unsafe {
            let controller = libc::posix_openpt(libc::O_RDWR | libc::O_NOCTTY);
            assert!(controller >= 0, "posix_openpt");
            assert_eq!(libc::grantpt(controller), 0);
            assert_eq!(libc::unlockpt(controller), 0);
            let name = libc::ptsname(controller);
            assert!(!name.is_null());
            let terminal = libc::open(name, libc::O_RDWR | libc::O_NOCTTY);
            assert!(terminal >= 0, "open the terminal side");
            (controller, terminal)
        }
    }

    #[test]
    fn a_live_terminal_is_not_hung_up_and_a_closed_one_is() {
        let (controller, terminal) = pty();
        assert!(!hung_up(terminal), "both ends open");
        // Input waiting does not count as a hang-up, and is not consumed.
        // SAFETY: writing 1 byte from a valid buffer to our own descriptor.
        assert_eq!(
            unsafe { libc::write(controller, b"x".as_ptr().cast(), 1) },
            1
        );
        std::thread::sleep(std::time::Duration::from_millis(20));
        assert!(!hung_up(terminal), "input waiting");
        // SAFETY: closing the descriptor this test opened.
        unsafe { libc::close(controller) };
        assert!(hung_up(terminal), "the other end closed");
        // SAFETY: as above.
        unsafe { libc::close(terminal) };
    }
}
