//! The provider's FAQ (Dutch), shipped in `assets/`, looked up by section number so
//! the help pane can show the text a question comes from.

const FAQ: &str = include_str!("../assets/faq-nl.md");

/// The title and answer of FAQ section `number` (body numbering, e.g. "1.30"). The
/// answer runs to the next numbered heading: subheadings inside it (FAQ 1.35's
/// `#### **Gegevensprivacy**`) are part of the answer and come back as plain lines.
pub fn section(number: &str) -> Option<(&'static str, String)> {
    let marker = format!("### {number} ");
    let start = FAQ.find(&marker)?;
    let rest = &FAQ[start + marker.len()..];
    let (title, body) = rest.split_once('\n')?;
    let mut lines: Vec<&str> = Vec::new();
    for line in body.lines() {
        if let Some(heading) = heading_text(line) {
            if starts_numbered(heading) {
                break;
            }
            lines.push(heading);
        } else {
            lines.push(line);
        }
    }
    let text = lines.join("\n");
    let text = text.trim();
    let text = text.strip_prefix("Antwoord:").unwrap_or(text).trim();
    Some((title.trim(), collapse_blank_lines(text)))
}

/// The text of a Markdown heading line without its hashes and bold marks.
fn heading_text(line: &str) -> Option<&str> {
    let text = line.strip_prefix('#')?.trim_start_matches('#');
    let text = text.strip_prefix(' ')?.trim();
    Some(
        text.strip_prefix("**")
            .and_then(|t| t.strip_suffix("**"))
            .unwrap_or(text),
    )
}

/// "2 FAQ bestellen", "2.1 Wat is", "3.2 Hoe": the heading of the next section.
fn starts_numbered(heading: &str) -> bool {
    heading.starts_with(|c: char| c.is_ascii_digit())
}

/// Paragraphs stay apart by one empty line; the PDF the FAQ comes from left runs of
/// them inside sentences.
fn collapse_blank_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line.trim_end());
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn finds_sections_by_body_number() {
        let (title, body) = super::section("1.5").unwrap();
        assert!(title.contains("applicatie"), "{title}");
        assert!(body.contains("Exact"), "{body}");
        assert!(!body.contains("###"));
        assert!(super::section("9.99").is_none());
    }

    /// The source FAQ prints 1.14's answer ("Ja.") in 1.15's heading; our copy puts it
    /// back under 1.14 (the FAQ's contents list confirms both titles).
    #[test]
    fn answer_of_1_14_is_not_in_the_title_of_1_15() {
        assert_eq!(super::section("1.14").unwrap().1, "Ja.");
        let (title, body) = super::section("1.15").unwrap();
        assert!(
            title.starts_with("Mijn bedrijf heeft meerdere vestigingen"),
            "{title}"
        );
        assert!(body.contains("SMS"), "{body}");
    }

    /// FAQ 1.35 has two subheadings; the answer keeps both with their text, and stops
    /// before chapter 2.
    #[test]
    fn subheadings_stay_inside_the_answer() {
        let (_, body) = super::section("1.35").unwrap();
        assert!(body.starts_with("De privacy en beveiliging"), "{body}");
        assert!(body.contains("\nAntivirus- en antispam\n"), "{body}");
        assert!(body.contains("Gegevensprivacy"), "{body}");
        assert!(
            body.ends_with("toegang tot deze gegevens hebben."),
            "{body}"
        );
        assert!(!body.contains('#') && !body.contains("**"), "{body}");
        assert!(!body.contains("\n\n\n"), "{body}");
        assert!(!body.contains("levertijd"), "{body}");
    }

    /// Chapter 3 numbers its sections with four hashes; each ends at the next.
    #[test]
    fn four_hash_sections_end_at_the_next_numbered_one() {
        let (title, body) = super::section("3.1").unwrap();
        assert!(title.contains("intake"), "{title}");
        assert!(!body.contains("Hoe verloopt"), "{body}");
    }
}
