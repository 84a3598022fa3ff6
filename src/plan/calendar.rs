//! Dutch public holidays and working days (Monday to Friday, minus holidays).
//!
//! Decisions, configurable in `assets/plan.toml` `[holidays]`, defaults in [`HolidayRules::default`]:
//! - Goede Vrijdag is a public holiday in law but not a general day off: most employers and CAOs do
//!   not give it, so by default it is a working day.
//! - Bevrijdingsdag (5 May) is a general day off in most CAOs only every five years ("lustrum",
//!   years divisible by 5: 2025, 2030, ...), so that is the default.
//!
//! Years are proleptic Gregorian; Easter by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).

use serde::Deserialize;
use time::{Date, Month, Weekday};

/// When Bevrijdingsdag (5 May) is a day off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LiberationDay {
    Always,
    /// Only in years divisible by 5.
    #[default]
    Lustrum,
    Never,
}

/// Which optional holidays are days off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HolidayRules {
    #[serde(default)]
    pub good_friday_day_off: bool,
    #[serde(default)]
    pub liberation_day: LiberationDay,
}

/// Easter Sunday (anonymous Gregorian algorithm). `None` if outside the range of [`Date`].
pub fn easter(year: i32) -> Option<Date> {
    let (a, b, c) = (
        year.rem_euclid(19),
        year.div_euclid(100),
        year.rem_euclid(100),
    );
    let (d, e) = (b.div_euclid(4), b.rem_euclid(4));
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    let month = if month == 3 {
        Month::March
    } else {
        Month::April
    };
    Date::from_calendar_date(year, month, u8::try_from(day).ok()?).ok()
}

impl HolidayRules {
    /// The days off in `year` under these rules, sorted, with their Dutch names. Empty for a year
    /// outside the range of [`Date`].
    pub fn holidays(&self, year: i32) -> Vec<(Date, &'static str)> {
        let ymd = |m: Month, d: u8| Date::from_calendar_date(year, m, d).ok();
        let Some(easter) = easter(year) else {
            return Vec::new();
        };
        let rel = |days: i64| easter.checked_add(time::Duration::days(days));
        // Koningsdag (from 2014): 27 April, 26 April when the 27th is a Sunday. Before 2014
        // Koninginnedag: 30 April, 29 April when that is a Sunday.
        let kings = if year >= 2014 {
            ymd(Month::April, 27).map(|d| {
                if d.weekday() == Weekday::Sunday {
                    d.previous_day()
                } else {
                    Some(d)
                }
            })
        } else {
            ymd(Month::April, 30).map(|d| {
                if d.weekday() == Weekday::Sunday {
                    d.previous_day()
                } else {
                    Some(d)
                }
            })
        }
        .flatten();
        let kings_name = if year >= 2014 {
            "Koningsdag"
        } else {
            "Koninginnedag"
        };
        let liberation = match self.liberation_day {
            LiberationDay::Always => true,
            LiberationDay::Lustrum => year.rem_euclid(5) == 0,
            LiberationDay::Never => false,
        };
        let mut out: Vec<(Option<Date>, &'static str)> = vec![
            (ymd(Month::January, 1), "Nieuwjaarsdag"),
            (Some(easter), "Eerste Paasdag"),
            (rel(1), "Tweede Paasdag"),
            (kings, kings_name),
            (rel(39), "Hemelvaartsdag"),
            (rel(49), "Eerste Pinksterdag"),
            (rel(50), "Tweede Pinksterdag"),
            (ymd(Month::December, 25), "Eerste Kerstdag"),
            (ymd(Month::December, 26), "Tweede Kerstdag"),
        ];
        if self.good_friday_day_off {
            out.push((rel(-2), "Goede Vrijdag"));
        }
        if liberation {
            out.push((ymd(Month::May, 5), "Bevrijdingsdag"));
        }
        let mut days: Vec<(Date, &'static str)> =
            out.into_iter().filter_map(|(d, n)| Some((d?, n))).collect();
        days.sort_by_key(|(d, _)| *d);
        days
    }

    /// Monday to Friday and not a day off.
    pub fn is_working_day(&self, d: Date) -> bool {
        !matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday)
            && !self.holidays(d.year()).iter().any(|(h, _)| *h == d)
    }

    /// `d` itself if it is a working day, else the next one (saturates at the last [`Date`]).
    pub fn working_day_on_or_after(&self, d: Date) -> Date {
        self.add_working_days(d, 0)
    }

    /// The `n`-th working day after `d`; `n = 0` gives `d` rolled forward to a working day.
    /// Friday + 1 = Monday; Saturday + 1 = Monday. Saturates at the last [`Date`] instead of
    /// overflowing.
    pub fn add_working_days(&self, d: Date, n: u32) -> Date {
        let mut cache = YearCache::new(*self);
        let mut cur = d;
        while !cache.is_working_day(cur) {
            match cur.next_day() {
                Some(x) => cur = x,
                None => return cur,
            }
        }
        let mut left = n;
        while left > 0 {
            match cur.next_day() {
                Some(x) => cur = x,
                None => return cur,
            }
            if cache.is_working_day(cur) {
                left -= 1;
            }
        }
        cur
    }

    /// Working days `d` with `a <= d < b` (0 when `b <= a`). For a working day `a`,
    /// `working_days_between(a, add_working_days(a, n)) == n`.
    pub fn working_days_between(&self, a: Date, b: Date) -> u32 {
        let mut cache = YearCache::new(*self);
        let mut count = 0u32;
        let mut cur = a;
        while cur < b {
            if cache.is_working_day(cur) {
                count = count.saturating_add(1);
            }
            match cur.next_day() {
                Some(x) => cur = x,
                None => break,
            }
        }
        count
    }
}

/// Holidays of the year last looked at, so day-by-day loops do not recompute Easter each day.
struct YearCache {
    rules: HolidayRules,
    year: Option<i32>,
    days: Vec<(Date, &'static str)>,
}

impl YearCache {
    fn new(rules: HolidayRules) -> YearCache {
        YearCache {
            rules,
            year: None,
            days: Vec::new(),
        }
    }

    fn is_working_day(&mut self, d: Date) -> bool {
        if matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday) {
            return false;
        }
        if self.year != Some(d.year()) {
            self.year = Some(d.year());
            self.days = self.rules.holidays(d.year());
        }
        !self.days.iter().any(|(h, _)| *h == d)
    }
}

/// [`HolidayRules::holidays`] with the default rules.
pub fn holidays(year: i32) -> Vec<(Date, &'static str)> {
    HolidayRules::default().holidays(year)
}

/// [`HolidayRules::is_working_day`] with the default rules.
pub fn is_working_day(d: Date) -> bool {
    HolidayRules::default().is_working_day(d)
}

/// [`HolidayRules::add_working_days`] with the default rules.
pub fn add_working_days(d: Date, n: u32) -> Date {
    HolidayRules::default().add_working_days(d, n)
}

/// [`HolidayRules::working_days_between`] with the default rules.
pub fn working_days_between(a: Date, b: Date) -> u32 {
    HolidayRules::default().working_days_between(a, b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn easter_known_years() {
        assert_eq!(easter(2024), Some(date!(2024 - 03 - 31)));
        assert_eq!(easter(2025), Some(date!(2025 - 04 - 20)));
        assert_eq!(easter(2026), Some(date!(2026 - 04 - 05)));
        assert_eq!(easter(2027), Some(date!(2027 - 03 - 28)));
        assert_eq!(easter(2038), Some(date!(2038 - 04 - 25)));
        assert_eq!(easter(2285), Some(date!(2285 - 03 - 22))); // earliest possible date
        assert_eq!(easter(1943), Some(date!(1943 - 04 - 25))); // latest possible date
    }

    #[test]
    fn holidays_2025_with_defaults() {
        let h = holidays(2025);
        let names: Vec<_> = h.iter().map(|(d, n)| (d.to_string(), *n)).collect();
        assert_eq!(
            names,
            [
                ("2025-01-01".to_string(), "Nieuwjaarsdag"),
                ("2025-04-20".into(), "Eerste Paasdag"),
                ("2025-04-21".into(), "Tweede Paasdag"),
                ("2025-04-26".into(), "Koningsdag"), // 27 April 2025 is a Sunday
                ("2025-05-05".into(), "Bevrijdingsdag"), // 2025 is a lustrum year
                ("2025-05-29".into(), "Hemelvaartsdag"),
                ("2025-06-08".into(), "Eerste Pinksterdag"),
                ("2025-06-09".into(), "Tweede Pinksterdag"),
                ("2025-12-25".into(), "Eerste Kerstdag"),
                ("2025-12-26".into(), "Tweede Kerstdag"),
            ]
        );
        assert!(!holidays(2026).iter().any(|(_, n)| *n == "Bevrijdingsdag"));
        assert!(holidays(2026).contains(&(date!(2026 - 04 - 27), "Koningsdag")));
        assert!(holidays(2013).contains(&(date!(2013 - 04 - 30), "Koninginnedag")));
    }

    #[test]
    fn optional_holidays_follow_rules() {
        let r = HolidayRules {
            good_friday_day_off: true,
            liberation_day: LiberationDay::Always,
        };
        let h = r.holidays(2026);
        assert!(h.contains(&(date!(2026 - 04 - 03), "Goede Vrijdag")));
        assert!(h.contains(&(date!(2026 - 05 - 05), "Bevrijdingsdag")));
        assert!(is_working_day(date!(2026 - 04 - 03)));
        assert!(!r.is_working_day(date!(2026 - 04 - 03)));
        let never = HolidayRules {
            good_friday_day_off: false,
            liberation_day: LiberationDay::Never,
        };
        assert!(never.is_working_day(date!(2025 - 05 - 05)));
    }

    #[test]
    fn working_days_across_christmas_and_easter() {
        // Wed 24 Dec 2025 + 1: 25, 26 holidays, 27/28 weekend -> Mon 29 Dec.
        assert_eq!(
            add_working_days(date!(2025 - 12 - 24), 1),
            date!(2025 - 12 - 29)
        );
        // 22 Dec .. 2 Jan 2026: Mon-Wed (3) + Mon 29-Wed 31 (3) + Fri 2 Jan (1) = 7, not 1 Jan.
        assert_eq!(
            working_days_between(date!(2025 - 12 - 22), date!(2026 - 01 - 03)),
            7
        );
        // Thu 2 Apr 2026 + 1 = Fri 3 Apr (Goede Vrijdag worked); + 2 = Tue 7 Apr (Easter Monday off).
        assert_eq!(
            add_working_days(date!(2026 - 04 - 02), 1),
            date!(2026 - 04 - 03)
        );
        assert_eq!(
            add_working_days(date!(2026 - 04 - 02), 2),
            date!(2026 - 04 - 07)
        );
        assert_eq!(
            add_working_days(date!(2026 - 04 - 04), 0),
            date!(2026 - 04 - 07)
        );
        assert_eq!(
            working_days_between(date!(2026 - 04 - 07), date!(2026 - 04 - 02)),
            0
        );
    }

    #[test]
    fn extremes_do_not_panic() {
        assert_eq!(add_working_days(Date::MAX, 5), Date::MAX);
        assert!(holidays(9999).len() >= 9);
        assert!(holidays(-9999).len() >= 9);
    }
}
