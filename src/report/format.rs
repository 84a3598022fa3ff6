//! Number, money and date notation in Dutch and English.

use time::Date;

use super::model::Lang;

/// Euro amount from integer cents: Dutch "€ 1.234,56" / "€ -1.234,56", English "€1,234.56" /
/// "-€1,234.56" (the CLDR patterns of both locales).
pub fn format_eur(cents: i64, lang: Lang) -> String {
    // unsigned_abs: i64::MIN has no positive counterpart, so never negate the signed value.
    let abs = cents.unsigned_abs();
    let (euros, rest) = (abs / 100, abs % 100);
    let neg = cents < 0;
    match lang {
        Lang::Nl => {
            let sign = if neg { "-" } else { "" };
            format!("€ {sign}{},{rest:02}", group(euros, '.'))
        }
        Lang::En => {
            let sign = if neg { "-" } else { "" };
            format!("{sign}€{}.{rest:02}", group(euros, ','))
        }
    }
}

/// A decimal number rounded half away from zero to `decimals` places, in the language's notation.
pub fn format_decimal(value: f64, decimals: u32, lang: Lang) -> String {
    if !value.is_finite() {
        return "-".to_string();
    }
    let factor = 10u64.pow(decimals) as f64;
    // Round on the scaled value; the small epsilon keeps 2.675-like binary artefacts from
    // rounding the wrong way.
    let scaled = (value.abs() * factor + 1e-9).round() as u64;
    let factor = factor as u64;
    let (int, frac) = (scaled / factor, scaled % factor);
    let (thousands, point) = match lang {
        Lang::Nl => ('.', ','),
        Lang::En => (',', '.'),
    };
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

/// Bandwidth with one decimal and unit, e.g. "18,5 Mbit/s".
pub fn format_mbps(value: f64, lang: Lang) -> String {
    format!("{} Mbit/s", format_decimal(value, 1, lang))
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

const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// "25 november 2026" / "25 November 2026".
pub fn format_date(date: Date, lang: Lang) -> String {
    let m = usize::from(u8::from(date.month())) - 1;
    let name = match lang {
        Lang::Nl => MONTHS_NL[m],
        Lang::En => MONTHS_EN[m],
    };
    format!("{} {} {}", date.day(), name, date.year())
}

/// Short form for tables and axes: "25-11-2026" / "25 Nov 2026".
pub fn format_date_short(date: Date, lang: Lang) -> String {
    let m = usize::from(u8::from(date.month())) - 1;
    match lang {
        Lang::Nl => format!("{:02}-{:02}-{}", date.day(), m + 1, date.year()),
        Lang::En => format!("{} {} {}", date.day(), &MONTHS_EN[m][..3], date.year()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn euro_dutch_and_english() {
        assert_eq!(format_eur(123_456, Lang::Nl), "€ 1.234,56");
        assert_eq!(format_eur(123_456, Lang::En), "€1,234.56");
        assert_eq!(format_eur(0, Lang::Nl), "€ 0,00");
        assert_eq!(format_eur(5, Lang::Nl), "€ 0,05");
        assert_eq!(format_eur(7995, Lang::Nl), "€ 79,95");
        assert_eq!(format_eur(100_000_000, Lang::Nl), "€ 1.000.000,00");
        assert_eq!(format_eur(99_999, Lang::En), "€999.99");
    }

    #[test]
    fn euro_negatives_and_extremes() {
        assert_eq!(format_eur(-123_456, Lang::Nl), "€ -1.234,56");
        assert_eq!(format_eur(-123_456, Lang::En), "-€1,234.56");
        assert_eq!(format_eur(-1, Lang::Nl), "€ -0,01");
        // Must not overflow on the extreme value.
        assert_eq!(
            format_eur(i64::MIN, Lang::Nl),
            "€ -92.233.720.368.547.758,08"
        );
    }

    #[test]
    fn decimal_rounding() {
        assert_eq!(format_decimal(18.449, 1, Lang::Nl), "18,4");
        assert_eq!(format_decimal(18.45, 1, Lang::Nl), "18,5");
        assert_eq!(format_decimal(2.675, 2, Lang::En), "2.68");
        assert_eq!(format_decimal(1234.95, 1, Lang::Nl), "1.235,0");
        assert_eq!(format_decimal(-0.04, 1, Lang::Nl), "0,0");
        assert_eq!(format_decimal(-3.26, 1, Lang::En), "-3.3");
        assert_eq!(format_decimal(f64::NAN, 1, Lang::En), "-");
        assert_eq!(format_mbps(42.0, Lang::Nl), "42,0 Mbit/s");
    }

    #[test]
    fn dates() {
        assert_eq!(
            format_date(date!(2026 - 11 - 25), Lang::Nl),
            "25 november 2026"
        );
        assert_eq!(
            format_date(date!(2026 - 11 - 25), Lang::En),
            "25 November 2026"
        );
        assert_eq!(
            format_date_short(date!(2026 - 03 - 02), Lang::Nl),
            "02-03-2026"
        );
        assert_eq!(
            format_date_short(date!(2026 - 03 - 02), Lang::En),
            "2 Mar 2026"
        );
    }
}
