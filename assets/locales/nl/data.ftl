# Niets kwijt, niets gelekt: bundels importeren en samenvoegen, terugzetten, wissen, geweigerde invoer.

intake-deleted-note = Intake { $id } verwijderd; `intake restore { $id }` zet hem terug tot `intake purge { $id }`.
intake-restored = Intake { $id } ({ $customer }) staat weer in de lijst.
purge-still-on-disk = Intake { $id } is uit de database gewist, maar oude kopieën staan nog op schijf in { $wal }: een ander programma (bijv. een open intake-venster) leest de database nog. Sluit dat: het bestand wordt leeggemaakt zodra het laatste programma de database sluit.

import-merged = { $file } samengevoegd met intake { $id }: { $taken ->
        [one] 1 antwoord
       *[other] { $taken } antwoorden
    } uit de bundel overgenomen, { $kept } behouden (hier gewijzigd na de export), { $decided ->
        [one] 1 conflict
       *[other] { $decided } conflicten
    } beslist
import-decided = { $key }: { $won } (in plaats van { $lost }, bewaard in de geschiedenis)
import-conflicts = { $file }: { $count ->
        [one] 1 antwoord is
       *[other] { $count } antwoorden zijn
    } sinds de export zowel hier (intake { $id }) als in de bundel gewijzigd; niets geïmporteerd:
import-conflict = { $key }: hier { $ours }, in de bundel { $theirs } (bij export { $base })
import-conflicts-more = … en nog { $count }
import-conflicts-hint = kies per sleutel met --ours=SLEUTEL,SLEUTEL of --theirs=SLEUTEL,SLEUTEL, of voor alle met --ours of --theirs
import-no-answer = (geen antwoord)
import-nothing-to-merge = { $file }: geen intake hier komt uit deze bundel, er valt dus niets samen te voegen; importeer zonder --ours of --theirs
import-both-all = --ours en --theirs kunnen niet allebei voor alle conflicten gelden; noem bij één van beide de sleutels
import-key-twice = { $key } staat zowel bij --ours als bij --theirs

answer-control-line = Dit antwoord bevat een stuurteken ({ $char }); vul één regel gewone tekst in.
answer-control-text = Dit antwoord bevat een stuurteken ({ $char }); alleen tekst, regels en tabs zijn toegestaan.
answer-date-range = Vul een datum tussen { $from } en { $to } in.
answer-vat-check = Dit btw-id klopt niet (controlecijfer). Controleer op tikfouten.
