//! The plan's timeline: one bar per phase on a date axis, rows in date order, labels wrapped
//! (never cut), closure periods shaded, marks for today, the go-live and the desired go-live,
//! and a legend that names each.

use time::{Date, Duration, Weekday};

use super::ReportError;
use super::canvas::{Colour, Style};
use super::layout::{
    CONTENT_W, INK, Layout, MARGIN_L, MUTED, PRIMARY, RULE, SMALL, baseline_offset, line_height,
    wrap,
};
use super::model::PhaseRow;
use super::plan_section::Words;

const LABEL_W: f32 = 50.0;
const BAR_H: f32 = 3.4;
const TODAY: Colour = Colour(0.75, 0.16, 0.16);
const GO_LIVE: Colour = Colour(0.16, 0.52, 0.27);
const DESIRED: Colour = Colour(0.90, 0.55, 0.05);
const CLOSED: Colour = Colour(0.86, 0.87, 0.89);
const BAR_ALT: Colour = Colour(0.22, 0.47, 0.70);

/// The dates marked on the timeline besides the phases.
#[derive(Debug, Default)]
pub struct Marks {
    pub today: Option<Date>,
    pub go_live: Option<Date>,
    pub desired_go_live: Option<Date>,
    /// Closure periods of the customer (inclusive).
    pub closures: Vec<(Date, Date)>,
}

/// About how much room the timeline of `phases` takes, in mm, so its heading can stay with it.
pub fn height(phases: &[&PhaseRow]) -> f32 {
    phases.len() as f32 * 5.6 + 32.0
}

/// Draws the timeline of `phases` (already in date order) with `marks`; `fmt` writes the
/// axis dates.
pub fn draw(
    layout: &mut Layout,
    phases: &[&PhaseRow],
    marks: &Marks,
    w: &Words,
    fmt: &dyn Fn(Date) -> String,
) -> Result<(), ReportError> {
    let points = [marks.today, marks.go_live, marks.desired_go_live];
    let (Some(first), Some(last)) = (
        phases
            .iter()
            .map(|s| s.start.min(s.end))
            .chain(points.iter().flatten().copied())
            .min(),
        phases
            .iter()
            .map(|s| s.end.max(s.start))
            .chain(points.iter().flatten().copied())
            .max(),
    ) else {
        return Ok(());
    };
    let axis_x = MARGIN_L + LABEL_W;
    let axis_w = CONTENT_W - LABEL_W - 2.0;
    // One extra day so the last day has a visible width.
    let days = ((last - first).whole_days() + 1).max(1) as f32;
    let per_day = axis_w / days;
    let x_of = |d: Date| axis_x + (d - first).whole_days() as f32 * per_day;
    let labels: Vec<Vec<String>> = phases
        .iter()
        .map(|p| {
            wrap(
                &layout.canvas,
                &p.name,
                LABEL_W - 3.0,
                SMALL,
                Style::Regular,
            )
        })
        .collect();
    let row_h = |n: usize| (n as f32 * line_height(SMALL) + 1.4).max(5.2);
    let rows_h: f32 = labels.iter().map(|l| row_h(l.len())).sum();
    // Marks' captions above, axis and legend below: the chart stays on one page.
    layout.ensure(rows_h + 30.0)?;
    let page = layout.page;
    let top = layout.y + 7.0;
    let bottom = top + rows_h;
    for &(from, to) in &marks.closures {
        let (a, b) = (from.max(first), to.min(last));
        if a <= b {
            let x = x_of(a);
            layout.canvas.rect(
                page,
                x,
                top,
                x_of(b) + per_day - x,
                rows_h,
                Some(CLOSED),
                None,
            )?;
        }
    }
    let mut y = top;
    for (i, (p, label)) in phases.iter().zip(&labels).enumerate() {
        let h = row_h(label.len());
        for (k, line) in label.iter().enumerate() {
            layout.canvas.text(
                page,
                MARGIN_L,
                y + 0.7 + k as f32 * line_height(SMALL) + baseline_offset(SMALL),
                SMALL,
                Style::Regular,
                INK,
                line,
            )?;
        }
        let x1 = x_of(p.start.min(p.end));
        let width = (x_of(p.end.max(p.start)) + per_day - x1).max(1.2);
        let colour = if i % 2 == 0 { PRIMARY } else { BAR_ALT };
        layout.canvas.rect(
            page,
            x1,
            y + (h - BAR_H) / 2.0,
            width,
            BAR_H,
            Some(colour),
            None,
        )?;
        y += h;
    }
    // Vertical marks over all rows, captions above the chart in date order; a caption that
    // would touch the one before it goes one line higher.
    let mut captions: Vec<(Date, Colour, &str)> = [
        (marks.today, TODAY, w.today.as_str()),
        (marks.go_live, GO_LIVE, w.go_live.as_str()),
        (marks.desired_go_live, DESIRED, w.desired.as_str()),
    ]
    .into_iter()
    .filter_map(|(d, c, t)| Some((d?, c, t)))
    .collect();
    captions.sort_by_key(|(d, _, _)| *d);
    let mut ends = [f32::MIN; 2];
    for (d, colour, caption) in captions {
        let x = x_of(d) + per_day / 2.0;
        layout
            .canvas
            .line(page, (x, top - 1.0), (x, bottom), 0.7, colour)?;
        let tw = layout.width(caption, SMALL - 1.0, Style::Bold);
        let tx = (x - tw / 2.0).clamp(axis_x - 2.0, MARGIN_L + CONTENT_W - tw);
        let Some(row) = (0..2).find(|&r| tx > ends[r] + 1.5) else {
            continue;
        };
        let ty = top - 1.6 - row as f32 * line_height(SMALL - 1.0);
        layout
            .canvas
            .text(page, tx, ty, SMALL - 1.0, Style::Bold, colour, caption)?;
        ends[row] = tx + tw;
    }
    axis(layout, first, last, top, bottom, x_of, per_day, fmt)?;
    legend(layout, marks, w)
}

/// The date axis with Monday ticks, thinned so labels never collide.
#[allow(clippy::too_many_arguments)]
fn axis(
    layout: &mut Layout,
    first: Date,
    last: Date,
    top: f32,
    bottom: f32,
    x_of: impl Fn(Date) -> f32,
    per_day: f32,
    fmt: &dyn Fn(Date) -> String,
) -> Result<(), ReportError> {
    let page = layout.page;
    let axis_x = MARGIN_L + LABEL_W;
    let y = bottom + 0.5;
    layout.canvas.line(
        page,
        (axis_x, y),
        (MARGIN_L + CONTENT_W - 2.0, y),
        0.6,
        MUTED,
    )?;
    let label_w = layout.width(&fmt(last), SMALL, Style::Regular) + 3.0;
    let mut monday = first;
    while monday.weekday() != Weekday::Monday {
        monday += Duration::days(1);
    }
    let step = ((label_w / (7.0 * per_day)).ceil() as i64).max(1);
    let mut last_label_end = f32::MIN;
    let mut d = monday;
    while d <= last {
        let x = x_of(d);
        layout.canvas.line(page, (x, top), (x, y), 0.2, RULE)?;
        let text = fmt(d);
        let tw = layout.width(&text, SMALL, Style::Regular);
        let tx = (x - tw / 2.0).max(axis_x - 2.0);
        if tx > last_label_end + 1.5 && tx + tw <= MARGIN_L + CONTENT_W {
            layout
                .canvas
                .text(page, tx, y + 4.0, SMALL, Style::Regular, MUTED, &text)?;
            last_label_end = tx + tw;
        }
        d += Duration::days(7 * step);
    }
    layout.y = y + 7.0;
    Ok(())
}

/// Swatches for the bars and closures, short lines for the marks; only what is drawn.
fn legend(layout: &mut Layout, marks: &Marks, w: &Words) -> Result<(), ReportError> {
    let page = layout.page;
    let y = layout.y;
    let mut x = MARGIN_L + LABEL_W;
    let mut items: Vec<(Colour, &str, bool)> = vec![(PRIMARY, w.phase.as_str(), true)];
    if !marks.closures.is_empty() {
        items.push((CLOSED, w.closed.as_str(), true));
    }
    for (date, colour, caption) in [
        (marks.today, TODAY, w.today.as_str()),
        (marks.go_live, GO_LIVE, w.go_live.as_str()),
        (marks.desired_go_live, DESIRED, w.desired.as_str()),
    ] {
        if date.is_some() {
            items.push((colour, caption, false));
        }
    }
    for (colour, caption, swatch) in items {
        if swatch {
            layout
                .canvas
                .rect(page, x, y - 2.4, 4.0, 2.6, Some(colour), None)?;
        } else {
            layout
                .canvas
                .line(page, (x + 2.0, y - 3.0), (x + 2.0, y + 0.6), 0.9, colour)?;
        }
        x += 5.5;
        layout
            .canvas
            .text(page, x, y, SMALL, Style::Regular, INK, caption)?;
        x += layout.width(caption, SMALL, Style::Regular) + 5.0;
    }
    layout.y = y + 5.0;
    Ok(())
}
