#!/bin/sh
# usage: dirlist_test.sh LSW DIRLIST.EXE EXPECTED: directory enumeration.
#  1. the fixture's listing of a small tree, against EXPECTED (CR LF read
#     as LF).  The directories are made here, in case NtCreateFile cannot
#     create directories yet; the fixture makes the files.
#  2. the sandbox's view: in a directory with a link leading out of the
#     allowed subtrees (to /etc) and one staying inside, --count sees
#     ".", "..", the inside link and the file: 4, never the escape.
#  3. C:\Windows\System32 shows the DLLs lsw serves there.
lsw=$1 exe=$2 expected=$3
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
mkdir -p "$dir/cwd/t/sub" "$dir/cwd/links"
(cd "$dir/cwd" && "$lsw" run --prefix "$dir/prefix" --timeout 60 "$exe") > "$dir/out"
status=$?
tr -d '\r' < "$dir/out" > "$dir/out.lf"
cat "$dir/out.lf"
[ $status -eq 0 ] || fail "exit status $status"
diff -u "$expected" "$dir/out.lf" || fail "listing differs from $expected"

ln -s /etc "$dir/cwd/links/escape"
ln -s ../t "$dir/cwd/links/inside"
: > "$dir/cwd/links/file"
n=$(cd "$dir/cwd" && "$lsw" run --prefix "$dir/prefix" --timeout 60 "$exe" --count links | tr -d '\r')
echo "links: $n"
[ "$n" = 4 ] || fail "links: counted $n entries, expected 4 (escape must stay hidden)"

# 3. C:\Windows\System32 lists lsw's own DLLs (the overlay the program
#    opens them from) besides "." and "..".
dlls=$(ls "$(dirname "$lsw")/../src/win32" | grep -ci '\.dll$')
n=$(cd "$dir/cwd" && "$lsw" run --prefix "$dir/prefix" --timeout 60 "$exe" --count 'C:\Windows\System32' | tr -d '\r')
echo "System32: $n"
# (at least: the prefix's own System32 may hold more)
[ "$n" -ge $((dlls + 2)) ] || fail "System32: counted $n entries, expected $((dlls + 2)) or more"
echo ok
