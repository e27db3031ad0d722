#!/bin/sh
# A named pipe between two separate `lsw run` commands: both run through
# lswhost, whose pipe namespace they share; the server upper-cases what
# the client sends (CallNamedPipe) and sees the pipe break when it goes.
# usage: namedpipe_runs_test.sh LSW NAMEDPIPE.EXE
lsw=$1 exe=$2
dir=$(mktemp -d) || exit 1
export XDG_RUNTIME_DIR="$dir/run" LSW_HOST_IDLE=30 LSW_PREFIX="$dir/p"
unset LSW_STANDALONE
mkdir -m 700 "$XDG_RUNTIME_DIR"
trap '"$lsw" host stop >/dev/null 2>&1; rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
pipe='\\.\pipe\lsw-two-runs'

"$lsw" run "$exe" serve "$pipe" > "$dir/server.out" 2>&1 &
server=$!
i=0
until grep -q serving "$dir/server.out" 2>/dev/null; do
	i=$((i + 1))
	[ $i -gt 300 ] && fail "the server did not start: $(cat "$dir/server.out")"
	sleep 0.1
done
"$lsw" run "$exe" call "$pipe" > "$dir/client.out" 2>&1 || fail "client: $(cat "$dir/client.out")"
wait $server || fail "server exit $?: $(cat "$dir/server.out")"
grep -q 'client got \[FROM ANOTHER RUN\]' "$dir/client.out" || fail "client: $(cat "$dir/client.out")"
grep -q 'server got \[from another run\]' "$dir/server.out" || fail "server: $(cat "$dir/server.out")"
echo "ok: a named pipe between two runs"
