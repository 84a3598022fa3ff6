//! A large, valid bundle as field use produces one: an intake edited for months, with
//! tens of thousands of history rows spread over a few dozen answers (the import was
//! quadratic in the rows per key). Shared by the import test and `benches/import.rs`.

use serde_json::{Value as Json, json};

/// The value of an answer at history step N.
type ValueAt = fn(usize) -> Json;

/// Answer keys of the standard form with a value generator per history step.
const KEYS: &[(&str, ValueAt)] = &[
    ("company.name", |n| json!(format!("Jansen {n}"))),
    ("company.kvk", |n| {
        json!(format!("{:08}", 10_000_000 + n % 89_999_999))
    }),
    ("company.city", |n| json!(format!("Ede {n}"))),
    ("locations[1].name", |n| json!(format!("HQ {n}"))),
    ("locations[1].down_mbps", |n| json!(50 + (n % 500) as i64)),
    ("locations[1].up_mbps", |n| json!(10 + (n % 100) as i64)),
    ("locations[2].name", |n| json!(format!("Filiaal {n}"))),
    ("users[1].name", |n| json!(format!("Piet {n}"))),
    ("users[2].name", |n| json!(format!("Joke {n}"))),
    ("users[3].name", |n| json!(format!("Kees {n}"))),
];

/// A bundle with `rows` history rows; the answers are the last value of each key.
pub fn big_bundle(customer: &str, rows: usize) -> Json {
    let start = time::OffsetDateTime::now_utc() - time::Duration::days(120);
    let mut history = Vec::with_capacity(rows);
    let mut last: Vec<Option<Json>> = vec![None; KEYS.len()];
    for n in 0..rows {
        let k = n % KEYS.len();
        let (key, value) = KEYS[k];
        let new = value(n);
        let at = start + time::Duration::seconds(n as i64 * 60);
        history.push(json!({
            "key": key,
            "old": last[k],
            "new": new,
            "changed_at": at.format(&time::format_description::well_known::Rfc3339).unwrap(),
            "changed_by": "piet",
        }));
        last[k] = Some(new);
    }
    let answers: serde_json::Map<String, Json> = KEYS
        .iter()
        .zip(&last)
        .filter_map(|((key, _), v)| v.clone().map(|v| (key.to_string(), v)))
        .collect();
    json!({
        "format": "intake-bundle",
        "format_version": 1,
        "exported_at": time::OffsetDateTime::now_utc()
            .format(&time::format_description::well_known::Rfc3339).unwrap(),
        "intake": {
            "customer": customer,
            "mode": "on_site",
            "status": "draft",
            "form_id": "mkb-werkplek-online",
            "form_version": 1,
            "created_at": start.format(&time::format_description::well_known::Rfc3339).unwrap(),
        },
        "answers": answers,
        "probes": [],
        "history": history,
        "accepted_findings": [],
    })
}
