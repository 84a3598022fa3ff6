# The proposal: draft status, quote, plan, terms and SEPA mandate (src/proposal/draft.rs,
# src/report/{quote_section,sepa,draft_mark,plan_section}.rs, src/export/quote.rs).

## Why a proposal is a draft ($names is a list joined with "; ")
draft-missing = Required answers missing ({ $count }): { $names }
draft-errors = { $count ->
    [one] Answer in error: { $names }
   *[other] Answers in error ({ $count }): { $names }
}
draft-example-prices = Example prices, not yet confirmed by the provider: { $names }
draft-open-blockers = Blocking findings, neither resolved nor accepted: { $names }
draft-no-speed = Locations with neither a measurement nor a subscription speed: { $names }
draft-nothing-to-price = No workstations given yet: nothing to price.
draft-more = { $names }; and { $count } more
draft-mark = DRAFT
draft-title = Draft — not yet a final proposal
draft-completeness = Completeness of the intake: { $percent } %
draft-refused = intake { $id } is still a draft ({ $percent } % complete); nothing was written:
draft-written = Draft ({ $percent } %):
draft-tui-title = The report will be a DRAFT, because:
export-rendering = rendering the report
export-writing = writing { $path }
export-reading-back = reading back { $path }

## Quote or cost overview in the PDF
quote-customer = Customer
quote-address = Address
quote-vat-id = VAT number
quote-subtotal = Subtotal excl. VAT
quote-vat = VAT { $percent }%
quote-total = Total incl. VAT
quote-example-legend = * Example price: not a price the FAQ gives as current and not yet confirmed by the provider [FAQ 1.10, 1.11]. The final amount may differ.
quote-first-year = First-year cost
quote-first-year-amount = { $gross } incl. VAT
quote-first-year-how = 12 × the monthly amount + the one-time costs: { $net } excl. VAT, { $gross } incl. VAT.
quote-commitment = Minimum contract commitment
quote-commitment-amount = { $net } excl. VAT ({ $gross } incl. VAT). { $rule }
quote-on-request = On request: not in this amount
quote-on-request-note = These items are not included in the totals; you receive a separate quote for them.
quote-intake-fee = Intake fee
quote-intake-fee-note = The intake is included in the implementation. These one-time costs are charged only if you decide not to go ahead with the order [FAQ 3.4]. Not in the totals.
quote-overview-note = This is a cost overview, not a quote. Up to 10 workstations you order online; your order confirmation is the contract [FAQ 2.2, 2.4, 2.8]. This overview is not signed and contains no mandate.
quote-for-users = for: { $names }
quote-promo = Promotional price per workstation, kept for the initial contract term (FAQ 1.12).
quote-months = { $count ->
    [one] { $count } month
   *[other] { $count } months
}
quote-commitment-rule = Each workstation on this { $kind ->
    [quote] quote
   *[overview] overview
} counts for { $months } (minimum term one year, FAQ 1.20); workstations you add later through the self-service module: { $later } [FAQ 1.20]; optional applications: { $options } [FAQ 1.19]; one-time costs in full.

## Quote in the CLI
quote-cli-first-year = First-year cost: { $net } excl. VAT, { $gross } incl. VAT (12 × per month + one-time)
quote-cli-commitment = Minimum contract commitment: { $net } excl. VAT ({ $gross } incl. VAT)

## SEPA mandate
sepa-debtor-name = Account holder
sepa-debtor-address = Account holder's address
sepa-description = Payment description
sepa-description-value = MKB Werkplek Online, monthly invoice, customer { $id }
sepa-signer = Name of signatory
sepa-consent = By signing this mandate form, you authorise (A) { $creditor } to send instructions to your bank to debit your account and (B) your bank to debit your account in accordance with the instructions from { $creditor_end } As part of your rights, you are entitled to a refund from your bank under the terms and conditions of your agreement with your bank. A refund must be claimed within eight weeks starting from the date on which your account was debited. Your rights are explained in a statement that you can obtain from your bank.

## Plan
plan-draft-note = Provisional planning: while this proposal is a draft, the dates are not fixed. The final planning follows the complete intake and the signing.
plan-today = Today
plan-desired = Desired go-live
plan-phase = Phase
plan-go-live = Go-live
plan-days = Days
plan-weekend-days = { $count ->
    [one] { $count } weekend day
   *[other] { $count } weekend days
}
plan-closed = Closed
plan-window = { $window ->
    [weekend] Migration and cut-over take place at the weekend, as you asked.
    [evening] Migration and cut-over take place on weekday evenings, as you asked.
   *[any] Migration and cut-over take place outside office hours on working days.
}
plan-closure = Your business is closed from { $from } to { $until }: nothing is planned in that period.
plan-too-early = The desired go-live on { $desired } cannot be met; the earliest feasible date is { $earliest }.
plan-slack = There is slack: the earliest possible go-live is { $earliest }. Migration and training are scheduled back from the desired go-live; { $days ->
    [one] { $days } working day of slack lies
   *[other] { $days } working days of slack lie
} before the migration.

# What the plan needs for dates and the intake does not say yet (issue 13, 3).
plan-gap-workstations = the number of workstations
plan-gap-volumes = the size of e-mail and files
plan-gap-list = { $init } and { $last }
plan-gap-locations = the locations
plan-unknown = The plan cannot give dates yet: it still lacks { $missing }. Below is how many days each phase takes; the dates follow once this is known.
plan-unknown-short = Cannot be planned yet: it still lacks { $missing }.
plan-no-date = not yet known
