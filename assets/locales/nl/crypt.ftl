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
