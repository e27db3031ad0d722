#!/usr/bin/env python3
"""LSW benchmarks, printed side by side with native Linux and Wine.

Builds nothing: run `ninja -C build` first (or point LSW_BUILD at another
build directory).  Prints timings and ratios; it never fails because of a
figure, only when a program does not run or prints something unexpected.
See bench/README.md.
"""
import argparse
import filecmp
import json
import os
import platform
import random
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BUILD = os.environ.get("LSW_BUILD", os.path.join(ROOT, "build"))
PREFIX = os.environ.get("LSW_BENCH_PREFIX", "/tmp/lswbench")
WINEPREFIX = os.environ.get("LSW_BENCH_WINEPREFIX", "/tmp/wineprefix-bench")

LSW = os.path.join(BUILD, "cli", "lsw")
FIX = os.path.join(BUILD, "fixtures")
BENCH = os.path.join(BUILD, "bench")


def die(msg):
    print("bench: " + msg, file=sys.stderr)
    sys.exit(1)


def need(path):
    if not os.path.exists(path):
        die(f"{path} is missing: build first (ninja -C {os.path.relpath(BUILD)})")
    return path


class Runner:
    """How to start a program: lsw, natively, or Wine."""

    def __init__(self, name, prefix_argv, env=None):
        self.name = name
        self.prefix = prefix_argv
        self.env = env

    def argv(self, prog, *args):
        return self.prefix + [prog] + [str(a) for a in args]


def run_once(runner, argv):
    """Runs argv once, returning its standard output; dies if it fails."""
    argv = [str(a) for a in argv]
    # Files, not pipes: Wine's first run starts background services that
    # inherit the descriptors and would hold a pipe open.
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        p = subprocess.run(argv, env=runner.env, stdin=subprocess.DEVNULL,
                           stdout=out, stderr=err, timeout=120)
        out.seek(0)
        err.seek(0)
        if p.returncode != 0:
            die(f"{shlex.join(argv)} exited with {p.returncode}:\n"
                f"{err.read().decode(errors='replace')}")
        return out.read().decode(errors="replace")


HYPERFINE = shutil.which("hyperfine")


def median_time(runner, argv, runs, warmup=1):
    """Median wall time of `runs` runs of argv, in seconds."""
    argv = [str(a) for a in argv]
    if HYPERFINE:
        with tempfile.NamedTemporaryFile(suffix=".json") as out:
            cmd = [HYPERFINE, "-N", "--style", "none", "--runs", str(runs),
                   "--warmup", str(warmup), "--export-json", out.name,
                   shlex.join(argv)]
            p = subprocess.run(cmd, env=runner.env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE)
            if p.returncode != 0:
                die(f"hyperfine failed on {shlex.join(argv)}:\n"
                    f"{p.stderr.decode(errors='replace')}")
            return json.load(open(out.name))["results"][0]["median"]
    times = []
    for i in range(warmup + runs):
        t0 = time.perf_counter()
        p = subprocess.run(argv, env=runner.env, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
        t = time.perf_counter() - t0
        if p.returncode != 0:
            die(f"{shlex.join(argv)} exited with {p.returncode}")
        if i >= warmup:
            times.append(t)
    return statistics.median(times)


def interleaved_times(cmds, runs, before=None):
    """Wall times of each (runner, argv) in cmds, run in turn `runs` times,
    so that a load change on the machine hits all of them alike.  `before`,
    if given, is called before each run, outside the timing."""
    times = [[] for _ in cmds]
    for _ in range(runs):
        for i, (runner, argv) in enumerate(cmds):
            argv = [str(a) for a in argv]
            if before:
                before()
            t0 = time.perf_counter()
            p = subprocess.run(argv, env=runner.env, stdin=subprocess.DEVNULL,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            times[i].append(time.perf_counter() - t0)
            if p.returncode != 0:
                die(f"{shlex.join(argv)} exited with {p.returncode}")
    return times


def loadavg():
    try:
        return open("/proc/loadavg").read().split()[0]
    except OSError:
        return "?"


def sh(cmd):
    try:
        return subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              text=True).stdout.strip()
    except OSError:
        return ""


def machine_info(wine):
    cpu = ""
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    print(f"date:      {time.strftime('%Y-%m-%d %H:%M:%S %z')}")
    print(f"machine:   {os.cpu_count()} CPUs ({cpu}), Linux {platform.release()}")
    print(f"lsw:       {sh(['git', '-C', ROOT, 'rev-parse', '--short', 'HEAD'])} "
          f"({os.path.relpath(BUILD)})")
    print(f"wine:      {sh([wine, '--version']) if wine else 'not installed'}")
    print(f"load:      {loadavg()} (1-minute load average at start; other work on"
          " the machine skews every figure)")
    print(f"timing:    {sh([HYPERFINE, '--version']) if HYPERFINE else 'python perf_counter'}"
          ", medians")
    print()


def fmt(v, unit):
    if v is None:
        return "-"
    if unit == "ns":
        return f"{v * 1e9:.1f} ns"
    if unit == "us":
        return f"{v * 1e6:.3f} µs"
    if unit == "ms":
        return f"{v * 1e3:.2f} ms"
    return f"{v:.3f} s"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="fewer runs (rough figures)")
    ap.add_argument("--no-wine", action="store_true", help="skip Wine even if installed")
    ap.add_argument("--no-mechanisms", action="store_true",
                    help="skip the interception-mechanism microbenchmark")
    opt = ap.parse_args()
    q = opt.quick
    os.chdir(tempfile.mkdtemp(prefix="lsw-bench-"))  # fileloop writes in its cwd

    for p in (LSW, os.path.join(FIX, "ntloop.exe"), os.path.join(FIX, "hello.exe"),
              os.path.join(FIX, "cpubound.exe"), os.path.join(BENCH, "native_syscall"),
              os.path.join(BENCH, "native_hello"), os.path.join(BENCH, "cpubound_native"),
              os.path.join(FIX, "spawnbench.exe"), os.path.join(BENCH, "native_spawn")):
        need(p)

    wine = None if opt.no_wine else shutil.which("wine")
    machine_info(wine)

    lsw = Runner("lsw", [LSW, "run", "--prefix", PREFIX, "--"])
    native = Runner("native", [])
    wr = None
    if wine:
        env = dict(os.environ, WINEPREFIX=WINEPREFIX, WINEDEBUG="-all")
        wr = Runner("wine", [wine], env)
        # Create the prefix if needed and keep one wineserver alive for the
        # whole run (killed at the end), all outside the timings.
        print(f"(preparing Wine prefix {WINEPREFIX} ...)", flush=True)
        subprocess.run(["wineserver", "-p"], env=env, stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        subprocess.run(wr.argv(os.path.join(FIX, "hello.exe")), env=env,
                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=300)
    ntloop = os.path.join(FIX, "ntloop.exe")
    hello = os.path.join(FIX, "hello.exe")
    cpubound = os.path.join(FIX, "cpubound.exe")

    rows = []  # (name, unit, lsw, native, wine, target text, lsw/native limit)
    notes = []

    try:
        # 1. NT call round trip ------------------------------------------
        print("1/4 NT call round trip ...", flush=True)
        n_lsw = 50000 if q else 200000
        out = run_once(lsw, lsw.argv(ntloop, 1))
        if "ntloop done" not in out:
            die(f"ntloop.exe under lsw printed {out!r}")
        t1 = median_time(lsw, lsw.argv(ntloop, 1), 5 if q else 20, 2)
        tn = median_time(lsw, lsw.argv(ntloop, n_lsw), 3 if q else 5, 1)
        lsw_call = (tn - t1) / (n_lsw - 1)
        nat = {}
        for line in run_once(native, [os.path.join(BENCH, "native_syscall"), 2000000]).split("\n"):
            if line.strip():
                k, v = line.split()
                nat[k] = float(v) * 1e-9
        wine_call = wine_t1 = None
        if wr:
            n_wine = 2000000 if q else 10000000
            if "ntloop done" not in run_once(wr, wr.argv(ntloop, 1)):
                notes.append("ntloop.exe under Wine printed something unexpected")
            wine_t1 = median_time(wr, wr.argv(ntloop, 1), 5 if q else 10, 1)
            wtn = median_time(wr, wr.argv(ntloop, n_wine), 3 if q else 5, 1)
            wine_call = (wtn - wine_t1) / (n_wine - 1)
        # NtSetEvent on an event nobody waits for: served by the kernel
        # on Windows, by wineserver under Wine (a like-for-like round trip)
        ev_n = n_lsw
        ev_tn = median_time(lsw, lsw.argv(ntloop, ev_n, "e"), 3 if q else 5, 1)
        lsw_event = (ev_tn - t1) / (ev_n - 1)
        wine_event = None
        if wr:
            wev_n = n_lsw
            wev_tn = median_time(wr, wr.argv(ntloop, wev_n, "e"), 3 if q else 5, 1)
            wine_event = (wev_tn - wine_t1) / (wev_n - 1)
        # the same two with the fast channel off (docs/fastpath.md): the
        # seccomp notification every call took before it.  The setting is
        # the lswhost's, read when it starts: a prefix of its own
        slow = Runner("lsw", [LSW, "run", "--prefix", PREFIX + "-nofast", "--"],
                      dict(os.environ, LSW_FASTCALL="0"))
        slow_t1 = median_time(slow, slow.argv(ntloop, 1), 5 if q else 20, 2)
        slow_event = (median_time(slow, slow.argv(ntloop, ev_n, "e"), 3 if q else 5, 1)
                      - slow_t1) / (ev_n - 1)
        slow_call = (median_time(slow, slow.argv(ntloop, n_lsw), 3 if q else 5, 1)
                     - slow_t1) / (n_lsw - 1)
        rows.append(("NT round trip, NtSetEvent (no waiter)", "us", lsw_event, nat["getppid"],
                     wine_event, "lsw <= 10x native syscall", 10.0))
        rows.append(("  same, fast channel off (LSW_FASTCALL=0)", "us", slow_event,
                     nat["getppid"], None, "", None))
        rows.append(("NT call round trip, per call", "us", lsw_call, nat["getppid"],
                     wine_call, "lsw <= 10x native syscall", 10.0))
        rows.append(("  same, fast channel off (LSW_FASTCALL=0)", "us", slow_call,
                     nat["getppid"], None, "", None))
        rows.append(("  same, vs syscall(SYS_clock_gettime)", "us", lsw_call,
                     nat["clock_gettime"], wine_call, "", None))
        notes.append(f"NT call: ntloop.exe N={n_lsw} (lsw)"
                     + (f" / N={n_wine} (Wine)" if wr else "")
                     + ", minus N=1, divided by N-1; native = native_syscall's"
                     " in-process loop of 2000000 calls.")
        if wr:
            notes.append("Wine answers NtQueryPerformanceCounter inside the program's own"
                         " process (no supervisor round trip), so its figure is a"
                         " reference point, not a like-for-like round trip.")

        # 2. Start to exit -----------------------------------------------
        print("2/4 start-to-exit ...", flush=True)
        out = run_once(lsw, lsw.argv(hello))
        if "Hello" not in out:
            die(f"hello.exe under lsw printed {out!r}")
        h_lsw = median_time(lsw, lsw.argv(hello), 10 if q else 30, 3)
        h_nat = median_time(native, [os.path.join(BENCH, "native_hello")], 10 if q else 30, 3)
        h_wine = median_time(wr, wr.argv(hello), 5 if q else 10, 1) if wr else None
        rows.append(("start-to-exit, hello.exe", "ms", h_lsw, h_nat, h_wine,
                     "lsw <= 2 ms", None))
        # lsw run goes through the prefix's lswhost (warm: started by the
        # runs above); --standalone starts a supervisor per run; cold starts
        # the daemon too (lsw host stop before each run, outside the timing)
        h_alone = median_time(lsw, [LSW, "run", "--standalone", "--prefix", PREFIX, "--", hello], 10 if q else 30, 3)
        rows.append(("  same, lsw run --standalone", "ms", h_alone, h_nat, None, "", None))
        stop = [LSW, "host", "--prefix", PREFIX, "stop"]
        h_cold = interleaved_times([(lsw, lsw.argv(hello))], 5 if q else 10,
                                   before=lambda: subprocess.run(
                                       stop, env=lsw.env, stdout=subprocess.DEVNULL))[0]
        rows.append(("  same, lswhost cold (started by the run)", "ms",
                     sorted(h_cold)[len(h_cold) // 2], h_nat, None, "", None))
        # a warm daemon without its image layouts and spares (LSW_HOST_COLD=1
        # in the environment it starts with, on a prefix of its own): what
        # they save, run in turn with the warm one so that load hits both
        bare = Runner("lsw", [LSW, "run", "--prefix", PREFIX + "-bare", "--"],
                      dict(os.environ, LSW_HOST_COLD="1"))
        stop_bare = [LSW, "host", "--prefix", PREFIX + "-bare", "stop"]
        run_once(bare, bare.argv(hello))
        ts = interleaved_times([(lsw, lsw.argv(hello)), (bare, bare.argv(hello))],
                               15 if q else 40)
        h_warm, h_bare = (statistics.median(t) for t in ts)
        rows.append(("  same, lswhost without layouts and spares", "ms", h_bare, h_nat, None,
                     "", None))
        notes.append(f"lswhost with / without layouts and spares, run in turn: medians "
                     f"{h_warm * 1e3:.2f} / {h_bare * 1e3:.2f} ms, minima "
                     f"{min(ts[0]) * 1e3:.2f} / {min(ts[1]) * 1e3:.2f} ms")
        rows.append(("start-to-exit, ntloop.exe 1 (no CRT)", "ms", t1, None, wine_t1,
                     "", None))

        # CreateProcess + wait of a child (spawnbench.exe N, itself as the
        # child) against fork+exec+wait: per child, (time(N) - time(0)) / N
        spawn = os.path.join(FIX, "spawnbench.exe")
        n_sp = 20 if q else 100

        def per_child(cmds, n):
            """Per child, for each argv_of in cmds, runs in turn."""
            argvs = [(r, a(k)) for r, a in cmds for k in (0, n)]
            ts = [statistics.median(t) for t in interleaved_times(argvs, 3 if q else 7)]
            return [(ts[2 * i + 1] - ts[2 * i]) / n for i in range(len(cmds))]
        sp_lsw, sp_alone, sp_bare, sp_nat = per_child([
            (lsw, lambda k: lsw.argv(spawn, k)),
            (lsw, lambda k: [LSW, "run", "--standalone", "--prefix", PREFIX, "--", spawn, k]),
            (bare, lambda k: bare.argv(spawn, k)),
            (native, lambda k: [os.path.join(BENCH, "native_spawn"), k])], n_sp)
        subprocess.run(stop_bare, env=bare.env, stdout=subprocess.DEVNULL)
        sp_wine = per_child([(wr, lambda k: wr.argv(spawn, k))], 5 if q else 20)[0] if wr \
            else None
        rows.append(("CreateProcess+wait of a child", "ms", sp_lsw, sp_nat, sp_wine,
                     "", None))
        rows.append(("  same, lsw run --standalone", "ms", sp_alone, sp_nat, None, "", None))
        rows.append(("  same, lswhost without layouts and spares", "ms", sp_bare, sp_nat, None,
                     "", None))
        notes.append("CreateProcess+wait: native is fork+exec+wait of a dynamically linked"
                     " program (bench/native_spawn.c).")
        if wr:
            notes.append("Wine start-to-exit is with a warm, persistent wineserver"
                         " (wineserver -p); a cold start costs seconds more.")

        # 3. CPU-bound ---------------------------------------------------
        print("3/4 cpu-bound ...", flush=True)
        n_cpu = 100000000 if q else 500000000
        sums = {"lsw": run_once(lsw, lsw.argv(cpubound, n_cpu)).strip(),
                "native": run_once(native, [os.path.join(BENCH, "cpubound_native"),
                                            str(n_cpu)]).strip()}
        if wr:
            sums["wine"] = run_once(wr, wr.argv(cpubound, n_cpu)).strip()
        cmds = [(lsw, lsw.argv(cpubound, n_cpu)),
                (native, [os.path.join(BENCH, "cpubound_native"), n_cpu])]
        if wr:
            cmds.append((wr, wr.argv(cpubound, n_cpu)))
        ts = interleaved_times(cmds, 3 if q else 5)
        c_lsw, c_nat = statistics.median(ts[0]), statistics.median(ts[1])
        c_wine = statistics.median(ts[2]) if wr else None
        notes.append("cpu-bound runs interleaved (lsw, native"
                     + (", wine" if wr else "") + ", lsw, ...); minimum"
                     f" times: lsw {min(ts[0]):.3f} s, native {min(ts[1]):.3f} s"
                     + (f", wine {min(ts[2]):.3f} s" if wr else "")
                     + f"; speed from minima {min(ts[1]) / min(ts[0]):.3f}")
        rows.append((f"cpu-bound, cpubound {n_cpu}", "s", c_lsw, c_nat, c_wine,
                     "native/lsw speed >= 0.98", 1 / 0.98))
        same = len(set(sums.values())) == 1
        notes.append("cpubound checksums: " + ", ".join(f"{k} {v}" for k, v in sums.items())
                     + (" (all equal)" if same else "  ** DIFFERENT **"))
        # 4. Cost of tracing ---------------------------------------------
        print("trace overhead ...", flush=True)
        fileloop = os.path.join(FIX, "fileloop.exe")
        need(fileloop)
        n_io = 1000 if q else 5000
        trace_out = os.path.join(tempfile.gettempdir(), "lsw-bench-trace.txt")
        tracer = Runner("lsw trace", [LSW, "trace", "-o", trace_out, "--prefix", PREFIX, "--"])
        io_cmds = [(lsw, lsw.argv(fileloop, n_io)), (tracer, tracer.argv(fileloop, n_io)),
                   (lsw, lsw.argv(ntloop, n_lsw)), (tracer, tracer.argv(ntloop, n_lsw))]
        ts = interleaved_times(io_cmds, 3 if q else 5)
        io_run, io_trace = statistics.median(ts[0]), statistics.median(ts[1])
        nt_run, nt_trace = statistics.median(ts[2]), statistics.median(ts[3])
        rows.append((f"trace to a file, fileloop {n_io} ({6 * n_io} calls)", "s", io_trace,
                     io_run, None, "traced/untraced <= 1.5x", 1.5))
        rows.append((f"trace to a file, ntloop {n_lsw}", "s", nt_trace, nt_run, None,
                     "traced/untraced <= 1.5x", 1.5))
        notes.append("trace rows: the 'native' column is the same program under lsw run,"
                     " untraced; the trace goes to a file in " + tempfile.gettempdir())
        # 5. Directory enumeration ----------------------------------------
        print("directory listing ...", flush=True)
        dirlist = os.path.join(FIX, "dirlist.exe")
        need(dirlist)
        n_dir = 10000
        os.mkdir("dir10k")  # in the cwd: the part of Z: the program sees
        for i in range(n_dir):
            open(os.path.join("dir10k", f"file{i:05d}.txt"), "w").close()
        counted = run_once(lsw, lsw.argv(dirlist, "--count", "dir10k")).strip()
        if counted != str(n_dir + 2):
            die(f"dirlist.exe --count dir10k printed {counted!r}, expected {n_dir + 2}")
        ls = Runner("native", ["sh", "-c", "ls -f dir10k | wc -l"])
        runs = 3 if q else 5
        d_lsw = median_time(lsw, lsw.argv(dirlist, "--count", "dir10k"), runs, 1)
        d_nat = median_time(ls, ls.prefix, runs, 1)
        d_wine = (median_time(wr, wr.argv(dirlist, "--count", "dir10k"), runs, 1)
                  if wr else None)
        rows.append((f"list {n_dir} files (FindFirst/NextFile)", "s", d_lsw, d_nat, d_wine,
                     "", None))
        notes.append("directory listing: dirlist.exe --count (whole program, start to exit)"
                     " vs native `ls -f | wc -l`; both see . and ..")
        # 6. File copy ----------------------------------------------------
        print("file copy ...", flush=True)
        copyfile = os.path.join(FIX, "copyfile.exe")
        need(copyfile)
        mib = 256
        rnd = random.Random(1).randbytes(1 << 20)  # random-ish: 1 MiB, rotated
        with open("src.bin", "wb") as f:           # in the cwd, which lsw maps
            for i in range(mib):
                f.write(rnd[i:] + rnd[:i])
        os.sync()  # src's writeback is not charged to the first timed copies

        def rm_dst():
            if os.path.exists("dst.bin"):
                os.unlink("dst.bin")

        want = f"copied {mib << 20} bytes"
        for r in [lsw] + ([wr] if wr else []):
            rm_dst()
            out = run_once(r, r.argv(copyfile, "src.bin", "dst.bin")).strip()
            if out != want:
                die(f"copyfile.exe under {r.name} printed {out!r}, expected {want!r}")
            if not filecmp.cmp("src.bin", "dst.bin", shallow=False):
                die(f"copyfile.exe under {r.name}: dst.bin differs from src.bin")
        cmds = [(lsw, lsw.argv(copyfile, "src.bin", "dst.bin")),
                (native, ["cp", "src.bin", "dst.bin"]),
                (native, ["dd", "if=src.bin", "of=dst.bin", "bs=64K", "status=none"])]
        if wr:
            cmds.append((wr, wr.argv(copyfile, "src.bin", "dst.bin")))
        ts = interleaved_times(cmds, 3 if q else 5, before=rm_dst)
        rm_dst()
        os.unlink("src.bin")
        cp_lsw, cp_nat, cp_dd = (statistics.median(t) for t in ts[:3])
        cp_wine = statistics.median(ts[3]) if wr else None
        rows.append((f"copy {mib} MiB, 64 KiB ReadFile/WriteFile", "s", cp_lsw, cp_nat,
                     cp_wine, "native/lsw speed >= 0.5", 2.0))
        rows.append(("  same, vs dd bs=64K (read/write)", "s", cp_lsw, cp_dd, cp_wine,
                     "", None))
        notes.append(f"file copy: copyfile.exe src.bin dst.bin ({2 * mib * 16} NT calls of"
                     " 64 KiB) vs `cp` (coreutils, one copy_file_range in the kernel) and"
                     " `dd bs=64K` (read/write like the program), interleaved, dst.bin"
                     " deleted before each run (untimed); src.bin is in the page cache for"
                     " all; minimum times: " + ", ".join(
                         f"{n} {min(t):.3f} s" for n, t in
                         zip(["lsw", "cp", "dd", "wine"], ts)))
        # 7. Registry -----------------------------------------------------
        print("registry ...", flush=True)
        regbench = os.path.join(FIX, "regbench.exe")
        need(regbench)
        n_reg = 2000 if q else 20000

        def per_pair(r):
            """Median ns per RegSetValueEx + RegQueryValueEx pair, timed inside."""
            vals = []
            for _ in range(3 if q else 5):
                out = run_once(r, r.argv(regbench, n_reg)).split()
                if len(out) != 4 or out[0] != "pairs":
                    die(f"regbench.exe under {r.name} printed {' '.join(out)!r}")
                vals.append(float(out[3]) * 1e-9)
            return statistics.median(vals)
        reg_lsw = per_pair(lsw)
        reg_wine = per_pair(wr) if wr else None
        rows.append(("RegSetValueEx+RegQueryValueEx pair", "us", reg_lsw, None, reg_wine,
                     "", None))
        notes.append(f"registry: regbench.exe {n_reg}: a REG_DWORD set and read back, timed"
                     " with QueryPerformanceCounter inside the program (start-up excluded);"
                     f" pairs per second: lsw {1 / reg_lsw:,.0f}"
                     + (f", Wine {1 / reg_wine:,.0f}" if reg_wine else "")
                     + "; no native column: Linux has no registry")
        # 8. Synchronisation -----------------------------------------------
        print("synchronisation ...", flush=True)
        syncbench = os.path.join(FIX, "syncbench.exe")
        native_sync = os.path.join(BENCH, "native_sync")
        need(syncbench)
        need(native_sync)

        def per_op(r, argv):
            """Median seconds per operation, as the program timed itself."""
            vals = []
            for _ in range(3 if q else 5):
                out = run_once(r, argv).split()
                if len(out) != 4 or out[2] != "ns_per_op":
                    die(f"{shlex.join(argv)} printed {' '.join(out)!r}")
                vals.append(float(out[3]) * 1e-9)
            return statistics.median(vals)
        for mode, n, name, unit in (("lock", 2000000 if q else 10000000,
                                     "uncontended lock+unlock pair", "ns"),
                                    ("pingpong", 5000 if q else 20000,
                                     "event ping-pong round trip", "us")):
            s_lsw = per_op(lsw, lsw.argv(syncbench, mode, n))
            s_nat = per_op(native, [native_sync, mode, n])
            s_wine = per_op(wr, wr.argv(syncbench, mode, n)) if wr else None
            rows.append((name, unit, s_lsw, s_nat, s_wine, "", None))
        notes.append("synchronisation: syncbench.exe (EnterCriticalSection/LeaveCriticalSection;"
                     " SetEvent + WaitForSingleObject between two threads, auto-reset events)"
                     " vs bench/native_sync (pthread_mutex_lock/unlock; sem_post + sem_wait),"
                     " each timed inside the program")
    finally:
        if wr:
            subprocess.run(["wineserver", "-k"], env=wr.env, stdin=subprocess.DEVNULL,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    # Table ----------------------------------------------------------------
    print()
    hdr = (f"{'benchmark':<40} {'lsw':>12} {'native':>12} {'wine':>12} "
           f"{'lsw/native':>11} {'wine/native':>11}  target")
    print(hdr)
    print("-" * len(hdr))
    for name, unit, a, n, w, target, limit in rows:
        r = f"{a / n:.1f}x" if n else "-"
        if n and unit == "s":
            r = f"{a / n:.3f}x"
        wr_ = f"{w / n:.2f}x" if (n and w) else "-"
        verdict = ""
        if target:
            if unit == "ms":
                met = a <= 0.002
            else:
                met = n is not None and a / n <= limit
            verdict = f"{target}: {'met' if met else 'NOT met'}"
        print(f"{name:<40} {fmt(a, unit):>12} {fmt(n, unit):>12} {fmt(w, unit):>12} "
              f"{r:>11} {wr_:>11}  {verdict}")
    print()
    print(f"cpu-bound speed (native time / lsw time): {c_nat / c_lsw:.3f}"
          + (f"; Wine: {c_nat / c_wine:.3f}" if c_wine else ""))
    print(f"file copy speed (cp time / lsw time): {cp_nat / cp_lsw:.3f}"
          + (f"; Wine: {cp_nat / cp_wine:.3f}" if cp_wine else "")
          + f"; vs dd bs=64K: {cp_dd / cp_lsw:.3f}")
    notes.append(f"1-minute load average at the end: {loadavg()}")
    for n in notes:
        print("note: " + n)

    # 4. Mechanisms --------------------------------------------------------
    if not opt.no_mechanisms:
        mech = os.path.join(BENCH, "mechanisms")
        need(mech)
        print()
        print("4/4 interception mechanisms (bench/mechanisms.c, µs per round trip):",
              flush=True)
        p = subprocess.run([mech, "2000" if q else "10000"], stdout=subprocess.PIPE,
                           text=True, timeout=300)
        sys.stdout.write(p.stdout)
        if p.returncode != 0:
            print(f"note: mechanisms exited with {p.returncode}")
        print(f"(lsw's measured NT round trip above: {lsw_call * 1e6:.3f} µs)")
        tm = os.path.join(BENCH, "tracee_mem")
        need(tm)
        print()
        print("tracee memory access (bench/tracee_mem.c, µs per 128-byte access):", flush=True)
        p = subprocess.run([tm, "5000" if q else "20000"], stdout=subprocess.PIPE, text=True,
                           timeout=300)
        sys.stdout.write(p.stdout)
        if p.returncode != 0:
            print(f"note: tracee_mem exited with {p.returncode}")


if __name__ == "__main__":
    main()
