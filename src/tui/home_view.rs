//! Drawing the home screen.

use super::home::HomeScreen;
use super::theme::Theme;
use super::view::{band, centered};
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
        Span::styled(format!(" {} ", crate::t!(lang, "th-app")), theme.title()),
        Span::styled(crate::t!(lang, "th-product"), theme.dim()),
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
            "   {}",
            crate::t!(lang, "th-sort", order = h.sort.label(lang))
        );
        // The sort order is shown when it fits whole (a narrow trash title has no room).
        let used: usize = title.iter().map(Span::width).sum();
        if used + unicode_width::UnicodeWidthStr::width(sort.as_str()) <= area.width as usize {
            title.push(Span::styled(sort, theme.dim()));
        }
    }
    f.render_widget(Paragraph::new(Line::from(title)), top);

    if h.all.is_empty() && h.trash {
        let text = crate::t!(lang, "tui-trash-empty");
        f.render_widget(Paragraph::new(text).wrap(Wrap { trim: false }), body);
    // The dialog for the first intake replaces the welcome text rather than covering
    // half of it.
    } else if h.all.is_empty() && h.dialog.is_none() && h.import.is_none() {
        let text = crate::t!(lang, "th-welcome");
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
        // Columns give way from the right as the terminal narrows; the customer's
        // name takes what is left and is shortened visibly (…), never silently.
        let cols = Columns::for_width(body.width);
        let mut header = vec![
            Cell::from("#"),
            Cell::from(crate::t!(lang, "th-col-customer")),
        ];
        if cols.mode {
            header.push(Cell::from(crate::t!(lang, "th-col-mode")));
        }
        header.push(Cell::from(crate::t!(lang, "th-col-status")));
        header.push(Cell::from(crate::t!(lang, "th-col-progress")));
        if cols.changed {
            header.push(Cell::from(crate::t!(lang, "th-col-changed")));
        }
        let header = Row::new(header).style(theme.title());
        let widths = cols.widths(body.width);
        let customer_w = match widths[1] {
            Constraint::Length(w) => w as usize,
            _ => 16,
        };
        let rows: Vec<Row> = h
            .shown
            .iter()
            .map(|&i| {
                let it = &h.all[i];
                let mut cells = vec![
                    Cell::from(it.id.to_string()),
                    Cell::from(crate::tui::text::truncate(&it.customer, customer_w)),
                ];
                if cols.mode {
                    cells.push(Cell::from(it.mode.label(lang)));
                }
                cells.push(Cell::from(if it.returned() {
                    returned_label(lang)
                } else {
                    status_label(it.status, lang)
                }));
                cells.push(Cell::from(progress_bar(
                    h.progress.get(&it.id).copied().unwrap_or(0),
                )));
                if cols.changed {
                    cells.push(Cell::from(h.when(it.updated_at, lang)));
                }
                Row::new(cells)
            })
            .collect();
        // Nothing matched a filter (an empty list behind the first dialog says nothing).
        let empty_filter = rows.is_empty() && !h.all.is_empty();
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
                Paragraph::new(format!("  {}", crate::t!(lang, "th-no-match"))).style(theme.dim()),
                r,
            );
        }
    }
    if let Some(d) = &h.dialog {
        let r = band(area, 7);
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
            Line::styled(crate::t!(lang, "th-customer-name"), name_style),
            Line::from(vec![
                Span::raw("  "),
                Span::styled(format!("{shown}{pad}"), field),
            ]),
            Line::raw(""),
            Line::styled(crate::t!(lang, "th-mode-question"), mode_style),
            Line::from(modes),
        ];
        f.render_widget(
            Paragraph::new(lines).block(
                Block::default()
                    .borders(Borders::ALL)
                    .title(format!(" {} ", crate::t!(lang, "th-new-title")))
                    .border_style(theme.border_focus()),
            ),
            r,
        );
    }
    if let Some(flow) = &mut h.import {
        super::import_view::draw(f, area, flow, theme, lang);
    }
    if let Some((id, name)) = &h.confirm_delete {
        let r = band(area, 6);
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

pub fn status_label(s: Status, lang: Lang) -> String {
    match s {
        Status::Draft => crate::t!(lang, "status-draft"),
        Status::Complete => crate::t!(lang, "status-complete"),
        Status::Exported => crate::t!(lang, "status-exported"),
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

/// Which optional columns of the intake list fit.
struct Columns {
    mode: bool,
    changed: bool,
}

impl Columns {
    const ID: u16 = 5;
    const MODE: u16 = 13;
    const STATUS: u16 = 11;
    const PROGRESS: u16 = 16;
    const CHANGED: u16 = 14;
    /// The selection mark "▶ " and the space between columns.
    fn overhead(n: u16) -> u16 {
        2 + n.saturating_sub(1)
    }

    fn for_width(width: u16) -> Columns {
        let fixed = Self::ID + Self::STATUS + Self::PROGRESS;
        let room = |extra: u16, n: u16| width >= fixed + extra + Self::overhead(n) + 24;
        Columns {
            mode: room(Self::MODE, 5),
            changed: room(Self::MODE + Self::CHANGED, 6),
        }
    }

    fn widths(&self, width: u16) -> Vec<Constraint> {
        let mut fixed = vec![Self::ID, Self::STATUS, Self::PROGRESS];
        if self.mode {
            fixed.push(Self::MODE);
        }
        if self.changed {
            fixed.push(Self::CHANGED);
        }
        let n = fixed.len() as u16 + 1;
        let customer = width
            .saturating_sub(fixed.iter().sum::<u16>() + Self::overhead(n))
            .max(8);
        let mut w = vec![Constraint::Length(Self::ID), Constraint::Length(customer)];
        if self.mode {
            w.push(Constraint::Length(Self::MODE));
        }
        w.push(Constraint::Length(Self::STATUS));
        w.push(Constraint::Length(Self::PROGRESS));
        if self.changed {
            w.push(Constraint::Length(Self::CHANGED));
        }
        w
    }
}
