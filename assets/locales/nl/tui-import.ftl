# Importing a bundle in the TUI (issue 14): the file name, the passphrase, the preview of a
# merge, the conflict screen, the confirm and the result.

tui-import-title = Bestand importeren
tui-import-path-prompt = Het bestand dat de klant terugstuurde of een collega exporteerde (.json, of versleuteld .age). Typ of plak het pad:
tui-import-passphrase-title = Versleuteld bestand
tui-import-passphrase-prompt = { $file } is versleuteld. Typ de wachtwoordzin van het bestand:
tui-import-no-path = Typ eerst het pad naar het bestand.
tui-import-no-passphrase = Typ eerst de wachtwoordzin.
tui-import-cancelled = Import geannuleerd; er is niets gewijzigd.
tui-import-changed-meanwhile = De intake is intussen elders gewijzigd; hieronder staat wat samenvoegen nu doet. Er is nog niets gewijzigd.
tui-import-undecided = { $count ->
    [one] Nog 1 conflict zonder keuze: kies o (hier) of t (bestand).
   *[other] Nog { $count } conflicten zonder keuze: kies o (hier) of t (bestand).
}

tui-import-preview-title = Samenvoegen met intake { $id }: { $customer }
tui-import-preview-intro = { $file } komt uit deze intake (geëxporteerd op { $date }). Samenvoegen doet het volgende; er is nog niets gewijzigd.
tui-import-taken-head = { $count ->
    [0] Uit het bestand overnemen: geen antwoorden.
    [one] Uit het bestand overnemen: 1 antwoord.
   *[other] Uit het bestand overnemen: { $count } antwoorden.
}
tui-import-kept-head = { $count ->
    [0] Hier gewijzigd en zo gehouden: geen antwoorden.
    [one] Hier gewijzigd en zo gehouden: 1 antwoord.
   *[other] Hier gewijzigd en zo gehouden: { $count } antwoorden.
}
tui-import-conflicts-head = { $count ->
    [0] Conflicten: geen.
    [one] Aan beide kanten gewijzigd, u kiest: 1 conflict.
   *[other] Aan beide kanten gewijzigd, u kiest: { $count } conflicten.
}

tui-import-conflicts-title = Conflicten: { $decided } van { $count } gekozen
tui-import-conflicts-intro = Deze antwoorden zijn sinds de export hier én in het bestand gewijzigd. Kies per antwoord: o houdt het antwoord van hier, t neemt dat uit het bestand. O of T kiest voor alle rijen. De andere waarde blijft in de geschiedenis.
tui-import-at-export = bij export:
tui-import-ours = hier:
tui-import-theirs = bestand:
tui-import-no-choice = ? nog kiezen
tui-import-chose-ours = hier
tui-import-chose-theirs = bestand
tui-import-entry-label = { $item } { $n }: { $label }
tui-import-no-answer = (geen antwoord)

tui-import-confirm-merge = Samenvoegen in intake { $id } ({ $customer })? { $taken ->
    [one] 1 antwoord uit het bestand,
   *[other] { $taken } antwoorden uit het bestand,
} { $kept ->
    [one] 1 blijft zoals hier,
   *[other] { $kept } blijven zoals hier,
} { $count ->
    [0] geen conflicten.
    [one] 1 conflict: { $ours } hier gehouden, { $theirs } uit het bestand.
   *[other] { $count } conflicten: { $ours } hier gehouden, { $theirs } uit het bestand.
} Vervangen waarden blijven in de geschiedenis.

    y = ja, samenvoegen
    n of een andere toets = nee
tui-import-confirm-as-new = Als nieuwe intake importeren? Dan staat { $customer } twee keer in de lijst; intake { $id } blijft zoals hij is.

    y = ja, als nieuwe intake
    n of een andere toets = nee

tui-import-done-new = Geïmporteerd als nieuwe intake { $id } ({ $customer }).
tui-import-done-merged = Samengevoegd in intake { $id } ({ $customer }): { $taken ->
    [one] 1 antwoord overgenomen,
   *[other] { $taken } antwoorden overgenomen,
} { $kept } behouden, { $count ->
    [0] geen conflicten.
    [one] 1 conflict opgelost ({ $ours } hier, { $theirs } uit het bestand).
   *[other] { $count } conflicten opgelost ({ $ours } hier, { $theirs } uit het bestand).
}
tui-import-done-keys =
    Enter = intake openen
    Esc = terug naar de lijst

tui-import-key-read = inlezen
tui-import-key-complete = aanvullen
tui-import-choices = { $more ->
    [0] { $count } namen passen: { $names }
   *[other] { $count } namen passen: { $names } en nog { $more }
}
tui-import-key-decrypt = ontsleutelen
tui-import-key-conflicts = conflicten kiezen
tui-import-key-merge = samenvoegen
tui-import-key-scroll = bladeren
tui-import-key-as-new = als nieuwe intake
tui-import-key-ours = hier houden
tui-import-key-theirs = uit bestand
tui-import-key-conflict = conflict
tui-import-key-all = alle hier / alle bestand
tui-import-key-apply = toepassen
tui-import-key-yes = ja
tui-import-key-no = nee
tui-import-key-open = intake openen
tui-import-key-list = naar de lijst
tui-import-key-import = importeren

tui-import-help = bestand importeren (samenvoegen, conflicten kiezen)
tui-import-help-conflicts = (bij conflicten) hier / bestand; O T: alle rijen
