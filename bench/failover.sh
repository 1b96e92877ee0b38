#!/usr/bin/env bash
# Failover benchmark (issue 4, "Speed"): a whole node in-process on loopback, two endpoints
# (127.0.0.2 priority 1, 127.0.0.3 priority 2) behind small HTTP servers, an http monitor at
# interval 1 s, window 3, minFailures 2. Each trial stops the primary's server and times the first
# DNS answer without it, then starts it again and times the answers' return; prints every trial,
# median and max, and the probe → verdict → publish → answer timeline of the slowest.
#   bench/failover.sh [TRIALS (10) [PAUSE_MS (2000) [SEED (4)]]]
# Needs 127.0.0.2 and 127.0.0.3 to be local (they are on Linux: all of 127/8 is loopback).
# Figures go to docs/BENCHMARKS.md, "Failover (node)". Runs in a JVM of its own on the resolver's
# test class path (see bench/ip.sh for why not exec:java). MVN_OPTS=-o builds offline.
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file="$PWD/resolver/target/bench.classpath"
mvn -B -q ${MVN_OPTS:-} -pl resources,engine -am install -DskipTests
mvn -B -q ${MVN_OPTS:-} -pl resolver test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
exec "${JAVA:-java}" ${BENCH_JVM_OPTS:-} \
  -cp "resolver/target/test-classes:resolver/target/classes:$(cat "$cp_file")" \
  io.lodestar.resolver.bench.FailoverBenchmark "$@"
