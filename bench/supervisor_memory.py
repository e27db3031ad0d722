#!/usr/bin/env python3
"""How much memory the supervisor takes when a program floods it.

usage: bench/supervisor_memory.py [LSW [QUOTA.EXE]] [-- LSW-RUN-OPTIONS...]

Runs build/fixtures/quota.exe's floods under `lsw run` (the supervisor is
the lsw process itself) and prints, per flood, how far the program got and
the supervisor's peak resident set (VmHWM of the lsw process, read from
/proc while it runs; the Windows process is a separate process and not
counted).  Nothing is asserted: the bound is stated in README ("It cannot
exhaust the host") and tested by the quota-* tests.
"""
import os
import subprocess
import sys
import tempfile
import time

FLOODS = [
    ('flood-names', 10000),         # events with 32,767-character names, kept
    ('flood-threads', 20000),       # threads that end, one after another
    ('flood-thread-names', 1000),   # waiting threads, each with a 64 KiB name
    ('flood-handles', 200000),      # handles to one event
    ('flood-vads', 200000),         # 64 KiB reservations
]


def hwm_kib(pid):
    try:
        with open(f'/proc/{pid}/status') as f:
            for line in f:
                if line.startswith('VmHWM:'):
                    return int(line.split()[1])
    except OSError:
        pass
    return None


def run(lsw, exe, extra, what, count, prefix):
    cmd = [lsw, 'run', '--prefix', prefix, '--timeout', '300'] + extra + [exe, what, str(count)]
    start = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    peak = 0
    while p.poll() is None:
        v = hwm_kib(p.pid)  # monotonic: the last value read is the peak so far
        if v:
            peak = max(peak, v)
        time.sleep(0.02)
    out = p.stdout.read().decode(errors='replace').strip().replace('\r', '')
    return peak, time.monotonic() - start, p.returncode, out


def main():
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    args = sys.argv[1:]
    extra = []
    if '--' in args:
        extra = args[args.index('--') + 1:]
        args = args[:args.index('--')]
    lsw = args[0] if args else os.path.join(root, 'build/cli/lsw')
    exe = args[1] if len(args) > 1 else os.path.join(root, 'build/fixtures/quota.exe')
    with tempfile.TemporaryDirectory() as scratch:
        prefix = os.path.join(scratch, 'prefix')
        run(lsw, exe, extra, 'flood-names', 1, prefix)  # the prefix is made once
        print(f'{"flood":22} {"peak RSS":>10} {"time":>7}  program said')
        for what, count in FLOODS:
            peak, secs, rc, out = run(lsw, exe, extra, what, count, prefix)
            said = out.splitlines()[-1] if out else ''
            print(f'{what:22} {peak / 1024:7.1f} MiB {secs:6.1f}s  {said} (exit {rc})')


if __name__ == '__main__':
    main()
