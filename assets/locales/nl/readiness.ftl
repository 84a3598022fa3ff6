# Why a workstation is (not) ready (src/probe/readiness): $gb is formatted with one decimal.

ready-memory-unread = geheugen kon niet worden gelezen
ready-memory-short = { $gb }{"\u00A0"}GB geheugen, minimaal { $need }{"\u00A0"}GB nodig
ready-memory-low = { $gb }{"\u00A0"}GB geheugen, { $advised }{"\u00A0"}GB aanbevolen
ready-memory-ok = { $gb }{"\u00A0"}GB geheugen, voldoende
ready-disk-none = geen schijf gevonden
ready-disk-short = { $gb }{"\u00A0"}GB vrij op { $mount }, minimaal { $need }{"\u00A0"}GB nodig
ready-disk-low = { $gb }{"\u00A0"}GB vrij op { $mount }, { $advised }{"\u00A0"}GB aanbevolen
ready-disk-ok = { $gb }{"\u00A0"}GB vrij op { $mount }, voldoende
ready-cpu-short = { $count ->
    [one] { $count } processorkern, minimaal { $need } nodig
   *[other] { $count } processorkernen, minimaal { $need } nodig
}
ready-cpu-low = { $count ->
    [one] { $count } processorkern, { $advised } aanbevolen
   *[other] { $count } processorkernen, { $advised } aanbevolen
}
ready-cpu-ok = { $count ->
    [one] { $count } processorkern, voldoende
   *[other] { $count } processorkernen, voldoende
}
ready-os-unlisted = besturingssysteem { $os } staat niet in de lijst; ondersteuning nagaan
ready-os-supported = { $os } wordt ondersteund
ready-os-ended = { $os } wordt sinds { $end } niet meer ondersteund
ready-os-ending = { $days ->
    [one] { $os } wordt nog { $days } dag ondersteund (tot { $end })
   *[other] { $os } wordt nog { $days } dagen ondersteund (tot { $end })
}
ready-os-until = { $os } wordt ondersteund tot { $end }
