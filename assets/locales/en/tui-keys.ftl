# The TUI's keys, editors and data safety (issues 14 and 16): editors, lists of choices,
# jumps, the trash, changes made elsewhere, the self-filled return file.

tui-too-long = Too long: this answer has at most { $max } characters; { $cut } characters not inserted.
tui-conflict = Changed elsewhere meanwhile to «{ $value }». Enter saves yours anyway; Esc keeps «{ $value }».
tui-conflict-empty = (empty)
tui-conflict-status = Changed elsewhere while you typed; nothing overwritten.
tui-changed-elsewhere = Updated: changed elsewhere.
tui-ticks-not-saved = Not saved yet: Enter or Tab saves the choice, Esc cancels.
tui-draft-not-saved = Draft not saved: { $error }
tui-nothing-open = Nothing left open.
tui-all-answered = Every question is answered.
tui-jump-title = Go to section
tui-trash-moved = Intake { $id } moved to the trash. u = undo, t = trash.
tui-trash-restored = Intake { $id } restored.
tui-trash-title = Trash
tui-trash-empty = The trash is empty. Esc = back to the list.
tui-return-file = Done. Send this file back: { $path }
tui-return-file-taken = { $dir }: { $count } files named { $stem } already

## Postcodes and numbers with a unit (form checks)

postcode-leading-zero = a postcode does not start with 0
postcode-four-digits = a postcode starts with 4 digits
postcode-two-letters = the 4 digits are followed by exactly 2 letters
postcode-wrong = { $typed }: { $why }.
unit-other = Enter the number in { $unit }; { $typed } is another unit.
unit-none = Enter just a number, without { $typed }.

## Keys

key-save-next = save, next
key-tick = tick
key-cancel = cancel
key-section = section
key-choose = choose
key-close = close
key-open-item = open item
key-next-item = next item
key-trash = trash
key-restore = restore
key-back = back
help-jump = go to section (number, list)
help-next-problem = next open item: missing, wrong or warned about
help-next-unanswered = next unanswered question
help-review = review: what is missing, wrong or warned about
help-trash = trash / undo the last delete
help-open = open: type or choose (changes nothing)
help-save-next = save and go on (choices too)
help-save-back = save and go back
help-cancel = cancel: the saved answer stays

## The delete dialog of the list

tui-delete-confirm = Delete intake { $id } ({ $name })?
    It goes to the trash (t) until 'intake purge'.
    y = yes, n or Esc = no
key-new-line = new line
