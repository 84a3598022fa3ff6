# The TUI's screens as drawn (src/tui/*_view.rs, probes, advice): ids start with tv-.

tv-answered = { $answered }/{ $asked } answered
tv-required-open = { $count ->
    [0] required: all answered
   *[other] required: { $count } open
}
tv-help-title = Help
tv-orphans = { $count ->
    [one] 1 answer is no longer in the form (kept).
   *[other] { $count } answers are no longer in the form (kept).
}
tv-review-title = Review
tv-review-done = ✓ Everything required is answered. Press c to complete.
tv-review-open = { $count ->
    [one] 1 item open.
   *[other] { $count } items open.
} Enter jumps to the question.
tv-review-missing = • missing
tv-keys-title = Keys — ↑↓ scroll, any other key closes
tv-key-help-pane = scroll the help pane (right/below)
tv-key-sidebar = show / hide the list of sections (left)

tv-probes-title = Probes
tv-probes-intro = w: this workstation · l: scan the local network · b: bandwidth and latency · Esc: back/cancel
tv-probes-saved-title = Saved measurements
tv-probes-none = No measurements yet.
tv-probe-saved = Measurement saved: { $what }
tv-link-summary = link { $key } — ↓ { $down } ↑ { $up }, { $latency }
tv-loaded-latency = (under load ↓ { $down } ↑ { $up })
tv-server-ask = Measuring server (HOST:PORT), Enter: go on, Esc: cancel
tv-location-ask = Which location is this link for? ↑↓ choose, Enter: measure
tv-location-none = no particular location
tv-lan-ask = Scan { $count } addresses in { $networks } (TCP ports { $ports })?
tv-lan-edit = Type to change the range; Enter: scan, Esc: do not scan
tv-lan-no-range = no address range given (e.g. 192.168.1.0/24)

tv-advice-footer = Tab: advice/quote/plan · a: accept · e: report (PDF) · Esc: back
tv-nothing-to-accept = This finding is fine; there is nothing to accept.
tv-finding-accepted = Finding accepted: { $title }
tv-accept-reason = Reason for accepting:
tv-pdf-file = PDF file:
