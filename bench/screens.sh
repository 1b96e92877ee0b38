#!/usr/bin/env bash
# Renders each built console screen to docs/screens/*.png against an embedded node with the demo
# workspace, headless (Monocle, software rendering; see app/pom.xml). Usage: bench/screens.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# CJK glyphs for the Chinese screens (without them zh text renders as empty boxes)
if ! fc-list 2>/dev/null | grep -qi "wqy\|noto.*cjk"; then
  apt-get update -qq && apt-get install -y -qq fonts-wqy-microhei >/dev/null
fi
mvn -B ${MVN_OPTS:-} -q -pl app -am test -Dtest=ScreenTour -Dsurefire.failIfNoSpecifiedTests=false \
    -Dlodestar.screens="$PWD/docs/screens"
ls -1 docs/screens/*.png
