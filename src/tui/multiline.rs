//! The multi-line editor of long answers (`long_text`), on `ratatui-textarea`'s
//! editing model: lines, a cursor, undo. The same rule as every editor: Enter or Tab
//! saves, Esc cancels, arrows move inside the text; a new line is Alt-Enter or Ctrl-J.
//! Drawn by us into the question list (hard-wrapped at the field's width), so the
//! question, its label and its messages keep their places.

use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::TextArea;
use unicode_width::UnicodeWidthChar;

/// Lines of the field shown at most; longer text scrolls with the cursor.
pub const VISIBLE_LINES: usize = 6;

pub struct MultiLine {
    area: TextArea<'static>,
}

impl MultiLine {
    pub fn new(text: &str) -> MultiLine {
        let mut area = TextArea::new(text.split('\n').map(str::to_string).collect());
        area.move_cursor(ratatui_textarea::CursorMove::Bottom);
        area.move_cursor(ratatui_textarea::CursorMove::End);
        MultiLine { area }
    }

    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    pub fn chars(&self) -> usize {
        self.area
            .lines()
            .iter()
            .map(|l| l.chars().count() + 1)
            .sum::<usize>()
            - 1
    }

    /// Inserts text (new lines included) at the cursor.
    pub fn insert(&mut self, text: &str) {
        self.area.insert_str(text);
    }

    pub fn clear(&mut self) {
        self.area = TextArea::new(vec![String::new()]);
    }

    /// An editing key (not Enter, Tab or Esc, which the screen handles). `true` when
    /// the text changed.
    pub fn key(&mut self, k: KeyEvent) -> bool {
        let newline = (k.code == KeyCode::Enter && k.modifiers.contains(KeyModifiers::ALT))
            || (k.code == KeyCode::Char('j') && k.modifiers.contains(KeyModifiers::CONTROL));
        if newline {
            self.area.insert_newline();
            return true;
        }
        self.area.input(k)
    }

    /// The field as lines of at most `width` columns (wrapped between words; a word
    /// longer than the line is split), at most `VISIBLE_LINES` of them around the
    /// cursor, and the cursor's (line, column) in what is returned.
    pub fn view(&self, width: usize) -> (Vec<String>, (usize, usize)) {
        let width = width.max(4);
        let ratatui_textarea::DataCursor(crow, ccol) = self.area.cursor();
        let mut out: Vec<String> = Vec::new();
        let mut cursor = (0, 0);
        for (row, line) in self.area.lines().iter().enumerate() {
            let chars: Vec<char> = line.chars().collect();
            let starts = line_starts(&chars, width);
            let first_out = out.len();
            for (k, &from) in starts.iter().enumerate() {
                let to = starts.get(k + 1).copied().unwrap_or(chars.len());
                out.push(chars[from..to].iter().collect());
            }
            if row == crow {
                let k = starts.iter().rposition(|&st| st <= ccol).unwrap_or(0);
                let col = columns(&chars[starts[k]..ccol.min(chars.len())]);
                cursor = if ccol >= chars.len() && col >= width {
                    // At the end of a full line: the cursor starts the next one.
                    out.push(String::new());
                    (out.len() - 1, 0)
                } else {
                    (first_out + k, col)
                };
            }
        }
        let first = cursor.0.saturating_sub(VISIBLE_LINES - 1);
        let shown = out.into_iter().skip(first).take(VISIBLE_LINES).collect();
        (shown, (cursor.0 - first, cursor.1))
    }
}

fn columns(chars: &[char]) -> usize {
    chars.iter().map(|c| c.width().unwrap_or(0)).sum()
}

/// Where each shown line of `chars` starts: after the last space that keeps the line
/// within `width`, or (a word longer than the line) at the width itself.
fn line_starts(chars: &[char], width: usize) -> Vec<usize> {
    let mut starts = vec![0];
    let (mut start, mut w, mut after_space) = (0, 0, None);
    for (i, &c) in chars.iter().enumerate() {
        let cw = c.width().unwrap_or(0);
        if w + cw > width && i > start {
            let at = after_space.filter(|&a| a > start).unwrap_or(i);
            starts.push(at);
            start = at;
            w = columns(&chars[start..i]);
            after_space = None;
        }
        w += cw;
        if c == ' ' {
            after_space = Some(i + 1);
        }
    }
    starts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(code: KeyCode, m: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, m)
    }

    #[test]
    fn lines_are_typed_joined_and_wrapped_with_the_cursor() {
        let mut m = MultiLine::new("");
        m.insert("Printer HP");
        m.key(k(KeyCode::Enter, KeyModifiers::ALT));
        m.insert("Scanner");
        assert_eq!(m.text(), "Printer HP\nScanner");
        assert_eq!(m.chars(), 18);
        m.key(k(KeyCode::Up, KeyModifiers::NONE));
        m.key(k(KeyCode::Char('!'), KeyModifiers::NONE));
        assert_eq!(m.text(), "Printer! HP\nScanner", "Up moved within the text");
        let (lines, cursor) = m.view(6);
        assert_eq!(lines, ["Printe", "r! HP", "Scanne", "r"]);
        assert_eq!(cursor, (1, 2), "after the !");
        m.key(k(KeyCode::Char('j'), KeyModifiers::CONTROL));
        assert_eq!(m.text(), "Printer!\n HP\nScanner");
    }

    #[test]
    fn lines_wrap_between_words_with_the_cursor_after_the_last() {
        let m = MultiLine::new("gedeeld door alle assistenten");
        let (lines, cursor) = m.view(20);
        assert_eq!(lines, ["gedeeld door alle ", "assistenten"]);
        assert_eq!(cursor, (1, 11));
        let m = MultiLine::new("abcd efgh");
        assert_eq!(
            m.view(4).0,
            ["abcd", " ", "efgh", ""],
            "the cursor after a full line"
        );
    }

    #[test]
    fn a_long_text_shows_the_lines_round_the_cursor() {
        let m = MultiLine::new(
            &(1..=20)
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join("\n"),
        );
        let (lines, cursor) = m.view(10);
        assert_eq!(lines.len(), VISIBLE_LINES);
        assert_eq!(lines.last().unwrap(), "20");
        assert_eq!(cursor, (VISIBLE_LINES - 1, 2));
    }
}
