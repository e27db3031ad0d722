#!/bin/sh
# usage: overlay_test.sh LSW FSCHANGES.EXE PATHPROBE.EXE
# --overlay DIR: the program sees every change it makes (fschanges.exe
# changes files in each way a program can), the host's directories and the
# prefix stay byte-for-byte as they were, `lsw diff` lists the changes,
# a second run continues the first, and bad overlay directories are
# refused with a clear error before anything runs.
lsw=$1 changes_exe=$2 probe_exe=$3
# --overlay needs a mount namespace: privileges, or user namespaces.  Only
# a machine that allows neither skips (77); anything else must work.
if ! unshare -m true 2> /dev/null && ! unshare -Urm true 2> /dev/null; then
	echo "SKIP: this machine allows no mount namespace (unshare -m, unshare -Urm)"
	exit 77
fi
dir=$(mktemp -d) || exit 1
trap 'rm -rf "$dir"' EXIT
dir=$(cd "$dir" && pwd -P)
failures=0
fail() { printf 'FAIL: %s\n' "$*"; failures=$((failures + 1)); }
export USER=lswtester
ov=$dir/ov

mkdir -p "$dir/cwd/olddir" "$dir/cwd/tree/sub" "$dir/drive" "$dir/ro"
cd "$dir/cwd" || exit 1
echo original > modify.txt
echo doomed > delete.txt
echo moving > rename-from.txt
echo attrs > attrs.txt
echo touched > touched.txt
echo inner > olddir/inner.txt
echo a > tree/a.txt
echo b > tree/sub/b.txt
echo dfile > "$dir/drive/d.txt"
echo ro > "$dir/ro/r.txt"
# make the prefix, so its state before the overlaid runs can be kept
"$lsw" run --prefix "$dir/prefix" --no-cwd "$probe_exe" > /dev/null || fail "prefix setup"

# Everything about the host's files a program could change.
snapshot() {
	(cd "$dir" && find cwd drive ro prefix -printf '%p %y %m %s %T@\n' | sort &&
		find cwd drive ro prefix -type f -exec md5sum {} + | sort)
}
snapshot > "$dir/before"

run() { # NAME LSW-ARGS...: output (CR LF -> LF) in $out, status in $status
	name=$1
	shift
	"$lsw" "$@" > "$dir/$name.out" 2> "$dir/$name.err"
	status=$?
	out=$(tr -d '\r' < "$dir/$name.out")
	echo "== $name (exit $status)"
	printf '%s\n' "$out"
	cat "$dir/$name.err"
}
expect() { # NAME LINE: the output holds exactly LINE
	printf '%s\n' "$out" | grep -qxF -- "$2" || fail "$1: wanted '$2'"
}

# --- the program sees its changes ---
run changes run --prefix "$dir/prefix" --overlay "$ov" --map "D:=$dir/drive" \
	--map "$dir/ro:ro" "$changes_exe"
[ $status -eq 0 ] || fail "changes: exit status $status"
for step in 'append modify.txt' 'create created.txt' 'create newdir' 'create newdir\x.txt' \
	'delete delete.txt' 'rename rename-from.txt' 'delete tree\sub\b.txt' 'remove tree\sub' \
	'delete tree\a.txt' 'remove tree' 'read-only attrs.txt' 'open touched.txt for writing' \
	'drop into APPDATA' 'registry value'; do
	expect changes "$step: ok"
done
expect changes 'read modify.txt: original|changed|'
expect changes 'read created.txt: new file|'
expect changes 'read rename-to.txt: moving|'
expect changes 'read delete.txt: error 2'
expect changes 'read C:\Users\lswtester\AppData\Roaming\dropped.txt: payload|'
expect changes 'attrs.txt read-only: yes'
# Renaming a directory that was there before: privileged overlays redirect
# it; in a user namespace overlayfs cannot, and MoveFile fails as across
# volumes (ERROR_NOT_SAME_DEVICE).
if printf '%s\n' "$out" | grep -qxF 'rename olddir: ok'; then
	dir_renamed=yes
	expect changes 'read olddir-renamed\inner.txt: inner|'
	expect changes 'list *: attrs.txt created.txt modify.txt newdir\ olddir-renamed\ rename-to.txt touched.txt'
else
	dir_renamed=no
	expect changes 'rename olddir: error 17'
	expect changes 'list *: attrs.txt created.txt modify.txt newdir\ olddir\ rename-to.txt touched.txt'
fi
run probe run --prefix "$dir/prefix" --overlay "$ov" --map "D:=$dir/drive" \
	--map "$dir/ro:ro" "$probe_exe" 'write:D:\new-on-d.txt' "write:$dir/ro/r.txt" \
	'D:\new-on-d.txt' created.txt
expect probe 'write:D:\new-on-d.txt: ok'
expect probe "write:$dir/ro/r.txt: error 5"
expect probe 'D:\new-on-d.txt: ok written by pathprobe'
expect probe 'created.txt: ok new file'

# --- the host saw nothing ---
snapshot > "$dir/after"
diff "$dir/before" "$dir/after" || fail "the host's files or the prefix changed"

# --- lsw diff ---
z="Z:$(printf '%s' "$dir/cwd" | tr / '\\')"
line() { printf '%s\n' "$1"; } # dash's echo would read the backslashes
{
	line 'created   HKEY_CURRENT_USER\Software\LswOverlay\'
	line 'created   HKEY_CURRENT_USER\Software\LswOverlay "sample" = REG_SZ "was here"'
	line 'created   C:\Users\lswtester\AppData\Roaming\dropped.txt'
	line 'created   D:\new-on-d.txt'
	line "modified  $z\\attrs.txt (metadata)"
	line "created   $z\\created.txt"
	line "deleted   $z\\delete.txt"
	line "modified  $z\\modify.txt"
	line "created   $z\\newdir\\"
	line "created   $z\\newdir\\x.txt"
	[ $dir_renamed = no ] ||
		line "renamed   $z\\olddir-renamed\\ (from $z\\olddir\\)"
	line "deleted   $z\\rename-from.txt"
	line "created   $z\\rename-to.txt"
	line "deleted   $z\\tree\\"
} > "$dir/diff.expected"
run diff diff "$ov"
[ $status -eq 0 ] || fail "diff: exit status $status"
printf '%s\n' "$out" | diff "$dir/diff.expected" - || fail "lsw diff: not the changes made"

run diff-json diff --json "$ov"
[ $status -eq 0 ] || fail "diff --json: exit status $status"
python3 - "$dir" "$dir/diff-json.out" <<'PYEOF' || fail "diff --json: see above"
import json, sys
base, path = sys.argv[1], sys.argv[2]
rows = [json.loads(l) for l in open(path)]
by = {r['host']: r for r in rows if 'host' in r}
reg = [r for r in rows if r['type'].startswith('registry')]
def check0(cond, what):
    if not cond:
        print('diff --json:', what)
        sys.exit(1)
check0(any(r['type'] == 'registry value' and r['name'] == 'sample' and r['data'] == 'was here'
           and r['path'] == 'HKEY_CURRENT_USER\\Software\\LswOverlay' for r in reg),
       'no registry value change: %r' % reg)
def check(cond, what):
    if not cond:
        print('diff --json:', what)
        sys.exit(1)
m = by.get(base + '/cwd/modify.txt')
check(m and m['change'] == 'modified' and m['content'] is True and m['type'] == 'file',
      'modify.txt: %r' % m)
check(open(m['copy']).read() == 'original\nchanged\n', 'modify.txt: the copy is not the new content')
check(m['size'] == len('original\nchanged\n'), 'modify.txt: size %r' % m.get('size'))
a = by.get(base + '/cwd/attrs.txt')
check(a and a['change'] == 'modified' and a['content'] is False, 'attrs.txt: %r' % a)
t = by.get(base + '/cwd/tree')
check(t and t['change'] == 'deleted' and t['type'] == 'directory' and 'copy' not in t,
      'tree: %r' % t)
check(base + '/cwd/touched.txt' not in by, 'touched.txt (copied, not changed) listed')
d = by.get(base + '/drive/new-on-d.txt')
check(d and d['path'] == 'D:\\new-on-d.txt' and d['change'] == 'created', 'D: file: %r' % d)
print('diff --json: %d changes ok' % len(rows))
PYEOF

# --- a second run continues the first ---
run again run --prefix "$dir/prefix" --overlay "$ov" --map "D:=$dir/drive" "$changes_exe"
expect again 'create created.txt: error 80'
expect again 'delete delete.txt: error 2'
expect again 'read modify.txt: original|changed|changed|'
snapshot > "$dir/after"
diff "$dir/before" "$dir/after" || fail "second run: the host's files changed"

# --- a first run on a new prefix: Windows' default registry is not a change ---
run fresh run --prefix "$dir/fresh-prefix" --overlay "$dir/ov-fresh" "$probe_exe" cwd
[ $status -eq 0 ] || fail "fresh prefix: exit status $status"
run fresh-diff diff "$dir/ov-fresh"
[ $status -eq 0 ] && [ -z "$out" ] || fail "fresh prefix: lsw diff lists changes: $out"

# --- refused overlay directories: a clear error, nothing run or made ---
refused() { # NAME MESSAGE STATUS LSW-ARGS...
	name=$1 msg=$2 want=$3
	shift 3
	run "$name" "$@"
	[ "$status" -eq "$want" ] || fail "$name: exit status $status, wanted $want"
	grep -qF -- "$msg" "$dir/$name.err" || fail "$name: wanted '$msg' on stderr"
	[ -z "$out" ] || fail "$name: the program ran"
}
refused inside-cwd "lsw run: --overlay: the overlay directory $dir/cwd/ov lies inside $dir/cwd" \
	125 run --prefix "$dir/prefix" --overlay ov "$probe_exe" write:x.txt
[ ! -e "$dir/cwd/ov" ] || fail "inside-cwd: the refused directory was made"
refused inside-prefix "lies inside $dir/prefix" 125 \
	run --prefix "$dir/prefix" --overlay "$dir/prefix/ov" --no-cwd "$probe_exe"
mkdir "$dir/full" && echo keep > "$dir/full/keep.txt"
refused not-an-overlay "$dir/full is not empty and holds no lsw-overlay.txt" 125 \
	run --prefix "$dir/prefix" --overlay "$dir/full" "$probe_exe"
[ "$(cat "$dir/full/keep.txt")" = keep ] || fail "not-an-overlay: its file changed"
refused no-parent "$dir/missing/ov: No such file or directory" 125 \
	run --prefix "$dir/prefix" --overlay "$dir/missing/ov" "$probe_exe"
refused diff-not-overlay "lsw diff: $dir/full: not an lsw overlay directory" 2 diff "$dir/full"
refused diff-missing "lsw diff: $dir/missing: No such file or directory" 2 diff "$dir/missing"
mkdir "$dir/broken" && printf 'lsw-overlay 1\n0 prefix relative/path\n' > "$dir/broken/lsw-overlay.txt"
refused diff-broken "lsw diff: $dir/broken/lsw-overlay.txt:2: not an lsw overlay manifest line" 2 \
	diff "$dir/broken"
refused diff-usage "usage: lsw diff" 2 diff

[ $failures -eq 0 ] && echo "overlay: all checks passed"
exit $((failures != 0))
