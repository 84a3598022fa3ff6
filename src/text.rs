//! Text that came from a user or a file, made safe to show on a terminal.
//!
//! A stored value, a file name or a bundle excerpt may hold control characters: ESC starts
//! terminal escape sequences (retitling the window, moving the cursor, hiding text), CR
//! overwrites a line, C1 characters (U+0080..U+009F) are escapes of their own on some
//! terminals. Everything printed or drawn passes through one of these helpers, which show
//! such characters as visible escapes (`\e`, `\r`, `\u{9b}`) instead of sending them.

use std::borrow::Cow;

/// Longest excerpt of untrusted input quoted in an error message, in characters.
pub const MAX_EXCERPT_CHARS: usize = 80;

/// Is `c` a character that must never reach a terminal raw (C0, DEL, C1)?
pub fn is_unsafe_control(c: char) -> bool {
    c.is_control()
}

/// `s` with every control character (also newline and tab) shown as an escape:
/// for one-line output such as a table cell, a key or a file name.
pub fn printable(s: &str) -> Cow<'_, str> {
    escape_where(s, |_| true)
}

/// `s` with control characters escaped except newline and tab: for multi-line text
/// (a long answer, an error message with several lines).
pub fn printable_multiline(s: &str) -> Cow<'_, str> {
    escape_where(s, |c| c != '\n' && c != '\t')
}

/// A path as `printable` text (file names may hold control characters too).
pub fn printable_path(p: &std::path::Path) -> String {
    printable(&p.display().to_string()).into_owned()
}

/// At most `MAX_EXCERPT_CHARS` characters of `s`, escaped, with `…` when cut: what an
/// error quotes of untrusted input.
pub fn excerpt(s: &str) -> String {
    let mut out = String::new();
    let mut chars = s.chars();
    for c in chars.by_ref().take(MAX_EXCERPT_CHARS) {
        push_escaped(&mut out, c, true);
    }
    if chars.next().is_some() {
        out.push('…');
    }
    out
}

/// Longest line of a message printed to a terminal, in characters.
pub const MAX_MESSAGE_LINE_CHARS: usize = 400;

/// A (possibly multi-line) message for a terminal: control characters escaped, and every
/// line cut at `MAX_MESSAGE_LINE_CHARS`, so an error about a 1 MB value stays readable.
pub fn terminal_message(s: &str) -> String {
    let lines: Vec<String> = s
        .split('\n')
        .take(MAX_MESSAGE_LINES)
        .map(|line| {
            let mut out: String = printable_multiline(line)
                .chars()
                .take(MAX_MESSAGE_LINE_CHARS)
                .collect();
            if line.chars().count() > MAX_MESSAGE_LINE_CHARS {
                out.push('…');
            }
            out
        })
        .collect();
    let mut out = lines.join("\n");
    if s.split('\n').count() > MAX_MESSAGE_LINES {
        out.push_str("\n…");
    }
    out
}

/// Most lines of one message printed to a terminal.
const MAX_MESSAGE_LINES: usize = 60;

/// A message quoting untrusted input, escaped and, when long, cut to its first
/// `MAX_EXCERPT_CHARS` and last 40 characters (where parsers say the line and column).
pub fn head_and_tail(s: &str) -> String {
    const TAIL: usize = 40;
    let n = s.chars().count();
    if n <= MAX_EXCERPT_CHARS + TAIL {
        return printable(s).into_owned();
    }
    let head: String = s.chars().take(MAX_EXCERPT_CHARS).collect();
    let tail: String = s.chars().skip(n - TAIL).collect();
    format!("{}…{}", printable(&head), printable(&tail))
}

/// The first control character in a one-line value, for a refusal message: `None` when
/// the text is clean. Multi-line values pass `allow_newlines` to keep `\n` and `\t`.
pub fn first_control(s: &str, allow_newlines: bool) -> Option<char> {
    s.chars()
        .find(|&c| is_unsafe_control(c) && !(allow_newlines && (c == '\n' || c == '\t')))
}

/// How a control character is named in messages: `ESC (\e)`, `U+0085`.
pub fn describe_control(c: char) -> String {
    let mut shown = String::new();
    push_escaped(&mut shown, c, true);
    format!("U+{:04X} ({shown})", c as u32)
}

fn escape_where(s: &str, escape: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !s.chars().any(|c| is_unsafe_control(c) && escape(c)) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        push_escaped(&mut out, c, escape(c));
    }
    Cow::Owned(out)
}

fn push_escaped(out: &mut String, c: char, escape: bool) {
    if !escape || !is_unsafe_control(c) {
        out.push(c);
        return;
    }
    match c {
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        '\u{1b}' => out.push_str("\\e"),
        other => out.push_str(&format!("\\u{{{:x}}}", other as u32)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_reach_the_terminal_only_as_visible_text() {
        let evil = "Evil\u{1b}]2;PWNED\u{7}\r\n\u{9b}31m\u{7f}";
        let p = printable(evil);
        assert_eq!(p, "Evil\\e]2;PWNED\\u{7}\\r\\n\\u{9b}31m\\u{7f}");
        assert!(!p.chars().any(char::is_control));
        let m = printable_multiline("a\nb\tc\u{1b}[2J");
        assert_eq!(m, "a\nb\tc\\e[2J");
        assert!(matches!(printable("Bakkerij Jansen"), Cow::Borrowed(_)));
    }

    #[test]
    fn excerpts_are_short_and_escaped() {
        let long = format!("\u{1b}{}", "x".repeat(1_000_000));
        let e = excerpt(&long);
        assert!(e.starts_with("\\e"));
        assert!(e.ends_with('…'));
        assert!(e.chars().count() <= MAX_EXCERPT_CHARS + 8);
        assert_eq!(excerpt("kort"), "kort");
    }

    #[test]
    fn terminal_messages_are_escaped_and_cut() {
        let m = terminal_message(&format!("bad \u{1b}]2;x\u{7}\n{}", "y".repeat(10_000)));
        let lines: Vec<&str> = m.lines().collect();
        assert_eq!(lines[0], "bad \\e]2;x\\u{7}");
        assert_eq!(lines[1].chars().count(), MAX_MESSAGE_LINE_CHARS + 1);
        let many = "x\n".repeat(1000);
        assert_eq!(
            terminal_message(&many).lines().count(),
            MAX_MESSAGE_LINES + 1
        );
    }

    #[test]
    fn finds_the_first_control_character() {
        assert_eq!(first_control("ok", false), None);
        assert_eq!(first_control("a\nb", false), Some('\n'));
        assert_eq!(first_control("a\nb", true), None);
        assert_eq!(first_control("a\u{85}", true), Some('\u{85}'));
        assert_eq!(describe_control('\u{1b}'), "U+001B (\\e)");
    }
}
