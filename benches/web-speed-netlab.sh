#!/usr/bin/env bash
# web-speed-netlab.sh - the browser speed test of `intake serve` against iperf3 on a
# shaped link (50/10 Mbit/s, 20 ms RTT by default), in network namespaces.
#
# Uses the network lab of NETLAB (default /work/shared/netlab/netlab.sh): it runs
# iperf3 (4 streams, CUBIC) and ping on the shaped link, then this script's
# WAN_EXTRA: `intake serve` in the server namespace, chromedriver and headless
# Chromium in the client namespace, the speed test page driven over WebDriver
# (benches/web-speed-webdriver.py) RUNS times. Compare the lines it logs with
# iperf3's receiver figures above them. Root only; nothing leaves the lab; every
# process is ended by PID and every namespace deleted by the lab's trap.
#
# Knobs: INTAKE_BIN (default target/release/intake), RUNS=3, DELAYLINE_BIN (default
#   target/release/examples/delayline; empty: the lab's own Python line, which tops out
#   near 113 Mbit/s), and the lab's own (DOWN_MBIT=50 UP_MBIT=10 RTT_MS=20 QUEUE_MS=50 ...).
set -euo pipefail
NETLAB=${NETLAB:-/work/shared/netlab/netlab.sh}
BIN=$(realpath "${INTAKE_BIN:-target/release/intake}")
HERE=$(cd "$(dirname "$0")" && pwd)
RUNS=${RUNS:-3}
[ -x "$BIN" ] || { echo "no intake binary at $BIN (set INTAKE_BIN)" >&2; exit 1; }
command -v chromedriver >/dev/null || { echo "chromedriver missing (apt-get install -y chromium chromium-driver)" >&2; exit 1; }
export WORK=${WORK:-$(mktemp -d -t webspeed.XXXXXX)}
export SKIP_LAN=1
export WAN_EXTRA='
  db=$WORK/web.db; key=$WORK/web.key; url=http://$SRV:8080
  INTAKE_KEY_FILE=$key '"$BIN"' --db $db new --customer Lab --mode self >/dev/null
  INTAKE_KEY_FILE=$key '"$BIN"' --db $db set 1 "locations[1].name=Lab" >/dev/null
  link=$(INTAKE_KEY_FILE=$key '"$BIN"' --db $db invite 1 --public-url $url | head -1)
  bg ${P}srv env INTAKE_KEY_FILE=$key '"$BIN"' --db $db serve --listen $SRV:8080 --public-url $url
  bg ${P}cli chromedriver --port=9515
  sleep 3
  for i in $(seq '"$RUNS"'); do
    log "browser speed test $i: $(nsx ${P}cli python3 '"$HERE"'/web-speed-webdriver.py http://127.0.0.1:9515 $link/speed 180 $WORK/chrome-$i)"
  done
'
DELAYLINE_BIN=${DELAYLINE_BIN-target/release/examples/delayline}
if [ -n "$DELAYLINE_BIN" ]; then
  # The lab as it is, with our Rust delay line in place of its Python one (same
  # arguments, same stop on SIGTERM, its counts on stderr): 180/40 Mbit/s needs it.
  DELAYLINE_BIN=$(realpath "$DELAYLINE_BIN")
  [ -x "$DELAYLINE_BIN" ] || { echo "no delay line at $DELAYLINE_BIN (cargo build --release --example delayline)" >&2; exit 1; }
  mkdir -p "$WORK"
  sed 's|bg ${P}wan "$PY" "$WORK/delaybridge.py" ws wc "$HALF"|bg ${P}wan "'"$DELAYLINE_BIN"'" ws wc "$HALF"|' \
    "$NETLAB" >"$WORK/netlab.sh"
  grep -q "$DELAYLINE_BIN" "$WORK/netlab.sh" || { echo "the lab's delay line call changed; cannot swap it" >&2; exit 1; }
  NETLAB=$WORK/netlab.sh
fi
exec bash "$NETLAB"
