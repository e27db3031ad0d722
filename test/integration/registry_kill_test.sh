#!/bin/sh
# usage: registry_kill_test.sh LSW REGBENCH.EXE
# The hive files are written crash-safe: SIGKILL the supervisor while a
# program rewrites 2 MB of registry values (a 13 MB hive file, its
# changes appended to user.reg.journal a few MB at a time and compacted
# into user.reg when the journal reaches half its size), at random moments
# and, every other time, the moment a write shows: alternately the
# temporary file of a compaction appearing and the journal growing (so
# inside a write or just after it); after every kill the hive must load
# (lsw reg reads it) and hold either no LswRegStress key yet or all 500 of
# its values, never a broken file.
lsw=$1 exe=$2
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
failures=0 complete=0 inside=0 appending=0
fail() { printf 'FAIL: %s\n' "$*"; failures=$((failures + 1)); }
size() { stat -c %s "$1" 2> /dev/null || echo 0; }

for i in $(seq 1 20); do
	"$lsw" run --prefix "$dir/prefix" --no-cwd "$exe" 100000 persist > /dev/null 2>&1 &
	pid=$!
	if [ $((i % 4)) -eq 0 ]; then
		# inside a compaction: as soon as its temporary file exists
		polls=0 # about 1 ms each, up to 4 s: the first write comes after 1 s
		while [ ! -e "$dir/prefix/user.reg.tmp" ] && [ $polls -lt 4000 ]; do
			sleep 0.001
			polls=$((polls + 1))
		done
		[ -e "$dir/prefix/user.reg.tmp" ] && inside=$((inside + 1))
	elif [ $((i % 4)) -eq 2 ]; then
		# as an append shows: the journal's size changes
		start=$(size "$dir/prefix/user.reg.journal") polls=0
		while [ "$(size "$dir/prefix/user.reg.journal")" = "$start" ] && [ $polls -lt 4000 ]; do
			sleep 0.001
			polls=$((polls + 1))
		done
		[ $polls -lt 4000 ] && appending=$((appending + 1))
	else
		# 0.3 to 2.2 s: start-up, the first flushes, the middle of one
		sleep "$(awk -v s="$i" 'BEGIN { srand(s); printf "%.2f", 0.3 + rand() * 1.9 }')"
	fi
	kill -KILL "$pid" 2> /dev/null
	wait "$pid" 2> /dev/null
	LSW_PREFIX="$dir/prefix" "$lsw" reg query 'HKCU\Software\LswRegStress' \
		> "$dir/q.out" 2> "$dir/q.err"
	status=$?
	values=$(grep -c 'REG_BINARY' "$dir/q.out")
	if [ $status -eq 0 ]; then
		[ "$values" -eq 500 ] || fail "kill $i: the key holds $values values, not 500"
		complete=$((complete + 1))
	elif grep -q 'unable to find' "$dir/q.err"; then
		: # killed before the first flush
	else
		fail "kill $i: the hive does not load: $(cat "$dir/q.err")"
	fi
done
echo "20 kills ($inside inside a compaction, $appending as the journal grew):" \
	"$complete left the key complete, $((20 - complete)) came before the first write"
[ $inside -gt 0 ] || fail "no kill landed inside a compaction"
[ $appending -gt 0 ] || fail "no kill landed as the journal grew"
# a kill inside a write leaves the temporary file, one at most
tmps=$(ls "$dir/prefix" | grep -c '\.tmp')
echo "temporary files left: $tmps"
[ "$tmps" -le 1 ] || fail "$tmps temporary files left in the prefix"
[ $complete -gt 0 ] || fail "no kill came after a write: the test proved nothing"
[ $failures -eq 0 ] && echo "registry-kill: all checks passed"
exit $((failures != 0))
