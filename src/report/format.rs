//! Number, money and date notation: the one place is `crate::i18n::fmt`; these are its names
//! as the report has always called them.

pub use crate::i18n::fmt::{
    NBSP, date_long as format_date, date_short as format_date_short, decimal as format_decimal,
    eur as format_eur, mbps as format_mbps,
};
