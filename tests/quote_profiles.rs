//! Customer profiles with 4, 8, 12 and 40 workstations; every line and total worked out by hand.
//! Unit prices (catalog): workstation 9 995 (regular, from 2012) / 7 995 (promo, 2011); access 595,
//! project 1 495, visio 1 195, infopath 495, vandale_nl 295, winrar 100; migration_project 95 000,
//! migration_extra_50gb 15 000, custom_hosting_study 45 000, dns_change 7 500, cabling_check
//! 19 500, intake 29 500 (only if cancelled). VAT 21 % per line, half up.

use intake::quote::{Catalog, Lang, Quote, QuoteInput, QuoteKind, UserOptions, format_eur, price};
use time::macros::date;

/// `n` users named `prefix{i}`, each with `opts`.
fn users(n: usize, prefix: &str, opts: &[&str]) -> Vec<UserOptions> {
    (0..n)
        .map(|i| UserOptions {
            name: format!("{prefix}{i}"),
            options: opts.iter().map(|s| s.to_string()).collect(),
        })
        .collect()
}

fn items(v: &[(&str, u32)]) -> Vec<(String, u32)> {
    v.iter().map(|(c, q)| (c.to_string(), *q)).collect()
}

/// (code, quantity, unit, net, vat, counted in totals)
fn lines(q: &Quote) -> Vec<(String, u32, Option<i64>, i64, i64, bool)> {
    q.lines
        .iter()
        .map(|l| {
            (
                l.code.clone(),
                l.quantity,
                l.unit_cents,
                l.net_cents,
                l.vat_cents,
                l.in_totals(),
            )
        })
        .collect()
}

fn l(
    code: &str,
    qty: u32,
    unit: Option<i64>,
    net: i64,
    vat: i64,
    counted: bool,
) -> (String, u32, Option<i64>, i64, i64, bool) {
    (code.to_string(), qty, unit, net, vat, counted)
}

#[test]
fn four_workstations_cost_overview() {
    let mut input = QuoteInput::new(date!(2026 - 11 - 25), 4);
    input.users = users(1, "a", &["access"]);
    input.users.extend(users(3, "b", &[]));
    input.one_time = items(&[("intake", 1), ("dns_change", 1)]);
    let q = price(&Catalog::embedded().unwrap(), &input).unwrap();
    assert_eq!(q.kind, QuoteKind::CostOverview);
    assert_eq!(q.price_name, "regular");
    assert_eq!(
        lines(&q),
        [
            l("workstation", 4, Some(9995), 39_980, 8_396, true), // 4×9 995; 8 395.8 → 8 396
            l("access", 1, Some(595), 595, 125, true),            // 124.95 → 125
            l("intake", 1, Some(29_500), 29_500, 6_195, false),   // shown, only if cancelled
            l("dns_change", 1, Some(7_500), 7_500, 1_575, true),
        ]
    );
    let t = q.totals;
    // monthly: 39 980 + 595 = 40 575; VAT 8 396 + 125 = 8 521; gross 49 096
    assert_eq!(
        (
            t.monthly_net_cents,
            t.monthly_vat_cents,
            t.monthly_gross_cents
        ),
        (40_575, 8_521, 49_096)
    );
    assert_eq!(
        (
            t.one_time_net_cents,
            t.one_time_vat_cents,
            t.one_time_gross_cents
        ),
        (7_500, 1_575, 9_075)
    );
    // 9 995 × (12 + 3×1) = 149 925; + access 595 × 1 month; + one-time 7 500 = 158 020
    assert_eq!(t.first_year_commitment_cents, 158_020);
    // VAT 33 184.2 → 33 184
    assert_eq!(t.first_year_commitment_gross_cents, 191_204);
    assert_eq!(q.valid_until, date!(2026 - 12 - 25));
    assert_eq!(format_eur(t.monthly_gross_cents, Lang::Nl), "€\u{a0}490,96");
}

#[test]
fn eight_workstations_with_on_request_and_optional() {
    let mut input = QuoteInput::new(date!(2026 - 11 - 25), 8);
    input.users = users(3, "nl", &["vandale_nl"]);
    input.users.extend(users(2, "zip", &["winrar"]));
    input
        .users
        .extend(users(1, "virt", &["app_virtualisation"]));
    input.users.extend(users(2, "plain", &[]));
    input.one_time = items(&[("migration_project", 1), ("cabling_check", 1)]);
    input.optional = items(&[("visio", 2)]);
    let q = price(&Catalog::embedded().unwrap(), &input).unwrap();
    assert_eq!(q.kind, QuoteKind::CostOverview);
    assert_eq!(
        lines(&q),
        [
            l("workstation", 8, Some(9995), 79_960, 16_792, true), // 16 791.6 → 16 792
            l("vandale_nl", 3, Some(295), 885, 186, true),         // 185.85 → 186
            l("winrar", 2, Some(100), 200, 42, true),
            l("app_virtualisation", 1, None, 0, 0, false), // on request
            l("migration_project", 1, Some(95_000), 95_000, 19_950, true),
            l("cabling_check", 1, Some(19_500), 19_500, 4_095, true),
            l("visio", 2, Some(1195), 2_390, 502, false), // optional; 501.9 → 502
        ]
    );
    let t = q.totals;
    // 79 960 + 885 + 200 = 81 045; 16 792 + 186 + 42 = 17 020
    assert_eq!(
        (
            t.monthly_net_cents,
            t.monthly_vat_cents,
            t.monthly_gross_cents
        ),
        (81_045, 17_020, 98_065)
    );
    // 95 000 + 19 500 = 114 500; 19 950 + 4 095 = 24 045
    assert_eq!(
        (
            t.one_time_net_cents,
            t.one_time_vat_cents,
            t.one_time_gross_cents
        ),
        (114_500, 24_045, 138_545)
    );
    // 9 995 × 19 = 189 905; options 885 + 200 = 1 085; one-time 114 500 → 305 490
    assert_eq!(t.first_year_commitment_cents, 305_490);
    // VAT 64 152.9 → 64 153
    assert_eq!(t.first_year_commitment_gross_cents, 369_643);
    let j = q.to_json(Lang::En);
    assert_eq!(j["lines"][3]["period"], "on_request");
    assert_eq!(j["lines"][6]["optional"], true);
}

#[test]
fn twelve_workstations_quote_three_locations_with_business_software() {
    let mut input = QuoteInput::new(date!(2026 - 11 - 25), 12);
    input.users = users(2, "pm", &["project"]);
    input.users.extend(users(1, "arch", &["project", "visio"]));
    input.users.extend(users(9, "u", &[]));
    input.one_time = items(&[
        ("intake", 1),
        ("migration_project", 1),
        ("migration_extra_50gb", 2),
        ("dns_change", 1),
        ("custom_hosting_study", 1),
        ("custom_hosting_setup", 1),
        ("cabling_check", 3),
    ]);
    let q = price(&Catalog::embedded().unwrap(), &input).unwrap();
    assert_eq!(q.kind, QuoteKind::Quote);
    assert_eq!(
        lines(&q),
        [
            l("workstation", 12, Some(9995), 119_940, 25_187, true), // 25 187.4 → 25 187
            l("project", 3, Some(1495), 4_485, 942, true),           // 941.85 → 942
            l("visio", 1, Some(1195), 1_195, 251, true),             // 250.95 → 251
            l("intake", 1, Some(29_500), 29_500, 6_195, false),
            l("migration_project", 1, Some(95_000), 95_000, 19_950, true),
            l("migration_extra_50gb", 2, Some(15_000), 30_000, 6_300, true),
            l("dns_change", 1, Some(7_500), 7_500, 1_575, true),
            l("custom_hosting_study", 1, Some(45_000), 45_000, 9_450, true),
            l("custom_hosting_setup", 1, None, 0, 0, false),
            l("cabling_check", 3, Some(19_500), 58_500, 12_285, true),
        ]
    );
    let t = q.totals;
    // 119 940 + 4 485 + 1 195 = 125 620; 25 187 + 942 + 251 = 26 380
    assert_eq!(
        (
            t.monthly_net_cents,
            t.monthly_vat_cents,
            t.monthly_gross_cents
        ),
        (125_620, 26_380, 152_000)
    );
    // 95 000 + 30 000 + 7 500 + 45 000 + 58 500 = 236 000; 19 950 + 6 300 + 1 575 + 9 450 + 12 285 = 49 560
    assert_eq!(
        (
            t.one_time_net_cents,
            t.one_time_vat_cents,
            t.one_time_gross_cents
        ),
        (236_000, 49_560, 285_560)
    );
    // 9 995 × 23 = 229 885; options 5 680; one-time 236 000 → 471 565; VAT 99 028.65 → 99 029
    assert_eq!(
        (
            t.first_year_commitment_cents,
            t.first_year_commitment_gross_cents
        ),
        (471_565, 570_594)
    );
    assert_eq!(
        format_eur(t.one_time_gross_cents, Lang::Nl),
        "€\u{a0}2.855,60"
    );
}

#[test]
fn forty_workstations_on_the_promotional_price() {
    let mut input = QuoteInput::new(date!(2011 - 06 - 15), 40);
    input.users = users(10, "acc", &["vandale_nl", "access"]);
    input
        .users
        .extend(users(5, "ip", &["vandale_nl", "infopath"]));
    input.users.extend(users(25, "u", &["vandale_nl"]));
    input.one_time = items(&[
        ("migration_project", 1),
        ("migration_extra_50gb", 6),
        ("connection_upgrade", 1),
        ("network_equipment", 1),
        ("cabling_check", 2),
    ]);
    input.optional = items(&[("custom_hosting_study", 1)]);
    let q = price(&Catalog::embedded().unwrap(), &input).unwrap();
    assert_eq!((q.kind, q.price_name.as_str()), (QuoteKind::Quote, "promo"));
    assert_eq!(
        lines(&q),
        [
            l("workstation", 40, Some(7995), 319_800, 67_158, true),
            l("access", 10, Some(595), 5_950, 1_250, true), // 1 249.5 → 1 250
            l("infopath", 5, Some(495), 2_475, 520, true),  // 519.75 → 520
            l("vandale_nl", 40, Some(295), 11_800, 2_478, true),
            l("migration_project", 1, Some(95_000), 95_000, 19_950, true),
            l(
                "migration_extra_50gb",
                6,
                Some(15_000),
                90_000,
                18_900,
                true
            ),
            l("connection_upgrade", 1, None, 0, 0, false),
            l("network_equipment", 1, None, 0, 0, false),
            l("cabling_check", 2, Some(19_500), 39_000, 8_190, true),
            l(
                "custom_hosting_study",
                1,
                Some(45_000),
                45_000,
                9_450,
                false
            ),
        ]
    );
    let t = q.totals;
    // 319 800 + 5 950 + 2 475 + 11 800 = 340 025; 67 158 + 1 250 + 520 + 2 478 = 71 406
    assert_eq!(
        (
            t.monthly_net_cents,
            t.monthly_vat_cents,
            t.monthly_gross_cents
        ),
        (340_025, 71_406, 411_431)
    );
    // 95 000 + 90 000 + 39 000 = 224 000; 19 950 + 18 900 + 8 190 = 47 040
    assert_eq!(
        (
            t.one_time_net_cents,
            t.one_time_vat_cents,
            t.one_time_gross_cents
        ),
        (224_000, 47_040, 271_040)
    );
    // 7 995 × (12 + 39) = 407 745; options 20 225; one-time 224 000 → 651 970; VAT 136 913.7 → 136 914
    assert_eq!(
        (
            t.first_year_commitment_cents,
            t.first_year_commitment_gross_cents
        ),
        (651_970, 788_884)
    );
    assert_eq!(q.valid_until, date!(2011 - 07 - 15));
    assert_eq!(format_eur(t.monthly_gross_cents, Lang::En), "€4,114.31");
}
