//! Drawing the import (see `import`): the file-name and passphrase dialogs, the preview
//! of a merge, the conflict screen, the confirm and the result. Every stage fits 60x16
//! (text wraps, long lists scroll) and reads without colour (marks ● ○ ✓ ✗, not hues).

use super::import::{Confirm, ImportFlow, MergeView, Note, Stage};
use super::import_text::{label, shown};
use super::text::{truncate, wrap};
use super::theme::Theme;
use super::view::band;
use crate::form::Lang;
use crate::store::Side;
use crate::t;
use ratatui::Frame;
use ratatui::layout::{Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

pub fn draw(f: &mut Frame, area: Rect, flow: &mut ImportFlow, theme: &Theme, lang: Lang) {
    match flow.stage {
        Stage::Path | Stage::Passphrase => field_dialog(f, area, flow, theme, lang),
        Stage::Preview => {
            if let Some(m) = flow.merge.as_mut() {
                preview(f, area, m, flow.note.as_ref(), theme, lang);
            }
        }
        Stage::Conflicts => {
            if let Some(m) = flow.merge.as_mut() {
                conflicts(f, area, m, flow.note.as_ref(), theme, lang);
            }
        }
        Stage::Confirm(what) => {
            if let Some(m) = flow.merge.as_mut() {
                // The confirm stands over the screen it was asked from.
                if what == Confirm::Merge && !m.rows.is_empty() {
                    conflicts(f, area, m, None, theme, lang);
                } else {
                    preview(f, area, m, None, theme, lang);
                }
                let text = confirm_text(m, what, lang);
                message_box(f, area, &text, flow.note.as_ref(), theme.error(), theme);
            }
        }
        Stage::Done => {
            if let Some(r) = &flow.result {
                let text = format!(
                    "✓ {}\n\n{}",
                    r.message(lang),
                    t!(lang, "tui-import-done-keys")
                );
                message_box(f, area, &text, None, theme.ok(), theme);
            }
        }
    }
}

/// The lines of a note (an error with ✗), wrapped.
fn note_lines(note: Option<&Note>, width: usize, theme: &Theme) -> Vec<Line<'static>> {
    let Some(n) = note else { return vec![] };
    let (text, style) = if n.error {
        (format!("✗ {}", n.text), theme.error())
    } else {
        (n.text.clone(), theme.dim())
    };
    wrap(&text, width)
        .into_iter()
        .map(|l| Line::styled(l, style))
        .collect()
}

/// The file name or passphrase dialog: a prompt, the field, and what went wrong.
fn field_dialog(f: &mut Frame, area: Rect, flow: &ImportFlow, theme: &Theme, lang: Lang) {
    let inner_w = area.width.saturating_sub(4) as usize;
    let passphrase = flow.stage == Stage::Passphrase;
    let (title, prompt) = if passphrase {
        let file = super::import::bundle_path(flow.path.value())
            .map(|p| super::import::file_name(&p))
            .unwrap_or_default();
        (
            t!(lang, "tui-import-passphrase-title"),
            t!(lang, "tui-import-passphrase-prompt", file = file),
        )
    } else {
        (
            t!(lang, "tui-import-title"),
            t!(lang, "tui-import-path-prompt"),
        )
    };
    let mut lines: Vec<Line> = wrap(&prompt, inner_w).into_iter().map(Line::raw).collect();
    let field_row = lines.len();
    let field_w = inner_w.saturating_sub(1).max(1);
    let (shown, cursor) = if passphrase {
        // One mark per character; only the last ones when they do not fit.
        let n = flow.secret.chars().count();
        let marks = "•".repeat(n.min(field_w.saturating_sub(1)));
        let w = marks.width();
        (marks, w)
    } else {
        let scroll = flow.path.visual_scroll(field_w);
        let visible: String = flow.path.value().chars().skip(scroll).collect();
        let visible = crate::text::printable(&visible).into_owned();
        (
            truncate(&visible, field_w),
            flow.path.visual_cursor().saturating_sub(scroll),
        )
    };
    let pad = " ".repeat(field_w.saturating_sub(shown.width()));
    lines.push(Line::styled(
        format!("{shown}{pad}"),
        theme.value().add_modifier(Modifier::UNDERLINED),
    ));
    let note = note_lines(flow.note.as_ref(), inner_w, theme);
    if !note.is_empty() {
        lines.push(Line::raw(""));
        lines.extend(note);
    }
    let r = band(area, lines.len() as u16 + 2);
    f.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(format!(" {} ", title.trim()))
        .border_style(theme.border_focus())
        .padding(ratatui::widgets::Padding::horizontal(1));
    let inner = block.inner(r);
    if (field_row as u16) < inner.height {
        f.set_cursor_position(Position {
            x: inner.x + (cursor as u16).min(inner.width.saturating_sub(1)),
            y: inner.y + field_row as u16,
        });
    }
    f.render_widget(Paragraph::new(lines).block(block), r);
}

/// A box across the middle with a message (the confirm, the result).
fn message_box(
    f: &mut Frame,
    area: Rect,
    text: &str,
    note: Option<&Note>,
    border: Style,
    theme: &Theme,
) {
    let inner_w = area.width.saturating_sub(4) as usize;
    let mut lines: Vec<Line> = wrap(text, inner_w).into_iter().map(Line::raw).collect();
    let note = note_lines(note, inner_w, theme);
    if !note.is_empty() {
        lines.push(Line::raw(""));
        lines.extend(note);
    }
    let r = band(area, lines.len() as u16 + 2);
    f.render_widget(Clear, r);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(border)
        .padding(ratatui::widgets::Padding::horizontal(1));
    f.render_widget(Paragraph::new(lines).block(block), r);
}

fn confirm_text(m: &MergeView, what: Confirm, lang: Lang) -> String {
    let customer = crate::text::printable(&m.customer).into_owned();
    match what {
        Confirm::Merge => t!(
            lang,
            "tui-import-confirm-merge",
            id = m.id.to_string(),
            customer = customer,
            taken = m.plan.taken.len(),
            kept = m.plan.kept.len(),
            count = m.rows.len(),
            ours = m.count(Side::Ours),
            theirs = m.count(Side::Theirs)
        ),
        Confirm::AsNew => t!(
            lang,
            "tui-import-confirm-as-new",
            id = m.id.to_string(),
            customer = customer
        ),
    }
}

/// A full-screen frame with a title; returns the area inside.
fn frame(f: &mut Frame, area: Rect, title: &str, theme: &Theme) -> Rect {
    f.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .title(Span::styled(format!(" {} ", title.trim()), theme.title()))
        .border_style(theme.border_focus());
    let inner = block.inner(area);
    f.render_widget(block, area);
    Rect {
        x: inner.x + 1,
        width: inner.width.saturating_sub(2),
        ..inner
    }
}

/// `text` wrapped at `width` after an indent of `indent` columns on every line.
fn indented(text: &str, indent: usize, width: usize, style: Style) -> Vec<Line<'static>> {
    wrap(text, width.saturating_sub(indent).max(1))
        .into_iter()
        .map(|l| Line::styled(format!("{}{l}", " ".repeat(indent)), style))
        .collect()
}

/// What merging does: the answers taken from the file, those kept, the conflicts.
fn preview(
    f: &mut Frame,
    area: Rect,
    m: &mut MergeView,
    note: Option<&Note>,
    theme: &Theme,
    lang: Lang,
) {
    let title = t!(
        lang,
        "tui-import-preview-title",
        id = m.id.to_string(),
        customer = crate::text::printable(&m.customer).into_owned()
    );
    let inner = frame(f, area, &title, theme);
    let w = inner.width as usize;
    let mut lines = note_lines(note, w, theme);
    let intro = t!(
        lang,
        "tui-import-preview-intro",
        file = m.file.clone(),
        date = crate::i18n::fmt::date_short(m.bundle.exported_at.date(), lang)
    );
    lines.extend(indented(&intro, 0, w, Style::new()));
    let value = |key: &str, v: Option<&serde_json::Value>| shown(&m.form, key, v, lang);
    let name = |key: &str| label(&m.form, key, lang, m.self_filled);
    let section = |lines: &mut Vec<Line<'static>>, head: String, items: Vec<String>| {
        lines.push(Line::raw(""));
        lines.extend(indented(&head, 0, w, theme.title()));
        for item in items {
            lines.extend(indented(&item, 2, w, Style::new()));
        }
    };
    let order = |k: &str| super::import_text::form_order(&m.form, k);
    let mut taken: Vec<_> = m.plan.taken.iter().collect();
    taken.sort_by_cached_key(|(k, _)| order(k));
    let taken = taken
        .into_iter()
        .map(|(k, v)| format!("{}: {}", name(k), value(k, v.as_ref())))
        .collect::<Vec<_>>();
    section(
        &mut lines,
        t!(lang, "tui-import-taken-head", count = taken.len()),
        taken,
    );
    let mut kept: Vec<&String> = m.plan.kept.iter().collect();
    kept.sort_by_cached_key(|k| order(k));
    let kept = kept
        .into_iter()
        .map(|k| format!("{}: {}", name(k), value(k, m.ours.get(k))))
        .collect::<Vec<_>>();
    section(
        &mut lines,
        t!(lang, "tui-import-kept-head", count = kept.len()),
        kept,
    );
    let conflicts = m
        .rows
        .iter()
        .map(|r| name(&r.conflict.key))
        .collect::<Vec<_>>();
    section(
        &mut lines,
        t!(lang, "tui-import-conflicts-head", count = conflicts.len()),
        conflicts,
    );
    let max = lines.len().saturating_sub(inner.height as usize);
    m.scroll = m.scroll.min(max);
    f.render_widget(Paragraph::new(lines).scroll((m.scroll as u16, 0)), inner);
}

/// The conflict screen: per conflict its label, the value at export, ours and theirs,
/// and the side chosen; the cursor's row is kept on screen.
fn conflicts(
    f: &mut Frame,
    area: Rect,
    m: &mut MergeView,
    note: Option<&Note>,
    theme: &Theme,
    lang: Lang,
) {
    let title = t!(
        lang,
        "tui-import-conflicts-title",
        decided = m.rows.len() - m.undecided(),
        count = m.rows.len()
    );
    let inner = frame(f, area, &title, theme);
    let w = inner.width as usize;
    let head = note_lines(note, w, theme);
    // The explanation scrolls away with the rows: a short terminal keeps its room for them.
    let mut body: Vec<Line> = indented(&t!(lang, "tui-import-conflicts-intro"), 0, w, theme.dim());
    body.push(Line::raw(""));
    // The three value lines share one column after their names.
    let names = [
        t!(lang, "tui-import-at-export"),
        t!(lang, "tui-import-ours"),
        t!(lang, "tui-import-theirs"),
    ];
    let name_w = names.iter().map(|n| n.width()).max().unwrap_or(0) + 1;
    let mut spans_of_rows = Vec::new();
    for (i, row) in m.rows.iter().enumerate() {
        let start = body.len();
        let here = i == m.selected;
        let c = &row.conflict;
        let mark = match row.side {
            None => t!(lang, "tui-import-no-choice"),
            Some(Side::Ours) => format!("✓ {}", t!(lang, "tui-import-chose-ours")),
            Some(Side::Theirs) => format!("✓ {}", t!(lang, "tui-import-chose-theirs")),
        };
        let text = format!(
            "{}{}  [{mark}]",
            if here { "▶ " } else { "  " },
            label(&m.form, &c.key, lang, m.self_filled)
        );
        let style = if here {
            theme.selected()
        } else {
            theme.value()
        };
        for (n, l) in wrap(&text, w).into_iter().enumerate() {
            let l = if n == 0 { l } else { format!("  {l}") };
            body.push(Line::styled(l, style));
        }
        let values = [
            (None, &names[0], c.base.as_ref()),
            (Some(('o', Side::Ours)), &names[1], c.ours.as_ref()),
            (Some(('t', Side::Theirs)), &names[2], c.theirs.as_ref()),
        ];
        for (key, name, v) in values {
            let chosen = key.is_some_and(|(_, s)| row.side == Some(s));
            let lead = match key {
                None => "      ".to_string(),
                Some((k, _)) => format!("  {} {k} ", if chosen { "●" } else { "○" }),
            };
            let pad = " ".repeat(name_w.saturating_sub(name.width()));
            let prefix = format!("{lead}{name}{pad}");
            let indent = prefix.width();
            let shown = shown(&m.form, &c.key, v, lang);
            let value_w = w.saturating_sub(indent).max(1);
            let mut parts = wrap(&shown, value_w);
            if parts.len() > MAX_VALUE_LINES {
                parts.truncate(MAX_VALUE_LINES);
                let last = parts.pop().unwrap_or_default();
                parts.push(truncate(&format!("{last} …"), value_w));
            }
            let style = if key.is_none() {
                theme.dim()
            } else if chosen {
                theme.value()
            } else {
                Style::new()
            };
            for (n, p) in parts.into_iter().enumerate() {
                let first = if n == 0 {
                    Span::styled(prefix.clone(), style)
                } else {
                    Span::raw(" ".repeat(indent))
                };
                body.push(Line::from(vec![first, Span::styled(p, style)]));
            }
        }
        body.push(Line::raw(""));
        spans_of_rows.push((start, body.len()));
    }
    // Follow the cursor: its whole row on screen where it fits.
    let room = (inner.height as usize).saturating_sub(head.len()).max(1);
    if let Some(&(start, end)) = spans_of_rows.get(m.selected) {
        if start < m.top {
            m.top = start;
        } else if end > m.top + room {
            m.top = (end - room).min(start);
        }
    }
    m.top = m.top.min(body.len().saturating_sub(room));
    let mut lines = head;
    lines.extend(body.into_iter().skip(m.top).take(room));
    f.render_widget(Paragraph::new(lines), inner);
}

/// A long answer on the conflict screen shows this many lines, then `…`.
const MAX_VALUE_LINES: usize = 3;
