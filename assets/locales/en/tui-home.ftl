# The TUI's list of intakes, the new-intake dialog, and what every screen shares (status
# bar, language switch, the too-small message): src/tui/{home,home_view,app,view}.rs.

th-app = intake
th-product = — MKB Werkplek Online
th-sort = sort: { $order }
th-sort-updated = last change
th-sort-customer = customer
th-sort-status = status
th-sort-progress = progress
th-welcome =
    Welcome to intake.

    Your intakes for MKB Werkplek Online will be listed here.
    Press n to start the first one: the customer's name,
    the mode (on site, online or self), then question by question.

    Everything you enter is saved at once.
    For a filled-in example: quit with q and run 'intake demo'.
th-col-customer = Customer
th-col-mode = Mode
th-col-status = Status
th-col-progress = Progress
th-col-changed = Changed
th-no-match = Nothing matches this filter.
th-customer-name = Customer name
th-mode-question = Intake mode (FAQ 3.1)
th-new-title = New intake
th-name-needed = Enter the customer's name.
# $time: "09:15"
th-today-at = today { $time }

th-lang-switched = Language: English
th-lang-not-remembered = { $switched } — not remembered: { $error }
th-all-saved = Everything is saved as you go.
th-too-small =
    The window is too small ({ $width }×{ $height }).
    Make it at least { $min_width }×{ $min_height }.

    { $ctrl }-C: quit (everything is saved)
