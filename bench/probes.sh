#!/usr/bin/env bash
# Probe capacity benchmark: N listeners on loopback (127.1.x.y, one port) probed at a 1 s interval;
# prints the share of probes started within 100 ms of their slot, CPU and heap.
# Usage: bench/probes.sh [N] [seconds] [tcp|http]   (defaults 1000 30 tcp)
# Figures go to docs/BENCHMARKS.md, "Probes (engine)". Runs in a JVM of its own on the module's
# test class path, built in the reactor (nothing is installed into ~/.m2).
set -euo pipefail
cd "$(dirname "$0")/.."
# Each endpoint holds a listening socket, each probe in flight a socket more: raise the fd limit.
ulimit -n "$(ulimit -Hn)" 2>/dev/null || true
echo "fd limit $(ulimit -n)"
cp_file="$PWD/engine/target/bench.classpath"
mvn -B -q ${MVN_OPTS:-} -pl engine -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
exec "${JAVA:-java}" ${BENCH_JVM_OPTS:-} \
  -cp "engine/target/test-classes:engine/target/classes:$(cat "$cp_file")" \
  io.lodestar.engine.bench.ProbeCapacityBenchmark "$@"
