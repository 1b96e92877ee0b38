#!/usr/bin/env bash
# Strategy editor speed: a 300-node tree's layout and first frame, frame intervals during a scripted
# drag (custom JavaFX canvas), and the same tree in GraphStream's JavaFX viewer (ADR 0011). Headless
# Monocle, software rendering. Figures go to docs/BENCHMARKS.md, "Strategy editor".
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B ${MVN_OPTS:-} -q -pl app -am test -Dtest=EditorBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
    -Dlodestar.bench=true
grep -h "^BENCH" app/target/surefire-reports/io.lodestar.app.bench.EditorBenchmark-output.txt
