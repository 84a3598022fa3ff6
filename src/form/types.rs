//! Parsing and checking of typed answers: what a user types becomes a `Value`, or a
//! message in the user's language that says what is wrong.
//!
//! Dutch formats follow the official rules: mobile numbers 06 + 8 digits (066 is
//! pager/M2M and 097 machine-to-machine, refused), postcodes 4 digits not starting
//! with 0 plus 2 letters without SA/SD/SS, KvK 8 digits, VAT NL + 9 digits + B + 2
//! digits, IBAN with the ISO 13616 mod-97 check.

use super::Lang;
use super::value::Value;

/// A message in both languages, picked at display time.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Msg {
    pub nl: String,
    pub en: String,
}

impl Msg {
    pub fn new(nl: impl Into<String>, en: impl Into<String>) -> Msg {
        Msg {
            nl: nl.into(),
            en: en.into(),
        }
    }
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.nl, &self.en)
    }
}

/// Accepts `12`, `-3` and thousands grouped with `.`, `_` or a space (`1.000`,
/// `12 500`); refuses decimals and text. A separator only counts between groups of
/// three digits: `2.5` is a decimal typed by mistake, not 25.
pub fn parse_integer(s: &str) -> Result<i64, Msg> {
    let err = || crate::msg!("form-integer");
    let t = s.trim();
    let (sign, digits) = match t.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", t.strip_prefix('+').unwrap_or(t)),
    };
    let groups: Vec<&str> = digits.split(['.', '_', ' ']).collect();
    let grouped_ok = groups.len() == 1
        || ((1..=3).contains(&groups[0].len()) && groups[1..].iter().all(|g| g.len() == 3));
    if !grouped_ok
        || groups
            .iter()
            .any(|g| g.is_empty() || !g.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(err());
    }
    format!("{sign}{}", groups.concat())
        .parse::<i64>()
        .map_err(|_| err())
}

/// Accepts a decimal point or a decimal comma (`2,5` and `2.5`), not both.
pub fn parse_decimal(s: &str) -> Result<f64, Msg> {
    let t = s.trim();
    let err = || crate::msg!("form-decimal");
    if t.contains(',') && t.contains('.') {
        return Err(err());
    }
    let n: f64 = t.replace(',', ".").parse().map_err(|_| err())?;
    if !n.is_finite() {
        return Err(err());
    }
    Ok(n)
}

/// Control characters (CR, LF, ESC, DEL, C1, ...) are refused: stored, they would reach
/// terminals and documents as escape sequences. A multi-line answer keeps newline and tab.
pub fn check_no_control(s: &str, multiline: bool) -> Result<(), Msg> {
    match crate::text::first_control(s, multiline) {
        None => Ok(()),
        Some(c) => {
            let what = crate::text::describe_control(c);
            let id = if multiline {
                "answer-control-text"
            } else {
                "answer-control-line"
            };
            Err(crate::msg!(id, char = what.as_str()))
        }
    }
}

pub fn parse_yes_no(s: &str) -> Result<bool, Msg> {
    match s.trim().to_lowercase().as_str() {
        "yes" | "ja" | "j" | "y" | "true" => Ok(true),
        "no" | "nee" | "n" | "false" => Ok(false),
        _ => Err(crate::msg!("form-yes-no")),
    }
}

/// Years a date answer may have: a typo such as `-2026` or `20266` is refused, not
/// printed as "1 January -2026" in a contract.
pub const DATE_YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

pub fn parse_date_input(s: &str) -> Result<time::Date, Msg> {
    let d = crate::i18n::fmt::parse_date_input(s).ok_or_else(|| crate::msg!("form-date"))?;
    if !DATE_YEARS.contains(&d.year()) {
        return Err(crate::msg!(
            "answer-date-range",
            from = DATE_YEARS.start().to_string(),
            to = DATE_YEARS.end().to_string()
        ));
    }
    Ok(d)
}

/// A pragmatic address check: one `@`, a non-empty local part, a domain with a dot,
/// no spaces. Full RFC 5322 is not what users mistype.
pub fn parse_email(s: &str) -> Result<String, Msg> {
    let t = s.trim();
    let err = || crate::msg!("form-email");
    let (local, domain) = t.split_once('@').ok_or_else(err)?;
    let ok = !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && !t.chars().any(char::is_whitespace)
        && t.len() <= 254;
    if ok { Ok(t.to_string()) } else { Err(err()) }
}

fn digits_only(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')'))
        .collect()
}

/// Dutch mobile number, stored as `+316xxxxxxxx`.
pub fn parse_mobile_nl(s: &str) -> Result<String, Msg> {
    check_not_m2m(s)?;
    let t = digits_only(s.trim());
    let rest = if let Some(r) = t.strip_prefix("+31") {
        r.to_string()
    } else if let Some(r) = t.strip_prefix("0031") {
        r.to_string()
    } else if let Some(r) = t.strip_prefix('0') {
        r.to_string()
    } else {
        return Err(mobile_err());
    };
    // rest is now 6xxxxxxxx (9 digits)
    if rest.len() != 9 || !rest.starts_with('6') || !rest.chars().all(|c| c.is_ascii_digit()) {
        return Err(mobile_err());
    }
    if rest.starts_with("66") {
        return Err(crate::msg!("form-mobile-pager"));
    }
    Ok(format!("+31{rest}"))
}

/// 097 numbers are machine-to-machine and never reach a person's phone.
pub fn check_not_m2m(s: &str) -> Result<(), Msg> {
    let t = digits_only(s.trim());
    if t.starts_with("097") || t.starts_with("+3197") || t.starts_with("003197") {
        return Err(crate::msg!("form-mobile-m2m"));
    }
    Ok(())
}

fn mobile_err() -> Msg {
    crate::msg!("form-mobile")
}

/// Dutch postcode, stored as `1234 AB`. A refusal says what is wrong with what was
/// typed: a leading 0, too few or too many digits, letters missing or in the wrong place.
pub fn parse_postcode_nl(s: &str) -> Result<String, Msg> {
    let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let t = t.to_uppercase();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    let rest = &t[digits..];
    let letters = rest.chars().take_while(char::is_ascii_uppercase).count();
    let why = |lang: Lang| {
        if t.starts_with('0') {
            Some(crate::t!(lang, "postcode-leading-zero"))
        } else if digits != 4 {
            Some(crate::t!(lang, "postcode-four-digits"))
        } else if letters != 2 || rest.len() != 2 {
            Some(crate::t!(lang, "postcode-two-letters"))
        } else {
            None
        }
    };
    if why(Lang::Nl).is_some() {
        let typed = quote_typed(s.trim());
        let message = |lang| {
            let why = why(lang).unwrap_or_default();
            let what = crate::t!(lang, "postcode-wrong", typed = &typed, why = why);
            format!("{what} {}", crate::t!(lang, "form-postcode"))
        };
        return Err(Msg::new(message(Lang::Nl), message(Lang::En)));
    }
    let letters = &t[4..];
    if matches!(letters, "SA" | "SD" | "SS") {
        return Err(crate::msg!("form-postcode-letters", letters = letters));
    }
    Ok(format!("{} {}", &t[..4], letters))
}

/// What the user typed, for a message: in quotes, control characters shown as `?`,
/// at most 20 characters.
fn quote_typed(s: &str) -> String {
    let mut out: String = s
        .chars()
        .take(20)
        .map(|c| if c.is_control() { '?' } else { c })
        .collect();
    if s.chars().count() > 20 {
        out.push('…');
    }
    format!("'{out}'")
}

/// A number typed with the question's unit (`40 GB`, `50 Mbit/s`, `50mbps`): the
/// number without it. Another unit is refused by name rather than read as a number.
pub fn strip_unit<'a>(s: &'a str, unit: Option<&str>) -> Result<&'a str, Msg> {
    let t = s.trim();
    let split = t
        .char_indices()
        .find(|&(_, c)| c.is_alphabetic() || c == '/' || c == '%')
        .map_or(t.len(), |(i, _)| i);
    let (number, typed) = (t[..split].trim_end(), t[split..].trim());
    // Not a number with a unit (nothing but text, or no text): the number's own check
    // says what is wrong.
    if typed.is_empty() || number.is_empty() {
        return Ok(t);
    }
    let norm = |u: &str| {
        u.to_lowercase()
            .replace(['/', ' ', '.'], "")
            .replace("bits", "bit")
    };
    let want = unit.map(norm).unwrap_or_default();
    let aliases: &[&str] = match want.as_str() {
        "mbits" | "mbit" | "mbps" => &["mbits", "mbit", "mbps", "mbs", "mb"],
        "gb" => &["gb", "gbyte", "gigabyte"],
        _ => &[],
    };
    let got = norm(typed);
    if !want.is_empty() && (got == want || aliases.contains(&got.as_str())) {
        return Ok(number);
    }
    let typed = quote_typed(typed);
    Err(match unit {
        Some(u) => crate::msg!("unit-other", unit = u, typed = &typed),
        None => crate::msg!("unit-none", typed = &typed),
    })
}

/// Chamber of Commerce number: exactly 8 digits.
pub fn parse_kvk(s: &str) -> Result<String, Msg> {
    let t = digits_only(s.trim());
    if t.len() == 8 && t.chars().all(|c| c.is_ascii_digit()) {
        Ok(t)
    } else {
        Err(crate::msg!("form-kvk"))
    }
}

/// Dutch VAT id: NL + 9 digits + B + 2 digits, stored upper case without spaces, with a
/// valid check: the classic "elfproef" (mod 11) on the 9 digits, or the mod-97 check over
/// the whole id that the Belastingdienst uses for sole proprietors' ids since 2020.
pub fn parse_vat_nl(s: &str) -> Result<String, Msg> {
    let t: String = digits_only(s.trim()).to_uppercase();
    let b = t.as_bytes();
    let ok = b.len() == 14
        && t.starts_with("NL")
        && b[2..11].iter().all(u8::is_ascii_digit)
        && b[11] == b'B'
        && b[12..].iter().all(u8::is_ascii_digit);
    if !ok {
        return Err(crate::msg!("form-vat"));
    }
    if !(vat_mod11_ok(&b[2..11]) || mod97(t.chars()) == 1) {
        return Err(crate::msg!("answer-vat-check"));
    }
    Ok(t)
}

/// The "elfproef": digits 1-8 weighted 9..2, the sum modulo 11 is digit 9 (10 is invalid).
fn vat_mod11_ok(digits: &[u8]) -> bool {
    let sum: u32 = digits[..8]
        .iter()
        .zip((2..=9).rev())
        .map(|(d, w)| u32::from(d - b'0') * w)
        .sum();
    let rest = sum % 11;
    rest < 10 && rest == u32::from(digits[8] - b'0')
}

/// IBAN with the mod-97 check, stored compact upper case (`NL91ABNA0417164300`).
pub fn parse_iban(s: &str) -> Result<String, Msg> {
    let t: String = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase();
    let shape_ok = (15..=34).contains(&t.len())
        && t.chars().all(|c| c.is_ascii_alphanumeric())
        && t[..2].chars().all(|c| c.is_ascii_uppercase())
        && t[2..4].chars().all(|c| c.is_ascii_digit());
    if !shape_ok {
        return Err(crate::msg!("form-iban"));
    }
    if t.starts_with("NL") && t.len() != 18 {
        return Err(crate::msg!("form-iban-length"));
    }
    if iban_mod97(&t) != 1 {
        return Err(crate::msg!("form-iban-check"));
    }
    Ok(t)
}

fn iban_mod97(iban: &str) -> u32 {
    mod97(iban[4..].chars().chain(iban[..4].chars()))
}

/// ISO 7064 mod 97-10 over digits and letters (A = 10 ... Z = 35).
fn mod97(chars: impl Iterator<Item = char>) -> u32 {
    let mut rem: u32 = 0;
    for c in chars {
        let v = c.to_digit(36).unwrap_or(0);
        rem = if v >= 10 {
            (rem * 100 + v) % 97
        } else {
            (rem * 10 + v) % 97
        };
    }
    rem
}

/// `NL91ABNA0417164300` → `NL91 ABNA 0417 1643 00`.
pub fn format_iban(iban: &str) -> String {
    iban.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A decimal as typed into an editor and read back by `parse_input`: a point, no
/// grouping, at most three decimals (`2.5`, `40`). For people, see `i18n::fmt`.
pub fn plain_decimal(n: f64) -> String {
    if n.fract() == 0.0 && n.abs() < 1e15 {
        format!("{}", n as i64)
    } else {
        let s = format!("{n:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// Shortcut used by callers that only need to know whether a value is present.
pub fn present(v: &Value) -> bool {
    !v.is_null()
}

#[cfg(test)]
#[path = "types_tests.rs"]
mod tests;
