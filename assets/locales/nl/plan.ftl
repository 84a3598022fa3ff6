# Namen van de fasen van het migratieplan (assets/plan.toml), per fase-id.

plan-phase-intake = Intake en advies
plan-phase-quote = Offerte en ondertekening
plan-phase-measures = Maatregelen (bekabeling, verbinding)
plan-phase-order = Bestelling
plan-phase-delivery = Levering eerste werkplek
plan-phase-migration-manual = Migratie data en e-mail (handleiding)
plan-phase-migration-project = Migratieproject data en e-mail
plan-phase-custom-hosting = Maatwerkhosting bedrijfsapplicatie
plan-phase-dns-change = DNS-wijziging
plan-phase-training = Training gebruikers
plan-phase-go-live = Livegang
plan-phase-aftercare = Nazorg
