//! Drawing the section list (`s`): each visible section with the key that opens it,
//! the cursor marked by ▶ as well as by colour, scrolled to keep the cursor in view.

use super::intake::IntakeScreen;
use super::intake_jump::jump_label;
use super::text::truncate;
use super::theme::Theme;
use super::view::band;
use crate::form::Lang;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

pub fn draw(f: &mut Frame, area: Rect, s: &IntakeScreen, theme: &Theme, lang: Lang) {
    let Some(cur) = s.jump else { return };
    let vis = s.visible_sections();
    // Across the whole width: the screen behind keeps whole rows, never half words.
    let r = band(area, vis.len() as u16 + 2);
    f.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border_focus())
        .title(format!(" {} ", crate::t!(lang, "tui-jump-title")));
    let inner = block.inner(r);
    f.render_widget(block, r);
    let h = inner.height as usize;
    let start = cur.saturating_sub(h.saturating_sub(1));
    let lines: Vec<Line> = vis
        .iter()
        .enumerate()
        .skip(start)
        .take(h)
        .map(|(i, &si)| {
            let here = i == cur;
            let text = format!(
                "{}{} {}",
                if here { "▶ " } else { "  " },
                jump_label(i),
                s.loaded.form.sections[si].title.get(lang)
            );
            let text = truncate(&text, inner.width as usize);
            if here {
                Line::styled(text, theme.selected())
            } else {
                Line::raw(text)
            }
        })
        .collect();
    f.render_widget(Paragraph::new(lines), inner);
}
