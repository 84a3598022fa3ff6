# The form engine's own checks (a form's own messages live in its TOML).

form-integer = Enter a whole number.
form-decimal = Enter a number, e.g. 2.5.
form-yes-no = Answer yes or no.
form-date = Enter a real date, e.g. 27-11-2026.
form-email = Enter a valid e-mail address, e.g. name@company.com.
form-mobile = Enter a Dutch mobile number: 06 and 8 digits, or +316 and 8 digits.
form-mobile-pager = 066 numbers are pager numbers and cannot receive text messages.
form-mobile-m2m = 097 numbers are machine-to-machine and cannot receive login text messages.
form-postcode = Enter a Dutch postcode like 1234 AB.
form-postcode-letters = The letters { $letters } are not used in Dutch postcodes.
form-kvk = A KvK (Chamber of Commerce) number has exactly 8 digits.
form-vat = A Dutch VAT id is NL, 9 digits, B and 2 digits, e.g. NL123456782B01.
form-iban = Enter an IBAN, e.g. NL91 ABNA 0417 1643 00.
form-iban-length = A Dutch IBAN has 18 characters.
form-iban-check = This IBAN fails its check digits. Check for typing errors.
form-calculated = This question is not answered; its value is calculated.
form-not-a-choice = '{ $value }' is not a choice; choose from: { $choices }.
form-min = At least { $value }{ $unit }.
form-max = At most { $value }{ $unit }.
form-max-length = At most { $count } { $count ->
    [one] character
   *[other] characters
}.
form-wrong-type = value does not fit the type { $kind }
form-unknown-question = unknown question '{ $key }'

# Answer keys and setting answers (intake set / unset).
key-invalid = '{ $key }' is not an answer key (use section.question or group[N].question)
key-counted-from-one = '{ $key }': entries are counted from 1
set-use-key-value = use KEY=VALUE
set-no-such-question = form '{ $form }' has no question '{ $key }'
set-too-many-entries = '{ $group }' has at most { $count } entries
set-is-a-group = '{ $group }' is a repeat group: use { $group }[N].{ $question }
set-not-a-group = '{ $group }' is not a repeat group
set-calculated = this question is calculated and cannot be set
set-unknown-key = no answer and no question with this key
