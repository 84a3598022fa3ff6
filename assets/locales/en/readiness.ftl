# Why a workstation is (not) ready (src/probe/readiness): $gb is formatted with one decimal.

ready-memory-unread = memory could not be read
ready-memory-short = { $gb }{"\u00A0"}GB memory, at least { $need }{"\u00A0"}GB needed
ready-memory-low = { $gb }{"\u00A0"}GB memory, { $advised }{"\u00A0"}GB recommended
ready-memory-ok = { $gb }{"\u00A0"}GB memory, sufficient
ready-disk-none = no disk found
ready-disk-short = { $gb }{"\u00A0"}GB free on { $mount }, at least { $need }{"\u00A0"}GB needed
ready-disk-low = { $gb }{"\u00A0"}GB free on { $mount }, { $advised }{"\u00A0"}GB recommended
ready-disk-ok = { $gb }{"\u00A0"}GB free on { $mount }, sufficient
ready-cpu-short = { $count ->
    [one] { $count } CPU core, at least { $need } needed
   *[other] { $count } CPU cores, at least { $need } needed
}
ready-cpu-low = { $count ->
    [one] { $count } CPU core, { $advised } recommended
   *[other] { $count } CPU cores, { $advised } recommended
}
ready-cpu-ok = { $count ->
    [one] { $count } CPU core, sufficient
   *[other] { $count } CPU cores, sufficient
}
ready-os-unlisted = operating system { $os } is not in the list; check its support
ready-os-supported = { $os } is supported
ready-os-ended = { $os } is out of support since { $end }
ready-os-ending = { $days ->
    [one] { $os } is supported for { $days } more day (until { $end })
   *[other] { $os } is supported for { $days } more days (until { $end })
}
ready-os-until = { $os } is supported until { $end }
