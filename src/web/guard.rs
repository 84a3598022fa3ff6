//! The security layer every request passes: strict headers, the Origin check on every
//! POST, and the per-address limit on failed token lookups.

use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::{Shared, WebError};

/// Failed token lookups one address may make per window before it is refused.
pub const MAX_FAILURES: u32 = 20;
pub const FAILURE_WINDOW: Duration = Duration::from_secs(10 * 60);
/// Addresses remembered at most; the oldest windows are dropped first.
const MAX_ADDRESSES: usize = 10_000;

/// Counts failed lookups per address in a fixed window.
#[derive(Default)]
pub struct Limiter {
    failures: Mutex<HashMap<IpAddr, (Instant, u32)>>,
}

impl Limiter {
    /// Whether `ip` may try another token now.
    pub fn allowed(&self, ip: IpAddr) -> bool {
        let map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        match map.get(&ip) {
            Some((since, n)) => since.elapsed() >= FAILURE_WINDOW || *n < MAX_FAILURES,
            None => true,
        }
    }

    pub fn failed(&self, ip: IpAddr) {
        let mut map = self.failures.lock().unwrap_or_else(|p| p.into_inner());
        if map.len() >= MAX_ADDRESSES && !map.contains_key(&ip) {
            map.retain(|_, (since, _)| since.elapsed() < FAILURE_WINDOW);
            if map.len() >= MAX_ADDRESSES {
                // Still full: forget the oldest window rather than grow without bound.
                if let Some(oldest) = map.iter().min_by_key(|(_, (s, _))| *s).map(|(k, _)| *k) {
                    map.remove(&oldest);
                }
            }
        }
        let entry = map.entry(ip).or_insert((Instant::now(), 0));
        if entry.0.elapsed() >= FAILURE_WINDOW {
            *entry = (Instant::now(), 0);
        }
        entry.1 = entry.1.saturating_add(1);
    }
}

/// Headers on every response: nothing from elsewhere, no framing, nothing cached, and the
/// referrer (which holds the token) only to this server itself: `no-referrer` would make
/// the browser send `Origin: null` on form posts, which the Origin check must refuse.
pub async fn headers(req: Request, next: Next) -> Response {
    let mut res = next.run(req).await;
    let h = res.headers_mut();
    let set = |h: &mut HeaderMap, k: header::HeaderName, v: &'static str| {
        h.insert(k, HeaderValue::from_static(v));
    };
    set(
        h,
        header::CONTENT_SECURITY_POLICY,
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; \
         connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    );
    set(h, header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(h, header::REFERRER_POLICY, "same-origin");
    set(h, header::X_FRAME_OPTIONS, "DENY");
    set(h, header::CACHE_CONTROL, "no-store");
    set(
        h,
        header::HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    set(
        h,
        header::HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=()",
    );
    res
}

/// Refuses a POST whose Origin (or, without one, Referer) is not this server.
pub async fn origin_check(State(app): State<Shared>, req: Request, next: Next) -> Response {
    if req.method() != Method::POST {
        return next.run(req).await;
    }
    let h = req.headers();
    let expected = match &app.origin {
        Some(o) => Some(o.clone()),
        None => h
            .get(header::HOST)
            .and_then(|v| v.to_str().ok())
            .map(|host| format!("http://{host}")),
    };
    let from = h
        .get(header::ORIGIN)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
        .or_else(|| {
            let referer = h.get(header::REFERER)?.to_str().ok()?;
            let (scheme, rest) = referer.split_once("://")?;
            Some(format!("{scheme}://{}", rest.split('/').next()?))
        });
    match (expected, from) {
        (Some(e), Some(f)) if e.eq_ignore_ascii_case(&f) => next.run(req).await,
        _ => {
            let lang = super::form_routes::lang_of_uri(req.uri());
            WebError::Forbidden.into_page(lang).into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_address_is_refused_after_too_many_failures_and_others_are_not() {
        let l = Limiter::default();
        let a: IpAddr = "127.0.0.2".parse().unwrap();
        let b: IpAddr = "127.0.0.3".parse().unwrap();
        for _ in 0..MAX_FAILURES {
            assert!(l.allowed(a));
            l.failed(a);
        }
        assert!(!l.allowed(a));
        assert!(l.allowed(b));
    }
}
