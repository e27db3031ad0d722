#!/bin/sh
# usage: tracedouts_test.sh LSW TRACEDOUTS.EXE: under `lsw trace`, the
# outputs of NtQueryPerformanceCounter and NtQuerySystemTime that the
# runtime stores after a channel answer (docs/fastpath.md) still show in
# the trace lines with the values the program got, and a call whose output
# cannot be written shows the STATUS_ACCESS_VIOLATION the program got.
lsw=$1 exe=$2
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
"$lsw" trace -o "$tmp/trace.txt" --prefix "$tmp/prefix" "$exe" >"$tmp/crlf.txt" || {
	echo "FAIL: lsw trace exited with $?"; cat "$tmp/crlf.txt"; exit 1; }
tr -d '\r' <"$tmp/crlf.txt" >"$tmp/out.txt" # the program's printf writes CRLF
grep -q '^8 checks, 0 failed$' "$tmp/out.txt" || { echo "FAIL: the program says:"; cat "$tmp/out.txt"; exit 1; }
set -- $(sed -n 's/^last counter \([0-9]*\) time \([0-9]*\)$/\1 \2/p' "$tmp/out.txt")
counter=$1 time=$2
[ -n "$counter" ] && [ -n "$time" ] || { echo "FAIL: no last values"; cat "$tmp/out.txt"; exit 1; }
# the last values the program read are those its trace lines show
grep -q "^\[[0-9]*\] NtQueryPerformanceCounter(\[$counter\], NULL) = STATUS_SUCCESS$" "$tmp/trace.txt" ||
	{ echo "FAIL: no trace line with counter $counter"; grep NtQueryPerformanceCounter "$tmp/trace.txt" | tail -3; exit 1; }
grep -q "^\[[0-9]*\] NtQuerySystemTime(\[$time\]) = STATUS_SUCCESS$" "$tmp/trace.txt" ||
	{ echo "FAIL: no trace line with time $time"; grep NtQuerySystemTime "$tmp/trace.txt" | tail -3; exit 1; }
ok=$(grep -c '^\[[0-9]*\] NtQueryPerformanceCounter(\[[0-9]*\], \[10000000\]) = STATUS_SUCCESS$' "$tmp/trace.txt")
[ "$ok" -ge 3000 ] || { echo "FAIL: $ok successful NtQueryPerformanceCounter lines, 3000 made"; exit 1; }
# the program sets the counter to -1 before each call: a trace that read
# an output the runtime stores before it stored it would show that
stale=$(grep -c 'NtQueryPerformanceCounter(\[\(-1\|18446744073709551615\)\]' "$tmp/trace.txt")
[ "$stale" -eq 0 ] || { echo "FAIL: $stale trace lines show the counter before the call"; exit 1; }
served=$(sed -n 's/^channel served \([0-9]*\) of .*/\1/p' "$tmp/out.txt")
echo "the fast channel served $served of the program's NtQueryPerformanceCounter calls"
# the counters shown never go back
grep '^\[[0-9]*\] NtQueryPerformanceCounter(\[[0-9]*\], \[10000000\]) = STATUS_SUCCESS$' "$tmp/trace.txt" |
	sed 's/.*(\[\([0-9]*\)\].*/\1/' | sort -c -n || { echo "FAIL: a traced counter went back"; exit 1; }
bad=$(grep -c '^\[[0-9]*\] NtQuery\(PerformanceCounter\|SystemTime\)(.*) = STATUS_ACCESS_VIOLATION$' "$tmp/trace.txt")
[ "$bad" -eq 600 ] || { echo "FAIL: $bad traced STATUS_ACCESS_VIOLATION lines, 600 made"; exit 1; }
echo ok
