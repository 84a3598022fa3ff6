# clap's parse errors, worded by us (src/cli/parse_errors.rs). $arg, $name, $value are what
# the user typed or the option's name; $args, $valid, $names, $other are quoted lists.

clap-unknown-argument = onbekende optie '{ $arg }'
clap-unknown-subcommand = onbekende opdracht '{ $name }'
clap-missing-argument = { $count ->
    [one] een verplicht argument ontbreekt: { $args }
   *[other] verplichte argumenten ontbreken: { $args }
}
clap-missing-subcommand = '{ $name }' vraagt om een opdracht: { $valid }
clap-missing-value = '{ $arg }' heeft een waarde nodig
clap-invalid-value = ongeldige waarde '{ $value }' voor '{ $arg }'
clap-possible-values = mogelijk: { $values }
clap-expected-whole-number = een geheel getal verwacht
clap-expected-address = een adres:poort verwacht, bijvoorbeeld 0.0.0.0:5201
clap-unexpected-value = onverwachte waarde '{ $value }' voor '{ $arg }'
clap-repeated-argument = '{ $arg }' mag maar één keer gegeven worden
clap-conflict = '{ $arg }' kan niet samen met { $other }
clap-no-equals = '{ $arg }' vraagt een isgelijkteken: { $arg }=WAARDE
clap-did-you-mean = tip: bedoelde u { $names }?
clap-more-help = Meer uitleg: voeg --help toe.

## Faults in a JSON file (src/cli/errors.rs), after serde_json's category and position
err-json-position = regel { $line }, kolom { $column }
err-json-expected-value = waarde verwacht
err-json-trailing = er staat nog iets na het einde
err-json-trailing-comma = komma te veel
err-json-key-string = een sleutel moet tekst tussen aanhalingstekens zijn
err-json-punctuation = komma, haakje of dubbele punt verwacht
