//! `intake serve --tls-cert --tls-key`: HTTPS on loopback with a self-signed certificate
//! made in the test (rcgen), a client that trusts only that certificate, and clear errors
//! for a missing, unreadable or mismatched certificate.

mod common;
mod web_util;

use common::{Env, stderr};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio_rustls::rustls::{self, pki_types};
use web_util::{Resp, Server, TIMEOUT, csrf_of, form, parse, token_of};

/// A self-signed certificate for `localhost` and its key, written as PEM files.
struct Cert {
    der: pki_types::CertificateDer<'static>,
    cert: std::path::PathBuf,
    key: std::path::PathBuf,
}

fn make_cert(env: &Env, name: &str) -> Cert {
    let made = rcgen::generate_simple_self_signed(vec!["localhost".to_string()]).expect("rcgen");
    let cert = env.write(&format!("{name}.crt"), &made.cert.pem());
    let key = env.write(&format!("{name}.key"), &made.signing_key.serialize_pem());
    Cert {
        der: made.cert.der().clone(),
        cert,
        key,
    }
}

fn client(trusted: &pki_types::CertificateDer<'static>) -> Arc<rustls::ClientConfig> {
    let mut roots = rustls::RootCertStore::empty();
    roots.add(trusted.clone()).expect("a root");
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .expect("TLS versions")
        .with_root_certificates(roots)
        .with_no_client_auth();
    Arc::new(config)
}

/// One HTTPS request to `localhost` at `addr`; `Err` when TLS itself fails.
fn https(
    addr: SocketAddr,
    config: &Arc<rustls::ClientConfig>,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &str,
) -> Result<Resp, std::io::Error> {
    let name = pki_types::ServerName::try_from("localhost").expect("name");
    let mut conn = rustls::ClientConnection::new(Arc::clone(config), name).expect("client");
    let mut sock = TcpStream::connect_timeout(&addr, TIMEOUT)?;
    sock.set_read_timeout(Some(TIMEOUT))?;
    sock.set_write_timeout(Some(TIMEOUT))?;
    let mut tls = rustls::Stream::new(&mut conn, &mut sock);
    let mut req = format!(
        "{method} {path} HTTP/1.1\r\nHost: localhost:{}\r\nConnection: close\r\nContent-Length: {}\r\n",
        addr.port(),
        body.len()
    );
    for (k, v) in headers {
        req.push_str(&format!("{k}: {v}\r\n"));
    }
    req.push_str("\r\n");
    req.push_str(body);
    tls.write_all(req.as_bytes())?;
    let mut raw = Vec::new();
    match tls.read_to_end(&mut raw) {
        Ok(_) => {}
        // A peer that closes without close_notify after the whole response: keep it.
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof && !raw.is_empty() => {}
        Err(e) => return Err(e),
    }
    Ok(parse(&raw))
}

#[test]
fn the_form_is_served_and_saved_over_https() {
    let env = Env::new();
    let id = env
        .ok(&["new", "--customer", "Tandarts Visser", "--mode", "self"])
        .trim()
        .to_string();
    let t = token_of(&env.ok(&["invite", &id]));
    let c = make_cert(&env, "server");
    let cert = c.cert.to_string_lossy().to_string();
    let key = c.key.to_string_lossy().to_string();
    let server = Server::start_with(&env.db, &["--tls-cert", &cert, "--tls-key", &key], "https");
    let trusting = client(&c.der);

    let r = https(server.addr, &trusting, "GET", &format!("/f/{t}"), &[], "").expect("https");
    assert_eq!(r.status, 303, "{r:?}");
    let to = r.header("location").expect("a redirect").to_string();
    let page = https(server.addr, &trusting, "GET", &to, &[], "").expect("https");
    assert_eq!(page.status, 200);
    assert!(page.header("content-security-policy").is_some());
    let csrf = csrf_of(&page.body);

    // A POST from the page's own https origin is accepted and saved...
    let origin = format!("https://localhost:{}", server.addr.port());
    let post = |origin: &str| {
        let body = form(&[
            ("csrf", &csrf),
            ("_k", "company.city"),
            ("company.city", "Zwolle"),
        ]);
        let headers = [
            ("Origin", origin),
            ("Content-Type", "application/x-www-form-urlencoded"),
        ];
        https(
            server.addr,
            &trusting,
            "POST",
            &format!("/f/{t}/s/1"),
            &headers,
            &body,
        )
        .expect("https")
    };
    let r = post(&format!("http://localhost:{}", server.addr.port()));
    assert_eq!(r.status, 403, "the plain-http origin is another origin");
    assert!(env.answers(&id).get("company.city").is_none());
    let r = post(&origin);
    assert_eq!(r.status, 303, "{}", r.body);
    assert_eq!(env.answers(&id)["company.city"], "Zwolle");

    // Plain HTTP on the TLS port gets no page, and the server goes on serving HTTPS.
    let mut plain = TcpStream::connect_timeout(&server.addr, TIMEOUT).expect("connect");
    plain.set_read_timeout(Some(TIMEOUT)).unwrap();
    let _ = plain.write_all(b"GET / HTTP/1.1\r\nHost: localhost\r\n\r\n");
    let mut got = Vec::new();
    let _ = plain.read_to_end(&mut got);
    assert!(
        !String::from_utf8_lossy(&got).contains("HTTP/1.1 200"),
        "plain HTTP was served"
    );
    // A client that trusts another certificate refuses this one.
    let other = make_cert(&env, "other");
    let err = https(server.addr, &client(&other.der), "GET", "/", &[], "");
    assert!(err.is_err(), "an untrusted certificate was accepted");
    let r = https(server.addr, &trusting, "GET", "/", &[], "").expect("https");
    assert_eq!(r.status, 200);
}

/// Runs `intake serve` expecting it to stop with an error before it listens.
fn serve_fails(env: &Env, args: &[&str]) -> String {
    let mut child = Command::new(env!("CARGO_BIN_EXE_intake"))
        .env("INTAKE_KEY_FILE", common::testkey::key_file(&env.db))
        .arg("--db")
        .arg(&env.db)
        .args(["serve", "--listen", "127.0.0.1:0"])
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start intake serve");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            panic!("intake serve {args:?} did not stop");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().expect("output");
    assert!(!out.status.success(), "intake serve {args:?} succeeded");
    let err = stderr(&out);
    assert!(!err.contains("panicked"), "{err}");
    assert!(
        !common::stdout(&out).contains("listening"),
        "it listened with {args:?}"
    );
    err
}

#[test]
fn a_missing_unreadable_or_mismatched_certificate_is_named() {
    let env = Env::new();
    let good = make_cert(&env, "good");
    let other = make_cert(&env, "other");
    let s = |p: &std::path::Path| p.to_string_lossy().to_string();
    let missing = s(&env.path("nope.crt"));
    let err = serve_fails(&env, &["--tls-cert", &missing, "--tls-key", &s(&good.key)]);
    assert!(
        err.contains("nope.crt") && err.contains("cannot read"),
        "{err}"
    );

    let junk = env.write("junk.crt", "this is not a certificate\n");
    let err = serve_fails(&env, &["--tls-cert", &s(&junk), "--tls-key", &s(&good.key)]);
    assert!(
        err.contains("junk.crt") && err.contains("no certificate"),
        "{err}"
    );

    // The certificate given as the key: no private key in it.
    let err = serve_fails(
        &env,
        &["--tls-cert", &s(&good.cert), "--tls-key", &s(&good.cert)],
    );
    assert!(
        err.contains("--tls-key") && err.contains("no private key"),
        "{err}"
    );

    let err = serve_fails(
        &env,
        &["--tls-cert", &s(&good.cert), "--tls-key", &s(&other.key)],
    );
    assert!(
        err.contains("other.key") && err.contains("does not belong"),
        "{err}"
    );

    // One without the other is refused by the command line itself.
    let err = serve_fails(&env, &["--tls-cert", &s(&good.cert)]);
    assert!(err.contains("--tls-key"), "{err}");
}
