# Encryption at rest: the database key, encrypted bundles, read-only and full disks.

crypt-ask-passphrase = Passphrase for { $path }: 
crypt-choose-passphrase = The database { $path } will be encrypted. Choose a passphrase (8 characters or more): 
crypt-repeat-passphrase = Repeat the passphrase: 
crypt-passphrases-differ = The two passphrases differ; try again.
crypt-bad-passphrase = This passphrase will not do: { $reason }.
crypt-why-empty = it is empty
crypt-why-short = it is shorter than 8 characters
crypt-why-control = it holds a control character
crypt-wrong-passphrase = Wrong passphrase (attempt { $attempt } of 3).
crypt-no-passphrase-chosen = no passphrase was chosen; nothing was written
crypt-choose-bundle-passphrase = Choose a passphrase for the bundle (8 characters or more): 
crypt-ask-bundle-passphrase = Passphrase of the bundle: 
crypt-press-enter = Press Enter to go on. 
crypt-wrong-key-file = cannot open { $path }: the key in { $file } (INTAKE_KEY_FILE) does not fit (a wrong key, or a file that is not an intake database); the file was left untouched
crypt-no-key = { $path } is encrypted and no key was found: no OS keyring holds one, INTAKE_KEY_FILE is not set, and there is no terminal to ask for the passphrase; the file was left untouched
crypt-no-key-for-new = cannot create the encrypted database { $path }: no OS keyring is available and there is no terminal to ask for a passphrase; set INTAKE_KEY_FILE=PATH (a new key is written there, readable by you only) or run intake in a terminal
crypt-home-file = in the key file { $file } (mode 0600)
crypt-home-keyring = in your OS keyring ({ $entry })
crypt-home-passphrase = in the passphrase you just chose; it is stored nowhere
crypt-new-database = note: the new database { $path } is encrypted; its key is { $home }. Without that key nobody can read the database, you included: there is no way back. Keep a copy of the key somewhere safe, away from this computer.
crypt-read-only = note: { $path } cannot be written by you; it is opened read-only: reading and exporting work, changes cannot be saved
crypt-disk-full-note = note: the disk holding { $dir } is full ({ $free } bytes free); the database is opened read-only: reading and exporting to another disk work, changes cannot be saved until space is freed there
crypt-disk-full = the disk holding { $dir } is full ({ $free } bytes free): this change was not saved; everything saved before is kept. Free some space there and try again.
crypt-write-read-only = { $path } is opened read-only: this change was not saved; everything saved before is kept
crypt-plain-bundle = note: { $path } is NOT encrypted: it holds the customer's personal data in plain text; use --encrypt for a bundle that leaves this computer
err-db-not-regular = { $path } is a { $what }, not a database file; it was left untouched
err-db-needs-key = { $path } is encrypted (or is not a database at all) and no key was given; the file was left untouched
err-db-wrong-key = cannot open { $path }: the key does not fit (a wrong key or passphrase, or a file that is not an intake database); the file was left untouched
err-db-read-only-upgrade = { $path } can only be read (read-only), but it has schema version { $found } and needs an upgrade; open it once where it can be written
crypt-cannot-read-passphrase = cannot read a passphrase from the terminal: { $reason }

# The key file (INTAKE_KEY_FILE).
keyfile-cannot-open = key file { $path } ({ $env }): cannot open it
keyfile-no-mode = key file { $path } ({ $env }): cannot read its mode
keyfile-not-regular = key file { $path } ({ $env }) is not a regular file
keyfile-too-open = key file { $path } ({ $env }) has mode { $mode }, so others can read it; it must be 0600 (run: chmod 600 { $path }); the key was not used
keyfile-not-yours = key file { $path } ({ $env }) belongs to user id { $owner }, not to you ({ $me }); the key was not used
keyfile-not-text = key file { $path } ({ $env }): cannot read it as text
keyfile-too-large = key file { $path } ({ $env }) is larger than { $limit }{"\u00A0"}bytes: not a key
keyfile-bad-key = key file { $path } ({ $env }): { $reason }
keyfile-cannot-write = cannot write the new key file { $path }

# Encrypted bundles (age).
bundle-reading-passphrase-file = reading the passphrase file
bundle-no-terminal = a passphrase is needed and there is no terminal to ask it on: give --passphrase-file PATH (a file readable by you only)
bundle-not-age = { $file }: not a readable age file
bundle-age-to-key = { $file }: this age file is encrypted to a key, not to a passphrase; decrypt it with the age tool that holds that key, then import the result
bundle-wrong-passphrase = { $file }: wrong passphrase (or the file was changed); nothing was imported
bundle-cannot-decrypt = { $file }: cannot decrypt: { $reason }; nothing was imported
bundle-damaged = { $file }: the encrypted content is damaged

# intake db status|encrypt|rekey
db-status-none = { $path }: no database yet; the first run creates it encrypted
db-status-plain = { $path }: NOT encrypted (plain SQLite); anyone with the disk can read it. Run `intake db encrypt` to encrypt it in place.
db-status-encrypted = { $path }: encrypted (SQLCipher); key from { $home }
db-key-from-file = the key file { $file } ({ $env })
db-key-from-keyring = your OS keyring ({ $entry })
db-key-from-passphrase = a passphrase (no key file or keyring entry found)
db-already-encrypted = { $path } is already encrypted (use `intake db rekey` to change its key)
db-not-there = { $path } does not exist yet; a new database is encrypted from the start
db-not-encrypted-yet = { $path } is not encrypted; run `intake db encrypt` first
db-keyring-refused = the OS keyring refused the new key; { $path } was not changed
db-passphrase-needs-terminal = a new passphrase needs a terminal to be typed on
db-new-key-in-file = the new key is in { $file }
db-new-key-in-keyring = the new key is in your OS keyring ({ $entry })
db-use-new-passphrase = use the new passphrase from now on
db-encrypted = { $path } encrypted: { $tables ->
        [one] { $tables } table
       *[other] { $tables } tables
    }, { $rows ->
        [one] { $rows } row
       *[other] { $rows } rows
    } copied and verified; the old file's pages were overwritten
db-rekeyed = { $path } re-keyed: { $tables ->
        [one] { $tables } table
       *[other] { $tables } tables
    }, { $rows ->
        [one] { $rows } row
       *[other] { $rows } rows
    } copied and verified; the old file's pages were overwritten
