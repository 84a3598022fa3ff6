//! Two small charts drawn with rectangles and text: horizontal bars (measured against needed
//! bandwidth) and a timeline of phases on a date axis.

use time::{Date, Duration, Weekday};

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

/// One pair of bars: what was measured (if anything) against what is needed.
pub struct BarPair {
    pub label: String,
    pub measured: Option<f64>,
    pub needed: f64,
    /// Texts printed after the bars, e.g. "Gemeten 18,0 Mbit/s (te laag)".
    pub measured_text: String,
    pub needed_text: String,
}

/// Horizontal bar chart; bars of one chart share a scale. A measured bar below the needed value is
/// red and its text says so, so the colour is never the only signal.
pub fn bar_chart(
    layout: &mut Layout,
    caption: &str,
    pairs: &[BarPair],
    legend: (&str, &str),
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
    for (colour, text) in [(PRIMARY, legend.0), (NEEDED, legend.1)] {
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
        let colour = if short { SHORT } else { PRIMARY };
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

pub struct Span {
    pub label: String,
    pub start: Date,
    pub end: Date,
}

/// Phases as bars on a shared date axis with week ticks (Mondays) labelled by `fmt`.
pub fn timeline(
    layout: &mut Layout,
    spans: &[Span],
    fmt: &dyn Fn(Date) -> String,
) -> Result<(), ReportError> {
    let (Some(first), Some(last)) = (
        spans.iter().map(|s| s.start.min(s.end)).min(),
        spans.iter().map(|s| s.end.max(s.start)).max(),
    ) else {
        return Ok(());
    };
    let axis_x = MARGIN_L + LABEL_W;
    let axis_w = CONTENT_W - LABEL_W - 2.0;
    // One extra day so the last day has a visible width.
    let days = ((last - first).whole_days() + 1).max(1) as f32;
    let per_day = axis_w / days;
    let x_of = |d: Date| axis_x + (d - first).whole_days() as f32 * per_day;
    let row_h = 5.2;
    let total_h = spans.len() as f32 * row_h + 10.0;
    layout.ensure(total_h.min(120.0))?;
    let top = layout.y;
    for (i, span) in spans.iter().enumerate() {
        layout.ensure(row_h + 8.0)?;
        let y = layout.y;
        let label = fit(
            &layout.canvas,
            &span.label,
            LABEL_W - 3.0,
            SMALL,
            Style::Regular,
        );
        layout.canvas.text(
            layout.page,
            MARGIN_L,
            y + baseline_offset(SMALL),
            SMALL,
            Style::Regular,
            INK,
            &label,
        )?;
        let (s, e) = (span.start.min(span.end), span.end.max(span.start));
        let x1 = x_of(s);
        let w = (x_of(e) + per_day - x1).max(1.2);
        let colour = if i % 2 == 0 {
            PRIMARY
        } else {
            Colour(0.22, 0.47, 0.70)
        };
        layout
            .canvas
            .rect(layout.page, x1, y + 0.5, w, 3.4, Some(colour), None)?;
        layout.y += row_h;
    }
    // Axis with Monday ticks; thinned so labels never collide.
    let page_top = if layout.y < top {
        super::layout::TOP
    } else {
        top
    };
    let y = layout.y + 0.5;
    layout
        .canvas
        .line(layout.page, (axis_x, y), (axis_x + axis_w, y), 0.6, MUTED)?;
    let label_w = layout.width(&fmt(last), SMALL, Style::Regular) + 3.0;
    let mut monday = first;
    while monday.weekday() != Weekday::Monday {
        monday += Duration::days(1);
    }
    let week_w = 7.0 * per_day;
    let step = ((label_w / week_w).ceil() as i64).max(1);
    let mut last_label_end = f32::MIN;
    let mut d = monday;
    while d <= last {
        let x = x_of(d);
        layout
            .canvas
            .line(layout.page, (x, page_top), (x, y), 0.2, RULE)?;
        let text = fmt(d);
        let w = layout.width(&text, SMALL, Style::Regular);
        let tx = (x - w / 2.0).max(axis_x - 2.0);
        if tx > last_label_end + 1.5 && tx + w <= MARGIN_L + CONTENT_W {
            layout.canvas.text(
                layout.page,
                tx,
                y + 4.0,
                SMALL,
                Style::Regular,
                MUTED,
                &text,
            )?;
            last_label_end = tx + w;
        }
        d += Duration::days(7 * step);
    }
    layout.y = y + 7.0;
    Ok(())
}
