#!/usr/bin/env python3
"""Two builds of lsw's start, measured in turn (docs/lswhost.md's figures).

usage: bench/start_ab.py [--rounds R] [--runs N] FILES A B -- COMMAND...

FILES is a comma-separated list of files of the build tree (e.g.
build/cli/lsw,build/src/win32/ntdll.dll); A and B are comma-separated
lists of copies of them, one build each.  Each round puts A's files in
place (renamed over, as a build does), runs COMMAND three times unmeasured
(lswhost retires and restarts on a new build), then N times measured; then
B's.  The files are left as B's.  Printed for each: the wall time (median,
10th percentile, minimum) and the CPU time per run of COMMAND itself
(getrusage) and, when COMMAND is `lsw run --prefix P ...` through lswhost,
of lswhost with its runtimes (/proc/PID/stat, the same daemon throughout
the measured runs).  Under load the medians move; the CPU times and the
low percentiles much less.  Build nothing between rounds.
"""
import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def install(files, sources):
    for dst, src in zip(files, sources):
        shutil.copy(src, dst + ".ab")
        os.rename(dst + ".ab", dst)


def run(argv):
    t0 = time.perf_counter()
    p = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
    if p.returncode:
        sys.exit(f"{' '.join(argv)} exited with {p.returncode}")
    return time.perf_counter() - t0


def host_cpu(argv):
    """(pid, CPU seconds of lswhost and its reaped children), or None."""
    if "--prefix" not in argv or "--standalone" in argv:
        return None
    prefix = argv[argv.index("--prefix") + 1]
    out = subprocess.run([argv[0], "host", "--prefix", prefix, "status"],
                         capture_output=True, text=True).stdout
    m = re.search(r"pid: (\d+)", out)
    if not m:
        return None
    stat = open(f"/proc/{m.group(1)}/stat").read().rsplit(")", 1)[1].split()
    return m.group(1), sum(int(x) for x in stat[11:15]) / TICK


def children_cpu():
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("files")
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("command", nargs=argparse.REMAINDER)
    opt = ap.parse_args()
    argv = opt.command[1:] if opt.command[:1] == ["--"] else opt.command
    files = opt.files.split(",")
    builds = {name: {"src": name.split(","), "wall": [], "own": 0.0, "host": 0.0,
                     "host_runs": 0} for name in (opt.a, opt.b)}
    for _ in range(opt.rounds):
        for b in builds.values():
            install(files, b["src"])
            for _ in range(3):
                run(argv)
            h0, c0 = host_cpu(argv), children_cpu()
            b["wall"] += [run(argv) for _ in range(opt.runs)]
            h1, c1 = host_cpu(argv), children_cpu()
            b["own"] += c1 - c0
            if h0 and h1 and h0[0] == h1[0]:
                b["host"] += h1[1] - h0[1]
                b["host_runs"] += opt.runs
    for name, b in builds.items():
        t = sorted(x * 1e3 for x in b["wall"])
        n = len(t)
        host = (f", lswhost and runtimes {b['host'] / b['host_runs'] * 1e3:.3f} ms"
                if b["host_runs"] else "")
        print(f"{name}: {n} runs, wall median {statistics.median(t):.3f} ms, "
              f"p10 {t[n // 10]:.3f}, min {t[0]:.3f}; CPU per run: the command "
              f"{b['own'] / n * 1e3:.3f} ms{host}")
    print("load average:", open("/proc/loadavg").read().split()[0])


if __name__ == "__main__":
    main()
