# `intake advise`, `accept`, `quote` and `plan` as text (src/cli/proposal.rs).

## intake advise
advise-cli-head = Advies #{ $id } { $customer }
advise-cli-none = Geen bevindingen.
advise-cli-blockers = Blokkerend
advise-cli-attention = Aandachtspunten
advise-cli-fine = In orde
advise-cli-measure = Maatregel: { $measure }
advise-cli-faq = FAQ { $sections }
advise-cli-accepted = Geaccepteerd: { $reason } ({ $by }, { $date })

## intake accept
accept-cli-reason-required = een reden is verplicht: --reason "waarom deze bevinding wordt geaccepteerd"
accept-cli-unknown-rule = intake { $id } heeft geen bevinding '{ $rule }'; de bevindingen zijn: { $rules }
accept-cli-no-findings = (geen)
accept-cli-done = Bevinding '{ $rule }' geaccepteerd voor intake { $id }.

## intake quote
quote-cli-no-workstations = intake { $id } heeft nog geen werkplekken: beantwoord workstations.count (of de werkplekken per locatie)
quote-cli-pricing = prijzen van intake { $id }
quote-cli-overview = Kostenoverzicht (online bestellen; de orderbevestiging is het contract) — #{ $id } { $customer }
quote-cli-quote = Offerte (de getekende offerte is het contract) — #{ $id } { $customer }
quote-cli-on-request = op aanvraag
quote-cli-amount = { $quantity } × { $unit } = { $net }
quote-cli-per-month = per maand
quote-cli-one-time = eenmalig
quote-cli-only-if-cancelled = (alleen bij afzien van de bestelling)
quote-cli-totals = { $net } excl. btw  +  { $vat } btw  =  { $gross } incl. btw
quote-cli-row-month = Per maand
quote-cli-row-one-time = Eenmalig
quote-cli-valid-until = Geldig tot en met { $date }
quote-cli-example = voorbeeldprijs uit de catalogus, niet gepubliceerd

## intake plan
plan-cli-head = Migratieplan #{ $id } { $customer }
plan-cli-earliest = Vroegst mogelijke livegang: { $date }
plan-cli-desired = Gewenste startdatum: { $date }
plan-cli-desired-too-early = Gewenste startdatum { $date } is te vroeg.
