//! Plan configuration (`assets/plan.toml`): phases, durations, dependencies and holiday rules.

use super::calendar::HolidayRules;
use crate::quote::{is_code, line_col};
use serde::Deserialize;
use std::ops::Range;
use toml::Spanned;

/// A plan file that could not be read; says which file, where, and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}:{line}:{column}: {message}")]
pub struct PlanConfigError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// When a phase applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum When {
    Always,
    /// Workstations at or above the quote threshold.
    Quote,
    Measures,
    MigrationManual,
    MigrationProject,
    DomainElsewhere,
    CustomHosting,
}

/// What an extra duration is counted per.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Per {
    DataGb,
    Workstations,
    Locations,
}

/// `days` more for each started `step` of `per`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Extra {
    pub per: Per,
    pub step: u32,
    pub days: u32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhaseDef {
    /// Also names its Fluent message, see [`PhaseDef::name`].
    pub id: String,
    /// Base duration in working days (at least 1).
    pub days: u32,
    pub when: When,
    /// Indices of earlier phases this one waits for.
    pub after: Vec<usize>,
    pub extra: Vec<Extra>,
    /// The go-live phase: its start is the go-live date.
    pub go_live: bool,
    /// Done at the intake: the phase ends on the intake's date.
    pub at_intake: bool,
    /// Uses the customer's migration window (the migration and the cut-over).
    pub in_window: bool,
    /// With slack before a requested go-live, scheduled back from it.
    pub backward: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlanConfig {
    pub quote_threshold_workstations: u32,
    pub holidays: HolidayRules,
    /// In file order, which is a valid order to schedule them in.
    pub phases: Vec<PhaseDef>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    quote_threshold_workstations: u32,
    #[serde(default)]
    holidays: HolidayRules,
    phase: Vec<RawPhase>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPhase {
    id: Spanned<String>,
    days: Spanned<u32>,
    when: When,
    #[serde(default)]
    after: Vec<Spanned<String>>,
    #[serde(default)]
    extra: Vec<Spanned<Extra>>,
    #[serde(default)]
    go_live: bool,
    #[serde(default)]
    at_intake: bool,
    #[serde(default)]
    in_window: bool,
    #[serde(default)]
    backward: bool,
}

/// The Fluent message that names phase `id`: `plan-phase-<id>`, `_` written `-`.
fn phase_message(id: &str) -> String {
    format!("plan-phase-{}", id.replace('_', "-"))
}

impl PhaseDef {
    /// The phase's name in `lang` (`assets/locales/<lang>/plan.ftl`).
    pub fn name(&self, lang: crate::form::Lang) -> String {
        crate::i18n::message(lang, &phase_message(&self.id), None)
    }
}

/// Longest duration of one phase part, in working days (about a year): keeps dates in range.
const MAX_DAYS: u32 = 260;

impl PlanConfig {
    /// The plan shipped in `assets/plan.toml`.
    pub fn embedded() -> Result<PlanConfig, PlanConfigError> {
        PlanConfig::from_toml_str(super::PLAN_TOML, "assets/plan.toml")
    }

    /// Reads and checks a plan file; `file` is only used in error messages.
    pub fn from_toml_str(src: &str, file: &str) -> Result<PlanConfig, PlanConfigError> {
        let err = |span: Range<usize>, message: String| {
            let (line, column) = line_col(src, span.start);
            PlanConfigError {
                file: file.to_string(),
                line,
                column,
                message,
            }
        };
        let raw: Raw = toml::from_str(src)
            .map_err(|e| err(e.span().unwrap_or(0..0), e.message().to_string()))?;
        let mut phases: Vec<PhaseDef> = Vec::new();
        for p in raw.phase {
            let id = p.id.get_ref();
            if !is_code(id) {
                return Err(err(
                    p.id.span(),
                    format!("phase id '{id}' must be lowercase letters, digits, _"),
                ));
            }
            if phases.iter().any(|q| &q.id == id) {
                return Err(err(p.id.span(), format!("duplicate phase id '{id}'")));
            }
            let message = phase_message(id);
            let messages = crate::i18n::catalog::Catalog::embedded();
            for (lang, known) in &messages.languages {
                if known.get(&message).is_none_or(|m| m.value.is_none()) {
                    return Err(err(
                        p.id.span(),
                        format!(
                            "phase '{id}' has no name in {lang}: add '{message} = ...' to assets/locales/{lang}/plan.ftl"
                        ),
                    ));
                }
            }
            if !(1..=MAX_DAYS).contains(p.days.get_ref()) {
                return Err(err(p.days.span(), format!("days must be 1..={MAX_DAYS}")));
            }
            let mut after = Vec::new();
            for a in &p.after {
                let idx = phases
                    .iter()
                    .position(|q| &q.id == a.get_ref())
                    .ok_or_else(|| {
                        err(
                            a.span(),
                            format!(
                                "phase '{id}' waits for unknown or later phase '{}'",
                                a.get_ref()
                            ),
                        )
                    })?;
                after.push(idx);
            }
            for x in &p.extra {
                let e = x.get_ref();
                if e.step == 0 || e.days > MAX_DAYS {
                    return Err(err(
                        x.span(),
                        format!("extra of '{id}': step must be >= 1, days <= {MAX_DAYS}"),
                    ));
                }
            }
            phases.push(PhaseDef {
                id: id.clone(),
                days: *p.days.get_ref(),
                when: p.when,
                after,
                extra: p.extra.into_iter().map(Spanned::into_inner).collect(),
                go_live: p.go_live,
                at_intake: p.at_intake,
                in_window: p.in_window,
                backward: p.backward,
            });
        }
        let go_lives = phases.iter().filter(|p| p.go_live).count();
        if go_lives != 1 {
            return Err(err(
                0..0,
                format!("exactly one phase needs go_live = true, found {go_lives}"),
            ));
        }
        Ok(PlanConfig {
            quote_threshold_workstations: raw.quote_threshold_workstations,
            holidays: raw.holidays,
            phases,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::calendar::LiberationDay;
    use super::*;

    fn edited(from: &str, to: &str) -> Result<PlanConfig, PlanConfigError> {
        let src = super::super::PLAN_TOML.replacen(from, to, 1);
        assert_ne!(
            src,
            super::super::PLAN_TOML,
            "replacement '{from}' did not apply"
        );
        PlanConfig::from_toml_str(&src, "p.toml")
    }

    #[test]
    fn embedded_plan_reads() {
        let c = PlanConfig::embedded().unwrap();
        assert_eq!(
            c.holidays,
            HolidayRules {
                good_friday_day_off: false,
                liberation_day: LiberationDay::Lustrum
            }
        );
        assert_eq!(c.phases[0].id, "intake");
        assert!(c.phases.iter().any(|p| p.go_live));
    }

    #[test]
    fn bad_plans_are_rejected_with_location() {
        let e = edited("after = [\"order\"]", "after = [\"ordre\"]").unwrap_err();
        assert!(e.message.contains("ordre"), "{e}");
        let line = super::super::PLAN_TOML
            .lines()
            .position(|l| l == "after = [\"order\"]")
            .unwrap()
            + 1;
        assert_eq!((e.line, e.column), (line, 10));
        assert!(edited("days = 5\nwhen = \"quote\"", "days = 0\nwhen = \"quote\"").is_err());
        assert!(
            edited("id = \"quote\"", "id = \"intake\"")
                .unwrap_err()
                .message
                .contains("duplicate")
        );
        assert!(
            edited("go_live = true", "")
                .unwrap_err()
                .message
                .contains("go_live")
        );
        assert!(
            edited(
                "liberation_day = \"lustrum\"",
                "liberation_day = \"sometimes\""
            )
            .unwrap_err()
            .to_string()
            .starts_with("p.toml:")
        );
        assert!(edited("step = 50", "step = 0").is_err());
        assert!(edited("when = \"measures\"", "when = \"maybe\"").is_err());
        let e = edited("id = \"aftercare\"", "id = \"after_care\"").unwrap_err();
        assert!(e.message.contains("plan-phase-after-care"), "{e}");
        assert!(e.to_string().starts_with("p.toml:"), "{e}");
    }

    #[test]
    fn phase_names_come_from_fluent() {
        use crate::form::Lang;
        let c = PlanConfig::embedded().unwrap();
        let go_live = c.phases.iter().find(|p| p.go_live).unwrap();
        assert_eq!(go_live.name(Lang::Nl), "Livegang");
        assert_eq!(go_live.name(Lang::En), "Go-live");
    }
}
