//! intake: the intake and site survey for the move to MKB Werkplek Online.
//!
//! One direction of flow: `form` (schema, expressions, validation) and `store`
//! (SQLite) know nothing of the UI; `probe`, `advice`, `quote`, `plan` and `report`
//! are plain libraries; `workspace` joins form and store for every front end;
//! `tui` draws state and turns keys into actions; `cli` is the thin clap front.
pub mod advice;
pub mod cli;
pub mod crypt;
pub mod demo;
pub mod export;
pub mod faq;
pub mod form;
pub mod fsutil;
pub mod i18n;
pub mod plan;
pub mod probe;
pub mod proposal;
pub mod quote;
pub mod report;
pub mod store;
pub mod text;
pub mod tui;
pub mod web;
pub mod workspace;
