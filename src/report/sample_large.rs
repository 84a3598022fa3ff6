//! The large sample: 40 workstations on three locations, a per-user option line for every
//! user (the quote table runs over pages).

use super::*;

const FIRST: [&str; 10] = [
    "Anouk", "Bram", "Chantal", "Daan", "Eline", "Floor", "Gijs", "Hanneke", "Joëlle", "Kees",
];
const LAST: [&str; 8] = [
    "de Jong", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "van Dijk", "Brouwer",
];
const OPTIONS: [(&str, &str, i64); 4] = [
    ("OPT-OPS25", "Gebruikersoptie extra opslag 25 GB", 495),
    ("OPT-VISIO", "Gebruikersoptie Microsoft Visio", 1250),
    ("OPT-PROJ", "Gebruikersoptie Microsoft Project", 1795),
    (
        "OPT-MOBIEL",
        "Gebruikersoptie mobiele toegang (tablet)",
        350,
    ),
];

/// The 40-workstation, 3-location intake with a per-user option line for every user, so the
/// quote table runs over more than one page.
pub fn large_office() -> ReportInput {
    let mut input = small_office();
    input.customer = Customer {
        name: "Installatiebedrijf Van Rijswijk & Zoën B.V.".into(),
        kvk: Some("71234567".into()),
        vat: Some("NL858123456B01".into()),
        address: Some("Schiedamseweg 88".into()),
        postcode: Some("3025 AD".into()),
        city: Some("Rotterdam".into()),
        billing_email: Some("facturen@vanrijswijk-zoen.example".into()),
        iban: Some("NL69ABNA0123456789".into()),
        contact_name: Some("Marieke van Rijswijk".into()),
        contact_role: Some("Financieel directeur".into()),
    };
    input.mode = "Op locatie (Rotterdam) en op afstand (Delft, Den Haag)".into();
    input.link_latency = vec![LinkLatencyRow {
        location: "Rotterdam (hoofdkantoor)".into(),
        idle_ms: Some(9.8),
        loaded_down_ms: Some(24.6),
        loaded_up_ms: Some(41.0),
    }];
    input.locations = vec![
        LocationRow {
            name: "Rotterdam (hoofdkantoor)".into(),
            workstations: 22,
            down_mbps: Some(240.3),
            up_mbps: Some(48.9),
            measured: true,
            speed_unknown: false,
            needed_down_mbps: 79.2,
            needed_up_mbps: 15.8,
        },
        LocationRow {
            name: "Den Haag".into(),
            workstations: 12,
            // Done remotely: the subscription's speeds, not measured.
            down_mbps: Some(35.0),
            up_mbps: Some(6.0),
            measured: false,
            speed_unknown: false,
            needed_down_mbps: 43.2,
            needed_up_mbps: 8.6,
        },
        LocationRow {
            name: "Delft (werkplaats)".into(),
            workstations: 6,
            down_mbps: None,
            up_mbps: None,
            measured: false,
            speed_unknown: false,
            needed_down_mbps: 21.6,
            needed_up_mbps: 4.3,
        },
    ];
    input.workstations = (0..40).map(|i| workstation(i, Lang::Nl)).collect();
    input.apps = ["AFAS Profit", "Syntess Atrium", "AutoCAD LT 2024"]
        .iter()
        .map(|n| AppRow {
            name: n.to_string(),
            details: String::new(),
        })
        .collect();
    input.summary.readiness = Severity::Blocker;
    input.summary.points = vec![
        point(
            Severity::Blocker,
            "Internetverbinding te traag",
            "Den Haag heeft te weinig bandbreedte voor twaalf werkplekken.",
        ),
        point(
            Severity::Blocker,
            "Werkplekken voldoen niet",
            "Zeven werkplekken moeten vóór de livegang worden vervangen.",
        ),
        point(
            Severity::Attention,
            "Verbinding niet te beoordelen",
            "Delft is nog niet gemeten.",
        ),
    ];
    // Keep the findings that also hold here (WS-06, Exact-like hosting, SMS login, domain, cabling);
    // the Amersfoort one belongs to the small office only.
    input.findings.retain(|f| !f.title.contains("Amersfoort"));
    for f in &mut input.findings {
        f.title = f.title.replace("Exact Globe", "AFAS Profit");
    }
    for p in &mut input.plan {
        p.name = p.name.replace(
            "glasvezel Amersfoort, werkplek WS-06",
            "glasvezel Den Haag, 7 werkplekken",
        );
    }
    input.findings.push(FindingRow {
        severity: Severity::Blocker,
        title: "Download Den Haag te laag: abonnement 35 Mbit/s, nodig 43,2 Mbit/s".into(),
        advice: "Zakelijke glasvezel (100/100 Mbit/s) aanvragen; levertijd circa vier weken."
            .into(),
        accepted: None,
    });
    input.findings.push(FindingRow {
        severity: Severity::Attention,
        title: "Delft (werkplaats) niet gemeten".into(),
        advice: "Snelheidsmeting uitvoeren tijdens kantoortijd voordat de planning vastligt."
            .into(),
        accepted: None,
    });
    input.findings.push(FindingRow {
        severity: Severity::Attention,
        title: "Offline werken nodig in de werkplaats".into(),
        advice:
            "Werkplaatsprocessen die zonder internet moeten doorlopen lokaal houden [FAQ 1.34]."
                .into(),
        accepted: Some("Werkplaats werkt met papieren werkbonnen als terugval.".into()),
    });
    let mut lines = vec![line(
        "WPO-WS",
        "MKB Werkplek Online, per werkplek per maand (actieprijs)",
        40,
        7995,
        Period::Monthly,
    )];
    for i in 0..40 {
        let (code, desc, unit) = OPTIONS[i % OPTIONS.len()];
        let user = format!("{} {}", FIRST[i % FIRST.len()], LAST[(i / 2) % LAST.len()]);
        lines.push(line(
            code,
            &format!("{desc} – {user}"),
            1,
            unit,
            Period::Monthly,
        ));
    }
    lines.extend([
        line(
            "INT-SURVEY",
            "Intake en site survey (inbegrepen bij implementatie)",
            1,
            0,
            Period::OneTime,
        ),
        line(
            "MIG-PROJ",
            "Migratieproject e-mail en gegevens (3 locaties, buiten kantoortijd)",
            1,
            395_000,
            Period::OneTime,
        ),
        line(
            "MAAT-WS",
            "Vervangen werkplekken die niet voldoen (arbeid)",
            7,
            9_500,
            Period::OneTime,
        ),
        line(
            "MAAT-GLAS",
            "Begeleiding glasvezelaanvraag Den Haag",
            1,
            35_000,
            Period::OneTime,
        ),
        line(
            "HOST-AFAS",
            "Maatwerk-hosting AFAS Profit",
            1,
            0,
            Period::OnRequest,
        ),
        QuoteLineRow {
            optional: true,
            ..line(
                "OPT-BACKUP",
                "Back-up Online, extra 100 GB",
                2,
                995,
                Period::Monthly,
            )
        },
        QuoteLineRow {
            optional: true,
            ..line(
                "OPT-TRAIN",
                "Gebruikerstraining op locatie (dagdeel)",
                2,
                45_000,
                Period::OneTime,
            )
        },
    ]);
    input.quote = Some(quote_doc(
        QuoteKind::Quote,
        "OFF-2026-0157",
        lines,
        40,
        7995,
    ));
    input.sepa = Some(SepaInfo {
        mandate_reference: "MWO-2026-0157-01".into(),
        iban: "NL69ABNA0123456789".into(),
        account_holder: "Installatiebedrijf Van Rijswijk & Zoën B.V.".into(),
        debtor_address: None,
        description: "MKB Werkplek Online, maandfactuur".into(),
        signer: None,
    });
    input
}
