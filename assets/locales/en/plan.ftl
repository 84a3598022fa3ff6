# Names of the migration plan's phases (assets/plan.toml), by phase id.

plan-phase-intake = Intake and advice
plan-phase-quote = Quote and signing
plan-phase-measures = Measures (cabling, connection)
plan-phase-order = Order
plan-phase-delivery = Delivery of the first workstation
plan-phase-migration-manual = Data and e-mail migration (manual)
plan-phase-migration-project = Data and e-mail migration project
plan-phase-custom-hosting = Custom hosting of business application
plan-phase-dns-change = DNS change
plan-phase-training = User training
plan-phase-go-live = Go-live
plan-phase-aftercare = Aftercare
