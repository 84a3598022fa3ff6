# The TUI's Probes screen while it measures and what it shows afterwards
# (src/tui/probes.rs, probes_view.rs). The other texts of the screen are tv-* in tui-views.ftl.

tp-unit-mbit-s = Mbit/s
tp-unit-ms = ms
tp-unit-s = s
tp-cancelling = Cancelling the measurement…
tp-lan-title = { $count ->
    [one] Scanning 1 address in { $networks }
   *[other] Scanning { $count } addresses in { $networks }
}
tp-bandwidth-title = Measuring bandwidth with { $server }
tp-lan-progress = { $probed }/{ $total } — { $count ->
    [one] 1 host found
   *[other] { $count } hosts found
}
tp-stopped = the measurement stopped unexpectedly
tp-cancelled = Measurement cancelled; nothing saved.
tp-phase-latency = Latency
tp-phase-download = Download speed
tp-phase-upload = Upload speed
tp-phase-single-stream = Single-connection speed
# $value: "42.4 Mbit/s" or "0.1 ms"
tp-progress = { $phase } { $value }
tp-progress-warming-up = { $phase } { $value } (warming up)
tp-verdict-ready = ready
tp-verdict-attention = needs attention
tp-verdict-not-ready = not ready
tp-workstation-summary = workstation { $host } — { $os } — { $verdict }
tp-lan-summary = network { $networks } — { $count ->
    [one] 1 host
   *[other] { $count } hosts
}
