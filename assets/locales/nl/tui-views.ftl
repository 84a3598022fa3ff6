# The TUI's screens as drawn (src/tui/*_view.rs, probes, advice): ids start with tv-.

tv-answered = { $answered }/{ $asked } beantwoord
tv-required-open = { $count ->
    [0] verplicht: alles ingevuld
   *[other] verplicht: { $count } open
}
tv-help-title = Uitleg
tv-orphans = { $count ->
    [one] 1 antwoord staat niet meer in het formulier (bewaard).
   *[other] { $count } antwoorden staan niet meer in het formulier (bewaard).
}
tv-review-title = Controle
tv-review-done = ✓ Alles wat verplicht is, is ingevuld. Druk op c om af te ronden.
tv-review-open = { $count ->
    [one] 1 punt open.
   *[other] { $count } punten open.
} Enter springt naar de vraag.
tv-review-missing = • ontbreekt
tv-keys-title = Toetsen — ↑↓ bladeren, andere toets sluit
tv-key-help-pane = uitleg (rechts/onder) bladeren
tv-key-sidebar = lijst van onderdelen (links) tonen / verbergen

tv-probes-title = Metingen
tv-probes-intro = w: deze werkplek · l: lokaal netwerk scannen · b: bandbreedte en vertraging · Esc: terug/afbreken
tv-probes-saved-title = Opgeslagen metingen
tv-probes-none = Nog geen metingen.
tv-probe-saved = Meting opgeslagen: { $what }
tv-link-summary = verbinding { $key } — ↓ { $down } ↑ { $up }, { $latency }
tv-loaded-latency = (onder belasting ↓ { $down } ↑ { $up })
tv-server-ask = Meetserver (HOST:POORT), Enter: verder, Esc: annuleren
tv-location-ask = Voor welke locatie is deze verbinding? ↑↓ kiezen, Enter: meten
tv-location-none = geen bepaalde locatie
tv-lan-ask = { $count } adressen in { $networks } scannen (TCP-poorten { $ports })?
tv-lan-edit = Bereik aanpassen door te typen; Enter: scannen, Esc: niet scannen
tv-lan-no-range = geen adresbereik opgegeven (bijvoorbeeld 192.168.1.0/24)

tv-advice-footer = Tab: advies/offerte/planning · a: accepteren · e: rapport (PDF) · Esc: terug
tv-nothing-to-accept = Deze bevinding is in orde; er is niets te accepteren.
tv-finding-accepted = Bevinding geaccepteerd: { $title }
tv-accept-reason = Reden van acceptatie:
tv-pdf-file = PDF-bestand:
