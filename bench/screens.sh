#!/usr/bin/env bash
# Renders each built console screen to docs/screens/*.png against an embedded node with the demo
# workspace, headless (Monocle, software rendering; see app/pom.xml). Usage: bench/screens.sh
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -o -q -pl app -am test -Dtest=ScreenTour -Dsurefire.failIfNoSpecifiedTests=false \
    -Dlodestar.screens="$PWD/docs/screens"
ls -1 docs/screens/*.png
