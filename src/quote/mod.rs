//! Quote: prices a customer's workstations, per-user options and one-time items against a dated
//! catalog (`assets/catalog.toml`), in integer cents with VAT per line.
//!
//! Fewer than `quote_threshold_workstations` (10) workstations give a cost overview, more a quote
//! (FAQ 2.2, 2.4, 2.8). The intake is shown but charged only if the customer does not go ahead
//! (FAQ 3.4). A month started is a month paid (FAQ 6.4): all monthly amounts are whole months.

mod catalog;
mod json;
mod money;
mod price;

pub use catalog::{Catalog, CatalogError, ContractTerms, Item, MAX_UNIT_CENTS, PricePeriod};
pub use money::{Lang, format_eur, vat_cents};
pub use price::{
    Period, Quote, QuoteError, QuoteInput, QuoteKind, QuoteLine, Totals, UserOptions, price,
};

pub(crate) use catalog::{is_code, line_col};
pub(crate) use json::iso;

/// The shipped catalog, embedded at build time.
pub const CATALOG_TOML: &str = include_str!("../../assets/catalog.toml");
