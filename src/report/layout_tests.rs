use super::*;

fn canvas() -> Canvas {
    Canvas::new().unwrap()
}

#[test]
fn wrap_keeps_words_and_width() {
    let c = canvas();
    let text = "De internetverbinding op de locatie Utrecht is te traag voor twaalf werkplekken; \
                een upgrade naar glasvezel is nodig vóór de migratie.";
    let lines = wrap(&c, text, 50.0, BODY, Style::Regular);
    assert!(lines.len() > 2, "{lines:?}");
    for l in &lines {
        assert!(
            c.fonts.width(l, BODY, Style::Regular) <= 50.0,
            "too wide: {l}"
        );
        assert!(!l.starts_with(' ') && !l.ends_with(' '));
    }
    // No word is lost or split (all fit): joining gives the text back.
    assert_eq!(
        lines.join(" "),
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    );
}

#[test]
fn wrap_breaks_overlong_words_and_honours_newlines() {
    let c = canvas();
    let long = "x".repeat(200);
    let lines = wrap(
        &c,
        &format!("kort {long}\ntweede"),
        30.0,
        BODY,
        Style::Regular,
    );
    assert_eq!(lines.first().map(String::as_str), Some("kort"));
    assert_eq!(lines.last().map(String::as_str), Some("tweede"));
    let xs: String = lines[1..lines.len() - 1].concat();
    assert_eq!(xs, long, "the long word is kept whole, only broken");
    for l in &lines {
        assert!(c.fonts.width(l, BODY, Style::Regular) <= 30.0);
    }
    assert_eq!(
        wrap(&c, "", 30.0, BODY, Style::Regular),
        vec![String::new()]
    );
}

#[test]
fn fit_adds_ellipsis_only_when_needed() {
    let c = canvas();
    assert_eq!(fit(&c, "Bakkerij", 50.0, BODY, Style::Regular), "Bakkerij");
    let cut = fit(
        &c,
        &"Bakkerij De Gouden Korenschoof ".repeat(5),
        40.0,
        BODY,
        Style::Regular,
    );
    assert!(cut.ends_with('…'));
    assert!(c.fonts.width(&cut, BODY, Style::Regular) <= 40.0);
}

#[test]
fn paragraphs_flow_onto_new_pages_within_margins() {
    let furniture = Furniture {
        header_left: "Klant".into(),
        header_right: "25 november 2026".into(),
        footer_left: "Leverancier".into(),
        footer_pattern: "Pagina {n} van {m}".into(),
    };
    let mut l = Layout::new(canvas(), furniture);
    l.new_page().unwrap();
    let text = "Een zin die zich herhaalt over vele regels. ".repeat(400);
    l.paragraph(&text, BODY, Style::Regular, INK, 0.0).unwrap();
    l.finish_footers().unwrap();
    let pages = l.canvas.page_count();
    assert!(pages >= 3, "{pages}");
    for p in l.canvas.placed() {
        assert!(
            p.x >= MARGIN_L - 0.01 && p.x + p.width <= PAGE_W - MARGIN_R + 0.01,
            "{p:?}"
        );
        assert!(p.baseline <= PAGE_H - 10.0, "{p:?}");
    }
    let last = format!("Pagina {pages} van {pages}");
    assert!(l.canvas.placed().iter().any(|p| p.text == last));
}
