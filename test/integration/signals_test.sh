#!/bin/sh
# Signals: Ctrl-C (SIGINT to lsw) is the console's Ctrl-C event: without
# a handler the program ends as on a console, with STATUS_CONTROL_C_EXIT
# (low byte 0x3A = 58); a handler takes it whether the program waits,
# sleeps or spins; SIGQUIT (Ctrl-\) is Ctrl-Break; SIGHUP (the terminal
# went away) is the console's close, CTRL_CLOSE_EVENT.  Stopping and
# continuing the Windows process during a wait does not disturb the wait.
# usage: signals_test.sh LSW SLEEPER.EXE CTRLC.EXE
lsw=$1 exe=$2 ctrlc=$3
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

"$lsw" run --prefix "$dir/p" --timeout 20 "$exe" 5000 > /dev/null &
pid=$!
sleep 0.5
kill -HUP $pid
wait $pid
status=$?
[ $status -eq 58 ] || fail "after SIGHUP: exit status $status, want 58 (STATUS_CONTROL_C_EXIT)"

# ctrlc.exe MODE prints "ready" with its handler in place; the handler
# exits 10 + the event (wait, spin) or 20 + the event (sleep).
handled() {
	mode=$1 sig=$2 want=$3
	"$lsw" run --prefix "$dir/p" --timeout 20 "$ctrlc" "$mode" > "$dir/c.out" &
	pid=$!
	for i in $(seq 100); do
		grep -q ready "$dir/c.out" && break
		sleep 0.1
	done
	kill -$sig $pid
	wait $pid
	status=$?
	[ $status -eq $want ] || fail "$mode, SIG$sig: exit status $status, want $want: $(cat "$dir/c.out")"
}
handled wait INT 10
handled sleep INT 20
handled spin INT 10
handled wait QUIT 11
handled sleep HUP 22

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
