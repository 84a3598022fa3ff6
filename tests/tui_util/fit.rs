//! Finding words cut at an edge: the words of a screen drawn in a small terminal are
//! compared with the words of the same screen drawn in a very large one, where nothing
//! needs to wrap. A word that appears small but not large was cut ("offert" for
//! "offerte", "D" for "Druk").

use ratatui::buffer::Buffer;
use std::collections::BTreeSet;

/// Box drawing, block elements (progress bars, gauges) and the marks the screens use
/// for focus and scrolling separate words like spaces do.
fn separates(c: char) -> bool {
    c.is_whitespace()
        || ('\u{2500}'..='\u{259F}').contains(&c)
        || matches!(c, '▶' | '›' | '↑' | '↓' | '•' | '▏' | '⠀')
}

/// Punctuation around a word is not part of it ("(FAQ", "opgeslagen.").
fn trim(word: &str) -> &str {
    word.trim_matches(|c: char| {
        matches!(
            c,
            '.' | ','
                | ':'
                | ';'
                | '!'
                | '?'
                | '('
                | ')'
                | '['
                | ']'
                | '{'
                | '}'
                | '"'
                | '\''
                | '«'
                | '»'
                | '„'
                | '“'
                | '”'
                | '‘'
                | '’'
                | '*'
                | '—'
                | '–'
                | '-'
                | '/'
                | '|'
        )
    })
}

/// The words of every row of `buf`, in reading order.
pub fn words(buf: &Buffer) -> Vec<String> {
    let w = buf.area.width as usize;
    let mut out = Vec::new();
    for row in buf.content().chunks(w) {
        let line: String = row.iter().map(|c| c.symbol()).collect();
        for word in line.split(separates) {
            let word = trim(word);
            if !word.is_empty() {
                out.push(word.to_string());
            }
        }
    }
    out
}

/// The words of `small` that are not words of `large`: cut words. A word ending in
/// `…` is shortened on purpose and visibly (a long section name in the sidebar); it
/// passes when what is left of it begins a word of `large`. Likewise a word starting
/// with `…` (a one-line editor scrolled to its end) when the rest ends one. Two marks
/// exist only when there is too little room, and pass: a place like "4/13" (the
/// section's place in the form when the sidebar gives way) and "Shift" (the help
/// pane's "Shift-↓" when its text scrolls).
pub fn cut_words(small: &Buffer, large: &Buffer) -> Vec<String> {
    cut_words_in(small, std::slice::from_ref(large))
}

/// As `cut_words`, against the words of several large drawings: a box drawn across
/// the middle of the screen (a dialog, the section list) hides different rows of
/// the text behind it at different heights.
pub fn cut_words_in(small: &Buffer, large: &[Buffer]) -> Vec<String> {
    let vocab: BTreeSet<String> = large.iter().flat_map(words).collect();
    words(small)
        .into_iter()
        .filter(|w| !vocab.contains(w))
        .filter(|w| !is_place(w) && w != "Shift")
        .filter(|w| {
            if let Some(stem) = w.strip_suffix('…') {
                stem.is_empty() || !vocab.iter().any(|v| v.starts_with(stem))
            } else if let Some(tail) = w.strip_prefix('…') {
                tail.is_empty() || !vocab.iter().any(|v| v.ends_with(tail))
            } else {
                true
            }
        })
        .collect()
}

/// "4/13": digits, one slash, digits.
fn is_place(word: &str) -> bool {
    word.split_once('/').is_some_and(|(a, b)| {
        !a.is_empty()
            && !b.is_empty()
            && a.chars().all(|c| c.is_ascii_digit())
            && b.chars().all(|c| c.is_ascii_digit())
    })
}
