# The TUI's list of intakes, the new-intake dialog, and what every screen shares (status
# bar, language switch, the too-small message): src/tui/{home,home_view,app,view}.rs.

th-app = intake
th-product = — MKB Werkplek Online
th-sort = sortering: { $order }
th-sort-updated = laatst gewijzigd
th-sort-customer = klant
th-sort-status = status
th-sort-progress = voortgang
th-welcome =
    Welkom bij intake.

    Hier komen de intakes voor MKB Werkplek Online.
    Druk op n om de eerste te beginnen: de naam van de klant,
    de manier (op locatie, online of zelf), en dan vraag voor vraag.

    Alles wat u invult wordt direct opgeslagen.
    Een ingevuld voorbeeld: stop met q en typ 'intake demo'.
th-col-customer = Klant
th-col-mode = Manier
th-col-status = Status
th-col-progress = Voortgang
th-col-changed = Gewijzigd
th-no-match = Niets gevonden voor dit filter.
th-customer-name = Klantnaam
th-mode-question = Manier van intake (FAQ 3.1)
th-new-title = Nieuwe intake
th-name-needed = Vul de naam van de klant in.
# $time: "09:15"
th-today-at = vandaag { $time }

th-lang-switched = Taal: Nederlands
th-lang-not-remembered = { $switched } — niet onthouden: { $error }
th-all-saved = Alles wordt direct opgeslagen.
th-too-small =
    Het venster is te klein ({ $width }×{ $height }).
    Maak het minstens { $min_width }×{ $min_height }.

    { $ctrl }-C: stoppen (alles is opgeslagen)
