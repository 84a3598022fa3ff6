//! HTTPS without a reverse proxy: `intake serve --tls-cert FILE --tls-key FILE`.
//!
//! rustls with the `ring` provider (no C toolchain beyond `cc`, unlike aws-lc). The
//! handshakes run in their own tasks and only finished connections reach axum, so one
//! slow or silent client never holds up the others.

use anyhow::{Context, Result, anyhow};
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::mpsc;
use tokio_rustls::TlsAcceptor;
use tokio_rustls::rustls::{self, ServerConfig, pki_types};
use tokio_rustls::server::TlsStream;

/// Longest a client may take over its handshake before it is dropped.
const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);

/// Finished handshakes waiting for axum: bounded, so a flood of clients waits in the
/// kernel's accept queue rather than in memory.
const READY_QUEUE: usize = 64;

/// Handshakes running at once; more wait for a slot.
const MAX_HANDSHAKES: usize = 256;

/// Reads the certificate chain and its private key (PEM) and checks that they belong
/// together. Every error names the file and what is wrong with it.
pub fn server_config(cert: &Path, key: &Path) -> Result<Arc<ServerConfig>> {
    use pki_types::pem::PemObject;
    let read = |p: &Path, what: &str| {
        std::fs::read(p).with_context(|| format!("{what} {}: cannot read it", p.display()))
    };
    let cert_pem = read(cert, "--tls-cert")?;
    let key_pem = read(key, "--tls-key")?;
    let chain: Vec<pki_types::CertificateDer<'static>> =
        pki_types::CertificateDer::pem_slice_iter(&cert_pem)
            .collect::<Result<_, _>>()
            .map_err(|e| anyhow!("--tls-cert {}: not a PEM certificate ({e})", cert.display()))?;
    if chain.is_empty() {
        anyhow::bail!(
            "--tls-cert {}: holds no certificate (expected -----BEGIN CERTIFICATE-----)",
            cert.display()
        );
    }
    let private = pki_types::PrivateKeyDer::from_pem_slice(&key_pem).map_err(|e| {
        anyhow!(
            "--tls-key {}: holds no private key in PEM (PKCS#8, PKCS#1 or SEC1): {e}",
            key.display()
        )
    })?;
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = ServerConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .context("setting up TLS")?
        .with_no_client_auth()
        .with_single_cert(chain, private)
        .map_err(|e| match e {
            rustls::Error::InconsistentKeys(_) => anyhow!(
                "--tls-key {} does not belong to the certificate in --tls-cert {}",
                key.display(),
                cert.display()
            ),
            e => anyhow!(
                "--tls-cert {} / --tls-key {}: {e}",
                cert.display(),
                key.display()
            ),
        })?;
    let mut config = config;
    config.alpn_protocols = vec![b"http/1.1".to_vec()];
    Ok(Arc::new(config))
}

/// A listener whose connections have finished their TLS handshake.
pub struct TlsListener {
    ready: mpsc::Receiver<(TlsStream<TcpStream>, SocketAddr)>,
    local: SocketAddr,
}

impl TlsListener {
    /// Starts accepting on `tcp`; must run inside the tokio runtime.
    pub fn new(tcp: TcpListener, config: Arc<ServerConfig>) -> Result<TlsListener> {
        let local = tcp.local_addr()?;
        let (tx, ready) = mpsc::channel(READY_QUEUE);
        let acceptor = TlsAcceptor::from(config);
        let slots = Arc::new(tokio::sync::Semaphore::new(MAX_HANDSHAKES));
        tokio::spawn(async move {
            loop {
                let Ok(slot) = Arc::clone(&slots).acquire_owned().await else {
                    return;
                };
                let (stream, peer) = match tcp.accept().await {
                    Ok(c) => c,
                    Err(_) => {
                        // Out of file descriptors and the like: wait, as axum does.
                        tokio::time::sleep(Duration::from_millis(50)).await;
                        continue;
                    }
                };
                let _ = stream.set_nodelay(true);
                let acceptor = acceptor.clone();
                let sender = tx.clone();
                tokio::spawn(async move {
                    let shake = tokio::time::timeout(HANDSHAKE_TIMEOUT, acceptor.accept(stream));
                    // A failed handshake (plain HTTP, a scanner, a wrong name) is dropped:
                    // there is no page to show, and the peer's address is not logged.
                    if let Ok(Ok(tls)) = shake.await {
                        let _ = sender.send((tls, peer)).await;
                    }
                    drop(slot);
                });
                if tx.is_closed() {
                    return;
                }
            }
        });
        Ok(TlsListener { ready, local })
    }
}

impl axum::serve::Listener for TlsListener {
    type Io = TlsStream<TcpStream>;
    type Addr = SocketAddr;

    async fn accept(&mut self) -> (Self::Io, Self::Addr) {
        match self.ready.recv().await {
            Some(c) => c,
            // The accepting task ended (the runtime shuts down): nothing more comes.
            None => std::future::pending().await,
        }
    }

    fn local_addr(&self) -> std::io::Result<SocketAddr> {
        Ok(self.local)
    }
}
