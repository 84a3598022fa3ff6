//! The browser speed test (as LibreSpeed does it): the page's script runs parallel HTTP
//! streams against these endpoints, discards a warm-up, and measures idle latency and
//! latency under load per direction. The result is saved as a bandwidth measurement of
//! the chosen location, in the shape the advice reads (`advice::facts`), marked as
//! measured in a browser.

use axum::body::Body;
use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use bytes::Bytes;
use http_body::{Frame, SizeHint};
use http_body_util::BodyExt;
use maud::html;
use serde_json::json;
use std::convert::Infallible;
use std::net::SocketAddr;
use std::pin::Pin;
use std::task::{Context, Poll};

use super::error::{Failure, internal};
use super::form_page::layout;
use super::form_routes::{open_for_write, open_link};
use super::{LangQuery, Shared, token};
use crate::form::Lang;

/// The most one download request sends and one upload request may carry.
pub const MAX_TRANSFER: u64 = 256 * 1024 * 1024;
const CHUNK: usize = 256 * 1024;

#[derive(serde::Deserialize)]
pub struct SpeedQuery {
    /// The page's ticket: the link's CSRF token, checked without the database so the
    /// measurement does not time SQLite.
    t: Option<String>,
    bytes: Option<u64>,
}

fn ticket_ok(app: &Shared, token: &str, q: &SpeedQuery) -> bool {
    token::well_formed(token)
        && q.t
            .as_deref()
            .is_some_and(|t| token::csrf_ok(&app.csrf_key, &token::token_hash(token), t))
}

/// Locations of the intake: (entry number, name).
fn locations(l: &crate::workspace::Loaded) -> Vec<(usize, String)> {
    (1..=l.entry_count("locations"))
        .map(|i| {
            let name = l
                .answers
                .get(&format!("locations[{i}].name"))
                .and_then(|v| v.as_str())
                .map(str::to_owned)
                .unwrap_or_else(|| format!("{i}"));
            (i, name)
        })
        .collect()
}

pub async fn page(
    State(app): State<Shared>,
    Path(token): Path<String>,
    Query(q): Query<LangQuery>,
    ConnectInfo(ip): ConnectInfo<SocketAddr>,
) -> Result<Response, Failure> {
    let lang = q.lang();
    let link = open_link(&app, &token, ip, lang).await?;
    let id = link.inv.intake_id;
    let locs = app
        .with_ws(move |ws| Ok(locations(&ws.load(id)?)))
        .await
        .map_err(|e| internal(lang, e))?;
    let base = link.base();
    let switch = format!("{base}/speed?lang={}", lang.toggle().code());
    let body = html! {
        h1 { (crate::t!(lang, "web-speed")) }
        p { (crate::t!(lang, "web-speed-intro")) }
        noscript { p.notice { (crate::t!(lang, "web-speed-needs-js")) } }
        @if link.read_only {
            p.notice role="status" { (crate::t!(lang, "web-read-only")) }
        } @else if locs.is_empty() {
            p.notice { (crate::t!(lang, "web-speed-no-location")) }
        } @else {
            form #speedtest data-base=(base) data-ticket=(link.csrf) data-lang=(lang.code())
                data-running=(crate::t!(lang, "web-speed-running")) data-saved=(crate::t!(lang, "web-speed-saved"))
                data-failed=(crate::t!(lang, "web-speed-failed")) {
                fieldset.choices {
                    legend { (crate::t!(lang, "web-speed-location")) }
                    @for (i, (n, name)) in locs.iter().enumerate() {
                        div.choice {
                            input type="radio" name="location" #(format!("loc-{n}")) value=(n) checked[i == 0];
                            label for=(format!("loc-{n}")) { (name) }
                        }
                    }
                }
                p { button type="submit" #start { (crate::t!(lang, "web-speed-start")) } }
            }
            div.speed aria-live="polite" {
                div { (crate::t!(lang, "web-speed-down")) strong #down { "–" } }
                div { (crate::t!(lang, "web-speed-up")) strong #up { "–" } }
                div { (crate::t!(lang, "web-speed-ping")) strong #ping { "–" } }
                div { (crate::t!(lang, "web-speed-loaded")) strong #loaded { "–" } }
            }
            p #speedstatus role="status" {}
            script src="/static/speed.js" defer {}
        }
        p { a href=(format!("{base}?lang={}", lang.code())) { (crate::t!(lang, "web-review")) } }
    };
    Ok(layout(lang, &crate::t!(lang, "web-speed"), Some(&switch), body).into_response())
}

pub async fn ping(
    State(app): State<Shared>,
    Path(token): Path<String>,
    Query(q): Query<SpeedQuery>,
) -> Response {
    if !ticket_ok(&app, &token, &q) {
        return StatusCode::FORBIDDEN.into_response();
    }
    StatusCode::NO_CONTENT.into_response()
}

/// Random bytes (incompressible, so no proxy can shrink them), `left` of them.
struct Noise {
    data: Bytes,
    pos: usize,
    left: u64,
}

impl http_body::Body for Noise {
    type Data = Bytes;
    type Error = Infallible;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, Infallible>>> {
        if self.left == 0 || self.data.is_empty() {
            return Poll::Ready(None);
        }
        let room = self.data.len() - self.pos;
        let n = CHUNK
            .min(room)
            .min(usize::try_from(self.left).unwrap_or(CHUNK));
        let chunk = self.data.slice(self.pos..self.pos + n);
        self.pos = (self.pos + n) % self.data.len();
        self.left -= n as u64;
        Poll::Ready(Some(Ok(Frame::data(chunk))))
    }

    fn size_hint(&self) -> SizeHint {
        SizeHint::with_exact(self.left)
    }
}

pub async fn down(
    State(app): State<Shared>,
    Path(token): Path<String>,
    Query(q): Query<SpeedQuery>,
) -> Response {
    if !ticket_ok(&app, &token, &q) {
        return StatusCode::FORBIDDEN.into_response();
    }
    let left = q.bytes.unwrap_or(CHUNK as u64).min(MAX_TRANSFER);
    let body = Body::new(Noise {
        data: app.noise.clone(),
        pos: 0,
        left,
    });
    (
        [
            (header::CONTENT_TYPE, "application/octet-stream"),
            (header::CONTENT_ENCODING, "identity"),
        ],
        body,
    )
        .into_response()
}

/// Reads and discards an upload, up to `MAX_TRANSFER` bytes.
pub async fn up(
    State(app): State<Shared>,
    Path(token): Path<String>,
    Query(q): Query<SpeedQuery>,
    body: Body,
) -> Response {
    if !ticket_ok(&app, &token, &q) {
        return StatusCode::FORBIDDEN.into_response();
    }
    let mut body = body;
    let mut seen: u64 = 0;
    while let Some(frame) = body.frame().await {
        match frame {
            Ok(f) => {
                if let Some(d) = f.data_ref() {
                    seen += d.len() as u64;
                    if seen > MAX_TRANSFER {
                        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
                    }
                }
            }
            Err(_) => return StatusCode::BAD_REQUEST.into_response(),
        }
    }
    StatusCode::NO_CONTENT.into_response()
}

/// A measured figure from the page: finite, not negative, within reason.
fn figure(pairs: &[(String, String)], name: &str, max: f64) -> Option<f64> {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .and_then(|(_, v)| v.trim().parse::<f64>().ok())
        .filter(|f| f.is_finite() && *f >= 0.0 && *f <= max)
}

/// The payload saved for a browser measurement, or `None` when a figure is missing.
pub fn payload(pairs: &[(String, String)], location: usize) -> Option<serde_json::Value> {
    let down = figure(pairs, "download_mbps", 100_000.0)?;
    let up = figure(pairs, "upload_mbps", 100_000.0)?;
    let latency = figure(pairs, "latency_ms", 60_000.0)?;
    let jitter = figure(pairs, "jitter_ms", 60_000.0)?;
    let loaded_down = figure(pairs, "loaded_latency_download_ms", 60_000.0);
    let loaded_up = figure(pairs, "loaded_latency_upload_ms", 60_000.0);
    let loaded = match (loaded_down, loaded_up) {
        (Some(a), Some(b)) => a.max(b),
        (a, b) => a.or(b).unwrap_or(latency),
    };
    let streams = figure(pairs, "streams", 64.0).unwrap_or(0.0) as u64;
    let seconds = figure(pairs, "seconds", 600.0).unwrap_or(0.0);
    let warmup = figure(pairs, "warmup_seconds", 600.0).unwrap_or(0.0);
    let now = time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default();
    Some(json!({
        "download_mbps": down,
        "upload_mbps": up,
        "latency_ms": latency,
        "jitter_ms": jitter,
        "loaded_latency_ms": loaded,
        "loaded_latency_download_ms": loaded_down,
        "loaded_latency_upload_ms": loaded_up,
        "streams": streams,
        "seconds": seconds,
        "warmup_seconds": warmup,
        "server": "intake serve",
        "mode": "browser",
        "measured_in": "browser",
        "measured_at": now,
        "location": location,
    }))
}

pub async fn result(
    State(app): State<Shared>,
    Path(token): Path<String>,
    Query(q): Query<LangQuery>,
    ConnectInfo(ip): ConnectInfo<SocketAddr>,
    body: Bytes,
) -> Result<Response, Failure> {
    let lang: Lang = q.lang();
    let (link, pairs) = open_for_write(&app, &token, ip, lang, &body).await?;
    let location = pairs
        .iter()
        .find(|(k, _)| k == "location")
        .and_then(|(_, v)| v.parse::<usize>().ok());
    let id = link.inv.intake_id;
    let saved = app
        .with_ws(move |ws| {
            let count = ws.load(id)?.entry_count("locations");
            let Some(loc) = location.filter(|l| (1..=count).contains(l)) else {
                return Ok(false);
            };
            let Some(p) = payload(&pairs, loc) else {
                return Ok(false);
            };
            ws.store
                .add_probe(id, "bandwidth", &format!("browser @ {loc}"), &p, "web")?;
            Ok(true)
        })
        .await
        .map_err(|e| internal(lang, e))?;
    Ok(if saved {
        (StatusCode::OK, crate::t!(lang, "web-speed-saved")).into_response()
    } else {
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            crate::t!(lang, "web-speed-failed"),
        )
            .into_response()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_payload_needs_every_figure_and_refuses_nonsense() {
        let p = |k: &str, v: &str| (k.to_string(), v.to_string());
        let good = vec![
            p("download_mbps", "48.5"),
            p("upload_mbps", "9.7"),
            p("latency_ms", "12"),
            p("jitter_ms", "1.5"),
            p("loaded_latency_download_ms", "80"),
            p("loaded_latency_upload_ms", "120"),
        ];
        let j = payload(&good, 2).unwrap();
        assert_eq!(j["loaded_latency_ms"], 120.0);
        assert_eq!(j["location"], 2);
        assert_eq!(j["measured_in"], "browser");
        let mut bad = good.clone();
        bad[0].1 = "NaN".into();
        assert!(payload(&bad, 1).is_none());
        bad[0].1 = "-1".into();
        assert!(payload(&bad, 1).is_none());
        assert!(payload(&good[1..], 1).is_none());
    }
}
