#!/bin/sh
# lswhost: lsw run through the daemon behaves as standalone (output, exit
# codes), two runs share named objects and the registry live, lsw ps /
# kill / host see and end its processes, signals are relayed, hostile
# clients are refused, the daemon exits when idle or stopped.
# usage: lswhost_test.sh LSW PROTOCOL.PY HELLO ARGS EXITCODE STDIO CRASH SLEEPER HOSTSHARE
#        PROCTREE CTRLC
lsw=$1 proto=$2 hello=$3 args=$4 exitcode=$5 stdio=$6 crash=$7 sleeper=$8 share=$9
tree=${10} ctrlc=${11}
dir=$(mktemp -d) || exit 1
export XDG_RUNTIME_DIR="$dir/run" LSW_HOST_IDLE=30 LSW_PREFIX="$dir/p"
unset LSW_STANDALONE
mkdir -m 700 "$XDG_RUNTIME_DIR"
# the daemon has let go of its lock (exited, registry written) before the
# prefix goes
trap 'chmod 700 "$XDG_RUNTIME_DIR/lsw" 2>/dev/null; "$lsw" host stop >/dev/null 2>&1; [ -n "$sock" ] && flock "${sock%.sock}.lock" true
rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; [ -n "$log" ] && cat "$log"; exit 1; }
log= sock=

# The same program standalone and through the daemon: same stdout,
# stderr and exit status.
same() {
	name=$1; shift
	printf 'one\ntwo\n.\nxx-x\n' | "$lsw" run --standalone "$@" > "$dir/s.out" 2> "$dir/s.err"
	s=$?
	printf 'one\ntwo\n.\nxx-x\n' | "$lsw" run "$@" > "$dir/d.out" 2> "$dir/d.err"
	d=$?
	[ $s -eq $d ] || fail "$name: exit status $d through lswhost, $s standalone"
	cmp -s "$dir/s.out" "$dir/d.out" || fail "$name: stdout differs: $(cat "$dir/d.out")"
	cmp -s "$dir/s.err" "$dir/d.err" || fail "$name: stderr differs: $(cat "$dir/d.err")"
}
same hello "$hello"
same args "$args" a "b c" 'd"e' ''
same exit "$exitcode" exit 300
same ExitProcess "$exitcode" ExitProcess 3
same stdio "$stdio"
same crash "$crash" read
same timeout --timeout 1 "$sleeper"
same bad-map --map /nonexistent "$hello"
"$lsw" run --timeout 1 "$sleeper" > /dev/null 2>&1
[ $? -eq 124 ] || fail "timeout through lswhost: not 124"

"$lsw" host status > "$dir/status" || fail "no daemon after runs: $(cat "$dir/status")"
grep -q '^processes: 0$' "$dir/status" || fail "status: $(cat "$dir/status")"
sock=$(sed -n 's/^socket: //p' "$dir/status")
build=$(sed -n 's/^build: //p' "$dir/status")
hostpid=$(sed -n 's/^pid: //p' "$dir/status")
log=${sock%.sock}.log
[ -S "$sock" ] || fail "no socket at $sock"
[ "$(stat -c %a "$(dirname "$sock")")" = 700 ] || fail "runtime directory not private"
[ "$(cat /proc/$hostpid/comm)" = lswhost ] || fail "pid $hostpid is not lswhost"

# Two runs share the object namespace and the registry, live.
"$lsw" run "$share" serve > "$dir/a.out" 2>&1 &
a=$!
for i in $(seq 100); do grep -q ready "$dir/a.out" && break; sleep 0.1; done
grep -q ready "$dir/a.out" || fail "serve not ready: $(cat "$dir/a.out")"
"$lsw" run --standalone "$share" open > "$dir/alone.out"
[ $? -eq 2 ] && grep -q 'OpenEvent failed 2' "$dir/alone.out" ||
	fail "a standalone run saw the daemon's event: $(cat "$dir/alone.out")"
"$lsw" run "$share" open > "$dir/b.out" || fail "open: $(cat "$dir/b.out")"
grep -q 'value: live-from-serve' "$dir/b.out" || fail "registry not shared: $(cat "$dir/b.out")"
wait $a || fail "serve: $(cat "$dir/a.out")"
grep -q signalled "$dir/a.out" || fail "serve not signalled: $(cat "$dir/a.out")"

# lsw reg goes through the running daemon: what a program just wrote
# reads back at once (the daemon writes it out first), and what lsw reg
# adds or deletes reaches the daemon's registry and its next runs'
# environment (HKCU\Environment) without a new daemon.
"$lsw" reg query 'HKCU\Software\LswHostShare' /v Token > "$dir/reg" 2>&1 &&
	grep -q 'live-from-serve' "$dir/reg" || fail "lsw reg does not see the daemon's value: $(cat "$dir/reg")"
"$lsw" run "$share" show > "$dir/show" && grep -q '^env: unset (203)' "$dir/show" ||
	fail "show before lsw reg: $(cat "$dir/show")"
"$lsw" reg add 'HKCU\Software\LswHostShare' /v Token /d from-lsw-reg /f > /dev/null &&
	"$lsw" reg add 'HKCU\Environment' /v LSWSHAREENV /d env-from-reg > /dev/null ||
	fail "lsw reg add with a daemon running"
"$lsw" run "$share" show > "$dir/show" || fail "show: $(cat "$dir/show")"
grep -q '^value: from-lsw-reg' "$dir/show" && grep -q '^env: env-from-reg' "$dir/show" ||
	fail "the daemon did not take in lsw reg add: $(cat "$dir/show")"
"$lsw" reg delete 'HKCU\Environment' /v LSWSHAREENV > /dev/null || fail "lsw reg delete"
"$lsw" run "$share" show > "$dir/show" && grep -q '^env: unset (203)' "$dir/show" ||
	fail "the daemon did not take in lsw reg delete: $(cat "$dir/show")"
[ "$("$lsw" host status | sed -n 's/^pid: //p')" = "$hostpid" ] || fail "the daemon changed"
"$lsw" reg add 'HKCU\Software\LswHostShare' /v Token /d live-from-serve /f > /dev/null ||
	fail "lsw reg add back"

# lsw ps lists a running program; lsw kill ends it with the code given.
wait_ps() {
	for i in $(seq 100); do
		"$lsw" ps > "$dir/ps" && grep -q "running.*sleeper.exe.* $1\$" "$dir/ps" && return 0
		sleep 0.1
	done
	fail "lsw ps does not list sleeper $1: $(cat "$dir/ps")"
}
"$lsw" run "$sleeper" 30000 > /dev/null &
k=$!
wait_ps 30000
pid=$(awk '/sleeper.exe 30000$/ {print $1}' "$dir/ps")
"$lsw" ps --json | python3 -c '
import json, sys
rows = json.load(sys.stdin)
assert any(r["pid"] == int(sys.argv[1]) and r["state"] == "running" and
           r["image"].endswith("sleeper.exe") and r["job"] > 0 for r in rows), rows
' "$pid" || fail "lsw ps --json"
"$lsw" kill --code 42 "$pid" || fail "lsw kill $pid"
wait $k
st=$?
[ $st -eq 42 ] || fail "killed with --code 42: exit status $st"
"$lsw" kill 99999 2> "$dir/kerr" && fail "kill of no process succeeded"
grep -q 'no process 99999' "$dir/kerr" || fail "kill error: $(cat "$dir/kerr")"
"$lsw" run "$sleeper" 30001 > /dev/null &
k=$!
wait_ps 30001
pid=$(awk '/sleeper.exe 30001$/ {print $1}' "$dir/ps")
"$lsw" kill "$pid"
wait $k
st=$?
[ $st -eq 1 ] || fail "killed without --code: exit status $st, want 1"

# lsw ps's CPU time and resident memory: a program that has done 300
# million rounds of work (about 0.5 s of CPU here) shows at least 100 ms,
# its resident size is that of a small program.
"$lsw" run "$sleeper" 30010 300 > "$dir/spin.out" &
k=$!
for i in $(seq 300); do
	grep -q '^spun' "$dir/spin.out" && break
	sleep 0.1
done
grep -q '^spun' "$dir/spin.out" || fail "sleeper did not spin: $(cat "$dir/spin.out")"
"$lsw" ps --json > "$dir/ps.json"
pid=$(python3 -c '
import json, sys
rows = [r for r in json.load(open(sys.argv[1])) if r["command_line"].endswith("30010 300")]
assert len(rows) == 1, rows
r = rows[0]
assert 100 <= r["cpu_time_ms"] < 60000, r
assert 256 * 1024 <= r["memory_bytes"] < 512 << 20, r
print(r["pid"])
' "$dir/ps.json") || fail "lsw ps --json CPU time or memory: $(cat "$dir/ps.json")"
"$lsw" ps > "$dir/ps"
awk -v p="$pid" '$1 == p && $6 ~ /^[0-9]+:[0-9][0-9]\.[0-9][0-9]$/ && $6 >= "0:00.10" && $7 > 256' \
	"$dir/ps" | grep -q . || fail "lsw ps TIME and RSS of $pid: $(cat "$dir/ps")"

# lsw kill -s: an ending signal ends the program with 128+N (as a shell
# shows a death by signal); signals that do not end a process are
# refused, the program left running.
"$lsw" kill -s STOP "$pid" 2> "$dir/kerr" && fail "kill -s STOP succeeded"
"$lsw" kill -s TERM --code 3 "$pid" 2> /dev/null && fail "kill with -s and --code succeeded"
"$lsw" ps | awk -v p="$pid" '$1 == p' | grep -q running || fail "refused kills ended $pid"
"$lsw" kill -s TERM "$pid" || fail "lsw kill -s TERM $pid"
wait $k
st=$?
[ $st -eq 143 ] || fail "killed with -s TERM: exit status $st, want 143"
"$lsw" run "$sleeper" 30003 > /dev/null &
k=$!
wait_ps 30003
"$lsw" kill -s 9 "$(awk '/sleeper.exe 30003$/ {print $1}' "$dir/ps")" || fail "lsw kill -s 9"
wait $k
st=$?
[ $st -eq 137 ] || fail "killed with -s 9: exit status $st, want 137"

# Children under the daemon: lsw ps gives each process its parent and
# the command line its parent gave it; lsw kill --tree ends a process and
# its descendants, not its parent (which sees the code given).
"$lsw" run "$tree" 2 > "$dir/tree.out" &
t=$!
for i in $(seq 100); do grep -q '^level 0 pid' "$dir/tree.out" && break; sleep 0.1; done
p2=$(tr -d '\r' < "$dir/tree.out" | sed -n 's/^level 2 pid //p')
p1=$(tr -d '\r' < "$dir/tree.out" | sed -n 's/^level 1 pid //p')
p0=$(tr -d '\r' < "$dir/tree.out" | sed -n 's/^level 0 pid //p')
[ -n "$p0" ] || fail "proctree did not start its tree: $(cat "$dir/tree.out")"
"$lsw" ps > "$dir/ps"
[ "$(awk -v p="$p1" '$1 == p {print $2}' "$dir/ps")" = "$p2" ] ||
	fail "lsw ps: $p1's parent is not $p2: $(cat "$dir/ps")"
"$lsw" ps --json | python3 -c '
import json, sys
rows = {r["pid"]: r for r in json.load(sys.stdin)}
p2, p1, p0 = (int(a) for a in sys.argv[1:4])
assert rows[p2]["parent"] == 0 and rows[p2]["command_line"].endswith("proctree.exe 2"), rows[p2]
assert rows[p1]["parent"] == p2 and rows[p1]["command_line"] == "proctree 1 60000", rows[p1]
assert rows[p0]["parent"] == p1 and rows[p0]["command_line"] == "proctree 0 60000", rows[p0]
assert rows[p2]["job"] == rows[p1]["job"] == rows[p0]["job"] > 0, rows
assert all(rows[p]["state"] == "running" for p in (p2, p1, p0)), rows
' "$p2" "$p1" "$p0" || fail "lsw ps --json of a process tree: $(cat "$dir/ps")"
"$lsw" kill --tree --code 7 "$p1" || fail "lsw kill --tree $p1"
wait $t
st=$?
[ $st -eq 42 ] || fail "the root of a killed subtree: exit status $st, want 42"
tr -d '\r' < "$dir/tree.out" | grep -q '^level 2: child exit 7$' || fail "kill --tree: $(cat "$dir/tree.out")"
"$lsw" ps > "$dir/ps"
awk -v a="$p1" -v b="$p0" '$1 == a || $1 == b' "$dir/ps" | grep -q . &&
	fail "killed processes still listed: $(cat "$dir/ps")"

# Runs through the daemon take pre-started runtimes (spares, already
# children of lswhost before the run), each with the run's own wall: the
# limits a standalone run's runtime has, or those the run asked for
# (RLIMIT_DATA --memory + 64 MiB, RLIMIT_NPROC --pids + 8, one CPU of two).
runtime_of() { # the lswhost child that maps sleeper.exe
	for r in $(pgrep -P "$hostpid"); do
		grep -q 'memfd:sleeper.exe' "/proc/$r/maps" 2>/dev/null && echo "$r"
	done
}
wall() { grep -E '^Max (data size|processes)' "/proc/$1/limits"; }
"$lsw" run --standalone "$sleeper" 30000 > /dev/null &
k=$!
for i in $(seq 100); do
	alone=$(pgrep -P $k) && grep -q 'memfd:sleeper.exe' "/proc/$alone/maps" 2>/dev/null && break
	sleep 0.1
done
want=$(wall "$alone")
kill $k; wait $k
spares=$(pgrep -P "$hostpid")
"$lsw" run "$sleeper" 30005 > /dev/null &
k=$!
wait_ps 30005
rt=$(runtime_of)
echo "$spares" | grep -qx "$rt" || fail "runtime $rt is not one of the spares ($spares)"
[ "$(wall "$rt")" = "$want" ] || fail "a spare's wall: $(wall "$rt"), standalone: $want"
"$lsw" kill "$(awk '/sleeper.exe 30005$/ {print $1}' "$dir/ps")"
wait $k
"$lsw" run --memory 100M --pids 50 --cpus 1 "$sleeper" 30006 > /dev/null 2>&1 &
k=$!
wait_ps 30006
rt=$(runtime_of)
[ -n "$rt" ] || fail "no runtime maps sleeper.exe"
grep -q '^Max data size  *171966464  *171966464 ' "/proc/$rt/limits" &&
	grep -q '^Max processes  *58  *58 ' "/proc/$rt/limits" ||
	fail "the run's rlimits are not its runtime's: $(cat "/proc/$rt/limits")"
if [ "$(nproc)" -gt 1 ]; then
	cpus=$(awk '/^Cpus_allowed_list/ {print $2}' "/proc/$rt/status")
	case $cpus in *[,-]*|"") fail "CPUs allowed: '$cpus', want one";; esac
fi
"$lsw" kill "$(awk '/sleeper.exe 30006$/ {print $1}' "$dir/ps")"
wait $k

# Ctrl-C (SIGINT to lsw run) ends the program as standalone does.
"$lsw" run "$sleeper" 30002 > /dev/null &
k=$!
wait_ps 30002
kill -INT $k
wait $k
st=$?
[ $st -eq 58 ] || fail "after SIGINT: exit status $st, want 58"

# The console's Ctrl-C and Ctrl-Break reach a program's handler: lsw kill
# -s INT / -s QUIT, and SIGINT to lsw run (ctrlc.exe's handler exits 10 +
# the event when its main thread waits, 20 + it when it sleeps).
ctrl_run() {
	"$lsw" run "$ctrlc" "$1" > "$dir/c.out" &
	k=$!
	for i in $(seq 100); do
		grep -q ready "$dir/c.out" && break
		sleep 0.1
	done
	"$lsw" ps > "$dir/ps"
	cpid=$(awk '/ctrlc.exe '"$1"'$/ {print $1}' "$dir/ps")
	[ -n "$cpid" ] || fail "lsw ps does not list ctrlc $1: $(cat "$dir/ps")"
}
ctrl_end() {
	wait $k
	st=$?
	[ $st -eq $1 ] || fail "$2: exit status $st, want $1: $(cat "$dir/c.out")"
}
ctrl_run wait
"$lsw" kill -s INT "$cpid" || fail "lsw kill -s INT"
ctrl_end 10 "kill -s INT"
grep -q "handler: event 0" "$dir/c.out" || fail "kill -s INT: $(cat "$dir/c.out")"
ctrl_run sleep
"$lsw" kill -s QUIT "$cpid" || fail "lsw kill -s QUIT"
ctrl_end 21 "kill -s QUIT"
ctrl_run spin
kill -INT $k
ctrl_end 10 "SIGINT to lsw run"

# Hostile clients of the same user: refused, the daemon goes on.
python3 "$proto" "$sock" "$build" || fail "protocol"
[ "$("$lsw" host status | sed -n 's/^pid: //p')" = "$hostpid" ] || fail "the daemon was replaced"

# Another user is refused (SO_PEERCRED), even with the directory and
# socket opened up to it for the test.
if [ "$(id -u)" = 0 ] && command -v setpriv > /dev/null && [ -x /usr/bin/python3 ]; then
	chmod 711 "$(dirname "$sock")" "$XDG_RUNTIME_DIR" "$dir" && chmod 777 "$sock"
	setpriv --reuid 65534 --regid 65534 --clear-groups /usr/bin/python3 -c '
import socket, struct, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.settimeout(5)
s.connect(sys.argv[1])
try:
    s.sendall(struct.pack("<II", 0, 10))
    reply = s.recv(64)
except (BrokenPipeError, ConnectionResetError):
    reply = b""
sys.exit(0 if reply == b"" else 1)
' "$sock" || fail "another uid was not refused"
	chmod 700 "$(dirname "$sock")" "$XDG_RUNTIME_DIR" "$dir"
	grep -q 'refused a connection from uid 65534' "$log" || fail "refusal not logged"
fi

# lsw host stop: running programs end after the grace period.
"$lsw" run "$sleeper" 30003 > /dev/null &
k=$!
wait_ps 30003
"$lsw" host stop > /dev/null || fail "lsw host stop"
wait $k
st=$?
[ $st -eq 58 ] || fail "a program of a stopped daemon: exit status $st, want 58"
"$lsw" host status > /dev/null
[ $? -eq 3 ] || fail "the daemon still runs after stop"

# The daemon dying mid-run: the program goes with it (its runtime's parent
# death signal), lsw run says so and exits 125.
"$lsw" run "$sleeper" 30004 > /dev/null 2> "$dir/died.err" &
k=$!
wait_ps 30004
diedpid=$("$lsw" host status | sed -n 's/^pid: //p')
runtimes=$(pgrep -P "$diedpid") # the program's, and the spares
[ -n "$runtimes" ] || fail "no runtime under the daemon"
kill -KILL "$diedpid"
wait $k
st=$?
[ $st -eq 125 ] || fail "after the daemon died: exit status $st, want 125"
grep -q 'lswhost ended before the program did' "$dir/died.err" ||
	fail "no message when the daemon died: $(cat "$dir/died.err")"
alive() { for r in $runtimes; do kill -0 "$r" 2>/dev/null && return 0; done; return 1; }
for i in $(seq 50); do alive || break; sleep 0.1; done
alive && fail "a runtime outlived its daemon"
"$lsw" run "$hello" > /dev/null || fail "no new daemon after one died"
# nothing it had written is lost or damaged: the value of the finished
# run above reads back, standalone and through the new daemon
"$lsw" reg query 'HKCU\Software\LswHostShare' /v Token > "$dir/reg" 2>&1 &&
	grep -q 'live-from-serve' "$dir/reg" || fail "registry after the daemon died: $(cat "$dir/reg")"
"$lsw" run "$share" serve > "$dir/a.out" 2>&1 &
a=$!
for i in $(seq 100); do grep -q ready "$dir/a.out" && break; sleep 0.1; done
"$lsw" run "$share" open > "$dir/b.out" && grep -q 'value: live-from-serve' "$dir/b.out" ||
	fail "the new daemon's registry: $(cat "$dir/b.out")"
wait $a || fail "serve after the daemon died: $(cat "$dir/a.out")"

# A daemon of another build retires: the client runs standalone, says so,
# and the daemon exits at once (idle).
"$lsw" run "$hello" > /dev/null || fail "run after stop"
sock_pid=$("$lsw" host status | sed -n 's/^pid: //p')
python3 -c '
import socket, struct, sys
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.connect(sys.argv[1])
b = b"0.0.0:old-build"
s.sendall(struct.pack("<II", 8 + len(b), 1) + struct.pack("<II", 1, len(b)) + b)
h = s.recv(8)
sys.exit(0 if struct.unpack("<II", h)[1] == 14 else 1)
' "$sock" || fail "another build was not told apart"
for i in $(seq 50); do kill -0 "$sock_pid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$sock_pid" 2>/dev/null && fail "a retired idle daemon did not exit"

# Idle exit: LSW_HOST_IDLE=2 seconds after the last run.
LSW_HOST_IDLE=2 "$lsw" run "$hello" > /dev/null || fail "run"
idlepid=$("$lsw" host status | sed -n 's/^pid: //p')
sleep 1
kill -0 "$idlepid" 2>/dev/null || fail "the daemon exited before its idle time"
for i in $(seq 60); do kill -0 "$idlepid" 2>/dev/null || break; sleep 0.1; done
kill -0 "$idlepid" 2>/dev/null && fail "the daemon did not exit when idle"
[ -e "$sock" ] && fail "the idle daemon left its socket"
echo ok
