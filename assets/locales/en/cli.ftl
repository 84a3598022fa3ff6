# The command line: tables, messages and errors.

error-prefix = error
list-empty = No intakes yet. Start with: intake new --customer "Name"
list-head-id = id
list-head-customer = customer
list-head-mode = mode
list-head-status = status
list-head-progress = progress
list-head-updated = updated

mode-on_site = on site
mode-online = online
mode-self = self-filled
status-draft = draft
status-complete = complete
status-exported = sent

# Errors of the database and of bundles (the file, intake or key they concern is named).
err-db-prepare = cannot prepare database file { $path }: { $reason }
err-db-open = cannot open database { $path }: { $reason }
err-db-too-new = database { $path } has schema version { $found }, but this program only knows schema versions up to { $supported }; use a newer version of intake (the file was left untouched)
err-db-not-ours = { $path } is not an intake database ({ $reason }); the file was left untouched
err-db-migration = upgrading the database to schema version { $version } failed: { $reason }
err-intake-not-found = intake { $id } not found
err-intake-deleted = intake { $id } is deleted; restore it before changing it
err-invalid-key = invalid answer key { $key }: { $reason }
err-invalid = invalid { $field }: { $reason }
err-corrupt = intake { $id }: stored { $what } is damaged: { $reason }
err-sqlite = database error: { $reason }
err-bundle = bundle: { $reason }
err-bundle-too-large = the file is { $size } bytes; a bundle may be at most { $limit } bytes
err-bundle-truncated = the file ends too early (truncated?): { $reason }
err-bundle-syntax = not valid JSON: { $reason }
err-bundle-not-a-bundle = not an intake bundle: { $reason }
err-bundle-too-new = bundle format version { $found } is newer than this program supports (up to { $supported }); use a newer intake
err-bundle-unsupported = bundle format version { $found } is not supported
err-bundle-at = at { $path }: { $reason }

# The operating system's errors, by kind.
io-not-found = no such file or folder
io-permission-denied = permission denied
io-already-exists = already exists
io-storage-full = the disk is full
io-read-only = the file system is read-only
io-is-a-directory = is a folder, not a file
io-not-a-directory = part of the path is not a folder

# Reading a file the user named (a bundle, a form, a probe file).
file-cannot-open = cannot open the file: { $reason }
file-cannot-read = cannot read the file: { $reason }
file-too-large = larger than the { $limit }{"\u00A0"}byte limit for { $kind }
file-not-utf8 = not UTF-8 text (byte { $byte })
file-kind-form = a form
file-kind-bundle = a bundle
file-kind-probe = a probe file
file-kind-other = this file
