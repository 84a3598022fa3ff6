//! What a customer sees when a request cannot be served: a short page in their language
//! that says what happened and what to do, never a stack trace or another intake's data.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::html;

use super::form_page::layout;
use crate::form::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WebError {
    /// Unknown, altered, expired or revoked link: one answer for all, so a guesser learns nothing.
    Gone,
    TooMany,
    Forbidden,
    NotFound,
    Internal,
}

impl WebError {
    fn status_and_text(self, lang: Lang) -> (StatusCode, String) {
        match self {
            WebError::Gone => (StatusCode::NOT_FOUND, crate::t!(lang, "web-gone")),
            WebError::TooMany => (
                StatusCode::TOO_MANY_REQUESTS,
                crate::t!(lang, "web-too-many"),
            ),
            WebError::Forbidden => (StatusCode::FORBIDDEN, crate::t!(lang, "web-forbidden")),
            WebError::NotFound => (StatusCode::NOT_FOUND, crate::t!(lang, "web-not-found")),
            WebError::Internal => (
                StatusCode::INTERNAL_SERVER_ERROR,
                crate::t!(lang, "web-server-error"),
            ),
        }
    }

    pub fn into_page(self, lang: Lang) -> Response {
        let (status, text) = self.status_and_text(lang);
        let body = layout(
            lang,
            &crate::t!(lang, "web-title"),
            None,
            html! { p.notice role="alert" { (text) } },
        );
        (status, body).into_response()
    }
}

/// A refused request and the language to explain it in.
pub struct Failure(pub Lang, pub WebError);

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        self.1.into_page(self.0)
    }
}

/// An unexpected error: logged for the operator by its outermost message only (the
/// program's own words, never an answer or a token), shown to the customer as a retry.
pub fn internal(lang: Lang, e: anyhow::Error) -> Failure {
    eprintln!("intake serve: {e}");
    Failure(lang, WebError::Internal)
}
