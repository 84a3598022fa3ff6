//! Pricing: from a [`QuoteInput`] and the [`Catalog`] to a [`Quote`] with lines and totals.
//!
//! Rounding, as Dutch accounting software does it: lines are excluding VAT; the VAT of each
//! subtotal (monthly, one-time) is `vat% × subtotal`, rounded half up once (see
//! [`super::vat_cents`]), so the VAT shown is always exactly that percentage of the subtotal
//! shown. A line's own `vat_cents` is informative only and is not summed.

use super::catalog::{Catalog, Item};
use super::money::vat_cents;
use time::{Date, Duration};

/// Options chosen for one user (FAQ 1.22: options are per user).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct UserOptions {
    pub name: String,
    /// Option codes from the catalog (`access`, `visio`, ...). A code listed twice counts once.
    pub options: Vec<String>,
}

/// What is priced. The lead maps form answers and advice into this.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteInput {
    /// Quote date: picks the workstation price period and starts the validity.
    pub date: Date,
    pub workstations: u32,
    pub users: Vec<UserOptions>,
    /// One-time items (catalog code, quantity); a code listed twice is merged, quantity 0 skipped.
    pub one_time: Vec<(String, u32)>,
    /// Optional items (a one-time code or an option code, quantity): shown, excluded from totals.
    pub optional: Vec<(String, u32)>,
}

impl QuoteInput {
    /// `workstations` on `date`, no options and no other items.
    pub fn new(date: Date, workstations: u32) -> QuoteInput {
        QuoteInput {
            date,
            workstations,
            users: Vec::new(),
            one_time: Vec::new(),
            optional: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum QuoteError {
    #[error("unknown option '{code}' for user '{user}'")]
    UnknownOption { user: String, code: String },
    #[error("unknown one-time item '{0}'")]
    UnknownItem(String),
    #[error("unknown optional item '{0}'")]
    UnknownOptional(String),
    #[error("the catalog has no workstation price on {0}")]
    NoPrice(Date),
    #[error("a quote needs at least one workstation")]
    NoWorkstations,
    #[error("amounts too large to compute in cents")]
    Overflow,
    #[error("validity date after {0} is out of range")]
    DateOutOfRange(Date),
}

/// Cost overview (fewer than the threshold, ordered online, the order confirmation is the
/// contract) or quote (from the threshold on, the signed quote is the contract). FAQ 2.2/2.4/2.8.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteKind {
    CostOverview,
    Quote,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    Monthly,
    OneTime,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteLine {
    pub code: String,
    pub description_nl: String,
    pub description_en: String,
    pub quantity: u32,
    /// `None`: price on request; then net and VAT are 0 and the line is not in the totals.
    pub unit_cents: Option<i64>,
    pub net_cents: i64,
    pub vat_cents: i64,
    pub period: Period,
    /// Asked for as optional: shown, not in the totals.
    pub optional: bool,
    /// Charged only if the customer does not go ahead (intake, FAQ 3.4): not in the totals.
    pub only_if_cancelled: bool,
    /// The unit price is an example value from the catalog, not a published price.
    pub example: bool,
    /// What a volume-priced line includes (catalog `includes_nl` / `includes_en`).
    pub includes_nl: Option<String>,
    pub includes_en: Option<String>,
}

impl QuoteLine {
    /// The catalog's description in `lang` (data, like the form's labels).
    pub fn description(&self, lang: crate::form::Lang) -> &str {
        lang.pick(&self.description_nl, &self.description_en)
    }

    /// What a volume-priced line includes, in `lang`.
    pub fn includes(&self, lang: crate::form::Lang) -> Option<&str> {
        lang.pick(self.includes_nl.as_deref(), self.includes_en.as_deref())
    }

    /// Lines that count in the totals: priced, not optional, not conditional on cancelling.
    pub fn in_totals(&self) -> bool {
        self.unit_cents.is_some() && !self.optional && !self.only_if_cancelled
    }
}

/// All amounts in cents. Monthly and one-time totals exclude VAT (`net`), the VAT (the rate
/// over the net subtotal, rounded once) and include it (`gross` = net + VAT).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Totals {
    pub monthly_net_cents: i64,
    pub monthly_vat_cents: i64,
    pub monthly_gross_cents: i64,
    pub one_time_net_cents: i64,
    pub one_time_vat_cents: i64,
    pub one_time_gross_cents: i64,
    /// What the first year really costs, excluding VAT: 12 × the monthly net total + the
    /// one-time net total.
    pub first_year_cents: i64,
    /// What the first year really costs as paid: 12 × the monthly gross total + the one-time
    /// gross total (each invoice carries its own VAT).
    pub first_year_gross_cents: i64,
    /// The minimum commitment excluding VAT, by the catalog's `[contract]` rule: each
    /// workstation on this quote × `quoted_workstation_months` (FAQ 1.20 sets the one-year
    /// minimum; the default counts every quoted workstation in it), each counted monthly option
    /// line × `option_min_months` (FAQ 1.19), plus the counted one-time net total. Optional,
    /// on-request and only-if-cancelled lines are left out. The price is the one in force on the
    /// quote date, held for the initial term (FAQ 1.12).
    pub first_year_commitment_cents: i64,
    /// The commitment including VAT: `first_year_commitment_cents` + VAT on it (half up).
    pub first_year_commitment_gross_cents: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    pub kind: QuoteKind,
    /// Name of the workstation price period used (`promo`, `regular`).
    pub price_name: String,
    pub lines: Vec<QuoteLine>,
    pub totals: Totals,
    pub valid_until: Date,
    pub date: Date,
    /// Some line uses an example price from the catalog.
    pub has_example_prices: bool,
}

fn line(
    item: &Item,
    qty: u32,
    period: Period,
    optional: bool,
    vat: i64,
) -> Result<QuoteLine, QuoteError> {
    let net = match item.cents {
        Some(u) => u.checked_mul(i64::from(qty)).ok_or(QuoteError::Overflow)?,
        None => 0,
    };
    Ok(QuoteLine {
        code: item.id.clone(),
        description_nl: item.description_nl.clone(),
        description_en: item.description_en.clone(),
        quantity: qty,
        unit_cents: item.cents,
        net_cents: net,
        vat_cents: vat_cents(net, vat).ok_or(QuoteError::Overflow)?,
        period,
        optional,
        only_if_cancelled: item.only_if_cancelled,
        example: item.example && item.cents.is_some(),
        includes_nl: item.includes_nl.clone(),
        includes_en: item.includes_en.clone(),
    })
}

/// Merges repeated codes (first position kept) and drops quantity 0.
fn merged(items: &[(String, u32)]) -> Result<Vec<(String, u32)>, QuoteError> {
    let mut out: Vec<(String, u32)> = Vec::new();
    for (code, qty) in items {
        match out.iter_mut().find(|(c, _)| c == code) {
            Some((_, q)) => *q = q.checked_add(*qty).ok_or(QuoteError::Overflow)?,
            None => out.push((code.clone(), *qty)),
        }
    }
    out.retain(|(_, q)| *q > 0);
    Ok(out)
}

/// Prices `input` against `catalog`. Line order: workstations, per-user options (catalog order,
/// one line per option, quantity = users having it), one-time items, optional items.
pub fn price(catalog: &Catalog, input: &QuoteInput) -> Result<Quote, QuoteError> {
    if input.workstations == 0 {
        return Err(QuoteError::NoWorkstations);
    }
    let vat = catalog.vat_percent;
    let ws_price = catalog
        .workstation_price(input.date)
        .ok_or(QuoteError::NoPrice(input.date))?;
    let ws_item = Item {
        id: "workstation".into(),
        description_nl: catalog.workstation_description_nl.clone(),
        description_en: catalog.workstation_description_en.clone(),
        cents: Some(ws_price.cents),
        example: ws_price.example,
        only_if_cancelled: false,
        includes_nl: None,
        includes_en: None,
    };
    let mut lines = vec![line(
        &ws_item,
        input.workstations,
        Period::Monthly,
        false,
        vat,
    )?];

    let mut counts = vec![0u32; catalog.options.len()];
    for user in &input.users {
        let mut seen: Vec<usize> = Vec::new();
        for code in &user.options {
            let idx = catalog
                .options
                .iter()
                .position(|o| &o.id == code)
                .ok_or_else(|| QuoteError::UnknownOption {
                    user: user.name.clone(),
                    code: code.clone(),
                })?;
            if !seen.contains(&idx) {
                seen.push(idx);
                counts[idx] = counts[idx].checked_add(1).ok_or(QuoteError::Overflow)?;
            }
        }
    }
    for (opt, n) in catalog.options.iter().zip(counts) {
        if n > 0 {
            lines.push(line(opt, n, Period::Monthly, false, vat)?);
        }
    }
    for (code, qty) in merged(&input.one_time)? {
        let item = catalog
            .one_time_item(&code)
            .ok_or(QuoteError::UnknownItem(code.clone()))?;
        lines.push(line(item, qty, Period::OneTime, false, vat)?);
    }
    for (code, qty) in merged(&input.optional)? {
        let l = if let Some(item) = catalog.one_time_item(&code) {
            line(item, qty, Period::OneTime, true, vat)?
        } else if let Some(item) = catalog.option(&code) {
            line(item, qty, Period::Monthly, true, vat)?
        } else {
            return Err(QuoteError::UnknownOptional(code));
        };
        lines.push(l);
    }

    let totals = totals(catalog, ws_price.cents, input.workstations, &lines)?;
    let valid_until = input
        .date
        .checked_add(Duration::days(i64::from(catalog.quote_validity_days)))
        .ok_or(QuoteError::DateOutOfRange(input.date))?;
    let kind = if input.workstations >= catalog.quote_threshold_workstations {
        QuoteKind::Quote
    } else {
        QuoteKind::CostOverview
    };
    Ok(Quote {
        kind,
        price_name: ws_price.name.clone(),
        has_example_prices: lines.iter().any(|l| l.example),
        lines,
        totals,
        valid_until,
        date: input.date,
    })
}

fn totals(
    catalog: &Catalog,
    ws_unit: i64,
    workstations: u32,
    lines: &[QuoteLine],
) -> Result<Totals, QuoteError> {
    let add = |a: i64, b: i64| a.checked_add(b).ok_or(QuoteError::Overflow);
    let mul = |a: i64, b: i64| a.checked_mul(b).ok_or(QuoteError::Overflow);
    let vat = |net: i64| vat_cents(net, catalog.vat_percent).ok_or(QuoteError::Overflow);
    let mut t = Totals::default();
    let mut option_monthly = 0i64;
    for l in lines.iter().filter(|l| l.in_totals()) {
        match l.period {
            Period::Monthly => {
                t.monthly_net_cents = add(t.monthly_net_cents, l.net_cents)?;
                if l.code != "workstation" {
                    option_monthly = add(option_monthly, l.net_cents)?;
                }
            }
            Period::OneTime => t.one_time_net_cents = add(t.one_time_net_cents, l.net_cents)?,
        }
    }
    t.monthly_vat_cents = vat(t.monthly_net_cents)?;
    t.one_time_vat_cents = vat(t.one_time_net_cents)?;
    t.monthly_gross_cents = add(t.monthly_net_cents, t.monthly_vat_cents)?;
    t.one_time_gross_cents = add(t.one_time_net_cents, t.one_time_vat_cents)?;
    t.first_year_cents = add(mul(t.monthly_net_cents, 12)?, t.one_time_net_cents)?;
    t.first_year_gross_cents = add(mul(t.monthly_gross_cents, 12)?, t.one_time_gross_cents)?;

    let c = &catalog.contract;
    let ws_months = mul(
        i64::from(workstations),
        i64::from(c.quoted_workstation_months),
    )?;
    let ws_commit = mul(ws_unit, ws_months)?;
    let opt_commit = mul(option_monthly, i64::from(c.option_min_months))?;
    t.first_year_commitment_cents = add(add(ws_commit, opt_commit)?, t.one_time_net_cents)?;
    t.first_year_commitment_gross_cents = add(
        t.first_year_commitment_cents,
        vat(t.first_year_commitment_cents)?,
    )?;
    Ok(t)
}

#[cfg(test)]
#[path = "price_tests.rs"]
mod tests;
