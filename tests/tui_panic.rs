//! The terminal is restored on a panic: the hook undoes mouse capture, bracketed paste
//! and the alternate screen before the previous hook prints the message. A binary of its
//! own with one test, because a panic hook is global to the process.

use std::sync::Mutex;

static LOG: Mutex<Vec<String>> = Mutex::new(Vec::new());

fn log(s: &str) {
    LOG.lock()
        .unwrap_or_else(|e| e.into_inner())
        .push(s.to_string());
}

#[test]
fn panic_hook_restores_the_terminal_then_chains() {
    let mut out = Vec::new();
    intake::tui::write_restore_sequence(&mut out).expect("write to a Vec");
    let seq = String::from_utf8(out).expect("escape sequences are ASCII");
    for (what, code) in [
        ("mouse capture off", "\x1b[?1000l"),
        ("SGR mouse mode off", "\x1b[?1006l"),
        ("bracketed paste off", "\x1b[?2004l"),
        ("alternate screen left", "\x1b[?1049l"),
        ("cursor shown", "\x1b[?25h"),
    ] {
        assert!(seq.contains(code), "{what}: {code:?} missing from {seq:?}");
    }
    // Mouse and paste are switched off before the screen is left, so nothing typed
    // meanwhile lands in the shell as escape codes.
    assert!(seq.find("\x1b[?1000l") < seq.find("\x1b[?1049l"));

    let previous: Box<dyn Fn(&std::panic::PanicHookInfo<'_>) + Send + Sync> = Box::new(|info| {
        log(&format!(
            "previous: {}",
            info.payload().downcast_ref::<&str>().unwrap_or(&"?")
        ))
    });
    std::panic::set_hook(intake::tui::chain_panic_hook(|| log("restore"), previous));
    let caught = std::panic::catch_unwind(|| panic!("boom"));
    drop(std::panic::take_hook());
    assert!(caught.is_err());
    let got = LOG.lock().unwrap().clone();
    assert_eq!(
        got,
        vec!["restore".to_string(), "previous: boom".to_string()]
    );
}
