# `intake advise`, `accept`, `quote` and `plan` as text (src/cli/proposal.rs).

## intake advise
advise-cli-head = Advice #{ $id } { $customer }
advise-cli-none = No findings.
advise-cli-blockers = Blockers
advise-cli-attention = Points of attention
advise-cli-fine = Fine
advise-cli-measure = Measure: { $measure }
advise-cli-faq = FAQ { $sections }
advise-cli-accepted = Accepted: { $reason } ({ $by }, { $date })

## intake accept
accept-cli-reason-required = a reason is required: --reason "why this finding is accepted"
accept-cli-unknown-rule = intake { $id } has no finding '{ $rule }'; its findings are: { $rules }
accept-cli-no-findings = (none)
accept-cli-done = Finding '{ $rule }' accepted for intake { $id }.

## intake quote
quote-cli-no-workstations = intake { $id } has no workstations yet: answer workstations.count (or the workstations per location)
quote-cli-pricing = pricing intake { $id }
quote-cli-overview = Cost overview (order online; the order confirmation is the contract) — #{ $id } { $customer }
quote-cli-quote = Quote (the signed quote is the contract) — #{ $id } { $customer }
quote-cli-on-request = on request
quote-cli-amount = { $quantity } × { $unit } = { $net }
quote-cli-per-month = per month
quote-cli-one-time = one-time
quote-cli-only-if-cancelled = (only if the order does not go ahead)
quote-cli-totals = { $net } excl. VAT  +  { $vat } VAT  =  { $gross } incl. VAT
quote-cli-row-month = Per month
quote-cli-row-one-time = One-time
quote-cli-valid-until = Valid until { $date }
quote-cli-example = example price from the catalog, not published

## intake plan
plan-cli-head = Migration plan #{ $id } { $customer }
plan-cli-earliest = Earliest possible go-live: { $date }
plan-cli-desired = Desired go-live: { $date }
plan-cli-desired-too-early = Desired go-live { $date } is too early.
