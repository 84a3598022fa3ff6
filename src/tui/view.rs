//! Top-level drawing: the current screen, the status and help bars, overlays, and
//! the message shown when the terminal is too small.

use super::app::{App, MIN_HEIGHT, MIN_WIDTH, Screen, StatusKind};
use super::home::tr;
use super::{home_view, intake_view, keys};
use ratatui::Frame;
use ratatui::layout::{Alignment, Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

pub fn draw(app: &mut App, f: &mut Frame) {
    let area = f.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = tr(
            app.lang,
            &format!(
                "Het venster is te klein ({}×{}).\nMaak het minstens {MIN_WIDTH}×{MIN_HEIGHT}.\n\nCtrl-C: stoppen (alles is opgeslagen)",
                area.width, area.height
            ),
            &format!(
                "The window is too small ({}×{}).\nMake it at least {MIN_WIDTH}×{MIN_HEIGHT}.\n\nCtrl-C: quit (everything is saved)",
                area.width, area.height
            ),
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
    let [main, status, help] = Layout::vertical([
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let theme = app.theme;
    let lang = app.lang;
    match &mut app.screen {
        Screen::Home(h) => home_view::draw(f, main, h, &theme, lang),
        Screen::Intake(s) => intake_view::draw(f, main, s, &theme, lang),
    }
    // Status bar: what happened last; saving is always visible.
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
        None => (
            tr(
                lang,
                "Alles wordt direct opgeslagen.",
                "Everything is saved as you go.",
            ),
            theme.dim(),
        ),
    };
    f.render_widget(Paragraph::new(Line::styled(text, style)), status);
    let bar = keys::bar(app);
    let mut spans = Vec::new();
    for (k, d) in bar {
        spans.push(Span::styled(format!(" {k} "), theme.key()));
        spans.push(Span::raw(format!("{d} ")));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), help);
    if app.show_help {
        draw_help(f, area, app);
    }
}

fn draw_help(f: &mut Frame, area: Rect, app: &mut App) {
    let theme = app.theme;
    let lines: Vec<Line> = keys::all(app)
        .into_iter()
        .map(|(k, d)| {
            if k.is_empty() {
                Line::styled(d, theme.title())
            } else {
                Line::from(vec![
                    Span::styled(format!("{k:>15}  "), theme.key()),
                    Span::raw(d),
                ])
            }
        })
        .collect();
    let r = centered(area, 76, lines.len() as u16 + 2);
    // A short terminal scrolls the list (↑↓); the title says so.
    let inner_h = r.height.saturating_sub(2) as usize;
    let max_scroll = lines.len().saturating_sub(inner_h);
    app.help_scroll = app.help_scroll.min(max_scroll);
    let title = if max_scroll > 0 {
        tr(
            app.lang,
            " Toetsen — ↑↓ bladeren, andere toets sluit ",
            " Keys — ↑↓ scroll, any other key closes ",
        )
    } else {
        tr(
            app.lang,
            " Toetsen — druk op een toets om te sluiten ",
            " Keys — press any key to close ",
        )
    };
    f.render_widget(Clear, r);
    f.render_widget(
        Paragraph::new(lines)
            .scroll((app.help_scroll as u16, 0))
            .block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(title)
                    .border_style(theme.border_focus()),
            ),
        r,
    );
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
