#!/bin/sh
# CancelIoEx ends another thread's read of a silent standard input (a pipe
# nobody writes to) with ERROR_OPERATION_ABORTED.
# usage: iocp_cancel_test.sh LSW IOCP.EXE
lsw=$1 iocp=$2
dir=$(mktemp -d) || exit 1
mkfifo "$dir/in" || exit 1
sleep 30 > "$dir/in" &
holder=$!
trap 'kill $holder 2>/dev/null; rm -rf "$dir"' EXIT
out=$("$lsw" run --prefix "$dir/prefix" "$iocp" cancel-stdin < "$dir/in") || {
	echo "FAIL: exit $?: $out"
	exit 1
}
echo "$out"
case $out in
*"FAILED"*) exit 1 ;;
*"iocp cancel-stdin: 5 checks, 0 failed"*) exit 0 ;;
esac
exit 1
