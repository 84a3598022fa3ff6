//! A draft looks like one: a "CONCEPT" / "DRAFT" mark on every page and, on the cover, why it
//! is a draft (completeness, missing answers by label, example prices, ...).

use super::ReportError;
use super::canvas::{Colour, PAGE_W, Style};
use super::layout::{
    CONTENT_W, INK, Layout, MARGIN_L, SMALL, WHITE, baseline_offset, line_height, wrap,
};
use super::model::{DraftNote, Lang};

const MARK_FILL: Colour = Colour(0.75, 0.16, 0.16);
/// The most lines one reason takes on the cover; the rest is cut with an ellipsis.
const MAX_LINES: usize = 3;
/// The cover's provider block starts at 214 mm: the reasons stop above it.
const COVER_LIMIT: f32 = 206.0;

/// The word printed on every page of a draft.
pub fn mark_word(lang: Lang) -> String {
    crate::t!(lang, "draft-mark")
}

/// Puts the mark at the top centre of every page, above the running header.
pub fn mark_pages(layout: &mut Layout, lang: Lang) -> Result<(), ReportError> {
    let text = mark_word(lang);
    let text = text.as_str();
    let size = 10.0;
    let w = layout.width(text, size, Style::Bold) + 8.0;
    let x = (PAGE_W - w) / 2.0;
    for page in 0..layout.canvas.page_count() {
        layout
            .canvas
            .rect(page, x, 3.0, w, 7.0, Some(MARK_FILL), None)?;
        layout
            .canvas
            .text(page, x + 4.0, 8.3, size, Style::Bold, WHITE, text)?;
    }
    Ok(())
}

/// The reasons on the cover, below its upper block; `layout.y` ends below them.
pub fn cover_reasons(layout: &mut Layout, lang: Lang, d: &DraftNote) -> Result<(), ReportError> {
    let page = layout.page;
    layout.space(3.0);
    let top = layout.y;
    let x = MARGIN_L + 3.0;
    let width = CONTENT_W - 3.0;
    let mut y = top + 1.0;
    layout.canvas.text(
        page,
        x,
        y + baseline_offset(SMALL + 1.5),
        SMALL + 1.5,
        Style::Bold,
        MARK_FILL,
        &crate::t!(lang, "draft-title"),
    )?;
    y += line_height(SMALL + 1.5);
    let mut lines = vec![crate::t!(
        lang,
        "draft-completeness",
        percent = d.completeness
    )];
    lines.extend(d.reasons.iter().cloned());
    for reason in lines {
        let mut wrapped = wrap(
            &layout.canvas,
            &format!("• {reason}"),
            width,
            SMALL,
            Style::Regular,
        );
        if wrapped.len() > MAX_LINES {
            wrapped.truncate(MAX_LINES);
            let last = wrapped.pop().unwrap_or_default();
            wrapped.push(super::layout::fit(
                &layout.canvas,
                &format!("{last} …"),
                width,
                SMALL,
                Style::Regular,
            ));
        }
        for (i, line) in wrapped.iter().enumerate() {
            if y + line_height(SMALL) > COVER_LIMIT {
                break;
            }
            let indent = if i == 0 { 0.0 } else { 2.5 };
            layout.canvas.text(
                page,
                x + indent,
                y + baseline_offset(SMALL),
                SMALL,
                Style::Regular,
                INK,
                line,
            )?;
            y += line_height(SMALL);
        }
    }
    // A red rule down the left side ties the block together.
    layout.canvas.rect(
        page,
        MARGIN_L,
        top,
        1.2,
        y - top + 1.0,
        Some(MARK_FILL),
        None,
    )?;
    layout.y = y + 2.0;
    Ok(())
}
