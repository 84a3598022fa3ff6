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

# show, history, delete, export
show-deleted = DELETED on { $date }: no longer listed, can still be exported; `intake purge { $id }` erases it for good
show-progress = { $given }/{ $required } required answers given ({ $percent }%), { $errors ->
        [one] { $errors } error
       *[other] { $errors } errors
    }
show-missing = Missing:
show-errors = Errors:
show-orphans = No longer in the form (kept):
history-empty = No changes yet.
history-head-when = when
history-head-who = by
history-head-key = answer
history-head-change = old → new
confirm-choices = [y/N]
delete-confirm = Delete intake { $id } ({ $customer }) from the list?
purge-confirm = Erase intake { $id } ({ $customer }) with all its history and probes for good?
delete-not-confirmed = not confirmed; nothing deleted (use --yes to confirm without asking)
file-writing = writing { $path }

# form check / form show
form-check-ok = ok (form '{ $form }' version { $version }, { $sections ->
        [one] { $sections } section
       *[other] { $sections } sections
    }, { $questions ->
        [one] { $questions } question
       *[other] { $questions } questions
    })
form-check-errors = { $count ->
        [one] { $count } error
       *[other] { $count } errors
    }
form-show-repeat = repeats { $min } to { $max } times
form-show-specialist = specialist
form-show-relevant = only if { $expr }
form-show-choices = choices: { $ids }

# report
report-not-pdf = { $path }: the report is a PDF; give a file name ending in .pdf
report-written = { $size }{"\u00A0"}bytes, SHA-256 { $sha }

# probe workstation / probe import
probe-written = probe written to { $path }; import it with: intake probe import ID { $path }
probe-saved = saved with intake { $id }
probe-saved-replaced = saved with intake { $id } (replaced this machine's earlier result)
probe-import-added = { $host } (added)
probe-import-replaced = { $host } (same machine as an earlier probe: replaced)
ws-cpu = processor
ws-cpu-text = { $model } ({ $cores ->
        [one] { $cores } core
       *[other] { $cores } cores
    })
ws-memory = memory
ws-memory-text = { $total } in total, { $available } available
ws-disk = disk
ws-disk-text = { $mount }: { $free } free of { $total }
ws-net = network
ws-verdict = verdict
ws-verdict-ready = ready
ws-verdict-attention = needs attention
ws-verdict-not_ready = not ready
ws-verdict-unknown = unknown
ws-unreadable = could not read: { $what }

# probe lan
lan-scanning = scanning { $count ->
        [one] { $count } address
       *[other] { $count } addresses
    } in { $networks } (TCP ports { $ports })
lan-progress = { $probed }/{ $total } probed, { $up } up, { $seconds }
lan-head-address = address
lan-head-role = role
lan-head-ports = open ports
lan-head-hostname = host name
lan-role-workstation = workstation
lan-role-server = server
lan-role-printer = printer
lan-role-network_device = network device
lan-role-unknown = unknown
lan-hosts = { $count ->
        [one] { $count } host
       *[other] { $count } hosts
    }

# probe bandwidth / bandwidth-server
bw-seconds-range = --seconds must be between 1 and 120
bw-cli-warming-up = { $rate } (warming up)
bw-cli-download = download speed
bw-cli-upload = upload speed
bw-cli-latency = latency
bw-cli-latency-text = { $latency } (jitter { $jitter })
bw-cli-loaded = latency under load
bw-no-locations-yet = none yet
bw-unknown-location = --location '{ $given }': intake { $id } has no such location (give its number or name); its locations: { $known }
bw-server-bad-listen = --listen { $listen }: expected ADDRESS:PORT, e.g. 0.0.0.0:5201
bw-server-listening = bandwidth server listening on { $addr } (nothing is stored or forwarded)
bw-server-serving = serving on { $addr }
