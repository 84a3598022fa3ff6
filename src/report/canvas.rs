//! The only file that touches printpdf: A4 pages in millimetres measured from the top-left corner,
//! text runs in the embedded Liberation Sans (regular and bold), lines and rectangles. String widths
//! come from ttf-parser on the same TTF bytes, so what we measure is what printpdf writes.

use printpdf::{
    Color, FontId, Line, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Pt, Rect, Rgb, TextItem,
};

use super::ReportError;

pub const PAGE_W: f32 = 210.0;
pub const PAGE_H: f32 = 297.0;
const PT_PER_MM: f32 = 72.0 / 25.4;

static REGULAR_TTF: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Regular.ttf");
static BOLD_TTF: &[u8] = include_bytes!("../../assets/fonts/LiberationSans-Bold.ttf");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    Regular,
    Bold,
}

/// An RGB colour with components 0..=1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Colour(pub f32, pub f32, pub f32);

impl Colour {
    fn pdf(self) -> Color {
        Color::Rgb(Rgb::new(self.0, self.1, self.2, None))
    }
}

/// Advance widths of one face, cached for the characters a Dutch or English text uses.
struct Metrics {
    face: ttf_parser::Face<'static>,
    units_per_em: f32,
    /// Advance (font units) for U+0000..U+024F; `u16::MAX` where the font has no glyph.
    latin: Vec<u16>,
}

impl Metrics {
    fn new(bytes: &'static [u8], name: &str) -> Result<Metrics, ReportError> {
        let face = ttf_parser::Face::parse(bytes, 0)
            .map_err(|e| ReportError::Font(format!("{name}: {e}")))?;
        let units_per_em = f32::from(face.units_per_em());
        let latin = (0u32..0x250)
            .map(|c| {
                char::from_u32(c)
                    .and_then(|c| face.glyph_index(c))
                    .and_then(|g| face.glyph_hor_advance(g))
                    .unwrap_or(u16::MAX)
            })
            .collect();
        Ok(Metrics {
            face,
            units_per_em,
            latin,
        })
    }

    fn advance(&self, c: char) -> Option<u16> {
        match self.latin.get(c as usize) {
            Some(&u16::MAX) => None,
            Some(&a) => Some(a),
            None => self
                .face
                .glyph_index(c)
                .and_then(|g| self.face.glyph_hor_advance(g)),
        }
    }

    fn has_glyph(&self, c: char) -> bool {
        self.advance(c).is_some()
    }
}

/// Font metrics of both styles; cheap to share by reference with the layout layer.
pub struct Fonts {
    regular: Metrics,
    bold: Metrics,
}

impl Fonts {
    pub fn load() -> Result<Fonts, ReportError> {
        Ok(Fonts {
            regular: Metrics::new(REGULAR_TTF, "LiberationSans-Regular.ttf")?,
            bold: Metrics::new(BOLD_TTF, "LiberationSans-Bold.ttf")?,
        })
    }

    fn metrics(&self, style: Style) -> &Metrics {
        match style {
            Style::Regular => &self.regular,
            Style::Bold => &self.bold,
        }
    }

    /// Width in mm of `text` at `size` points (no kerning: printpdf does not apply it either).
    pub fn width(&self, text: &str, size: f32, style: Style) -> f32 {
        let m = self.metrics(style);
        let fallback = m.advance('?').unwrap_or(0);
        let units: u32 = text
            .chars()
            .map(|c| u32::from(m.advance(c).unwrap_or(fallback)))
            .sum();
        units as f32 / m.units_per_em * size / PT_PER_MM
    }

    /// True when both faces have a glyph for `c`.
    pub fn covers(&self, c: char) -> bool {
        self.regular.has_glyph(c) && self.bold.has_glyph(c)
    }

    /// Replaces characters the font cannot show by '?', so no invisible .notdef boxes appear.
    fn printable(&self, text: &str, style: Style) -> String {
        let m = self.metrics(style);
        text.chars()
            .map(|c| if m.has_glyph(c) || c == ' ' { c } else { '?' })
            .collect()
    }
}

/// Document metadata written to the PDF info dictionary and the catalog.
pub struct Meta {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub keywords: Vec<String>,
    /// BCP 47 tag, e.g. "nl-NL".
    pub language: String,
    pub created: time::OffsetDateTime,
}

/// A text run as placed, kept so tests can check positions and content without parsing the PDF.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub page: usize,
    pub x: f32,
    pub baseline: f32,
    pub width: f32,
    pub size: f32,
    pub text: String,
}

pub struct Canvas {
    pub fonts: Fonts,
    doc: PdfDocument,
    regular_id: FontId,
    bold_id: FontId,
    pages: Vec<Vec<Op>>,
    placed: Vec<Placed>,
}

impl Canvas {
    pub fn new() -> Result<Canvas, ReportError> {
        let mut doc = PdfDocument::new("");
        let mut add = |bytes: &[u8], name: &str| {
            ParsedFont::from_bytes(bytes, 0, &mut Vec::new())
                .map(|f| doc.add_font(&f))
                .ok_or_else(|| ReportError::Font(format!("printpdf cannot parse {name}")))
        };
        let regular_id = add(REGULAR_TTF, "LiberationSans-Regular.ttf")?;
        let bold_id = add(BOLD_TTF, "LiberationSans-Bold.ttf")?;
        Ok(Canvas {
            fonts: Fonts::load()?,
            doc,
            regular_id,
            bold_id,
            pages: Vec::new(),
            placed: Vec::new(),
        })
    }

    /// Appends an empty page and returns its index.
    pub fn add_page(&mut self) -> usize {
        self.pages.push(Vec::new());
        self.pages.len() - 1
    }

    pub fn page_count(&self) -> usize {
        self.pages.len()
    }

    pub fn placed(&self) -> &[Placed] {
        &self.placed
    }

    fn ops(&mut self, page: usize) -> Result<&mut Vec<Op>, ReportError> {
        self.pages
            .get_mut(page)
            .ok_or(ReportError::Layout(format!("page {page} does not exist")))
    }

    /// Text with its left end at `x` and its baseline at `baseline` (mm from the top).
    // A run is page, position, size, style, colour and text: a struct for that would only be
    // built and torn apart at every one of the many call sites.
    #[allow(clippy::too_many_arguments)]
    pub fn text(
        &mut self,
        page: usize,
        x: f32,
        baseline: f32,
        size: f32,
        style: Style,
        colour: Colour,
        text: &str,
    ) -> Result<(), ReportError> {
        if text.is_empty() {
            return Ok(());
        }
        let shown = self.fonts.printable(text, style);
        let width = self.fonts.width(&shown, size, style);
        let font = match style {
            Style::Regular => self.regular_id.clone(),
            Style::Bold => self.bold_id.clone(),
        };
        self.ops(page)?.extend([
            Op::StartTextSection,
            Op::SetFont {
                font: PdfFontHandle::External(font),
                size: Pt(size),
            },
            Op::SetFillColor { col: colour.pdf() },
            Op::SetTextCursor {
                pos: point(x, baseline),
            },
            Op::ShowText {
                items: vec![TextItem::Text(shown.clone())],
            },
            Op::EndTextSection,
        ]);
        self.placed.push(Placed {
            page,
            x,
            baseline,
            width,
            size,
            text: shown,
        });
        Ok(())
    }

    pub fn line(
        &mut self,
        page: usize,
        (x1, y1): (f32, f32),
        (x2, y2): (f32, f32),
        width_pt: f32,
        colour: Colour,
    ) -> Result<(), ReportError> {
        self.ops(page)?.extend([
            Op::SetOutlineColor { col: colour.pdf() },
            Op::SetOutlineThickness { pt: Pt(width_pt) },
            Op::DrawLine {
                line: Line {
                    points: vec![
                        LinePoint {
                            p: point(x1, y1),
                            bezier: false,
                        },
                        LinePoint {
                            p: point(x2, y2),
                            bezier: false,
                        },
                    ],
                    is_closed: false,
                },
            },
        ]);
        Ok(())
    }

    /// Rectangle with top-left corner (x, y); filled, stroked, or both.
    #[allow(clippy::too_many_arguments)]
    pub fn rect(
        &mut self,
        page: usize,
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        fill: Option<Colour>,
        stroke: Option<(Colour, f32)>,
    ) -> Result<(), ReportError> {
        let mode = match (fill, stroke) {
            (Some(_), Some(_)) => PaintMode::FillStroke,
            (Some(_), None) => PaintMode::Fill,
            (None, Some(_)) => PaintMode::Stroke,
            (None, None) => return Ok(()),
        };
        let ops = self.ops(page)?;
        if let Some(f) = fill {
            ops.push(Op::SetFillColor { col: f.pdf() });
        }
        if let Some((c, w)) = stroke {
            ops.push(Op::SetOutlineColor { col: c.pdf() });
            ops.push(Op::SetOutlineThickness { pt: Pt(w) });
        }
        let mut rect = Rect::from_xywh(
            Pt(x * PT_PER_MM),
            Pt((PAGE_H - y - h) * PT_PER_MM),
            Pt(w * PT_PER_MM),
            Pt(h * PT_PER_MM),
        );
        rect.mode = Some(mode);
        ops.push(Op::DrawRectangle { rectangle: rect });
        Ok(())
    }

    /// Writes the PDF: fonts embedded as subsets, metadata set, streams compressed.
    pub fn finish(self, meta: &Meta) -> Result<Vec<u8>, ReportError> {
        let mut warnings = Vec::new();
        let mut doc = self.doc;
        doc.metadata.info.document_title = meta.title.clone();
        let created = printpdf::OffsetDateTime::from_unix_timestamp(meta.created.unix_timestamp())
            .map_err(|e| ReportError::Layout(format!("creation date: {e}")))?;
        let info = &mut doc.metadata.info;
        info.author = meta.author.clone();
        info.subject = meta.subject.clone();
        info.keywords = meta.keywords.clone();
        info.creator = "intake".to_string();
        info.producer = "intake (printpdf 0.12.8)".to_string();
        info.creation_date = created;
        info.modification_date = created;
        info.metadata_date = created;
        let pages = self
            .pages
            .into_iter()
            .map(|ops| PdfPage::new(Mm(PAGE_W), Mm(PAGE_H), ops))
            .collect();
        doc.with_pages(pages);
        let opts = PdfSaveOptions {
            subset_fonts: true,
            optimize: true,
            ..Default::default()
        };
        let mut lo = doc.to_lopdf_document(&opts, &mut warnings);
        // printpdf has no field for the document language; screen readers and search need it.
        lo.catalog_mut()
            .map_err(|e| ReportError::Layout(format!("PDF catalog: {e}")))?
            .set(
                "Lang",
                lopdf::Object::String(
                    meta.language.clone().into_bytes(),
                    lopdf::StringFormat::Literal,
                ),
            );
        // printpdf always writes GTS_PDFXVersion (and an empty Identifier), which makes readers
        // report the file as PDF/X although it is not; drop them.
        if let Ok(info_id) = lo
            .trailer
            .get(b"Info")
            .and_then(lopdf::Object::as_reference)
            && let Ok(info) = lo
                .get_object_mut(info_id)
                .and_then(lopdf::Object::as_dict_mut)
        {
            info.remove(b"GTS_PDFXVersion");
            info.remove(b"Identifier");
        }
        lo.compress();
        let mut out = Vec::new();
        lo.save_to(&mut out)
            .map_err(|e| ReportError::Layout(format!("writing PDF: {e}")))?;
        Ok(out)
    }
}

/// Top-left millimetres to PDF points from the bottom-left.
fn point(x: f32, y: f32) -> Point {
    Point {
        x: Pt(x * PT_PER_MM),
        y: Pt((PAGE_H - y) * PT_PER_MM),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn font_covers_dutch_characters_and_euro() {
        let fonts = Fonts::load().unwrap();
        let needed = "€ëïöüéèêáàâóòôúùûíìîÿçñËÏÖÜÉÈÊÁÀÓÚĳĲ‘’“”–—•…±×·°½«»ß";
        let missing: Vec<char> = needed.chars().filter(|&c| !fonts.covers(c)).collect();
        assert!(missing.is_empty(), "font lacks {missing:?}");
        for c in ('a'..='z').chain('A'..='Z').chain('0'..='9') {
            assert!(fonts.covers(c), "font lacks {c}");
        }
    }

    #[test]
    fn widths_follow_the_font_metrics() {
        let fonts = Fonts::load().unwrap();
        // Liberation Sans is metric-compatible with Arial: "0" is 1139/2048 em wide.
        let w = fonts.width("0000", 10.0, Style::Regular);
        let expected = 4.0 * 1139.0 / 2048.0 * 10.0 / PT_PER_MM;
        assert!((w - expected).abs() < 1e-3, "{w} vs {expected}");
        assert!(
            fonts.width("Werkplek", 10.0, Style::Bold)
                > fonts.width("Werkplek", 10.0, Style::Regular)
        );
        assert_eq!(fonts.width("", 10.0, Style::Regular), 0.0);
    }

    #[test]
    fn unknown_glyphs_become_question_marks() {
        let fonts = Fonts::load().unwrap();
        assert_eq!(fonts.printable("a\u{1F600}b", Style::Regular), "a?b");
    }
}
