# What the workspace refuses (every front end shows these).
ws-customer-empty = the customer name is empty
ws-customer-too-long = the customer name is longer than 200 characters
ws-customer-control = the customer name contains a control character ({ $what }); use one line of plain text
ws-no-entry = '{ $group }' has no entry { $n }
ws-no-entry-max = '{ $group }' has no entry { $n } (entries are 1 to { $max })
ws-not-a-group = '{ $group }' is not a repeat group
ws-form-standard-differs = { $file }: form '{ $form }' version { $version } is the built-in form's id and version but has other content; raise its version
ws-form-known-differs = { $file }: form '{ $form }' version { $version } is already known with other content; raise its version
ws-form-unknown-version = form '{ $form }' version { $version } is not known to this program or database
ws-bundle-unknown-form = unknown form '{ $form }': this program knows '{ $known }'; start an intake with `intake new --form FILE` of that form first
ws-bundle-form-too-new = form '{ $form }' version { $version } is newer than the versions known here (up to { $newest })
ws-bundle-no-question = { $key }: form '{ $form }' has no such question
ws-bundle-too-many-entries = { $key }: '{ $group }' has at most { $max } entries
ws-bundle-key-shape = { $key }: wrong key shape for '{ $group }'
ws-bundle-calculated = { $key }: this question is calculated and has no answer
ws-bundle-invalid = { $count ->
        [one] { $count } invalid answer
       *[other] { $count } invalid answers
    }, nothing imported:
      { $list }
ws-bundle-not-a-conflict = not a conflict of this import: { $keys }; nothing imported
