#!/bin/sh
# usage: bench/section_rss.sh [LSW [HELLO.EXE [MAPSUM.EXE]]]
# The supervisor's peak memory (VmHWM of the lsw process, which embeds it)
# when a program's image is a PE sparsely extended to 1 GiB, and when a
# program maps a 1 GiB data file and reads a byte of every page.  Sections
# map files instead of copying them, so both stay near a plain hello's.
# The programs run --standalone: through lswhost the lsw process would only
# be the client, and the supervisor the daemon.  Nothing is asserted.
root=$(cd "$(dirname "$0")/.." && pwd)
lsw=${1:-$root/build/cli/lsw}
hello=${2:-$root/build/fixtures/hello.exe} mapsum=${3:-$root/build/fixtures/mapsum.exe}
work=$(mktemp -d) || exit 1
trap 'rm -rf "$work"' EXIT
cd "$work" || exit 1

# peak NAME CMD...: runs CMD in the background and samples its VmHWM
peak() {
	name=$1
	shift
	"$@" > "$work/$name.out" 2>&1 &
	pid=$!
	hwm=0
	while kill -0 $pid 2>/dev/null; do
		v=$(awk '/^VmHWM/ { print $2 }' /proc/$pid/status 2>/dev/null)
		[ -n "$v" ] && [ "$v" -gt "$hwm" ] && hwm=$v
		sleep 0.05
	done
	wait $pid
	printf '%-28s supervisor peak RSS %6d KiB  (exit %d: %s)\n' "$name" "$hwm" $? \
		"$(tr -d '\r' < "$work/$name.out" | tail -1)"
}

cp "$hello" small.exe
cp "$hello" sparse.exe
truncate -s 1G sparse.exe
truncate -s 1G data.bin
printf 'x' | dd of=data.bin bs=1 seek=536870912 conv=notrunc 2>/dev/null
peak "hello.exe" "$lsw" run --standalone --prefix "$work/prefix" small.exe
peak "hello.exe sparse to 1 GiB" "$lsw" run --standalone --prefix "$work/prefix" sparse.exe
peak "mapsum.exe of a 1 GiB file" "$lsw" run --standalone --prefix "$work/prefix" "$mapsum" data.bin
