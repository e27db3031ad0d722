#!/bin/sh
# lsw binfmt: the refusals (binfmt_misc not mounted, register not
# writable) with a message and exit 1; status; what install writes to the
# kernel's register file, with and without --fix-binary, and uninstall's
# "-1", checked on a stand-in directory (LSW_BINFMT_MISC): nothing is ever
# registered on the machine.  Then lsw PROG.exe ARGS, as binfmt_misc runs
# a registered program.
# usage: binfmt_test.sh LSW HELLO ARGS
lsw=$1 hello=$2 args=$3
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
export LSW_PREFIX="$dir/p"
fail() { echo "FAIL: $*"; exit 1; }
self=$(readlink -f "$lsw")

# not mounted: refused, status says so (exit 3)
for verb in install uninstall; do
	LSW_BINFMT_MISC="$dir/none" "$lsw" binfmt $verb > "$dir/out" 2>&1
	st=$?
	[ $st -eq 1 ] && grep -q "binfmt_misc is not mounted at $dir/none" "$dir/out" ||
		fail "$verb without binfmt_misc: exit $st: $(cat "$dir/out")"
done
LSW_BINFMT_MISC="$dir/none" "$lsw" binfmt status > "$dir/out" 2>&1
st=$?
[ $st -eq 3 ] && grep -q "not mounted" "$dir/out" || fail "status: exit $st: $(cat "$dir/out")"
# the machine's own: never written here unless it is absent (the refusal)
if [ ! -e /proc/sys/fs/binfmt_misc/register ]; then
	"$lsw" binfmt install > "$dir/out" 2>&1
	st=$?
	[ $st -eq 1 ] && grep -q "not mounted at /proc/sys/fs/binfmt_misc" "$dir/out" ||
		fail "install on this machine: exit $st: $(cat "$dir/out")"
fi
"$lsw" binfmt status > "$dir/out" 2>&1
st=$?
[ $st -eq 0 ] || [ $st -eq 3 ] || fail "status on this machine: exit $st: $(cat "$dir/out")"

# not writable: a register file that refuses writes (as root: a /proc
# file without a write method; as anyone else: mode 0444)
mkdir "$dir/ro"
if [ "$(id -u)" = 0 ]; then ln -s /proc/version "$dir/ro/register"
else : > "$dir/ro/register"; chmod 444 "$dir/ro/register"; fi
LSW_BINFMT_MISC="$dir/ro" "$lsw" binfmt install > "$dir/out" 2>&1
st=$?
[ $st -eq 1 ] && grep -q "$dir/ro/register" "$dir/out" ||
	fail "install to a read-only register: exit $st: $(cat "$dir/out")"
[ "$(cat /proc/version)" = "$(cat "$dir/ro/register")" ] || fail "the read-only register changed"

# writable: the registration line, then the entry's "-1"
mkdir "$dir/rw"
: > "$dir/rw/register"
LSW_BINFMT_MISC="$dir/rw" "$lsw" binfmt install > "$dir/out" 2>&1 || fail "install: $(cat "$dir/out")"
[ "$(cat "$dir/rw/register")" = ":lsw:M::MZ::$self:" ] ||
	fail "registered: $(cat "$dir/rw/register")"
: > "$dir/rw/register"
LSW_BINFMT_MISC="$dir/rw" "$lsw" binfmt install --fix-binary > "$dir/out" 2>&1 ||
	fail "install --fix-binary: $(cat "$dir/out")"
[ "$(cat "$dir/rw/register")" = ":lsw:M::MZ::$self:F" ] ||
	fail "registered with F: $(cat "$dir/rw/register")"
LSW_BINFMT_MISC="$dir/rw" "$lsw" binfmt status > "$dir/out"
[ $? -eq 3 ] || fail "status without an entry: $(cat "$dir/out")"
printf 'enabled\ninterpreter %s\nflags: \noffset 0\nmagic 4d5a\n' "$self" > "$dir/rw/lsw"
LSW_BINFMT_MISC="$dir/rw" "$lsw" binfmt status > "$dir/out" || fail "status: $(cat "$dir/out")"
grep -q "^lsw: installed" "$dir/out" && grep -q "^  interpreter $self\$" "$dir/out" ||
	fail "status: $(cat "$dir/out")"
: > "$dir/rw/lsw" # as the kernel's, written afresh
LSW_BINFMT_MISC="$dir/rw" "$lsw" binfmt uninstall > "$dir/out" 2>&1 || fail "uninstall: $(cat "$dir/out")"
[ "$(cat "$dir/rw/lsw")" = "-1" ] || fail "uninstall wrote: $(cat "$dir/rw/lsw")"
"$lsw" binfmt frob > /dev/null 2>&1
[ $? -eq 2 ] || fail "a bad verb is not a usage error"

# lsw PROG.exe ARGS: binfmt_misc's call
"$lsw" "$hello" > "$dir/out" 2>&1 && grep -q '^Hello from Windows' "$dir/out" ||
	fail "lsw HELLO: $(cat "$dir/out")"
"$lsw" "$args" a "b c" -x 2>&1 | tr -d '\r' > "$dir/out" || fail "lsw ARGS: $(cat "$dir/out")"
grep -qx '\[b c\]' "$dir/out" && grep -qx -- '\[-x\]' "$dir/out" && grep -qx 'argc=4' "$dir/out" || fail "lsw ARGS a 'b c' -x: $(cat "$dir/out")"
printf 'not a PE' > "$dir/fake.exe"
"$lsw" "$dir/fake.exe" > "$dir/out" 2>&1
[ $? -eq 2 ] && grep -q "unknown command" "$dir/out" || fail "a non-PE file ran: $(cat "$dir/out")"
echo ok
