#!/usr/bin/env python3
"""Start-to-exit distributions of hello.exe under lsw (a warm lswhost),
a native Linux hello and Wine, run in turn (docs/lswhost.md's figures).

usage: bench/start_dist.py [--runs N] [--wine-runs M] [--no-wine] [--build DIR]

Each round runs `lsw run hello.exe` (its prefix's lswhost started and
warmed first), build/bench/native_hello, and every N/M-th round `wine
hello.exe` (a wineserver kept alive, as bench/run.py does), so that a
change of the machine's load hits all alike (Wine's runs load the machine
themselves: lsw's and the native figures are lower with --no-wine).  Prints the median, 10th and
90th percentile, minimum and maximum of each, and the load average before and
after.  The prefixes are LSW_BENCH_PREFIX (default /tmp/lswbench) and
LSW_BENCH_WINEPREFIX (default /tmp/wineprefix-bench).
"""
import argparse
import os
import shutil
import subprocess
import time

from spread import spread


def timed(argv, env=None):
    t0 = time.perf_counter()
    p = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, env=env)
    if p.returncode:
        raise SystemExit(f"{' '.join(argv)} exited with {p.returncode}")
    return (time.perf_counter() - t0) * 1e3


def summary(name, t):
    print(f"{name}: {len(t)} runs, {spread(t)}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=1000)
    ap.add_argument("--wine-runs", type=int, default=100)
    ap.add_argument("--no-wine", action="store_true")
    ap.add_argument("--build", default=os.environ.get("LSW_BUILD", "build"))
    opt = ap.parse_args()
    hello = os.path.join(opt.build, "fixtures", "hello.exe")
    lsw = [os.path.join(opt.build, "cli", "lsw"), "run", "--prefix",
           os.environ.get("LSW_BENCH_PREFIX", "/tmp/lswbench"), hello]
    native = [os.path.join(opt.build, "bench", "native_hello")]
    wine = None if opt.no_wine else shutil.which("wine")
    wenv = dict(os.environ, WINEDEBUG="-all",
                WINEPREFIX=os.environ.get("LSW_BENCH_WINEPREFIX", "/tmp/wineprefix-bench"))
    if wine:
        subprocess.run(["wineserver", "-p"], env=wenv)
    for _ in range(3):
        timed(lsw)
        if wine:
            timed([wine, hello], wenv)
    every = max(1, opt.runs // max(1, opt.wine_runs))
    times = {"lsw run hello.exe": [], "native hello": [], "wine hello.exe": []}
    print("load average before:", open("/proc/loadavg").read().split()[0])
    for i in range(opt.runs):
        times["lsw run hello.exe"].append(timed(lsw))
        times["native hello"].append(timed(native))
        if wine and i % every == 0:
            times["wine hello.exe"].append(timed([wine, hello], wenv))
    print("load average after:", open("/proc/loadavg").read().split()[0])
    for name, t in times.items():
        if t:
            summary(name, t)
    if wine:
        subprocess.run(["wineserver", "-k"], env=wenv)


if __name__ == "__main__":
    main()
