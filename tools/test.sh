#!/usr/bin/env bash
# Builds and runs the whole test suite (unit, integration, CLI, fuzz).
# Ends with one line "N passed, N failed, N skipped, N expected failures"
# (expected failures: corpus programs that do not run yet, test/corpus).
set -uo pipefail
cd "$(dirname "$0")/.."
[ -d build ] || meson setup build >/dev/null || exit 1
ninja -C build || exit 1
meson test -C build --print-errorlogs "$@"
status=$?
summary=$(grep -aE '^(Ok|Fail|Timeout|Unexpected Pass|Skipped|Expected Fail):' build/meson-logs/testlog.txt 2>/dev/null)
ok=$(awk '/^Ok:/ {print $2}' <<<"$summary")
fail=$(awk '/^(Fail|Timeout|Unexpected Pass):/ {n += $NF} END {print n + 0}' <<<"$summary")
skipped=$(awk '/^Skipped:/ {print $2}' <<<"$summary")
xfail=$(awk '/^Expected Fail:/ {print $3}' <<<"$summary")
echo "${ok:-0} passed, ${fail:-0} failed, ${skipped:-0} skipped, ${xfail:-0} expected failures"
exit $status
