#!/bin/sh
# usage: qpc_test.sh LSW QPCUSER.EXE: the performance counter read in user
# mode (src/emul/system/qpc.c): qpcuser.exe's checks pass with the bypass
# the machine allows and with LSW_QPC=syscall (no bypass); where the
# bypass is on, `lsw trace` shows QueryPerformanceCounter makes no system
# call (only the program's own 10 NtQueryPerformanceCounter), and with
# LSW_QPC=syscall every one of them does.
lsw=$1 exe=$2
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
export LSW_STANDALONE=1 # LSW_QPC is read by the supervisor that starts
run() { # NAME [ENV...]: runs the checks, leaves the output in $tmp/NAME
	name=$1; shift
	env "$@" "$lsw" run --prefix "$tmp/prefix" "$exe" | tr -d '\r' >"$tmp/$name" || {
		echo "FAIL ($name): exit status"; cat "$tmp/$name"; exit 1; }
	grep -q '^[0-9]* checks, 0 failed$' "$tmp/$name" || {
		echo "FAIL ($name): the program says:"; cat "$tmp/$name"; exit 1; }
}
calls() { # [ENV...]: NtQueryPerformanceCounter lines in a trace of "count"
	env "$@" "$lsw" trace -o "$tmp/trace.txt" --prefix "$tmp/prefix" "$exe" count >/dev/null || {
		echo "FAIL: lsw trace exited with $?"; exit 1; }
	grep -c '^\[[0-9]*\] NtQueryPerformanceCounter(' "$tmp/trace.txt"
}
run bypass
run syscall LSW_QPC=syscall
grep -q '^bypass 0: the counter comes from the system call$' "$tmp/syscall" || {
	echo "FAIL: LSW_QPC=syscall left a bypass:"; cat "$tmp/syscall"; exit 1; }
n=$(calls LSW_QPC=syscall)
[ "$n" -ge 1010 ] || { echo "FAIL: $n NtQueryPerformanceCounter calls without the bypass, 1010 made"; exit 1; }
if grep -q '^bypass 0x[0-9a-f]*: the counter is read in user mode$' "$tmp/bypass"; then
	n=$(calls)
	[ "$n" -eq 10 ] || { echo "FAIL: $n NtQueryPerformanceCounter calls with the bypass, 10 expected"; exit 1; }
	echo "ok: $(grep '^bypass' "$tmp/bypass"); 10 system calls of 1010 reads"
else
	echo "ok: this machine gives no bypass (no invariant TSC, or perf_event refused):"
	grep '^bypass' "$tmp/bypass"
fi
