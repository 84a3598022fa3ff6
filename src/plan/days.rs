//! The days a phase may use: office days (working days), or for a phase in the customer's
//! migration window the window's days (weekday evenings are working days; a weekend window is
//! Saturdays and Sundays), never a public holiday and never in a closure period of the customer.

use super::calendar::HolidayRules;
use time::{Date, Weekday};

/// When the customer lets e-mail and files be moved (form: `planning.migration_window`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum MigrationWindow {
    /// Weekday evenings: on working days, after office hours.
    Evening,
    /// Saturdays and Sundays.
    Weekend,
    /// No preference (or not asked): working days.
    #[default]
    Any,
}

impl MigrationWindow {
    /// The form's choice id (`evening`, `weekend`, `any`); anything else is no preference.
    pub fn from_choice(id: &str) -> MigrationWindow {
        match id {
            "evening" => MigrationWindow::Evening,
            "weekend" => MigrationWindow::Weekend,
            _ => MigrationWindow::Any,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            MigrationWindow::Evening => "evening",
            MigrationWindow::Weekend => "weekend",
            MigrationWindow::Any => "any",
        }
    }
}

/// Most days any search walks: about ten years. A closure that long is refused when read; this
/// keeps every loop bounded whatever the input.
const MAX_STEPS: u32 = 3700;

/// A calendar of allowed days.
#[derive(Debug, Clone, Copy)]
pub struct Days<'a> {
    pub rules: HolidayRules,
    /// Weekend days instead of working days.
    pub weekend: bool,
    pub closures: &'a [(Date, Date)],
}

impl Days<'_> {
    pub fn allows(&self, d: Date) -> bool {
        if self.closures.iter().any(|&(a, b)| a <= d && d <= b) {
            return false;
        }
        let weekend_day = matches!(d.weekday(), Weekday::Saturday | Weekday::Sunday);
        if self.weekend {
            weekend_day && !self.rules.holidays(d.year()).iter().any(|(h, _)| *h == d)
        } else {
            self.rules.is_working_day(d)
        }
    }

    /// `d` if allowed, else the next allowed day (or `d` if none within the bound).
    pub fn on_or_after(&self, d: Date) -> Date {
        let mut cur = d;
        for _ in 0..MAX_STEPS {
            if self.allows(cur) {
                return cur;
            }
            match cur.next_day() {
                Some(x) => cur = x,
                None => break,
            }
        }
        d
    }

    /// `d` if allowed, else the allowed day before it (or `d` if none within the bound).
    pub fn on_or_before(&self, d: Date) -> Date {
        let mut cur = d;
        for _ in 0..MAX_STEPS {
            if self.allows(cur) {
                return cur;
            }
            match cur.previous_day() {
                Some(x) => cur = x,
                None => break,
            }
        }
        d
    }

    /// The allowed day after `d`.
    pub fn after(&self, d: Date) -> Date {
        d.next_day().map_or(d, |n| self.on_or_after(n))
    }

    /// The allowed day before `d`.
    pub fn before(&self, d: Date) -> Date {
        d.previous_day().map_or(d, |p| self.on_or_before(p))
    }

    /// The last of `n` allowed days starting at allowed day `start` (`n >= 1`).
    pub fn end_of(&self, start: Date, n: u32) -> Date {
        (1..n).fold(start, |d, _| self.after(d))
    }

    /// The first of `n` allowed days ending at allowed day `end` (`n >= 1`).
    pub fn start_of(&self, end: Date, n: u32) -> Date {
        (1..n).fold(end, |d, _| self.before(d))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    #[test]
    fn weekend_window_skips_closures_and_holidays() {
        let closures = [(date!(2026 - 12 - 19), date!(2027 - 01 - 03))];
        let weekend = Days {
            rules: HolidayRules::default(),
            weekend: true,
            closures: &closures,
        };
        // Friday 18 December: the next weekend day outside the closure is Saturday 9 January.
        assert_eq!(
            weekend.on_or_after(date!(2026 - 12 - 18)),
            date!(2027 - 01 - 09)
        );
        assert_eq!(
            weekend.end_of(date!(2027 - 01 - 09), 3),
            date!(2027 - 01 - 16)
        );
        assert_eq!(
            weekend.start_of(date!(2027 - 01 - 16), 3),
            date!(2027 - 01 - 09)
        );
        let office = Days {
            weekend: false,
            ..weekend
        };
        // Monday 4 January 2027 is the first working day after the closure.
        assert_eq!(office.after(date!(2026 - 12 - 18)), date!(2027 - 01 - 04));
        assert_eq!(office.before(date!(2027 - 01 - 04)), date!(2026 - 12 - 18));
        assert_eq!(
            MigrationWindow::from_choice("weekend"),
            MigrationWindow::Weekend
        );
        assert_eq!(MigrationWindow::from_choice("later"), MigrationWindow::Any);
    }
}
