//! `intake invite` and `intake serve` without a browser: links, the form posted as a
//! browser without JavaScript posts it, and the limits (CSRF, Origin, body size,
//! failed token lookups). The server runs on 127.0.0.1 only.

mod common;
mod web_util;

use common::Env;
use web_util::{Server, csrf_of, form, http, token_of};

fn self_intake(env: &Env, customer: &str) -> String {
    env.ok(&["new", "--customer", customer, "--mode", "self"])
        .trim()
        .to_string()
}

fn answers(env: &Env, id: &str) -> serde_json::Value {
    env.json(&["show", id, "--json"])["answers"].clone()
}

#[test]
fn invite_prints_a_link_lists_it_and_revokes_it() {
    let env = Env::new();
    let id = self_intake(&env, "Bakkerij Jansen");
    let out = env.ok(&[
        "invite",
        &id,
        "--days",
        "3",
        "--public-url",
        "https://intake.example.nl/",
    ]);
    assert!(out.starts_with("https://intake.example.nl/f/"), "{out}");
    assert_eq!(token_of(&out).len(), 64);
    let list = env.ok(&["--lang", "en", "invite", &id, "--list"]);
    assert!(list.contains("open"), "{list}");
    // The token is shown once and never stored or listed.
    assert!(!list.contains(&token_of(&out)), "{list}");
    env.ok(&["invite", &id, "--revoke"]);
    let list = env.ok(&["--lang", "en", "invite", &id, "--list"]);
    assert!(list.contains("revoked"), "{list}");
    let err = env.fails(&["invite", &id, "--days", "400"]);
    assert!(err.contains("--days"), "{err}");
    env.fails(&["invite", "999"]);
}

#[test]
fn altered_expired_revoked_and_unknown_links_get_nothing() {
    let env = Env::new();
    let id = self_intake(&env, "Tandarts Smit");
    let good = token_of(&env.ok(&["invite", &id]));
    let revoked = token_of(&env.ok(&["invite", &id]));
    // An expired link, made through the library as `invite` refuses a past expiry.
    let expired = intake::web::token::new_token().unwrap();
    {
        let mut store = common::testkey::open_store(&env.db);
        let past = time::OffsetDateTime::now_utc() - time::Duration::minutes(1);
        let intake_id: i64 = id.parse().unwrap();
        store
            .create_invitation(
                intake_id,
                &intake::web::token::token_hash(&expired),
                past,
                "t",
            )
            .unwrap();
    }
    let server = Server::start(&env.db);
    env.ok(&["invite", &id, "--revoke"]);
    let again = token_of(&env.ok(&["invite", &id]));
    let mut altered = good.clone();
    altered.replace_range(63.., if good.ends_with('0') { "1" } else { "0" });
    for t in [
        &altered,
        &expired,
        &revoked,
        &good,
        &"0".repeat(64),
        &"x".to_string(),
    ] {
        for path in [
            format!("/f/{t}"),
            format!("/f/{t}/s/1"),
            format!("/f/{t}/review"),
            format!("/f/{t}/speed"),
        ] {
            let r = server.get(&path);
            assert_eq!(r.status, 404, "{path}: {}", r.status);
            assert!(!r.body.contains("Tandarts"), "{path} shows the intake");
        }
    }
    // The new link works and shows this intake.
    let r = server.get(&format!("/f/{again}/s/1"));
    assert_eq!(r.status, 200);
    assert!(r.body.contains("Tandarts Smit"));
}

#[test]
fn one_intakes_link_never_reaches_another_intake() {
    let env = Env::new();
    let a = self_intake(&env, "Kapsalon Anna");
    let b = self_intake(&env, "Garage Bert");
    env.ok(&["set", &b, "company.kvk=31415926"]);
    let ta = token_of(&env.ok(&["invite", &a]));
    let server = Server::start(&env.db);
    for s in 0..30 {
        let r = server.get(&format!("/f/{ta}/s/{s}"));
        assert!(!r.body.contains("Garage Bert"), "section {s}");
        assert!(!r.body.contains("31415926"), "section {s}");
    }
    let page = server.get(&format!("/f/{ta}/s/1")).body;
    let csrf = csrf_of(&page);
    let r = server.post(
        &format!("/f/{ta}/s/1/field"),
        &form(&[
            ("csrf", &csrf),
            ("key", "company.kvk"),
            ("value", "87654321"),
        ]),
    );
    assert_eq!(r.status, 200);
    assert_eq!(answers(&env, &a)["company.kvk"], "87654321");
    assert_eq!(answers(&env, &b)["company.kvk"], "31415926");
    // A's CSRF token is worth nothing on B's link (B has none here): nor on a new link of A.
    let ta2 = token_of(&env.ok(&["invite", &a]));
    let r = server.post(
        &format!("/f/{ta2}/s/1/field"),
        &form(&[
            ("csrf", &csrf),
            ("key", "company.kvk"),
            ("value", "11111111"),
        ]),
    );
    assert_eq!(r.status, 403);
}

#[test]
fn posts_without_csrf_token_or_from_another_origin_are_refused() {
    let env = Env::new();
    let id = self_intake(&env, "Notaris Claes");
    let t = token_of(&env.ok(&["invite", &id]));
    let server = Server::start(&env.db);
    let page = server.get(&format!("/f/{t}/s/1")).body;
    let csrf = csrf_of(&page);
    let path = format!("/f/{t}/s/1/field");
    let body = |c: &str| form(&[("csrf", c), ("key", "company.city"), ("value", "Gouda")]);
    assert_eq!(server.post(&path, &body("")).status, 403, "no token");
    assert_eq!(
        server.post(&path, &body(&"0".repeat(32))).status,
        403,
        "wrong token"
    );
    let ct = ("Content-Type", "application/x-www-form-urlencoded");
    let evil = http(
        server.addr,
        "POST",
        &path,
        &[("Origin", "http://evil.example"), ct],
        body(&csrf).as_bytes(),
    );
    assert_eq!(evil.status, 403, "another origin");
    let none = http(server.addr, "POST", &path, &[ct], body(&csrf).as_bytes());
    assert_eq!(none.status, 403, "neither Origin nor Referer");
    assert!(
        answers(&env, &id).get("company.city").is_none(),
        "something was saved"
    );
    let ok = server.post(&path, &body(&csrf));
    assert_eq!(ok.status, 200);
    assert_eq!(answers(&env, &id)["company.city"], "Gouda");
    // The security headers are on every page.
    let r = server.get(&format!("/f/{t}/s/1"));
    let csp = r.header("content-security-policy").unwrap_or_default();
    assert!(
        csp.contains("default-src 'none'") && csp.contains("frame-ancestors 'none'"),
        "{csp}"
    );
    assert_eq!(r.header("referrer-policy"), Some("same-origin"));
    assert_eq!(r.header("x-content-type-options"), Some("nosniff"));
}

#[test]
fn an_oversized_body_is_refused_and_nothing_is_saved() {
    let env = Env::new();
    let id = self_intake(&env, "Bloemist Daan");
    let t = token_of(&env.ok(&["invite", &id]));
    let server = Server::start(&env.db);
    let csrf = csrf_of(&server.get(&format!("/f/{t}/s/1")).body);
    let big = "x".repeat(200 * 1024);
    let r = server.post(
        &format!("/f/{t}/s/1/field"),
        &form(&[("csrf", &csrf), ("key", "company.city"), ("value", &big)]),
    );
    assert_eq!(r.status, 413);
    assert!(answers(&env, &id).get("company.city").is_none());
}

#[test]
fn many_bad_tokens_from_one_address_are_refused_even_with_a_good_one_after() {
    let env = Env::new();
    let id = self_intake(&env, "Slagerij Eef");
    let t = token_of(&env.ok(&["invite", &id]));
    let server = Server::start(&env.db);
    let mut statuses = Vec::new();
    for i in 0..25 {
        statuses.push(server.get(&format!("/f/{:064x}", i + 1)).status);
    }
    assert!(statuses[..20].iter().all(|&s| s == 404), "{statuses:?}");
    assert!(statuses[20..].iter().all(|&s| s == 429), "{statuses:?}");
    assert_eq!(server.get(&format!("/f/{t}/s/1")).status, 429);
}

#[test]
fn a_customer_fills_in_without_javascript_and_submits() {
    let env = Env::new();
    let id = env.ok(&["demo"]).trim().to_string();
    let t = token_of(&env.ok(&["invite", &id]));
    let server = Server::start(&env.db);
    let page = server.get(&format!("/f/{t}/s/1")).body;
    let csrf = csrf_of(&page);
    // Specialist questions are never on the customer's pages.
    assert!(!page.contains("name=\"intake.specialist\""));
    // A wrong IBAN is refused with the engine's message; the other answer is saved.
    let r = server.post(
        &format!("/f/{t}/s/1"),
        &form(&[
            ("csrf", &csrf),
            ("_k", "company.iban"),
            ("company.iban", "NL00BANK0314159269"),
            ("_k", "company.city"),
            ("company.city", "Zwolle"),
            ("action", "next"),
        ]),
    );
    assert_eq!(r.status, 422, "{}", r.body);
    assert!(r.body.contains("role=\"alert\""), "no message");
    assert!(
        r.body.contains("NL00BANK0314159269"),
        "the typed value is gone"
    );
    let a = answers(&env, &id);
    assert_eq!(a["company.city"], "Zwolle");
    assert_ne!(a["company.iban"], "NL00BANK0314159269");
    // A specialist question posted anyway is ignored.
    let mode = answers(&env, &id)["intake.mode"].clone();
    let other = if mode == "self" { "online" } else { "self" };
    let r = server.post(
        &format!("/f/{t}/s/0"),
        &form(&[
            ("csrf", &csrf),
            ("_k", "intake.mode"),
            ("intake.mode", other),
        ]),
    );
    assert_eq!(r.status, 303);
    assert_eq!(answers(&env, &id)["intake.mode"], mode);
    // History says who gave the answer.
    let h = env.json(&["history", &id, "company.city", "--json"]);
    assert!(h.to_string().contains("klant via web"), "{h}");
    // Submitting needs the FAQ 3.3 confirmation.
    let review = server.get(&format!("/f/{t}/review")).body;
    assert!(review.contains("FAQ 3.3"));
    let r = server.post(&format!("/f/{t}/submit"), &form(&[("csrf", &csrf)]));
    assert_eq!(r.status, 422);
    let r = server.post(
        &format!("/f/{t}/submit"),
        &form(&[("csrf", &csrf), ("confirm", "yes")]),
    );
    assert_eq!(r.status, 303, "{}", r.body);
    let list = env.json(&["list", "--json"]);
    assert_eq!(list[0]["status"], "returned", "{list}");
    // The link is read-only now.
    let r = server.post(
        &format!("/f/{t}/s/1/field"),
        &form(&[
            ("csrf", &csrf),
            ("key", "company.city"),
            ("value", "Deventer"),
        ]),
    );
    assert_eq!(r.status, 403);
    assert_eq!(answers(&env, &id)["company.city"], "Zwolle");
    let r = server.get(&format!("/f/{t}/s/1"));
    assert_eq!(r.status, 200);
    assert!(r.body.contains("disabled"));
}
