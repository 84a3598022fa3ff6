# The intake model's words and the report's summary and current situation (src/advice/model.rs,
# src/export/, src/report/summary.rs, situation.rs).

location-unnamed = location { $entry }

peripheral-card-reader = card reader
peripheral-dictation = dictation equipment
peripheral-label-printer = label printer
peripheral-payment-terminal = payment terminal
peripheral-scanner = scanner
peripheral-measuring = measuring equipment

lan-networks = Networks scanned
lan-printers = Printers
lan-servers = Servers
lan-network-devices = Network devices
lan-workstations = Computers
lan-other = Other devices

summary-go-live = Go-live
summary-desired = Desired go-live
summary-earliest = Earliest possible go-live
summary-feasible = The desired go-live can be met.
summary-infeasible = The desired go-live cannot be met; the earliest possible date is given above.
summary-none-desired = No desired go-live was given.
summary-first-year = First year (12 months + one-time)

situation-unassigned = Measurement without a location
situation-unassigned-note = This measurement is not assigned to a location, so it counts for none of them.
situation-measured-on = Measured on
situation-users = Users
situation-name = Name
situation-email = E-mail address
situation-role = Role
situation-mobile = Mobile (SMS)
situation-options = Options
situation-mobile-missing = missing
situation-apps = Business applications
situation-details = Details
situation-lan = Network inventory (network scan)
situation-computers = Computers
situation-none-measured = No computer has been measured yet.

findings-advice = Explanation and advice
