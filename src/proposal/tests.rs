use super::*;
use crate::advice::Severity;
use crate::form::{AnswerKey, Lang};
use time::macros::date;

fn answers(form: &Form, pairs: &[(&str, &str)]) -> Answers {
    let mut a = Answers::new();
    for (k, v) in pairs {
        let key = AnswerKey::parse(k).unwrap();
        let (_, q) = form.find(&key.path()).unwrap();
        a.insert(
            k.to_string(),
            q.parse_input(v)
                .unwrap_or_else(|m| panic!("{k}: {}", m.get(Lang::En))),
        );
    }
    a
}

fn make(pairs: &[(&str, &str)], today: Date) -> Proposal {
    let form = crate::form::standard_form().unwrap();
    build(
        &Config::embedded().unwrap(),
        &form,
        &answers(&form, pairs),
        &[],
        &[],
        today,
    )
}

#[test]
fn quote_and_plan_follow_the_advice() {
    let p = make(
        &[
            ("workstations.count", "12"),
            ("users[1].name", "An"),
            ("users[1].options", "visio,access"),
            ("users[2].name", "Bo"),
            ("users[2].options", "visio"),
            ("email.size_gb", "200"),
            ("data.size_gb", "100,2"),
            ("domain.has_domain", "yes"),
            ("domain.name", "a.nl"),
            ("domain.provider", "other_hosting"),
            ("locations[2].name", "B"),
        ],
        date!(2026 - 03 - 02),
    );
    let qi = &p.quote_input;
    assert_eq!(qi.workstations, 12);
    assert_eq!(qi.users.len(), 2);
    assert_eq!(qi.users[0].options, ["visio", "access"]);
    // 300.2 GB: project + ceil(200.2 / 50) = 5 extra blocks.
    let one: Vec<(&str, u32)> = qi.one_time.iter().map(|(c, q)| (c.as_str(), *q)).collect();
    assert_eq!(
        one,
        [
            ("intake", 1),
            ("dns_change", 1),
            ("migration_project", 1),
            ("migration_extra_50gb", 5)
        ]
    );
    let pi = &p.plan_input;
    assert!(pi.migration_project && pi.domain_elsewhere && !pi.custom_hosting && !pi.measures);
    assert_eq!(
        (pi.data_gb, pi.locations, pi.start),
        (301, 2, date!(2026 - 03 - 02))
    );
    let q = p.quote.as_ref().unwrap();
    assert_eq!(
        q.lines
            .iter()
            .filter(|l| l.code == "visio")
            .map(|l| l.quantity)
            .sum::<u32>(),
        2
    );
    assert!(p.plan.phases.iter().any(|ph| ph.id == "dns_change"));
}

#[test]
fn too_early_go_live_becomes_a_finding() {
    let early = make(
        &[
            ("workstations.count", "8"),
            ("email.size_gb", "2"),
            ("data.size_gb", "5"),
            ("planning.go_live", "2026-03-04"),
        ],
        date!(2026 - 03 - 02),
    );
    assert!(early.plan.go_live_too_early);
    let f: Vec<&Finding> = early
        .findings
        .iter()
        .filter(|f| f.rule_id == "go_live_too_early")
        .collect();
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].severity, Severity::Attention);
    assert!(
        f[0].finding.en.contains("4 March 2026"),
        "{}",
        f[0].finding.en
    );
    let later = make(
        &[
            ("workstations.count", "8"),
            ("email.size_gb", "2"),
            ("data.size_gb", "5"),
            ("planning.go_live", "2026-09-01"),
        ],
        date!(2026 - 03 - 02),
    );
    assert!(!later.plan.go_live_too_early);
    assert!(
        later
            .findings
            .iter()
            .all(|f| f.rule_id != "go_live_too_early")
    );
}

#[test]
fn a_plan_without_volumes_judges_no_go_live() {
    // Without the e-mail and file volumes the plan has no dates: no too-early finding either.
    let p = make(
        &[
            ("workstations.count", "8"),
            ("planning.go_live", "2026-03-04"),
        ],
        date!(2026 - 03 - 02),
    );
    assert_eq!(
        p.model.plan_gaps(),
        vec![crate::advice::model::PlanGap::Volumes]
    );
    assert!(p.findings.iter().all(|f| f.rule_id != "go_live_too_early"));
}

#[test]
fn no_workstations_no_quote() {
    let p = make(&[], date!(2026 - 03 - 02));
    assert_eq!(p.quote_input.workstations, 0);
    assert!(matches!(p.quote, Err(QuoteError::NoWorkstations)));
    let sum = make(
        &[
            ("locations[1].workstations", "3"),
            ("locations[2].workstations", "4"),
        ],
        date!(2026 - 03 - 02),
    );
    assert_eq!(sum.quote_input.workstations, 7);
}
