# The command line: tables, messages and errors.

error-prefix = fout
list-empty = Nog geen intakes. Begin met: intake new --customer "Naam"
list-head-id = nr
list-head-customer = klant
list-head-mode = vorm
list-head-status = status
list-head-progress = voortgang
list-head-updated = gewijzigd

mode-on_site = op locatie
mode-online = online
mode-self = zelf ingevuld
status-draft = concept
status-complete = compleet
status-exported = verstuurd

# Errors of the database and of bundles (the file, intake or key they concern is named).
err-db-prepare = kan databasebestand { $path } niet voorbereiden: { $reason }
err-db-open = kan database { $path } niet openen: { $reason }
err-db-too-new = database { $path } heeft schemaversie { $found }, maar dit programma kent versies tot en met { $supported }; gebruik een nieuwere versie van intake (het bestand is niet aangeraakt)
err-db-not-ours = { $path } is geen intake-database ({ $reason }); het bestand is niet aangeraakt
err-db-migration = bijwerken van de database naar schemaversie { $version } mislukt: { $reason }
err-intake-not-found = intake { $id } bestaat niet
err-intake-deleted = intake { $id } is verwijderd; zet hem eerst terug
err-invalid-key = ongeldige antwoordsleutel { $key }: { $reason }
err-invalid = ongeldige { $field }: { $reason }
err-corrupt = intake { $id }: opgeslagen { $what } is beschadigd: { $reason }
err-sqlite = databasefout: { $reason }
err-bundle = bundel: { $reason }
err-bundle-too-large = het bestand is { $size } bytes; een bundel mag hoogstens { $limit } bytes zijn
err-bundle-truncated = het bestand houdt te vroeg op (afgebroken?): { $reason }
err-bundle-syntax = geen geldige JSON: { $reason }
err-bundle-not-a-bundle = geen intake-bundel: { $reason }
err-bundle-too-new = bundelformaat versie { $found } is nieuwer dan dit programma kent (tot en met { $supported }); gebruik een nieuwere intake
err-bundle-unsupported = bundelformaat versie { $found } wordt niet ondersteund
err-bundle-at = bij { $path }: { $reason }

# The operating system's errors, by kind.
io-not-found = bestand of map bestaat niet
io-permission-denied = geen toestemming
io-already-exists = bestaat al
io-storage-full = de schijf is vol
io-read-only = het bestandssysteem is alleen-lezen
io-is-a-directory = is een map, geen bestand
io-not-a-directory = een deel van het pad is geen map

# Reading a file the user named (a bundle, a form, a probe file).
file-cannot-open = kan het bestand niet openen: { $reason }
file-cannot-read = kan het bestand niet lezen: { $reason }
file-too-large = groter dan de grens van { $limit }{"\u00A0"}bytes voor { $kind }
file-not-utf8 = geen UTF-8-tekst (byte { $byte })
file-kind-form = een formulier
file-kind-bundle = een bundel
file-kind-probe = een meetbestand
file-kind-other = dit bestand

# show, history, delete, export
show-deleted = VERWIJDERD op { $date }: niet meer in de lijst, wel te exporteren; `intake purge { $id }` wist het definitief
show-progress = { $given }/{ $required } verplichte antwoorden gegeven ({ $percent }%), { $errors ->
        [one] { $errors } fout
       *[other] { $errors } fouten
    }
show-missing = Ontbreekt:
show-errors = Fouten:
show-orphans = Niet meer in het formulier (bewaard):
history-empty = Nog geen wijzigingen.
history-head-when = wanneer
history-head-who = door
history-head-key = antwoord
history-head-change = oud → nieuw
confirm-choices = [j/N]
delete-confirm = Intake { $id } ({ $customer }) uit de lijst verwijderen?
purge-confirm = Intake { $id } ({ $customer }) met de hele geschiedenis en alle metingen definitief wissen?
delete-not-confirmed = niet bevestigd; er is niets verwijderd (gebruik --yes om zonder vragen te bevestigen)
file-writing = { $path } schrijven

# form check / form show
form-check-ok = in orde (formulier '{ $form }' versie { $version }, { $sections ->
        [one] { $sections } onderdeel
       *[other] { $sections } onderdelen
    }, { $questions ->
        [one] { $questions } vraag
       *[other] { $questions } vragen
    })
form-check-errors = { $count ->
        [one] { $count } fout
       *[other] { $count } fouten
    }
form-show-repeat = herhaalt { $min } tot { $max } keer
form-show-specialist = specialist
form-show-relevant = alleen als { $expr }
form-show-choices = keuzes: { $ids }

# report
report-not-pdf = { $path }: het rapport is een pdf; geef een bestandsnaam die eindigt op .pdf
report-written = { $size }{"\u00A0"}bytes, SHA-256 { $sha }

# probe workstation / probe import
probe-written = meting geschreven naar { $path }; lees hem in met: intake probe import NR { $path }
probe-saved = bewaard bij intake { $id }
probe-saved-replaced = bewaard bij intake { $id } (de eerdere meting van deze machine is vervangen)
probe-import-added = { $host } (toegevoegd)
probe-import-replaced = { $host } (dezelfde machine als een eerdere meting: vervangen)
ws-cpu = processor
ws-cpu-text = { $model } ({ $cores ->
        [one] { $cores } kern
       *[other] { $cores } kernen
    })
ws-memory = geheugen
ws-memory-text = { $total } totaal, { $available } beschikbaar
ws-disk = schijf
ws-disk-text = { $mount }: { $free } vrij van { $total }
ws-net = netwerk
ws-verdict = oordeel
ws-verdict-ready = gereed
ws-verdict-attention = vraagt aandacht
ws-verdict-not_ready = niet gereed
ws-verdict-unknown = onbekend
ws-unreadable = niet te lezen: { $what }

# probe lan
lan-scanning = { $count ->
        [one] { $count } adres
       *[other] { $count } adressen
    } in { $networks } doorzoeken (TCP-poorten { $ports })
lan-progress = { $probed }/{ $total } geprobeerd, { $up } bereikbaar, { $seconds }
lan-head-address = adres
lan-head-role = rol
lan-head-ports = open poorten
lan-head-hostname = hostnaam
lan-role-workstation = werkplek
lan-role-server = server
lan-role-printer = printer
lan-role-network_device = netwerkapparaat
lan-role-unknown = onbekend
lan-hosts = { $count ->
        [one] { $count } apparaat
       *[other] { $count } apparaten
    }

# probe bandwidth / bandwidth-server
bw-seconds-range = --seconds moet tussen 1 en 120 liggen
bw-cli-warming-up = { $rate } (opwarmen)
bw-cli-download = downloadsnelheid
bw-cli-upload = uploadsnelheid
bw-cli-latency = vertraging
bw-cli-latency-text = { $latency } (jitter { $jitter })
bw-cli-loaded = vertraging onder belasting
bw-no-locations-yet = nog geen
bw-unknown-location = --location '{ $given }': intake { $id } heeft zo'n locatie niet (geef het nummer of de naam); de locaties: { $known }
bw-server-bad-listen = --listen { $listen }: verwacht ADRES:POORT, bijv. 0.0.0.0:5201
bw-server-listening = meetserver voor bandbreedte luistert op { $addr } (er wordt niets bewaard of doorgestuurd)
bw-server-serving = luisteren op { $addr }
