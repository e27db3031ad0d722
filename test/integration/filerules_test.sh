#!/bin/sh
# usage: filerules_test.sh LSW FILERULES.EXE: runs the program in a scratch
# directory, then checks from the host what its renames left there: the
# replaced file under the caller's spelling with the new data, and the
# directory that replaced a file with what it held.
lsw=$1 exe=$2
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
mkdir "$dir/cwd"
(cd "$dir/cwd" && "$lsw" run --prefix "$dir/prefix" --timeout 60 "$exe") > "$dir/out"
status=$?
tr -d '\r' < "$dir/out"
fail() { echo "FAIL: $*"; exit 1; }
[ $status -eq 0 ] || fail "exit status $status"
grep -q "filerules: [0-9]* checks, 0 failed" "$dir/out" || fail "a check failed"
listing=$(cd "$dir/cwd" && ls -A | tr '\n' '|')
[ "$listing" = "Case Target.txt|dirtarget|" ] || fail "left $listing"
[ "$(cat "$dir/cwd/Case Target.txt")" = new ] || fail "the replaced file holds the old data"
[ -d "$dir/cwd/dirtarget" ] || fail "dirtarget is no directory"
[ "$(ls -A "$dir/cwd/dirtarget")" = inside.txt ] || fail "dirtarget lost what it held"
[ "$(cat "$dir/cwd/dirtarget/inside.txt")" = kept ] || fail "inside.txt changed"
echo ok
