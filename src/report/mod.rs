//! The PDF report: migration plan, quote or cost overview, terms, signature and SEPA mandate.
//!
//! `model` is the report's own input (filled by the lead from advice, quote and plan);
//! `canvas` is the only file that touches printpdf; `layout`, `table` and `charts` form the layout
//! layer; `document` and `sections` build the pages.

pub mod canvas;
pub mod charts;
mod contract;
pub mod document;
pub mod draft_mark;
mod findings;
pub mod format;
pub mod labels;
pub mod layout;
mod link_latency;
pub mod model;
mod plan_section;
pub mod provider;
mod quote_section;
pub mod sample;
mod sections;
mod sepa;
mod situation;
mod summary;
pub mod table;
mod table_fit;
mod timeline;

pub use document::{render, render_at};
pub use format::{format_date, format_eur};
pub use model::*;
pub use provider::Provider;

#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    #[error("{file}:{line}:{column}: {message}")]
    Provider {
        file: String,
        line: usize,
        column: usize,
        message: String,
    },
    #[error("font: {0}")]
    Font(String),
    #[error("layout: {0}")]
    Layout(String),
    #[error("report input: {0}")]
    Input(String),
}
