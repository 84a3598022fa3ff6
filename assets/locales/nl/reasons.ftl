## Why a value was refused (store::reason); names from the file are kept as written.
reason-empty = mag niet leeg zijn
reason-too-long = { $chars } tekens, hoogstens { $max } toegestaan
reason-control-chars = bevat stuurtekens
reason-too-many = { $count } items, hoogstens { $max }
reason-too-deep = dieper genest dan { $max } niveaus
reason-too-big = { $bytes } bytes JSON, hoogstens { $max }
reason-time-out-of-range = een moment buiten de jaren 1 tot en met 9999
reason-not-an-object = een JSON-object verwacht, beginnend met {"{"}

## Answer keys: `sectie.vraag` or `groep[N].vraag`
key-too-long = langer dan { $max } bytes
key-shape = verwacht `sectie.vraag` of `groep[N].vraag`
key-too-many-parts = meer dan { $max } delen
key-last-indexed = het laatste deel is een vraag en krijgt geen [N]
key-part = deel { $number } ({ $part }): { $problem }
key-part-empty = lege naam
key-part-start = een naam begint met een letter of _
key-part-too-long = naam langer dan { $max } tekens
key-part-chars = een naam bevat alleen letters, cijfers en _
key-index-shape = [N] verwacht na de naam van de groep
key-index-not-number = [{ $digits }] is geen getal vanaf 1 (zonder voorloopnullen)
key-index-too-large = [{ $digits }] is groter dan { $max }

## Files that are no intake bundle
bundle-format-is = `format` is { $found }, verwacht "intake-bundle"
bundle-format-missing = `format` ontbreekt
bundle-version-missing = `format_version` ontbreekt of is geen geheel getal
bundle-format-mismatch = formaat { $found } versie { $version }, verwacht "intake-bundle" versie { $expected }

## The structure of a bundle (serde's faults, in words)
json-unknown-field = onbekend veld `{ $field }`
json-unknown-value = onbekende waarde `{ $value }`; mogelijk: { $allowed }
json-missing-field = het veld `{ $field }` ontbreekt
json-wrong-kind = verkeerd soort waarde (tekst, getal, lijst of object)
json-duplicate-key = antwoordsleutel "{ $key }" staat er twee keer in
json-bad-moment = geen geldig moment; schrijf het als RFC 3339, bijvoorbeeld 2026-11-27T14:05:00Z

## Places in a bundle that have no JSON path
bundle-path-top = het begin van het bestand
bundle-path-end = het einde van het bestand
bundle-path-whole = de bundel
