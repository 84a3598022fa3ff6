//! A small chart drawn with rectangles and text: horizontal bars (measured against needed
//! bandwidth). The plan's timeline is in `timeline`.

use super::ReportError;
use super::canvas::{Colour, Style};
use super::layout::{
    CONTENT_W, INK, Layout, MARGIN_L, MUTED, PRIMARY, RULE, SMALL, baseline_offset, fit,
};

const BAR_H: f32 = 3.4;
const LABEL_W: f32 = 44.0;
/// Room right of the longest bar for its value text.
const VALUE_W: f32 = 34.0;

pub const NEEDED: Colour = Colour(0.62, 0.64, 0.68);
pub const SHORT: Colour = Colour(0.75, 0.16, 0.16);
/// A stated (subscription) speed: lighter than a measured one, so the two are not confused.
pub const STATED: Colour = Colour(0.55, 0.68, 0.84);

/// One pair of bars: what is available (if known) against what is needed.
pub struct BarPair {
    pub label: String,
    pub measured: Option<f64>,
    /// The available figure is the subscription's stated speed, not a measurement.
    pub stated: bool,
    pub needed: f64,
    /// Texts printed after the bars, e.g. "Gemeten 18,0 Mbit/s (te laag)".
    pub measured_text: String,
    pub needed_text: String,
}

/// Horizontal bar chart; bars of one chart share a scale. A measured bar below the needed value is
/// red and its text says so, so the colour is never the only signal. `legend` names the measured,
/// stated and needed bars; the stated entry only shows when a pair is stated.
pub fn bar_chart(
    layout: &mut Layout,
    caption: &str,
    pairs: &[BarPair],
    legend: (&str, &str, &str),
) -> Result<(), ReportError> {
    if pairs.is_empty() {
        return Ok(());
    }
    let max = pairs
        .iter()
        .flat_map(|p| [p.measured.unwrap_or(0.0), p.needed])
        .fold(0.0f64, f64::max)
        .max(1.0);
    let scale = (CONTENT_W - LABEL_W - VALUE_W) as f64 / max;
    let pair_h = 2.0 * BAR_H + 3.5;
    layout.ensure(pair_h * pairs.len().min(3) as f32 + 8.0)?;
    // Legend first, so the reader knows the colours before the bars.
    let y = layout.y;
    layout.canvas.text(
        layout.page,
        MARGIN_L,
        y + baseline_offset(SMALL),
        SMALL,
        Style::Bold,
        PRIMARY,
        caption,
    )?;
    let mut x = MARGIN_L + LABEL_W;
    let any_measured = pairs.iter().any(|p| !p.stated && p.measured.is_some());
    let any_stated = pairs.iter().any(|p| p.stated && p.measured.is_some());
    let entries = [
        (any_measured, PRIMARY, legend.0),
        (any_stated, STATED, legend.1),
        (true, NEEDED, legend.2),
    ];
    for (_, colour, text) in entries.into_iter().filter(|e| e.0) {
        layout
            .canvas
            .rect(layout.page, x, y + 0.6, 3.0, 3.0, Some(colour), None)?;
        layout.canvas.text(
            layout.page,
            x + 4.5,
            y + baseline_offset(SMALL),
            SMALL,
            Style::Regular,
            MUTED,
            text,
        )?;
        x += 8.0 + layout.width(text, SMALL, Style::Regular);
    }
    layout.y += 6.0;
    for pair in pairs {
        layout.ensure(pair_h)?;
        let y = layout.y;
        let label = fit(
            &layout.canvas,
            &pair.label,
            LABEL_W - 3.0,
            SMALL,
            Style::Bold,
        );
        layout.canvas.text(
            layout.page,
            MARGIN_L,
            y + BAR_H + 1.0,
            SMALL,
            Style::Bold,
            INK,
            &label,
        )?;
        let x0 = MARGIN_L + LABEL_W;
        let short = pair.measured.is_some_and(|m| m < pair.needed);
        let measured_w = (pair.measured.unwrap_or(0.0) * scale) as f32;
        let colour = match (short, pair.stated) {
            (true, _) => SHORT,
            (false, true) => STATED,
            (false, false) => PRIMARY,
        };
        if measured_w > 0.0 {
            layout
                .canvas
                .rect(layout.page, x0, y, measured_w, BAR_H, Some(colour), None)?;
        }
        let tb = y + BAR_H - 0.6;
        layout.canvas.text(
            layout.page,
            x0 + measured_w + 1.5,
            tb,
            SMALL,
            Style::Regular,
            INK,
            &pair.measured_text,
        )?;
        let needed_w = (pair.needed * scale) as f32;
        layout.canvas.rect(
            layout.page,
            x0,
            y + BAR_H + 0.8,
            needed_w,
            BAR_H,
            Some(NEEDED),
            None,
        )?;
        layout.canvas.text(
            layout.page,
            x0 + needed_w + 1.5,
            tb + BAR_H + 0.8,
            SMALL,
            Style::Regular,
            MUTED,
            &pair.needed_text,
        )?;
        layout.canvas.line(
            layout.page,
            (x0, y - 0.8),
            (x0, y + 2.0 * BAR_H + 1.6),
            0.5,
            RULE,
        )?;
        layout.y += pair_h;
    }
    layout.y += 2.0;
    Ok(())
}
