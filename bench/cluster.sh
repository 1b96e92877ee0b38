#!/usr/bin/env bash
# Snapshot benchmark (issue 8, docs/SCALING.md): a control node and a member node in one JVM on
# loopback; N domains with two endpoints and a wrr strategy each. Prints the snapshot's size, the
# first full sync (join → member applied and compiled everything) and the time for a one-domain change
# to reach the member (median of 5).
#   bench/cluster.sh [N …]   (default: 1000 10000)
# Figures go to docs/BENCHMARKS.md, "Remote nodes: snapshot size and push time". MVN_OPTS=-o builds offline.
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file="$PWD/resolver/target/bench.classpath"
mvn -B -q ${MVN_OPTS:-} -pl resources,engine -am install -DskipTests
mvn -B -q ${MVN_OPTS:-} -pl resolver test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
exec "${JAVA:-java}" ${BENCH_JVM_OPTS:--Xmx6g} \
  -cp "resolver/target/test-classes:resolver/target/classes:$(cat "$cp_file")" \
  io.lodestar.resolver.bench.SnapshotBenchmark "$@"
