#!/usr/bin/env bash
# DNS benchmark: a Lodestar node against gdnsd and PowerDNS (LUA records) on the same machine,
# driven by dnsperf. Figures go to docs/BENCHMARKS.md, "DNS". Run by hand (README), never in CI.
#
# Three authoritative servers on 127.0.0.1 serve the same zone gtm.lodestar.test.:
#   static.gtm.lodestar.test  A 192.0.2.1
#   wrr.gtm.lodestar.test     one of 10.0.0.1–4, weights 1/2/3/4
#   geo.gtm.lodestar.test     by EDNS Client Subnet: Beijing Telecom 10.1.0.1, Guangdong Telecom
#                             10.2.0.1, Shanghai Unicom 10.3.0.1, everyone else 10.9.0.1
# Lodestar is configured through its management API (bench/dns/lodestar/*.json: the two names are
# domains with isItmDomain false, answered at the name itself inside the node's zone; an ITM domain
# would answer at <domain>.gtm.lodestar.test and needs a dotted name), gdnsd with
# plugin_weighted + plugin_geoip (nets only, bench/dns/gdnsd/), PowerDNS with the bind backend and
# LUA records (bench/dns/pdns/). The answers are compared before anything is timed (the script
# stops if the servers disagree); then, per query set, timed rounds run interleaved
# (Lodestar, gdnsd, PowerDNS, Lodestar, gdnsd, PowerDNS …) so the figures are ratios from one run.
# Servers run pinned to one core, dnsperf to the other. A Markdown report goes to stdout
# (progress to stderr).
#
# Settings (environment):
#   SECS=12 ROUNDS=2 WARM=5     seconds per timed round, rounds per server and set, warm-up seconds
#   LAT_QPS=20000 LAT_SECS=5    latency pass: fixed query rate, seconds (0 skips it)
#   SETS="static wrr geo"       query sets; SERVERS="lodestar gdnsd pdns" servers to run
#   CLIENTS=20                  dnsperf -c (one thread, -T 1)
#   SERVER_CPU=0 CLIENT_CPU=1   taskset cores
#   LODESTAR_JAVA_OPTS          JVM flags of the node (default below; the collector is reported)
#   PDNS_LUA=shared PDNS_DISTRIBUTORS=1 GDNSD_UDP_THREADS=1
#   PORT_BASE=25350             ports PORT_BASE+3 (Lodestar DNS), +4 (gdnsd), +5 (PowerDNS), +6 (API)
#   OUT=file                    also write the report there; KEEP=1 keeps the work directory
#   HOLD=seconds                before timing, keep the servers up that long (to query them by hand)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
CONF=$ROOT/bench/dns

SECS=${SECS:-12}
ROUNDS=${ROUNDS:-2}
WARM=${WARM:-5}
LAT_QPS=${LAT_QPS:-20000}
LAT_SECS=${LAT_SECS:-5}
SETS=${SETS:-"static wrr geo"}
SERVERS=${SERVERS:-"lodestar gdnsd pdns"}
CLIENTS=${CLIENTS:-20}
SERVER_CPU=${SERVER_CPU:-0}
CLIENT_CPU=${CLIENT_CPU:-1}
PDNS_LUA=${PDNS_LUA:-shared}
PDNS_DISTRIBUTORS=${PDNS_DISTRIBUTORS:-1}
GDNSD_UDP_THREADS=${GDNSD_UDP_THREADS:-1}
PORT_BASE=${PORT_BASE:-25350}
LODESTAR_JAVA_OPTS=${LODESTAR_JAVA_OPTS:--XX:+UseParallelGC -Xms512m -Xmx512m -XX:+AlwaysPreTouch}
START_TIMEOUT=${START_TIMEOUT:-180}
ZONE=gtm.lodestar.test
declare -A PORT=([lodestar]=$((PORT_BASE + 3)) [gdnsd]=$((PORT_BASE + 4)) [pdns]=$((PORT_BASE + 5)))
API_PORT=$((PORT_BASE + 6))
declare -A LABEL=([lodestar]=Lodestar [gdnsd]=gdnsd [pdns]=PowerDNS)
declare -A PIDS=()

log() { echo "dns.sh: $*" >&2; }
die() { log "$*"; exit 1; }
has() { [[ " $SERVERS " == *" $1 "* ]]; }

for s in $SERVERS; do [[ -n ${LABEL[$s]:-} ]] || die "unknown server '$s' in SERVERS (lodestar, gdnsd, pdns)"; done
for q in $SETS; do [[ $q == static || $q == wrr || $q == geo ]] || die "unknown query set '$q' in SETS (static, wrr, geo)"; done
[[ $SECS =~ ^[0-9]+$ && $ROUNDS =~ ^[0-9]+$ && $WARM =~ ^[0-9]+$ && $LAT_SECS =~ ^[0-9]+$ && $SECS -gt 0 && $ROUNDS -gt 0 ]] \
  || die "SECS, ROUNDS, WARM and LAT_SECS must be whole numbers (SECS, ROUNDS > 0)"

# ---- packages -----------------------------------------------------------------------------------
installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }
missing=()
for p in dnsperf gdnsd pdns-server pdns-backend-bind bind9-dnsutils curl python3 util-linux; do
  installed "$p" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=()
  if [[ $(id -u) != 0 ]]; then
    command -v sudo >/dev/null || die "missing packages: ${missing[*]} (install them as root: apt-get install ${missing[*]})"
    sudo=(sudo)
  fi
  log "installing ${missing[*]}"
  "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >&2 \
    || { "${sudo[@]}" apt-get update -q >&2 && "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >&2; }
  if command -v systemctl >/dev/null && [[ -d /run/systemd/system ]]; then
    log "note: the gdnsd and pdns packages enable system services on port 53; this script does not use them"
    log "      (stop them with: systemctl disable --now gdnsd pdns)"
  fi
fi

if has lodestar; then
  log "building Lodestar if needed (./lodestar help)"
  ./lodestar help >/dev/null
fi

# ---- work directory and cleanup -----------------------------------------------------------------
WORK=$(mktemp -d "${TMPDIR:-/tmp}/lodestar-dnsbench.XXXXXX")
cleanup() {
  local s pid n
  for s in "${!PIDS[@]}"; do
    pid=${PIDS[$s]}
    kill -TERM "$pid" 2>/dev/null || true
  done
  for s in "${!PIDS[@]}"; do
    pid=${PIDS[$s]}
    for ((n = 0; n < 100; n++)); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      log "$s (pid $pid) did not stop in 10 s: killing it"
      kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
  done
  if [[ ${KEEP:-0} == 1 ]]; then log "work directory kept: $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

python3 "$CONF/make-queries.py" "$WORK/q" 2>/dev/null
NSUBNETS=$(grep -c . "$WORK/q/geo.expect")
NAREAS=$(awk '{split($2, a, "/"); print a[1]}' "$WORK/q/geo.expect" | sort -u | wc -l)

# ---- servers ------------------------------------------------------------------------------------
# answers SOA within a bounded wait, or the server died
wait_dns() {
  local s=$1 limit=$2 n
  for ((n = 0; n < limit * 5; n++)); do
    kill -0 "${PIDS[$s]}" 2>/dev/null || { tail -20 "$WORK/$s.log" >&2; die "$s exited during startup"; }
    if [[ -n $(dig +time=1 +tries=1 +short @127.0.0.1 -p "${PORT[$s]}" "$ZONE" SOA 2>/dev/null) ]]; then return 0; fi
    sleep 0.2
  done
  tail -20 "$WORK/$s.log" >&2
  die "$s did not answer on 127.0.0.1:${PORT[$s]} within ${limit} s"
}

start_gdnsd() {
  mkdir -p "$WORK/gdnsd"
  cp -r "$CONF/gdnsd/zones" "$WORK/gdnsd/"
  sed -e "s|@PORT@|${PORT[gdnsd]}|; s|@WORK@|$WORK|g; s|@UDP_THREADS@|$GDNSD_UDP_THREADS|" \
    "$CONF/gdnsd/config.in" >"$WORK/gdnsd/config"
  taskset -c "$SERVER_CPU" gdnsd -c "$WORK/gdnsd" start >"$WORK/gdnsd.log" 2>&1 &
  PIDS[gdnsd]=$!
  wait_dns gdnsd 30
}

start_pdns() {
  (cd "$CONF/pdns" && exec taskset -c "$SERVER_CPU" pdns_server --config-dir=. \
    --local-port="${PORT[pdns]}" --socket-dir="$WORK" \
    --enable-lua-records="$PDNS_LUA" --distributor-threads="$PDNS_DISTRIBUTORS") >"$WORK/pdns.log" 2>&1 &
  PIDS[pdns]=$!
  wait_dns pdns 30
}

TOKEN=bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
GC_LOG=$WORK/lodestar-gc.log
api() { # METHOD PATH FILE
  local code
  code=$(curl -sS --max-time 20 -o "$WORK/api.out" -w '%{http_code}' -X "$1" \
    -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
    --data-binary "@$3" "http://127.0.0.1:$API_PORT$2") || die "API $1 $2: no answer"
  [[ $code == 2* ]] || { cat "$WORK/api.out" >&2; echo >&2; die "API $1 $2: HTTP $code"; }
}

start_lodestar() {
  local n
  mkdir -p "$WORK/lodestar-data"
  LODESTAR_JAVA_OPTS="$LODESTAR_JAVA_OPTS -Xlog:gc:file=$GC_LOG" \
    taskset -c "$SERVER_CPU" "$ROOT/lodestar" node --data "$WORK/lodestar-data" \
    --dns "127.0.0.1:${PORT[lodestar]}" --api "127.0.0.1:$API_PORT" --admin-token "$TOKEN" \
    --zone "$ZONE." --zone-file "$CONF/lodestar/static.zone" >"$WORK/lodestar.log" 2>&1 &
  PIDS[lodestar]=$!
  for ((n = 0; n < START_TIMEOUT * 5; n++)); do
    kill -0 "${PIDS[lodestar]}" 2>/dev/null || { tail -20 "$WORK/lodestar.log" >&2; die "lodestar node exited during startup"; }
    grep -q '^dns udp+tcp ' "$WORK/lodestar.log" && grep -q '^api http' "$WORK/lodestar.log" && break
    sleep 0.2
  done
  grep -q '^api http' "$WORK/lodestar.log" || { tail -20 "$WORK/lodestar.log" >&2; die "lodestar node not ready within $START_TIMEOUT s"; }
  wait_dns lodestar 10
  api POST /v1/domains "$CONF/lodestar/domains.json"
  api POST /v1/endpoints "$CONF/lodestar/endpoints.json"
  api POST /v1/strategys/update-or-create "$CONF/lodestar/strategies.json"
  # the plans are published asynchronously: wait (bounded) until both names answer
  for ((n = 0; n < 50; n++)); do
    [[ $(dig +short @127.0.0.1 -p "${PORT[lodestar]}" "wrr.$ZONE" A) == 10.0.0.* &&
       $(dig +short @127.0.0.1 -p "${PORT[lodestar]}" "geo.$ZONE" A) == 10.*.0.1 ]] && return 0
    sleep 0.2
  done
  die "lodestar: wrr/geo names do not answer 10 s after configuration"
}

for s in $SERVERS; do
  log "starting $s on 127.0.0.1:${PORT[$s]} (cpu $SERVER_CPU)"
  "start_$s"
done

# ---- correctness --------------------------------------------------------------------------------
# answer and ECS scope of one query: "ADDR /SCOPE"
answer_of() { # server subnet|-
  local out a scope
  if [[ $2 == - ]]; then
    out=$(dig +time=2 +tries=2 @127.0.0.1 -p "${PORT[$1]}" "geo.$ZONE" A +nocookie +noall +answer +comments 2>&1 || true)
  else
    out=$(dig +time=2 +tries=2 @127.0.0.1 -p "${PORT[$1]}" "geo.$ZONE" A +nocookie +subnet="$2" +noall +answer +comments 2>&1 || true)
  fi
  a=$(awk '$4 == "A" {print $5}' <<<"$out" | paste -sd, -)
  scope=$(sed -n 's/^; CLIENT-SUBNET: [^/]*\/[0-9]*\/\([0-9]*\).*/\1/p' <<<"$out")
  echo "${a:-none}${scope:+ /$scope}"
}

expected_for() { # group → address
  case $1 in
    beijing.CN/ct) echo 10.1.0.1 ;;
    guangdong.CN/ct) echo 10.2.0.1 ;;
    shanghai.CN/cu) echo 10.3.0.1 ;;
    *) echo 10.9.0.1 ;;
  esac
}

CHECK=$WORK/check.md
{
  printf '| geo query | expected |'
  for s in $SERVERS; do printf ' %s |' "${LABEL[$s]}"; done
  printf '\n| --- | --- |'
  for s in $SERVERS; do printf ' --- |'; done
  printf '\n'
} >"$CHECK"
bad=0
for sub in 202.96.128.0/24 113.108.16.0/24 219.141.200.0/24 210.22.96.0/24 27.36.7.0/24 36.111.7.0/24 14.192.7.0/24 -; do
  if [[ $sub == - ]]; then exp=10.9.0.1; name="no ECS (source 127.0.0.1)"; else
    grp=$(awk -v s="$sub" '$1 == s {print $2}' "$WORK/q/geo.expect")
    exp=$(expected_for "$grp"); name="+subnet=$sub (${grp:-not in the list})"
  fi
  row="| $name | $exp |"
  for s in $SERVERS; do
    got=$(answer_of "$s" "$sub")
    [[ ${got%% *} == "$exp" ]] || bad=1
    row+=" $got |"
  done
  echo "$row" >>"$CHECK"
done
# every subnet of the geo query set, one dig run per server (one A record per query, in order)
args=()
while read -r sub _; do args+=("geo.$ZONE" A +subnet="$sub"); done <"$WORK/q/geo.expect"
while read -r _ grp; do expected_for "$grp"; done <"$WORK/q/geo.expect" >"$WORK/geo.want"
for s in $SERVERS; do
  dig +time=2 +tries=2 +nocookie +noall +answer @127.0.0.1 -p "${PORT[$s]}" "${args[@]}" 2>/dev/null \
    | awk '$4 == "A" {print $5}' >"$WORK/geo.$s" || true
  if ! cmp -s "$WORK/geo.want" "$WORK/geo.$s"; then
    bad=1
    log "$s: geo answers differ from the expected ones for some of the $NSUBNETS subnets:"
    paste -d' ' "$WORK/q/geo.expect" "$WORK/geo.want" "$WORK/geo.$s" | awk '$3 != $4' | head -10 >&2
  fi
done
for s in $SERVERS; do
  st=$(dig +noedns +short @127.0.0.1 -p "${PORT[$s]}" "static.$ZONE" A)
  [[ $st == 192.0.2.1 ]] || { bad=1; log "$s: static.$ZONE answered '$st', not 192.0.2.1"; }
done
# wrr shares over 1000 queries per server (a check of the configuration, not of the randomness)
WRR=$WORK/wrr.md
{
  printf '| wrr answer | weight |'; for s in $SERVERS; do printf ' %s |' "${LABEL[$s]}"; done
  printf '\n| --- | ---: |'; for s in $SERVERS; do printf ' ---: |'; done; printf '\n'
} >"$WRR"
wargs=()
for ((i = 0; i < 1000; i++)); do wargs+=("wrr.$ZONE" A); done
for s in $SERVERS; do
  dig +time=2 +tries=2 +noedns +noall +answer @127.0.0.1 -p "${PORT[$s]}" "${wargs[@]}" 2>/dev/null \
    | awk '$4 == "A" {print $5}' | sort | uniq -c >"$WORK/wrr.$s" || true
done
for i in 1 2 3 4; do
  row="| 10.0.0.$i | $i |"
  for s in $SERVERS; do
    c=$(awk -v a="10.0.0.$i" '$2 == a {print $1}' "$WORK/wrr.$s"); c=${c:-0}
    row+=" $(awk -v c="$c" 'BEGIN {printf "%.1f %%", c / 10}') |"
    if ((c < (i * 100 - 60) || c > (i * 100 + 60))); then log "warning: $s answered 10.0.0.$i $c times in 1000 (expected about $((i * 100)))"; fi
  done
  echo "$row" >>"$WRR"
done
if ((bad)); then
  cat "$CHECK" >&2
  die "the servers disagree (or answer wrongly): no benchmark"
fi
log "answers agree ($NSUBNETS ECS subnets, static, wrr)"

# ---- timing -------------------------------------------------------------------------------------
# dnsperf arguments of a query set
qargs() {
  case $1 in
    static) echo "-d $WORK/q/static.txt" ;;
    wrr) echo "-d $WORK/q/wrr.txt" ;;
    geo) echo "-B -d $WORK/q/geo.bin" ;;
  esac
}

# one dnsperf run; its summary in FILE
# CPU time (clock ticks, all threads) a process has used so far
cpu_ticks() { awk '{sub(/^.*\) /, ""); print $12 + $13}' "/proc/$1/stat" 2>/dev/null || echo 0; }
CLK_TCK=$(getconf CLK_TCK)

# one dnsperf run: its output in FILE, and in FILE.cpu "server-CPU% dnsperf-CPU%" over the run
perf() { # server set secs file [extra args]
  local s=$1 q=$2 secs=$3 file=$4 t0 t1 u sy real TIMEFORMAT='%U %S %R'; shift 4
  t0=$(cpu_ticks "${PIDS[$s]}")
  # shellcheck disable=SC2046
  { time timeout $((secs + 30)) taskset -c "$CLIENT_CPU" dnsperf -s 127.0.0.1 -p "${PORT[$s]}" \
      $(qargs "$q") -c "$CLIENTS" -T 1 -l "$secs" "$@" >"$file" 2>&1; } 2>"$file.time" \
    || { tail -5 "$file" >&2; die "dnsperf failed against $s"; }
  t1=$(cpu_ticks "${PIDS[$s]}")
  read -r u sy real <"$file.time"
  awk -v t="$((t1 - t0))" -v hz="$CLK_TCK" -v u="$u" -v sy="$sy" -v r="$real" \
    'BEGIN {printf "%.0f %.0f\n", t / hz / r * 100, (u + sy) / r * 100}' >"$file.cpu"
}

# "qps avg min max lostpct" of a dnsperf summary
summary() {
  awk '
    /Queries per second:/ {qps = $4}
    /Average Latency \(s\):/ {avg = $4; min = $6; max = $8; gsub(/[,)]/, "", min); gsub(/[,)]/, "", max)}
    /Queries lost:/ {lost = $4; gsub(/[()%]/, "", lost)}
    /Response codes:/ {ok = ($3 == "NOERROR" && $5 == "(100.00%)")}
    END {print qps, avg, min, max, lost, ok ? "ok" : "rcodes"}' "$1"
}

# HOLD=seconds: keep the servers up (answers checked, nothing timed yet) to look at them by hand
if [[ -n ${HOLD:-} ]]; then log "holding ${HOLD} s: ports ${PORT[*]}"; sleep "$HOLD"; fi
RES=$WORK/rounds.tsv
: >"$RES"
gc_mark() { [[ -f $GC_LOG ]] && wc -l <"$GC_LOG" || echo 0; }
GC_ROUNDS=$WORK/gc-rounds.log
: >"$GC_ROUNDS"
for q in $SETS; do
  if ((WARM > 0)); then
    for s in $SERVERS; do
      log "warm-up: $q against $s (${WARM} s)"
      perf "$s" "$q" "$WARM" "$WORK/warm.$q.$s.txt"
    done
  fi
  for ((r = 1; r <= ROUNDS; r++)); do
    for s in $SERVERS; do
      log "round $r/$ROUNDS: $q against $s (${SECS} s)"
      before=$(gc_mark)
      perf "$s" "$q" "$SECS" "$WORK/round.$q.$s.$r.txt"
      if [[ $s == lodestar && -f $GC_LOG ]]; then tail -n +$((before + 1)) "$GC_LOG" >>"$GC_ROUNDS"; fi
      sum=$(summary "$WORK/round.$q.$s.$r.txt")
      [[ $sum == *" ok" ]] || log "warning: $s answered some $q queries with another rcode than NOERROR: $(grep 'Response codes' "$WORK/round.$q.$s.$r.txt")"
      echo "$q $s $r $sum $(cat "$WORK/round.$q.$s.$r.txt.cpu")" >>"$RES"
    done
  done
done

# latency at a fixed rate: per-query latencies from dnsperf -v
LAT=$WORK/latency.tsv
: >"$LAT"
if ((LAT_SECS > 0)); then
  for q in $SETS; do
    for s in $SERVERS; do
      log "latency: $q against $s (${LAT_QPS} q/s, ${LAT_SECS} s)"
      perf "$s" "$q" "$LAT_SECS" "$WORK/lat.$q.$s.txt" -Q "$LAT_QPS" -v
      awk '/^> / && $2 != "T" {print $NF * 1000000}' "$WORK/lat.$q.$s.txt" | sort -g >"$WORK/lat.$q.$s.us"
      lost=$(grep -c '^> T ' "$WORK/lat.$q.$s.txt" || true)
      echo "$q $s $(awk -v lost="$lost" '
        {v[NR] = $1}
        function pct(p,  i) {i = int(NR * p + 0.999999); if (i < 1) i = 1; if (i > NR) i = NR; return v[i]}
        END {printf "%d %d %.0f %.0f %.0f %.0f\n", NR, lost, pct(0.50), pct(0.99), pct(0.999), v[NR]}' "$WORK/lat.$q.$s.us")" >>"$LAT"
    done
  done
fi

# ---- report -------------------------------------------------------------------------------------
pkgver() { dpkg-query -W -f='${Version}' "$1" 2>/dev/null | sed 's/-[^-]*$//'; }
mean() { awk -v q="$1" -v s="$2" -v c="$3" '$1 == q && $2 == s {t += $c; n++} END {if (n) printf "%.0f", t / n}' "$RES"; }
range() { awk -v q="$1" -v s="$2" -v c="$3" '$1 == q && $2 == s {if (n == 0 || $c < lo) lo = $c; if (n == 0 || $c > hi) hi = $c; n++} END {if (n) printf "%.1f–%.1f k", lo / 1000, hi / 1000}' "$RES"; }
fmt() { [[ -n $1 ]] && sed ':a; s/\B[0-9]\{3\}\>/ &/; ta' <<<"$1" || echo "—"; } # 123456 → 123 456
ratio() { [[ -n $1 && -n $2 && $2 != 0 ]] && awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f×", a / b}' || echo "—"; }

JVM=""; GC=""
if has lodestar; then
  JVM=$(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.runtime.name/ {n = $2} /java.runtime.version/ {v = $2} END {print n, v}')
  # shellcheck disable=SC2086
  GC=$(taskset -c "$SERVER_CPU" java $LODESTAR_JAVA_OPTS -XX:+PrintFlagsFinal -version 2>/dev/null \
    | awk '$2 ~ /^Use(Serial|Parallel|G1|Z|Shenandoah|Epsilon)GC$/ && $4 == "true" {sub(/^Use/, "", $2); print $2}')
fi

report() {
  local q s
  echo "## DNS server: a node against gdnsd and PowerDNS (resolver)"
  echo
  echo "Run: \`bench/dns.sh\` (SECS=$SECS ROUNDS=$ROUNDS WARM=$WARM LAT_QPS=$LAT_QPS LAT_SECS=$LAT_SECS). Three authoritative servers on 127.0.0.1 serve the same names of \`$ZONE.\`; their answers are compared first (below), then dnsperf drives each in turn."
  echo
  echo "- When: $(date -u '+%a %b %d %H:%M UTC %Y')"
  echo "- Machine: $(nproc) cores (\`nproc\`), $(lscpu | sed -n 's/^Model name: *//p' | head -1) (\`lscpu\` model name), $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)"
  echo "- Load: dnsperf $(pkgver dnsperf) pinned to CPU $CLIENT_CPU (\`taskset\`), \`-c $CLIENTS -T 1\`, UDP, default 100 queries outstanding; every server pinned to CPU $SERVER_CPU. Per query set: ${WARM} s warm-up per server, then $ROUNDS × ${SECS} s per server, interleaved (A B C A B C); q/s are the mean of the rounds"
  has lodestar && echo "- Lodestar: node on ${JVM}, \`LODESTAR_JAVA_OPTS=$LODESTAR_JAVA_OPTS\` (collector: ${GC:-?}); static name from \`--zone-file\`, wrr and geo configured through the management API as domains answered at their own name (\`isItmDomain: false\`; bench/dns/lodestar/)"
  has gdnsd && echo "- gdnsd $(pkgver gdnsd): ${GDNSD_UDP_THREADS} UDP thread; plugin_weighted (multi = false), plugin_geoip with a nets-only map, edns_client_subnet on (bench/dns/gdnsd/)"
  has pdns && echo "- PowerDNS Authoritative $(pkgver pdns-server): bind backend, LUA records (\`enable-lua-records=$PDNS_LUA\`, \`pickwrandom\`; geo by \`netmask()\` on bestwho, \`edns-subnet-processing=yes\`), 1 receiver + $PDNS_DISTRIBUTORS distributor thread(s), packet cache on (default) (bench/dns/pdns/)"
  echo "- Query sets: static = \`static.$ZONE A\`; wrr = \`wrr.$ZONE A\` (no EDNS); geo = \`geo.$ZONE A\` with EDNS Client Subnet, $NSUBNETS /24s from $NAREAS areas (all 31 provinces, Hong Kong, Macau, Taiwan, a dozen countries; bench/dns/ecs-subnets.txt), one per query, via dnsperf's binary input (\`-B\`)"
  echo
  echo "Queries per second (mean of the rounds, and their range):"
  echo
  printf '| query set |'; for s in $SERVERS; do printf ' %s |' "${LABEL[$s]}"; done
  has lodestar && has gdnsd && printf ' Lodestar / gdnsd |'
  has lodestar && has pdns && printf ' Lodestar / PowerDNS |'
  printf '\n| --- |'; for s in $SERVERS; do printf ' ---: |'; done
  has lodestar && has gdnsd && printf ' ---: |'
  has lodestar && has pdns && printf ' ---: |'
  printf '\n'
  for q in $SETS; do
    printf '| %s |' "$q"
    for s in $SERVERS; do printf ' %s (%s) |' "$(fmt "$(mean "$q" "$s" 4)")" "$(range "$q" "$s" 4)"; done
    has lodestar && has gdnsd && printf ' %s |' "$(ratio "$(mean "$q" lodestar 4)" "$(mean "$q" gdnsd 4)")"
    has lodestar && has pdns && printf ' %s |' "$(ratio "$(mean "$q" lodestar 4)" "$(mean "$q" pdns 4)")"
    printf '\n'
  done
  if has lodestar && { has gdnsd || has pdns; }; then
    local verdict="" lq g p ok
    for q in $SETS; do
      [[ $q == static ]] && continue
      lq=$(mean "$q" lodestar 4); g=$(mean "$q" gdnsd 4); p=$(mean "$q" pdns 4); ok=met
      [[ -n $g && -n $lq ]] && awk -v a="$lq" -v b="$g" 'BEGIN {exit !(a < b)}' && ok="not met"
      [[ -n $p && -n $lq ]] && awk -v a="$lq" -v b="$p" 'BEGIN {exit !(a < 2 * b)}' && ok="not met"
      verdict+="${verdict:+; }$q: $ok"
    done
    echo
    echo "Targets (issue 3: wrr and geo+ECS ≥ 1.0× gdnsd and ≥ 2× PowerDNS-LUA in the same run): ${verdict:-no wrr or geo set run}."
  fi
  echo
  echo "Latency under full load (dnsperf's summary, mean of the rounds; dnsperf 2.10 prints no percentiles; max is the highest of the rounds; lost = queries unanswered in 5 s) and CPU use over the rounds (server on its core, dnsperf on its; 100 % = one core busy: the side near 100 % is the bottleneck):"
  echo
  echo "| query set | server | avg | min | max | lost | server CPU | dnsperf CPU |"
  echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
  for q in $SETS; do
    for s in $SERVERS; do
      awk -v q="$q" -v s="$s" -v l="${LABEL[$s]}" '$1 == q && $2 == s {a += $5; if (n == 0 || $6 < mn) mn = $6; if ($7 > mx) mx = $7; lost += $8; sc += $10; cc += $11; n++}
        END {if (n) printf "| %s | %s | %.0f µs | %.0f µs | %.1f ms | %.2f %% | %.0f %% | %.0f %% |\n", q, l, a / n * 1e6, mn * 1e6, mx * 1e3, lost / n, sc / n, cc / n}' "$RES"
    done
  done
  if [[ -s $LAT ]]; then
    echo
    echo "Latency at a fixed rate of $(fmt "$LAT_QPS") q/s for ${LAT_SECS} s (every query's latency from \`dnsperf -v\`):"
    echo
    echo "| query set | server | queries | p50 | p99 | p99.9 | max | lost |"
    echo "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |"
    while read -r q s n lost p50 p99 p999 mx; do
      printf '| %s | %s | %s | %s µs | %s µs | %s µs | %s µs | %s |\n' "$q" "${LABEL[$s]}" "$(fmt "$n")" "$(fmt "$p50")" "$(fmt "$p99")" "$(fmt "$p999")" "$(fmt "$mx")" "$lost"
    done <"$LAT"
  fi
  if has lodestar && [[ -f $GC_LOG ]]; then
    echo
    awk '/Pause/ {n++; ms = $NF; sub(/ms$/, "", ms); if (ms + 0 > mx) mx = ms + 0; t += ms}
      END {printf "Lodestar GC during the timed rounds: %d pauses, longest %.2f ms, %.1f ms in all (-Xlog:gc).\n", n, mx, t}' "$GC_ROUNDS"
  fi
  echo
  echo "Answers checked before timing (all $NSUBNETS subnets of the geo set compared; address and ECS scope prefix shown here):"
  echo
  cat "$CHECK"
  echo
  echo "wrr shares over 1000 queries per server:"
  echo
  cat "$WRR"
}

if [[ -n ${OUT:-} ]]; then report | tee "$OUT"; else report; fi
