#!/usr/bin/env bash
# Engine benchmark: compile time of a ~100-node strategy tree into a full answer plan, and
# single-thread picks per second from the plan. Figures go to docs/BENCHMARKS.md, "Engine".
# Runs in a JVM of its own on the module's test class path (see bench/ip.sh for why not exec:java).
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file="$PWD/engine/target/bench.classpath"
mvn -B -q -pl resources -am install -DskipTests
mvn -B -q -pl engine test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
exec "${JAVA:-java}" ${BENCH_JVM_OPTS:-} \
  -cp "engine/target/test-classes:engine/target/classes:$(cat "$cp_file")" \
  io.lodestar.engine.bench.EngineBenchmark "$@"
