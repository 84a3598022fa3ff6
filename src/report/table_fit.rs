//! Column widths that never break a word: a column narrower than the longest word of its
//! header or cells ("Workstations", "94,6 Mbit/s" joined by a non-breaking space) takes the
//! width it lacks from columns that have room to spare, so the table keeps its total width.
//! Only when the words cannot fit the total at all does wrapping fall back to breaking them.

use super::canvas::Style;
use super::layout::Layout;
use super::table::{Column, Row, TABLE_SIZE};

/// The widest unbreakable run (text between plain spaces and newlines) in `text`, in mm.
fn longest_word(layout: &Layout, text: &str, style: Style) -> f32 {
    text.split([' ', '\n'])
        .map(|w| layout.width(w, TABLE_SIZE, style))
        .fold(0.0, f32::max)
}

/// `cols` with widths moved so every column holds its longest word plus `pad` on each side;
/// when the cells' words cannot all fit, at least the headers' words.
pub(crate) fn fit_columns(layout: &Layout, cols: &[Column], rows: &[Row], pad: f32) -> Vec<Column> {
    let total: f32 = cols.iter().map(|c| c.width).sum();
    let headers: Vec<f32> = cols
        .iter()
        .map(|c| longest_word(layout, &c.title, Style::Bold) + 2.0 * pad + 0.2)
        .collect();
    let with_cells: Vec<f32> = cols
        .iter()
        .enumerate()
        .map(|(i, _)| {
            rows.iter()
                .filter_map(|r| r.cells.get(i))
                .flat_map(|c| c.parts.iter())
                .map(|p| longest_word(layout, &p.text, p.style) + 2.0 * pad + 0.2)
                .fold(headers[i], f32::max)
        })
        .collect();
    [with_cells, headers]
        .into_iter()
        .find(|need| need.iter().sum::<f32>() <= total)
        .map_or_else(|| cols.to_vec(), |need| widen(cols, &need))
}

/// Widens each column to `need`, taking the width from columns with room, in proportion to
/// their room (the total stays the same; the caller made sure the needs fit in it).
fn widen(cols: &[Column], need: &[f32]) -> Vec<Column> {
    let short: f32 = cols
        .iter()
        .zip(need)
        .map(|(c, n)| (n - c.width).max(0.0))
        .sum();
    let spare: f32 = cols
        .iter()
        .zip(need)
        .map(|(c, n)| (c.width - n).max(0.0))
        .sum();
    if short <= 0.0 || spare <= 0.0 {
        return cols.to_vec();
    }
    let give = short / spare;
    cols.iter()
        .zip(need)
        .map(|(c, &n)| Column {
            width: if c.width < n {
                n
            } else {
                c.width - (c.width - n) * give
            },
            ..c.clone()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::canvas::Canvas;
    use crate::report::layout::Furniture;
    use crate::report::table::{Align, Cell};

    fn layout() -> Layout {
        let furniture = Furniture {
            header_left: String::new(),
            header_right: String::new(),
            footer_left: String::new(),
            footer_pattern: String::new(),
        };
        Layout::new(Canvas::new().unwrap(), furniture)
    }

    #[test]
    fn a_header_word_too_wide_for_its_column_takes_room_from_the_others() {
        let l = layout();
        let cols = [
            Column::new("Location", 60.0, Align::Left),
            Column::new("Workstations", 8.0, Align::Right),
        ];
        let rows = [Row::new(vec![Cell::text("Utrecht"), Cell::text("8")])];
        let fitted = fit_columns(&l, &cols, &rows, 1.6);
        let need = l.width("Workstations", TABLE_SIZE, Style::Bold) + 3.2;
        assert!(fitted[1].width >= need, "{fitted:?}");
        assert!((fitted[0].width + fitted[1].width - 68.0).abs() < 0.01);
        // Columns that already fit are left as they are.
        let roomy = [
            Column::new("A", 30.0, Align::Left),
            Column::new("B", 30.0, Align::Left),
        ];
        let same = fit_columns(&l, &roomy, &rows, 1.6);
        assert_eq!(same[0].width, 30.0);
        assert_eq!(same[1].width, 30.0);
    }

    #[test]
    fn words_that_cannot_fit_at_all_leave_the_widths_alone() {
        let l = layout();
        let cols = [
            Column::new("Werkplekkenoverzichtstabelkop", 5.0, Align::Left),
            Column::new("Aantalwerkplekkenperlocatie", 5.0, Align::Left),
        ];
        let fitted = fit_columns(&l, &cols, &[], 1.6);
        assert_eq!(fitted[0].width, 5.0);
        assert_eq!(fitted[1].width, 5.0);
    }
}
