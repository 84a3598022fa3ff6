//! Drawing the home screen.

use super::home::{HomeScreen, tr};
use super::theme::Theme;
use super::view::centered;
use crate::form::Lang;
use crate::store::Status;
use crate::workspace::Mode;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Cell, Clear, Paragraph, Row, Table, TableState, Wrap};

pub fn draw(f: &mut Frame, area: Rect, h: &mut HomeScreen, theme: &Theme, lang: Lang) {
    let [top, body] = Layout::vertical([Constraint::Length(1), Constraint::Min(1)]).areas(area);
    let mut title = vec![
        Span::styled(" intake ", theme.title()),
        Span::styled(
            tr(lang, "— MKB Werkplek Online", "— MKB Werkplek Online"),
            theme.dim(),
        ),
    ];
    if h.trash {
        title.push(Span::styled(
            format!("   {}", crate::t!(lang, "tui-trash-title")),
            theme.title(),
        ));
    }
    if h.filtering || !h.filter.value().is_empty() {
        title.push(Span::raw(format!("   / {}", h.filter.value())));
        if h.filtering {
            title.push(Span::styled("▏", theme.key()));
        }
    }
    if !h.all.is_empty() {
        let sort = format!(
            "   {}: {}",
            tr(lang, "sortering", "sort"),
            h.sort.label(lang)
        );
        title.push(Span::styled(sort, theme.dim()));
    }
    f.render_widget(Paragraph::new(Line::from(title)), top);

    if h.all.is_empty() && h.trash {
        let text = crate::t!(lang, "tui-trash-empty");
        f.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), body);
    } else if h.all.is_empty() {
        let text = tr(
            lang,
            "Welkom bij intake.\n\nHier komen de intakes voor MKB Werkplek Online.\nDruk op n om de eerste te beginnen: de naam van de klant,\nde manier (op locatie, online of zelf), en dan vraag voor vraag.\n\nAlles wat u invult wordt direct opgeslagen.\nEen ingevuld voorbeeld: stop met q en typ 'intake demo'.",
            "Welcome to intake.\n\nYour intakes for MKB Werkplek Online will be listed here.\nPress n to start the first one: the customer's name,\nthe mode (on site, online or self), then question by question.\n\nEverything you enter is saved at once.\nFor a filled-in example: quit with q and run 'intake demo'.",
        );
        let r = centered(body, 70, 11);
        let block = Block::default()
            .borders(Borders::ALL)
            .border_style(theme.border())
            .padding(ratatui::widgets::Padding::horizontal(1));
        f.render_widget(
            Paragraph::new(text).wrap(Wrap { trim: false }).block(block),
            r,
        );
    } else {
        let header = Row::new(vec![
            Cell::from("#"),
            Cell::from(tr(lang, "Klant", "Customer")),
            Cell::from(tr(lang, "Manier", "Mode")),
            Cell::from("Status"),
            Cell::from(tr(lang, "Voortgang", "Progress")),
            Cell::from(tr(lang, "Gewijzigd", "Changed")),
        ])
        .style(theme.title());
        let rows: Vec<Row> = h
            .shown
            .iter()
            .map(|&i| {
                let it = &h.all[i];
                Row::new(vec![
                    Cell::from(it.id.to_string()),
                    Cell::from(it.customer.clone()),
                    Cell::from(it.mode.label(lang)),
                    Cell::from(if it.returned() {
                        returned_label(lang)
                    } else {
                        status_label(it.status, lang).to_string()
                    }),
                    Cell::from(progress_bar(h.progress.get(&it.id).copied().unwrap_or(0))),
                    Cell::from(h.when(it.updated_at, lang)),
                ])
            })
            .collect();
        let widths = [
            Constraint::Length(5),
            Constraint::Min(16),
            Constraint::Length(13),
            Constraint::Length(11),
            Constraint::Length(16),
            Constraint::Length(14),
        ];
        let empty_filter = rows.is_empty();
        let table = Table::new(rows, widths)
            .header(header)
            .row_highlight_style(theme.selected())
            .highlight_symbol("▶ ")
            .block(
                Block::default()
                    .borders(Borders::TOP)
                    .border_style(theme.border()),
            );
        let mut state = TableState::default().with_selected(Some(h.selected));
        f.render_stateful_widget(table, body, &mut state);
        h.list_top = body.y + 2;
        h.list_offset = state.offset();
        if empty_filter {
            let r = Rect {
                y: body.y + 3,
                height: 1,
                ..body
            };
            f.render_widget(
                Paragraph::new(tr(
                    lang,
                    "  Niets gevonden voor dit filter.",
                    "  Nothing matches this filter.",
                ))
                .style(theme.dim()),
                r,
            );
        }
    }
    if let Some(d) = &h.dialog {
        let r = centered(area, 60, 7);
        f.render_widget(Clear, r);
        let name_style = if d.field == 0 {
            theme.border_focus()
        } else {
            theme.border()
        };
        let mode_style = if d.field == 1 {
            theme.border_focus()
        } else {
            theme.border()
        };
        let modes: Vec<Span> = [Mode::OnSite, Mode::Online, Mode::SelfFilled]
            .iter()
            .map(|m| {
                let mark = if *m == d.mode { "(•) " } else { "( ) " };
                let s = if *m == d.mode {
                    theme.value()
                } else {
                    theme.dim()
                };
                Span::styled(format!("{mark}{}   ", m.label(lang)), s)
            })
            .collect();
        // The name field scrolls within the dialog; the terminal cursor marks the spot.
        let field_w = r.width.saturating_sub(6) as usize;
        let scroll = d.name.visual_scroll(field_w);
        let shown: String = d.name.value().chars().skip(scroll).collect();
        let shown = crate::tui::text::truncate(&shown, field_w);
        let pad = " "
            .repeat(field_w.saturating_sub(unicode_width::UnicodeWidthStr::width(shown.as_str())));
        if d.field == 0 {
            let x = r.x + 3 + (d.name.visual_cursor().saturating_sub(scroll)) as u16;
            f.set_cursor_position(ratatui::layout::Position { x, y: r.y + 2 });
        }
        let field = theme
            .value()
            .add_modifier(ratatui::style::Modifier::UNDERLINED);
        let lines = vec![
            Line::styled(tr(lang, "Klantnaam", "Customer name"), name_style),
            Line::from(vec![
                Span::raw("  "),
                Span::styled(format!("{shown}{pad}"), field),
            ]),
            Line::raw(""),
            Line::styled(
                tr(lang, "Manier van intake (FAQ 3.1)", "Intake mode (FAQ 3.1)"),
                mode_style,
            ),
            Line::from(modes),
        ];
        f.render_widget(
            Paragraph::new(lines).block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(tr(lang, " Nieuwe intake ", " New intake "))
                    .border_style(theme.border_focus()),
            ),
            r,
        );
    }
    if let Some((id, name)) = &h.confirm_delete {
        let r = centered(area, 60, 6);
        f.render_widget(Clear, r);
        let text = crate::t!(lang, "tui-delete-confirm", id = id.to_string(), name = name);
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

pub fn status_label(s: Status, lang: Lang) -> &'static str {
    match (s, lang) {
        (Status::Draft, Lang::Nl) => "concept",
        (Status::Complete, Lang::Nl) => "compleet",
        (Status::Exported, Lang::Nl) => "verstuurd",
        (s, Lang::En) => s.as_str(),
    }
}

/// A draft the customer submitted through a web link (`intake serve`).
pub fn returned_label(lang: Lang) -> String {
    crate::t!(lang, "status-returned")
}

/// `████░░░░░░  40%`: readable without colour.
pub fn progress_bar(pct: u8) -> String {
    let filled = (pct as usize).min(100) / 10;
    format!(
        "{}{} {:>3}%",
        "█".repeat(filled),
        "░".repeat(10 - filled),
        pct
    )
}
