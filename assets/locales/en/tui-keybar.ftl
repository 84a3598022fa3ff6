# The TUI's key bar and key overview (`?`), src/tui/keys.rs: key caps (kc-), the bar's
# words (kb-) and the overview's lines (kh-).

## Key caps as the keyboard shows them

kc-enter = Enter
kc-tab = Tab
kc-shift-tab = S-Tab
kc-esc = Esc
kc-space = Space
kc-del = Del
kc-home = Home
kc-end = End
kc-pgup = PgUp
kc-pgdn = PgDn
kc-ctrl = Ctrl
kc-alt = Alt
kc-shift = Shift

## The key bar

kb-create = create
kb-field = field
kb-mode = mode
kb-yes-delete = yes, delete
kb-done = done
kb-clear-filter = clear filter
kb-new-intake = new intake
kb-lang = nl/en
kb-quit = quit
kb-keys = keys
kb-open = open
kb-new = new
kb-filter = filter
kb-sort = sort
kb-delete = delete
kb-clear = clear
kb-yes-remove = yes, remove
kb-this-workstation = this workstation
kb-network = network
kb-bandwidth = bandwidth
kb-back-cancel = back / cancel
kb-proposal-tabs = advice/quote/plan
kb-accept = accept
kb-report = report (PDF)
kb-to-question = go to question
kb-complete = complete
kb-question = question
kb-answer = answer
kb-add = add
kb-entry = entry
kb-remove = remove
kb-review = review
kb-probes = probes
kb-advice = advice & quote

## The key overview (`?`)

kh-everywhere = Everywhere
kh-this-help = this help
kh-language = Dutch / English
kh-quit = quit (everything is already saved)
kh-back-cancel = back / cancel
kh-list = List
kh-move = move
kh-open-intake = open intake
kh-new-filter = new / filter
kh-sort-delete = sort / delete
kh-intake = Intake
kh-prev-next-question = previous/next question
kh-prev-next-section = previous/next section
kh-yes-no = yes/no at once
kh-clear-answer = clear answer
kh-probes = probes: workstation, network, bandwidth
kh-proposal = advice, quote, plan, report (PDF)
kh-add-remove = add / remove entry
kh-entries = previous/next entry, move entry
kh-complete = (in review) complete the intake
kh-text-field = Text field
kh-cursor = cursor
kh-clear-field = clear the field
kh-mouse = Mouse
kh-mouse-use = click selects, click again opens; wheel scrolls
