# Versleuteling: de sleutel van de database, versleutelde bundels, alleen-lezen en volle schijven.

crypt-ask-passphrase = Wachtwoordzin voor { $path }: 
crypt-choose-passphrase = De database { $path } wordt versleuteld. Kies een wachtwoordzin (minstens 8 tekens): 
crypt-repeat-passphrase = Herhaal de wachtwoordzin: 
crypt-passphrases-differ = De twee wachtwoordzinnen verschillen; probeer het opnieuw.
crypt-bad-passphrase = Deze wachtwoordzin kan niet: { $reason }.
crypt-why-empty = hij is leeg
crypt-why-short = hij is korter dan 8 tekens
crypt-why-control = hij bevat een stuurteken
crypt-wrong-passphrase = Onjuiste wachtwoordzin (poging { $attempt } van 3).
crypt-no-passphrase-chosen = er is geen wachtwoordzin gekozen; er is niets geschreven
crypt-choose-bundle-passphrase = Kies een wachtwoordzin voor de bundel (minstens 8 tekens): 
crypt-ask-bundle-passphrase = Wachtwoordzin van de bundel: 
crypt-press-enter = Druk op Enter om verder te gaan. 
crypt-wrong-key-file = kan { $path } niet openen: de sleutel in { $file } (INTAKE_KEY_FILE) past niet (een verkeerde sleutel, of een bestand dat geen intake-database is); het bestand is niet aangeraakt
crypt-no-key = { $path } is versleuteld en er is geen sleutel gevonden: geen sleutelbos van het systeem heeft er een, INTAKE_KEY_FILE is niet gezet en er is geen terminal om de wachtwoordzin te vragen; het bestand is niet aangeraakt
crypt-no-key-for-new = kan de versleutelde database { $path } niet maken: er is geen sleutelbos van het systeem en geen terminal om een wachtwoordzin te vragen; zet INTAKE_KEY_FILE=PAD (daar komt een nieuwe sleutel, alleen voor u leesbaar) of start intake in een terminal
crypt-home-file = in het sleutelbestand { $file } (modus 0600)
crypt-home-keyring = in de sleutelbos van uw systeem ({ $entry })
crypt-home-passphrase = de wachtwoordzin die u net koos; die wordt nergens bewaard
crypt-new-database = let op: de nieuwe database { $path } is versleuteld; de sleutel staat { $home }. Zonder die sleutel kan niemand de database lezen, ook u niet: er is geen weg terug. Bewaar een kopie van de sleutel op een veilige plek, niet op deze computer.
crypt-read-only = let op: u kunt { $path } niet beschrijven; de database is alleen-lezen geopend: lezen en exporteren werken, wijzigingen kunnen niet worden opgeslagen
crypt-disk-full-note = let op: de schijf met { $dir } is vol ({ $free } bytes vrij); de database is alleen-lezen geopend: lezen en exporteren naar een andere schijf werken, wijzigingen kunnen pas worden opgeslagen als daar ruimte is vrijgemaakt
crypt-disk-full = de schijf met { $dir } is vol ({ $free } bytes vrij): deze wijziging is niet opgeslagen; alles wat eerder is opgeslagen blijft bewaard. Maak daar ruimte vrij en probeer het opnieuw.
crypt-write-read-only = { $path } is alleen-lezen geopend: deze wijziging is niet opgeslagen; alles wat eerder is opgeslagen blijft bewaard
crypt-plain-bundle = let op: { $path } is NIET versleuteld: het bevat de persoonsgegevens van de klant als leesbare tekst; gebruik --encrypt voor een bundel die deze computer verlaat
err-db-not-regular = { $path } is een { $what }, geen databasebestand; het is niet aangeraakt
err-db-needs-key = { $path } is versleuteld (of helemaal geen database) en er is geen sleutel opgegeven; het bestand is niet aangeraakt
err-db-wrong-key = kan { $path } niet openen: de sleutel past niet (een verkeerde sleutel of wachtwoordzin, of een bestand dat geen intake-database is); het bestand is niet aangeraakt
err-db-read-only-upgrade = { $path } kan alleen gelezen worden, maar heeft schemaversie { $found } en moet worden bijgewerkt; open het eenmaal waar het beschreven kan worden
crypt-cannot-read-passphrase = kan geen wachtwoordzin lezen van de terminal: { $reason }

# Het sleutelbestand (INTAKE_KEY_FILE).
keyfile-cannot-open = sleutelbestand { $path } ({ $env }): kan het niet openen
keyfile-no-mode = sleutelbestand { $path } ({ $env }): kan de rechten niet lezen
keyfile-not-regular = sleutelbestand { $path } ({ $env }) is geen gewoon bestand
keyfile-too-open = sleutelbestand { $path } ({ $env }) heeft rechten { $mode }, dus anderen kunnen het lezen; het moet 0600 zijn (voer uit: chmod 600 { $path }); de sleutel is niet gebruikt
keyfile-not-yours = sleutelbestand { $path } ({ $env }) is van gebruiker-id { $owner }, niet van u ({ $me }); de sleutel is niet gebruikt
keyfile-not-text = sleutelbestand { $path } ({ $env }): kan het niet als tekst lezen
keyfile-too-large = sleutelbestand { $path } ({ $env }) is groter dan { $limit }{"\u00A0"}bytes: geen sleutel
keyfile-bad-key = sleutelbestand { $path } ({ $env }): { $reason }
keyfile-cannot-write = kan het nieuwe sleutelbestand { $path } niet schrijven

# Versleutelde bundels (age).
bundle-reading-passphrase-file = bij het lezen van het wachtwoordzinbestand
bundle-no-terminal = er is een wachtwoordzin nodig en geen terminal om erom te vragen: geef --passphrase-file PAD (een bestand dat alleen u kunt lezen)
bundle-not-age = { $file }: geen leesbaar age-bestand
bundle-age-to-key = { $file }: dit age-bestand is versleuteld voor een sleutel, niet met een wachtwoordzin; ontsleutel het met het age-programma dat die sleutel heeft en lees het resultaat in
bundle-wrong-passphrase = { $file }: verkeerde wachtwoordzin (of het bestand is gewijzigd); er is niets ingelezen
bundle-cannot-decrypt = { $file }: kan niet ontsleutelen: { $reason }; er is niets ingelezen
bundle-damaged = { $file }: de versleutelde inhoud is beschadigd

# intake db status|encrypt|rekey
db-status-none = { $path }: nog geen database; de eerste keer wordt hij versleuteld aangemaakt
db-status-plain = { $path }: NIET versleuteld (gewone SQLite); iedereen met de schijf kan hem lezen. Voer `intake db encrypt` uit om hem ter plekke te versleutelen.
db-status-encrypted = { $path }: versleuteld (SQLCipher); sleutel uit { $home }
db-key-from-file = het sleutelbestand { $file } ({ $env })
db-key-from-keyring = uw sleutelbos van het besturingssysteem ({ $entry })
db-key-from-passphrase = een wachtwoordzin (geen sleutelbestand of sleutelbos gevonden)
db-already-encrypted = { $path } is al versleuteld (gebruik `intake db rekey` om de sleutel te wijzigen)
db-not-there = { $path } bestaat nog niet; een nieuwe database is vanaf het begin versleuteld
db-not-encrypted-yet = { $path } is niet versleuteld; voer eerst `intake db encrypt` uit
db-keyring-refused = de sleutelbos van het besturingssysteem weigerde de nieuwe sleutel; { $path } is niet gewijzigd
db-passphrase-needs-terminal = een nieuwe wachtwoordzin moet in een terminal worden getypt
db-new-key-in-file = de nieuwe sleutel staat in { $file }
db-new-key-in-keyring = de nieuwe sleutel staat in uw sleutelbos van het besturingssysteem ({ $entry })
db-use-new-passphrase = gebruik voortaan de nieuwe wachtwoordzin
db-encrypted = { $path } versleuteld: { $tables ->
        [one] { $tables } tabel
       *[other] { $tables } tabellen
    }, { $rows ->
        [one] { $rows } rij
       *[other] { $rows } rijen
    } gekopieerd en gecontroleerd; de pagina's van het oude bestand zijn overschreven
db-rekeyed = { $path } van een nieuwe sleutel voorzien: { $tables ->
        [one] { $tables } tabel
       *[other] { $tables } tabellen
    }, { $rows ->
        [one] { $rows } rij
       *[other] { $rows } rijen
    } gekopieerd en gecontroleerd; de pagina's van het oude bestand zijn overschreven
