#!/bin/sh
# usage: chanstdout_test.sh LSW CHANSTDOUT.EXE
# NtWriteFile to lsw's stdout and stderr through the fast channel: stdout
# to a file, to a pipe read at once, to a pipe whose reader starts late (it
# fills: the writes that find it full are handed back and queued, in
# order), and traced (the syscall path).  The bytes are checked here.
lsw=$1 exe=$2
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
failures=0
fail() { printf 'FAIL: %s\n' "$*"; failures=$((failures + 1)); }

cd "$dir" || exit 1
run() { "$lsw" run --prefix "$dir/prefix" --timeout 120 "$exe"; }
for how in file pipe late-pipe trace; do
	case $how in
	file) run > out.txt 2> err.txt ;;
	pipe) run 2> err.txt | cat > out.txt ;;
	late-pipe) run 2> err.txt | { sleep 2; cat; } > out.txt ;;
	trace) "$lsw" trace -o /dev/null --prefix "$dir/prefix" --timeout 120 "$exe" \
		> out.txt 2> err.txt ;;
	esac
	python3 - "$how" <<'PY' || fail "$how"
import re, sys
alphabet = b"0123456789abcdefghijklmnopqrstuvwxyz\n"
n = 20000 + 2 + 100 + 4095 + 4096 + 4097 + 65536
want = bytes(alphabet[i % len(alphabet)] for i in range(n)) + b"EVENT\n"
out = open("out.txt", "rb").read()
err = open("err.txt", "rb").read()
ok = True
if out[:len(want)] != want:
    first = next((i for i in range(min(len(out), len(want))) if out[i] != want[i]),
                 min(len(out), len(want)))
    print("%s: stdout is not the pattern (size %d, first difference at %d)"
          % (sys.argv[1], len(out), first))
    ok = False
rest = out[len(want):].decode("latin-1").replace("\r", "")
for line in rest.splitlines():
    if not line.startswith("ok: "):
        print("%s: %s" % (sys.argv[1], line))
if not re.search(r"^chanstdout: 7 checks, 0 failed$", rest, re.M):
    print("%s: the fixture's checks failed" % sys.argv[1])
    ok = False
if not err.startswith(b"e" * 2000 + b"\n"):
    print("%s: stderr is not the pattern: %r" % (sys.argv[1], err[:200]))
    ok = False
sys.exit(0 if ok else 1)
PY
done
[ $failures -eq 0 ] && echo "chanstdout: all checks passed"
exit $failures
