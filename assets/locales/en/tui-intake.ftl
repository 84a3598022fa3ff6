# The TUI's intake screen: questions, repeat groups, the help pane and what saving says
# (src/tui/{intake_view,section_head,questions_view,intake_edit,intake_keys}.rs).
# $item is the form's name of a repeat entry inside a sentence ("application"),
# $item_start the same at the start of one ("Application").

ti-remove-entry =
    Remove { $item } { $number } with all its answers?
    y = yes, any other key = no
ti-faq-head = FAQ { $number } { $title }
ti-no-entries = No { $item } yet. Press a to add one.
ti-no-questions = No questions in this section.
ti-enter-to-save = { $enter } to save
ti-calculated = calculated
ti-example-date = YYYY-MM-DD
ti-example-choose = { $enter }: choose
ti-example-iban = NL91 ABNA 0417 1643 00
ti-example-postcode = 1234 AB

ti-saved = Saved
ti-answer-cleared = Answer cleared (kept in the history)
ti-max-entries = { $count ->
    [one] At most 1 entry.
   *[other] At most { $count } entries.
}
ti-entry-removed = { $item_start } { $number } removed
ti-moved = Moved
ti-still-open = { $count ->
    [one] 1 item still open; resolve it first.
   *[other] { $count } items still open; resolve them first.
}
ti-completed = Intake marked complete.
ti-edit-cancelled = Edit cancelled
