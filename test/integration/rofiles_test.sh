#!/bin/sh
# usage: rofiles_test.sh LSW ROFILES.EXE: runs a copy of the program from a
# scratch directory (mapped read-only) with a FIFO in its current directory.
lsw=$1 exe=$2
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
mkdir "$dir/ro" "$dir/cwd"
cp "$exe" "$dir/ro/rofiles.exe"
mkfifo "$dir/cwd/fifo"
(cd "$dir/cwd" && "$lsw" run --prefix "$dir/prefix" --timeout 20 "$dir/ro/rofiles.exe" fifo) > "$dir/out"
status=$?
out=$(tr -d '\r' < "$dir/out")  # msvcrt's text mode writes CR LF
echo "$out"
fail() { echo "FAIL: $*"; exit 1; }
[ $status -eq 0 ] || fail "exit status $status"
for what in "delete self" "move self out" "delete-on-close self" "write self" "create beside self"; do
	echo "$out" | grep -q "^$what: refused 5$" || fail "$what was not refused with ERROR_ACCESS_DENIED"
done
echo "$out" | grep -q "^read self: SUCCEEDED" || fail "reading the program itself failed"
echo "$out" | grep -q "^open fifo: refused" || fail "the FIFO opened"
[ "$(ls "$dir/ro")" = "rofiles.exe" ] || fail "the read-only directory changed: $(ls "$dir/ro")"
[ ! -e "$dir/cwd/stolen.exe" ] || fail "the program moved itself out"
echo ok
