//! Top-level drawing: the current screen, the status and help bars, overlays, and
//! the message shown when the terminal is too small.

use super::app::{App, MIN_HEIGHT, MIN_WIDTH, Screen, StatusKind};
use super::text::wrap;
use super::theme::Theme;
use super::{home_view, intake_view, keys};
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

pub fn draw(app: &mut App, f: &mut Frame) {
    let area = f.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        // Sizes as plain digits: "60×16", never "1.000×16".
        let msg = crate::t!(
            app.lang,
            "th-too-small",
            width = area.width.to_string(),
            height = area.height.to_string(),
            min_width = MIN_WIDTH.to_string(),
            min_height = MIN_HEIGHT.to_string(),
            ctrl = crate::t!(app.lang, "kc-ctrl")
        );
        // Centred vertically too; wrapping may add lines in a very narrow window.
        let lines = msg.lines().count() as u16;
        let top = area.height.saturating_sub(lines + 1) / 2;
        let r = Rect {
            y: area.y + top,
            height: area.height - top,
            ..area
        };
        f.render_widget(
            Paragraph::new(msg)
                .alignment(Alignment::Center)
                .wrap(Wrap { trim: true }),
            r,
        );
        return;
    }
    let theme = app.theme;
    let lang = app.lang;
    // Status bar: what happened last; saving is always visible. A long message wraps
    // onto up to three lines rather than losing its end.
    let (text, style) = match &app.status {
        Some(s) => (
            match s.kind {
                StatusKind::Saved => format!("✓ {}", s.text),
                StatusKind::Error => format!("✗ {}", s.text),
                StatusKind::Info => s.text.clone(),
            },
            match s.kind {
                StatusKind::Saved => theme.ok(),
                StatusKind::Error => theme.error(),
                StatusKind::Info => theme.dim(),
            },
        ),
        None => (crate::t!(lang, "th-all-saved"), theme.dim()),
    };
    let status_lines: Vec<Line> = wrap(&text, area.width as usize)
        .into_iter()
        .take(3)
        .map(|l| Line::styled(l, style))
        .collect();
    let [main, status, help] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(status_lines.len() as u16),
        Constraint::Length(1),
    ])
    .areas(area);
    match &mut app.screen {
        Screen::Home(h) => home_view::draw(f, main, h, &theme, lang),
        Screen::Intake(s) => intake_view::draw(f, main, s, &theme, lang),
    }
    f.render_widget(Paragraph::new(status_lines), status);
    f.render_widget(
        Paragraph::new(key_bar(&keys::bar(app), help.width as usize, &theme)),
        help,
    );
    if app.show_help {
        draw_help(f, area, app);
    }
}

fn draw_help(f: &mut Frame, area: Rect, app: &mut App) {
    let theme = app.theme;
    let r = band(area, area.height);
    // Keys right-aligned in a column, descriptions wrapped beside them.
    let key_w = 15.min(r.width as usize / 3);
    let desc_w = (r.width as usize).saturating_sub(key_w + 4).max(8);
    let mut lines: Vec<Line> = Vec::new();
    for (k, d) in keys::all(app) {
        if k.is_empty() {
            for l in wrap(&d, r.width.saturating_sub(2) as usize) {
                lines.push(Line::styled(l, theme.title()));
            }
            continue;
        }
        let key_lines = wrap(&k, key_w);
        let desc_lines = wrap(&d, desc_w);
        for i in 0..key_lines.len().max(desc_lines.len()) {
            let kt = key_lines.get(i).map(String::as_str).unwrap_or("");
            let dt = desc_lines.get(i).cloned().unwrap_or_default();
            lines.push(Line::from(vec![
                Span::styled(format!("{kt:>key_w$}  "), theme.key()),
                Span::raw(dt),
            ]));
        }
    }
    // A short terminal scrolls the list (↑↓); the title says so, in the same words at
    // every size.
    let title = crate::t!(app.lang, "tv-keys-title");
    f.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus());
    // The title is text like any other: on a narrow screen it wraps above the list.
    let inner = block.inner(r);
    let title_lines = wrap(title.trim(), inner.width as usize);
    let [t_area, list_area] = Layout::vertical([
        Constraint::Length(title_lines.len() as u16),
        Constraint::Min(1),
    ])
    .areas(inner);
    let max_scroll = lines.len().saturating_sub(list_area.height as usize);
    app.help_scroll = app.help_scroll.min(max_scroll);
    f.render_widget(block, r);
    f.render_widget(
        Paragraph::new(
            title_lines
                .into_iter()
                .map(|l| Line::styled(l, theme.title()))
                .collect::<Vec<_>>(),
        ),
        t_area,
    );
    f.render_widget(
        Paragraph::new(lines).scroll((app.help_scroll as u16, 0)),
        list_area,
    );
}

/// The key bar: as many whole "key description" pairs as fit on the line, in the
/// order given; the last pair (`?` for the full list) always stays.
pub fn key_bar(bar: &[(String, String)], width: usize, theme: &Theme) -> Line<'static> {
    let cost = |(k, d): &(String, String)| k.width() + 2 + d.width() + 1;
    let Some((last, rest)) = bar.split_last() else {
        return Line::raw("");
    };
    let mut budget = width.saturating_sub(cost(last));
    let mut shown: Vec<&(String, String)> = Vec::new();
    for item in rest {
        if cost(item) > budget {
            break;
        }
        budget -= cost(item);
        shown.push(item);
    }
    if cost(last) <= width {
        shown.push(last);
    }
    let mut spans = Vec::new();
    for (k, d) in shown {
        spans.push(Span::styled(format!(" {k} "), theme.key()));
        spans.push(Span::raw(format!("{d} ")));
    }
    Line::from(spans)
}

/// A box across the whole width of `area`, centred vertically: it hides whole rows of
/// the screen behind it, never half a word.
pub fn band(area: Rect, height: u16) -> Rect {
    let h = height.min(area.height);
    Rect {
        x: area.x,
        y: area.y + (area.height - h) / 2,
        width: area.width,
        height: h,
    }
}

/// A centred box of the given size inside `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width.min(area.width);
    let h = height.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}
