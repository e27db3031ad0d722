#!/bin/sh
# Standard handles redirected to files and /dev/null behave as on Windows:
# usage: redirect.sh LSW HELLO.EXE STDIO.EXE
lsw=$1 hello=$2 stdio=$3
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
"$lsw" run --prefix "$dir/prefix" "$hello" > "$dir/out.txt" || fail "hello exit $?"
printf 'Hello from Windows, running under lsw!\r\n' | cmp - "$dir/out.txt" || fail "stdout file differs"
printf 'a\nb\n.\nx\n' > "$dir/in.txt"
"$lsw" run --prefix "$dir/prefix" "$stdio" < "$dir/in.txt" > "$dir/out2.txt" 2> "$dir/err.txt" ||
	fail "stdio exit $?"
grep -q 'line 2: b' "$dir/out2.txt" || fail "stdin from a file: $(cat "$dir/out2.txt")"
grep -q 'lines=2 x=1' "$dir/err.txt" || fail "stderr to a file: $(cat "$dir/err.txt")"
"$lsw" run --prefix "$dir/prefix" "$stdio" < /dev/null > /dev/null 2> "$dir/err3.txt" ||
	fail "stdin from /dev/null: exit $?"
grep -q 'lines=0 x=0' "$dir/err3.txt" || fail "stdin from /dev/null: $(cat "$dir/err3.txt")"
echo "ok"
