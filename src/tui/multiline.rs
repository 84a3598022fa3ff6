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

    /// The field as lines of at most `width` columns (hard-wrapped), at most
    /// `VISIBLE_LINES` of them around the cursor, and the cursor's (line, column) in
    /// what is returned.
    pub fn view(&self, width: usize) -> (Vec<String>, (usize, usize)) {
        let width = width.max(4);
        let ratatui_textarea::DataCursor(crow, ccol) = self.area.cursor();
        let mut out: Vec<String> = Vec::new();
        let mut cursor = (0, 0);
        for (row, line) in self.area.lines().iter().enumerate() {
            let mut cur = String::new();
            let mut w = 0;
            for (col, c) in line.chars().enumerate() {
                let cw = c.width().unwrap_or(0);
                if w + cw > width {
                    out.push(std::mem::take(&mut cur));
                    w = 0;
                }
                if row == crow && col == ccol {
                    cursor = (out.len(), w);
                }
                cur.push(c);
                w += cw;
            }
            if row == crow && ccol >= line.chars().count() {
                if w >= width {
                    out.push(std::mem::take(&mut cur));
                    w = 0;
                }
                cursor = (out.len(), w);
            }
            out.push(cur);
        }
        let first = cursor.0.saturating_sub(VISIBLE_LINES - 1);
        let shown = out.into_iter().skip(first).take(VISIBLE_LINES).collect();
        (shown, (cursor.0 - first, cursor.1))
    }
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
