//! The provider's FAQ (Dutch), shipped in `assets/`, looked up by section number so
//! the help pane can show the text a question comes from.

const FAQ: &str = include_str!("../assets/faq-nl.md");

/// The title and answer of FAQ section `number` (body numbering, e.g. "1.30").
pub fn section(number: &str) -> Option<(&'static str, &'static str)> {
    let marker = format!("### {number} ");
    let start = FAQ.find(&marker)?;
    let rest = &FAQ[start + marker.len()..];
    let (title, body) = rest.split_once('\n')?;
    let end = body.find("\n#").unwrap_or(body.len());
    let body = body[..end].trim();
    let body = body.strip_prefix("Antwoord:").unwrap_or(body).trim();
    Some((title.trim(), body))
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
}
