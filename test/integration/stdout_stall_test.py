#!/usr/bin/env python3
"""Output nobody reads must not stall the supervisor (fixtures/flood.c).

usage: stdout_stall_test.py LSW FLOOD.EXE

A program writing megabytes to a pipe (or a terminal) that nobody reads:
the write waits as a deferred call, so --timeout still ends the run on
time, another thread of the program still runs, TerminateThread and
ExitProcess end the waiting writer.  A slow reader gets every byte, in
order.  Prints the measured times.
"""
import os
import pty
import shutil
import subprocess
import sys
import tempfile
import time

PATTERN = bytes(ord('a') + i for i in range(26))
failures = []


def check(cond, what):
    print(('ok: ' if cond else 'FAILED: ') + what)
    if not cond:
        failures.append(what)


def run_unread(lsw, prefix, args, stdout, limit=30):
    """Runs lsw with stdout that nobody reads; (exit status, seconds, stderr)."""
    t0 = time.monotonic()
    p = subprocess.Popen([lsw, 'run', '--prefix', prefix] + args, stdin=subprocess.DEVNULL,
                         stdout=stdout, stderr=subprocess.PIPE)
    try:
        err = p.communicate(timeout=limit)[1]  # stdout is not ours to read
    except subprocess.TimeoutExpired:
        p.kill()
        err = p.communicate()[1]
    return p.returncode, time.monotonic() - t0, err.decode(errors='replace')


def timeout_holds(lsw, prefix, exe):
    r, w = os.pipe()
    rc, secs, err = run_unread(lsw, prefix, ['--timeout', '3', exe, '64'], w)
    os.close(w)
    os.close(r)
    print(f'pipe nobody reads, --timeout 3: exit {rc} after {secs:.2f} s')
    check(rc == 124 and secs < 8, 'a full pipe does not hold --timeout 3 past 8 s')
    check('timed out' in err, 'lsw says it timed out')
    # lsw's own message goes to the same full pipe: it must not hold either
    r, w = os.pipe()
    t0 = time.monotonic()
    p = subprocess.Popen([lsw, 'run', '--prefix', prefix, '--timeout', '3', exe, '64'],
                         stdin=subprocess.DEVNULL, stdout=w, stderr=w)
    try:
        rc = p.wait(timeout=30)
    except subprocess.TimeoutExpired:
        p.kill()
        rc = p.wait()
    secs = time.monotonic() - t0
    os.close(w)
    os.close(r)
    print(f'stdout and stderr one pipe nobody reads, --timeout 3: exit {rc} after {secs:.2f} s')
    check(rc == 124 and secs < 8, 'lsw\'s own message to the full pipe does not hold it either')
    master, slave = pty.openpty()
    rc, secs, err = run_unread(lsw, prefix, ['--timeout', '3', exe, '64'], slave)
    os.close(slave)
    os.close(master)
    print(f'terminal nobody reads, --timeout 3: exit {rc} after {secs:.2f} s')
    check(rc == 124 and secs < 8, 'a full terminal does not hold --timeout 3 past 8 s')


def threads_go_on(lsw, prefix, exe):
    r, w = os.pipe()
    rc, secs, err = run_unread(lsw, prefix, ['--timeout', '20', exe, 'thread'], w)
    print(f'flood thread: exit {rc} after {secs:.2f} s; stderr: {err!r}')
    check('main: still running while the writer waits' in err,
          'another thread runs while the writer waits')
    check('main: writer ended with 42' in err and rc == 0,
          'TerminateThread ends the waiting writer, with its exit code')
    rc, secs, err = run_unread(lsw, prefix, ['--timeout', '20', exe, 'exit'], w)
    os.close(w)
    os.close(r)
    print(f'flood exit: exit {rc} after {secs:.2f} s')
    check(rc == 7, 'ExitProcess ends the program while its writer waits')


def slow_reader_gets_all(lsw, prefix, exe):
    mib = 16
    p = subprocess.Popen([lsw, 'run', '--prefix', prefix, '--timeout', '60', exe, str(mib)],
                         stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    got = bytearray()
    while True:
        b = p.stdout.read1(7001)
        if not b:
            break
        got += b
        time.sleep(0.0002)
    err = p.stderr.read().decode(errors='replace')
    p.wait()
    want = (PATTERN * ((mib << 20) // 26 + 1))[:mib << 20]
    check(len(got) == mib << 20, f'a slow reader gets {mib} MiB (got {len(got)} bytes)')
    check(bytes(got) == want, 'every byte in order')
    check(p.returncode == 0 and f'wrote {mib} MiB' in err, 'the program saw every write succeed')


def main():
    lsw, exe = sys.argv[1], sys.argv[2]
    scratch = tempfile.mkdtemp(prefix='lsw-stall-')
    prefix = os.path.join(scratch, 'prefix')
    try:
        os.chdir(scratch)
        timeout_holds(lsw, prefix, exe)
        threads_go_on(lsw, prefix, exe)
        slow_reader_gets_all(lsw, prefix, exe)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
