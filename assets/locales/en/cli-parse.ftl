# clap's parse errors, worded by us (src/cli/parse_errors.rs). $arg, $name, $value are what
# the user typed or the option's name; $args, $valid, $names, $other are quoted lists.

clap-unknown-argument = unknown option '{ $arg }'
clap-unknown-subcommand = unknown command '{ $name }'
clap-missing-argument = { $count ->
    [one] a required argument is missing: { $args }
   *[other] required arguments are missing: { $args }
}
clap-missing-subcommand = '{ $name }' needs a command: { $valid }
clap-missing-value = '{ $arg }' needs a value
clap-invalid-value = invalid value '{ $value }' for '{ $arg }'
clap-possible-values = possible: { $values }
clap-expected-whole-number = a whole number was expected
clap-expected-address = an address:port was expected, for example 0.0.0.0:5201
clap-unexpected-value = unexpected value '{ $value }' for '{ $arg }'
clap-repeated-argument = '{ $arg }' may be given only once
clap-conflict = '{ $arg }' cannot be used with { $other }
clap-no-equals = '{ $arg }' needs an equals sign: { $arg }=VALUE
clap-did-you-mean = tip: did you mean { $names }?
clap-more-help = More: add --help.

## Faults in a JSON file (src/cli/errors.rs), after serde_json's category and position
err-json-position = line { $line }, column { $column }
err-json-expected-value = a value was expected
err-json-trailing = there is more after the end
err-json-trailing-comma = a comma too many
err-json-key-string = a key must be text in quotes
err-json-punctuation = a comma, bracket or colon was expected
