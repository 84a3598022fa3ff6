//! Drawing the questions of the current section (or repeat entry): each question is a
//! block of wrapped lines; the focused block is kept in view, and the screen areas of
//! blocks and picker lines are recorded for mouse clicks.

use super::intake::IntakeScreen;
use super::section_head::{head_lines, intro_lines};
use super::text::{truncate, wrap};
use super::theme::Theme;
use crate::form::{Kind, Lang, Question, Required};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

/// Indent of values, editors and messages under a label.
const INDENT: &str = "    ";

/// One question as drawn: its lines and where the interesting parts are.
struct Block {
    lines: Vec<Line<'static>>,
    /// (line, column) of the text cursor of an open editor.
    cursor: Option<(usize, u16)>,
    /// Line of the first choice of an open picker.
    choices_at: Option<usize>,
    /// The line that must be visible (the picker's cursor line).
    interest: usize,
}

pub fn draw(
    f: &mut Frame,
    area: Rect,
    s: &mut IntakeScreen,
    theme: &Theme,
    lang: Lang,
    self_filled: bool,
    no_sidebar: bool,
) {
    // The last column is kept for the scroll arrows (↑ ↓), so they never cover text.
    let width = area.width.saturating_sub(1) as usize;
    let head = head_lines(s, theme, lang, width, no_sidebar);
    let intro = intro_lines(s, theme, lang, width);
    // A blank line under the head, unless the introduction follows (it ends in one).
    let gap = u16::from(intro.is_empty());
    let head_h = (head.len() as u16 + gap).min(area.height / 2).max(1);
    let [h_area, q_area] =
        Layout::vertical([Constraint::Length(head_h), Constraint::Min(1)]).areas(area);
    f.render_widget(Paragraph::new(head), h_area);

    let rows = s.rows();
    let blocks: Vec<Block> = rows
        .iter()
        .enumerate()
        .map(|(pos, &qi)| block(s, pos, qi, theme, lang, self_filled, width))
        .collect();
    s.question_rows.clear();
    s.choice_rows.clear();
    if rows.is_empty() {
        let mut lines = intro;
        if s.entries() > 0 {
            lines.push(Line::styled(
                crate::t!(lang, "ti-no-questions"),
                theme.dim(),
            ));
        }
        f.render_widget(Paragraph::new(lines), q_area);
        return;
    }

    // Lay the blocks out as one column of lines and scroll it so the focused block
    // (or at least its interesting line) is in view, moving as little as possible.
    // The section's introduction comes first and scrolls away with the questions.
    let starts: Vec<usize> = blocks
        .iter()
        .scan(intro.len(), |acc, b| {
            let st = *acc;
            *acc += b.lines.len();
            Some(st)
        })
        .collect();
    let total: usize = intro.len() + blocks.iter().map(|b| b.lines.len()).sum::<usize>();
    let h = q_area.height as usize;
    let focus = s.focus.min(blocks.len() - 1);
    let (f_start, f_len) = (starts[focus], blocks[focus].lines.len());
    let mut top = if s.q_scroll_at == (s.section, s.entry) {
        s.q_scroll
    } else {
        0
    };
    if f_len <= h {
        // Near the top, show the introduction above the focus when it all fits.
        if f_start + f_len <= h {
            top = 0;
        } else if f_start < top {
            top = f_start;
        } else if f_start + f_len > top + h {
            top = f_start + f_len - h;
        }
    } else {
        let interest = f_start + blocks[focus].interest;
        top = if interest < top || interest >= top + h {
            interest.saturating_sub(h / 2).max(f_start)
        } else {
            top
        };
    }
    top = top.min(total.saturating_sub(h));
    s.q_scroll = top;
    s.q_scroll_at = (s.section, s.entry);

    let mut lines: Vec<Line> = Vec::with_capacity(h);
    lines.extend(intro.iter().skip(top).take(h).cloned());
    for (bi, b) in blocks.iter().enumerate() {
        let (b_start, b_end) = (starts[bi], starts[bi] + b.lines.len());
        let (vis_start, vis_end) = (b_start.max(top), b_end.min(top + h));
        if vis_start >= vis_end {
            continue;
        }
        let y = q_area.y + (vis_start - top) as u16;
        s.question_rows.push((
            Rect {
                x: q_area.x,
                y,
                width: q_area.width,
                height: (vis_end - vis_start) as u16,
            },
            bi,
        ));
        if let Some(c0) = b.choices_at {
            for line in (b_start + c0).max(vis_start)..vis_end {
                let r = Rect {
                    x: q_area.x,
                    y: q_area.y + (line - top) as u16,
                    width: q_area.width,
                    height: 1,
                };
                s.choice_rows.push((r, line - b_start - c0));
            }
        }
        if let Some((cl, col)) = b.cursor
            && (vis_start..vis_end).contains(&(b_start + cl))
        {
            let y = q_area.y + (b_start + cl - top) as u16;
            f.set_cursor_position(Position {
                x: q_area.x + col.min(q_area.width.saturating_sub(1)),
                y,
            });
        }
        lines.extend(
            b.lines[vis_start - b_start..vis_end - b_start]
                .iter()
                .cloned(),
        );
    }
    f.render_widget(Paragraph::new(lines), q_area);
    // Arrows say there is more than fits.
    let right = q_area.x + q_area.width.saturating_sub(1);
    if top > 0 {
        f.render_widget(
            Paragraph::new("↑").style(theme.dim()),
            Rect {
                x: right,
                y: q_area.y,
                width: 1,
                height: 1,
            },
        );
    }
    if top + h < total {
        f.render_widget(
            Paragraph::new("↓").style(theme.dim()),
            Rect {
                x: right,
                y: q_area.y + q_area.height - 1,
                width: 1,
                height: 1,
            },
        );
    }
}

fn label_of(q: &Question, lang: Lang, self_filled: bool, required: bool) -> String {
    let mut l = q.label_for(lang, self_filled).to_string();
    if required || matches!(q.required, Required::Yes) && q.kind.is_input() {
        l.push_str(" *");
    }
    l
}

fn block(
    s: &IntakeScreen,
    pos: usize,
    qi: usize,
    theme: &Theme,
    lang: Lang,
    self_filled: bool,
    width: usize,
) -> Block {
    let q = s.question(qi);
    let item = &s.eval.sections[s.section].items[s.entry][qi];
    let focused = pos == s.focus;
    let mut b = Block {
        lines: Vec::new(),
        cursor: None,
        choices_at: None,
        interest: 0,
    };
    let text_w = width.saturating_sub(INDENT.len()).max(10);
    if q.kind == Kind::Note {
        for l in wrap(
            q.label_for(lang, self_filled),
            width.saturating_sub(2).max(10),
        ) {
            b.lines.push(Line::styled(format!("  {l}"), theme.dim()));
        }
        return b;
    }
    // The label, wrapped, with the marker of the focus and the mark of its state.
    let mark = if item.error.is_some() {
        Span::styled(" ✗", theme.error())
    } else if item.missing() {
        Span::styled(" •", theme.warning())
    } else {
        Span::raw("")
    };
    let lstyle = if focused {
        theme.selected()
    } else {
        Style::new().add_modifier(Modifier::BOLD)
    };
    let label = wrap(
        &label_of(q, lang, self_filled, item.required),
        width.saturating_sub(4).max(10),
    );
    let last = label.len() - 1;
    for (i, l) in label.into_iter().enumerate() {
        let lead = if i == 0 && focused { "▶ " } else { "  " };
        let mut spans = vec![Span::raw(lead), Span::styled(l, lstyle)];
        if i == last {
            spans.push(mark.clone());
        }
        b.lines.push(Line::from(spans));
    }
    let msg = |b: &mut Block, prefix: &str, text: &str, style: Style| {
        for (i, l) in wrap(&format!("{prefix} {text}"), text_w)
            .into_iter()
            .enumerate()
        {
            let pad = if i == 0 { INDENT } else { "      " };
            b.lines.push(Line::styled(format!("{pad}{l}"), style));
        }
    };
    match (&s.editor, &s.picker) {
        (Some(ed), _) if focused && ed.question == qi && ed.lines.is_some() => {
            // The multi-line editor: every line underlined to the field's width.
            let (rows, (line, col)) = ed
                .lines
                .as_ref()
                .map(|m| m.view(text_w))
                .unwrap_or_default();
            let field = theme.value().add_modifier(Modifier::UNDERLINED);
            let first = b.lines.len();
            for r in rows {
                let pad = " ".repeat(text_w.saturating_sub(r.width()));
                b.lines.push(Line::from(vec![
                    Span::raw(INDENT),
                    Span::styled(format!("{r}{pad}"), field),
                ]));
            }
            b.cursor = Some((first + line, (INDENT.len() + col) as u16));
            b.interest = first + line;
            if let Some(e) = &ed.error {
                msg(&mut b, "✗", e.get(lang), theme.error());
            }
        }
        (Some(ed), _) if focused && ed.question == qi => {
            let unit = q
                .unit
                .as_deref()
                .map(|u| format!(" {u}"))
                .unwrap_or_default();
            let field_w = field_width(q.kind)
                .min(text_w.saturating_sub(unit.width() + 1))
                .max(4);
            let scroll = ed.input.visual_scroll(field_w);
            let shown: String = ed.input.value().chars().skip(scroll).collect();
            let mut shown = truncate(&shown, field_w);
            // Text scrolled out on the left is marked, as `…` marks it on the right.
            if scroll > 0 {
                shown.replace_range(..shown.chars().next().map_or(0, char::len_utf8), "…");
            }
            let pad = " ".repeat(field_w.saturating_sub(shown.width()));
            // The field is underlined to its full width, so it reads as a field also
            // without colour.
            let field = theme.value().add_modifier(Modifier::UNDERLINED);
            b.lines.push(Line::from(vec![
                Span::raw(INDENT),
                Span::styled(format!("{shown}{pad}"), field),
                Span::styled(unit, theme.dim()),
            ]));
            b.cursor = Some((
                b.lines.len() - 1,
                (INDENT.len() + ed.input.visual_cursor().saturating_sub(scroll)) as u16,
            ));
            b.interest = b.lines.len() - 1;
            if let Some(e) = &ed.error {
                msg(&mut b, "✗", e.get(lang), theme.error());
            } else if !ed.input.value().trim().is_empty() {
                msg(
                    &mut b,
                    "✓",
                    &crate::t!(
                        lang,
                        "ti-enter-to-save",
                        enter = crate::t!(lang, "kc-enter")
                    ),
                    theme.ok(),
                );
            }
        }
        (_, Some(p)) if focused && p.question == qi => {
            // The ticks shown are the picker's own: saved only with Enter or Tab.
            b.choices_at = Some(b.lines.len());
            for (ci, (id, label)) in s.picker_options(qi, lang).into_iter().enumerate() {
                let on = p.chosen.contains(&id);
                let boxm = match (q.kind, on) {
                    (Kind::MultiChoice, true) => "[x]",
                    (Kind::MultiChoice, false) => "[ ]",
                    (_, true) => "(•)",
                    (_, false) => "( )",
                };
                let here = ci == p.cursor;
                if here {
                    b.interest = b.lines.len();
                }
                let st = if here { theme.selected() } else { Style::new() };
                let text = truncate(
                    &format!("{} {boxm} {}", if here { "›" } else { " " }, label),
                    text_w.saturating_sub(1) + 3,
                );
                b.lines
                    .push(Line::from(vec![Span::raw("  "), Span::styled(text, st)]));
            }
        }
        _ => {
            if item.value.is_null() {
                b.lines.push(Line::styled(
                    format!("{INDENT}{}", placeholder(q, lang)),
                    theme.dim(),
                ));
            } else {
                let shown = q.display(&item.value, lang);
                let calc = if q.kind == Kind::Calculated {
                    format!("  ({})", crate::t!(lang, "ti-calculated"))
                } else {
                    String::new()
                };
                let lines = wrap(&shown, text_w);
                let last = lines.len() - 1;
                for (i, l) in lines.into_iter().enumerate() {
                    let mut spans = vec![Span::raw(INDENT), Span::styled(l, theme.value())];
                    if i == last && !calc.is_empty() {
                        spans.push(Span::styled(calc.clone(), theme.dim()));
                    }
                    b.lines.push(Line::from(spans));
                }
            }
            if let Some(e) = &item.error {
                msg(&mut b, "✗", e.get(lang), theme.error());
            } else if let Some(w) = &item.warning {
                msg(&mut b, "!", w.get(lang), theme.warning());
            }
        }
    }
    b
}

/// Short values get a short field, so a unit stands next to the number.
fn field_width(kind: Kind) -> usize {
    match kind {
        Kind::Integer | Kind::Decimal | Kind::Date => 14,
        Kind::PostcodeNl | Kind::Kvk => 12,
        Kind::MobileNl | Kind::VatNl => 18,
        Kind::Iban => 36,
        _ => usize::MAX,
    }
}

fn placeholder(q: &Question, lang: Lang) -> String {
    let example = match q.kind {
        Kind::Date => crate::t!(lang, "ti-example-date"),
        Kind::YesNo => "y/n".into(),
        Kind::SingleChoice | Kind::MultiChoice => {
            crate::t!(
                lang,
                "ti-example-choose",
                enter = crate::t!(lang, "kc-enter")
            )
        }
        Kind::Iban => crate::t!(lang, "ti-example-iban"),
        Kind::MobileNl => "06 12345678".into(),
        Kind::PostcodeNl => crate::t!(lang, "ti-example-postcode"),
        Kind::Calculated => crate::t!(lang, "ti-calculated"),
        _ => return "—".into(),
    };
    format!("— ({example})")
}
