use super::*;

#[test]
fn mobile_numbers_are_normalised_and_pagers_refused() {
    assert_eq!(parse_mobile_nl("06-12345678").unwrap(), "+31612345678");
    assert_eq!(parse_mobile_nl("+31 6 1234 5678").unwrap(), "+31612345678");
    assert_eq!(parse_mobile_nl("0031612345678").unwrap(), "+31612345678");
    assert!(parse_mobile_nl("0612345").is_err());
    assert!(parse_mobile_nl("020-1234567").is_err());
    assert!(parse_mobile_nl("06612345678").is_err());
    assert!(parse_mobile_nl("0661234567").is_err(), "066 pager");
    assert!(check_not_m2m("0971234567890").is_err());
}

#[test]
fn postcodes_follow_the_dutch_rules() {
    assert_eq!(parse_postcode_nl("1234ab").unwrap(), "1234 AB");
    assert_eq!(parse_postcode_nl(" 9999 zz ").unwrap(), "9999 ZZ");
    assert!(parse_postcode_nl("0123 AB").is_err());
    assert!(parse_postcode_nl("1234 SS").is_err());
    assert!(parse_postcode_nl("1234 SA").is_err());
    assert!(parse_postcode_nl("1234 SD").is_err());
    assert!(parse_postcode_nl("12345 A").is_err());
}

#[test]
fn postcode_errors_say_what_is_wrong_with_what_was_typed() {
    let nl = |s: &str| parse_postcode_nl(s).unwrap_err().nl;
    assert!(nl("0123 AB").contains("'0123 AB': een postcode begint niet met 0"));
    assert!(nl("123 AB").contains("begint met 4 cijfers"));
    assert!(nl("12345 AB").contains("begint met 4 cijfers"));
    assert!(nl("1234 A").contains("precies 2 letters"));
    assert!(nl("1234 ABC").contains("precies 2 letters"));
    assert!(nl("1234 A1").contains("precies 2 letters"));
    let en = parse_postcode_nl("0123 AB").unwrap_err().en;
    assert!(en.contains("a postcode does not start with 0"), "{en}");
    assert!(
        nl("\u{1b}]2;x").contains("'?]2;x'"),
        "control characters are not echoed"
    );
}

#[test]
fn numbers_typed_with_their_unit_are_accepted() {
    assert_eq!(strip_unit("40 GB", Some("GB")).unwrap(), "40");
    assert_eq!(strip_unit("40gb", Some("GB")).unwrap(), "40");
    assert_eq!(strip_unit("50 Mbit/s", Some("Mbit/s")).unwrap(), "50");
    assert_eq!(strip_unit("50 mbps", Some("Mbit/s")).unwrap(), "50");
    assert_eq!(strip_unit("2,5 Mb/s", Some("Mbit/s")).unwrap(), "2,5");
    assert_eq!(strip_unit(" 12 ", Some("GB")).unwrap(), "12");
    assert_eq!(strip_unit("12", None).unwrap(), "12");
    let e = strip_unit("40 MB", Some("GB")).unwrap_err();
    assert!(e.nl.contains("in GB") && e.nl.contains("'MB'"), "{}", e.nl);
    assert!(
        strip_unit("40 GB", None)
            .unwrap_err()
            .nl
            .contains("zonder 'GB'")
    );
    assert_eq!(
        strip_unit("veel", Some("GB")).unwrap(),
        "veel",
        "left to the number check"
    );
}

#[test]
fn kvk_vat_and_iban() {
    assert_eq!(parse_kvk("1234 5678").unwrap(), "12345678");
    assert!(parse_kvk("1234567").is_err());
    assert_eq!(parse_vat_nl("nl123456782b01").unwrap(), "NL123456782B01");
    assert!(parse_vat_nl("NL123456782X01").is_err());
    // A wrong check digit: neither the mod-11 nor the mod-97 form.
    assert!(parse_vat_nl("NL123456789B01").is_err());
    // The mod-97 form of sole proprietors (since 2020), with a failing mod-11.
    assert_eq!(parse_vat_nl("NL123456789B13").unwrap(), "NL123456789B13");
    assert_eq!(parse_vat_nl("NL000099998B57").unwrap(), "NL000099998B57");
    assert!(parse_vat_nl("NL000099998B58").is_err());
    assert_eq!(
        parse_iban("nl91 abna 0417 1643 00").unwrap(),
        "NL91ABNA0417164300"
    );
    assert!(parse_iban("NL92ABNA0417164300").is_err());
    assert!(parse_iban("NL91ABNA041716430").is_err());
    assert_eq!(
        parse_iban("DE89 3704 0044 0532 0130 00").unwrap(),
        "DE89370400440532013000"
    );
    assert_eq!(format_iban("NL91ABNA0417164300"), "NL91 ABNA 0417 1643 00");
}

#[test]
fn dates_outside_1900_to_2200_are_refused() {
    assert!(parse_date_input("2026-11-27").is_ok());
    assert!(parse_date_input("1900-01-01").is_ok());
    assert!(parse_date_input("2200-12-31").is_ok());
    for bad in ["-2026-01-01", "1899-12-31", "2201-01-01", "+12026-01-01"] {
        assert!(parse_date_input(bad).is_err(), "{bad}");
    }
}

#[test]
fn control_characters_are_refused_in_one_line_answers() {
    assert!(check_no_control("Evil\u{1b}]2;PWNED\u{7}", false).is_err());
    assert!(check_no_control("a\nb", false).is_err());
    assert!(check_no_control("a\rb", true).is_err());
    assert!(check_no_control("a\u{9b}b", true).is_err());
    assert!(check_no_control("a\u{7f}", true).is_err());
    assert!(check_no_control("regel 1\nregel 2\tx", true).is_ok());
}

#[test]
fn integers_accept_thousands_groups_but_not_decimals() {
    assert_eq!(parse_integer("12").unwrap(), 12);
    assert_eq!(parse_integer(" -3 ").unwrap(), -3);
    assert_eq!(parse_integer("+7").unwrap(), 7);
    assert_eq!(parse_integer("1.000").unwrap(), 1000);
    assert_eq!(parse_integer("12 500").unwrap(), 12500);
    assert_eq!(parse_integer("1_000_000").unwrap(), 1_000_000);
    // These used to lose their separators and become 25, 120 and 10.
    for bad in [
        "2.5",
        "1.2.0",
        "1.0",
        "1..000",
        "1000.",
        ".5",
        "1,5",
        "",
        "-",
        "abc",
        "1e3",
        "99999999999999999999",
    ] {
        assert!(parse_integer(bad).is_err(), "{bad:?}");
    }
}

#[test]
fn decimals_accept_comma_and_point() {
    assert_eq!(parse_decimal("2,5").unwrap(), 2.5);
    assert_eq!(parse_decimal("2.5").unwrap(), 2.5);
    assert!(parse_decimal("1.000,5").is_err());
    assert!(parse_decimal("abc").is_err());
    assert_eq!(plain_decimal(2.5), "2.5");
    assert_eq!(plain_decimal(40.0), "40");
    assert_eq!(plain_decimal(1234.125), "1234.125");
}

#[test]
fn emails_and_yes_no() {
    assert!(parse_email("a@b.nl").is_ok());
    assert!(parse_email("a@b").is_err());
    assert!(parse_email("a b@c.nl").is_err());
    assert!(parse_yes_no("ja").unwrap());
    assert!(!parse_yes_no("no").unwrap());
    assert!(parse_yes_no("misschien").is_err());
}
