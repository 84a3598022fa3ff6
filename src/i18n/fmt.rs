//! Number, money and date notation in Dutch and English, in one place for the TUI, the CLI,
//! the web form and the PDF. A number and its unit are joined by a non-breaking space
//! ([`NBSP`]), so "385 GB" and "€\u{a0}99,95" never break over two lines.

use time::Date;

use crate::form::Lang;

/// U+00A0, between a number and its unit or currency sign.
pub const NBSP: char = '\u{a0}';

/// Euro amount from integer cents: Dutch "€\u{a0}1.234,56" / "€\u{a0}-1.234,56", English "€1,234.56" /
/// "-€1,234.56" (the CLDR patterns of both locales).
pub fn eur(cents: i64, lang: Lang) -> String {
    // unsigned_abs: i64::MIN has no positive counterpart, so never negate the signed value.
    let abs = cents.unsigned_abs();
    let (euros, rest) = (abs / 100, abs % 100);
    let sign = if cents < 0 { "-" } else { "" };
    match lang {
        Lang::Nl => format!("€{NBSP}{sign}{},{rest:02}", group(euros, '.')),
        Lang::En => format!("{sign}€{}.{rest:02}", group(euros, ',')),
    }
}

/// The thousands separator and the decimal point of `lang` (CLDR: nl "1.234,5", en "1,234.5").
fn separators(lang: Lang) -> (char, char) {
    lang.pick(('.', ','), (',', '.'))
}

/// A decimal number rounded half away from zero to `decimals` places, in the language's notation.
pub fn decimal(value: f64, decimals: u32, lang: Lang) -> String {
    if !value.is_finite() {
        return "-".to_string();
    }
    let factor = 10u64.pow(decimals) as f64;
    // Round on the scaled value; the small epsilon keeps 2.675-like binary artefacts from
    // rounding the wrong way.
    let scaled = (value.abs() * factor + 1e-9).round() as u64;
    let factor = factor as u64;
    let (int, frac) = (scaled / factor, scaled % factor);
    let (thousands, point) = separators(lang);
    let sign = if value < 0.0 && scaled != 0 { "-" } else { "" };
    if decimals == 0 {
        format!("{sign}{}", group(int, thousands))
    } else {
        format!(
            "{sign}{}{point}{frac:0width$}",
            group(int, thousands),
            width = decimals as usize
        )
    }
}

/// A number with at most `max` decimals, trailing zeros left out: "2,5", "1.234", "0,125"
/// (Dutch) / "2.5", "1,234", "0.125" (English).
pub fn decimal_trimmed(value: f64, max: u32, lang: Lang) -> String {
    let s = decimal(value, max, lang);
    let (_, point) = separators(lang);
    match s.split_once(point) {
        Some((int, frac)) => match frac.trim_end_matches('0') {
            "" => int.to_string(),
            frac => format!("{int}{point}{frac}"),
        },
        None => s,
    }
}

/// Bandwidth with one decimal and unit, e.g. "18,5 Mbit/s".
pub fn mbps(value: f64, lang: Lang) -> String {
    with_unit(&decimal(value, 1, lang), "Mbit/s")
}

/// A whole number with thousands separators: "1.234" / "1,234".
pub fn integer(value: i64, lang: Lang) -> String {
    let (thousands, _) = separators(lang);
    let sign = if value < 0 { "-" } else { "" };
    format!("{sign}{}", group(value.unsigned_abs(), thousands))
}

/// A number (already formatted) and its unit, joined so they never break apart.
pub fn with_unit(number: &str, unit: &str) -> String {
    format!("{number}{NBSP}{unit}")
}

fn group(mut n: u64, sep: char) -> String {
    let mut parts = Vec::new();
    loop {
        if n < 1000 {
            parts.push(n.to_string());
            break;
        }
        parts.push(format!("{:03}", n % 1000));
        n /= 1000;
    }
    parts.reverse();
    parts.join(&sep.to_string())
}

/// The Fluent ids of the month names (`assets/locales/<lang>/dates.ftl`), so they pass
/// through the pseudo-locale like every other word.
const MONTHS: [&str; 12] = [
    "month-1", "month-2", "month-3", "month-4", "month-5", "month-6", "month-7", "month-8",
    "month-9", "month-10", "month-11", "month-12",
];
const MONTHS_SHORT: [&str; 12] = [
    "month-short-1",
    "month-short-2",
    "month-short-3",
    "month-short-4",
    "month-short-5",
    "month-short-6",
    "month-short-7",
    "month-short-8",
    "month-short-9",
    "month-short-10",
    "month-short-11",
    "month-short-12",
];

/// "25 november 2026" / "25 November 2026".
pub fn date_long(date: Date, lang: Lang) -> String {
    let m = usize::from(u8::from(date.month())) - 1;
    let name = super::message(lang, MONTHS[m], None);
    format!("{} {} {}", date.day(), name, date.year())
}

/// Short form for tables and axes: "25-11-2026" / "25 Nov 2026".
pub fn date_short(date: Date, lang: Lang) -> String {
    let m = usize::from(u8::from(date.month())) - 1;
    match lang {
        Lang::Nl => format!("{:02}-{:02}-{}", date.day(), m + 1, date.year()),
        Lang::En => {
            let name = super::message(lang, MONTHS_SHORT[m], None);
            format!("{} {} {}", date.day(), name, date.year())
        }
    }
}

/// A moment for tables, in the machine's local time when known: "25-11-2026 14:05" /
/// "25 Nov 2026 14:05".
pub fn date_time_short(t: time::OffsetDateTime, lang: Lang) -> String {
    let local = time::UtcOffset::current_local_offset()
        .map(|o| t.to_offset(o))
        .unwrap_or(t);
    format!(
        "{} {:02}:{:02}",
        date_short(local.date(), lang),
        local.hour(),
        local.minute()
    )
}

/// A date as a person types it: Dutch `27-11-2026` (also `1-2-2026`, `27/11/2026`) or ISO
/// `2026-11-27`. Four-digit years only.
pub fn parse_date_input(s: &str) -> Option<Date> {
    let s = s.trim();
    let parts: Vec<&str> = s.split(['-', '/', '.']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let all_digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
    if !(all_digits(a) && all_digits(b) && all_digits(c)) {
        return None;
    }
    let (y, m, d) = if a.len() == 4 && b.len() <= 2 && c.len() <= 2 && s.contains('-') {
        (a, b, c)
    } else if c.len() == 4 && a.len() <= 2 && b.len() <= 2 {
        (c, b, a)
    } else {
        return None;
    };
    let month = time::Month::try_from(m.parse::<u8>().ok()?).ok()?;
    Date::from_calendar_date(y.parse().ok()?, month, d.parse().ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn moments_in_tables() {
        let t = time::macros::datetime!(2026-11-27 09:05 UTC);
        let nl = date_time_short(t, Lang::Nl);
        // The local offset may move the clock (and the day); the shape stays.
        assert_eq!(nl.len(), "27-11-2026 09:05".len(), "{nl}");
        assert!(nl.ends_with(":05"), "{nl}");
        assert!(date_time_short(t, Lang::En).contains(" Nov 2026 "));
    }

    #[test]
    fn euro_dutch_and_english() {
        assert_eq!(eur(123_456, Lang::Nl), "€\u{a0}1.234,56");
        assert_eq!(eur(123_456, Lang::En), "€1,234.56");
        assert_eq!(eur(0, Lang::Nl), "€\u{a0}0,00");
        assert_eq!(eur(5, Lang::Nl), "€\u{a0}0,05");
        assert_eq!(eur(7995, Lang::Nl), "€\u{a0}79,95");
        assert_eq!(eur(100_000_000, Lang::Nl), "€\u{a0}1.000.000,00");
        assert_eq!(eur(99_999, Lang::En), "€999.99");
    }

    #[test]
    fn euro_negatives_and_extremes() {
        assert_eq!(eur(-123_456, Lang::Nl), "€\u{a0}-1.234,56");
        assert_eq!(eur(-123_456, Lang::En), "-€1,234.56");
        assert_eq!(eur(-1, Lang::Nl), "€\u{a0}-0,01");
        // Must not overflow on the extreme value.
        assert_eq!(eur(i64::MIN, Lang::Nl), "€\u{a0}-92.233.720.368.547.758,08");
    }

    #[test]
    fn decimal_rounding() {
        assert_eq!(decimal(18.449, 1, Lang::Nl), "18,4");
        assert_eq!(decimal(18.45, 1, Lang::Nl), "18,5");
        assert_eq!(decimal(2.675, 2, Lang::En), "2.68");
        assert_eq!(decimal(1234.95, 1, Lang::Nl), "1.235,0");
        assert_eq!(decimal(-0.04, 1, Lang::Nl), "0,0");
        assert_eq!(decimal(-3.26, 1, Lang::En), "-3.3");
        assert_eq!(decimal(f64::NAN, 1, Lang::En), "-");
        assert_eq!(mbps(42.0, Lang::Nl), "42,0\u{a0}Mbit/s");
    }

    #[test]
    fn dates() {
        assert_eq!(
            date_long(date!(2026 - 11 - 25), Lang::Nl),
            "25 november 2026"
        );
        assert_eq!(
            date_long(date!(2026 - 11 - 25), Lang::En),
            "25 November 2026"
        );
        assert_eq!(date_short(date!(2026 - 03 - 02), Lang::Nl), "02-03-2026");
        assert_eq!(date_short(date!(2026 - 03 - 02), Lang::En), "2 Mar 2026");
    }

    #[test]
    fn typed_dates_in_both_orders() {
        let want = Some(date!(2026 - 11 - 27));
        assert_eq!(parse_date_input("27-11-2026"), want);
        assert_eq!(parse_date_input(" 2026-11-27 "), want);
        assert_eq!(parse_date_input("27/11/2026"), want);
        assert_eq!(parse_date_input("1-2-2026"), Some(date!(2026 - 02 - 01)));
        assert_eq!(parse_date_input("31-02-2026"), None);
        assert_eq!(parse_date_input("2026/11/27"), None);
        assert_eq!(parse_date_input("27-11-26"), None);
        assert_eq!(parse_date_input("-2026-01-01"), None);
        assert_eq!(parse_date_input("27-11-2026x"), None);
    }

    #[test]
    fn integers_and_units() {
        assert_eq!(integer(1_234_567, Lang::Nl), "1.234.567");
        assert_eq!(integer(-1_234, Lang::En), "-1,234");
        assert_eq!(with_unit("385", "GB"), "385\u{a0}GB");
    }
}
