//! Checks on what the binary prints as JSON: the findings' rules, the quote's lines and totals,
//! the plan's phases. Shared by the advice and report tests.

use super::{iso, today};
use serde_json::Value;

pub fn rules(advice: &Value) -> Vec<String> {
    advice
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["rule"].as_str().unwrap().to_string())
        .collect()
}

pub fn assert_rules(advice: &Value, present: &[&str], absent: &[&str]) {
    let r = rules(advice);
    for p in present {
        assert!(r.iter().any(|x| x == p), "{p} missing from {r:?}");
    }
    for a in absent {
        assert!(!r.iter().any(|x| x == a), "{a} present in {r:?}");
    }
}

/// (code, quantity, unit_cents, net_cents, vat_cents, period) of every line.
pub fn lines(q: &Value) -> Vec<(String, u64, Option<i64>, i64, i64, String)> {
    q["lines"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["code"].as_str().unwrap().into(),
                l["quantity"].as_u64().unwrap(),
                l["unit_cents"].as_i64(),
                l["net_cents"].as_i64().unwrap(),
                l["vat_cents"].as_i64().unwrap(),
                l["period"].as_str().unwrap().into(),
            )
        })
        .collect()
}

pub fn l(
    code: &str,
    qty: u64,
    unit: Option<i64>,
    net: i64,
    vat: i64,
    period: &str,
) -> (String, u64, Option<i64>, i64, i64, String) {
    (code.into(), qty, unit, net, vat, period.into())
}

/// Totals are the sums of the counted lines (priced, not only-if-cancelled), per period.
pub fn assert_totals_add_up(q: &Value) {
    let t = &q["totals"];
    let mut sums = [0i64; 4];
    for line in q["lines"].as_array().unwrap() {
        if line["only_if_cancelled"].as_bool().unwrap() || line["optional"].as_bool().unwrap() {
            continue;
        }
        let (net, vat) = (
            line["net_cents"].as_i64().unwrap(),
            line["vat_cents"].as_i64().unwrap(),
        );
        match line["period"].as_str().unwrap() {
            "monthly" => {
                sums[0] += net;
                sums[1] += vat;
            }
            "one_time" => {
                sums[2] += net;
                sums[3] += vat;
            }
            _ => assert_eq!((net, vat), (0, 0)),
        }
    }
    let got = |k: &str| t[k].as_i64().unwrap();
    // VAT is 21 % of each net subtotal, rounded once (not the sum of the lines' VATs).
    let vat = |n: i64| (n * 21 + 50) / 100;
    assert_eq!(
        [
            got("monthly_net_cents"),
            got("monthly_vat_cents"),
            got("one_time_net_cents"),
            got("one_time_vat_cents")
        ],
        [sums[0], vat(sums[0]), sums[2], vat(sums[2])]
    );
    assert_eq!(got("monthly_gross_cents"), sums[0] + vat(sums[0]));
    assert_eq!(got("one_time_gross_cents"), sums[2] + vat(sums[2]));
    assert_eq!(
        got("first_year_gross_cents"),
        12 * got("monthly_gross_cents") + got("one_time_gross_cents")
    );
}

pub fn totals(q: &Value) -> [i64; 7] {
    let t = &q["totals"];
    [
        "monthly_net_cents",
        "monthly_vat_cents",
        "monthly_gross_cents",
        "one_time_net_cents",
        "one_time_vat_cents",
        "one_time_gross_cents",
        "first_year_commitment_cents",
    ]
    .map(|k| t[k].as_i64().unwrap_or_else(|| panic!("{k}")))
}

pub fn assert_plan_sane(p: &Value) {
    let phases = p["phases"].as_array().unwrap();
    assert!(phases.len() >= 6, "{p}");
    let start_of_plan = iso(today() - time::Duration::days(1));
    for ph in phases {
        let (s, e) = (ph["start"].as_str().unwrap(), ph["end"].as_str().unwrap());
        // The intake is done: it ends on the intake's date and may start before it.
        let first = if ph["id"] == "intake" {
            ""
        } else {
            start_of_plan.as_str()
        };
        assert!(s <= e && s >= first, "{ph}");
        assert!(
            ph["name"].as_str().is_some_and(|n| !n.is_empty())
                && ph["working_days"].as_u64().unwrap() >= 1
        );
    }
    assert!(phases.iter().any(|ph| ph["id"] == "go_live"));
}
