#!/bin/sh
# usage: trace_stack_test.sh LSW HELLO.EXE: `lsw trace -k` unwinds the
# NtWriteFile that prints hello's line through kernel32, msvcrt and the
# program itself.
lsw=$1 hello=$2
tmp=$(mktemp -d) || exit 1
trap 'rm -rf "$tmp"' EXIT
"$lsw" trace -k -o "$tmp/trace.txt" --prefix "$tmp/prefix" "$hello" >"$tmp/out.txt" || {
	echo "FAIL: lsw trace -k exited with $?"; cat "$tmp/out.txt"; exit 1; }
# the frames under the first NtWriteFile line
stack=$(awk '/^\[[0-9]+\] NtWriteFile\(/ { on = 1; next }
	     on && /^ > / { print; next }
	     on { exit }' "$tmp/trace.txt")
echo "NtWriteFile stack:"; echo "$stack"
for want in ' > ntdll.dll!NtWriteFile+0x' ' > kernel32.dll!WriteFile+0x' ' > msvcrt.dll' \
	    ' > hello.exe+0x'; do
	case $stack in
	*"$want"*) ;;
	*) echo "FAIL: no frame like '$want'"; sed -n '1,400p' "$tmp/trace.txt"; exit 1 ;;
	esac
done
first=$(echo "$stack" | head -n 1)
case $first in
' > ntdll.dll!NtWriteFile+0x'*) ;;
*) echo "FAIL: the innermost frame is '$first'"; exit 1 ;;
esac
echo ok
