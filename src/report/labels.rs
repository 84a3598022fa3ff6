//! Fixed labels of the report, from Fluent (`assets/locales/<lang>/report.ftl`), looked up
//! once per section so every page speaks the document's language.

use super::model::{Lang, Period, QuoteKind, Severity};
use crate::t;

pub struct Labels {
    pub doc_title_quote: String,
    pub doc_title_overview: String,
    pub doc_title_plan: String,
    pub subject: String,
    pub language_tag: String,
    pub page_pattern: String,
    pub prepared_for: String,
    pub intake_date: String,
    pub mode: String,
    pub specialist: String,
    pub provider: String,
    pub kvk: String,
    pub vat_id: String,
    pub iban: String,
    pub email: String,
    pub phone: String,
    pub website: String,
    pub address: String,
    pub billing_email: String,
    pub example_note: String,
    pub contents: String,
    pub summary: String,
    pub readiness: String,
    pub main_findings: String,
    pub no_open_findings: String,
    pub costs: String,
    pub per_month_excl: String,
    pub per_month_incl: String,
    pub one_time_excl: String,
    pub one_time_incl: String,
    pub situation: String,
    pub locations: String,
    pub location: String,
    pub workstations: String,
    pub measured: String,
    pub subscription: String,
    pub speed: String,
    pub source: String,
    pub source_measured: String,
    pub source_subscription: String,
    pub subscription_note: String,
    pub needed: String,
    pub down: String,
    pub up: String,
    pub not_measured: String,
    pub download: String,
    pub upload: String,
    pub too_low: String,
    pub bandwidth: String,
    pub bandwidth_note: String,
    pub hostname: String,
    pub os: String,
    pub memory: String,
    pub verdict: String,
    pub reason: String,
    pub software: String,
    pub business_apps: String,
    pub email_section: String,
    pub domain: String,
    pub data: String,
    pub findings: String,
    pub finding: String,
    pub measure: String,
    pub status: String,
    pub accepted: String,
    pub plan: String,
    pub phase: String,
    pub start: String,
    pub end: String,
    pub timeline: String,
    pub quote_number: String,
    pub quote_date: String,
    pub valid_until: String,
    pub description: String,
    pub quantity: String,
    pub unit_price: String,
    pub net: String,
    pub monthly: String,
    pub one_time: String,
    pub on_request: String,
    pub on_request_amount: String,
    pub optional_items: String,
    pub optional_note: String,
    pub totals: String,
    pub net_total: String,
    pub gross_total: String,
    pub terms: String,
    pub signatures: String,
    pub signature_intro: String,
    pub for_customer: String,
    pub for_provider: String,
    pub name: String,
    pub role: String,
    pub place: String,
    pub date: String,
    pub signature: String,
    pub sepa_title: String,
    pub sepa_creditor: String,
    pub sepa_creditor_id: String,
    pub sepa_reference: String,
    pub sepa_holder: String,
    pub sepa_iban: String,
    pub sepa_kind: String,
    pub sepa_kind_value: String,
}

/// The labels of the report in `lang`.
pub fn labels(lang: Lang) -> Labels {
    Labels {
        doc_title_quote: t!(lang, "report-doc-title-quote"),
        doc_title_overview: t!(lang, "report-doc-title-overview"),
        doc_title_plan: t!(lang, "report-doc-title-plan"),
        subject: t!(lang, "report-subject"),
        language_tag: language_tag(lang).to_string(),
        // The page numbers are filled in after layout: the pattern keeps "{n}" and "{m}".
        page_pattern: t!(lang, "report-page-pattern", n = "{n}", m = "{m}"),
        prepared_for: t!(lang, "report-prepared-for"),
        intake_date: t!(lang, "report-intake-date"),
        mode: t!(lang, "report-mode"),
        specialist: t!(lang, "report-specialist"),
        provider: t!(lang, "report-provider"),
        kvk: t!(lang, "report-kvk"),
        vat_id: t!(lang, "report-vat-id"),
        iban: t!(lang, "report-iban"),
        email: t!(lang, "report-email"),
        phone: t!(lang, "report-phone"),
        website: t!(lang, "report-website"),
        address: t!(lang, "report-address"),
        billing_email: t!(lang, "report-billing-email"),
        example_note: t!(lang, "report-example-note"),
        contents: t!(lang, "report-contents"),
        summary: t!(lang, "report-summary"),
        readiness: t!(lang, "report-readiness"),
        main_findings: t!(lang, "report-main-findings"),
        no_open_findings: t!(lang, "report-no-open-findings"),
        costs: t!(lang, "report-costs"),
        per_month_excl: t!(lang, "report-per-month-excl"),
        per_month_incl: t!(lang, "report-per-month-incl"),
        one_time_excl: t!(lang, "report-one-time-excl"),
        one_time_incl: t!(lang, "report-one-time-incl"),
        situation: t!(lang, "report-situation"),
        locations: t!(lang, "report-locations"),
        location: t!(lang, "report-location"),
        workstations: t!(lang, "report-workstations"),
        measured: t!(lang, "report-measured"),
        subscription: t!(lang, "report-subscription"),
        speed: t!(lang, "report-speed"),
        source: t!(lang, "report-source"),
        source_measured: t!(lang, "report-source-measured"),
        source_subscription: t!(lang, "report-source-subscription"),
        subscription_note: t!(lang, "report-subscription-note"),
        needed: t!(lang, "report-needed"),
        down: t!(lang, "report-down"),
        up: t!(lang, "report-up"),
        not_measured: t!(lang, "report-not-measured"),
        download: t!(lang, "report-download"),
        upload: t!(lang, "report-upload"),
        too_low: t!(lang, "report-too-low"),
        bandwidth: t!(lang, "report-bandwidth"),
        bandwidth_note: t!(lang, "report-bandwidth-note"),
        hostname: t!(lang, "report-hostname"),
        os: t!(lang, "report-os"),
        memory: t!(lang, "report-memory"),
        verdict: t!(lang, "report-verdict"),
        reason: t!(lang, "report-reason"),
        software: t!(lang, "report-software"),
        business_apps: t!(lang, "report-business-apps"),
        email_section: t!(lang, "report-email-section"),
        domain: t!(lang, "report-domain"),
        data: t!(lang, "report-data"),
        findings: t!(lang, "report-findings"),
        finding: t!(lang, "report-finding"),
        measure: t!(lang, "report-measure"),
        status: t!(lang, "report-status"),
        accepted: t!(lang, "report-accepted"),
        plan: t!(lang, "report-plan"),
        phase: t!(lang, "report-phase"),
        start: t!(lang, "report-start"),
        end: t!(lang, "report-end"),
        timeline: t!(lang, "report-timeline"),
        quote_number: t!(lang, "report-quote-number"),
        quote_date: t!(lang, "report-quote-date"),
        valid_until: t!(lang, "report-valid-until"),
        description: t!(lang, "report-description"),
        quantity: t!(lang, "report-quantity"),
        unit_price: t!(lang, "report-unit-price"),
        net: t!(lang, "report-net"),
        monthly: t!(lang, "report-monthly"),
        one_time: t!(lang, "report-one-time"),
        on_request: t!(lang, "report-on-request"),
        on_request_amount: t!(lang, "report-on-request-amount"),
        optional_items: t!(lang, "report-optional-items"),
        optional_note: t!(lang, "report-optional-note"),
        totals: t!(lang, "report-totals"),
        net_total: t!(lang, "report-net-total"),
        gross_total: t!(lang, "report-gross-total"),
        terms: t!(lang, "report-terms"),
        signatures: t!(lang, "report-signatures"),
        signature_intro: t!(lang, "report-signature-intro"),
        for_customer: t!(lang, "report-for-customer"),
        for_provider: t!(lang, "report-for-provider"),
        name: t!(lang, "report-name"),
        role: t!(lang, "report-role"),
        place: t!(lang, "report-place"),
        date: t!(lang, "report-date"),
        signature: t!(lang, "report-signature"),
        sepa_title: t!(lang, "report-sepa-title"),
        sepa_creditor: t!(lang, "report-sepa-creditor"),
        sepa_creditor_id: t!(lang, "report-sepa-creditor-id"),
        sepa_reference: t!(lang, "report-sepa-reference"),
        sepa_holder: t!(lang, "report-sepa-holder"),
        sepa_iban: t!(lang, "report-sepa-iban"),
        sepa_kind: t!(lang, "report-sepa-kind"),
        sepa_kind_value: t!(lang, "report-sepa-kind-value"),
    }
}

/// The document's language as a BCP 47 tag for the PDF's metadata (an identifier, not text).
fn language_tag(lang: Lang) -> &'static str {
    const TAGS: [(&str, &str); 2] = [("nl", "nl-NL"), ("en", "en-GB")];
    TAGS.iter()
        .find(|(code, _)| *code == lang.code())
        .map_or("nl-NL", |(_, tag)| tag)
}

pub fn severity(lang: Lang, s: Severity) -> String {
    match s {
        Severity::Ok => t!(lang, "report-severity-ok"),
        Severity::Attention => t!(lang, "report-severity-attention"),
        Severity::Blocker => t!(lang, "report-severity-blocker"),
    }
}

pub fn quote_kind(lang: Lang, k: QuoteKind) -> String {
    match k {
        QuoteKind::Quote => t!(lang, "report-kind-quote"),
        QuoteKind::CostOverview => t!(lang, "report-kind-overview"),
    }
}

/// "Offertenummer" / "Quote number" for the cover.
pub fn number_label(lang: Lang, k: QuoteKind) -> String {
    match k {
        QuoteKind::Quote => t!(lang, "report-number-quote"),
        QuoteKind::CostOverview => t!(lang, "report-number-overview"),
    }
}

pub fn period(l: &Labels, p: Period) -> &str {
    match p {
        Period::Monthly => &l.monthly,
        Period::OneTime => &l.one_time,
        Period::OnRequest => &l.on_request,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_label_exists_in_both_languages() {
        for lang in [Lang::Nl, Lang::En] {
            let l = labels(lang);
            assert_eq!(
                l.page_pattern.matches("{n}").count(),
                1,
                "{}",
                l.page_pattern
            );
            assert_eq!(
                l.page_pattern.matches("{m}").count(),
                1,
                "{}",
                l.page_pattern
            );
            assert!(!l.signature_intro.starts_with('['), "{}", l.signature_intro);
        }
        assert_eq!(labels(Lang::Nl).language_tag, "nl-NL");
        assert_eq!(labels(Lang::En).language_tag, "en-GB");
        assert_eq!(severity(Lang::Nl, Severity::Blocker), "Blokkerend");
        assert_eq!(number_label(Lang::En, QuoteKind::Quote), "Quote number");
    }
}
