# The TUI's Probes screen while it measures and what it shows afterwards
# (src/tui/probes.rs, probes_view.rs). The other texts of the screen are tv-* in tui-views.ftl.

tp-unit-mbit-s = Mbit/s
tp-unit-ms = ms
tp-unit-s = s
tp-cancelling = Meting wordt afgebroken…
tp-lan-title = { $count ->
    [one] Netwerk scannen: 1 adres in { $networks }
   *[other] Netwerk scannen: { $count } adressen in { $networks }
}
tp-bandwidth-title = Bandbreedte meten met { $server }
tp-lan-progress = { $probed }/{ $total } — { $count ->
    [one] 1 apparaat gevonden
   *[other] { $count } apparaten gevonden
}
tp-stopped = de meting stopte onverwacht
tp-cancelled = Meting afgebroken; niets opgeslagen.
tp-phase-latency = Vertraging
tp-phase-download = Downloadsnelheid
tp-phase-upload = Uploadsnelheid
tp-phase-single-stream = Snelheid over één verbinding
# $value: "42,4 Mbit/s" or "0,1 ms"
tp-progress = { $phase } { $value }
tp-progress-warming-up = { $phase } { $value } (opwarmen)
tp-verdict-ready = geschikt
tp-verdict-attention = aandacht nodig
tp-verdict-not-ready = niet geschikt
tp-workstation-summary = werkplek { $host } — { $os } — { $verdict }
tp-lan-summary = netwerk { $networks } — { $count ->
    [one] 1 apparaat
   *[other] { $count } apparaten
}
