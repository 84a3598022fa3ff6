//! Property tests: totals are sums of lines, gross = net + VAT, VAT within a cent, no overflow for
//! sane inputs, the price chosen at period borders is deterministic.

use intake::quote::{Catalog, Period, QuoteInput, UserOptions, price, vat_cents};
use proptest::prelude::*;
use time::{Date, Duration, macros::date};

const OPTIONS: [&str; 9] = [
    "access",
    "project",
    "visio",
    "publisher",
    "infopath",
    "vandale_nl",
    "vandale_de_en_fr",
    "winrar",
    "app_virtualisation",
];
const ONE_TIME: [&str; 6] = [
    "intake",
    "migration_project",
    "migration_extra_50gb",
    "dns_change",
    "cabling_check",
    "connection_upgrade",
];

fn input_strategy() -> impl Strategy<Value = QuoteInput> {
    (
        0i64..9000,
        1u32..5000,
        prop::collection::vec(prop::collection::vec(0usize..OPTIONS.len(), 0..4), 0..30),
        prop::collection::vec((0usize..ONE_TIME.len(), 0u32..200), 0..6),
        prop::collection::vec((0usize..ONE_TIME.len(), 0u32..200), 0..3),
    )
        .prop_map(|(day, ws, users, one, opt)| QuoteInput {
            date: date!(2011 - 01 - 01) + Duration::days(day),
            workstations: ws,
            users: users
                .into_iter()
                .enumerate()
                .map(|(i, o)| UserOptions {
                    name: format!("u{i}"),
                    options: o.into_iter().map(|k| OPTIONS[k].to_string()).collect(),
                })
                .collect(),
            one_time: one
                .into_iter()
                .map(|(k, q)| (ONE_TIME[k].to_string(), q))
                .collect(),
            optional: opt
                .into_iter()
                .map(|(k, q)| (ONE_TIME[k].to_string(), q))
                .collect(),
        })
}

proptest! {
    #[test]
    fn totals_follow_from_the_lines(input in input_strategy()) {
        let cat = Catalog::embedded().unwrap();
        let q = price(&cat, &input).unwrap();
        let sum = |p: Period| -> i64 {
            q.lines.iter().filter(|l| l.in_totals() && l.period == p).map(|l| l.net_cents).sum()
        };
        let t = q.totals;
        prop_assert_eq!(t.monthly_net_cents, sum(Period::Monthly));
        prop_assert_eq!(t.one_time_net_cents, sum(Period::OneTime));
        // VAT is 21 % of each subtotal, rounded once: the VAT line always matches the subtotal.
        prop_assert_eq!(t.monthly_vat_cents, vat_cents(t.monthly_net_cents, 21).unwrap());
        prop_assert_eq!(t.one_time_vat_cents, vat_cents(t.one_time_net_cents, 21).unwrap());
        prop_assert_eq!(t.monthly_gross_cents, t.monthly_net_cents + t.monthly_vat_cents);
        prop_assert_eq!(t.one_time_gross_cents, t.one_time_net_cents + t.one_time_vat_cents);
        prop_assert_eq!(t.first_year_cents, 12 * t.monthly_net_cents + t.one_time_net_cents);
        prop_assert_eq!(t.first_year_gross_cents, 12 * t.monthly_gross_cents + t.one_time_gross_cents);
        for l in &q.lines {
            prop_assert_eq!(l.net_cents, l.unit_cents.unwrap_or(0) * i64::from(l.quantity));
            // |100·vat − 21·net| ≤ 50: within half a cent of the exact rational value.
            prop_assert!((100 * l.vat_cents - 21 * l.net_cents).abs() <= 50);
        }
        // The commitment counts every quoted workstation for 12 months (the catalog's rule)
        // and never exceeds what the first year costs.
        let ws = i64::from(input.workstations);
        prop_assert!(t.first_year_commitment_cents >= q.lines[0].unit_cents.unwrap() * 12 * ws);
        prop_assert!(t.first_year_commitment_cents <= t.first_year_cents);
    }

    #[test]
    fn vat_is_within_half_a_cent(net in -1_000_000_000_000i64..1_000_000_000_000) {
        let v = vat_cents(net, 21).unwrap();
        let diff = 100 * i128::from(v) - 21 * i128::from(net);
        prop_assert!((-50..=50).contains(&diff));
        if diff.abs() == 50 { prop_assert!(diff.signum() == i128::from(net.signum())); } // half rounds away from 0
    }

    #[test]
    fn no_overflow_for_large_sane_inputs(ws in 1u32..=u32::MAX, qty in 0u32..=u32::MAX) {
        let cat = Catalog::embedded().unwrap();
        let mut input = QuoteInput::new(date!(2026 - 01 - 01), ws);
        input.one_time = vec![("migration_project".into(), qty)];
        let q = price(&cat, &input).unwrap();
        prop_assert!(q.totals.first_year_commitment_gross_cents > 0);
    }

    #[test]
    fn price_at_period_borders_is_deterministic(offset in -3i64..3) {
        let cat = Catalog::embedded().unwrap();
        let border = date!(2012 - 01 - 01);
        let d: Date = border + Duration::days(offset);
        let a = price(&cat, &QuoteInput::new(d, 1)).unwrap();
        let b = price(&cat, &QuoteInput::new(d, 1)).unwrap();
        prop_assert_eq!(&a, &b);
        let expected = if d < border { ("promo", 7995) } else { ("regular", 9995) };
        prop_assert_eq!((a.price_name.as_str(), a.lines[0].unit_cents), (expected.0, Some(expected.1)));
        // exactly one period holds on every day
        prop_assert_eq!(cat.workstation_prices.iter().filter(|p| p.contains(d)).count(), 1);
    }
}
