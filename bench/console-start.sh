#!/usr/bin/env bash
# First-window time of the packaged console: starts the jpackage app-image (built by
#   mvn -B -Pinstallers -pl installers -am verify) under a fresh Xvfb RUNS times and prints, per run,
# the milliseconds from launch to the first pixel of its window and to the main window (ScreenGrab).
# Run 1 is cold (new user.home: JavaFX unpacks its natives, the demo workspace is created); later runs are
# warm (same home and data). The console's CPU time (user + system, all threads) when its window
# appears is printed too: unlike the wall time it hardly depends on what else the machine runs. Usage: bench/console-start.sh [RUNS]   (default 5)
# On a machine busy with other work, NICE="nice -n -20" (root) gives these processes most of the CPU.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
image=${IMAGE:-installers/target/jpackage/image/Lodestar/bin/Lodestar}
classes=installers/target/test-classes
[ -x "$image" ] && [ -d "$classes" ] || { echo "build first: mvn -B -Pinstallers -pl installers -am verify -DskipTests" >&2; exit 1; }
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$work"' EXIT
n=71; while [ -e /tmp/.X$n-lock ]; do n=$((n + 1)); done
${NICE:-} Xvfb :$n -screen 0 1600x1000x24 -nolisten tcp -br >/dev/null 2>&1 &
for _ in $(seq 50); do [ -e /tmp/.X11-unix/X$n ] && break; sleep 0.1; done
echo "when: $(date -u '+%F %H:%M UTC'); load: $(cut -d' ' -f1-3 /proc/loadavg)"
for i in $(seq "$runs"); do
  rm -f "$work/go" && mkfifo "$work/go"
  DISPLAY=:$n ${NICE:-} java -cp "$classes" io.lodestar.installers.ScreenGrab "$work/shot.png" 60 <"$work/go" >"$work/grab.out" &
  grab=$!
  exec 3>"$work/go"
  until grep -q ready "$work/grab.out"; do sleep 0.05; done
  JAVA_TOOL_OPTIONS="-Duser.home=$work/home" LODESTAR_CONSOLE_DATA="$work/data" DISPLAY=:$n ${NICE:-} "$image" >"$work/console.log" 2>&1 &
  console=$!
  echo >&3
  exec 3>&-
  until grep -q first-window "$work/grab.out" || ! kill -0 "$grab" 2>/dev/null; do sleep 0.02; done
  cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.2f", ($14 + $15) / hz}' "/proc/$console/stat")
  wait "$grab" || true
  kill "$console"; wait "$console" 2>/dev/null || true
  first=$(sed -n 's/^first-window-ms //p' "$work/grab.out")
  main=$(sed -n 's/.*main-window-ms //p' "$work/grab.out")
  echo "run $i: first window ${first:-?} ms (console CPU by then ${cpu} s), main window ${main:-?} ms"
done
