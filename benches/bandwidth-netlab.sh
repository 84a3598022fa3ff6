#!/usr/bin/env bash
# bandwidth-netlab.sh - accuracy of `intake probe bandwidth` on a shaped link.
#
# Builds a WAN in network namespaces (client <-veth-> [wan] <-veth-> server),
# shapes it with tbf (DOWN_MBIT towards the client, UP_MBIT towards the
# server) and a fixed delay of RTT_MS/2 each way (sch_netem when the kernel has
# it, else a user-space AF_PACKET delay line: this machine's kernel has no
# netem), then runs iperf3 and our tool on the same link and prints a table.
#
# Exits non-zero when our download/upload is not within TOL_IPERF_PCT of
# iperf3's receiver figure or not within TOL_RATE_PCT of the configured rate,
# or when our idle latency is not within TOL_LAT_MS of RTT_MS.
#
# Approach taken from shared/netlab/netlab.sh (copied, no run-time dependency).
# Run as root. Nothing is added to the root namespace; every process started
# is killed by PID and every namespace deleted on exit (trap).
#
# Knobs: INTAKE_BIN (default target/release/intake) DOWN_MBIT=50 UP_MBIT=10
#   RTT_MS=20 QUEUE_MS=50 DURATION=10 (s per direction) STREAMS=4 CC=cubic DELAY_MODE=auto|netem|userspace
#   TOL_IPERF_PCT=5 TOL_RATE_PCT=10 TOL_LAT_MS=2
set -euo pipefail

INTAKE_BIN=${INTAKE_BIN:-target/release/intake}
DOWN_MBIT=${DOWN_MBIT:-50}
UP_MBIT=${UP_MBIT:-10}
RTT_MS=${RTT_MS:-20}
QUEUE_MS=${QUEUE_MS:-50}
SECONDS_PER_DIR=${DURATION:-10}
STREAMS=${STREAMS:-4}
CC=${CC:-cubic}
DELAY_MODE=${DELAY_MODE:-auto}
TOL_IPERF_PCT=${TOL_IPERF_PCT:-5}
TOL_RATE_PCT=${TOL_RATE_PCT:-10}
TOL_LAT_MS=${TOL_LAT_MS:-2}
P=ibw-                                   # prefix of every namespace we create
SRV=10.210.0.1 CLI=10.210.0.2 PORT_IPERF=5201 PORT_OURS=5301
WORK=$(mktemp -d -t bandwidth-netlab.XXXXXX)
PIDS=() NSS=()

die() { echo "bandwidth-netlab: $*" >&2; exit 2; }
nsx() { local ns=$1; shift; ip netns exec "$ns" "$@"; }
bg()  { local ns=$1; shift; ip netns exec "$ns" "$@" & PIDS+=($!); }

cleanup() {
  local rc=$?
  set +e
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  sleep 0.3
  for pid in "${PIDS[@]}"; do kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null; done
  for ns in "${NSS[@]}"; do ip netns del "$ns" 2>/dev/null; done
  rm -rf "$WORK"
  echo "bandwidth-netlab: cleaned up (namespaces left with prefix $P: $(ip netns list | grep -c "^$P" || true))"
  exit $rc
}
trap cleanup EXIT INT TERM

mkns() {
  ip netns add "$1"; NSS+=("$1")
  nsx "$1" sysctl -qw net.ipv6.conf.all.disable_ipv6=1 net.ipv6.conf.default.disable_ipv6=1
  ip -n "$1" link set lo up
}

# ---------------------------------------------------------------- checks ---
[ "$(id -u)" = 0 ] || die "must run as root (network namespaces, tc)"
missing=()
for c in ip:iproute2 tc:iproute2 ethtool:ethtool iperf3:iperf3 ping:iputils-ping python3:python3; do
  command -v "${c%%:*}" >/dev/null 2>&1 || missing+=("${c#*:}")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "bandwidth-netlab: installing ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
[ -x "$INTAKE_BIN" ] || die "no intake binary at $INTAKE_BIN (cargo build --release, or set INTAKE_BIN)"
INTAKE_BIN=$(readlink -f "$INTAKE_BIN")
PY=$(command -v python3)
if ip netns list | grep -q "^$P"; then die "namespaces with prefix $P exist already; remove them first"; fi

mkns ${P}probe
if [ "$DELAY_MODE" = auto ]; then
  if nsx ${P}probe tc qdisc add dev lo root netem delay 1ms 2>/dev/null; then DELAY_MODE=netem; else DELAY_MODE=userspace; fi
fi
ip netns del ${P}probe

# User-space L2 delay line (from netlab.sh): forwards every frame between two
# interfaces after a fixed one-way delay; tbf on the egress does the shaping.
cat > "$WORK/delaybridge.py" <<'EOF'
import collections, select, signal, socket, sys, time
ETH_P_ALL, PACKET_OUTGOING, SO_SNDBUFFORCE, SO_RCVBUFFORCE = 3, 4, 32, 33
def main():
    delay = float(sys.argv[3]) / 1000.0
    socks = []
    for name in sys.argv[1:3]:
        s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(ETH_P_ALL))
        s.setsockopt(socket.SOL_SOCKET, SO_RCVBUFFORCE, 16 << 20)
        s.setsockopt(socket.SOL_SOCKET, SO_SNDBUFFORCE, 16 << 20)
        s.bind((name, 0)); s.setblocking(False); socks.append(s)
    queues = (collections.deque(), collections.deque())
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    mono = time.monotonic
    while True:
        now = mono(); timeout = None
        for q in queues:
            if q:
                d = q[0][0] - now
                timeout = d if timeout is None or d < timeout else timeout
        r, _, _ = select.select(socks, [], [], None if timeout is None else max(timeout, 0))
        now = mono()
        for s in r:
            q = queues[0 if s is socks[0] else 1]
            while True:
                try: data, addr = s.recvfrom(65536)
                except BlockingIOError: break
                if addr[2] != PACKET_OUTGOING: q.append((now + delay, data))
        now = mono()
        for i, q in enumerate(queues):
            out = socks[1 - i]
            while q and q[0][0] <= now:
                frame = q.popleft()[1]
                try: out.send(frame)
                except OSError: pass
main()
EOF

# ------------------------------------------------------------- topology ---
HALF=$(awk "BEGIN{print $RTT_MS/2}")
echo "== link: down ${DOWN_MBIT} Mbit/s, up ${UP_MBIT} Mbit/s, RTT ${RTT_MS} ms, queue ${QUEUE_MS} ms, delay: $DELAY_MODE, CC $CC, kernel $(uname -r) =="
for n in srv cli wan; do mkns $P$n; done
ip -n ${P}wan link add ws type veth peer name s0 netns ${P}srv
ip -n ${P}wan link add wc type veth peer name c0 netns ${P}cli
ip -n ${P}srv addr add $SRV/24 dev s0
ip -n ${P}cli addr add $CLI/24 dev c0
for pair in "srv s0" "cli c0" "wan ws" "wan wc"; do
  set -- $pair
  # no offloads: frames stay <= MTU, so tbf and the delay line see real packets
  nsx $P$1 ethtool -K "$2" tx off tso off gso off gro off >/dev/null 2>&1 || true
  ip -n $P$1 link set "$2" up
done
for n in srv cli; do nsx $P$n sysctl -qw net.ipv4.tcp_congestion_control="$CC" 2>/dev/null || true; done
if [ "$DELAY_MODE" = netem ]; then
  ip -n ${P}wan link add br0 type bridge; ip -n ${P}wan link set ws master br0; ip -n ${P}wan link set wc master br0
  ip -n ${P}wan link set br0 up
  for d in "wc $DOWN_MBIT" "ws $UP_MBIT"; do
    set -- $d
    nsx ${P}wan tc qdisc add dev "$1" root handle 1: netem delay "${HALF}ms" limit 100000
    nsx ${P}wan tc qdisc add dev "$1" parent 1:1 handle 10: tbf rate "${2}mbit" burst 32kb latency "${QUEUE_MS}ms"
  done
else
  ip -n ${P}wan link set ws promisc on; ip -n ${P}wan link set wc promisc on
  nsx ${P}wan tc qdisc add dev wc root tbf rate "${DOWN_MBIT}mbit" burst 32kb latency "${QUEUE_MS}ms"
  nsx ${P}wan tc qdisc add dev ws root tbf rate "${UP_MBIT}mbit" burst 32kb latency "${QUEUE_MS}ms"
  bg ${P}wan "$PY" "$WORK/delaybridge.py" ws wc "$HALF"
fi
bg ${P}srv iperf3 -s -p $PORT_IPERF >"$WORK/iperf_server.log" 2>&1
bg ${P}srv "$INTAKE_BIN" bandwidth-server --listen $SRV:$PORT_OURS >"$WORK/intake_server.log" 2>&1
for _ in $(seq 50); do
  nsx ${P}srv ss -ltn | grep -q ":$PORT_IPERF " && nsx ${P}srv ss -ltn | grep -q ":$PORT_OURS " && break
  sleep 0.1
done
for _ in $(seq 20); do nsx ${P}cli ping -n -c 1 -W 1 $SRV >/dev/null 2>&1 && break; done

# ----------------------------------------------------------------- runs ---
OMIT=$(awk "BEGIN{w=$SECONDS_PER_DIR*0.2; print (w>2)?2:w}")
echo "-- ping: 25 round trips, 0.2 s apart"
nsx ${P}cli ping -n -c 25 -i 0.2 $SRV >"$WORK/ping.txt"
echo "-- iperf3 download (-R -P $STREAMS -t $SECONDS_PER_DIR -O $OMIT)"
nsx ${P}cli iperf3 -c $SRV -p $PORT_IPERF -t "$SECONDS_PER_DIR" -O "$OMIT" -P "$STREAMS" -C "$CC" -R -J >"$WORK/iperf_down.json"
echo "-- iperf3 upload (-P $STREAMS -t $SECONDS_PER_DIR -O $OMIT)"
nsx ${P}cli iperf3 -c $SRV -p $PORT_IPERF -t "$SECONDS_PER_DIR" -O "$OMIT" -P "$STREAMS" -C "$CC" -J >"$WORK/iperf_up.json"
echo "-- intake probe bandwidth --seconds $SECONDS_PER_DIR --json"
nsx ${P}cli "$INTAKE_BIN" probe bandwidth --server $SRV:$PORT_OURS --seconds "$SECONDS_PER_DIR" --json >"$WORK/ours.json"

# ---------------------------------------------------------------- table ---
"$PY" - "$WORK" "$DOWN_MBIT" "$UP_MBIT" "$RTT_MS" "$TOL_IPERF_PCT" "$TOL_RATE_PCT" "$TOL_LAT_MS" <<'EOF'
import json, re, statistics, sys
work, down, up, rtt, tol_i, tol_r, tol_l = sys.argv[1], *map(float, sys.argv[2:])
pings = [float(x) for x in re.findall(r"time=([\d.]+) ms", open(f"{work}/ping.txt").read())]
ping_med = statistics.median(pings) if pings else float("nan")
ping_jit = sum(abs(a - b) for a, b in zip(pings, pings[1:])) / (len(pings) - 1) if len(pings) > 1 else float("nan")
def iperf(name):
    return json.load(open(f"{work}/iperf_{name}.json"))["end"]["sum_received"]["bits_per_second"] / 1e6
ip_down, ip_up = iperf("down"), iperf("up")
o = json.load(open(f"{work}/ours.json"))
rows, ok = [], True
def row(what, ours, ref, ref_name, tol, pct):
    global ok
    diff = ours - ref
    rel = 100 * diff / ref if ref else float("inf")
    good = abs(rel) <= tol if pct else abs(diff) <= tol
    ok &= good
    lim = f"±{tol:g}%" if pct else f"±{tol:g} ms"
    rows.append(f"{what:<26}{ours:>10.2f}{ref:>10.2f}  {ref_name:<16}{diff:>+8.2f}{rel:>+8.1f}%  {lim:<8}{'ok' if good else 'FAIL'}")
row("download Mbit/s", o["download_mbps"], ip_down, "iperf3 receiver", tol_i, True)
row("download Mbit/s", o["download_mbps"], down, "configured", tol_r, True)
row("upload Mbit/s", o["upload_mbps"], ip_up, "iperf3 receiver", tol_i, True)
row("upload Mbit/s", o["upload_mbps"], up, "configured", tol_r, True)
row("idle latency ms (median)", o["latency_ms"], rtt, "configured RTT", tol_l, False)
print(f"\n{'measure':<26}{'intake':>10}{'ref':>10}  {'reference':<16}{'diff':>8}{'rel':>9}  {'limit':<8}result")
print("\n".join(rows))
print(f"\nfor reference: ping median {ping_med:.2f} ms, jitter {ping_jit:.2f} ms (n={len(pings)}); intake jitter {o['jitter_ms']:.2f} ms, "
      f"loaded latency {o['loaded_latency_ms']:.2f} ms (down {o.get('loaded_latency_download_ms')}, up {o.get('loaded_latency_upload_ms')}); "
      f"ideal TCP goodput {down*1448/1514:.2f}/{up*1448/1514:.2f} Mbit/s; streams {o['streams']}, {o['seconds']} s + {o['warmup_seconds']} s warm-up")
print("RESULT:", "PASS" if ok else "FAIL")
sys.exit(0 if ok else 1)
EOF
