//! `intake serve` benchmark (std::time, no criterion), all on 127.0.0.1: server time per
//! section page and per saved answer (one client, sequential), then a bounded load test:
//! 200 customers, each on their own intake and link, saving answers at the same moment.
//! Every request has a timeout; the run fails on any error or any lost answer.
//!
//! Run: `cargo bench --bench web`.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use intake::web::{App, router, token};
use intake::workspace::{Mode, Workspace};

const SEQUENTIAL: usize = 300;
const CUSTOMERS: usize = 200;
const SAVES_EACH: usize = 5;
const TIMEOUT: Duration = Duration::from_secs(60);

fn bench_dir() -> PathBuf {
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("target"));
    let dir = target.join("web-bench");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("bench dir");
    dir
}

fn report(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let pct = |p: f64| samples[((samples.len() - 1) as f64 * p).round() as usize];
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    println!(
        "{name}: n={} median={:.2} ms p95={:.2} ms p99={:.2} ms max={:.2} ms",
        samples.len(),
        ms(pct(0.5)),
        ms(pct(0.95)),
        ms(pct(0.99)),
        ms(*samples.last().unwrap())
    );
}

/// One request on its own connection; returns the status and body.
fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    body: &str,
) -> Result<(u16, String), String> {
    let mut s = TcpStream::connect_timeout(&addr, TIMEOUT).map_err(|e| e.to_string())?;
    s.set_read_timeout(Some(TIMEOUT))
        .map_err(|e| e.to_string())?;
    let req = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nOrigin: http://{addr}\r\nConnection: close\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    s.write_all(req.as_bytes()).map_err(|e| e.to_string())?;
    let mut raw = Vec::new();
    s.read_to_end(&mut raw).map_err(|e| e.to_string())?;
    let text = String::from_utf8_lossy(&raw).to_string();
    let status = text
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| {
            format!(
                "no status in {:?}",
                text.chars().take(80).collect::<String>()
            )
        })?;
    Ok((status, text))
}

fn csrf_of(page: &str) -> String {
    let at = page.find("name=\"csrf\" value=\"").expect("csrf") + 19;
    page[at..at + 32].to_string()
}

fn main() {
    let dir = bench_dir();
    let db = dir.join("web.db");
    let mut ws = Workspace::open(&db).expect("database");
    let mut links = Vec::new();
    for n in 0..CUSTOMERS {
        let id = ws
            .new_intake(&format!("Klant {n}"), Mode::SelfFilled, None)
            .unwrap();
        let t = token::new_token().unwrap();
        let until = time::OffsetDateTime::now_utc() + time::Duration::days(1);
        ws.store
            .create_invitation(id, &token::token_hash(&t), until, "bench")
            .unwrap();
        links.push((id, t));
    }
    let app = Arc::new(App::new(ws, None).unwrap());
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let listener = rt
        .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
        .unwrap();
    let addr = listener.local_addr().unwrap();
    let service = router(app).into_make_service_with_connect_info::<SocketAddr>();
    rt.spawn(async move { axum::serve(listener, service).await });

    // Sequential: a section page, and saving one answer (which answers with the page).
    let (_, t0) = &links[0];
    let page_path = format!("/f/{t0}/s/2");
    let csrf = csrf_of(&request(addr, "GET", &page_path, "").unwrap().1);
    let mut pages = Vec::new();
    for _ in 0..SEQUENTIAL {
        let start = Instant::now();
        let (status, _) = request(addr, "GET", &page_path, "").unwrap();
        pages.push(start.elapsed());
        assert_eq!(status, 200);
    }
    report("section page (GET, whole request)", pages);
    let mut saves = Vec::new();
    for i in 0..SEQUENTIAL {
        let body = format!("csrf={csrf}&key=workstations.count&value={}", i % 50 + 1);
        let start = Instant::now();
        let (status, _) = request(addr, "POST", &format!("/f/{t0}/s/2/field"), &body).unwrap();
        saves.push(start.elapsed());
        assert_eq!(status, 200);
    }
    report("saved answer (POST, whole request)", saves);

    // Load: every customer saves SAVES_EACH answers, all starting together.
    let barrier = Arc::new(Barrier::new(CUSTOMERS));
    let started = Instant::now();
    let handles: Vec<_> = links
        .iter()
        .cloned()
        .enumerate()
        .map(|(n, (_, t))| {
            let barrier = Arc::clone(&barrier);
            std::thread::spawn(move || -> Result<Vec<Duration>, String> {
                let page = request(addr, "GET", &format!("/f/{t}/s/2"), "")?.1;
                let csrf = csrf_of(&page);
                barrier.wait();
                let mut times = Vec::new();
                for k in 0..SAVES_EACH {
                    let (key, value) = match k {
                        0 => ("workstations.count", format!("{}", n % 90 + 1)),
                        1 => ("workstations.devices", format!("{}", k + n % 7)),
                        2 => ("workstations.printers", "2".to_string()),
                        3 => ("workstations.age_years", "3,5".to_string()),
                        _ => ("workstations.peripherals", format!("Printer {n}")),
                    };
                    let body = format!("csrf={csrf}&key={key}&value={value}");
                    let start = Instant::now();
                    let (status, text) =
                        request(addr, "POST", &format!("/f/{t}/s/2/field"), &body)?;
                    times.push(start.elapsed());
                    if status != 200 || !text.contains("x-saved: 1") {
                        return Err(format!("customer {n} {key}: status {status}"));
                    }
                }
                Ok(times)
            })
        })
        .collect();
    let mut all = Vec::new();
    let mut errors = Vec::new();
    for h in handles {
        match h.join().expect("a client thread") {
            Ok(t) => all.extend(t),
            Err(e) => errors.push(e),
        }
    }
    let wall = started.elapsed();
    report(
        &format!("{CUSTOMERS} customers x {SAVES_EACH} saves at once (per save)"),
        all,
    );
    println!(
        "  wall time {:.2} s, errors {}",
        wall.as_secs_f64(),
        errors.len()
    );
    assert!(errors.is_empty(), "errors: {errors:?}");
    // No lost answer: every customer's last values are in the database.
    let store = intake::store::Store::open(&db).unwrap();
    for (n, (id, _)) in links.iter().enumerate().skip(1) {
        let a = store.answers(*id).unwrap();
        assert_eq!(
            a["workstations.count"],
            serde_json::json!(n as i64 % 90 + 1),
            "customer {n}"
        );
        assert_eq!(
            a["workstations.peripherals"],
            serde_json::json!(format!("Printer {n}"))
        );
    }
    println!("  no lost answers ({CUSTOMERS} intakes checked)");
    rt.shutdown_timeout(Duration::from_secs(5));
}
