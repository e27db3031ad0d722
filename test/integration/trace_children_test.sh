#!/bin/sh
# usage: trace_children_test.sh LSW SPAWN.EXE: `lsw trace -f` follows the
# children spawn.exe starts: the NtCreateUserProcess line names the new
# process, that process's own calls follow with its pid/tid, and its end
# is shown with its exit code.
lsw=$1 spawn=$2
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1
"$lsw" trace -f -o "$tmp/trace.txt" --prefix "$tmp/prefix" "$spawn" >"$tmp/out.txt" || {
	echo "FAIL: lsw trace -f exited with $?"; cat "$tmp/out.txt"; exit 1; }
# the call waits for the child's address space: its outputs may come on
# a "<... NtCreateUserProcess resumed>" line
line=$(grep -m1 '^\[[0-9]*/[0-9]*\] \(<\.\.\. \)\?NtCreateUserProcess[( ].*<process ' "$tmp/trace.txt")
child=$(echo "$line" | sed -n 's/.*<process \([0-9]*\)>.*/\1/p')
[ -n "$child" ] || { echo "FAIL: no child in: $line"; head -50 "$tmp/trace.txt"; exit 1; }
grep -q "^\[$child/[0-9]*\] NtTerminateProcess(" "$tmp/trace.txt" ||
	{ echo "FAIL: no call of process $child traced"; exit 1; }
grep -q "^\[$child\] +++ exited with 9 +++" "$tmp/trace.txt" ||
	{ echo "FAIL: the end of process $child (code 9) is not shown"; exit 1; }
echo ok
