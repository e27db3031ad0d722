#!/bin/sh
# The sandbox's loopback is its own: a service listening on the host's
# 127.0.0.1 is not reachable from a Windows program (its connect is
# refused, nothing listening there in the sandbox's network), and the
# service sees no connection.  The fixture checks the rest of its sockets
# too, addresses outside the loopback included (WSAENETUNREACH).
# usage: socket_host_test.sh LSW SOCKETS.EXE
lsw=$1 exe=$2
dir=$(mktemp -d) || exit 1
python3 - "$dir" <<'PY' &
import socket, sys, os
s = socket.socket()
s.bind(("127.0.0.1", 0))
s.listen(8)
s.settimeout(60)
open(os.path.join(sys.argv[1], "port"), "w").write(str(s.getsockname()[1]))
try:
    c, _ = s.accept()
    open(os.path.join(sys.argv[1], "reached"), "w").write("yes")
except OSError:
    pass
PY
py=$!
trap 'kill $py 2>/dev/null; rm -rf "$dir"' EXIT
for _ in $(seq 100); do [ -s "$dir/port" ] && break; sleep 0.05; done
port=$(cat "$dir/port") || { echo "FAIL: no host service"; exit 1; }
out=$("$lsw" run --prefix "$dir/pfx" --timeout 120 "$exe" sandbox "$port")
status=$?
echo "$out" | grep -v '^ok:'
# no network namespace on this machine: no sockets at all, a skip
[ $status = 77 ] && echo "$out" | grep -q "skipped:" && exit 77
fail=0
[ $status -eq 0 ] || { echo "FAIL: exit status $status"; fail=1; }
echo "$out" | grep -q '^sockets: [0-9]* checks, 0 failed' || { echo "FAIL: checks failed"; fail=1; }
[ -e "$dir/reached" ] && { echo "FAIL: the host service was reached from the sandbox"; fail=1; }
[ $fail -eq 0 ] && echo ok
exit $fail
