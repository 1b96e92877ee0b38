#!/usr/bin/env bash
# DNS rate while the node probes many endpoints (issue 4, "Probe capacity"): a node answers a wrr
# name under dnsperf, first idle, then while it probes N endpoints (TCP monitor, interval 1 s) on
# loopback listeners 127.2.x.y:PORT. Prints both rates and their ratio (target ≥ 80 %).
# Pinning: node and listeners on core 0 by default, so the listeners' work counts against the node
# (pessimistic); LISTEN_CPU=1 moves them to dnsperf's core instead. dnsperf on core 1.
# Run by hand; figures go to docs/BENCHMARKS.md.
#   bench/dns-under-probes.sh [N (10000) [SECS (15)]]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-10000}
SECS=${2:-15}
DNS_PORT=${DNS_PORT:-26353}
API_PORT=${API_PORT:-26356}
PROBE_PORT=${PROBE_PORT:-26400}
TOKEN=bench-under-probes-admin-token
WORK=$(mktemp -d /tmp/lodestar-probeload.XXXXXX)
PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
command -v dnsperf >/dev/null || { apt-get update -qq && apt-get install -y -qq dnsperf >/dev/null; }

cp_file="$PWD/resolver/target/bench.classpath"
mvn -B -q ${MVN_OPTS:-} -pl resources,engine,resolver -am install -DskipTests
mvn -B -q ${MVN_OPTS:-} -pl resolver test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file" >/dev/null
CP="resolver/target/test-classes:resolver/target/classes:$(cat "$cp_file")"

./lodestar help >/dev/null
LODESTAR_JAVA_OPTS="${LODESTAR_JAVA_OPTS:--XX:+UseParallelGC -Xms512m -Xmx512m}" taskset -c 0 ./lodestar node \
  --data "$WORK/node" --dns 127.0.0.1:$DNS_PORT --api 127.0.0.1:$API_PORT --admin-token $TOKEN > "$WORK/node.out" 2>&1 &
PIDS+=($!)
for _ in $(seq 1 300); do grep -q '^api ' "$WORK/node.out" 2>/dev/null && break; sleep 0.2; done
grep -q '^api ' "$WORK/node.out" || { cat "$WORK/node.out" >&2; exit 1; }
api() { curl -sf -H "Authorization: Bearer $TOKEN" -X "$1" "http://127.0.0.1:$API_PORT$2" ${3:+-d "$3"} >/dev/null; }
api POST /v1/domains '[{"domain":"wrr.gtm.lodestar.test","isItmDomain":false}]'
api POST /v1/endpoints '[{"domain":"wrr.gtm.lodestar.test","endpoint":"10.0.0.1","area":"beijing.CN","isp":"ct","weight":1},{"domain":"wrr.gtm.lodestar.test","endpoint":"10.0.0.2","area":"beijing.CN","isp":"ct","weight":3}]'
api POST /v1/strategys/update-or-create '{"wrr.gtm.lodestar.test":{"strategy":{"start":"w","rules":[{"type":"wrr","area":"none.CN","isp":"other","name":"w","enable":true,"items":[{"reference":"10.0.0.1","weight":1},{"reference":"10.0.0.2","weight":3}]}]}}}'
for _ in $(seq 1 2000); do echo "wrr.gtm.lodestar.test A"; done > "$WORK/q.txt"

rate() { taskset -c 1 dnsperf -s 127.0.0.1 -p $DNS_PORT -d "$WORK/q.txt" -c 20 -T 1 -l "$1" 2>/dev/null \
  | awk '/Queries per second/ {print $4}'; }
rate 5 >/dev/null   # warm-up
idle=$(rate "$SECS")

taskset -c "${LISTEN_CPU:-0}" java -Xmx256m -cp "$CP" io.lodestar.resolver.bench.LoopbackListeners "$N" "$PROBE_PORT" $((SECS * 3 + 120)) > "$WORK/listen.out" &
PIDS+=($!)
for _ in $(seq 1 600); do grep -q listening "$WORK/listen.out" 2>/dev/null && break; sleep 0.2; done
api POST /v1/domains '[{"domain":"probed.example.com","isItmDomain":true}]'
python3 - "$N" "$WORK" <<'PY'
import json, sys
n, work = int(sys.argv[1]), sys.argv[2]
for b in range(0, n, 1000):
    rows = [{"domain": "probed.example.com", "endpoint": "127.2.%d.%d" % (i // 250, i % 250 + 1),
             "area": "beijing.CN", "isp": "ct"} for i in range(b, min(n, b + 1000))]
    open("%s/ep%05d.json" % (work, b), "w").write(json.dumps(rows))
PY
for f in "$WORK"/ep*.json; do api POST /v1/endpoints "$(cat "$f")"; done
api PUT /v1/domains/probed.example.com/monitor "{\"protocol\":\"tcp\",\"port\":$PROBE_PORT,\"interval\":1,\"timeout\":1,\"window\":3,\"minFailures\":2}"
sleep 10   # let every endpoint get its first probes
probes_before=$(curl -sf -H "Authorization: Bearer $TOKEN" http://127.0.0.1:$API_PORT/metrics | awk '/^lodestar_probe_results_total/ {s+=$2} END {print s+0}')
loaded=$(rate "$SECS")
probes_after=$(curl -sf -H "Authorization: Bearer $TOKEN" http://127.0.0.1:$API_PORT/metrics | awk '/^lodestar_probe_results_total/ {s+=$2} END {print s+0}')
ok=$(curl -sf -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$API_PORT/v1/endpoints?domain=probed.example.com" | grep -o '"status":"ok"' | wc -l)
python3 - "$idle" "$loaded" "$probes_before" "$probes_after" "$SECS" "$N" "$ok" <<'PY'
import sys
idle, loaded, pb, pa, secs, n, ok = float(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]), float(sys.argv[5]), int(sys.argv[6]), int(sys.argv[7])
print("| endpoints probed | probes/s during the run | endpoints judged ok | DNS q/s idle | DNS q/s while probing | ratio |")
print("| ---: | ---: | ---: | ---: | ---: | ---: |")
print("| %d | %.0f | %d | %.0f | %.0f | %.0f %% |" % (n, (pa - pb) / secs, ok, idle, loaded, 100 * loaded / idle))
PY
