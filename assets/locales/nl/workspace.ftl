# Wat de werkruimte weigert (elke voorkant toont deze meldingen).
ws-customer-empty = de naam van de klant is leeg
ws-customer-too-long = de naam van de klant is langer dan 200 tekens
ws-customer-control = de naam van de klant bevat een stuurteken ({ $what }); gebruik één regel gewone tekst
ws-no-entry = '{ $group }' heeft geen invulling { $n }
ws-no-entry-max = '{ $group }' heeft geen invulling { $n } (de invullingen zijn 1 tot en met { $max })
ws-not-a-group = '{ $group }' is geen herhalend onderdeel
ws-form-standard-differs = { $file }: formulier '{ $form }' versie { $version } heeft de id en versie van het ingebouwde formulier maar een andere inhoud; verhoog de versie
ws-form-known-differs = { $file }: formulier '{ $form }' versie { $version } is al bekend met een andere inhoud; verhoog de versie
ws-form-unknown-version = formulier '{ $form }' versie { $version } is niet bekend in dit programma of deze database
ws-bundle-unknown-form = onbekend formulier '{ $form }': dit programma kent '{ $known }'; begin eerst een intake met `intake new --form BESTAND` van dat formulier
ws-bundle-form-too-new = formulier '{ $form }' versie { $version } is nieuwer dan de versies die hier bekend zijn (tot en met { $newest })
ws-bundle-no-question = { $key }: formulier '{ $form }' heeft zo'n vraag niet
ws-bundle-too-many-entries = { $key }: '{ $group }' heeft hoogstens { $max } invullingen
ws-bundle-key-shape = { $key }: verkeerde vorm van de sleutel voor '{ $group }'
ws-bundle-calculated = { $key }: deze vraag wordt berekend en heeft geen antwoord
ws-bundle-invalid = { $count ->
        [one] { $count } ongeldig antwoord
       *[other] { $count } ongeldige antwoorden
    }, er is niets ingelezen:
      { $list }
ws-bundle-not-a-conflict = geen conflict van deze import: { $keys }; er is niets ingelezen
