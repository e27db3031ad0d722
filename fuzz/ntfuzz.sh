#!/usr/bin/env bash
# Fuzzes the NT call surface: ntfuzz.exe makes random NT calls with random
# arguments under lsw-san, the supervisor built with ASan and UBSan.
#
#   ntfuzz.sh LSW_SAN NTFUZZ_EXE CORPUS [FOUND_EXE]
#
# FOUND_EXE (fixtures/fuzzfound.c: one check per bug found) runs first,
# and must pass without a sanitizer report.  Every run of CORPUS (lines "SEED COUNT", # comments: seeds that found bugs)
# is replayed, then the fixed seeds below, then random seeds (printed) until
# FUZZ_TIME seconds (default 75) have gone.  FUZZ_SEEDS="SEED:COUNT ..."
# runs just those.  One run in four is `lsw-san trace`, for the argument
# decoders.  A run fails when the supervisor reports a sanitizer error,
# crashes, hangs (no end within its --timeout + 10 s), ends with a status
# the program cannot cause, or when the program changed what it may not
# (a read-only map, lsw's DLLs).  The program ending early by its own crash
# is reported but is no failure.  Exit 0, 1 on any failure (with the line
# that reproduces it and the program's last calls), 77 to skip.
set -uo pipefail

lsw=${1:?usage: ntfuzz.sh LSW_SAN NTFUZZ_EXE CORPUS}
exe=${2:?usage: ntfuzz.sh LSW_SAN NTFUZZ_EXE CORPUS}
corpus=${3:?usage: ntfuzz.sh LSW_SAN NTFUZZ_EXE CORPUS}
found=${4:-}
budget=${FUZZ_TIME:-60}
count=${FUZZ_COUNT:-20000}
timeout=20
fixed_seeds="1 2 3 4 5 6 7 8"

if [ ! -x "$lsw" ] || [ ! -f "$exe" ]; then
	echo "SKIP: $lsw or $exe not built"
	exit 77
fi
lsw=$(realpath "$lsw")
exe=$(realpath "$exe")
[ -z "$found" ] || found=$(realpath "$found")
dll_dir=$(dirname "$(dirname "$lsw")")/src/win32

work=$(mktemp -d "${TMPDIR:-/tmp}/lsw-ntfuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT INT TERM
export ASAN_OPTIONS="log_path=$work/san/asan:halt_on_error=1:exitcode=66:detect_leaks=1:allocator_may_return_null=1:abort_on_error=0"
export UBSAN_OPTIONS="log_path=$work/san/ubsan:halt_on_error=1:print_stacktrace=1:exitcode=66"

runs=0 calls=0 early=0 failed=0 run_time=0
fingerprint() { (cd "$1" && find . -printf '%p %s %T@\n' | sort && find . -type f -exec md5sum {} + | sort); }
dll_print=$(fingerprint "$dll_dir")

# The status lsw gave must be one the program can cause, said on stderr.
# Not 23, "ran out of memory": ntfuzz makes only NT calls, so the kernel's
# wall behind --memory is never its doing but a supervisor's accounting gap.
explained() {
	local rc=$1 err=$2 code
	case $rc in
	0) return 0 ;;
	124) grep -q 'timed out' "$err" ;;
	159) grep -q 'forbidden system call' "$err" ;;
	*)
		code=$(grep -o 'unhandled exception 0x[0-9A-Fa-f]*' "$err" | head -1 | sed 's/.* //')
		[ -n "$code" ] && [ $((code & 255)) -eq "$rc" ]
		;;
	esac
}

# Runs lsw-san once in $work/run: SEED COUNT MODE (run|trace) [FLAGS]
# (PROGRAM: $exe, else $program); sets rc (lsw's status) and ms (wall time).
launch() {
	local seed=$1 n=$2 mode=$3 flags=${4:-} dir=$work/run start prog=${program:-$exe}
	rm -rf "$dir" "$work/san" && mkdir -p "$dir/pfx" "$dir/d" "$dir/e" "$dir/cwd" "$work/san"
	echo "read-only" >"$dir/e/keep.txt"
	opts=(--prefix "$dir/pfx" --timeout "$timeout" --no-cwd --memory 512M
		--map "D:=$dir/d" --map "E:=$dir/e:ro")
	[ "$mode" = trace ] && opts+=(-o /dev/null)
	start=$(date +%s%N)
	(cd "$dir/cwd" && timeout -k 5 $((timeout + 10)) setsid -w "$lsw" "$mode" "${opts[@]}" \
		"$prog" $seed $n $flags </dev/null 2>"$dir/err" | tail -c 200000 >"$dir/out")
	rc=${PIPESTATUS[0]}
	ms=$((($(date +%s%N) - start) / 1000000))
}

# What went wrong in the last launch, or nothing.
failure() {
	local dir=$work/run
	if ls "$work/san"/* >/dev/null 2>&1; then
		echo "sanitizer report"
	elif [ "$ms" -ge $(((timeout + 10) * 1000)) ]; then
		echo "hang: no end after $((ms / 1000)) s"
	elif ! explained "$rc" "$dir/err"; then
		echo "exit status $rc"
	elif [ "$(cat "$dir/e/keep.txt")" != "read-only" ] || [ "$(ls -A "$dir/e")" != keep.txt ]; then
		echo "the read-only map E: changed"
	elif [ "$(fingerprint "$dll_dir")" != "$dll_print" ]; then
		echo "lsw's DLLs changed"
	fi
}

# One run, counted and reported: SEED COUNT MODE.  0, or 1 on a failure.
one_run() {
	local seed=$1 n=$2 mode=$3 dir=$work/run why out made
	launch "$seed" "$n" "$mode"
	why=$(failure)
	out=$(grep -a '^ntfuzz: seed' "$dir/out" | tail -1)
	made=$(sed -n 's/.*: \([0-9]*\) calls.*/\1/p' <<<"$out")
	runs=$((runs + 1))
	run_time=$((run_time + ms))
	calls=$((calls + ${made:-0}))
	if [ -n "$why" ]; then
		failed=$((failed + 1))
		echo "FAIL: $mode seed $seed count $n: $why (lsw status $rc, $ms ms)"
		cat "$work/san"/* "$dir/err" 2>/dev/null | head -n 80
		echo "reproduce: FUZZ_SEEDS=$seed:$n, or by hand (v prints each call):"
		echo "  $lsw $mode ${opts[*]} $exe $seed $n v"
		launch "$seed" "$n" "$mode" v
		grep -a -A1 '^#' "$dir/out" | tail -n 12 | sed 's/^/  last calls: /'
		return 1
	fi
	if [ "$rc" -ne 0 ]; then
		early=$((early + 1))
		echo "early end: $mode seed $seed: ${out:-no summary} (lsw status $rc: $(head -c 300 "$dir/err"))"
	else
		echo "ok: $mode seed $seed: ${out#ntfuzz: seed $seed: } ($ms ms)"
	fi
	return 0
}

run_seed() {
	local mode=run
	[ $((runs % 4)) -eq 3 ] && mode=trace
	one_run "$1" "$2" "$mode"
}

# The focused checks of what was found, under the sanitizers.
if [ -n "$found" ]; then
	program=$found launch "" "" run
	why=$(failure)
	grep -q ' checks, 0 failed' "$work/run/out" || why=${why:-"its checks failed"}
	if [ -n "$why" ]; then
		echo "FAIL: $(basename "$found"): $why (lsw status $rc)"
		cat "$work/san"/* "$work/run/err" 2>/dev/null | head -n 80
		grep -a 'FAILED' "$work/run/out"
		failed=$((failed + 1))
	else
		echo "ok: $(basename "$found"): $(tail -n 1 "$work/run/out")"
	fi
fi

began=$SECONDS
if [ -n "${FUZZ_SEEDS:-}" ]; then
	for s in $FUZZ_SEEDS; do
		run_seed "${s%%:*}" "${s#*:}"
	done
else
	while read -r seed n _; do
		[ -n "$seed" ] && [ "${seed:0:1}" != "#" ] && run_seed "$seed" "$n"
	done <"$corpus"
	for seed in $fixed_seeds; do
		run_seed "$seed" "$count"
	done
	while [ $((SECONDS - began)) -lt "$budget" ]; do
		run_seed "$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')" "$count"
	done
fi
secs=$((run_time / 1000))
echo "ntfuzz: $runs runs, $calls calls in ${secs} s ($((calls * 1000 / (run_time + 1))) calls/s), $early ended early, $failed failed"
[ "$failed" -eq 0 ]
