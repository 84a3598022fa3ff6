use super::*;
use time::macros::date;

fn cat() -> Catalog {
    Catalog::embedded().unwrap()
}

fn input(ws: u32) -> QuoteInput {
    QuoteInput::new(date!(2026 - 11 - 25), ws)
}

#[test]
fn workstation_line_and_kind_threshold() {
    let q = price(&cat(), &input(9)).unwrap();
    assert_eq!(q.kind, QuoteKind::CostOverview);
    assert_eq!(q.lines.len(), 1);
    assert_eq!(
        (q.lines[0].net_cents, q.lines[0].vat_cents),
        (89_955, 18_891)
    ); // 18890.55 -> 18891
    assert_eq!(price(&cat(), &input(10)).unwrap().kind, QuoteKind::Quote);
    assert_eq!(q.valid_until, date!(2026 - 12 - 25));
    assert_eq!(q.price_name, "regular");
}

#[test]
fn promo_price_by_date() {
    let mut i = input(1);
    i.date = date!(2011 - 12 - 31);
    assert_eq!(price(&cat(), &i).unwrap().lines[0].unit_cents, Some(7995));
    i.date = date!(2012 - 01 - 01);
    assert_eq!(price(&cat(), &i).unwrap().lines[0].unit_cents, Some(9995));
    i.date = date!(2010 - 12 - 31);
    assert_eq!(price(&cat(), &i), Err(QuoteError::NoPrice(i.date)));
}

#[test]
fn options_aggregate_per_option_and_unknown_is_named() {
    let mut i = input(3);
    i.users = vec![
        UserOptions {
            name: "An".into(),
            options: vec!["visio".into(), "access".into(), "visio".into()],
        },
        UserOptions {
            name: "Bo".into(),
            options: vec!["visio".into()],
        },
    ];
    let q = price(&cat(), &i).unwrap();
    let codes: Vec<_> = q
        .lines
        .iter()
        .map(|l| (l.code.as_str(), l.quantity))
        .collect();
    assert_eq!(codes, [("workstation", 3), ("access", 1), ("visio", 2)]);
    i.users[1].options.push("solitaire".into());
    let e = price(&cat(), &i).unwrap_err();
    assert_eq!(
        e,
        QuoteError::UnknownOption {
            user: "Bo".into(),
            code: "solitaire".into()
        }
    );
    assert!(e.to_string().contains("solitaire"));
}

#[test]
fn on_request_optional_and_cancel_only_lines_stay_out_of_totals() {
    let mut i = input(1);
    i.users = vec![UserOptions {
        name: "An".into(),
        options: vec!["app_virtualisation".into()],
    }];
    i.one_time = vec![
        ("intake".into(), 1),
        ("connection_upgrade".into(), 1),
        ("dns_change".into(), 1),
    ];
    i.optional = vec![("cabling_check".into(), 2), ("winrar".into(), 1)];
    let q = price(&cat(), &i).unwrap();
    let t = q.totals;
    assert_eq!(t.monthly_net_cents, 9995);
    assert_eq!(t.one_time_net_cents, 7500); // only dns_change
    let intake = q.lines.iter().find(|l| l.code == "intake").unwrap();
    assert!(intake.only_if_cancelled && !intake.in_totals() && intake.net_cents == 29_500);
    let virt = q
        .lines
        .iter()
        .find(|l| l.code == "app_virtualisation")
        .unwrap();
    assert_eq!(
        (virt.unit_cents, virt.net_cents, virt.vat_cents),
        (None, 0, 0)
    );
    let opt = q.lines.iter().find(|l| l.code == "winrar").unwrap();
    assert!(opt.optional && opt.period == Period::Monthly);
    assert!(q.has_example_prices);
}

#[test]
fn unknown_one_time_and_optional_codes_are_errors() {
    let mut i = input(1);
    i.one_time = vec![("gold_plating".into(), 1)];
    assert_eq!(
        price(&cat(), &i),
        Err(QuoteError::UnknownItem("gold_plating".into()))
    );
    i.one_time.clear();
    i.optional = vec![("gold_plating".into(), 1)];
    assert_eq!(
        price(&cat(), &i),
        Err(QuoteError::UnknownOptional("gold_plating".into()))
    );
    assert_eq!(price(&cat(), &input(0)), Err(QuoteError::NoWorkstations));
}

#[test]
fn repeated_one_time_codes_merge_and_zero_is_dropped() {
    let mut i = input(1);
    i.one_time = vec![
        ("cabling_check".into(), 1),
        ("dns_change".into(), 0),
        ("cabling_check".into(), 2),
    ];
    let q = price(&cat(), &i).unwrap();
    assert_eq!(q.lines.len(), 2);
    assert_eq!((q.lines[1].quantity, q.lines[1].net_cents), (3, 58_500));
}

#[test]
fn first_year_cost_and_commitment_follow_the_catalog_rule() {
    let mut i = input(3);
    i.users = vec![UserOptions {
        name: "An".into(),
        options: vec!["access".into()],
    }];
    i.one_time = vec![("dns_change".into(), 1)];
    let t = price(&cat(), &i).unwrap().totals;
    // monthly 3 × 9 995 + 595 = 30 580, VAT 6 421.8 → 6 422, gross 37 002;
    // one-time 7 500, VAT 1 575, gross 9 075.
    assert_eq!(
        (t.monthly_vat_cents, t.monthly_gross_cents),
        (6_422, 37_002)
    );
    // first year: 12 × 30 580 + 7 500 = 374 460; paid 12 × 37 002 + 9 075 = 453 099.
    assert_eq!(
        (t.first_year_cents, t.first_year_gross_cents),
        (374_460, 453_099)
    );
    // every quoted workstation 12 months: 9 995 × 36 = 359 820; access 595 × 1; dns 7 500.
    assert_eq!(t.first_year_commitment_cents, 367_915);
    // VAT 367 915 × 21 / 100 = 77 262.15 → 77 262
    assert_eq!(t.first_year_commitment_gross_cents, 445_177);
    // FAQ 1.20 as the rule: only the first workstation a year, the others a month.
    let mut c = cat();
    c.contract.quoted_workstation_months = 1;
    let t = price(&c, &i).unwrap().totals;
    assert_eq!(t.first_year_commitment_cents, 3 * 9_995 + 595 + 7_500);
}

#[test]
fn vat_is_the_rate_over_each_subtotal_rounded_once() {
    let mut i = input(7);
    i.users = (0..7)
        .map(|n| UserOptions {
            name: format!("u{n}"),
            options: vec!["winrar".into(), "vandale_nl".into()],
        })
        .collect();
    let q = price(&cat(), &i).unwrap();
    let t = q.totals;
    let line_vat: i64 = q
        .lines
        .iter()
        .filter(|l| l.in_totals())
        .map(|l| l.vat_cents)
        .sum();
    assert_eq!(
        t.monthly_vat_cents,
        vat_cents(t.monthly_net_cents, 21).unwrap()
    );
    // 7 × 9 995 + 7 × 100 + 7 × 295 = 72 730 → VAT 15 273.3 → 15 273; per line 15 274.
    assert_eq!(
        (t.monthly_net_cents, t.monthly_vat_cents, line_vat),
        (72_730, 15_273, 15_274)
    );
}

#[test]
fn provider_confirmation_clears_example_marks() {
    let mut c = cat();
    let q = price(&c, &input(1)).unwrap();
    assert!(
        q.lines[0].example && q.has_example_prices,
        "99,95 is an example until confirmed"
    );
    c.confirm(&["workstation".to_string()]);
    let q = price(&c, &input(1)).unwrap();
    assert!(!q.lines[0].example && !q.has_example_prices);
}
