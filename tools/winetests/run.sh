#!/bin/bash
# tools/winetests/run.sh LSW_BIN [run.sh options]
# Wine's conformance tests as an oracle, over the project's list (tests.txt
# here, a superset of the shared harness's): fetches Debian's Wine 8 source
# once, unpacks every listed DLL's tests, builds them through cc.sh and runs
# them with the shared harness (../shared/winetests, read-only: its run.sh
# options pass through, e.g. --wine, --no-build, -t 90, -j 2).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
SHARED=${WINETESTS_HARNESS:-$HERE/../../../shared/winetests}
export WINETESTS_WORK=${WINETESTS_WORK:-${TMPDIR:-/tmp}/winetests}
LSW=${1:?usage: tools/winetests/run.sh LSW_BIN [options]}; shift
SRC=$WINETESTS_WORK/src
TARBALL="$SRC/wine_8.0~repack.orig.tar.xz"
[ -f "$TARBALL" ] || "$SHARED/get-wine-source.sh"
dirs=(wine-8.0/include)
for d in $(grep -v '^#' "$HERE/tests.txt" | cut -d/ -f1 | sort -u); do
	[ -d "$SRC/wine-8.0/dlls/$d/tests" ] || dirs+=("wine-8.0/dlls/$d/tests")
done
if [ ${#dirs[@]} -gt 1 ] || [ ! -d "$SRC/wine-8.0/include" ]; then
	tar xJf "$TARBALL" -C "$SRC" "${dirs[@]}"
fi
CC="$HERE/cc.sh" exec "$SHARED/run.sh" "$SRC/wine-8.0" "$LSW" --tests "$HERE/tests.txt" "$@"
