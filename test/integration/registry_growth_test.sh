#!/bin/sh
# usage: registry_growth_test.sh LSW REGGROW.EXE
# A program cannot make the registry slow for every later run: a hive
# takes 16 MiB of names and data, past that values and keys are refused
# with ERROR_NO_SYSTEM_RESOURCES (1450), so what the next run loads stays
# bounded.  And a change costs what it changes: setting one value on a
# full hive appends a small frame to user.reg.journal, leaves user.reg
# untouched, and the next run (and lsw reg, and lsw diff over an overlay)
# sees the value.  Timings are in bench/registry_hive.sh, not here.
lsw=$1 exe=$2
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
failures=0
fail() { printf 'FAIL: %s\n' "$*"; failures=$((failures + 1)); }
export LSW_PREFIX="$dir/prefix"
mkdir "$dir/work" && cd "$dir/work" || exit 1 # --overlay's directory must lie outside
size() { stat -c %s "$1" 2> /dev/null || echo 0; }
run() { # ARGS...: the program's output (CR LF -> LF) in $out
	out=$("$lsw" run "$exe" "$@" | tr -d '\r')
	printf '%s\n' "$out"
}

run fill
printf '%s\n' "$out" | grep -q '^filled [0-9]* values ([0-9]* bytes), then error 1450$' ||
	fail "fill: no value refused with error 1450"
printf '%s\n' "$out" | grep -q '^then [0-9]* keys, then error 1450$' ||
	fail "fill: no key refused with error 1450"
bytes=$(printf '%s\n' "$out" | sed -n 's/^filled [0-9]* values (\([0-9]*\) bytes).*/\1/p')
[ "${bytes:-0}" -gt $((15 << 20)) ] && [ "${bytes:-0}" -le $((16 << 20)) ] ||
	fail "fill: $bytes bytes held, wanted just under 16 MiB"
total=$(($(size "$LSW_PREFIX"/user.reg) + $(size "$LSW_PREFIX"/user.reg.journal)))
echo "user.reg and its journal: $total bytes"
[ $total -le $((24 << 20)) ] || fail "a full hive takes $total bytes on disk"

# one value: appended, not rewritten
before=$(stat -c '%i %s %y' "$LSW_PREFIX"/user.reg) journal=$(size "$LSW_PREFIX"/user.reg.journal)
run set one 7
after=$(stat -c '%i %s %y' "$LSW_PREFIX"/user.reg) grown=$(($(size "$LSW_PREFIX"/user.reg.journal) - journal))
echo "user.reg before: $before, after: $after; the journal grew by $grown bytes"
[ "$before" = "$after" ] || fail "user.reg was rewritten for one value"
[ $grown -gt 0 ] && [ $grown -le 512 ] || fail "the journal grew by $grown bytes for one value"
run get one
[ "$out" = "one = 7" ] || fail "the next run reads '$out'"
"$lsw" reg query 'HKCU\Software\LswGrow' /v one | grep -q 'REG_DWORD *0x7' ||
	fail "lsw reg does not see the value"

# the same under --overlay: the prefix is untouched, lsw diff lists it
journal=$(size "$LSW_PREFIX"/user.reg.journal)
"$lsw" run --overlay "$dir/ov" "$exe" set two 2 > /dev/null
[ "$(size "$LSW_PREFIX"/user.reg.journal)" = "$journal" ] || fail "--overlay changed the prefix"
"$lsw" diff "$dir/ov" > "$dir/diff.out"
cat "$dir/diff.out"
grep -q 'LswGrow "two" = REG_DWORD 0x2' "$dir/diff.out" || fail "lsw diff does not list the value"
[ "$(wc -l < "$dir/diff.out")" -eq 1 ] || fail "lsw diff lists more than the one value"
[ $failures -eq 0 ] && echo "registry-growth: all checks passed"
exit $((failures != 0))
