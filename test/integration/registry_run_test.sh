#!/bin/sh
# usage: registry_run_test.sh LSW REGAPI.EXE PATHPROBE.EXE
# The registry outlives a run: values written by one program are read by
# the next, and are in the prefix's hive file (lsw reg sees them); a new
# prefix has Windows 10 22H2's keys; the program's environment comes from
# the registry's Environment keys, with --env still winning.
lsw=$1 regapi=$2 probe=$3
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
failures=0
fail() { printf 'FAIL: %s\n' "$*"; failures=$((failures + 1)); }
export USER=lswtester LSW_PREFIX="$dir/prefix"
cd "$dir" || exit 1

run() { # NAME ARGS...: output (CR LF -> LF) in $out
	name=$1
	shift
	"$lsw" "$@" > "$dir/$name.out" 2> "$dir/$name.err"
	status=$?
	out=$(tr -d '\r' < "$dir/$name.out")
	echo "== $name (exit $status)"
	printf '%s\n' "$out" | grep -v '^ok: '
	cat "$dir/$name.err"
}
expect() { printf '%s\n' "$out" | grep -qxF -- "$2" || fail "$1: wanted '$2'"; }

run defaults run "$regapi" defaults
[ $status -eq 0 ] || fail "defaults: exit status $status"
printf '%s\n' "$out" | grep -q '^regapi: [0-9]* checks, 0 failed$' || fail "defaults: checks failed"

run write run "$regapi" persist-write
[ $status -eq 0 ] || fail "persist-write: exit status $status"
# between the runs, from Linux: the values are in the hive file
run query reg query 'HKCU\Software\LswRegPersist'
[ $status -eq 0 ] || fail "lsw reg query after the first run: exit status $status"
printf '%s\n' "$out" | grep -q 'REG_QWORD' || fail "lsw reg query: no REG_QWORD value"
run read run "$regapi" persist-read
[ $status -eq 0 ] || fail "persist-read: exit status $status"
printf '%s\n' "$out" | grep -q '^regapi: [0-9]* checks, 0 failed$' || fail "persist-read: checks failed"

# the environment: system then user Environment keys, expanded; --env wins
run add1 reg add 'HKCU\Environment' /v LSW_FROM_REG /t REG_EXPAND_SZ /d '%USERPROFILE%\x' /f
run add2 reg add 'HKCU\Environment' /v Path /t REG_EXPAND_SZ /d '%USERPROFILE%\bin' /f
run env run "$probe" env:LSW_FROM_REG env:Path env:OS env:TEMP
expect env 'env:LSW_FROM_REG: C:\Users\lswtester\x'
printf '%s\n' "$out" | grep -q '^env:Path: C:\\Windows\\system32;.*;C:\\Users\\lswtester\\bin$' ||
	fail "env: the user's Path is not appended to the system's"
expect env 'env:OS: Windows_NT'
expect env 'env:TEMP: C:\Users\lswtester\AppData\Local\Temp'
run env-opt run --env LSW_FROM_REG=mine "$probe" env:LSW_FROM_REG
expect env-opt 'env:LSW_FROM_REG: mine'

# a hive that does not parse stops the run and is left as it was
printf 'Windows Registry Editor Version 5.00\r\n\r\n[HKEY_CURRENT_USER\\x]\r\n"v"=bogus:1\r\n' |
	iconv -f utf-8 -t utf-16 > "$dir/prefix/user.reg"
cp "$dir/prefix/user.reg" "$dir/broken.reg"
run broken run "$probe" env:OS
[ $status -eq 125 ] || fail "broken hive: exit status $status, wanted 125"
grep -q 'user.reg:4' "$dir/broken.err" || fail "broken hive: the error does not name user.reg:4"
[ -z "$out" ] || fail "broken hive: the program ran"
cmp -s "$dir/prefix/user.reg" "$dir/broken.reg" || fail "broken hive: the file was changed"

[ $failures -eq 0 ] && echo "registry-run: all checks passed"
exit $((failures != 0))
