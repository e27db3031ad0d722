#!/bin/sh
# usage: reg_test.sh LSW
# lsw reg on scratch prefixes: add, query and delete of every type, /s,
# export then import into a fresh prefix giving the same export, a
# malformed import changing nothing, usage errors, the export's encoding.
lsw=$1
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
failures=0
fail() { printf 'FAIL: %s\n' "$*"; failures=$((failures + 1)); }
export USER=regtester
export LSW_PREFIX="$dir/p1"

# run WANT_STATUS ARGS...: lsw reg ARGS; output in $out, errors in $err
run() {
	want=$1
	shift
	"$lsw" reg "$@" > "$dir/out" 2> "$dir/err"
	status=$?
	out=$(cat "$dir/out")
	err=$(cat "$dir/err")
	[ "$status" -eq "$want" ] || fail "lsw reg $*: exit $status, wanted $want ($err)"
}
# has TEXT: the last output holds the line TEXT
has() { printf '%s\n' "$out" | grep -qxF -- "$1" || fail "wanted line '$1' in: $out"; }
lacks() { printf '%s\n' "$out" | grep -qF -- "$1" && fail "unwanted '$1' in: $out"; }
err_has() { printf '%s\n' "$err" | grep -qF -- "$1" || fail "wanted '$1' in stderr: $err"; }

K='HKCU\Software\LswTest'
run 0 add "$K" /v str /d 'hello "world"'
run 0 add "$K" /v exp /t REG_EXPAND_SZ /d '%SystemRoot%\x'
run 0 add "$K" /v multi /t REG_MULTI_SZ /d 'one\0two'
run 0 add "$K" /v multi2 /t REG_MULTI_SZ /s , /d 'a,b,c'
run 0 add "$K" /v dw /t REG_DWORD /d 42
run 0 add "$K" /v dwhex /t REG_DWORD /d 0xdeadbeef
run 0 add "$K" /v qw /t REG_QWORD /d 0x100000000
run 0 add "$K" /v bin /t REG_BINARY /d 00ff7f
run 0 add "$K" /v none /t REG_NONE /d 0102
run 0 add "$K" /ve /d 'the default'
run 0 add "$K\Sub\Deeper" /v inner /d deep
has 'The operation completed successfully.'
run 0 query "$K"
has 'HKEY_CURRENT_USER\Software\LswTest'
has '    str    REG_SZ    hello "world"'
has '    exp    REG_EXPAND_SZ    %SystemRoot%\x'
has '    multi    REG_MULTI_SZ    one\0two'
has '    multi2    REG_MULTI_SZ    a\0b\0c'
has '    dw    REG_DWORD    0x2a'
has '    dwhex    REG_DWORD    0xdeadbeef'
has '    qw    REG_QWORD    0x100000000'
has '    bin    REG_BINARY    00FF7F'
has '    none    REG_NONE    0102'
has '    (Default)    REG_SZ    the default'
has 'HKEY_CURRENT_USER\Software\LswTest\Sub'
lacks 'inner'
run 0 query 'hkey_current_user\software\lswtest' /v DW
has '    dw    REG_DWORD    0x2a'
lacks 'str'
run 0 query "$K" /ve
has '    (Default)    REG_SZ    the default'
run 0 query "$K" /s
has 'HKEY_CURRENT_USER\Software\LswTest\Sub\Deeper'
has '    inner    REG_SZ    deep'
# an existing value needs /f
run 1 add "$K" /v dw /t REG_DWORD /d 7
err_has 'exists already'
run 0 add "$K" /v dw /t REG_DWORD /d 7 /f
run 0 query "$K" /v dw
has '    dw    REG_DWORD    0x7'

# export, import into a fresh prefix, export again: identical
run 0 export "$K" "$dir/a.reg"
run 1 export "$K" "$dir/a.reg"
err_has 'exists'
run 0 export "$K" "$dir/a.reg" /y
head -c 2 "$dir/a.reg" | od -An -tx1 | grep -q 'ff fe' || fail "export lacks the UTF-16LE BOM"
first=$(iconv -f UTF-16 -t UTF-8 < "$dir/a.reg" | head -n 1 | tr -d '\r')
[ "$first" = "Windows Registry Editor Version 5.00" ] || fail "export header is '$first'"
run 0 --prefix "$dir/p2" import "$dir/a.reg"
run 0 export --prefix="$dir/p2" "$K" "$dir/b.reg"
cmp -s "$dir/a.reg" "$dir/b.reg" || fail "export after import differs"

# a malformed import changes nothing, and names file and line
cp "$dir/p1/user.reg" "$dir/user.before"
printf 'Windows Registry Editor Version 5.00\r\n\r\n[HKCU\\Software\\LswTest]\r\n"str"="changed"\r\n"bad"=dword:nothex\r\n' > "$dir/bad.reg"
run 1 import "$dir/bad.reg"
err_has 'bad.reg:5:'
cmp -s "$dir/p1/user.reg" "$dir/user.before" || fail "a failed import changed user.reg"
run 0 query "$K" /v str
has '    str    REG_SZ    hello "world"'

# deletions
run 0 delete "$K" /v bin
run 1 query "$K" /v bin
err_has 'unable to find'
run 0 delete "$K" /ve
run 1 delete "$K" /v nosuch
run 0 delete "$K\Sub" /va
run 0 delete "$K"
run 1 query "$K"
run 1 delete 'HKCU'

# usage errors
run 2 query 'HKXY\Software'
err_has 'unknown root key'
run 2 add "$K" /v x /t REG_FLOAT /d 1
err_has "bad type 'REG_FLOAT'"
run 2 add "$K" /v x /t REG_DWORD /d 0x100000000
run 2 add "$K" /v x /t REG_BINARY /d 0g
run 2 frobnicate "$K"
run 2 query
run 0 --help
has 'usage: lsw reg [--prefix DIR] VERB ARGS...'

# the defaults a new prefix gets
run 0 query 'HKLM\SOFTWARE\Microsoft\Windows NT\CurrentVersion' /v ProductName
has '    ProductName    REG_SZ    Windows 10 Pro'
run 0 query 'HKU\S-1-5-21-0-0-0-1000\Environment' /v TEMP
has '    TEMP    REG_EXPAND_SZ    %USERPROFILE%\AppData\Local\Temp'
run 0 query 'HKCU\Software\Microsoft\Windows\CurrentVersion\Explorer\Shell Folders' /v Personal
has '    Personal    REG_SZ    C:\Users\regtester\Documents'

[ $failures -eq 0 ] && echo "PASS: lsw reg" && exit 0
echo "$failures failure(s)"
exit 1
