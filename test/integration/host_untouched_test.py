#!/usr/bin/env python3
"""usage: host_untouched_test.py LSW PATHPROBE.EXE DIRLIST.EXE

Nothing outside the allowed roots is touched: a program that opens,
creates and lists names outside them (directly on Z:, through relative
and absolute links inside the current directory, existing and missing)
makes the supervisor issue no host system call on a path there.  The
supervisor (the lsw process itself) runs under `strace -e trace=%file`;
every path it hands the kernel is resolved afterwards the way the kernel
did (the last name not followed where the call does not follow it), and
none may land in the outside directory.  A name inside the current
directory must show up in the log, or the log proves nothing.

Timing is not asserted here: bench/open_timing.sh measures it.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

NOFOLLOW_CALLS = {"lstat", "readlink", "readlinkat", "unlink", "unlinkat", "rmdir", "rename",
                  "renameat", "renameat2", "symlink", "symlinkat"}
LINE = re.compile(r'^(?:\d+ +)?(\w+)\((.*)$')
STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def paths_in(line, cwd):
    """(path, follows_last) for the path arguments of one strace line."""
    m = LINE.match(line)
    if not m or m.group(1) == "execve":
        return []
    call, args = m.group(1), m.group(2)
    strings = STRING.findall(args)
    if not strings:
        return []
    if call in ("readlink", "readlinkat", "getcwd"):
        strings = strings[:1]  # the rest is what the call returned
    follows = call not in NOFOLLOW_CALLS and "NOFOLLOW" not in args
    out = []
    for s in strings:
        s = s.encode().decode("unicode_escape")
        if s.startswith("/"):
            out.append((s, follows))
        elif args.startswith("AT_FDCWD") or call in ("open", "stat", "lstat", "access"):
            out.append((os.path.join(cwd, s), follows))
        # relative to a directory fd: that fd's own open was checked
    return out


def lands_in(path, follows, outside):
    target = path if follows else os.path.dirname(path)
    real = os.path.realpath(target)
    return real == outside or real.startswith(outside + "/")


def main():
    if len(sys.argv) != 4:
        print(__doc__)
        return 2
    lsw, probe, dirlist = (os.path.abspath(a) for a in sys.argv[1:])
    if not shutil.which("strace"):
        print("strace is not installed: skipped")
        return 77
    tmp = os.path.realpath(tempfile.mkdtemp(prefix="lsw-untouched-"))
    try:
        return run(lsw, probe, dirlist, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def build_tree(tmp):
    work, outside = os.path.join(tmp, "work"), os.path.join(tmp, "outside")
    os.makedirs(os.path.join(outside, "sub"))
    os.makedirs(work)
    for rel in ("outside/secret.txt", "outside/sub/deeper.txt", "work/data.txt"):
        with open(os.path.join(tmp, rel), "w") as f:
            f.write("data of %s\n" % rel)
    os.symlink("../outside", os.path.join(work, "esc"))
    os.symlink(outside, os.path.join(work, "esc-abs"))
    os.symlink(os.path.join(outside, "secret.txt"), os.path.join(work, "esc-file"))
    os.symlink(os.path.join(outside, "nope", "x"), os.path.join(work, "esc-missing"))
    return work, outside


def run(lsw, probe, dirlist, tmp):
    work, outside = build_tree(tmp)
    z = "Z:" + outside.replace("/", "\\")
    probes = ["data.txt", z + "\\secret.txt", z + "\\nope.txt", z + "\\sub\\deeper.txt",
              z + "\\SUB\\nope\\x.txt", z, "esc\\secret.txt", "esc\\nope.txt",
              "esc-abs\\sub\\deeper.txt", "esc-file", "esc-missing",
              "write:" + z + "\\new.txt", "write:esc\\new2.txt", "write:esc-missing"]
    log = os.path.join(tmp, "strace.log")
    prefix = ["--prefix", os.path.join(tmp, "prefix")]
    failures = []
    out = ""
    for argv in ([probe] + probes, [dirlist, "--count", "."]):
        r = subprocess.run(["strace", "-o", log + "." + str(len(out)), "-e", "trace=%file",
                            lsw, "run"] + prefix + ["--"] + argv,
                           cwd=work, capture_output=True, text=True, timeout=120)
        out += r.stdout.replace("\r\n", "\n")
        if r.returncode != 0:
            failures.append("%s exited %d: %s" % (argv[0], r.returncode, r.stderr.strip()))
    print(out, end="")
    if "data.txt: ok data of work/data.txt" not in out:
        failures.append("the file inside was not read")
    for p in probes[1:]:
        if (p + ": error 3\n") not in out:
            failures.append("%s: wanted error 3 (path not found)" % p)
    if out.rstrip().split("\n")[-1] != "3":  # ".", "..", data.txt
        failures.append("the listing of the current directory shows links out of it")
    for name in ("new.txt", "new2.txt", "nope"):
        if os.path.exists(os.path.join(outside, name)):
            failures.append("%s was created outside" % name)
    failures += check_logs(tmp, work, outside)
    for f in failures:
        print("FAIL:", f)
    if not failures:
        print("host-untouched: all checks passed")
    return 1 if failures else 0


def check_logs(tmp, work, outside):
    failures, seen_inside, lines = [], False, 0
    for name in sorted(os.listdir(tmp)):
        if not name.startswith("strace.log"):
            continue
        with open(os.path.join(tmp, name)) as f:
            for line in f:
                lines += 1
                for path, follows in paths_in(line.rstrip("\n"), work):
                    if path.startswith(work + "/data.txt"):
                        seen_inside = True
                    if lands_in(path, follows, outside):
                        failures.append("touched outside: " + line.strip())
    print("strace: %d lines, %d touching the outside directory" % (lines, len(failures)))
    if not seen_inside:
        failures.append("the log never names work/data.txt: it proves nothing")
    return failures


if __name__ == "__main__":
    sys.exit(main())
