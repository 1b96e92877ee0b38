#!/usr/bin/env bash
# IP lookup benchmark (resources module): Lodestar's flat range table vs ip2region's own Searcher,
# one thread, 1 M random IPv4 addresses. Prints per-round and median lookups/s; recorded figures are
# in docs/BENCHMARKS.md, section "IP lookup (resources)".
#
# Runs in a JVM of its own on the module's test classpath. Not through exec:java: the parent pins
# exec-maven-plugin 3.5.0, whose parent POM (mojo-parent 86) is not in the offline ~/.m2, and a
# separate JVM also keeps Maven's own classes and threads out of the measurement.
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file="$PWD/resources/target/bench.classpath"
mvn -B -q -pl resources test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
exec "${JAVA:-java}" ${BENCH_JVM_OPTS:-} \
  -cp "resources/target/test-classes:resources/target/classes:$(cat "$cp_file")" \
  io.lodestar.resources.bench.IpLookupBenchmark "$@"
