//! Drawing the intake screen: sidebar, questions, help pane, review list.

use super::home::tr;
use super::home_view::progress_bar;
use super::intake::{IntakeScreen, View};
use super::theme::Theme;
use super::view::centered;
use crate::form::{Kind, Lang, Question, Required, Value};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

pub fn draw(f: &mut Frame, area: Rect, s: &mut IntakeScreen, theme: &Theme, lang: Lang) {
    let [top, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let self_filled = s.mode() == crate::workspace::Mode::SelfFilled;
    let title = Line::from(vec![
        Span::styled(
            format!(" #{} {} ", s.id, s.loaded.record.customer),
            theme.title(),
        ),
        Span::styled(
            format!(
                "— {} — {} ",
                s.mode().label(lang),
                super::home_view::status_label(s.loaded.record.status, lang)
            ),
            theme.dim(),
        ),
        Span::raw(progress_bar(s.eval.progress_percent())),
    ]);
    f.render_widget(Paragraph::new(title), top);
    let sidebar_w = 26.min(body.width / 3);
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
    draw_sidebar(f, side, s, theme, lang);
    match s.view {
        View::Form => draw_questions(f, main, s, theme, lang, self_filled),
        View::Review => draw_review(f, main, s, theme, lang),
    }
    draw_help(f, help, s, theme, lang);
    if s.confirm_remove {
        let r = centered(area, 50, 5);
        f.render_widget(Clear, r);
        let item = s.loaded.form.sections[s.section]
            .repeat
            .as_ref()
            .map(|r| r.item.get(lang).to_string())
            .unwrap_or_default();
        let text = tr(
            lang,
            &format!(
                "{item} {} verwijderen met alle antwoorden?\ny = ja, andere toets = nee",
                s.entry + 1
            ),
            &format!(
                "Remove {item} {} with all its answers?\ny = yes, any other key = no",
                s.entry + 1
            ),
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
    s.sidebar_rows.clear();
    let mut y = inner.y;
    for si in s.visible_sections() {
        if y >= inner.y + inner.height {
            break;
        }
        let sec = &s.loaded.form.sections[si];
        let st = &s.eval.sections[si];
        let mark = if st.errors > 0 {
            "!"
        } else if st.missing == 0 && st.required > 0 {
            "✓"
        } else if st.missing == 0 {
            "·"
        } else {
            " "
        };
        let count = if sec.repeat.is_some() {
            format!("{}×", st.instances)
        } else {
            format!("{}/{}", st.required - st.missing, st.required)
        };
        let name_w = inner.width.saturating_sub(count.width() as u16 + 3) as usize;
        let name: String = truncate(sec.title.get(lang), name_w);
        let pad = name_w.saturating_sub(name.width());
        let style = if si == s.section && s.view == View::Form {
            theme.selected()
        } else if st.errors > 0 {
            theme.error()
        } else if st.missing == 0 {
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
        f.render_widget(
            Paragraph::new(Line::styled(
                format!("{mark} {name}{} {count}", " ".repeat(pad)),
                style,
            )),
            r,
        );
        s.sidebar_rows.push((r, si));
        y += 1;
    }
}

fn truncate(s: &str, w: usize) -> String {
    if s.width() <= w {
        return s.to_string();
    }
    let mut out = String::new();
    for c in s.chars() {
        if out.width() + 2 > w {
            break;
        }
        out.push(c);
    }
    out.push('…');
    out
}

fn label_of(q: &Question, lang: Lang, self_filled: bool, required: bool) -> String {
    let mut l = q.label_for(lang, self_filled).to_string();
    if required || matches!(q.required, Required::Yes) && q.kind.is_input() {
        l.push_str(" *");
    }
    l
}

fn draw_questions(
    f: &mut Frame,
    area: Rect,
    s: &mut IntakeScreen,
    theme: &Theme,
    lang: Lang,
    self_filled: bool,
) {
    let sec = &s.loaded.form.sections[s.section];
    let mut head: Vec<Line> = vec![Line::styled(sec.title.get(lang).to_string(), theme.title())];
    if let Some(rep) = &sec.repeat {
        let n = s.entries();
        let item = rep.item.get(lang);
        if n == 0 {
            head.push(Line::styled(
                tr(
                    lang,
                    &format!("Nog geen {item}. Druk op a om toe te voegen."),
                    &format!("No {item} yet. Press a to add one."),
                ),
                theme.dim(),
            ));
        } else {
            let mut spans = vec![Span::raw(format!("{item} {} / {n}  ", s.entry + 1))];
            for i in 0..n.min(8) {
                let summary = entry_summary(s, i, lang);
                let st = if i == s.entry {
                    theme.selected()
                } else {
                    theme.dim()
                };
                spans.push(Span::styled(
                    format!(" {}:{} ", i + 1, truncate(&summary, 16)),
                    st,
                ));
            }
            if n > 8 {
                spans.push(Span::styled(format!(" +{}", n - 8), theme.dim()));
            }
            head.push(Line::from(spans));
        }
    } else if let Some(intro) = &sec.intro {
        head.push(Line::styled(intro.get(lang).to_string(), theme.dim()));
    }
    let head_h = head.len() as u16 + 1;
    let [h_area, q_area] = Layout::vertical([
        Constraint::Length(head_h.min(area.height)),
        Constraint::Min(1),
    ])
    .areas(area);
    f.render_widget(Paragraph::new(head).wrap(Wrap { trim: true }), h_area);

    let rows = s.rows();
    let width = q_area.width.saturating_sub(2) as usize;
    // Each question is a block of lines; the focused block is kept in view.
    let mut blocks: Vec<Vec<Line>> = Vec::with_capacity(rows.len());
    let mut cursor: Option<(usize, u16)> = None; // (block, column)
    for (pos, &qi) in rows.iter().enumerate() {
        let q = &sec.questions[qi];
        let item = &s.eval.sections[s.section].items[s.entry][qi];
        let focused = pos == s.focus;
        let mut lines = Vec::new();
        let marker = if focused { "▶ " } else { "  " };
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
            ratatui::style::Style::new().add_modifier(ratatui::style::Modifier::BOLD)
        };
        if q.kind == Kind::Note {
            lines.push(Line::from(vec![
                Span::raw(marker),
                Span::styled(q.label_for(lang, self_filled).to_string(), theme.dim()),
            ]));
            blocks.push(lines);
            continue;
        }
        lines.push(Line::from(vec![
            Span::raw(marker),
            Span::styled(label_of(q, lang, self_filled, item.required), lstyle),
            mark,
        ]));
        match (&s.editor, &s.picker) {
            (Some(ed), _) if focused && ed.question == qi => {
                let value = ed.input.value();
                let scroll = ed.input.visual_scroll(width.saturating_sub(6));
                let shown: String = value.chars().skip(scroll).collect();
                let unit = q
                    .unit
                    .as_deref()
                    .map(|u| format!(" {u}"))
                    .unwrap_or_default();
                lines.push(Line::from(vec![
                    Span::raw("    "),
                    Span::styled(format!("{shown}"), theme.value()),
                    Span::styled(unit, theme.dim()),
                ]));
                cursor = Some((
                    blocks.len(),
                    4 + (ed.input.visual_cursor().saturating_sub(scroll)) as u16,
                ));
                if let Some(e) = &ed.error {
                    lines.push(Line::styled(
                        format!("    ✗ {}", e.get(lang)),
                        theme.error(),
                    ));
                } else if !value.trim().is_empty() {
                    lines.push(Line::styled(
                        tr(lang, "    ✓ Enter om op te slaan", "    ✓ Enter to save"),
                        theme.ok(),
                    ));
                }
            }
            (_, Some(p)) if focused && p.question == qi => {
                let selected: Vec<String> = match &item.value {
                    Value::Text(t) => vec![t.clone()],
                    Value::List(l) => l.clone(),
                    _ => vec![],
                };
                for (ci, c) in q.choices.iter().enumerate() {
                    let on = selected.contains(&c.id);
                    let boxm = match (q.kind, on) {
                        (Kind::MultiChoice, true) => "[x]",
                        (Kind::MultiChoice, false) => "[ ]",
                        (_, true) => "(•)",
                        (_, false) => "( )",
                    };
                    let st = if ci == p.cursor {
                        theme.selected()
                    } else {
                        ratatui::style::Style::new()
                    };
                    lines.push(Line::styled(
                        format!("    {boxm} {}", c.label.get(lang)),
                        st,
                    ));
                }
            }
            _ => {
                let shown = if item.value.is_null() {
                    Span::styled(placeholder(q, lang), theme.dim())
                } else {
                    Span::styled(q.display(&item.value, lang), theme.value())
                };
                let mut spans = vec![Span::raw("    "), shown];
                if q.kind == Kind::Calculated {
                    spans.push(Span::styled(
                        tr(lang, "  (berekend)", "  (calculated)"),
                        theme.dim(),
                    ));
                }
                lines.push(Line::from(spans));
                if let Some(e) = &item.error {
                    lines.push(Line::styled(
                        format!("    ✗ {}", e.get(lang)),
                        theme.error(),
                    ));
                } else if let Some(w) = &item.warning {
                    lines.push(Line::styled(
                        format!("    ! {}", w.get(lang)),
                        theme.warning(),
                    ));
                }
            }
        }
        blocks.push(lines);
    }
    // Scroll so the focused block is fully visible.
    let h = q_area.height as usize;
    let heights: Vec<usize> = blocks.iter().map(|b| b.len()).collect();
    let mut start = 0;
    let focus = s.focus.min(blocks.len().saturating_sub(1));
    while start < focus && heights[start..=focus].iter().sum::<usize>() > h {
        start += 1;
    }
    s.question_rows.clear();
    let mut y = q_area.y;
    for (bi, b) in blocks.iter().enumerate().skip(start) {
        if y >= q_area.y + q_area.height {
            break;
        }
        let bh = (b.len() as u16).min(q_area.y + q_area.height - y);
        let r = Rect {
            x: q_area.x,
            y,
            width: q_area.width,
            height: bh,
        };
        f.render_widget(Paragraph::new(b.clone()), r);
        s.question_rows.push((r, bi));
        if let Some((cb, col)) = cursor
            && cb == bi
            && bh > 1
        {
            f.set_cursor_position(Position {
                x: q_area.x + col.min(q_area.width.saturating_sub(1)),
                y: y + 1,
            });
        }
        y += bh;
    }
    if rows.is_empty() && s.entries() > 0 {
        f.render_widget(
            Paragraph::new(tr(
                lang,
                "Geen vragen in dit onderdeel.",
                "No questions in this section.",
            ))
            .style(theme.dim()),
            q_area,
        );
    }
}

fn placeholder(q: &Question, lang: Lang) -> String {
    match q.kind {
        Kind::Date => tr(lang, "— (JJJJ-MM-DD)", "— (YYYY-MM-DD)"),
        Kind::YesNo => tr(lang, "— (y/n)", "— (y/n)"),
        Kind::SingleChoice | Kind::MultiChoice => {
            tr(lang, "— (Enter: kiezen)", "— (Enter: choose)")
        }
        Kind::Iban => "— (NL91 ABNA 0417 1643 00)".into(),
        Kind::MobileNl => "— (06 12345678)".into(),
        Kind::PostcodeNl => "— (1234 AB)".into(),
        _ => "—".into(),
    }
}

fn entry_summary(s: &IntakeScreen, entry: usize, lang: Lang) -> String {
    let sec = &s.loaded.form.sections[s.section];
    let Some(rep) = &sec.repeat else {
        return String::new();
    };
    let fields: Vec<&str> = if rep.summary.is_empty() {
        sec.questions
            .first()
            .map(|q| vec![q.id.as_str()])
            .unwrap_or_default()
    } else {
        rep.summary.iter().map(String::as_str).collect()
    };
    let parts: Vec<String> = fields
        .iter()
        .filter_map(|fid| {
            let (qi, q) = sec
                .questions
                .iter()
                .enumerate()
                .find(|(_, q)| q.id == *fid)?;
            let v = &s.eval.sections[s.section].items.get(entry)?.get(qi)?.value;
            (!v.is_null()).then(|| q.display(v, lang))
        })
        .collect();
    if parts.is_empty() {
        "…".into()
    } else {
        parts.join(", ")
    }
}

fn draw_review(f: &mut Frame, area: Rect, s: &mut IntakeScreen, theme: &Theme, lang: Lang) {
    let problems = s.problems();
    let mut lines = vec![Line::styled(tr(lang, "Controle", "Review"), theme.title())];
    if problems.is_empty() {
        lines.push(Line::styled(
            tr(
                lang,
                "✓ Alles wat verplicht is, is ingevuld. Druk op c om af te ronden.",
                "✓ Everything required is answered. Press c to complete.",
            ),
            theme.ok(),
        ));
    } else {
        lines.push(Line::raw(tr(
            lang,
            &format!(
                "{} punten open. Enter springt naar de vraag.",
                problems.len()
            ),
            &format!(
                "{} items open. Enter jumps to the question.",
                problems.len()
            ),
        )));
    }
    f.render_widget(
        Paragraph::new(lines),
        Rect {
            height: 3.min(area.height),
            ..area
        },
    );
    let list = Rect {
        y: area.y + 3,
        height: area.height.saturating_sub(3),
        ..area
    };
    s.review_rows.clear();
    let h = list.height as usize;
    let start = s.review_sel.saturating_sub(h.saturating_sub(1));
    for (i, p) in problems.iter().enumerate().skip(start).take(h) {
        let sec = &s.loaded.form.sections[p.section];
        let q = &sec.questions[p.question];
        let what = match &p.message {
            Some(m) => format!("✗ {}", m.get(lang)),
            None => tr(lang, "• ontbreekt", "• missing"),
        };
        let entry = if sec.repeat.is_some() {
            format!(" {}", p.entry + 1)
        } else {
            String::new()
        };
        let text = format!(
            "{}{entry} › {} — {what}",
            sec.title.get(lang),
            q.label.get(lang)
        );
        let style = if i == s.review_sel {
            theme.selected()
        } else if p.message.is_some() {
            theme.error()
        } else {
            ratatui::style::Style::new()
        };
        let r = Rect {
            x: list.x,
            y: list.y + (i - start) as u16,
            width: list.width,
            height: 1,
        };
        f.render_widget(Paragraph::new(Line::styled(text, style)), r);
        s.review_rows.push((r, i));
    }
}

fn draw_help(f: &mut Frame, area: Rect, s: &IntakeScreen, theme: &Theme, lang: Lang) {
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(theme.border())
        .title(tr(lang, " Uitleg ", " Help "));
    let mut lines: Vec<Line> = Vec::new();
    if let Some(qi) = s.focused().filter(|_| s.view == View::Form) {
        let q = s.question(qi);
        if let Some(h) = &q.hint {
            lines.push(Line::raw(h.get(lang).to_string()));
        }
        if !s.loaded.orphans.is_empty() {
            lines.push(Line::styled(
                tr(
                    lang,
                    &format!(
                        "{} antwoorden staan niet meer in het formulier (bewaard).",
                        s.loaded.orphans.len()
                    ),
                    &format!(
                        "{} answers are no longer in the form (kept).",
                        s.loaded.orphans.len()
                    ),
                ),
                theme.dim(),
            ));
        }
        for n in &q.faq {
            if let Some((title, body)) = crate::faq::section(n) {
                lines.push(Line::raw(""));
                lines.push(Line::styled(format!("FAQ {n} {title}"), theme.title()));
                lines.push(Line::styled(body.to_string(), theme.dim()));
            }
        }
    }
    f.render_widget(
        Paragraph::new(lines).wrap(Wrap { trim: true }).block(block),
        area,
    );
}
