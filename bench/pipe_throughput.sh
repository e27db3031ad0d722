#!/bin/sh
# usage: bench/pipe_throughput.sh [MiB [KiB]]
# Pipe throughput in one run: fixtures/pipebench.exe under lsw (an
# anonymous pipe, then a named pipe, between two threads) and under Wine
# when it is installed, next to the same transfer through a native Linux
# pipe (bench/native_pipe); prints MB/s and each one's ratio to native.
# Nothing is asserted.
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD:-$root/build}
mib=${1:-64} kib=${2:-64}
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
native=$("$build/bench/native_pipe" "$mib" "$kib" | awk '{ print $2 }')
echo "native pipe: $native MB/s (${mib} MiB in ${kib} KiB writes)"
report() { # label output
	printf '%s\n' "$2" | tr -d '\r' | awk -v n="$native" -v who="$1" \
		'{ printf "%s %s pipe: %s MB/s, %.2f of native\n", who, $1, $2, $2 / n }'
}
report lsw "$(LSW_DLLDIR=$build/src/win32 "$build/cli/lsw" run --prefix "$work/prefix" \
	"$build/fixtures/pipebench.exe" "$mib" "$kib")"
wine=/usr/lib/wine/wine64
if [ -x "$wine" ]; then
	report wine "$(WINEPREFIX=$work/wine WINEDEBUG=-all "$wine" \
		"$build/fixtures/pipebench.exe" "$mib" "$kib" 2>/dev/null)"
	WINEPREFIX=$work/wine /usr/lib/wine/wineserver -w 2>/dev/null # before the prefix goes
fi
exit 0
