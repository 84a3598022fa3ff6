//! The customer's web form and speed test in a real browser: headless Chromium driven
//! over WebDriver (chromedriver, fantoccini). Both run on this machine only, talk to
//! `intake serve` on 127.0.0.1, get their own profile directory, and are ended by the PID
//! this test started. Screenshots of the main pages at phone and desktop width are left
//! in `target/web-screens/` to look at.

mod common;
mod web_util;

use common::Env;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use web_util::{Server, token_of};

const WAIT: Duration = Duration::from_secs(20);

/// chromedriver on a free loopback port, killed by its PID on drop.
struct Driver {
    child: Child,
    port: u16,
}

impl Driver {
    fn start() -> Option<Driver> {
        let port = TcpListener::bind("127.0.0.1:0")
            .ok()?
            .local_addr()
            .ok()?
            .port();
        let child = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .ok()?;
        let d = Driver { child, port };
        let addr = SocketAddr::from(([127, 0, 0, 1], port));
        let start = Instant::now();
        while TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_err() {
            if start.elapsed() > WAIT {
                return None;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Some(d)
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        // Chromium's own processes are children of chromedriver's session; the session
        // is closed first (below), then the driver is ended by its PID.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

async fn browser(driver: &Driver, profile: &std::path::Path) -> Client {
    let mut caps = serde_json::Map::new();
    caps.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     format!("--user-data-dir={}", profile.display()), "--window-size=1280,900"],
        }),
    );
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    ClientBuilder::new(connector)
        .capabilities(caps)
        .connect(&format!("http://127.0.0.1:{}", driver.port))
        .await
        .expect("a WebDriver session")
}

fn screens_dir() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("web-screens");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

async fn shoot(c: &Client, name: &str) {
    for (w, h, tag) in [(390, 844, "phone"), (1280, 900, "desktop")] {
        c.set_window_size(w, h).await.unwrap();
        let png = c.screenshot().await.unwrap();
        std::fs::write(screens_dir().join(format!("{name}-{tag}.png")), png).unwrap();
    }
}

/// Types into the field of `key`, leaves it, and waits until the page says it was handled.
async fn fill(c: &Client, key: &str, value: &str) {
    let el = c
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css(&format!("[name=\"{key}\"]")))
        .await
        .unwrap_or_else(|e| panic!("no field {key}: {e}"));
    if el.attr("type").await.unwrap().as_deref() == Some("date") {
        // Typing into a date field follows the browser's locale; set it as a picker does.
        let script = "const e = document.querySelector(arguments[0]); e.value = arguments[1]; \
                      e.dispatchEvent(new Event('change', { bubbles: true }));";
        c.execute(
            script,
            vec![json!(format!("[name=\"{key}\"]")), json!(value)],
        )
        .await
        .unwrap();
    } else {
        // Select what is there and type over it (clearing would save an empty answer first).
        el.send_keys(&format!("\u{e009}a\u{e009}{value}"))
            .await
            .unwrap();
        c.execute("document.activeElement.blur()", vec![])
            .await
            .unwrap();
    }
    saved(c, key).await;
}

/// Clicks the choice `value` of `key` (radio or checkbox) and waits until it was handled.
async fn choose(c: &Client, key: &str, value: &str) {
    let css = format!("input[name=\"{key}\"][value=\"{value}\"]");
    let el = c
        .wait()
        .at_most(WAIT)
        .for_element(Locator::Css(&css))
        .await
        .unwrap_or_else(|e| panic!("no choice {css}: {e}"));
    el.click().await.unwrap();
    saved(c, key).await;
}

async fn saved(c: &Client, key: &str) {
    c.wait()
        .at_most(WAIT)
        .for_element(Locator::Css(&format!("#status[data-last=\"{key}\"]")))
        .await
        .unwrap_or_else(|e| panic!("{key} was not saved: {e}"));
    // The next field's status must not be mistaken for this one's.
    c.execute(
        "document.getElementById('status').removeAttribute('data-last')",
        vec![],
    )
    .await
    .unwrap();
}

async fn click(c: &Client, css: &str) {
    c.wait()
        .at_most(WAIT)
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no {css}: {e}"))
        .click()
        .await
        .unwrap();
}

async fn has(c: &Client, css: &str) -> bool {
    !c.find_all(Locator::Css(css)).await.unwrap().is_empty()
}

#[test]
fn a_customer_fills_in_the_whole_intake_in_a_browser_and_measures_the_link() {
    let Some(driver) = Driver::start() else {
        panic!("chromedriver did not start: .ci/run installs chromium and chromium-driver");
    };
    let env = Env::new();
    let id = env
        .ok(&["new", "--customer", "Fietsenmaker Fleur", "--mode", "self"])
        .trim()
        .to_string();
    let token = token_of(&env.ok(&["invite", &id]));
    let server = Server::start(&env.db);
    let profile = env.path("chromium-profile");
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    rt.block_on(async {
        let c = browser(&driver, &profile).await;
        let run = async {
            let base = server.url(&format!("/f/{token}"));
            c.goto(&base).await.unwrap();
            // Intake: note shown, text, email.
            assert!(has(&c, "p.note").await, "the note is not shown");
            shoot(&c, "section").await;
            c.set_window_size(1280, 900).await.unwrap();
            fill(&c, "intake.contact_name", "Fleur de Vries").await;
            fill(&c, "intake.contact_email", "fleur@example.nl").await;
            click(&c, "button[value=next]").await;
            // Company: kvk, vat, postcode, email, a wrong IBAN and its message, then a right one.
            fill(&c, "company.kvk", "12345678").await;
            fill(&c, "company.vat", "NL123456789B01").await;
            fill(&c, "company.postcode", "1234 ab").await;
            fill(&c, "company.billing_email", "boekhouding@example.nl").await;
            fill(&c, "company.iban", "NL00BANK0123456789").await;
            let err = c
                .find(Locator::Css("#q-f-company-iban .error"))
                .await
                .expect("the IBAN message")
                .text()
                .await
                .unwrap();
            assert!(!err.is_empty());
            shoot(&c, "iban-error").await;
            c.set_window_size(1280, 900).await.unwrap();
            fill(&c, "company.iban", "NL91ABNA0417164300").await;
            assert!(
                !has(&c, "#q-f-company-iban .error").await,
                "the message stayed"
            );
            choose(&c, "company.sector", "legal").await;
            fill(&c, "company.employees", "4").await;
            click(&c, "button[value=next]").await;
            // Workstations: integer, single and multiple choice, yes/no, decimal, long text.
            fill(&c, "workstations.count", "3").await;
            choose(&c, "workstations.workload", "medium").await;
            choose(&c, "workstations.os", "windows_11").await;
            choose(&c, "workstations.apple", "no").await;
            fill(&c, "workstations.age_years", "3,5").await;
            fill(&c, "workstations.peripherals", "Bonprinter\nPinautomaat").await;
            click(&c, "button[value=next]").await;
            // Locations: a second entry added and removed again.
            fill(&c, "locations[1].name", "Winkel").await;
            fill(&c, "locations[1].workstations", "3").await;
            click(&c, "button[value=add]").await;
            fill(&c, "locations[2].name", "Magazijn").await;
            shoot(&c, "repeat").await;
            c.set_window_size(1280, 900).await.unwrap();
            click(&c, "button[value=\"remove:2\"]").await;
            let start = Instant::now();
            while has(&c, "[name=\"locations[2].name\"]").await {
                assert!(start.elapsed() < WAIT, "entry 2 is still there");
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            click(&c, "button[value=next]").await;
            // Users: mobile number.
            fill(&c, "users[1].name", "Fleur de Vries").await;
            fill(&c, "users[1].mobile", "06 12345678").await;
            // A reload keeps everything.
            c.refresh().await.unwrap();
            let name = c
                .find(Locator::Css("[name=\"users[1].name\"]"))
                .await
                .unwrap()
                .prop("value")
                .await
                .unwrap();
            assert_eq!(name.as_deref(), Some("Fleur de Vries"));
            // Planning: a date and the calculation that follows the locations.
            let planning = server.url(&format!("/f/{token}/s/12"));
            c.goto(&planning).await.unwrap();
            fill(&c, "planning.go_live", "2027-03-01").await;
            let total = c
                .find(Locator::Css("output#f-planning-total_workstations"))
                .await
                .unwrap()
                .text()
                .await
                .unwrap();
            assert!(total.contains('3'), "total workstations {total:?}");
            // The speed test on loopback, for the location entered above.
            c.goto(&format!("{base}/speed")).await.unwrap();
            click(&c, "#start").await;
            c.wait()
                .at_most(Duration::from_secs(90))
                .for_element(Locator::Css("#speedstatus[data-done]"))
                .await
                .expect("the speed test ends");
            let done = c
                .find(Locator::Css("#speedstatus"))
                .await
                .unwrap()
                .attr("data-done")
                .await
                .unwrap();
            assert_eq!(done.as_deref(), Some("saved"));
            shoot(&c, "speed").await;
            c.set_window_size(1280, 900).await.unwrap();
            // Review, confirm and submit.
            c.goto(&format!("{base}/review")).await.unwrap();
            shoot(&c, "review").await;
            c.set_window_size(1280, 900).await.unwrap();
            click(&c, "#confirm").await;
            click(&c, "form.submit button").await;
            c.wait()
                .at_most(WAIT)
                .for_element(Locator::Css("p.notice[role=status]"))
                .await
                .expect("the submitted notice");
            shoot(&c, "submitted").await;
            Ok::<(), String>(())
        };
        let outcome = run.await;
        let _ = c.close().await;
        outcome.unwrap();
    });
    let shown = env.json(&["show", &id, "--json"]);
    let a = &shown["answers"];
    assert_eq!(a["company.iban"], "NL91ABNA0417164300", "{a}");
    assert_eq!(a["company.postcode"], "1234 AB", "{a}");
    assert_eq!(a["workstations.os"], json!(["windows_11"]), "{a}");
    assert_eq!(a["workstations.apple"], false, "{a}");
    assert_eq!(a["workstations.age_years"], 3.5, "{a}");
    assert_eq!(a["locations[1].name"], "Winkel", "{a}");
    assert!(a.get("locations[2].name").is_none(), "{a}");
    assert_eq!(a["planning.go_live"], "2027-03-01", "{a}");
    let store = common::testkey::open_store(&env.db);
    let probes = store.probes(id.parse().unwrap()).unwrap();
    let bw = probes
        .iter()
        .find(|p| p.kind == "bandwidth")
        .expect("a saved measurement");
    assert_eq!(bw.source, "web");
    assert_eq!(bw.payload["measured_in"], "browser");
    assert_eq!(bw.payload["location"], 1);
    assert!(
        bw.payload["download_mbps"].as_f64().unwrap() > 1.0,
        "{}",
        bw.payload
    );
    assert!(
        bw.payload["upload_mbps"].as_f64().unwrap() > 1.0,
        "{}",
        bw.payload
    );
    eprintln!("browser speed test on loopback: {}", bw.payload);
    let list = env.json(&["list", "--json"]);
    assert_eq!(list[0]["status"], "returned", "{list}");
}
