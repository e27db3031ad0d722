#!/bin/sh
# usage: filemap_test.sh LSW FILEMAP.EXE
# Runs the file-mapping fixture and checks from the host what its views
# did to the files: shared writes reached data.bin (flushed), the
# copy-on-write view's did not, a writable section grew grow.bin.
lsw=$1 exe=$2
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
failures=0
fail() { printf 'FAIL: %s\n' "$*"; failures=$((failures + 1)); }

cd "$dir" || exit 1
python3 -c 'import sys; sys.stdout.buffer.write(bytes(i % 251 for i in range(200000)))' > data.bin
: > empty.bin
"$lsw" run --prefix "$dir/prefix" --timeout 60 "$exe" data.bin grow.bin empty.bin \
	> raw.txt 2> err.txt
status=$?
tr -d '\r' < raw.txt > out.txt
cat out.txt
cat err.txt
[ $status -eq 0 ] || fail "exit status $status"
grep -q '^[1-9][0-9]* checks, 0 failed$' out.txt || fail "the fixture's checks failed"
python3 - <<'PY' || fail "file contents"
import os, sys
d = open('data.bin', 'rb').read()
want = bytearray(i % 251 for i in range(200000))
want[0:5] = b'HELLO'
want[70000:70005] = b'WORLD'
ok = True
if d != bytes(want):
    diff = next(i for i in range(min(len(d), len(want))) if d[i] != want[i]) if len(d) == len(want) else -1
    print('data.bin differs (size %d, first difference at %d)' % (len(d), diff))
    ok = False
if os.path.getsize('grow.bin') != 100000 or open('grow.bin', 'rb').read().strip(b'\0'):
    print('grow.bin is not 100000 zero bytes')
    ok = False
sys.exit(0 if ok else 1)
PY
[ $failures -eq 0 ] && echo "filemap: all checks passed"
exit $failures
