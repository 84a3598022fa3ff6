# Nothing lost, nothing leaked: import and merge of bundles, restore, purge, refused input.

intake-deleted-note = Intake { $id } deleted; `intake restore { $id }` brings it back until `intake purge { $id }`.
intake-restored = Intake { $id } ({ $customer }) is back in the list.
purge-still-on-disk = Intake { $id } is erased from the database, but old copies are still on disk in { $wal }: another program (e.g. an open intake window) is still reading the database. Close it: the file is emptied when the last program closes the database.

import-merged = { $file } merged into intake { $id }: { $taken ->
        [one] 1 answer
       *[other] { $taken } answers
    } taken from the bundle, { $kept } kept (changed here after the export), { $decided ->
        [one] 1 conflict
       *[other] { $decided } conflicts
    } decided
import-decided = { $key }: { $won } (instead of { $lost }, kept in the history)
import-conflicts = { $file }: { $count ->
        [one] 1 answer was
       *[other] { $count } answers were
    } changed both here (intake { $id }) and in the bundle since the export; nothing imported:
import-conflict = { $key }: here { $ours }, in the bundle { $theirs } (at export { $base })
import-conflicts-more = … and { $count } more
import-conflicts-hint = choose per key with --ours=KEY,KEY or --theirs=KEY,KEY, or for all with --ours or --theirs
import-no-answer = (no answer)
import-nothing-to-merge = { $file }: no intake here comes from this bundle, so there is nothing to merge; import it without --ours or --theirs
import-both-all = --ours and --theirs cannot both be for all conflicts; name the keys of one
import-key-twice = { $key } is given to both --ours and --theirs

answer-control-line = This answer contains a control character ({ $char }); enter one line of plain text.
answer-control-text = This answer contains a control character ({ $char }); only text, line breaks and tabs are allowed.
answer-date-range = Enter a date between { $from } and { $to }.
answer-vat-check = This VAT id fails its check digit. Check for typing errors.
