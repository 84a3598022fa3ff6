//! Money helpers: integer cents only, never floats.

/// The language of descriptions and amounts: the form engine's language.
pub use crate::form::Lang;

/// VAT on one net amount: `net * percent / 100`, rounded half up (half away from zero for a
/// negative amount), the way a Dutch invoice rounds each line. Computed in i128, so it cannot
/// overflow; `None` only if the result does not fit in i64.
pub fn vat_cents(net_cents: i64, vat_percent: i64) -> Option<i64> {
    let n = i128::from(net_cents) * i128::from(vat_percent);
    let r = if n >= 0 {
        (n + 50) / 100
    } else {
        -((-n + 50) / 100)
    };
    i64::try_from(r).ok()
}

/// Formats cents as euros: `€ 1.234,56` in Dutch, `€1,234.56` in English (one notation for
/// the whole product: `crate::i18n::fmt::eur`).
pub fn format_eur(cents: i64, lang: Lang) -> String {
    crate::i18n::fmt::eur(cents, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vat_rounds_half_up_per_line() {
        assert_eq!(vat_cents(9995, 21), Some(2099)); // 2098.95 -> 2099
        assert_eq!(vat_cents(50, 21), Some(11)); // 10.5 -> 11
        assert_eq!(vat_cents(2, 21), Some(0)); // 0.42 -> 0
        assert_eq!(vat_cents(0, 21), Some(0));
        assert_eq!(vat_cents(-50, 21), Some(-11));
        // i128 inside: no overflow even at the extreme (exact value 1 936 908 127 739 502 919.47).
        assert_eq!(vat_cents(i64::MAX, 21), Some(1_936_908_127_739_502_919));
        assert_eq!(vat_cents(i64::MAX, 100), Some(i64::MAX));
    }

    #[test]
    fn euro_notation() {
        assert_eq!(format_eur(123_456, Lang::Nl), "€\u{a0}1.234,56");
        assert_eq!(format_eur(123_456, Lang::En), "€1,234.56");
        assert_eq!(format_eur(5, Lang::Nl), "€\u{a0}0,05");
        assert_eq!(format_eur(100_000_000, Lang::Nl), "€\u{a0}1.000.000,00");
        assert_eq!(format_eur(-9995, Lang::Nl), "€\u{a0}-99,95");
        assert_eq!(format_eur(-9995, Lang::En), "-€99.95");
        assert_eq!(
            format_eur(i64::MIN, Lang::En),
            "-€92,233,720,368,547,758.08"
        );
    }
}
