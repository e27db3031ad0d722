#!/bin/sh
# usage: mapping_test.sh LSW PATHPROBE.EXE
# What the program sees of the host: the current directory (read-write) and
# the program's directory (read-only) on Z:, the directories above them, --map DIR[:ro] at its own path
# on Z:, --map D:=DIR[:ro] as a drive, --no-cwd, bad --map specs, and the
# prefix skeleton with its environment.
lsw=$1 probe_exe=$2
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
dir=$(cd "$dir" && pwd -P)  # the Windows side sees resolved paths
failures=0
fail() { printf 'FAIL: %s\n' "$*"; failures=$((failures + 1)); }

mkdir -p "$dir/cwd/sub" "$dir/bin" "$dir/data" "$dir/ro" "$dir/drive/sub" "$dir/outside"
echo cwdfile > "$dir/cwd/f.txt"
echo subfile > "$dir/cwd/sub/s.txt"
echo data > "$dir/data/d.txt"
echo original > "$dir/ro/r.txt"
echo dfile > "$dir/drive/sub/x.txt"
echo secret > "$dir/outside/secret.txt"
ln -s /etc "$dir/drive/etc-link"
ln -s "$dir/outside" "$dir/drive/out-link"
cp "$probe_exe" "$dir/bin/pathprobe.exe"
exe=$dir/bin/pathprobe.exe
export USER=lswtester  # C:\Users\<user>, USERNAME

# probe NAME [LSW OPTIONS...] -- [PROBE ARGUMENTS...]: runs the probe from
# the scratch cwd; its output (CR LF -> LF) in $out, the status in $status.
probe() {
	name=$1
	shift
	(cd "$dir/cwd" && "$lsw" run --prefix "$dir/prefix" --timeout 30 "$@") \
		> "$dir/$name.out" 2> "$dir/$name.err"
	status=$?
	out=$(tr -d '\r' < "$dir/$name.out")
	echo "== $name (exit $status)"
	printf '%s\n' "$out"
	cat "$dir/$name.err"
	[ $status -eq 0 ] || fail "$name: exit status $status"
}
# expect NAME LINE: the probe printed exactly LINE
expect() {
	printf '%s\n' "$out" | grep -qxF -- "$2" || fail "$1: wanted '$2'"
}

# --- defaults: cwd read-write, the program's directory read-only ---
probe default "$exe" f.txt sub/s.txt write:new.txt "$dir/cwd/f.txt" "$exe" \
	"write:$dir/bin/new.txt" /etc/passwd 'Z:\etc\passwd' "$dir/data/d.txt" \
	"$dir/outside/secret.txt" 'attr:Z:\' 'Z:\' "attr:$dir" 'write:Z:\new.txt' 'list:Z:' "list:$dir" cwd \
	env:USERNAME env:USERPROFILE env:HOMEDRIVE env:HOMEPATH env:TEMP env:TMP env:APPDATA \
	env:LOCALAPPDATA env:ALLUSERSPROFILE env:PUBLIC env:ProgramData env:ProgramFiles \
	'env:ProgramFiles(x86)' env:CommonProgramFiles env:SystemRoot env:windir env:ComSpec \
	env:COMPUTERNAME
expect default "f.txt: ok cwdfile"
expect default "sub/s.txt: ok subfile"
expect default "write:new.txt: ok"
expect default "$dir/cwd/f.txt: ok cwdfile"
printf '%s\n' "$out" | grep -q "^$exe: ok MZ" || fail "default: the program's own file is not readable"
expect default "write:$dir/bin/new.txt: error 5"
expect default "/etc/passwd: error 3"
expect default 'Z:\etc\passwd: error 3'
expect default "$dir/data/d.txt: error 3"
expect default "$dir/outside/secret.txt: error 3"
# the directories above the roots exist (programs walk up from the drive
# root: node's realpath, buf) but show nothing of the host: no times, no
# writes, and as entries only the names leading to the roots (esbuild
# lists them all): Z:\ the first name of $dir, $dir the cwd and bin
# (with . and ..), not data or outside
expect default 'attr:Z:\: 0x10 written 0'
expect default 'Z:\: ok '
expect default "attr:$dir: 0x10 written 0"
expect default 'write:Z:\new.txt: error 3'
expect default 'list:Z:: 1 entries'
expect default "list:$dir: 4 entries"
expect default "cwd: Z:$(printf %s "$dir/cwd" | tr / '\\')"
[ "$(cat "$dir/cwd/new.txt" 2>/dev/null)" = "written by pathprobe" ] ||
	fail "default: write:new.txt did not reach the host"
[ ! -e "$dir/bin/new.txt" ] || fail "default: a file was created in the read-only program directory"
expect default 'env:USERNAME: lswtester'
expect default 'env:USERPROFILE: C:\Users\lswtester'
expect default 'env:HOMEDRIVE: C:'
expect default 'env:HOMEPATH: \Users\lswtester'
expect default 'env:TEMP: C:\Users\lswtester\AppData\Local\Temp'
expect default 'env:TMP: C:\Users\lswtester\AppData\Local\Temp'
expect default 'env:APPDATA: C:\Users\lswtester\AppData\Roaming'
expect default 'env:LOCALAPPDATA: C:\Users\lswtester\AppData\Local'
expect default 'env:ALLUSERSPROFILE: C:\ProgramData'
expect default 'env:PUBLIC: C:\Users\Public'
expect default 'env:ProgramData: C:\ProgramData'
expect default 'env:ProgramFiles: C:\Program Files'
expect default 'env:ProgramFiles(x86): C:\Program Files (x86)'
expect default 'env:CommonProgramFiles: C:\Program Files\Common Files'
expect default 'env:SystemRoot: C:\Windows'
expect default 'env:windir: C:\Windows'
expect default 'env:ComSpec: C:\Windows\system32\cmd.exe'
expect default 'env:COMPUTERNAME: LSW'

# --- the prefix skeleton, created on first use, reachable as C: ---
for d in Windows/System32 Windows/Temp Users/lswtester/AppData/Roaming \
	Users/lswtester/AppData/Local/Temp Users/lswtester/Documents Users/lswtester/Desktop \
	Users/Public ProgramData "Program Files" "Program Files (x86)"; do
	[ -d "$dir/prefix/drive_c/$d" ] || fail "prefix: drive_c/$d missing"
done
probe prefix "$exe" 'write:C:\Users\lswtester\AppData\Local\Temp\t.txt' \
	'C:\Users\lswtester\AppData\Local\Temp\t.txt' 'C:\Users\lswtester\Documents' \
	'C:\ProgramData' 'C:\Program Files (x86)'
expect prefix 'write:C:\Users\lswtester\AppData\Local\Temp\t.txt: ok'
expect prefix 'C:\Users\lswtester\AppData\Local\Temp\t.txt: ok written by pathprobe'
expect prefix 'C:\Users\lswtester\Documents: ok '
expect prefix 'C:\ProgramData: ok '
expect prefix 'C:\Program Files (x86): ok '

# --- --map DIR and --map DIR:ro at their own paths on Z: ---
probe map-z --map "$dir/data" --map "$dir/ro:ro" "$exe" "$dir/data/d.txt" \
	"Z:$(printf %s "$dir/data/d.txt" | tr / '\\')" "write:$dir/data/w.txt" "$dir/ro/r.txt" \
	"write:$dir/ro/r.txt" "write:$dir/ro/new.txt" "$dir/outside/secret.txt" \
	"$dir/data/../outside/secret.txt"
expect map-z "$dir/data/d.txt: ok data"
expect map-z "Z:$(printf %s "$dir/data/d.txt" | tr / '\\'): ok data"
expect map-z "write:$dir/data/w.txt: ok"
expect map-z "$dir/ro/r.txt: ok original"
expect map-z "write:$dir/ro/r.txt: error 5"
expect map-z "write:$dir/ro/new.txt: error 5"
expect map-z "$dir/outside/secret.txt: error 3"
expect map-z "$dir/data/../outside/secret.txt: error 3"
[ "$(cat "$dir/data/w.txt" 2>/dev/null)" = "written by pathprobe" ] ||
	fail "map-z: the write to the read-write map did not reach the host"
[ "$(cat "$dir/ro/r.txt")" = original ] || fail "map-z: the read-only file changed"
[ ! -e "$dir/ro/new.txt" ] || fail "map-z: a file was created in a read-only map"

# a read-only map inside the read-write cwd: the closer one decides
probe map-nested --map "$dir/cwd/sub:ro" "$exe" write:sub/n.txt write:n2.txt
expect map-nested "write:sub/n.txt: error 5"
expect map-nested "write:n2.txt: ok"

# --- --map D:=DIR: a drive of its own, nothing outside it ---
probe map-drive --map "D:=$dir/drive" --map "e:=$dir/ro:ro" "$exe" 'D:\sub\x.txt' \
	'd:\SUB\X.TXT' 'D:\..\..\etc\passwd' 'D:\sub\..\..\outside\secret.txt' \
	'D:\etc-link\passwd' 'D:\out-link\secret.txt' 'write:D:\out-link\evil.txt' \
	'write:D:\new.txt' 'E:\r.txt' 'write:E:\r.txt' 'F:\x'
expect map-drive 'D:\sub\x.txt: ok dfile'
expect map-drive 'd:\SUB\X.TXT: ok dfile'
expect map-drive 'D:\..\..\etc\passwd: error 3'
expect map-drive 'D:\sub\..\..\outside\secret.txt: error 3'
expect map-drive 'D:\etc-link\passwd: error 3'
expect map-drive 'D:\out-link\secret.txt: error 3'
expect map-drive 'write:D:\out-link\evil.txt: error 3'
expect map-drive 'write:D:\new.txt: ok'
expect map-drive 'E:\r.txt: ok original'
expect map-drive 'write:E:\r.txt: error 5'
expect map-drive 'F:\x: error 3'
[ ! -e "$dir/outside/evil.txt" ] || fail "map-drive: a link led a write out of D:"
[ "$(cat "$dir/drive/new.txt" 2>/dev/null)" = "written by pathprobe" ] ||
	fail "map-drive: the write to D: did not reach the host"
[ "$(cat "$dir/ro/r.txt")" = original ] || fail "map-drive: the read-only file changed"

# a program started from a mapped drive names itself on it
cp "$exe" "$dir/drive/probe2.exe"
probe map-drive-exe --map "D:=$dir/drive" "$dir/drive/probe2.exe" 'D:\probe2.exe'
printf '%s\n' "$out" | grep -q '^D:\\probe2.exe: ok MZ' || fail "map-drive-exe: D:\\probe2.exe not readable"

# --- --no-cwd: nothing but the maps; the program starts in C:\Users\<user>,
# so host paths need their Z: (a bare /x would be C:\x) ---
zp() { printf 'Z:%s' "$1" | tr / '\\'; }
zf=$(zp "$dir/cwd/f.txt") zexe=$(zp "$exe") zd=$(zp "$dir/data/d.txt")
probe no-cwd --no-cwd "$exe" cwd "$zf" "$zexe" f.txt write:home.txt "write:$(zp "$dir/cwd/nope.txt")"
expect no-cwd 'cwd: C:\Users\lswtester'
expect no-cwd "$zf: error 3"
expect no-cwd "$zexe: error 3"
expect no-cwd "f.txt: error 2"
expect no-cwd "write:home.txt: ok"
expect no-cwd "write:$(zp "$dir/cwd/nope.txt"): error 3"
[ -f "$dir/prefix/drive_c/Users/lswtester/home.txt" ] ||
	fail "no-cwd: a relative write did not land in C:\\Users\\lswtester"
[ ! -e "$dir/cwd/nope.txt" ] || fail "no-cwd: a file was created in the hidden cwd"

probe no-cwd-map --no-cwd --map "$dir/data:ro" "$exe" "$zd" "$zf" "write:$zd"
expect no-cwd-map "$zd: ok data"
expect no-cwd-map "$zf: error 3"
expect no-cwd-map "write:$zd: error 5"

# --- lsw trace takes the same options ---
(cd "$dir/cwd" && "$lsw" trace -o "$dir/trace.txt" --prefix "$dir/prefix" \
	--map "D:=$dir/drive" --no-cwd "$exe" 'D:\sub\x.txt' "$zf") > "$dir/t.out" 2>&1
out=$(tr -d '\r' < "$dir/t.out")
echo "== trace"; printf '%s\n' "$out"
expect trace 'D:\sub\x.txt: ok dfile'
expect trace "$zf: error 3"
grep -q 'NtCreateFile' "$dir/trace.txt" || fail "trace: no NtCreateFile in the trace"

# --- bad specs: exit 2 and one clear line ---
# bad NAME 'MESSAGE' LSW ARGS...
bad() {
	name=$1 msg=$2
	shift 2
	(cd "$dir/cwd" && "$lsw" "$@" "$exe") > "$dir/bad.out" 2> "$dir/bad.err"
	status=$?
	echo "== $name (exit $status)"; cat "$dir/bad.err"
	[ $status -eq 2 ] || fail "$name: exit status $status, wanted 2"
	grep -qF -- "$msg" "$dir/bad.err" || fail "$name: wanted '$msg' on stderr"
	[ ! -s "$dir/bad.out" ] || fail "$name: the program ran"
}
bad missing "lsw run: --map: $dir/missing: No such file or directory" \
	run --map "$dir/missing"
bad missing-drive "lsw run: --map: $dir/missing: No such file or directory" \
	run --map "D:=$dir/missing:ro"
bad not-a-dir "lsw run: --map: $dir/cwd/f.txt: Not a directory" run --map "$dir/cwd/f.txt"
bad reserved-c "lsw run: --map: drive C: is reserved" run --map "C:=$dir/data"
bad reserved-z "lsw run: --map: drive Z: is reserved" run --map "z:=$dir/data"
bad bad-letter "lsw run: --map: bad mapping '1:=$dir/data'" run --map "1:=$dir/data"
bad bad-long-letter "lsw run: --map: bad mapping 'DD:=$dir/data'" run --map "DD:=$dir/data"
bad empty "lsw run: --map: bad mapping ''" run --map ""
bad empty-drive "lsw run: --map: bad mapping 'D:='" run --map "D:="
bad only-ro "lsw run: --map: bad mapping ':ro'" run --map ":ro"
bad twice "lsw run: --map: drive D: is mapped twice" run --map "D:=$dir/data" --map "d:=$dir/ro"
bad trace-missing "lsw trace: --map: $dir/missing: No such file or directory" \
	trace --map "$dir/missing"

# a user name Windows would not take becomes "user"
USER=../evil probe bad-user "$exe" env:USERNAME env:USERPROFILE
expect bad-user 'env:USERNAME: user'
expect bad-user 'env:USERPROFILE: C:\Users\user'
[ -d "$dir/prefix/drive_c/Users/user/AppData/Local/Temp" ] || fail "bad-user: no Users/user"
[ ! -e "$dir/prefix/drive_c/evil" ] || fail "bad-user: the user name climbed out of Users"

[ $failures -eq 0 ] || { echo "$failures failure(s)"; exit 1; }
echo ok
