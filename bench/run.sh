#!/bin/sh
# Runs the LSW benchmarks (bench/run.py); build first: ninja -C build.
# Options: --quick, --no-wine, --no-mechanisms.
exec python3 "$(dirname "$0")/run.py" "$@"
