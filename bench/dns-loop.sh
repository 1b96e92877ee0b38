#!/usr/bin/env bash
# DNS loop benchmark: an in-process server and one UDP client thread on loopback (closed loop and
# 32 in flight), for a static name and a wrr+ECS geo name. Not the dnsperf comparison (issue 3's
# bench/dns.sh); a quick floor to see whether a change made the query path slower.
#   bench/dns-loop.sh [QUERIES [UDP_THREADS]]
set -euo pipefail
cd "$(dirname "$0")/.."
cp_file="$PWD/resolver/target/bench.classpath"
# in one reactor (-am), so sibling modules come from their target/ and nothing is installed;
# every module writes the same file and the resolver, built last, writes it last
mvn -B -q -pl resolver -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$cp_file"
exec "${JAVA:-java}" ${BENCH_JVM_OPTS:-} \
  -cp "resolver/target/test-classes:resolver/target/classes:$(cat "$cp_file")" \
  io.lodestar.resolver.bench.UdpLoopBenchmark "$@"
