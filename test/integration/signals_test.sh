#!/bin/sh
# Signals: Ctrl-C (SIGINT to lsw) ends the program as a console does, with
# STATUS_CONTROL_C_EXIT (low byte 0x3A = 58); stopping and continuing the
# Windows process during a wait does not disturb the wait.
# usage: signals_test.sh LSW SLEEPER.EXE
lsw=$1 exe=$2
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$lsw" run --prefix "$dir/p" --timeout 20 "$exe" 5000 > /dev/null &
pid=$!
sleep 0.5
kill -INT $pid
wait $pid
status=$?
[ $status -eq 58 ] || fail "after SIGINT: exit status $status, want 58 (STATUS_CONTROL_C_EXIT)"

"$lsw" run --prefix "$dir/p" --timeout 20 "$exe" 1000 > "$dir/out" &
pid=$!
sleep 0.3
child=$(pgrep -P $pid | head -n 1)
[ -n "$child" ] || fail "no Windows process"
kill -STOP "$child"
sleep 0.2
kill -CONT "$child"
wait $pid
status=$?
[ $status -eq 0 ] || fail "after SIGSTOP/SIGCONT: exit status $status, want 0"
grep -q "slept 1000" "$dir/out" || fail "the sleep did not finish: $(cat "$dir/out")"
echo ok
