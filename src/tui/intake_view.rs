//! Drawing the intake screen: sidebar, questions, help pane, review list.

use super::home::tr;
use super::home_view::progress_bar;
use super::intake::{IntakeScreen, View};
use super::questions_view;
use super::text::{plain_links, truncate, wrap};
use super::theme::Theme;
use super::view::centered;
use crate::form::Lang;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
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
        View::Form => questions_view::draw(f, main, s, theme, lang, self_filled),
        View::Review => draw_review(f, main, s, theme, lang),
        // These screens have no question to explain: they take the help pane's room too.
        View::Probes => {
            if let Some(p) = &s.probes {
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
    let bottom = inner.y + inner.height;
    for (y, si) in (inner.y..bottom).zip(s.visible_sections()) {
        let sec = &s.loaded.form.sections[si];
        let st = &s.eval.sections[si];
        // State by mark, never by colour alone: ✗ errors, • something required is
        // missing, ✓ all required answered, blank when nothing is required.
        let mark = if st.errors > 0 {
            "✗"
        } else if st.missing > 0 {
            "•"
        } else if st.required > 0 {
            "✓"
        } else {
            " "
        };
        let current = si == s.section && s.view == View::Form;
        let count = if sec.repeat.is_some() {
            format!("{}×", st.instances)
        } else {
            format!("{}/{}", st.required - st.missing, st.required)
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
        let n = problems.len();
        let (nl, en) = if n == 1 {
            ("punt", "item")
        } else {
            ("punten", "items")
        };
        lines.push(Line::raw(tr(
            lang,
            &format!("{n} {nl} open. Enter springt naar de vraag.",),
            &format!("{n} {en} open. Enter jumps to the question."),
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
    let mode_self = s.mode() == crate::workspace::Mode::SelfFilled;
    for (i, p) in problems.iter().enumerate().skip(start).take(h) {
        let sec = &s.loaded.form.sections[p.section];
        let q = &sec.questions[p.question];
        let what = match &p.message {
            Some(m) if p.warning => format!("! {}", m.get(lang)),
            Some(m) => format!("✗ {}", m.get(lang)),
            None => tr(lang, "• ontbreekt", "• missing"),
        };
        let entry = if sec.repeat.is_some() {
            format!(" {}", p.entry + 1)
        } else {
            String::new()
        };
        let marker = if i == s.review_sel { "▶ " } else { "  " };
        let text = truncate(
            &format!(
                "{marker}{}{entry} › {} — {what}",
                sec.title.get(lang),
                q.label_for(lang, mode_self)
            ),
            list.width as usize,
        );
        let style = if i == s.review_sel {
            theme.selected()
        } else if p.warning {
            theme.warning()
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
    let width = block.inner(area).width as usize;
    let mut lines: Vec<Line> = Vec::new();
    let focused = match s.view {
        View::Form => s.focused().map(|qi| (s.section, qi)),
        View::Probes | View::Proposal => None,
        View::Review => s
            .problems()
            .get(s.review_sel)
            .map(|p| (p.section, p.question)),
    };
    let mut push = |text: &str, style: ratatui::style::Style| {
        lines.extend(
            wrap(text, width)
                .into_iter()
                .map(|l| Line::styled(l, style)),
        )
    };
    if let Some((si, qi)) = focused {
        let q = &s.loaded.form.sections[si].questions[qi];
        if let Some(h) = &q.hint {
            push(h.get(lang), ratatui::style::Style::new());
        }
        if !s.loaded.orphans.is_empty() {
            let n = s.loaded.orphans.len();
            push(
                &tr(
                    lang,
                    &format!("{n} antwoorden staan niet meer in het formulier (bewaard)."),
                    &format!("{n} answers are no longer in the form (kept)."),
                ),
                theme.dim(),
            );
        }
        for n in &q.faq {
            if let Some((title, body)) = crate::faq::section(n) {
                push("", ratatui::style::Style::new());
                push(&format!("FAQ {n} {title}"), theme.title());
                push(&plain_links(body), theme.dim());
            }
        }
    }
    f.render_widget(Paragraph::new(lines).block(block), area);
}
