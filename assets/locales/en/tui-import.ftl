# Importing a bundle in the TUI (issue 14): the file name, the passphrase, the preview of a
# merge, the conflict screen, the confirm and the result.

tui-import-title = Import a file
tui-import-path-prompt = The file the customer returned or a colleague exported (.json, or encrypted .age). Type or paste its path:
tui-import-passphrase-title = Encrypted file
tui-import-passphrase-prompt = { $file } is encrypted. Type the file's passphrase:
tui-import-no-path = Type the path of the file first.
tui-import-no-passphrase = Type the passphrase first.
tui-import-cancelled = Import cancelled; nothing was changed.
tui-import-changed-meanwhile = The intake was changed elsewhere meanwhile; below is what merging does now. Nothing has been changed yet.
tui-import-undecided = { $count ->
    [one] 1 conflict has no choice yet: choose o (here) or t (file).
   *[other] { $count } conflicts have no choice yet: choose o (here) or t (file).
}

tui-import-preview-title = Merge into intake { $id }: { $customer }
tui-import-preview-intro = { $file } comes from this intake (exported on { $date }). Merging does the following; nothing has been changed yet.
tui-import-taken-head = { $count ->
    [0] Taken from the file: no answers.
    [one] Taken from the file: 1 answer.
   *[other] Taken from the file: { $count } answers.
}
tui-import-kept-head = { $count ->
    [0] Changed here and kept: no answers.
    [one] Changed here and kept: 1 answer.
   *[other] Changed here and kept: { $count } answers.
}
tui-import-conflicts-head = { $count ->
    [0] Conflicts: none.
    [one] Changed on both sides, you choose: 1 conflict.
   *[other] Changed on both sides, you choose: { $count } conflicts.
}

tui-import-conflicts-title = Conflicts: { $decided } of { $count } chosen
tui-import-conflicts-intro = These answers were changed both here and in the file since the export. Choose per answer: o keeps the answer from here, t takes the one from the file. O or T chooses for every row. The other value stays in the history.
tui-import-at-export = at export:
tui-import-ours = here:
tui-import-theirs = file:
tui-import-no-choice = ? to choose
tui-import-chose-ours = here
tui-import-chose-theirs = file
tui-import-entry-label = { $item } { $n }: { $label }
tui-import-no-answer = (no answer)

tui-import-confirm-merge = Merge into intake { $id } ({ $customer })? { $taken ->
    [one] 1 answer from the file,
   *[other] { $taken } answers from the file,
} { $kept ->
    [one] 1 stays as it is here,
   *[other] { $kept } stay as they are here,
} { $count ->
    [0] no conflicts.
    [one] 1 conflict: { $ours } kept from here, { $theirs } from the file.
   *[other] { $count } conflicts: { $ours } kept from here, { $theirs } from the file.
} Replaced values stay in the history.

    y = yes, merge
    n or any other key = no
tui-import-confirm-as-new = Import as a new intake? Then { $customer } is in the list twice; intake { $id } stays as it is.

    y = yes, as a new intake
    n or any other key = no

tui-import-done-new = Imported as new intake { $id } ({ $customer }).
tui-import-done-merged = Merged into intake { $id } ({ $customer }): { $taken ->
    [one] 1 answer taken,
   *[other] { $taken } answers taken,
} { $kept } kept, { $count ->
    [0] no conflicts.
    [one] 1 conflict resolved ({ $ours } here, { $theirs } from the file).
   *[other] { $count } conflicts resolved ({ $ours } here, { $theirs } from the file).
}
tui-import-done-keys =
    Enter = open the intake
    Esc = back to the list

tui-import-key-read = read
tui-import-key-complete = complete
tui-import-choices = { $more ->
    [0] { $count } names match: { $names }
   *[other] { $count } names match: { $names } and { $more } more
}
tui-import-key-decrypt = decrypt
tui-import-key-conflicts = choose conflicts
tui-import-key-merge = merge
tui-import-key-scroll = scroll
tui-import-key-as-new = as a new intake
tui-import-key-ours = keep here
tui-import-key-theirs = from file
tui-import-key-conflict = conflict
tui-import-key-all = all here / all file
tui-import-key-apply = apply
tui-import-key-yes = yes
tui-import-key-no = no
tui-import-key-open = open intake
tui-import-key-list = to the list
tui-import-key-import = import

tui-import-help = import a file (merge, choose conflicts)
tui-import-help-conflicts = (in conflicts) here / file; O T: all rows
