# The intake model's words and the report's summary and current situation (src/advice/model.rs,
# src/export/, src/report/summary.rs, situation.rs).

location-unnamed = locatie { $entry }

peripheral-card-reader = kaartlezer
peripheral-dictation = dicteerapparatuur
peripheral-label-printer = labelprinter
peripheral-payment-terminal = pinautomaat
peripheral-scanner = scanner
peripheral-measuring = meetapparatuur

lan-networks = Gescande netwerken
lan-printers = Printers
lan-servers = Servers
lan-network-devices = Netwerkapparatuur
lan-workstations = Computers
lan-other = Overige apparaten

summary-go-live = Startdatum
summary-desired = Gewenste startdatum
summary-earliest = Vroegst mogelijke startdatum
summary-feasible = De gewenste startdatum is haalbaar.
summary-infeasible = De gewenste startdatum is niet haalbaar; de vroegst mogelijke datum staat hierboven.
summary-none-desired = Er is geen gewenste startdatum opgegeven.
summary-first-year = Eerste jaar (12 maanden + eenmalig)

situation-unassigned = Meting zonder locatie
situation-unassigned-note = Deze meting is niet aan een locatie toegewezen en telt daarom bij geen enkele locatie mee.
situation-measured-on = Gemeten op
situation-users = Gebruikers
situation-name = Naam
situation-email = E-mailadres
situation-role = Functie
situation-mobile = Mobiel (sms)
situation-options = Opties
situation-mobile-missing = ontbreekt
situation-apps = Bedrijfsapplicaties
situation-details = Gegevens
situation-lan = Netwerkinventaris (netwerkscan)
situation-computers = Computers
situation-none-measured = Er is nog geen computer gemeten.

findings-advice = Toelichting en advies
