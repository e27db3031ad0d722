#!/bin/sh
# The fast channel's spread (docs/fastpath.md): R runs of `ntloop.exe N e`
# (N NtSetEvent on an event nobody waits for) through a prefix's lswhost,
# the channel on and off (LSW_FASTCALL=0, an lswhost of its own) in turn,
# each run's wall time, then min / median / max and the median per call
# against native getppid.  BUSY=k runs k busy loops meanwhile (the load
# case); STANDALONE=1 uses `lsw run --standalone` instead of lswhost;
# PRE="chrt -f 1" runs lsw under that command (real-time priority gives
# lsw both CPUs on a machine other work keeps busy, as an idle one would).
# Usage: bench/fastcall_spread.sh [R [N]]   (build first: ninja -C build)
set -eu
R=${1:-10}
N=${2:-200000}
B=${LSW_BUILD:-$(dirname "$0")/../build}
LSW=$B/cli/lsw
LOOP=$B/fixtures/ntloop.exe
P=${LSW_BENCH_PREFIX:-/tmp/lswbench}-spread
MODE=
[ "${STANDALONE:-0}" = 1 ] && MODE=--standalone
busy=
cleanup() {
	for pid in $busy; do kill "$pid" 2>/dev/null || true; done
	"$LSW" host --prefix "$P" stop >/dev/null 2>&1 || true
	LSW_FASTCALL=0 "$LSW" host --prefix "$P-nofast" stop >/dev/null 2>&1 || true
}
trap cleanup EXIT INT TERM

now() { date +%s.%N; }
# one timed run: prints its wall seconds
run() { # fc prefix
	t0=$(now)
	LSW_FASTCALL=$1 ${PRE:-} "$LSW" run $MODE --prefix "$2" -- "$LOOP" "$N" e >/dev/null
	echo "$(now) - $t0" | bc
}
stats() { # label, times...
	label=$1; shift
	printf '%s\n' "$@" | sort -n | awk -v l="$label" -v n="$N" -v g="$GETPPID" '
		{ t[NR] = $1 }
		END { m = (NR % 2) ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
		      printf "%-12s min %.3f  median %.3f  max %.3f s  max/min %.2f  " \
			     "median %.3f us/call = %.1fx getppid\n", l, t[1], m, t[NR],
			     t[NR] / t[1], m / n * 1e6, m / n * 1e9 / g }'
}

i=0
while [ "$i" -lt "${BUSY:-0}" ]; do
	sh -c 'while :; do :; done' &
	busy="$busy $!"
	i=$((i + 1))
done
${PRE:-} "$LSW" run $MODE --prefix "$P" -- "$LOOP" 1 e >/dev/null # warm both lswhosts
LSW_FASTCALL=0 ${PRE:-} "$LSW" run $MODE --prefix "$P-nofast" -- "$LOOP" 1 e >/dev/null
GETPPID=$(${PRE:-} "$B/bench/native_syscall" 2000000 | awk '/getppid/ { print $2 }')
echo "load $(cut -d' ' -f1 /proc/loadavg), busy loops ${BUSY:-0}, native getppid $GETPPID ns," \
     "$R runs of ${PRE:+$PRE }lsw run ${MODE:-(lswhost)} ntloop.exe $N e"
on= off=
i=0
while [ "$i" -lt "$R" ]; do
	on="$on $(run 1 "$P")"
	off="$off $(run 0 "$P-nofast")"
	i=$((i + 1))
done
echo "on: $on"
echo "off:$off"
# shellcheck disable=SC2086
stats "channel on" $on
# shellcheck disable=SC2086
stats "channel off" $off
echo "load at the end $(cut -d' ' -f1 /proc/loadavg)"
