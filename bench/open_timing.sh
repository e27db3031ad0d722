#!/bin/sh
# usage: bench/open_timing.sh [LSW [OPENTIMING.EXE]]
# Can a program tell which host files exist outside the sandbox by timing
# its opens?  opentiming.exe opens names outside every allowed root, an
# existing one and a missing one in the same host directory, 2000 times
# each (taking turns), and prints each one's median; this prints the
# ratio missing / existing.  Both must fail the same way
# (STATUS_OBJECT_PATH_NOT_FOUND) and, with nothing outside looked at,
# take the same time (ratio ~1.0).  Nothing is asserted.
root=$(cd "$(dirname "$0")/.." && pwd)
lsw=${1:-$root/build/cli/lsw} exe=${2:-$root/build/fixtures/opentiming.exe}
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1 # the allowed root: an empty directory

big=/usr/lib/x86_64-linux-gnu
[ -d "$big" ] || big=/usr/lib
out=$("$lsw" run --prefix "$work/prefix" "$exe" 2000 'Z:\etc\passwd' 'Z:\etc\lsw-no-such-file' \
	"Z:$(echo "$big" | tr / '\\')\\libc.so.6" "Z:$(echo "$big" | tr / '\\')\\lsw-no-such-file" |
	tr -d '\r')
printf '%s\n' "$out"
printf '%s\n' "$out" | awk '{ t[NR] = $5 }
	END {
		printf "/etc (%s entries): missing/existing = %.2f\n", "'"$(ls /etc | wc -l)"'", t[2] / t[1]
		printf "'"$big"' (%s entries): missing/existing = %.2f\n", "'"$(ls "$big" | wc -l)"'", t[4] / t[3]
	}'
