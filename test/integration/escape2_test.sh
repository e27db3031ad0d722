#!/bin/sh
# usage: escape2_test.sh LSW ESCAPE2.EXE: the sandbox's own roots cannot be
# moved or deleted, and handles without a host file delete nothing.
lsw=$1 exe=$2
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
mkdir -p "$dir/w/sub/ro"
echo original > "$dir/w/sub/ro/victim.txt"
touch "$dir/w/stdin" "$dir/w/stdout" "$dir/w/stderr"
(cd "$dir/w" && "$lsw" run --prefix "$dir/p" --timeout 30 --map "$dir/w/sub/ro:ro" "$exe") > "$dir/out"
status=$?
tr -d '\r' < "$dir/out" > "$dir/out.txt"
cat "$dir/out.txt"
[ $status -eq 0 ] || fail "exit status $status"
for what in 'write sub/ro/victim.txt' 'move sub (above the ro mapping)' \
	'move the current directory' 'remove the current directory'; do
	grep -qF "$what: refused 5" "$dir/out.txt" || fail "$what was not refused (5)"
done
grep -q "in under 2 s: yes" "$dir/out.txt" || fail "a long wildcard pattern took too long"
[ "$(cat "$dir/w/sub/ro/victim.txt")" = original ] || fail "the read-only file changed"
[ -d "$dir/w/sub/ro" ] && [ ! -e "$dir/w/sub2" ] || fail "sub was moved"
for f in stdin stdout stderr; do
	[ -e "$dir/w/$f" ] || fail "the host file $f was deleted"
done
echo ok
