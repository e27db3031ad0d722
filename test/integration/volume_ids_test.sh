#!/bin/sh
# usage: volume_ids_test.sh LSW VOLUMEIDS.EXE
# Volume serials, file ids and disk sizes show the prefix, not the host:
# the same on every run with one prefix, different with another prefix,
# never the host's inode number, and sizes rounded (free space to the GiB,
# the total to a power of two GiB).  The fixture itself checks that every
# API agrees on a file's id and serial.
lsw=$1 exe=$2
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
failures=0
fail() { printf 'FAIL: %s\n' "$*"; failures=$((failures + 1)); }
mkdir "$dir/work" && cd "$dir/work" || exit 1
echo one > a.txt
echo two > b.txt

run() { # NAME PREFIX: the fixture's output in $dir/NAME.out
	"$lsw" run --prefix "$2" "$exe" a.txt b.txt | tr -d '\r' > "$dir/$1.out"
	grep -q '^volumeids: [0-9]* checks, 0 failed$' "$dir/$1.out" ||
		fail "$1: $(grep FAILED "$dir/$1.out")"
}
field() { sed -n "s/^$2: //p" "$dir/$1.out"; }

run first "$dir/p1"
run again "$dir/p1"
run other "$dir/p2"
grep -v '^ok: ' "$dir/first.out"
for f in 'serial C' 'serial cwd' 'index a.txt' 'index b.txt'; do
	[ -n "$(field first "$f")" ] || fail "no '$f' line"
	[ "$(field first "$f")" = "$(field again "$f")" ] ||
		fail "$f changed between two runs on one prefix"
	[ "$(field first "$f")" != "$(field other "$f")" ] ||
		fail "$f is the same on another prefix: it comes from the host"
done
for f in a.txt b.txt; do
	inode=$(printf '%016x' "$(stat -c %i "$f")")
	[ "$(field first "index $f")" != "$inode" ] || fail "index $f is the host's inode number"
done
free=$(field first 'free cwd') total=$(field first 'total cwd')
[ $((free % 1048576)) -eq 0 ] || fail "free space $free is not rounded"
[ $((total & (total - 1))) -eq 0 ] && [ $((total % 1073741824)) -eq 0 ] ||
	fail "total $total is not a power of two GiB"
key=$(stat -c '%s %a' "$dir/p1/identity.key" 2> /dev/null)
[ "$key" = "16 600" ] || fail "identity.key: '$key', wanted 16 bytes, mode 600"
[ $failures -eq 0 ] && echo "volume-ids: all checks passed"
exit $((failures != 0))
