# The form engine's own checks (a form's own messages live in its TOML).

form-integer = Vul een geheel getal in.
form-decimal = Vul een getal in, bijv. 2,5.
form-yes-no = Antwoord met ja of nee.
form-date = Vul een bestaande datum in, bijv. 27-11-2026.
form-email = Vul een geldig e-mailadres in, bijv. naam@bedrijf.nl.
form-mobile = Vul een Nederlands mobiel nummer in: 06 en 8 cijfers, of +316 en 8 cijfers.
form-mobile-pager = 066-nummers zijn semafoonnummers en ontvangen geen sms.
form-mobile-m2m = 097-nummers zijn voor machines en ontvangen geen sms voor het inloggen.
form-postcode = Vul een postcode in als 1234 AB.
form-postcode-letters = De lettercombinatie { $letters } wordt in postcodes niet gebruikt.
form-kvk = Een KvK-nummer heeft precies 8 cijfers.
form-vat = Een btw-id is NL, 9 cijfers, B en 2 cijfers, bijv. NL123456782B01.
form-iban = Vul een IBAN in, bijv. NL91 ABNA 0417 1643 00.
form-iban-length = Een Nederlands IBAN heeft 18 tekens.
form-iban-check = Dit IBAN klopt niet (controlegetal). Controleer op tikfouten.
form-calculated = Deze vraag wordt niet ingevuld; de waarde wordt berekend.
form-not-a-choice = '{ $value }' is geen keuze; kies uit: { $choices }.
form-min = Minimaal { $value }{ $unit }.
form-max = Maximaal { $value }{ $unit }.
form-max-length = Maximaal { $count } { $count ->
    [one] teken
   *[other] tekens
}.
form-wrong-type = waarde past niet bij het type { $kind }
form-unknown-question = onbekende vraag '{ $key }'

# Answer keys and setting answers (intake set / unset).
key-invalid = '{ $key }' is geen antwoordsleutel (gebruik sectie.vraag of groep[N].vraag)
key-counted-from-one = '{ $key }': items tellen vanaf 1
set-use-key-value = gebruik SLEUTEL=WAARDE
set-no-such-question = het formulier '{ $form }' heeft geen vraag '{ $key }'
set-too-many-entries = '{ $group }' heeft hoogstens { $count } items
set-is-a-group = '{ $group }' is een herhaalgroep: gebruik { $group }[N].{ $question }
set-not-a-group = '{ $group }' is geen herhaalgroep
set-calculated = deze vraag wordt berekend en kan niet worden ingevuld
set-unknown-key = geen antwoord en geen vraag met deze sleutel
