//! Realistic sample inputs (fictional companies) for tests, the benchmark and `intake demo`.

use time::macros::date;

use super::model::*;
use super::provider::Provider;

/// VAT at 21%, rounded half up per line the way a Dutch invoice does.
pub fn vat_21(net_cents: i64) -> i64 {
    (net_cents * 21 + 50).div_euclid(100)
}

pub fn line(
    code: &str,
    description: &str,
    quantity: u32,
    unit_cents: i64,
    period: Period,
) -> QuoteLineRow {
    let net = if period == Period::OnRequest {
        0
    } else {
        i64::from(quantity) * unit_cents
    };
    QuoteLineRow {
        code: code.to_string(),
        description: description.to_string(),
        quantity,
        unit_cents,
        net_cents: net,
        vat_cents: vat_21(net),
        period,
        optional: false,
        only_if_cancelled: false,
        example: false,
        includes: None,
    }
}

/// A quote with totals summed from its non-optional lines, as the quote module does.
pub fn quote_doc(
    kind: QuoteKind,
    number: &str,
    lines: Vec<QuoteLineRow>,
    workstations: u32,
    ws_unit: i64,
) -> QuoteDoc {
    let sum = |p: Period, f: fn(&QuoteLineRow) -> i64| -> i64 {
        lines
            .iter()
            .filter(|l| !l.optional && l.period == p)
            .map(f)
            .sum()
    };
    // VAT over each subtotal, rounded once, as the quote module does.
    let (mn, on) = (
        sum(Period::Monthly, |l| l.net_cents),
        sum(Period::OneTime, |l| l.net_cents),
    );
    let (mv, ov) = (vat_21(mn), vat_21(on));
    // Every quoted workstation in the one-year contract (the catalog's default rule).
    let commitment = 12 * i64::from(workstations) * ws_unit;
    QuoteDoc {
        kind,
        number: number.to_string(),
        date: date!(2026 - 11 - 25),
        valid_until: date!(2026 - 12 - 23),
        monthly_net_cents: mn,
        monthly_vat_cents: mv,
        monthly_gross_cents: mn + mv,
        one_time_net_cents: on,
        one_time_vat_cents: ov,
        one_time_gross_cents: on + ov,
        first_year_commitment_cents: commitment,
        // 21 % VAT, half up, as the quote module rounds.
        first_year_commitment_gross_cents: commitment + (commitment * 21 + 50) / 100,
        vat_percent: 21,
        first_year_cents: 12 * mn + on,
        first_year_gross_cents: 12 * (mn + mv) + on + ov,
        commitment_rule: "Alle werkplekken op deze offerte vallen onder de minimale contractduur \
                          van 12 maanden [FAQ 1.20]."
            .to_string(),
        promo_note: Some(
            "De actieprijs van € 79,95 per werkplek per maand (normaal € 99,95) geldt voor de \
             initiële contractduur [FAQ 1.11, 1.12]."
                .to_string(),
        ),
        lines,
    }
}

fn provider() -> Provider {
    // The embedded file is part of the build; if it were broken every test would say so.
    Provider::embedded().unwrap_or_else(|e| panic!("embedded provider.toml: {e}"))
}

fn point(severity: Severity, title: &str, text: &str) -> SummaryPoint {
    SummaryPoint {
        severity,
        title: title.into(),
        text: text.into(),
    }
}

fn workstation(i: usize, lang: Lang) -> WorkstationRow {
    let (os, mem, verdict, reason) = match i % 6 {
        0 => ("Windows 11 Pro 23H2", 16.0, Severity::Ok, "sample-ws-meets"),
        1 => ("Windows 11 Pro 23H2", 8.0, Severity::Ok, "sample-ws-meets"),
        2 => (
            "Windows 10 Pro 22H2",
            8.0,
            Severity::Attention,
            "sample-ws-windows10",
        ),
        3 => ("Windows 11 Pro 24H2", 16.0, Severity::Ok, "sample-ws-meets"),
        4 => (
            "macOS 14 Sonoma",
            8.0,
            Severity::Attention,
            "sample-ws-apple",
        ),
        _ => (
            "Windows 10 Home 21H2",
            4.0,
            Severity::Blocker,
            "sample-ws-below",
        ),
    };
    WorkstationRow {
        hostname: format!("WS-{:02}", i + 1),
        os: os.to_string(),
        memory_gb: Some(mem),
        verdict,
        reason: crate::t!(lang, reason),
    }
}

/// The 12-workstation, 2-location intake (a quote: 10 or more workstations [FAQ 2.2]).
pub fn small_office() -> ReportInput {
    let lines = vec![
        line(
            "WPO-WS",
            "MKB Werkplek Online, per werkplek per maand (actieprijs)",
            12,
            7995,
            Period::Monthly,
        ),
        line(
            "OPT-OPS25",
            "Gebruikersoptie extra opslag 25 GB",
            3,
            495,
            Period::Monthly,
        ),
        line(
            "OPT-VISIO",
            "Gebruikersoptie Microsoft Visio",
            2,
            1250,
            Period::Monthly,
        ),
        line(
            "INT-SURVEY",
            "Intake en site survey (inbegrepen bij implementatie)",
            1,
            0,
            Period::OneTime,
        ),
        line(
            "MIG-PROJ",
            "Migratieproject e-mail en gegevens (buiten kantoortijd)",
            1,
            125_000,
            Period::OneTime,
        ),
        line(
            "MAAT-GLAS",
            "Begeleiding glasvezelupgrade Amersfoort",
            1,
            35_000,
            Period::OneTime,
        ),
        line(
            "HOST-EXACT",
            "Maatwerk-hosting Exact Globe",
            1,
            0,
            Period::OnRequest,
        ),
        QuoteLineRow {
            optional: true,
            ..line(
                "OPT-BACKUP",
                "Back-up Online, extra 100 GB",
                1,
                995,
                Period::Monthly,
            )
        },
    ];
    ReportInput {
        lang: Lang::Nl,
        provider: provider(),
        customer: Customer {
            name: "Tandartspraktijk Öztürk & De Graaf B.V.".into(),
            kvk: Some("87654321".into()),
            vat: Some("NL862345678B01".into()),
            address: Some("Oudegracht 214".into()),
            postcode: Some("3511 NR".into()),
            city: Some("Utrecht".into()),
            billing_email: Some("administratie@ozturk-degraaf.example".into()),
            iban: Some("NL20INGB0001234567".into()),
            contact_name: Some("Ayşe Öztürk".into()),
            contact_role: Some("Directeur".into()),
        },
        intake_date: date!(2026 - 11 - 25),
        mode: "Op locatie, beide vestigingen bezocht".into(),
        specialist: Some("Noël van Bergen".into()),
        summary: Summary {
            readiness: Severity::Attention,
            points: vec![
                point(Severity::Blocker, "Internetverbinding te traag", "De upload in Amersfoort moet worden verhoogd vóór de overstap."),
                point(Severity::Attention, "Werkplekken krap", "Twee werkplekken moeten worden vervangen; één Apple-computer krijgt de Remote Desktop-app."),
                point(Severity::Attention, "Bedrijfsapplicatie vraagt maatwerkhosting", "Exact Globe, Dental4Windows"),
            ],
            go_live: Some(GoLive { desired: Some(date!(2027 - 01 - 11)), earliest: date!(2027 - 01 - 08), feasible: true, missing: None }),
            first_year: Some(FirstYear { net_cents: 1_523_400, gross_cents: 1_843_314 }),
        },
        locations: vec![
            LocationRow { name: "Utrecht (hoofdvestiging)".into(), workstations: 8, down_mbps: Some(94.6), up_mbps: Some(38.2), measured: true, speed_unknown: false, needed_down_mbps: 28.8, needed_up_mbps: 5.8 },
            LocationRow { name: "Amersfoort".into(), workstations: 4, down_mbps: Some(18.5), up_mbps: Some(2.1), measured: true, speed_unknown: false, needed_down_mbps: 14.4, needed_up_mbps: 2.9 },
        ],
        link_latency: vec![
            LinkLatencyRow { location: "Utrecht (hoofdvestiging)".into(), idle_ms: Some(12.4), loaded_down_ms: Some(31.0), loaded_up_ms: Some(58.2) },
            LinkLatencyRow { location: "Amersfoort".into(), idle_ms: Some(21.3), loaded_down_ms: Some(372.0), loaded_up_ms: Some(431.5) },
        ],
        workstations: (0..12).map(|i| workstation(i, Lang::Nl)).collect(),
        unassigned: None,
        coverage: Some("12 van 12 computers gemeten".into()),
        users: Vec::new(),
        apps: vec![
            AppRow { name: "Exact Globe".into(), details: "Waar draait de applicatie nu?: Op een eigen server of pc".into() },
            AppRow { name: "Dental4Windows".into(), details: "Waar draait de applicatie nu?: Gehost bij de leverancier of een ICT-partner".into() },
        ],
        topics: vec![
            TopicRows { title: "E-mail".into(), rows: vec![("Huidig e-mailsysteem".into(), "Bij de hostingprovider (POP/IMAP)".into()), ("Aantal mailboxen".into(), "14".into()), ("Totale omvang e-mail".into(), "38 GB".into())] },
            TopicRows { title: "Domeinnaam".into(), rows: vec![("Domeinnaam".into(), "ozturk-degraaf.nl".into()), ("Waar is de domeinnaam geregistreerd?".into(), "Bij een andere hostingprovider".into())] },
            TopicRows { title: "Bestanden en back-up".into(), rows: vec![("Omvang over te zetten bestanden".into(), "212 GB".into()), ("Waar staan de bestanden nu?".into(), "Op een NAS (netwerkschijf)".into())] },
        ],
        lan: Vec::new(),
        findings: vec![
            FindingRow { severity: Severity::Blocker, title: "Upload Amersfoort te laag: gemeten 2,1 Mbit/s, nodig 2,9 Mbit/s".into(), advice: "Verbinding upgraden naar glasvezel (minimaal 10 Mbit/s up) vóór de livegang.".into(), accepted: None },
            FindingRow { severity: Severity::Blocker, title: "Werkplek WS-06 voldoet niet (4 GB, Windows 10 Home)".into(), advice: "Werkplek vervangen of geheugen uitbreiden en upgraden naar Windows 11 Pro.".into(), accepted: None },
            FindingRow { severity: Severity::Attention, title: "Exact Globe vraagt maatwerk-hosting".into(), advice: "Haalbaarheid en prijs van maatwerk-hosting laten beoordelen; niet altijd mogelijk [FAQ 1.5].".into(), accepted: None },
            FindingRow { severity: Severity::Attention, title: "Gebruiker zonder mobiel nummer voor sms-inlog (r.dekker)".into(), advice: "Mobiel nummer registreren vóór de eerste inlog.".into(), accepted: Some("Gebruiker krijgt een zakelijke telefoon in week 50.".into()) },
            FindingRow { severity: Severity::Attention, title: "Domein bij een andere hostingpartij".into(), advice: "DNS-records (MX, autodiscover) wijzigen op de migratiedag; het domein blijft van u.".into(), accepted: None },
            FindingRow { severity: Severity::Ok, title: "Bekabeling en netwerkapparatuur in orde".into(), advice: "Geen maatregel nodig.".into(), accepted: None },
        ],
        plan: vec![
            PhaseRow { name: "Intake en advies".into(), start: date!(2026 - 11 - 25), end: date!(2026 - 11 - 27), working_days: 3 },
            PhaseRow { name: "Offerte en ondertekening".into(), start: date!(2026 - 11 - 30), end: date!(2026 - 12 - 04), working_days: 5 },
            PhaseRow { name: "Maatregelen: glasvezel Amersfoort, werkplek WS-06".into(), start: date!(2026 - 12 - 07), end: date!(2026 - 12 - 18), working_days: 10 },
            PhaseRow { name: "Levering eerste inlog".into(), start: date!(2026 - 12 - 21), end: date!(2026 - 12 - 21), working_days: 1 },
            PhaseRow { name: "Migratie e-mail en gegevens".into(), start: date!(2026 - 12 - 22), end: date!(2026 - 12 - 30), working_days: 5 },
            PhaseRow { name: "DNS-wijziging".into(), start: date!(2026 - 12 - 31), end: date!(2026 - 12 - 31), working_days: 1 },
            PhaseRow { name: "Livegang".into(), start: date!(2027 - 01 - 04), end: date!(2027 - 01 - 04), working_days: 1 },
            PhaseRow { name: "Nazorg".into(), start: date!(2027 - 01 - 05), end: date!(2027 - 01 - 15), working_days: 9 },
        ],
        quote: Some(quote_doc(QuoteKind::Quote, "OFF-2026-0142", lines, 12, 7995)),
        sepa: Some(SepaInfo {
            mandate_reference: "MWO-2026-0142-01".into(),
            iban: "NL20INGB0001234567".into(),
            account_holder: "Tandartspraktijk Öztürk & De Graaf B.V.".into(),
            debtor_address: Some("Oudegracht 214, 3511 NR Utrecht".into()),
            description: "MKB Werkplek Online, maandfactuur".into(),
            signer: Some("Ayşe Öztürk".into()),
        }),
        draft: None,
        plan_info: None,
    }
}

/// The same intake in English (labels translated here; the free texts stay as given).
pub fn small_office_en() -> ReportInput {
    let mut input = small_office();
    input.lang = Lang::En;
    input.mode = "On site, both locations visited".into();
    input.workstations = (0..12).map(|i| workstation(i, Lang::En)).collect();
    input
}

// The large sample lives in a file of its own.
#[path = "sample_large.rs"]
mod large;
pub use large::large_office;
