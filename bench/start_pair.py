#!/usr/bin/env python3
"""Two `lsw run hello.exe` started at once, through warm lswhosts of one or
more lsw builds in turn (docs/lswhost.md's figures for the spare refill).

usage: bench/start_pair.py [--pairs N] [--gap MS] [--back-to-back] LSW:PREFIX [LSW:PREFIX...]

Each round starts, for each LSW (a copy of build/cli/lsw inside the build
tree, so that it finds the same runtime and DLLs) with its own PREFIX (so
each copy keeps a daemon of its own), two runs of build/fixtures/hello.exe
at the same instant, and waits for both; then GAP milliseconds (default
50) pass before the next build's pair, so that each pair finds its
daemon's spares refilled.  Prints, for each build, the median, p10,
p90, minimum and maximum of the pair's time (the start to the later exit)
and of each run's own.  A daemon that blocks its loop while it refills its spares
makes the second run of a pair wait for the refill the first one's end
started.  With --back-to-back, the second run of a pair starts when the
first has exited (as a script's next command does): the daemon's refill
after the first is under way then.
"""
import argparse
import os
import subprocess
import time

from spread import spread


def pair(argv):
    t0 = time.perf_counter()
    procs = [subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL) for _ in range(2)]
    ends = []
    pending = list(procs)
    while pending:
        pid, status = os.wait()
        ends.append(time.perf_counter() - t0)
        for p in pending:
            if p.pid == pid:
                p.returncode = os.waitstatus_to_exitcode(status)
                pending.remove(p)
                if p.returncode:
                    raise SystemExit(f"{' '.join(argv)} exited with {p.returncode}")
                break
    return [e * 1e3 for e in ends]


def back_to_back(argv):
    ends = []
    t0 = time.perf_counter()
    for _ in range(2):
        p = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
        if p.returncode:
            raise SystemExit(f"{' '.join(argv)} exited with {p.returncode}")
        ends.append((time.perf_counter() - t0) * 1e3)
    return [ends[0], ends[1] - ends[0]]


def line(name, t):
    return f"{name} {spread(t)}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--pairs", type=int, default=200)
    ap.add_argument("--gap", type=float, default=50)
    ap.add_argument("--back-to-back", action="store_true")
    ap.add_argument("--build", default=os.environ.get("LSW_BUILD", "build"))
    ap.add_argument("builds", nargs="+")
    opt = ap.parse_args()
    hello = os.path.join(opt.build, "fixtures", "hello.exe")
    argvs = {}
    for b in opt.builds:
        lsw, prefix = b.split(":", 1)
        argvs[b] = [lsw, "run", "--prefix", prefix, hello]
    once = back_to_back if opt.back_to_back else pair
    for argv in argvs.values():
        for _ in range(3):
            once(argv)
    res = {b: {"pair": [], "each": []} for b in argvs}
    print("load average before:", open("/proc/loadavg").read().split()[0])
    for _ in range(opt.pairs):
        for b, argv in argvs.items():
            time.sleep(opt.gap / 1e3)
            ends = once(argv)
            res[b]["pair"].append(ends[-1] if not opt.back_to_back else ends[1])
            res[b]["each"] += ends
    print("load average after:", open("/proc/loadavg").read().split()[0])
    for b, r in res.items():
        print(f"{b}: {opt.pairs} pairs")
        print("  " + line("the second run:" if opt.back_to_back else
                          "pair (the later exit):", r["pair"]))
        print("  " + line("each run (its own time):" if opt.back_to_back else
                          "each run (its own exit):", r["each"]))


if __name__ == "__main__":
    main()
