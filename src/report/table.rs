//! Tables that wrap their cells, break across pages between rows and repeat their header row on
//! every page they touch. Amount columns are right-aligned.

use super::ReportError;
use super::canvas::{Colour, Style};
use super::layout::{
    INK, Layout, MARGIN_L, MARK_H, Mark, PRIMARY, RULE, STRIPE, WHITE, baseline_offset,
    line_height, mark_width, wrap,
};

pub const TABLE_SIZE: f32 = 8.5;
const PAD_X: f32 = 1.6;
const PAD_Y: f32 = 1.3;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
}

#[derive(Debug, Clone)]
pub struct Column {
    pub title: String,
    pub width: f32,
    pub align: Align,
}

impl Column {
    pub fn new(title: &str, width: f32, align: Align) -> Column {
        Column {
            title: title.to_string(),
            width,
            align,
        }
    }
}

/// One paragraph inside a cell.
#[derive(Debug, Clone)]
pub struct Part {
    pub text: String,
    pub style: Style,
    pub colour: Colour,
}

#[derive(Debug, Clone, Default)]
pub struct Cell {
    pub mark: Option<Mark>,
    pub parts: Vec<Part>,
}

impl Cell {
    pub fn text(s: impl Into<String>) -> Cell {
        Cell::styled(s, Style::Regular, INK)
    }
    pub fn bold(s: impl Into<String>) -> Cell {
        Cell::styled(s, Style::Bold, INK)
    }
    pub fn styled(s: impl Into<String>, style: Style, colour: Colour) -> Cell {
        Cell {
            mark: None,
            parts: vec![Part {
                text: s.into(),
                style,
                colour,
            }],
        }
    }
    pub fn mark(mark: Mark) -> Cell {
        Cell {
            mark: Some(mark),
            parts: Vec::new(),
        }
    }
    /// Adds a further paragraph below the first (e.g. an acceptance note under a measure).
    pub fn then(mut self, s: impl Into<String>, style: Style, colour: Colour) -> Cell {
        self.parts.push(Part {
            text: s.into(),
            style,
            colour,
        });
        self
    }
}

#[derive(Debug, Clone, Default)]
pub struct Row {
    pub cells: Vec<Cell>,
    /// Background instead of the zebra stripe (e.g. for a totals row).
    pub fill: Option<Colour>,
}

impl Row {
    pub fn new(cells: Vec<Cell>) -> Row {
        Row { cells, fill: None }
    }
}

/// Where a table ended up; `header_pages` lists every page its header row was drawn on.
#[derive(Debug, Clone, PartialEq)]
pub struct TableSpan {
    pub first_page: usize,
    pub last_page: usize,
    pub header_pages: Vec<usize>,
}

/// Wrapped lines per part of one cell.
type Laid = Vec<Vec<(String, Style, Colour)>>;

fn lay_cell(layout: &Layout, cell: &Cell, width: f32) -> (Laid, f32) {
    let lh = line_height(TABLE_SIZE);
    let mut h = if cell.mark.is_some() { MARK_H } else { 0.0 };
    let mut out = Vec::new();
    // A row must fit on one page under the header; a cell longer than that is cut with "…"
    // rather than running off the page.
    let mut budget = ((super::layout::BOTTOM - super::layout::TOP - 30.0 - h) / lh) as usize;
    for part in &cell.parts {
        let mut lines = wrap(
            &layout.canvas,
            &part.text,
            width - 2.0 * PAD_X,
            TABLE_SIZE,
            part.style,
        );
        if lines.len() > budget {
            lines.truncate(budget.max(1));
            if let Some(last) = lines.last_mut() {
                let cut = format!("{last} …");
                *last = super::layout::fit(
                    &layout.canvas,
                    &cut,
                    width - 2.0 * PAD_X,
                    TABLE_SIZE,
                    part.style,
                );
            }
        }
        budget = budget.saturating_sub(lines.len());
        h += lh * lines.len() as f32;
        out.push(
            lines
                .into_iter()
                .map(|l| (l, part.style, part.colour))
                .collect(),
        );
    }
    if cell.parts.len() > 1 {
        h += 0.8 * (cell.parts.len() - 1) as f32;
    }
    (out, h)
}

fn draw_header(layout: &mut Layout, cols: &[Column]) -> Result<f32, ReportError> {
    let lh = line_height(TABLE_SIZE);
    let laid: Vec<Vec<String>> = cols
        .iter()
        .map(|c| {
            wrap(
                &layout.canvas,
                &c.title,
                c.width - 2.0 * PAD_X,
                TABLE_SIZE,
                Style::Bold,
            )
        })
        .collect();
    let n = laid.iter().map(Vec::len).max().unwrap_or(1);
    let h = n as f32 * lh + 2.0 * PAD_Y;
    let total_w: f32 = cols.iter().map(|c| c.width).sum();
    layout.canvas.rect(
        layout.page,
        MARGIN_L,
        layout.y,
        total_w,
        h,
        Some(PRIMARY),
        None,
    )?;
    let mut x = MARGIN_L;
    for (col, lines) in cols.iter().zip(&laid) {
        for (i, line) in lines.iter().enumerate() {
            let base = layout.y + PAD_Y + i as f32 * lh + baseline_offset(TABLE_SIZE);
            let tx = aligned_x(layout, x, col, line, Style::Bold);
            layout
                .canvas
                .text(layout.page, tx, base, TABLE_SIZE, Style::Bold, WHITE, line)?;
        }
        x += col.width;
    }
    layout.y += h;
    Ok(h)
}

fn aligned_x(layout: &Layout, x: f32, col: &Column, text: &str, style: Style) -> f32 {
    match col.align {
        Align::Left => x + PAD_X,
        Align::Right => x + col.width - PAD_X - layout.width(text, TABLE_SIZE, style),
    }
}

/// Draws the table at the cursor. A row never splits; when it does not fit, the table continues
/// on a new page under a repeated header. The header is never left alone at a page bottom.
pub fn table(layout: &mut Layout, cols: &[Column], rows: &[Row]) -> Result<TableSpan, ReportError> {
    let fitted = super::table_fit::fit_columns(layout, cols, rows, PAD_X);
    let cols = fitted.as_slice();
    let total_w: f32 = cols.iter().map(|c| c.width).sum();
    let lh = line_height(TABLE_SIZE);
    let header_h = 2.0 * PAD_Y + 2.0 * lh;
    let laid: Vec<(Vec<Laid>, f32)> = rows
        .iter()
        .map(|row| {
            let mut cells = Vec::new();
            let mut h: f32 = lh;
            for (cell, col) in row.cells.iter().zip(cols) {
                let (l, ch) = lay_cell(layout, cell, col.width);
                h = h.max(ch);
                cells.push(l);
            }
            (cells, h + 2.0 * PAD_Y)
        })
        .collect();
    let first_h = laid.first().map_or(0.0, |(_, h)| *h);
    layout.ensure(header_h + first_h)?;
    let first_page = layout.page;
    let mut header_pages = vec![layout.page];
    draw_header(layout, cols)?;
    for (idx, ((cells, h), row)) in laid.iter().zip(rows).enumerate() {
        if layout.y + h > super::layout::BOTTOM {
            layout.new_page()?;
            header_pages.push(layout.page);
            draw_header(layout, cols)?;
        }
        let fill = row.fill.or(if idx % 2 == 1 { Some(STRIPE) } else { None });
        if let Some(f) = fill {
            layout
                .canvas
                .rect(layout.page, MARGIN_L, layout.y, total_w, *h, Some(f), None)?;
        }
        let mut x = MARGIN_L;
        for ((col, cell), lines) in cols.iter().zip(&row.cells).zip(cells) {
            let mut y = layout.y + PAD_Y;
            if let Some(mark) = &cell.mark {
                let mx = match col.align {
                    Align::Left => x + PAD_X,
                    Align::Right => x + col.width - PAD_X - mark_width(&layout.canvas, mark),
                };
                layout.mark(mx, y - 0.2, mark)?;
                y += MARK_H;
            }
            for part in lines {
                for (line, style, colour) in part {
                    let tx = aligned_x(layout, x, col, line, *style);
                    let base = y + baseline_offset(TABLE_SIZE);
                    layout
                        .canvas
                        .text(layout.page, tx, base, TABLE_SIZE, *style, *colour, line)?;
                    y += lh;
                }
                y += 0.8;
            }
            x += col.width;
        }
        layout.y += h;
        layout.canvas.line(
            layout.page,
            (MARGIN_L, layout.y),
            (MARGIN_L + total_w, layout.y),
            0.3,
            RULE,
        )?;
    }
    layout.y += 3.0;
    Ok(TableSpan {
        first_page,
        last_page: layout.page,
        header_pages,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::canvas::{Canvas, PAGE_W};
    use crate::report::layout::{BOTTOM, Furniture, MARGIN_R};

    #[test]
    fn a_cell_longer_than_a_page_is_cut_not_run_off_the_page() {
        let furniture = Furniture {
            header_left: "Klant".into(),
            header_right: "datum".into(),
            footer_left: "Leverancier".into(),
            footer_pattern: "Pagina {n} van {m}".into(),
        };
        let mut l = Layout::new(Canvas::new().unwrap(), furniture);
        l.new_page().unwrap();
        let cols = [Column::new("Maatregel", 60.0, Align::Left)];
        let rows = vec![Row::new(vec![Cell::text("lange tekst ".repeat(2000))])];
        table(&mut l, &cols, &rows).unwrap();
        let placed = l.canvas.placed();
        assert!(
            placed.iter().all(|p| p.baseline < BOTTOM),
            "text below the flow area"
        );
        assert!(
            placed.iter().any(|p| p.text.ends_with('…')),
            "the cut is visible"
        );
    }

    #[test]
    fn long_table_breaks_across_pages_and_repeats_its_header() {
        let furniture = Furniture {
            header_left: "Klant".into(),
            header_right: "datum".into(),
            footer_left: "Leverancier".into(),
            footer_pattern: "Pagina {n} van {m}".into(),
        };
        let mut l = Layout::new(Canvas::new().unwrap(), furniture);
        l.new_page().unwrap();
        let cols = [
            Column::new("Omschrijving", 110.0, Align::Left),
            Column::new("Aantal", 20.0, Align::Right),
            Column::new("Bedrag", 40.0, Align::Right),
        ];
        let rows: Vec<Row> = (0..120)
            .map(|i| {
                Row::new(vec![
                    Cell::text(format!("Regel {i}")),
                    Cell::text(i.to_string()),
                    Cell::text(format!("€ {i},00")),
                ])
            })
            .collect();
        let span = table(&mut l, &cols, &rows).unwrap();
        assert!(span.last_page > span.first_page, "{span:?}");
        let pages: Vec<usize> = (span.first_page..=span.last_page).collect();
        assert_eq!(
            span.header_pages, pages,
            "header on every page the table touches"
        );
        let placed = l.canvas.placed();
        for page in &pages {
            let on_page: Vec<_> = placed.iter().filter(|p| p.page == *page).collect();
            assert!(
                on_page.iter().any(|p| p.text == "Omschrijving"),
                "no header on page {page}"
            );
            for p in &on_page {
                assert!(p.baseline < BOTTOM, "text below the flow area: {p:?}");
                assert!(p.x + p.width <= PAGE_W - MARGIN_R + 0.01, "{p:?}");
            }
        }
        // Every row is printed exactly once, in order.
        let regels: Vec<&str> = placed
            .iter()
            .filter(|p| p.text.starts_with("Regel "))
            .map(|p| p.text.as_str())
            .collect();
        let expected: Vec<String> = (0..120).map(|i| format!("Regel {i}")).collect();
        assert_eq!(
            regels,
            expected.iter().map(String::as_str).collect::<Vec<_>>()
        );
        // Amounts are right-aligned: all end at the same x.
        let ends: Vec<f32> = placed
            .iter()
            .filter(|p| p.text.starts_with("€ "))
            .map(|p| p.x + p.width)
            .collect();
        let first = ends[0];
        assert!(ends.iter().all(|e| (e - first).abs() < 0.01));
    }
}
