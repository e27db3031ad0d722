#!/bin/sh
# The Windows process as the kernel sees it: seccomp filter on, no new
# privileges, no capabilities at all, no host file descriptor, and, when
# lsw runs as root, not root but nobody, in a user namespace of its own.
# usage: sandbox_status.sh LSW SLEEPER.EXE
lsw=$1 exe=$2
dir=$(mktemp -d) || exit 1
"$lsw" run --prefix "$dir" --timeout 20 "$exe" 3000 > /dev/null &
lsw_pid=$!
trap 'kill $lsw_pid 2>/dev/null; rm -rf "$dir"' EXIT
child=""
for _ in $(seq 50); do
	child=$(pgrep -P "$lsw_pid" | head -n 1)
	[ -n "$child" ] && grep -q '^Seccomp:[[:space:]]*2' "/proc/$child/status" 2>/dev/null && break
	sleep 0.05
done
[ -n "$child" ] || { echo "FAIL: no child process"; exit 1; }
status=$(cat "/proc/$child/status")
echo "$status" | grep -E '^(Name|Uid|Gid|Groups|Seccomp|NoNewPrivs|Cap[A-Za-z]*):'
fail=0
for want in 'Seccomp:	2' 'NoNewPrivs:	1' 'CapEff:	0000000000000000' \
	'CapPrm:	0000000000000000' 'CapBnd:	0000000000000000' 'CapAmb:	0000000000000000'; do
	echo "$status" | grep -q "^$want" || { echo "FAIL: want '$want'"; fail=1; }
done
if [ "$(id -u)" -eq 0 ]; then
	for want in 'Uid:	65534	65534	65534	65534' 'Gid:	65534	65534	65534	65534' 'Groups:[[:space:]]*$'; do
		echo "$status" | grep -q "^$want" || { echo "FAIL: want '$want'"; fail=1; }
	done
	[ "$(readlink "/proc/$child/ns/user")" != "$(readlink /proc/self/ns/user)" ] ||
		{ echo "FAIL: the process shares lsw's user namespace"; fail=1; }
fi
fds=$(ls "/proc/$child/fd" | wc -l)
echo "open fds: $fds"
[ "$fds" -eq 0 ] || { ls -l "/proc/$child/fd"; echo "FAIL: the process holds host fds"; fail=1; }
[ $fail -eq 0 ] && echo ok
exit $fail
