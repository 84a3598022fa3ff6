# The TUI's intake screen: questions, repeat groups, the help pane and what saving says
# (src/tui/{intake_view,section_head,questions_view,intake_edit,intake_keys}.rs).
# $item is the form's name of a repeat entry inside a sentence ("applicatie"),
# $item_start the same at the start of one ("Applicatie").

ti-remove-entry =
    Wilt u { $item } { $number } verwijderen, met alle antwoorden?
    y = ja, andere toets = nee
ti-faq-head = FAQ { $number } { $title }
ti-no-entries = Nog geen { $item }. Druk op a om toe te voegen.
ti-no-questions = Geen vragen in dit onderdeel.
ti-enter-to-save = { $enter } om op te slaan
ti-calculated = berekend
ti-example-date = DD-MM-JJJJ
ti-example-choose = { $enter }: kiezen
ti-example-iban = NL91 ABNA 0417 1643 00
ti-example-postcode = 1234 AB

ti-saved = Opgeslagen
ti-answer-cleared = Antwoord gewist (staat in de geschiedenis)
ti-max-entries = { $count ->
    [one] Maximaal 1 item.
   *[other] Maximaal { $count } items.
}
ti-entry-removed = { $item_start } { $number } verwijderd
ti-moved = Verplaatst
ti-still-open = { $count ->
    [one] Nog 1 punt open; los dat eerst op.
   *[other] Nog { $count } punten open; los die eerst op.
}
ti-completed = Intake is compleet.
ti-edit-cancelled = Wijziging ongedaan gemaakt
