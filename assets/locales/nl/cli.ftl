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
