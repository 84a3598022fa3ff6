//! Whether an intake's proposal is still a draft, and why: computed here once, read by the CLI
//! (`intake report --final`), the TUI export and the PDF (its CONCEPT mark and cover list).
//!
//! A proposal is a draft while any of these holds (issue 13, 1): a required answer is missing
//! or in error; a price used is an example price (the catalog says so, or the FAQ does not give
//! it as current and the provider's file does not confirm it); a blocking finding is neither
//! resolved nor accepted; a location has neither a measurement nor a subscription speed; or
//! there is nothing to price yet.

use super::{Config, Proposal};
use crate::advice::Severity;
use crate::form::{Evaluation, Lang};
use crate::workspace::Loaded;
use time::Date;

/// Why a proposal is a draft; each carries the names a reader needs to act on it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DraftReason {
    /// Required answers not given, by their labels ("Locaties 2 › Naam").
    MissingAnswers(Vec<String>),
    /// Answers that break a check, as "label: message".
    AnswerErrors(Vec<String>),
    /// Quote lines priced with an example price, by description.
    ExamplePrices(Vec<String>),
    /// Blocking findings neither resolved nor accepted, by title.
    OpenBlockers(Vec<String>),
    /// Locations with neither a measurement nor a subscription speed, by name.
    LocationsWithoutSpeed(Vec<String>),
    /// No workstations yet, so nothing can be priced.
    NothingToPrice,
}

/// The draft status of one proposal.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftStatus {
    /// Required answers given, in % (100 when nothing is required).
    pub completeness: u8,
    pub reasons: Vec<DraftReason>,
}

impl DraftStatus {
    pub fn is_draft(&self) -> bool {
        !self.reasons.is_empty()
    }

    /// One line per reason in `lang`, the completeness first when it is below 100 %.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        self.reasons.iter().map(|r| reason_text(r, lang)).collect()
    }
}

/// Most names listed per reason; the rest are counted ("en 12 meer").
const MAX_NAMES: usize = 8;

fn names(list: &[String], lang: Lang) -> String {
    let shown = list
        .iter()
        .take(MAX_NAMES)
        .cloned()
        .collect::<Vec<_>>()
        .join("; ");
    match list.len().saturating_sub(MAX_NAMES) {
        0 => shown,
        n => crate::t!(lang, "draft-more", names = shown, count = n),
    }
}

/// The text of one reason, in `lang`.
pub fn reason_text(r: &DraftReason, lang: Lang) -> String {
    use crate::t;
    match r {
        DraftReason::MissingAnswers(l) => {
            t!(
                lang,
                "draft-missing",
                count = l.len(),
                names = names(l, lang)
            )
        }
        DraftReason::AnswerErrors(l) => {
            t!(
                lang,
                "draft-errors",
                count = l.len(),
                names = names(l, lang)
            )
        }
        DraftReason::ExamplePrices(l) => t!(lang, "draft-example-prices", names = names(l, lang)),
        DraftReason::OpenBlockers(l) => t!(lang, "draft-open-blockers", names = names(l, lang)),
        DraftReason::LocationsWithoutSpeed(l) => t!(lang, "draft-no-speed", names = names(l, lang)),
        DraftReason::NothingToPrice => t!(lang, "draft-nothing-to-price"),
    }
}

/// "Locaties 2 › Naam" for entry 2 of a repeat group, "Bedrijf › KvK-nummer" otherwise.
fn label(l: &Loaded, si: usize, inst: usize, qi: usize, lang: Lang) -> String {
    let s = &l.form.sections[si];
    let q = &s.questions[qi];
    let entry = if s.repeat.is_some() {
        format!(" {}", inst + 1)
    } else {
        String::new()
    };
    format!("{}{entry} › {}", s.title.get(lang), q.label.get(lang))
}

/// Locations with neither a measurement nor a subscription speed, by the intake model's one
/// matcher (the same the advice, the TUI and the report read).
fn locations_without_speed(p: &Proposal, lang: Lang) -> Vec<String> {
    p.model
        .locations
        .iter()
        .filter(|loc| loc.down_mbps.is_none() && loc.up_mbps.is_none())
        .map(|loc| loc.label(lang))
        .collect()
}

/// The draft status of intake `id` as stored, on `today`: loads it and makes its proposal.
pub fn of_intake(
    ws: &crate::workspace::Workspace,
    id: i64,
    today: Date,
    lang: Lang,
) -> anyhow::Result<DraftStatus> {
    let l = ws.load(id)?;
    let probes = ws.store.probes(id)?;
    let accepted = ws.store.accepted_findings(id)?;
    let cfg = Config::embedded().map_err(|e| anyhow::anyhow!("{e}"))?;
    let p = super::build(&cfg, &l.form, &l.answers, &probes, &accepted, today);
    Ok(assess(&l, &l.evaluate(today), &p, lang))
}

/// The draft status of intake `l` (evaluated as `ev`) with its proposal `p`, texts in `lang`.
pub fn assess(l: &Loaded, ev: &Evaluation, p: &Proposal, lang: Lang) -> DraftStatus {
    let mut missing = Vec::new();
    let mut errors = Vec::new();
    for (si, st) in ev.sections.iter().enumerate() {
        if !st.visible {
            continue;
        }
        for (inst, row) in st.items.iter().enumerate() {
            for (qi, item) in row.iter().enumerate() {
                if item.missing() {
                    missing.push(label(l, si, inst, qi, lang));
                }
                if let Some(e) = &item.error {
                    errors.push(format!("{}: {}", label(l, si, inst, qi, lang), e.get(lang)));
                }
            }
        }
    }
    let mut reasons = Vec::new();
    if !missing.is_empty() {
        reasons.push(DraftReason::MissingAnswers(missing));
    }
    if !errors.is_empty() {
        reasons.push(DraftReason::AnswerErrors(errors));
    }
    match &p.quote {
        Ok(q) => {
            let examples: Vec<String> = q
                .lines
                .iter()
                .filter(|x| x.example)
                .map(|x| x.description(lang).to_string())
                .collect();
            if !examples.is_empty() {
                reasons.push(DraftReason::ExamplePrices(examples));
            }
        }
        Err(_) => reasons.push(DraftReason::NothingToPrice),
    }
    let mut blockers: Vec<String> = p
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Blocker && f.accepted.is_none())
        .map(|f| f.title.get(lang).to_string())
        .collect();
    blockers.dedup();
    if !blockers.is_empty() {
        reasons.push(DraftReason::OpenBlockers(blockers));
    }
    let no_speed = locations_without_speed(p, lang);
    if !no_speed.is_empty() {
        reasons.push(DraftReason::LocationsWithoutSpeed(no_speed));
    }
    DraftStatus {
        completeness: ev.progress_percent(),
        reasons,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lists_are_cut_and_counted_in_both_languages() {
        let many: Vec<String> = (1..=11).map(|i| format!("v{i}")).collect();
        let r = DraftReason::MissingAnswers(many);
        let nl = reason_text(&r, Lang::Nl);
        assert!(
            nl.starts_with("Verplichte antwoorden ontbreken (11): v1; "),
            "{nl}"
        );
        assert!(nl.ends_with("v8; en 3 meer"), "{nl}");
        assert!(reason_text(&r, Lang::En).ends_with("and 3 more"));
        let s = DraftStatus {
            completeness: 100,
            reasons: vec![],
        };
        assert!(!s.is_draft() && s.lines(Lang::Nl).is_empty());
    }
}
