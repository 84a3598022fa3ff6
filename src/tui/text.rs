//! Text helpers for drawing: word wrapping and truncation by display width (never by
//! `str::len`), and turning the FAQ's Markdown links into plain text.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Splits `text` into lines of at most `width` display columns, at spaces where it can
/// and inside a word only when the word alone is wider than a line. Explicit newlines
/// are kept. Always returns at least one line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut out = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        let mut line_w = 0;
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            let w = word.width();
            if line_w > 0 && line_w + 1 + w <= width {
                line.push(' ');
                line.push_str(word);
                line_w += 1 + w;
                continue;
            }
            if line_w > 0 {
                out.push(std::mem::take(&mut line));
                line_w = 0;
            }
            if w <= width {
                line.push_str(word);
                line_w = w;
                continue;
            }
            // A word wider than the line: break it by characters.
            for c in word.chars() {
                let cw = c.width().unwrap_or(0);
                if line_w + cw > width && line_w > 0 {
                    out.push(std::mem::take(&mut line));
                    line_w = 0;
                }
                line.push(c);
                line_w += cw;
            }
        }
        out.push(line);
    }
    out
}

/// A noun from the form ("Applicatie") as it stands inside a sentence ("Nog geen
/// applicatie"): the first letter in lower case, unless its first word has more capitals
/// ("PC", "KvK-nummer" keep theirs).
pub fn in_sentence(noun: &str) -> String {
    let first_word = noun.split(' ').next().unwrap_or_default();
    let mut chars = first_word.chars();
    match chars.next() {
        Some(first) if first.is_uppercase() && !chars.any(char::is_uppercase) => {
            first.to_lowercase().chain(noun.chars().skip(1)).collect()
        }
        _ => noun.to_string(),
    }
}

/// Cuts `s` to at most `w` display columns, ending in `…` when it was cut.
pub fn truncate(s: &str, w: usize) -> String {
    if s.width() <= w {
        return s.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if used + cw + 1 > w {
            break;
        }
        out.push(c);
        used += cw;
    }
    if w > 0 {
        out.push('…');
    }
    out
}

/// `[kpn.com](http://kpn.com)` reads as `kpn.com` in a terminal.
pub fn plain_links(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('[') {
        let after = &rest[open + 1..];
        let Some(close) = after.find("](") else { break };
        let Some(end) = after[close + 2..].find(')') else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&after[..close]);
        rest = &after[close + 2 + end + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_spaces_by_display_width() {
        assert_eq!(wrap("een twee drie vier", 9), vec!["een twee", "drie vier"]);
        assert_eq!(wrap("", 5), vec![""]);
        assert_eq!(wrap("a\nb", 5), vec!["a", "b"]);
        // Wide characters count two columns.
        assert_eq!(wrap("日本語 日本", 6), vec!["日本語", "日本"]);
    }

    #[test]
    fn breaks_words_longer_than_a_line() {
        assert_eq!(wrap("abcdefghij", 4), vec!["abcd", "efgh", "ij"]);
        assert_eq!(wrap("x abcdefgh", 4), vec!["x", "abcd", "efgh"]);
    }

    #[test]
    fn truncates_with_ellipsis() {
        assert_eq!(truncate("Bestanden en back-up", 10), "Bestanden…");
        assert_eq!(in_sentence("Applicatie"), "applicatie");
        assert_eq!(in_sentence("PC"), "PC");
        assert_eq!(in_sentence("KvK-nummer"), "KvK-nummer");
        assert_eq!(in_sentence("Één"), "één");
        assert_eq!(in_sentence("Locatie B"), "locatie B");
        assert_eq!(in_sentence(""), "");
        assert_eq!(truncate("kort", 10), "kort");
        assert_eq!(truncate("日本語日本語", 5), "日本…");
    }

    #[test]
    fn markdown_links_become_their_text() {
        assert_eq!(
            plain_links("via [kpn.com](http://kpn.com)."),
            "via kpn.com."
        );
        assert_eq!(plain_links("[a](x) en [b](y)"), "a en b");
        assert_eq!(plain_links("geen [link"), "geen [link");
    }
}
