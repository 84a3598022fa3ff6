//! The layout layer over the canvas: a cursor that flows text down A4 pages with margins, running
//! headers and deferred footers, headings, paragraphs, key/value blocks and status marks. Tables are
//! in `table.rs`, charts in `charts.rs`.

use super::ReportError;
use super::canvas::{Canvas, Colour, PAGE_H, PAGE_W, Style};

pub const MARGIN_L: f32 = 20.0;
pub const MARGIN_R: f32 = 20.0;
pub const CONTENT_W: f32 = PAGE_W - MARGIN_L - MARGIN_R;
/// Top of the flow area on pages with a running header.
pub const TOP: f32 = 27.0;
/// Bottom of the flow area; the footer sits below it.
pub const BOTTOM: f32 = PAGE_H - 20.0;

pub const BODY: f32 = 9.5;
pub const SMALL: f32 = 8.0;
const PT_PER_MM: f32 = 72.0 / 25.4;

pub const INK: Colour = Colour(0.13, 0.13, 0.15);
pub const MUTED: Colour = Colour(0.40, 0.42, 0.46);
pub const PRIMARY: Colour = Colour(0.07, 0.27, 0.47);
pub const RULE: Colour = Colour(0.78, 0.80, 0.84);
pub const STRIPE: Colour = Colour(0.95, 0.96, 0.97);
pub const WHITE: Colour = Colour(1.0, 1.0, 1.0);

/// Line height in mm for a font size in points.
pub fn line_height(size: f32) -> f32 {
    size * 1.32 / PT_PER_MM
}

/// Ascent used to place the first baseline below a top edge (Liberation Sans ascent ≈ 0.9 em,
/// cap height ≈ 0.73 em; 0.8 centres the text in its line box).
pub fn baseline_offset(size: f32) -> f32 {
    size * 0.98 / PT_PER_MM
}

/// A coloured status mark with its text (never colour alone).
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    pub text: String,
    pub fill: Colour,
    pub fg: Colour,
}

pub const MARK_H: f32 = 4.6;
const MARK_SIZE: f32 = 7.5;

/// Running header texts and footer pattern.
pub struct Furniture {
    pub header_left: String,
    pub header_right: String,
    pub footer_left: String,
    /// "Pagina {n} van {m}" with `{n}` and `{m}` replaced at the end.
    pub footer_pattern: String,
}

pub struct Layout {
    pub canvas: Canvas,
    pub page: usize,
    /// Top of the remaining free space on the current page, mm from the page top.
    pub y: f32,
    furniture: Furniture,
    /// Level-1 headings with the page they start on, for the table of contents.
    pub outline: Vec<(String, usize)>,
}

impl Layout {
    pub fn new(canvas: Canvas, furniture: Furniture) -> Layout {
        Layout {
            canvas,
            page: 0,
            y: TOP,
            furniture,
            outline: Vec::new(),
        }
    }

    /// Starts a page without running header (the cover).
    pub fn bare_page(&mut self) {
        self.page = self.canvas.add_page();
        self.y = 20.0;
    }

    /// Starts a page with the running header.
    pub fn new_page(&mut self) -> Result<(), ReportError> {
        self.page = self.canvas.add_page();
        let f = &self.furniture;
        let (left, right) = (f.header_left.clone(), f.header_right.clone());
        let base = 14.5;
        let right_w = self.canvas.fonts.width(&right, SMALL, Style::Regular);
        // The customer name is cut to what fits beside the date rather than running into it.
        let left = fit(
            &self.canvas,
            &left,
            CONTENT_W - right_w - 6.0,
            SMALL,
            Style::Bold,
        );
        self.canvas.text(
            self.page,
            MARGIN_L,
            base,
            SMALL,
            Style::Bold,
            PRIMARY,
            &left,
        )?;
        self.canvas.text(
            self.page,
            PAGE_W - MARGIN_R - right_w,
            base,
            SMALL,
            Style::Regular,
            MUTED,
            &right,
        )?;
        self.canvas.line(
            self.page,
            (MARGIN_L, 17.0),
            (PAGE_W - MARGIN_R, 17.0),
            0.6,
            RULE,
        )?;
        self.y = TOP;
        Ok(())
    }

    pub fn remaining(&self) -> f32 {
        BOTTOM - self.y
    }

    /// Moves to a new page unless `h` mm still fit.
    pub fn ensure(&mut self, h: f32) -> Result<(), ReportError> {
        if self.y + h > BOTTOM {
            self.new_page()?;
        }
        Ok(())
    }

    pub fn space(&mut self, h: f32) {
        self.y += h;
    }

    pub fn width(&self, text: &str, size: f32, style: Style) -> f32 {
        self.canvas.fonts.width(text, size, style)
    }

    /// A section heading (level 1) or sub-heading (level 2), kept with at least `keep` mm of
    /// what follows so a heading never ends a page.
    pub fn heading(&mut self, text: &str, level: u8, keep: f32) -> Result<(), ReportError> {
        let (size, gap_before, colour) = if level <= 1 {
            (15.0, 4.0, PRIMARY)
        } else {
            (11.0, 3.0, INK)
        };
        let h = line_height(size) + 2.0;
        // A section's heading keeps its first sub-heading and some of its content with it, so
        // it never stands alone at the foot of a page.
        let keep = if level <= 1 { keep.max(40.0) } else { keep };
        if self.y > TOP + 0.1 {
            self.y += gap_before;
        }
        self.ensure(h + keep)?;
        let base = self.y + baseline_offset(size);
        self.canvas
            .text(self.page, MARGIN_L, base, size, Style::Bold, colour, text)?;
        self.y += h;
        if level <= 1 {
            self.outline.push((text.to_string(), self.page));
        }
        if level <= 1 {
            self.canvas.line(
                self.page,
                (MARGIN_L, self.y - 1.2),
                (MARGIN_L + 30.0, self.y - 1.2),
                1.4,
                PRIMARY,
            )?;
            self.y += 1.5;
        }
        Ok(())
    }

    /// A wrapped paragraph at the left margin, `indent` mm in, breaking across pages by line.
    pub fn paragraph(
        &mut self,
        text: &str,
        size: f32,
        style: Style,
        colour: Colour,
        indent: f32,
    ) -> Result<(), ReportError> {
        let lh = line_height(size);
        for line in wrap(&self.canvas, text, CONTENT_W - indent, size, style) {
            self.ensure(lh)?;
            self.canvas.text(
                self.page,
                MARGIN_L + indent,
                self.y + baseline_offset(size),
                size,
                style,
                colour,
                &line,
            )?;
            self.y += lh;
        }
        self.y += 1.5;
        Ok(())
    }

    /// Bulleted list; each item wraps with a hanging indent.
    pub fn bullets(&mut self, items: &[String]) -> Result<(), ReportError> {
        let lh = line_height(BODY);
        for item in items {
            let lines = wrap(&self.canvas, item, CONTENT_W - 5.0, BODY, Style::Regular);
            self.ensure(lh * lines.len() as f32)?;
            for (i, line) in lines.iter().enumerate() {
                self.ensure(lh)?;
                let base = self.y + baseline_offset(BODY);
                if i == 0 {
                    self.canvas.text(
                        self.page,
                        MARGIN_L + 1.0,
                        base,
                        BODY,
                        Style::Regular,
                        PRIMARY,
                        "•",
                    )?;
                }
                self.canvas.text(
                    self.page,
                    MARGIN_L + 5.0,
                    base,
                    BODY,
                    Style::Regular,
                    INK,
                    line,
                )?;
                self.y += lh;
            }
            self.y += 0.8;
        }
        self.y += 1.0;
        Ok(())
    }

    /// Numbered list ("1.", "2.", ...) with a hanging indent.
    pub fn numbered(&mut self, items: &[String]) -> Result<(), ReportError> {
        let lh = line_height(BODY);
        for (n, item) in items.iter().enumerate() {
            let lines = wrap(&self.canvas, item, CONTENT_W - 6.0, BODY, Style::Regular);
            // Keep an item on one page (a term split over a page break reads badly).
            self.ensure(lh * lines.len() as f32)?;
            for (i, line) in lines.iter().enumerate() {
                self.ensure(lh)?;
                let base = self.y + baseline_offset(BODY);
                if i == 0 {
                    let num = format!("{}.", n + 1);
                    self.canvas.text(
                        self.page,
                        MARGIN_L,
                        base,
                        BODY,
                        Style::Bold,
                        PRIMARY,
                        &num,
                    )?;
                }
                self.canvas.text(
                    self.page,
                    MARGIN_L + 6.0,
                    base,
                    BODY,
                    Style::Regular,
                    INK,
                    line,
                )?;
                self.y += lh;
            }
            self.y += 1.2;
        }
        self.y += 1.0;
        Ok(())
    }

    /// Label/value pairs in two columns; empty values are left out.
    pub fn key_values(
        &mut self,
        rows: &[(String, String)],
        label_w: f32,
        size: f32,
    ) -> Result<(), ReportError> {
        let lh = line_height(size);
        for (label, value) in rows.iter().filter(|(_, v)| !v.trim().is_empty()) {
            let labels = wrap(&self.canvas, label, label_w - 2.0, size, Style::Bold);
            let values = wrap(
                &self.canvas,
                value,
                CONTENT_W - label_w,
                size,
                Style::Regular,
            );
            let n = labels.len().max(values.len());
            self.ensure(lh * n as f32)?;
            for (i, l) in labels.iter().enumerate() {
                let base = self.y + i as f32 * lh + baseline_offset(size);
                self.canvas
                    .text(self.page, MARGIN_L, base, size, Style::Bold, MUTED, l)?;
            }
            for (i, v) in values.iter().enumerate() {
                let base = self.y + i as f32 * lh + baseline_offset(size);
                self.canvas.text(
                    self.page,
                    MARGIN_L + label_w,
                    base,
                    size,
                    Style::Regular,
                    INK,
                    v,
                )?;
            }
            self.y += lh * n as f32 + 0.6;
        }
        self.y += 1.5;
        Ok(())
    }

    /// Draws a status mark with its top-left at (x, y); returns its width.
    pub fn mark(&mut self, x: f32, y: f32, mark: &Mark) -> Result<f32, ReportError> {
        let w = mark_width(&self.canvas, mark);
        self.canvas
            .rect(self.page, x, y, w, MARK_H, Some(mark.fill), None)?;
        let base = y + MARK_H / 2.0 + MARK_SIZE * 0.36 / PT_PER_MM;
        self.canvas.text(
            self.page,
            x + 1.6,
            base,
            MARK_SIZE,
            Style::Bold,
            mark.fg,
            &mark.text,
        )?;
        Ok(w)
    }

    /// Writes "Pagina N van M" and the provider line on every page, now that M is known.
    pub fn finish_footers(&mut self) -> Result<(), ReportError> {
        let total = self.canvas.page_count();
        for page in 0..total {
            let text = self
                .furniture
                .footer_pattern
                .replace("{n}", &(page + 1).to_string())
                .replace("{m}", &total.to_string());
            let base = PAGE_H - 11.0;
            self.canvas.line(
                page,
                (MARGIN_L, base - 4.0),
                (PAGE_W - MARGIN_R, base - 4.0),
                0.4,
                RULE,
            )?;
            let w = self.canvas.fonts.width(&text, SMALL, Style::Regular);
            let left = self.furniture.footer_left.clone();
            let left = fit(
                &self.canvas,
                &left,
                CONTENT_W - w - 6.0,
                SMALL,
                Style::Regular,
            );
            self.canvas
                .text(page, MARGIN_L, base, SMALL, Style::Regular, MUTED, &left)?;
            self.canvas.text(
                page,
                PAGE_W - MARGIN_R - w,
                base,
                SMALL,
                Style::Regular,
                MUTED,
                &text,
            )?;
        }
        Ok(())
    }
}

pub fn mark_width(canvas: &Canvas, mark: &Mark) -> f32 {
    canvas.fonts.width(&mark.text, MARK_SIZE, Style::Bold) + 3.2
}

/// Cuts `text` with an ellipsis so it fits `width` mm.
pub fn fit(canvas: &Canvas, text: &str, width: f32, size: f32, style: Style) -> String {
    if canvas.fonts.width(text, size, style) <= width {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        out.push(c);
        if canvas.fonts.width(&out, size, style) + canvas.fonts.width("…", size, style) > width {
            out.pop();
            break;
        }
    }
    format!("{}…", out.trim_end())
}

/// Greedy word wrap without hyphenation: lines break at spaces (not at a no-break space, nor
/// between a number and its unit); a word longer than the width is
/// broken between characters. Newlines in the text force breaks. Never returns an empty vector.
pub fn wrap(canvas: &Canvas, text: &str, width: f32, size: f32, style: Style) -> Vec<String> {
    let fonts = &canvas.fonts;
    let mut lines = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        // Never between a number and its unit (see nobreak.rs).
        for word in super::nobreak::words(para) {
            let word = word.as_str();
            let candidate = if line.is_empty() {
                word.to_string()
            } else {
                format!("{line} {word}")
            };
            if fonts.width(&candidate, size, style) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // The word alone may still be too long: split it where it overflows.
            let mut piece = String::new();
            for c in word.chars() {
                piece.push(c);
                if fonts.width(&piece, size, style) > width && piece.chars().count() > 1 {
                    piece.pop();
                    lines.push(std::mem::take(&mut piece));
                    piece.push(c);
                }
            }
            line = piece;
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
#[path = "layout_tests.rs"]
mod tests;
