//! `intake serve`: the customer's own web form and browser speed test, over the same
//! workspace and database as the TUI and the command line.
//!
//! Server-side HTML (maud), a few lines of JavaScript embedded in the binary, nothing
//! loaded from elsewhere. SQLite work runs on tokio's blocking threads behind one mutex:
//! the form engine and the store stay synchronous, and no transaction spans an `.await`.

mod assets;
mod error;
mod form_page;
mod form_routes;
mod guard;
mod inputs;
mod invite;
mod speed;
mod tls;
pub mod token;

pub use invite::{InviteAction, invite};

use anyhow::{Context, Result};
use axum::Router;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use crate::form::Lang;
use crate::workspace::Workspace;
pub use error::WebError;

/// The largest request body outside the speed test's upload: a section of answers.
pub const MAX_BODY: usize = 64 * 1024;

/// How the history names a change made through a web link.
pub const WEB_AUTHOR: &str = "klant via web";

pub struct ServeOptions {
    pub db: PathBuf,
    pub listen: SocketAddr,
    /// The address customers use (behind a reverse proxy): links and the Origin check.
    pub public_url: Option<String>,
    /// Speak HTTPS with this certificate chain and private key (PEM files).
    pub tls: Option<TlsFiles>,
}

/// The certificate chain and its private key, both PEM.
pub struct TlsFiles {
    pub cert: PathBuf,
    pub key: PathBuf,
}

/// What every request handler shares.
pub struct App {
    ws: Mutex<Workspace>,
    csrf_key: [u8; 32],
    limiter: guard::Limiter,
    /// `scheme://host[:port]` that POSTs must come from; `None`: the request's own Host.
    origin: Option<String>,
    /// The scheme of the request's own Host when there is no public URL: `https` when
    /// this server speaks TLS itself.
    scheme: &'static str,
    /// Incompressible bytes the speed test's download repeats.
    noise: bytes::Bytes,
}

pub type Shared = Arc<App>;

impl App {
    pub fn new(ws: Workspace, public_url: Option<&str>) -> Result<App> {
        let mut noise = vec![0u8; 1 << 20];
        getrandom::fill(&mut noise).context("the operating system gave no random bytes")?;
        Ok(App {
            ws: Mutex::new(ws),
            csrf_key: token::new_key()?,
            limiter: guard::Limiter::default(),
            origin: public_url.map(origin_of).transpose()?,
            scheme: "http",
            noise: bytes::Bytes::from(noise),
        })
    }

    /// This server speaks TLS itself: its own origin is `https://`.
    pub fn over_tls(mut self) -> App {
        self.scheme = "https";
        self
    }

    /// Runs `f` on the workspace on a blocking thread (never on the async executor).
    pub async fn with_ws<T: Send + 'static>(
        self: &Arc<Self>,
        f: impl FnOnce(&mut Workspace) -> Result<T> + Send + 'static,
    ) -> Result<T> {
        let app = Arc::clone(self);
        tokio::task::spawn_blocking(move || {
            let mut ws = app.ws.lock().unwrap_or_else(|p| p.into_inner());
            f(&mut ws)
        })
        .await
        .context("a worker thread stopped")?
    }
}

/// `https://intake.example.nl/x` → `https://intake.example.nl`.
fn origin_of(url: &str) -> Result<String> {
    let url = url.trim().trim_end_matches('/');
    let (scheme, rest) = url
        .split_once("://")
        .filter(|(s, _)| *s == "http" || *s == "https")
        .with_context(|| format!("--public-url '{url}' does not start with http:// or https://"))?;
    let host = rest.split('/').next().unwrap_or_default();
    anyhow::ensure!(!host.is_empty(), "--public-url '{url}' has no host");
    Ok(format!("{scheme}://{host}"))
}

pub fn router(app: Shared) -> Router {
    let speed_upload = post(speed::up).layer(DefaultBodyLimit::disable());
    Router::new()
        .route("/", get(form_routes::home))
        .route("/static/{file}", get(assets::serve))
        .route("/f/{token}", get(form_routes::start))
        .route(
            "/f/{token}/s/{idx}",
            get(form_routes::section).post(form_routes::post_section),
        )
        .route("/f/{token}/s/{idx}/field", post(form_routes::save_field))
        .route("/f/{token}/review", get(form_routes::review))
        .route("/f/{token}/submit", post(form_routes::submit))
        .route("/f/{token}/speed", get(speed::page))
        .route("/f/{token}/speed/ping", get(speed::ping))
        .route("/f/{token}/speed/down", get(speed::down))
        .route("/f/{token}/speed/up", speed_upload)
        .route("/f/{token}/speed/result", post(speed::result))
        .fallback(form_routes::not_found)
        .layer(DefaultBodyLimit::max(MAX_BODY))
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&app),
            guard::origin_check,
        ))
        .layer(axum::middleware::from_fn(guard::headers))
        .with_state(app)
}

/// Runs the server until Ctrl-C or SIGTERM. Prints the address it listens on first.
pub fn serve(opts: ServeOptions) -> Result<()> {
    // The database's key as every front end finds it (key file, OS keyring, passphrase).
    let opened = crate::crypt::open_store(
        &opts.db,
        crate::crypt::Ask::from_stdin(crate::form::Lang::default()),
    )?;
    for n in &opened.notices {
        eprintln!("{n}");
    }
    // Certificate problems show before anything listens.
    let tls = opts
        .tls
        .as_ref()
        .map(|f| tls::server_config(&f.cert, &f.key))
        .transpose()?;
    let ws = Workspace::with_store(opened.store)?;
    let app = App::new(ws, opts.public_url.as_deref())?;
    let app = Arc::new(if tls.is_some() { app.over_tls() } else { app });
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("starting the web server's runtime")?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(opts.listen)
            .await
            .with_context(|| format!("cannot listen on {}", opts.listen))?;
        let addr = listener.local_addr()?;
        if !addr.ip().is_loopback() && opts.public_url.is_none() && tls.is_none() {
            eprintln!(
                "note: listening on {addr}, reachable from other machines; give --tls-cert/--tls-key or put it behind a TLS reverse proxy and give --public-url"
            );
        }
        let scheme = if tls.is_some() { "https" } else { "http" };
        println!("listening on {scheme}://{addr}");
        use std::io::Write;
        let _ = std::io::stdout().flush();
        let service = router(app).into_make_service_with_connect_info::<SocketAddr>();
        match tls {
            Some(config) => {
                use axum::serve::ListenerExt;
                // `tap_io` only for axum's ConnectInfo impl, which covers tapped listeners.
                let listener = tls::TlsListener::new(listener, config)?.tap_io(|_| {});
                axum::serve(listener, service)
                    .with_graceful_shutdown(shutdown())
                    .await
            }
            None => {
                use axum::serve::ListenerExt;
                // As the TLS listener does: small responses (the speed test's pings) go
                // out at once, never waiting on Nagle's algorithm.
                let listener = listener.tap_io(|tcp| {
                    let _ = tcp.set_nodelay(true);
                });
                axum::serve(listener, service)
                    .with_graceful_shutdown(shutdown())
                    .await
            }
        }
        .context("the web server stopped")
    })
}

async fn shutdown() {
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = tokio::signal::ctrl_c() => {}
        _ = term => {}
    }
}

/// The language a page is shown in: `?lang=en`, else Dutch.
#[derive(serde::Deserialize, Default)]
pub struct LangQuery {
    pub lang: Option<String>,
    /// Extra empty entries to show in the section's repeat group (after "add").
    pub extra: Option<usize>,
}

impl LangQuery {
    pub fn lang(&self) -> Lang {
        self.lang
            .as_deref()
            .and_then(Lang::parse)
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn origins_come_from_the_public_url() {
        assert_eq!(
            origin_of("https://intake.example.nl/base/").unwrap(),
            "https://intake.example.nl"
        );
        assert_eq!(
            origin_of("http://127.0.0.1:8080").unwrap(),
            "http://127.0.0.1:8080"
        );
        assert!(origin_of("ftp://x").is_err());
        assert!(origin_of("https://").is_err());
    }
}
