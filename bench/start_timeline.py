#!/usr/bin/env python3
"""Where a warm start's time goes: `lsw run --debug` timelines, aggregated
(docs/lswhost.md's breakdown tables).

usage: bench/start_timeline.py [--runs N] [--gap MS] LSW PREFIX [PROGRAM ARGS...]

Runs `LSW run --debug --prefix PREFIX PROGRAM` (default
build/fixtures/hello.exe) N times (default 200) after three warm-ups, and
prints for each step of the daemon's timeline (`lsw: timeline: pid N:
STEP +T us`, counted from the daemon's reading of the request) the median
and minimum of its time and of its share (the time since the step before),
then the wall time of the whole command and what lies outside the daemon's
timeline (the command's start and end: exec, options, connecting; reading
the exit status and exiting).  With --gap, that many milliseconds pass
between runs (the daemon refills its spares after each run).
"""
import argparse
import os
import re
import statistics
import subprocess
import time

LINE = re.compile(r"lsw: timeline: pid \d+: (.*) \+(\d+) us")


def run(argv):
    t0 = time.perf_counter()
    p = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE, text=True)
    wall = (time.perf_counter() - t0) * 1e6
    if p.returncode:
        raise SystemExit(f"{' '.join(argv)} exited with {p.returncode}")
    return wall, [(m.group(1), int(m.group(2))) for m in map(LINE.search, p.stderr.splitlines())
                  if m]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=200)
    ap.add_argument("--gap", type=float, default=0)
    ap.add_argument("lsw")
    ap.add_argument("prefix")
    ap.add_argument("program", nargs=argparse.REMAINDER)
    opt = ap.parse_args()
    program = opt.program or [os.path.join(os.environ.get("LSW_BUILD", "build"), "fixtures",
                                           "hello.exe")]
    argv = [opt.lsw, "run", "--debug", "--prefix", opt.prefix] + program
    for _ in range(3):
        run(argv)
    steps, shares, walls, outside = {}, {}, [], []
    order = []
    print("load average before:", open("/proc/loadavg").read().split()[0])
    for _ in range(opt.runs):
        time.sleep(opt.gap / 1e3)
        wall, tl = run(argv)
        walls.append(wall)
        prev = 0
        for name, at in tl:
            if name not in steps:
                steps[name], shares[name] = [], []
                order.append(name)
            steps[name].append(at)
            shares[name].append(at - prev)
            prev = at
        status = [at for name, at in tl if name == "the exit status goes to lsw run"]
        if status:
            outside.append(wall - status[0])
    print("load average after:", open("/proc/loadavg").read().split()[0])
    print(f"{'step':58} {'at: median (min) us':>22} {'share: median (min)':>22}")
    for name in order:
        print(f"{name[:58]:58} {statistics.median(steps[name]):>13.0f} ({min(steps[name]):>5})"
              f" {statistics.median(shares[name]):>13.0f} ({min(shares[name]):>5})")
    print(f"wall time of the command: median {statistics.median(walls):.0f} us, "
          f"min {min(walls):.0f}")
    if outside:
        print(f"outside the timeline (the command's start and end): median "
              f"{statistics.median(outside):.0f} us, min {min(outside):.0f}")


if __name__ == "__main__":
    main()
