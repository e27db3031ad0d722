#!/bin/sh
# usage: bench/heap.sh [OPS]
# Heap speed in one run: fixtures/heapbench.exe (a random mix of OPS
# allocations and frees) under lsw and under Wine when it is installed,
# HeapAlloc/HeapFree and the C runtime's malloc/free, next to glibc's
# malloc/free running the same source natively (bench/heapbench_native);
# prints ns per operation and each one's ratio to native.  Nothing is
# asserted.
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$root/build}
ops=${1:-2000000}
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
native=$("$build/bench/heapbench_native" "$ops" | awk '{ print $2 }')
echo "native malloc: $native ns/op ($ops operations)"
report() { # label output
	printf '%s\n' "$2" | tr -d '\r' | awk -v n="$native" -v who="$1" \
		'{ printf "%s %s: %s ns/op, %.2f x native\n", who, $1, $2, $2 / n }'
}
report lsw "$(LSW_DLLDIR=$build/src/win32 "$build/cli/lsw" run --prefix "$work/prefix" \
	"$build/fixtures/heapbench.exe" "$ops")"
wine=/usr/lib/wine/wine64
if [ -x "$wine" ]; then
	report wine "$(WINEPREFIX=$work/wine WINEDEBUG=-all "$wine" \
		"$build/fixtures/heapbench.exe" "$ops" 2>/dev/null)"
	WINEPREFIX=$work/wine /usr/lib/wine/wineserver -w 2>/dev/null # before the prefix goes
fi
exit 0
