# The TUI's Advice & Quote screen: tabs, findings, quote, plan and the PDF export
# (src/tui/proposal.rs). Shared texts (draft reasons, first-year cost) are in proposal.ftl.

tq-tab-advice = Advice
tq-tab-quote = Quote
tq-tab-plan = Plan
tq-no-findings = No findings.
tq-accepted = [accepted: { $reason }]
tq-reason-needed = Give a reason to accept a finding.
tq-writing = Writing the report…
tq-written = Report written: { $path } ({ $kb }{"\u00A0"}kB)
# The file name offered for the PDF.
tq-pdf-name = intake-{ $id }-{ $lang }.pdf
tq-kind-quote = Quote
tq-kind-overview = Cost overview
tq-valid-until = { $kind } — valid until { $date }
tq-on-request = on request
tq-per-month = per month
tq-one-time = one-time
tq-monthly-total = Monthly: { $net } + { $vat } VAT = { $gross }
tq-one-time-total = One-time: { $net } + { $vat } VAT = { $gross }
tq-outside-totals = not in the totals (optional, on request or only if cancelled)
tq-go-live = Earliest go-live: { $date }
tq-too-early = The requested go-live is too early.
