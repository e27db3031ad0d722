#!/bin/sh
# usage: chanfileio_test.sh LSW CHANFILEIO.EXE
# Runs the fast channel's file I/O fixture, run and traced (the channel
# hands traced I/O back to the syscall: both paths must agree), and checks
# from the host the file it wrote last and the append-only file.
lsw=$1 exe=$2
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
failures=0
fail() { printf 'FAIL: %s\n' "$*"; failures=$((failures + 1)); }

cd "$dir" || exit 1
for how in run trace; do
	rm -f chanfileio.*
	if [ $how = run ]; then
		"$lsw" run --prefix "$dir/prefix" --timeout 120 "$exe" . > raw.txt 2> err.txt
	else
		"$lsw" trace -o /dev/null --prefix "$dir/prefix" --timeout 120 "$exe" . \
			> raw.txt 2> err.txt
	fi
	status=$?
	tr -d '\r' < raw.txt > out.txt
	grep -v '^ok: ' out.txt
	cat err.txt
	[ $status -eq 0 ] || fail "$how: exit status $status"
	grep -q '^chanfileio: [1-9][0-9]* checks, 0 failed$' out.txt ||
		fail "$how: the fixture's checks failed"
	python3 - <<'PY' || fail "$how: file contents"
import os, sys
def byte_at(i):
    return (i * 7 + (i >> 9) * 13 + 1) & 0xff
B = 64 * 1024
total = 1 + 100 + 4096 + (B - 1) + B + (B + 1) + 3 * B
ok = True
for name, size in (('chanfileio.out', total), ('chanfileio.dat', total)):
    d = open(name, 'rb').read()
    want = bytes(byte_at(i) for i in range(size))
    if d != want:
        first = next((i for i in range(min(len(d), size)) if d[i] != want[i]), min(len(d), size))
        print('%s differs from the pattern (size %d, want %d, first difference at %d)'
              % (name, len(d), size, first))
        ok = False
app = open('chanfileio.app', 'rb').read()
if app != bytes(byte_at(i) for i in range(len(app))) or len(app) < 4 * B:
    print('chanfileio.app is not the pattern written in order (size %d)' % len(app))
    ok = False
sys.exit(0 if ok else 1)
PY
done
[ $failures -eq 0 ] && echo "chanfileio: all checks passed"
exit $failures
