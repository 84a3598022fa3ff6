//! The head of the question list: the section title with its introduction, or, for a
//! repeat group, the entries with a one-line summary each.

use super::intake::IntakeScreen;
use super::text::{truncate, wrap};
use super::theme::Theme;
use crate::form::Lang;
use ratatui::text::{Line, Span};
use unicode_width::UnicodeWidthStr;

/// The section's introduction, wrapped; it scrolls with the questions below it.
/// Repeat groups have introductions too ("no business software? leave this list
/// empty"), shown above the questions of every entry.
pub fn intro_lines(
    s: &IntakeScreen,
    theme: &Theme,
    lang: Lang,
    width: usize,
) -> Vec<Line<'static>> {
    let sec = &s.loaded.form.sections[s.section];
    let Some(intro) = &sec.intro else {
        return Vec::new();
    };
    let mut lines: Vec<Line<'static>> = wrap(intro.get(lang), width)
        .into_iter()
        .map(|l| Line::styled(l, theme.dim()))
        .collect();
    lines.push(Line::raw(""));
    lines
}

/// The section title (with its place in the form when there is no sidebar to show it)
/// and, for a repeat group, the entries with their summaries.
pub fn head_lines(
    s: &IntakeScreen,
    theme: &Theme,
    lang: Lang,
    width: usize,
    no_sidebar: bool,
) -> Vec<Line<'static>> {
    let sec = &s.loaded.form.sections[s.section];
    let title = if no_sidebar {
        let shown = s.visible_sections();
        let at = shown
            .iter()
            .position(|&i| i == s.section)
            .map_or(0, |p| p + 1);
        format!("{at}/{} {}", shown.len(), sec.title.get(lang))
    } else {
        sec.title.get(lang).to_string()
    };
    let mut head: Vec<Line<'static>> = wrap(&title, width)
        .into_iter()
        .map(|l| Line::styled(l, theme.title()))
        .collect();
    if let Some(rep) = &sec.repeat {
        let n = s.entries();
        let item = rep.item.get(lang);
        if n == 0 {
            let text = crate::t!(lang, "ti-no-entries", item = super::text::in_sentence(item));
            head.extend(
                wrap(&text, width)
                    .into_iter()
                    .map(|l| Line::styled(l, theme.dim())),
            );
        } else {
            let lead = format!("{item} {} / {n}  ", s.entry + 1);
            // A window of entries around the current one, as many as fit; the others
            // are counted at either end. Only the shown summaries are computed.
            let text_of = |i: usize| {
                let summary = truncate(&entry_summary(s, i, lang), 18);
                if i == s.entry {
                    format!("[{}:{summary}]", i + 1)
                } else {
                    format!(" {}:{summary} ", i + 1)
                }
            };
            let budget = width.saturating_sub(lead.width() + 10);
            let mut shown = vec![(s.entry, text_of(s.entry))];
            let mut used = shown[0].1.width();
            let (mut lo, mut hi) = (s.entry, s.entry + 1);
            loop {
                let mut grew = false;
                if hi < n {
                    let t = text_of(hi);
                    if used + t.width() <= budget {
                        used += t.width();
                        shown.push((hi, t));
                        hi += 1;
                        grew = true;
                    }
                }
                if lo > 0 {
                    let t = text_of(lo - 1);
                    if used + t.width() <= budget {
                        used += t.width();
                        shown.insert(0, (lo - 1, t));
                        lo -= 1;
                        grew = true;
                    }
                }
                if !grew {
                    break;
                }
            }
            let mut spans = vec![Span::raw(lead)];
            if lo > 0 {
                spans.push(Span::styled(format!("«{lo} "), theme.dim()));
            }
            for (i, t) in shown {
                spans.push(Span::styled(
                    t,
                    if i == s.entry {
                        theme.selected()
                    } else {
                        theme.dim()
                    },
                ));
            }
            if hi < n {
                spans.push(Span::styled(format!(" {}»", n - hi), theme.dim()));
            }
            head.push(Line::from(spans));
        }
    }
    head
}

/// The one-line summary of a repeat entry: its summary fields, or its first question.
pub fn entry_summary(s: &IntakeScreen, entry: usize, lang: Lang) -> String {
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
