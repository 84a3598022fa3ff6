# The TUI's keys, editors and data safety (issues 14 and 16): editors, lists of choices,
# jumps, the trash, changes made elsewhere, the self-filled return file.

tui-too-long = Te lang: dit antwoord heeft hoogstens { $max } tekens; { $cut } tekens niet ingevoegd.
tui-conflict = Intussen elders gewijzigd in «{ $value }». Enter slaat uw tekst toch op; Esc houdt «{ $value }».
tui-conflict-empty = (leeg)
tui-conflict-status = Elders gewijzigd terwijl u typte; niets overschreven.
tui-changed-elsewhere = Bijgewerkt: elders gewijzigd.
tui-ticks-not-saved = Nog niet opgeslagen: Enter of Tab slaat de keuze op, Esc annuleert.
tui-draft-not-saved = Concept niet bewaard: { $error }
tui-nothing-open = Geen open punten meer.
tui-all-answered = Alle vragen zijn beantwoord.
tui-jump-title = Naar onderdeel
tui-trash-moved = Intake { $id } naar de prullenbak. u = terugzetten, t = prullenbak.
tui-trash-restored = Intake { $id } teruggezet.
tui-trash-title = Prullenbak
tui-trash-empty = De prullenbak is leeg. Esc = terug naar de lijst.
tui-return-file = Klaar. Stuur dit bestand terug: { $path }
tui-return-file-taken = { $dir }: er zijn al { $count } bestanden met de naam { $stem }

## Postcodes and numbers with a unit (form checks)

postcode-leading-zero = een postcode begint niet met 0
postcode-four-digits = een postcode begint met 4 cijfers
postcode-two-letters = na de 4 cijfers komen precies 2 letters
postcode-wrong = { $typed }: { $why }.
unit-other = Vul het getal in { $unit } in; { $typed } is een andere eenheid.
unit-none = Vul alleen een getal in, zonder { $typed }.

## Keys

key-save-next = opslaan en verder
key-tick = aan/uit
key-cancel = annuleren
key-section = onderdeel
key-choose = kiezen
key-close = sluiten
key-open-item = open punt
key-next-item = volgend punt
key-trash = prullenbak
key-restore = terugzetten
key-back = terug
help-jump = naar onderdeel (nummer, lijst)
help-next-problem = volgend open punt: ontbreekt, fout of waarschuwing
help-next-unanswered = volgende onbeantwoorde vraag
help-review = controle: wat ontbreekt, fout is of waarschuwt
help-trash = prullenbak / laatste verwijdering terugzetten
help-open = openen: typen of kiezen (wijzigt niets)
help-save-next = opslaan en verder (ook bij keuzes)
help-save-back = opslaan en terug
help-cancel = annuleren: het opgeslagen antwoord blijft

## The delete dialog of the list

tui-delete-confirm = Intake { $id } ({ $name }) verwijderen?
    De intake gaat naar de prullenbak (t) tot 'intake purge'.
    y = ja, n of Esc = nee
key-new-line = nieuwe regel
