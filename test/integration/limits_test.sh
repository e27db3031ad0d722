#!/bin/sh
# lsw run --memory/--pids/--cpus: the supervisor refuses past them the
# Windows way, and the kernel's wall holds what goes around the supervisor
# (the runtime's gate called by the program itself).
# usage: limits_test.sh LSW LIMITS.EXE SLEEPER.EXE
lsw=$1 exe=$2 sleeper=$3
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
fail=0
bad() { echo "FAIL: $*"; fail=1; }

run() { # run OPTIONS... -- ARGS: sets out, err, rc
	opts=""
	while [ "$1" != "--" ]; do opts="$opts $1"; shift; done
	shift
	# shellcheck disable=SC2086
	"$lsw" run --prefix "$dir/pfx" --timeout 30 $opts "$exe" "$@" > "$dir/out" 2> "$dir/err"
	rc=$?
	out=$(tr -d "\r" < "$dir/out") err=$(cat "$dir/err")
	printf '%s\n%s\n' "$out" "$err"
}
has() { printf '%s\n' "$1" | grep -qE "$2" || bad "want /$2/ in: $1"; }
# number N from the first line matching PATTERN (N is its first number)
num() { printf '%s\n' "$1" | grep -E "$2" | head -n 1 | grep -oE '[0-9]+' | head -n 1; }
between() { [ -n "$1" ] && [ "$1" -ge "$2" ] && [ "$1" -le "$3" ] || bad "$4: $1 not in $2..$3"; }

echo "== commit under --memory 256M: ERROR_COMMITMENT_LIMIT (1455)"
run --memory 256M -- commit
has "$err" '^lsw: limits: memory 256 MiB, 1024 threads, all CPUs \((cgroup v2|rlimits)'
has "$out" 'then error 1455$'
between "$(num "$out" '^commit:')" 200 255 "MiB committed"
has "$out" '^reserve 1 GiB: ok$'
has "$out" '^commit inside it: failed 1455$'
has "$out" '^after freeing 16 MiB: ok$'
[ $rc -eq 0 ] || bad "exit $rc"

echo "== threads under --pids 10: ERROR_NO_SYSTEM_RESOURCES (1450), then room again"
run --pids 10 -- threads
has "$out" '^threads: 9 more, then error 1450$'
has "$out" '^ended: 9$'
has "$out" '^one more after they ended: ok$'

echo "== around the supervisor: the kernel's wall (limit + 64 MiB, threads + 8)"
run --memory 64M -- raw-mmap
has "$out" 'then errno 12$'
between "$(num "$out" '^raw mmap:')" 16 128 "MiB mapped through the gate"
# a clone through the gate that no answer asked for ends the program
run --pids 4 -- raw-clone
has "$err" '^lsw: the sandbox killed the process: a thread it was not asked to create'
[ $rc -eq 159 ] || bad "raw clone: exit $rc, want 159"

echo "== past the kernel's wall, a call the supervisor allowed ends the program"
run --memory 64M -- raw-then-commit
has "$err" '^lsw: the program ran out of memory \(limit 64 MiB: --memory\)$'
[ $rc -eq 23 ] || bad "exit $rc, want 23 (STATUS_NO_MEMORY's low byte)"

echo "== --cpus 1: one CPU"
if [ "$(nproc)" -gt 1 ]; then
	"$lsw" run --prefix "$dir/pfx" --timeout 20 --cpus 1 "$sleeper" 3000 > /dev/null 2> "$dir/err" &
	lsw_pid=$!
	cpus=""
	for _ in $(seq 60); do
		child=$(pgrep -P "$lsw_pid" | head -n 1)
		# once the runtime runs (its filter is on), the limits are applied
		if [ -n "$child" ] && grep -q '^Seccomp:[[:space:]]*2' "/proc/$child/status" 2>/dev/null; then
			cpus=$(awk '/^Cpus_allowed_list/ {print $2}' "/proc/$child/status")
			break
		fi
		sleep 0.05
	done
	kill "$lsw_pid" 2>/dev/null; wait "$lsw_pid" 2>/dev/null
	has "$(cat "$dir/err")" 'limits: .* 1\.00 CPUs'
	case $cpus in *[,-]*|"") bad "CPUs allowed: '$cpus', want one";; *) echo "CPUs allowed: $cpus";; esac
else
	echo "(one CPU only: skipped)"
fi

echo "== bad values: exit 2 and one line"
for opt in "--memory 10" "--memory 5X" "--memory 2T" "--pids 0" "--pids x" "--cpus 0" "--cpus 1.2.3" \
	"--cpus 2000" "--supervisor-memory 512K" "--supervisor-memory 17G" "--supervisor-memory x"; do
	# shellcheck disable=SC2086
	"$lsw" run --prefix "$dir/pfx" $opt "$exe" commit > "$dir/out" 2> "$dir/err"
	rc=$?
	[ $rc -eq 2 ] || bad "$opt: exit $rc, want 2"
	[ "$(wc -l < "$dir/err")" -eq 1 ] && grep -q "^lsw run: ${opt%% *} wants" "$dir/err" ||
		bad "$opt: message $(cat "$dir/err")"
	[ -s "$dir/out" ] && bad "$opt: the program ran"
done

[ $fail -eq 0 ] && echo ok
exit $fail
