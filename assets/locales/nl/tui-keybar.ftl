# The TUI's key bar and key overview (`?`), src/tui/keys.rs: key caps (kc-), the bar's
# words (kb-) and the overview's lines (kh-).

## Key caps as the keyboard shows them

kc-enter = Enter
kc-tab = Tab
kc-shift-tab = S-Tab
kc-esc = Esc
kc-space = Spatie
kc-del = Del
kc-home = Home
kc-end = End
kc-pgup = PgUp
kc-pgdn = PgDn
kc-ctrl = Ctrl
kc-alt = Alt
kc-shift = Shift

## The key bar

kb-create = aanmaken
kb-field = veld
kb-mode = manier
kb-yes-delete = ja, verwijderen
kb-done = klaar
kb-clear-filter = filter wissen
kb-new-intake = nieuwe intake
kb-lang = nl/en
kb-quit = stoppen
kb-keys = toetsen
kb-open = openen
kb-new = nieuw
kb-filter = zoeken
kb-sort = sorteren
kb-delete = verwijderen
kb-clear = wissen
kb-yes-remove = ja, verwijderen
kb-this-workstation = deze werkplek
kb-network = netwerk
kb-bandwidth = bandbreedte
kb-back-cancel = terug / afbreken
kb-proposal-tabs = advies/offerte/planning
kb-accept = accepteren
kb-report = rapport (PDF)
kb-to-question = naar vraag
kb-complete = afronden
kb-question = vraag
kb-answer = invullen
kb-add = toevoegen
kb-entry = item
kb-remove = verwijderen
kb-review = controle
kb-probes = metingen
kb-advice = advies & offerte

## The key overview (`?`)

kh-everywhere = Overal
kh-this-help = deze hulp
kh-language = Nederlands / Engels
kh-quit = stoppen (alles is al opgeslagen)
kh-back-cancel = terug / annuleren
kh-list = Lijst
kh-move = kiezen
kh-open-intake = intake openen
kh-new-filter = nieuw / zoeken
kh-sort-delete = sorteren / verwijderen
kh-intake = Intake
kh-prev-next-question = vorige/volgende vraag
kh-prev-next-section = vorig/volgend onderdeel
kh-yes-no = ja/nee direct
kh-clear-answer = antwoord wissen
kh-probes = metingen: werkplek, netwerk, bandbreedte
kh-proposal = advies, offerte, planning, rapport (PDF)
kh-add-remove = item toevoegen / verwijderen
kh-entries = vorig/volgend item, item verplaatsen
kh-complete = (in controle) intake afronden
kh-text-field = Tekstveld
kh-cursor = cursor
kh-clear-field = veld leegmaken
kh-mouse = Muis
kh-mouse-use = klikken kiest, nog eens klikken opent; wiel bladert
