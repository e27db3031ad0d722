#!/bin/sh
# usage: bench/registry_hive.sh [LSW [REGGROW.EXE]]
# What a program that fills the registry costs every later run, and what
# one changed value costs to write.  For REG_SZ data (text as large as the
# data) and REG_BINARY data (hex: about six times the data), on a fresh
# prefix each:
#   fill   reggrow fill MODE nokeys: 256 KiB values until one is refused;
#          the hive files' size afterwards
#   load   a run that reads one value (load + exit), median of 5, and the
#          largest resident size (GNU time's %M); again with the hive
#          compacted whole into user.reg (exported, imported into a fresh
#          prefix), the most a run can have to read
#   write  bytes the supervisor writes to the hive files for a run that
#          sets one value (strace -y of the lsw process, write/pwrite64 on
#          user.reg*), and whether user.reg was replaced
# Nothing is asserted; the defaults are this build's lsw and fixture.
root=$(cd "$(dirname "$0")/.." && pwd)
lsw=${1:-$root/build/cli/lsw} exe=${2:-$root/build/fixtures/reggrow.exe}
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
size() { stat -c %s "$1" 2> /dev/null || echo 0; }
load() { # PREFIX LABEL: a run that reads one value, 5 times
	for i in 1 2 3 4 5; do
		/usr/bin/time -f '%e %M' -o "$work/t$i" "$lsw" run --prefix "$1" "$exe" get one \
			> /dev/null
	done
	echo "$2: load+exit median $(cat "$work"/t? | cut -d' ' -f1 | median) s," \
		"max RSS $(cat "$work"/t? | cut -d' ' -f2 | sort -n | tail -1) KiB"
}

for mode in sz bin; do
	p=$work/$mode
	start=$(date +%s.%N)
	"$lsw" run --prefix "$p" "$exe" fill $mode nokeys | tr -d '\r'
	end=$(date +%s.%N)
	echo "$mode: fill took $(echo "$end - $start" | bc) s;" \
		"user.reg $(size "$p/user.reg") bytes, journal $(size "$p/user.reg.journal") bytes"
	"$lsw" run --prefix "$p" "$exe" set one 1 > /dev/null
	load "$p" "$mode"
	# the worst case: everything compacted into the text file (a fresh
	# prefix's first write is a whole file)
	LSW_PREFIX=$p "$lsw" reg export 'HKCU\Software\LswGrow' "$work/all.reg" > /dev/null
	LSW_PREFIX=$p.whole "$lsw" reg import "$work/all.reg" > /dev/null
	rm "$work/all.reg"
	echo "$mode, compacted: user.reg $(size "$p.whole/user.reg") bytes," \
		"journal $(size "$p.whole/user.reg.journal") bytes"
	load "$p.whole" "$mode, compacted"
	rm -rf "$p.whole"
	before=$(stat -c %i "$p/user.reg")
	strace -y -e trace=write,pwrite64 -o "$work/strace" \
		"$lsw" run --prefix "$p" "$exe" set two 2 > /dev/null
	bytes=$(grep 'user\.reg' "$work/strace" | sed -n 's/.*= \([0-9][0-9]*\)$/\1/p' |
		awk '{ s += $1 } END { print s + 0 }')
	[ "$(stat -c %i "$p/user.reg")" = "$before" ] && replaced=no || replaced=yes
	echo "$mode: one value set: $bytes bytes written to user.reg*, user.reg replaced: $replaced"
done
