# The proposal: draft status, quote, plan, terms and SEPA mandate (src/proposal/draft.rs,
# src/report/{quote_section,sepa,draft_mark,plan_section}.rs, src/export/quote.rs).

## Why a proposal is a draft ($names is a list joined with "; ")
draft-missing = Verplichte antwoorden ontbreken ({ $count }): { $names }
draft-errors = { $count ->
    [one] Antwoord met een fout: { $names }
   *[other] Antwoorden met een fout ({ $count }): { $names }
}
draft-example-prices = Voorbeeldprijzen, nog niet door de leverancier bevestigd: { $names }
draft-open-blockers = Blokkerende bevindingen, niet opgelost of geaccepteerd: { $names }
draft-no-speed = Locaties zonder meting en zonder abonnementssnelheid: { $names }
draft-nothing-to-price = Nog geen werkplekken opgegeven: er valt niets te prijzen.
draft-more = { $names }; en { $count } meer
draft-mark = CONCEPT
draft-title = Concept — nog geen definitief voorstel
draft-completeness = Volledigheid van de intake: { $percent } %
draft-refused = intake { $id } is nog een concept ({ $percent } % volledig); er is niets geschreven:
draft-written = Concept ({ $percent } %):
draft-tui-title = Het rapport wordt een CONCEPT, omdat:
export-rendering = het rapport opmaken
export-writing = { $path } schrijven
export-reading-back = { $path } teruglezen

## Quote or cost overview in the PDF
quote-customer = Klant
quote-address = Adres
quote-vat-id = Btw-nummer
quote-subtotal = Subtotaal excl. btw
quote-vat = Btw { $percent }%
quote-total = Totaal incl. btw
quote-example-legend = * Voorbeeldprijs: geen tarief dat de FAQ als actueel noemt en nog niet door de leverancier bevestigd [FAQ 1.10, 1.11]. Het definitieve bedrag kan afwijken.
quote-first-year = Kosten eerste jaar
quote-first-year-amount = { $gross } incl. btw
quote-first-year-how = 12 × het maandbedrag + de eenmalige kosten: { $net } excl. btw, { $gross } incl. btw.
quote-commitment = Minimale contractverplichting
quote-commitment-amount = { $net } excl. btw ({ $gross } incl. btw). { $rule }
quote-on-request = Op aanvraag: niet in dit bedrag
quote-on-request-note = Deze posten zijn niet in de totalen opgenomen; u ontvangt er een aparte offerte voor.
quote-intake-fee = Intakekosten
quote-intake-fee-note = De intake is inbegrepen bij de implementatie. Alleen als u afziet van de bestelling worden deze eenmalige kosten in rekening gebracht [FAQ 3.4]. Niet in de totalen.
quote-overview-note = Dit is een kostenoverzicht, geen offerte. Tot 10 werkplekken bestelt u online; uw orderbevestiging is het contract [FAQ 2.2, 2.4, 2.8]. Dit overzicht wordt niet ondertekend en bevat geen machtiging.
quote-for-users = voor: { $names }
quote-promo = Actieprijs per werkplek; deze blijft gelden tijdens de initiële contractduur (FAQ 1.12).
quote-months = { $count ->
    [one] { $count } maand
   *[other] { $count } maanden
}
quote-commitment-rule = Elke werkplek op { $kind ->
    [quote] deze offerte
   *[overview] dit overzicht
} telt { $months } mee (minimale contractduur één jaar, FAQ 1.20); werkplekken die u later via de selfservicemodule toevoegt: { $later } [FAQ 1.20]; optionele applicaties: { $options } [FAQ 1.19]; eenmalige kosten volledig.

## Quote in the CLI
quote-cli-first-year = Kosten eerste jaar: { $net } excl. btw, { $gross } incl. btw (12 × per maand + eenmalig)
quote-cli-commitment = Minimale contractverplichting: { $net } excl. btw ({ $gross } incl. btw)

## SEPA mandate
sepa-debtor-name = Naam rekeninghouder
sepa-debtor-address = Adres rekeninghouder
sepa-description = Omschrijving
sepa-description-value = MKB Werkplek Online, maandfactuur, klant { $id }
sepa-signer = Naam ondertekenaar
sepa-consent = Door ondertekening van dit formulier geeft u toestemming aan { $creditor } om doorlopende incasso-opdrachten te sturen naar uw bank om een bedrag van uw rekening af te schrijven en aan uw bank om doorlopend een bedrag van uw rekening af te schrijven overeenkomstig de opdracht van { $creditor_end } Als u het niet eens bent met deze afschrijving kunt u deze laten terugboeken. Neem hiervoor binnen acht weken na afschrijving contact op met uw bank. Vraag uw bank naar de voorwaarden. Uw rechten worden toegelicht in een verklaring die u van uw bank kunt krijgen.

## Plan
plan-draft-note = Voorlopige planning: zolang dit voorstel een concept is, liggen de data niet vast. De definitieve planning volgt op de volledige intake en de ondertekening.
plan-today = Vandaag
plan-desired = Gewenste livegang
plan-phase = Fase
plan-go-live = Livegang
plan-days = Dagen
plan-weekend-days = { $count ->
    [one] { $count } weekenddag
   *[other] { $count } weekenddagen
}
plan-closed = Gesloten
plan-window = { $window ->
    [weekend] Migratie en overgang vinden plaats in het weekend, zoals u aangaf.
    [evening] Migratie en overgang vinden plaats op doordeweekse avonden, zoals u aangaf.
   *[any] Migratie en overgang vinden plaats buiten kantoortijd op werkdagen.
}
plan-closure = Uw bedrijf is gesloten van { $from } tot en met { $until }: in die periode wordt niets gepland.
plan-too-early = De gewenste livegang op { $desired } is niet haalbaar; de vroegst haalbare datum is { $earliest }.
plan-slack = Er is speling: de vroegst mogelijke livegang is { $earliest }. Migratie en training zijn teruggerekend vanaf de gewenste livegang; { $days ->
    [one] { $days } werkdag speling ligt
   *[other] { $days } werkdagen speling liggen
} vóór de migratie.

# What the plan needs for dates and the intake does not say yet (issue 13, 3).
plan-gap-workstations = het aantal werkplekken
plan-gap-volumes = de omvang van e-mail en bestanden
plan-gap-list = { $init } en { $last }
plan-gap-locations = de locaties
plan-unknown = De planning kan nog geen data geven: daarvoor ontbreekt nog { $missing }. Hieronder staat hoeveel dagen elke fase vraagt; de data volgen zodra dit bekend is.
plan-unknown-short = Nog niet te plannen: daarvoor ontbreekt nog { $missing }.
plan-no-date = nog niet bekend
