# The customer's web form and browser speed test (`intake serve`, src/web).

web-title = Intake MKB Werkplek Online
web-skip = Skip to the questions
web-step = Step
web-of = of
web-progress = answered
web-prev = Previous
web-next = Next
web-save = Save
web-saved = Saved
web-save-failed = Not saved: check your connection and try again.
web-review = Review and submit
web-sections = Sections
web-add = Add
web-remove = Remove
web-required = required
web-missing = Not answered yet
web-errors = To correct
web-all-done = All required questions are answered.
web-confirm = I understand that I filled in this intake myself and that I am responsible for the accuracy and completeness of the information. If incorrect or incomplete information causes extra work, this may lead to extra costs (FAQ 3.3).
web-confirm-needed = Please tick the box first to confirm you understand.
web-submit = Submit
web-submit-blocked = You can submit once every required question is answered and nothing is wrong.
web-submitted = Thank you. Your answers have been sent; our specialist will contact you. You can still read them below, but no longer change them.
web-read-only = This intake has been submitted and can no longer be changed.
web-gone = This link does not work (any more). Ask your contact person for a new link.
web-too-many = Too many attempts. Please try again in a few minutes.
web-forbidden = This request was refused: reload the page and try again.
web-too-large = This is too much text to save at once.
web-server-error = Something went wrong while saving. Your earlier answers are kept; please try again.
web-not-found = This page does not exist.
web-yes = Yes
web-no = No
web-no-answer = (no answer)
web-language = Nederlands
web-speed = Measure the speed of your internet connection
web-speed-intro = Run this test at the office, on a computer connected to the office network. Close other programs that use a lot of internet. The test takes about 20 seconds.
web-speed-location = Which location are you measuring?
web-speed-start = Start the test
web-speed-needs-js = The speed test needs JavaScript to be enabled in your browser.
web-speed-down = Download
web-speed-up = Upload
web-speed-ping = Latency (idle)
web-speed-loaded = Latency (loaded)
web-speed-saved = The measurement has been saved. Thank you.
web-speed-running = Measuring…
web-speed-failed = The test failed. Check your connection and try again.
web-speed-no-location = First enter at least one location in the questions about your locations.
web-speed-link = Measure internet speed
web-unknown = I don't know
web-entry = Number
web-calculated = Calculated

# intake invite
web-invite-valid = valid until { $until } (UTC); the link is not stored: keep or send it now
web-invite-customer-only = note: the customer sees the customer questions only; specialist questions stay with you
web-invite-revoked = { $count ->
    [one] { $count } link of intake { $id } ended
   *[other] { $count } links of intake { $id } ended
}
web-invite-none = intake { $id } has no links
web-invite-header = #    state      created           expires           by
status-returned = returned
web-unknown-conflict = Give an answer or tick "I don't know", not both.
