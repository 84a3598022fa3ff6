//! The price catalog: dated workstation prices, per-user options, one-time items and contract terms,
//! read from TOML and checked (periods that overlap, unknown or duplicate codes, negative prices).

use serde::Deserialize;
use std::ops::Range;
use time::Date;
use toml::Spanned;

/// Largest unit price accepted (€ 10 million): keeps every line far from i64 overflow.
pub const MAX_UNIT_CENTS: i64 = 1_000_000_000;

/// A catalog that could not be read; says which file, where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}:{column}: {message}")]
pub struct CatalogError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Contract terms (FAQ 1.19, 1.20, 2.6): the minimum commitment rule as data.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContractTerms {
    /// Minimum term of the contract, in months (FAQ 1.20: one year for at least one workstation).
    pub initial_term_months: u32,
    /// Minimum term of each workstation on the signed quote or order, in months. The default
    /// (12) treats every workstation ordered now as part of the one-year contract.
    pub quoted_workstation_months: u32,
    /// Minimum term of a workstation added later through the self-service module, in months
    /// (FAQ 1.20: one month). Not part of this quote's commitment; stated in its rule.
    pub added_later_min_months: u32,
    /// Minimum term of an optional application, in months (FAQ 1.19: one month).
    pub option_min_months: u32,
}

/// The monthly workstation price that holds between two dates (both inclusive).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PricePeriod {
    /// `promo` or `regular` (free text, shown as the price name).
    pub name: String,
    pub cents: i64,
    pub valid_from: Date,
    /// `None`: open-ended.
    pub valid_until: Option<Date>,
    /// The FAQ does not give this price as current (FAQ 1.10, 1.11): an example until the
    /// provider's file confirms it.
    pub example: bool,
}

impl PricePeriod {
    pub fn contains(&self, d: Date) -> bool {
        d >= self.valid_from && self.valid_until.is_none_or(|u| d <= u)
    }
}

/// An option or one-time item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub id: String,
    pub description_nl: String,
    pub description_en: String,
    /// `None`: priced on request (shown, excluded from the totals).
    pub cents: Option<i64>,
    /// The amount is an example value, not from the FAQ.
    pub example: bool,
    /// Charged only if the customer does not go ahead (the intake, FAQ 3.4): shown, not in totals.
    pub only_if_cancelled: bool,
    /// What a volume-priced item includes (e.g. the GB of a migration project), per language.
    pub includes_nl: Option<String>,
    pub includes_en: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalog {
    pub vat_percent: i64,
    pub quote_validity_days: u32,
    pub quote_threshold_workstations: u32,
    pub contract: ContractTerms,
    pub workstation_description_nl: String,
    pub workstation_description_en: String,
    /// Sorted by `valid_from`, never overlapping.
    pub workstation_prices: Vec<PricePeriod>,
    pub options: Vec<Item>,
    pub one_time: Vec<Item>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCatalog {
    vat_percent: Spanned<i64>,
    quote_validity_days: Spanned<u32>,
    quote_threshold_workstations: Spanned<u32>,
    contract: Spanned<ContractTerms>,
    workstation: RawDescr,
    workstation_price: Vec<RawPeriod>,
    #[serde(default)]
    option: Vec<RawItem>,
    #[serde(default)]
    one_time: Vec<RawItem>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawDescr {
    description_nl: String,
    description_en: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPeriod {
    name: Spanned<String>,
    cents: Spanned<i64>,
    valid_from: Spanned<String>,
    valid_until: Option<Spanned<String>>,
    #[serde(default)]
    example: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawItem {
    id: Spanned<String>,
    description_nl: String,
    description_en: String,
    cents: Option<Spanned<i64>>,
    #[serde(default)]
    on_request: bool,
    #[serde(default)]
    example: bool,
    #[serde(default)]
    only_if_cancelled: bool,
    includes_nl: Option<String>,
    includes_en: Option<String>,
}

/// 1-based line and column of a byte offset.
pub(crate) fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let mut end = offset.min(src.len());
    while !src.is_char_boundary(end) {
        end -= 1;
    }
    let before = &src[..end];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Parses "YYYY-MM-DD".
pub(crate) fn parse_iso_date(s: &str) -> Option<Date> {
    Date::parse(s, time::macros::format_description!("[year]-[month]-[day]")).ok()
}

/// True for ids made of lowercase ASCII letters, digits and underscores.
pub(crate) fn is_code(s: &str) -> bool {
    !s.is_empty()
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
}

struct Ctx<'a> {
    src: &'a str,
    file: &'a str,
}

impl Ctx<'_> {
    fn err(&self, span: Range<usize>, message: impl Into<String>) -> CatalogError {
        let (line, column) = line_col(self.src, span.start);
        CatalogError {
            file: self.file.to_string(),
            line,
            column,
            message: message.into(),
        }
    }

    fn date(&self, s: &Spanned<String>) -> Result<Date, CatalogError> {
        parse_iso_date(s.get_ref()).ok_or_else(|| {
            self.err(
                s.span(),
                format!("'{}' is not a date YYYY-MM-DD", s.get_ref()),
            )
        })
    }

    fn cents(&self, c: &Spanned<i64>) -> Result<i64, CatalogError> {
        let v = *c.get_ref();
        if !(0..=MAX_UNIT_CENTS).contains(&v) {
            return Err(self.err(
                c.span(),
                format!("price {v} cents must be between 0 and {MAX_UNIT_CENTS}"),
            ));
        }
        Ok(v)
    }
}

impl Catalog {
    /// The catalog shipped in `assets/catalog.toml`, with the prices the provider's file
    /// (`INTAKE_PROVIDER`, else the shipped `assets/provider.toml`) confirms as current.
    pub fn embedded() -> Result<Catalog, CatalogError> {
        let mut catalog = Catalog::from_toml_str(super::CATALOG_TOML, "assets/catalog.toml")?;
        let provider = crate::report::Provider::load().map_err(|e| CatalogError {
            file: "provider".into(),
            line: 0,
            column: 0,
            message: e.to_string(),
        })?;
        catalog.confirm(&provider.confirmed_prices);
        Ok(catalog)
    }

    /// Reads and checks a catalog; `file` is only used in error messages.
    pub fn from_toml_str(src: &str, file: &str) -> Result<Catalog, CatalogError> {
        let cx = Ctx { src, file };
        let raw: RawCatalog = toml::from_str(src)
            .map_err(|e| cx.err(e.span().unwrap_or(0..0), e.message().to_string()))?;
        if !(0..=100).contains(raw.vat_percent.get_ref()) {
            return Err(cx.err(
                raw.vat_percent.span(),
                "vat_percent must be between 0 and 100",
            ));
        }
        if !(1..=366).contains(raw.quote_validity_days.get_ref()) {
            return Err(cx.err(
                raw.quote_validity_days.span(),
                "quote_validity_days must be 1..=366",
            ));
        }
        if *raw.quote_threshold_workstations.get_ref() == 0 {
            return Err(cx.err(
                raw.quote_threshold_workstations.span(),
                "quote_threshold_workstations must be at least 1",
            ));
        }
        let c = raw.contract.get_ref();
        for m in [
            c.initial_term_months,
            c.quoted_workstation_months,
            c.added_later_min_months,
            c.option_min_months,
        ] {
            if !(1..=120).contains(&m) {
                return Err(cx.err(raw.contract.span(), "contract months must be 1..=120"));
            }
        }
        let prices = check_periods(&cx, &raw.workstation_price)?;
        let mut seen: Vec<String> = Vec::new();
        let options = check_items(&cx, &raw.option, &mut seen, "option")?;
        let one_time = check_items(&cx, &raw.one_time, &mut seen, "one_time")?;
        Ok(Catalog {
            vat_percent: *raw.vat_percent.get_ref(),
            quote_validity_days: *raw.quote_validity_days.get_ref(),
            quote_threshold_workstations: *raw.quote_threshold_workstations.get_ref(),
            contract: raw.contract.into_inner(),
            workstation_description_nl: raw.workstation.description_nl,
            workstation_description_en: raw.workstation.description_en,
            workstation_prices: prices,
            options,
            one_time,
        })
    }

    /// The workstation price in force on `date` (periods never overlap, so at most one).
    pub fn workstation_price(&self, date: Date) -> Option<&PricePeriod> {
        self.workstation_prices.iter().find(|p| p.contains(date))
    }

    pub fn option(&self, id: &str) -> Option<&Item> {
        self.options.iter().find(|i| i.id == id)
    }

    pub fn one_time_item(&self, id: &str) -> Option<&Item> {
        self.one_time.iter().find(|i| i.id == id)
    }

    /// Clears the example mark of the prices the provider's file confirms as current: catalog
    /// codes, and `workstation` for the workstation price in force.
    pub fn confirm(&mut self, codes: &[String]) {
        let confirmed = |id: &str| codes.iter().any(|c| c == id);
        if confirmed("workstation") {
            for p in &mut self.workstation_prices {
                p.example = false;
            }
        }
        for item in self.options.iter_mut().chain(self.one_time.iter_mut()) {
            if confirmed(&item.id) {
                item.example = false;
            }
        }
    }
}

fn check_periods(cx: &Ctx, raw: &[RawPeriod]) -> Result<Vec<PricePeriod>, CatalogError> {
    if raw.is_empty() {
        return Err(cx.err(0..0, "at least one [[workstation_price]] is needed"));
    }
    let mut out: Vec<(PricePeriod, Range<usize>)> = Vec::new();
    for p in raw {
        let valid_from = cx.date(&p.valid_from)?;
        let valid_until = p.valid_until.as_ref().map(|u| cx.date(u)).transpose()?;
        if let (Some(u), Some(su)) = (valid_until, &p.valid_until)
            && u < valid_from
        {
            return Err(cx.err(su.span(), "valid_until is before valid_from"));
        }
        if p.name.get_ref().trim().is_empty() {
            return Err(cx.err(p.name.span(), "price name is empty"));
        }
        let period = PricePeriod {
            name: p.name.get_ref().clone(),
            cents: cx.cents(&p.cents)?,
            valid_from,
            valid_until,
            example: p.example,
        };
        out.push((period, p.valid_from.span()));
    }
    out.sort_by_key(|(p, _)| p.valid_from);
    for w in out.windows(2) {
        let (a, b) = (&w[0].0, &w[1].0);
        if a.valid_until.is_none_or(|u| u >= b.valid_from) {
            return Err(cx.err(
                w[1].1.clone(),
                format!(
                    "price period '{}' from {} overlaps period '{}'",
                    b.name, b.valid_from, a.name
                ),
            ));
        }
    }
    Ok(out.into_iter().map(|(p, _)| p).collect())
}

fn check_items(
    cx: &Ctx,
    raw: &[RawItem],
    seen: &mut Vec<String>,
    table: &str,
) -> Result<Vec<Item>, CatalogError> {
    let mut out = Vec::new();
    for r in raw {
        let id = r.id.get_ref();
        if !is_code(id) {
            return Err(cx.err(
                r.id.span(),
                format!("{table} id '{id}' must be lowercase letters, digits, _"),
            ));
        }
        if seen.contains(id) {
            return Err(cx.err(r.id.span(), format!("duplicate code '{id}'")));
        }
        seen.push(id.clone());
        let cents = match (&r.cents, r.on_request) {
            (Some(c), false) => Some(cx.cents(c)?),
            (None, true) => None,
            (Some(c), true) => {
                return Err(cx.err(c.span(), format!("'{id}' has both cents and on_request")));
            }
            (None, false) => {
                return Err(cx.err(
                    r.id.span(),
                    format!("'{id}' needs cents or on_request = true"),
                ));
            }
        };
        out.push(Item {
            id: id.clone(),
            description_nl: r.description_nl.clone(),
            description_en: r.description_en.clone(),
            cents,
            example: r.example,
            only_if_cancelled: r.only_if_cancelled,
            includes_nl: r.includes_nl.clone(),
            includes_en: r.includes_en.clone(),
        });
    }
    Ok(out)
}

#[cfg(test)]
#[path = "catalog_tests.rs"]
mod tests;
