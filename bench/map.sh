#!/usr/bin/env bash
# Map benchmark (console): recolouring the schedule map for a new moment (34 provinces × 6 ISPs) and
# scrubbing a 30-day history of 10 000 changes, headless (Monocle, software rendering), on the FX
# thread. Prints medians and tails; recorded figures are in docs/BENCHMARKS.md, section "Schedule map".
#
# Runs in a JVM of its own on the app module's test classpath (see bench/ip.sh for why not exec:java).
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file="$PWD/app/target/bench.classpath"
mvn -B -q ${MVN_OPTS:-} -pl app -am install -DskipTests
mvn -B -q ${MVN_OPTS:-} -pl app test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
exec "${JAVA:-java}" ${BENCH_JVM_OPTS:-} \
  -Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw -Dprism.text=t2k -Djava.awt.headless=true \
  -cp "app/target/test-classes:app/target/classes:$(cat "$cp_file")" \
  io.lodestar.app.bench.MapBenchmark "$@"
