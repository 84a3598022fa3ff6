//! Where a line of the report may break: at spaces, never inside a number and its unit. The
//! formats of `i18n::fmt` join a number and its unit with a no-break space; text that comes
//! from files (the catalog's "Back-up Online, extra 100 GB", a rule's "2,1 Mbit/s") or
//! that a user typed may have a plain one, so a space between a number and a unit that
//! follows it (or between "€" and an amount) is made a no-break space too.

use crate::i18n::fmt::NBSP;

/// Units that stay with the number before them.
const UNITS: &[&str] = &[
    "GB", "MB", "TB", "kB", "GHz", "Mbit/s", "Gbit/s", "kbit/s", "ms", "s", "%", "mm", "cm",
];

/// Whether a line may break at `c`: any white space but the no-break spaces.
pub fn breaks_at(c: char) -> bool {
    c.is_whitespace() && c != NBSP && c != '\u{202f}' && c != '\u{2007}'
}

/// The words of `para` between the places a line may break, with number and unit glued.
pub fn words(para: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in para.split(breaks_at).filter(|w| !w.is_empty()) {
        match out.last_mut() {
            Some(prev) if belong_together(prev, word) => {
                prev.push(NBSP);
                prev.push_str(word);
            }
            _ => out.push(word.to_string()),
        }
    }
    out
}

fn belong_together(prev: &str, word: &str) -> bool {
    let number_before = prev.chars().last().is_some_and(|c| c.is_ascii_digit());
    // The unit may carry punctuation after it: "100 GB," or "2,1 Mbit/s;".
    let unit = word.trim_end_matches([',', '.', ';', ':', ')', '!', '?']);
    let euro_before =
        prev.ends_with('€') && word.starts_with(|c: char| c.is_ascii_digit() || c == '-');
    (number_before && UNITS.contains(&unit)) || euro_before
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_units() {
        assert_eq!(
            words("extra 100 GB, nu 2,1 Mbit/s; € 99,95 per maand"),
            vec![
                "extra",
                "100\u{a0}GB,",
                "nu",
                "2,1\u{a0}Mbit/s;",
                "€\u{a0}99,95",
                "per",
                "maand"
            ]
        );
        // A no-break space already there is kept, and never a break.
        assert_eq!(words("385\u{a0}GB  over"), vec!["385\u{a0}GB", "over"]);
        // Not a unit: a word after a number stays a word of its own.
        assert_eq!(words("12 werkplekken"), vec!["12", "werkplekken"]);
        assert_eq!(words("  "), Vec::<String>::new());
    }
}
