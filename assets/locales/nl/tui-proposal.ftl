# The TUI's Advice & Quote screen: tabs, findings, quote, plan and the PDF export
# (src/tui/proposal.rs). Shared texts (draft reasons, first-year cost) are in proposal.ftl.

tq-tab-advice = Advies
tq-tab-quote = Offerte
tq-tab-plan = Planning
tq-no-findings = Geen bevindingen.
tq-accepted = [geaccepteerd: { $reason }]
tq-reason-needed = Geef een reden op om een bevinding te accepteren.
tq-writing = Rapport maken…
tq-written = Rapport geschreven: { $path } ({ $kb }{"\u00A0"}kB)
# The file name offered for the PDF.
tq-pdf-name = intake-{ $id }-{ $lang }.pdf
tq-kind-quote = Offerte
tq-kind-overview = Kostenoverzicht
tq-valid-until = { $kind } — geldig tot { $date }
tq-on-request = op aanvraag
tq-per-month = per maand
tq-one-time = eenmalig
tq-monthly-total = Per maand: { $net } + { $vat } btw = { $gross }
tq-one-time-total = Eenmalig: { $net } + { $vat } btw = { $gross }
tq-outside-totals = niet in de totalen (optioneel, op aanvraag of alleen bij afzien)
tq-go-live = Vroegst mogelijke livegang: { $date }
tq-too-early = De gewenste startdatum is te vroeg.
