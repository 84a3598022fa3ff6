## Why a value was refused (store::reason); names from the file are kept as written.
reason-empty = must not be empty
reason-too-long = { $chars } characters, at most { $max } allowed
reason-control-chars = contains control characters
reason-too-many = { $count } entries, at most { $max }
reason-too-deep = nested deeper than { $max } levels
reason-too-big = { $bytes } bytes of JSON, at most { $max }
reason-time-out-of-range = a moment outside the years 1 to 9999
reason-not-an-object = expected a JSON object, starting with {"{"}

## Answer keys: `section.question` or `group[N].question`
key-too-long = longer than { $max } bytes
key-shape = expected `section.question` or `group[N].question`
key-too-many-parts = more than { $max } parts
key-last-indexed = the last part is a question and takes no [N]
key-part = part { $number } ({ $part }): { $problem }
key-part-empty = empty name
key-part-start = a name starts with a letter or _
key-part-too-long = name longer than { $max } characters
key-part-chars = a name holds only letters, digits and _
key-index-shape = expected [N] after the group name
key-index-not-number = [{ $digits }] is not a number from 1 (without leading zeros)
key-index-too-large = [{ $digits }] is larger than { $max }

## Files that are no intake bundle
bundle-format-is = `format` is { $found }, expected "intake-bundle"
bundle-format-missing = `format` is missing
bundle-version-missing = `format_version` is missing or not a whole number
bundle-format-mismatch = format { $found } version { $version }, expected "intake-bundle" version { $expected }

## The structure of a bundle (serde's faults, in words)
json-unknown-field = unknown field `{ $field }`
json-unknown-value = unknown value `{ $value }`; possible: { $allowed }
json-missing-field = the field `{ $field }` is missing
json-wrong-kind = wrong kind of value (text, number, list or object)
json-duplicate-key = answer key "{ $key }" appears twice
json-bad-moment = not a valid moment; write it as RFC 3339, for example 2026-11-27T14:05:00Z

## Places in a bundle that have no JSON path
bundle-path-top = the top level
bundle-path-end = the end of the file
bundle-path-whole = the bundle
