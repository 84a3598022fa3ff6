//! Drawing the intake screen: sidebar, questions, help pane, review list.

use super::home_view::progress_bar;
use super::intake::{IntakeScreen, View};
use super::questions_view;
use super::text::{plain_links, truncate, wrap};
use super::theme::Theme;
use super::view::band;
use crate::form::Lang;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

pub fn draw(f: &mut Frame, area: Rect, s: &mut IntakeScreen, theme: &Theme, lang: Lang) {
    let [top, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let self_filled = s.mode() == crate::workspace::Mode::SelfFilled;
    f.render_widget(Paragraph::new(header(s, theme, lang, top.width)), top);
    // Below 80 columns the sidebar gives way to the question (`b` shows or hides it
    // at any width that leaves the question room); the section head then says where
    // in the form the user is.
    let wanted = s.sidebar.unwrap_or(body.width >= SIDEBAR_FROM);
    let sidebar_w = if wanted && body.width >= SIDEBAR_MIN {
        26.min(body.width / 3)
    } else {
        0
    };
    s.sidebar_shown = sidebar_w > 0;
    let wide = body.width >= 110;
    let [side, rest] =
        Layout::horizontal([Constraint::Length(sidebar_w), Constraint::Min(20)]).areas(body);
    let (main, help) = if wide {
        let [m, h] = Layout::horizontal([Constraint::Min(30), Constraint::Length(36)]).areas(rest);
        (m, h)
    } else {
        let hh = if rest.height > 20 { 7 } else { 5 };
        let [m, h] = Layout::vertical([Constraint::Min(6), Constraint::Length(hh)]).areas(rest);
        (m, h)
    };
    s.sidebar_rows.clear();
    if sidebar_w > 0 {
        draw_sidebar(f, side, s, theme, lang);
    }
    match s.view {
        View::Form => questions_view::draw(f, main, s, theme, lang, self_filled, sidebar_w == 0),
        View::Review => draw_review(f, main, s, theme, lang),
        // These screens have no question to explain: they take the help pane's room too.
        View::Probes => {
            if let Some(p) = &mut s.probes {
                p.draw(f, rest, theme, lang)
            }
        }
        View::Proposal => {
            if let Some(p) = &s.proposal {
                p.draw(f, rest, theme, lang)
            }
        }
    }
    if matches!(s.view, View::Form | View::Review) {
        draw_help(f, help, s, theme, lang);
    }
    if s.jump.is_some() {
        super::intake_jump_view::draw(f, area, s, theme, lang);
    }
    if s.confirm_remove {
        let r = band(area, 5);
        f.render_widget(Clear, r);
        let item = s.loaded.form.sections[s.section]
            .repeat
            .as_ref()
            .map(|r| r.item.get(lang).to_string())
            .unwrap_or_default();
        let text = crate::t!(
            lang,
            "ti-remove-entry",
            item = super::text::in_sentence(&item),
            number = (s.entry + 1).to_string()
        );
        f.render_widget(
            Paragraph::new(text).wrap(Wrap { trim: true }).block(
                Block::default()
                    .borders(Borders::ALL)
                    .border_style(theme.error()),
            ),
            r,
        );
    }
}

fn draw_sidebar(f: &mut Frame, area: Rect, s: &mut IntakeScreen, theme: &Theme, lang: Lang) {
    let block = Block::default()
        .borders(Borders::RIGHT)
        .border_style(theme.border());
    let inner = block.inner(area);
    f.render_widget(block, area);
    let bottom = inner.y + inner.height;
    for (y, si) in (inner.y..bottom).zip(s.visible_sections()) {
        let sec = &s.loaded.form.sections[si];
        let st = &s.eval.sections[si];
        let (answered, asked) = section_counts(s, si);
        // State by mark, never by colour alone: ✗ errors, • something required is
        // missing, ✓ nothing required missing and something given, blank when an
        // optional section is untouched.
        let mark = if st.errors > 0 {
            "✗"
        } else if st.missing > 0 {
            "•"
        } else if st.required > 0 || answered > 0 {
            "✓"
        } else {
            " "
        };
        let current = si == s.section && s.view == View::Form;
        let count = if sec.repeat.is_some() {
            format!("{}×", st.instances)
        } else {
            format!("{answered}/{asked}")
        };
        let name_w = (inner.width as usize).saturating_sub(count.width() + 4);
        let name = truncate(sec.title.get(lang), name_w);
        let pad = name_w.saturating_sub(name.width());
        let style = if current {
            theme.selected()
        } else if st.errors > 0 {
            theme.error()
        } else if st.missing == 0 && st.required > 0 {
            theme.ok()
        } else {
            ratatui::style::Style::new()
        };
        let r = Rect {
            x: inner.x,
            y,
            width: inner.width,
            height: 1,
        };
        let text = format!(
            "{}{mark} {name}{} {count}",
            if current { "▶" } else { " " },
            " ".repeat(pad)
        );
        f.render_widget(Paragraph::new(Line::styled(text, style)), r);
        s.sidebar_rows.push((r, si));
    }
}

fn draw_review(f: &mut Frame, area: Rect, s: &mut IntakeScreen, theme: &Theme, lang: Lang) {
    let problems = s.problems();
    let width = area.width as usize;
    let mut head = vec![Line::styled(
        crate::t!(lang, "tv-review-title"),
        theme.title(),
    )];
    let instruction = if problems.is_empty() {
        (crate::t!(lang, "tv-review-done"), theme.ok())
    } else {
        (
            crate::t!(lang, "tv-review-open", count = problems.len()),
            Style::new(),
        )
    };
    head.extend(
        wrap(&instruction.0, width)
            .into_iter()
            .map(|l| Line::styled(l, instruction.1)),
    );
    let head_h = (head.len() as u16 + 1).min(area.height);
    f.render_widget(
        Paragraph::new(head),
        Rect {
            height: head_h,
            ..area
        },
    );
    let list = Rect {
        y: area.y + head_h,
        height: area.height.saturating_sub(head_h),
        ..area
    };
    s.review_rows.clear();
    let mode_self = s.mode() == crate::workspace::Mode::SelfFilled;
    // Every problem wraps to as many lines as it needs, indented under its marker.
    let items: Vec<Vec<String>> = problems
        .iter()
        .map(|p| {
            let sec = &s.loaded.form.sections[p.section];
            let q = &sec.questions[p.question];
            let what = match &p.message {
                Some(m) if p.warning => format!("! {}", m.get(lang)),
                Some(m) => format!("✗ {}", m.get(lang)),
                None => crate::t!(lang, "tv-review-missing"),
            };
            let entry = if sec.repeat.is_some() {
                format!(" {}", p.entry + 1)
            } else {
                String::new()
            };
            wrap(
                &format!(
                    "{}{entry} › {} — {what}",
                    sec.title.get(lang),
                    q.label_for(lang, mode_self)
                ),
                width.saturating_sub(2).max(1),
            )
        })
        .collect();
    let h = list.height as usize;
    // The first item shown: the selected one must fit, with as many before it as fit.
    let mut start = s.review_sel.min(items.len().saturating_sub(1));
    let mut used = items.get(start).map_or(0, Vec::len);
    while start > 0 && used + items[start - 1].len() <= h {
        start -= 1;
        used += items[start].len();
    }
    let mut y = list.y;
    for (i, lines) in items.iter().enumerate().skip(start) {
        if y >= list.y + list.height {
            break;
        }
        let style = if i == s.review_sel {
            theme.selected()
        } else if problems[i].warning {
            theme.warning()
        } else if problems[i].message.is_some() {
            theme.error()
        } else {
            Style::new()
        };
        let shown = lines.len().min((list.y + list.height - y) as usize);
        let text: Vec<Line> = lines[..shown]
            .iter()
            .enumerate()
            .map(|(li, l)| {
                let marker = if li == 0 && i == s.review_sel {
                    "▶ "
                } else {
                    "  "
                };
                Line::styled(format!("{marker}{l}"), style)
            })
            .collect();
        let r = Rect {
            x: list.x,
            y,
            width: list.width,
            height: shown as u16,
        };
        f.render_widget(Paragraph::new(text), r);
        s.review_rows.push((r, i));
        y += shown as u16;
    }
}

fn draw_help(f: &mut Frame, area: Rect, s: &mut IntakeScreen, theme: &Theme, lang: Lang) {
    let width = area.width.saturating_sub(2) as usize;
    let mut lines: Vec<Line> = Vec::new();
    let focused = match s.view {
        View::Form => s.focused().map(|qi| (s.section, qi)),
        View::Probes | View::Proposal => None,
        View::Review => s
            .problems()
            .get(s.review_sel)
            .map(|p| (p.section, p.question)),
    };
    let mut push = |text: &str, style: Style| {
        lines.extend(
            wrap(text, width)
                .into_iter()
                .map(|l| Line::styled(l, style)),
        )
    };
    if let Some((si, qi)) = focused {
        let q = &s.loaded.form.sections[si].questions[qi];
        // Blank lines separate the parts; none above the first.
        let mut first = true;
        if let Some(h) = &q.hint {
            push(h.get(lang), Style::new());
            first = false;
        }
        if !s.loaded.orphans.is_empty() {
            push(
                &crate::t!(lang, "tv-orphans", count = s.loaded.orphans.len()),
                theme.dim(),
            );
            first = false;
        }
        for n in &q.faq {
            if let Some((title, body)) = crate::faq::section(n) {
                if !first {
                    push("", Style::new());
                }
                push(
                    &crate::t!(lang, "ti-faq-head", number = n.as_str(), title = title),
                    theme.title(),
                );
                push(&plain_links(&body), theme.dim());
                first = false;
            }
        }
    }
    // The pane scrolls (Shift-↑↓) and starts at the top again for another question.
    let here = (s.section, s.entry, focused.map_or(usize::MAX, |(_, q)| q));
    if s.help_pane_at != here {
        s.help_pane_at = here;
        s.help_pane_scroll = 0;
    }
    let inner_h = area.height.saturating_sub(2) as usize;
    let max_scroll = lines.len().saturating_sub(inner_h);
    s.help_pane_scroll = s.help_pane_scroll.min(max_scroll);
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(format!(" {} ", crate::t!(lang, "tv-help-title")));
    if max_scroll > 0 {
        let more = match (s.help_pane_scroll > 0, s.help_pane_scroll < max_scroll) {
            (false, _) => "↓",
            (true, true) => "↑↓",
            (true, false) => "↑",
        };
        let shift = crate::t!(lang, "kc-shift");
        block = block.title_bottom(Line::styled(format!(" {shift}-{more} "), theme.dim()));
    }
    f.render_widget(
        Paragraph::new(lines)
            .scroll((s.help_pane_scroll as u16, 0))
            .block(block),
        area,
    );
}

/// From this terminal width on the intake screen has a sidebar of sections.
pub const SIDEBAR_FROM: u16 = 80;
/// Below this width the sidebar is never shown: the question needs the room.
const SIDEBAR_MIN: u16 = 50;

/// Answered and asked (visible, answerable) questions of section `si`, over all its
/// entries.
pub fn section_counts(s: &IntakeScreen, si: usize) -> (usize, usize) {
    let st = &s.eval.sections[si];
    if !st.visible {
        return (0, 0);
    }
    let sec = &s.loaded.form.sections[si];
    let asked = st
        .items
        .iter()
        .flat_map(|row| row.iter().zip(&sec.questions))
        .filter(|(it, q)| it.visible && q.kind.is_input())
        .count();
    (st.answered, asked)
}

/// The screen's top line: who, how far, and how — in that order of importance. Parts
/// that do not fit are left out whole, never cut.
fn header(s: &IntakeScreen, theme: &Theme, lang: Lang, width: u16) -> Line<'static> {
    let (answered, asked) = (0..s.loaded.form.sections.len())
        .map(|si| section_counts(s, si))
        .fold((0, 0), |(a, n), (x, y)| (a + x, n + y));
    let missing = s.eval.total_missing();
    let name_w = (width as usize / 3).clamp(12, 30);
    let who = format!(" #{} {}", s.id, truncate(&s.loaded.record.customer, name_w));
    // (priority, text, style): lower priority numbers stay longest.
    let parts = [
        (0, who, theme.title()),
        (
            1,
            format!(" {}", progress_bar(s.eval.progress_percent())),
            Style::new(),
        ),
        (
            2,
            format!(
                " · {}",
                crate::t!(lang, "tv-answered", answered = answered, asked = asked)
            ),
            Style::new(),
        ),
        (
            3,
            format!(
                " · {}",
                crate::t!(lang, "tv-required-open", count = missing)
            ),
            Style::new(),
        ),
        (4, format!(" — {}", s.mode().label(lang)), theme.dim()),
        (
            5,
            format!(
                " — {}",
                super::home_view::status_label(s.loaded.record.status, lang)
            ),
            theme.dim(),
        ),
    ];
    let mut keep = parts.len();
    while keep > 1
        && parts
            .iter()
            .filter(|p| p.0 < keep)
            .map(|p| p.1.width())
            .sum::<usize>()
            > width as usize
    {
        keep -= 1;
    }
    // Shown in reading order: who, how, status, then progress.
    let order = [0, 4, 5, 1, 2, 3];
    let mut spans = Vec::new();
    for i in order {
        let (prio, text, style) = &parts[i];
        if *prio < keep {
            spans.push(Span::styled(text.clone(), *style));
        }
    }
    Line::from(spans)
}
