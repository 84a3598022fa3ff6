# Probes: the bandwidth measurement (errors, warnings, results) and its views.

bw-err-resolve = bandwidth server { $server }: cannot resolve the address: { $reason }
bw-err-connect = bandwidth server { $server } ({ $addr }): { $step }: { $reason }
bw-err-not-ours = { $server } ({ $addr }) is not an intake bandwidth-server: { $what }
bw-err-protocol = bandwidth server { $server }: { $message }
bw-err-interrupted = bandwidth server { $server }: { $cause } during the { $phase }; the measurement was stopped and no figures were kept
bw-err-refused = bandwidth server { $server } refused the test: { $message }
bw-err-cancelled = measurement cancelled
bw-err-options = invalid options: { $message }

bw-phase-latency = latency test
bw-phase-download = download
bw-phase-upload = upload
bw-phase-single = single-stream download

bw-step-connect = connect
bw-step-setup = socket setup
bw-step-hello = hello
bw-step-welcome = waiting for the welcome
bw-step-connect-data = connect for the { $phase }
bw-step-data-hello = data hello for the { $phase }

bw-cause-closed = the server closed the connection
bw-cause-broken = the connection to the server broke ({ $reason })
bw-cause-refused = connection refused: nothing listens on that port (is `intake bandwidth-server` running there?)
bw-cause-no-answer = no answer within { $seconds } s (the host is down, or a firewall drops the connection)
bw-cause-unreachable = the network cannot reach it ({ $reason })
bw-cause-no-data = no data arrived from the server for { $seconds } s (the link or the server stopped)
bw-cause-nothing-received = the server received no data for { $seconds } s (the link or the server stopped)
bw-cause-echo-timeout = the server did not answer a latency probe within { $seconds } s
bw-cause-data-refused = the server refused a data connection ({ $message })
bw-cause-not-test-data = the server sent something other than test data
bw-cause-echo-refused = the server refused the latency connection: { $message }
bw-cause-control-too-long = the server sent an over-long control line
bw-cause-no-counts = no byte counts arrived
bw-cause-counts-stopped = the byte counts stopped short of the measured window
bw-cause-start-failed = a data connection could not be started

bw-foreign-closed = it closed the connection without a welcome
bw-foreign-silent = it accepted the connection but said nothing within { $seconds } s
bw-foreign-answered = it answered { $text }

bw-warn-server-silent = the server did not say which congestion control it sent the download with (an older intake?); { $asked } was asked for
bw-warn-server-refused = the server could not send the download with { $asked }: { $reason }; it used { $used }
bw-warn-client-refused = this machine could not send the upload with { $asked }: { $reason }; it used { $used }
bw-refusal-not-available = it is not available in that system's kernel
bw-refusal-not-allowed = it is not allowed for that user (net.ipv4.tcp_allowed_congestion_control)
bw-refusal-unsupported = that system cannot choose the congestion control per connection
bw-refusal-other = { $reason }
bw-cc-default = its default
bw-cc-unknown = unknown

bw-cli-loaded-directions = (downloading { $down }, uploading { $up })
bw-cli-measured = measured  { $streams } streams; download { $down }{"\u00A0"}s after { $downwarm }{"\u00A0"}s warm-up ({ $downcc }), upload { $up }{"\u00A0"}s after { $upwarm }{"\u00A0"}s warm-up ({ $upcc })
bw-cli-warning = warning: { $text }

probe-under-load = under load

report-latency-title = Latency per location
report-latency-location = Location
report-latency-idle = Idle
report-latency-loaded-down = Under load, downloading
report-latency-loaded-up = Under load, uploading
