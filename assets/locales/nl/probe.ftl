# Metingen: de bandbreedtemeting (fouten, waarschuwingen, uitkomsten) en de schermen ervan.

bw-err-resolve = meetserver { $server }: het adres is niet te vinden: { $reason }
bw-err-connect = meetserver { $server } ({ $addr }): { $step }: { $reason }
bw-err-not-ours = { $server } ({ $addr }) is geen intake-meetserver (intake bandwidth-server): { $what }
bw-err-protocol = meetserver { $server }: { $message }
bw-err-interrupted = meetserver { $server }: { $cause } tijdens de { $phase }; de meting is gestopt en er zijn geen uitkomsten bewaard
bw-err-refused = meetserver { $server } weigerde de meting: { $message }
bw-err-cancelled = meting afgebroken
bw-err-options = ongeldige instellingen: { $message }

bw-phase-latency = vertragingsmeting
bw-phase-download = download
bw-phase-upload = upload
bw-phase-single = download over één verbinding

bw-step-connect = verbinden
bw-step-setup = verbinding instellen
bw-step-hello = begroeting
bw-step-welcome = wachten op het welkom
bw-step-connect-data = verbinden voor de { $phase }
bw-step-data-hello = begroeting voor de { $phase }

bw-cause-closed = de server verbrak de verbinding
bw-cause-broken = de verbinding met de server brak af ({ $reason })
bw-cause-refused = verbinding geweigerd: op die poort luistert niets (draait daar `intake bandwidth-server`?)
bw-cause-no-answer = geen antwoord binnen { $seconds } s (de computer staat uit, of een firewall houdt de verbinding tegen)
bw-cause-unreachable = het netwerk kan hem niet bereiken ({ $reason })
bw-cause-no-data = { $seconds } s lang kwamen er geen gegevens van de server (de verbinding of de server stopte)
bw-cause-nothing-received = de server ontving { $seconds } s lang niets (de verbinding of de server stopte)
bw-cause-echo-timeout = de server beantwoordde een vertragingsmeting niet binnen { $seconds } s
bw-cause-data-refused = de server weigerde een gegevensverbinding ({ $message })
bw-cause-not-test-data = de server stuurde iets anders dan meetgegevens
bw-cause-echo-refused = de server weigerde de vertragingsverbinding: { $message }
bw-cause-control-too-long = de server stuurde een te lange regel
bw-cause-no-counts = er kwamen geen tellingen binnen
bw-cause-counts-stopped = de tellingen hielden op voor het einde van de meetperiode
bw-cause-start-failed = een gegevensverbinding kon niet worden gestart

bw-foreign-closed = hij verbrak de verbinding zonder welkom
bw-foreign-silent = hij nam de verbinding aan maar zei binnen { $seconds } s niets
bw-foreign-answered = hij antwoordde { $text }

bw-warn-server-silent = de server meldde niet met welke congestieregeling hij de download verstuurde (een oudere intake?); gevraagd was { $asked }
bw-warn-server-refused = de server kon de download niet met { $asked } versturen: { $reason }; hij gebruikte { $used }
bw-warn-client-refused = deze computer kon de upload niet met { $asked } versturen: { $reason }; hij gebruikte { $used }
bw-refusal-not-available = die zit niet in de kernel van dat systeem
bw-refusal-not-allowed = die is voor die gebruiker niet toegestaan (net.ipv4.tcp_allowed_congestion_control)
bw-refusal-unsupported = dat systeem kan de congestieregeling niet per verbinding kiezen
bw-refusal-other = { $reason }
bw-cc-default = de standaard
bw-cc-unknown = onbekend

bw-cli-loaded-directions = (bij downloaden { $down }, bij uploaden { $up })
bw-cli-measured = gemeten  { $streams } verbindingen; download { $down }{"\u00A0"}s na { $downwarm }{"\u00A0"}s opwarmen ({ $downcc }), upload { $up }{"\u00A0"}s na { $upwarm }{"\u00A0"}s opwarmen ({ $upcc })
bw-cli-warning = waarschuwing: { $text }

probe-under-load = onder belasting

report-latency-title = Vertraging per locatie
report-latency-location = Locatie
report-latency-idle = In rust
report-latency-loaded-down = Onder belasting, downloaden
report-latency-loaded-up = Onder belasting, uploaden
