#!/bin/sh
# usage: dirwatch_host_test.sh LSW DIRWATCH.EXE: a change the host makes
# in a directory the program watches reaches the program.  The program
# watches its current directory and says "watching"; then this script
# makes host-made.txt there.
lsw=$1 exe=$2
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
mkdir -p "$dir/w"
(cd "$dir/w" && "$lsw" run --prefix "$dir/p" --timeout 60 "$exe" host) > "$dir/out" &
pid=$!
tries=0
until grep -q watching "$dir/out"; do
	tries=$((tries + 1))
	[ $tries -gt 600 ] && break
	sleep 0.1
done
echo made by the host > "$dir/w/host-made.txt"
wait $pid
status=$?
tr -d '\r' < "$dir/out"
[ $status -eq 0 ] || fail "exit status $status"
grep -q "dirwatch host: 3 checks, 0 failed" "$dir/out" || fail "the change was not seen"
