#!/usr/bin/env python3
"""Start to exit of a real Go program: the corpus's esbuild.exe --version
under lsw, next to its own Linux build (bench/go_native.list) and to Wine
(with the corpus's bcryptprimitives stand-in, which Wine 8 lacks).

usage: go_startup.py [--lsw PATH] [--runs N] [--no-wine] [--cache DIR]

The programs come from the corpus cache (downloaded once, as the corpus
tests do).  When esbuild.exe can be neither found in the cache nor
downloaded, nothing is measured: the script says so and exits 77.  A
missing Linux build or Wine only leaves its column empty.  Runs are
interleaved (lsw, native, Wine, lsw, ...) and medians compared; every run
must print the version, or the script fails.  Nothing here is a test.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, 'tools'))
from lswcorpus import fetch, manifest, wine  # noqa: E402

PROGRAM = 'esbuild'
ARGS = ['--version']
WANT = '0.28.2'
SKIP = 77


def obtain(list_path, cache):
    """The program's path from one manifest, or (None, why)."""
    program = manifest.select(manifest.load(list_path), 'full', [PROGRAM])[0]
    try:
        tree = fetch.ensure(program, cache)
    except fetch.DownloadError as e:
        return None, '%s (%s) is not cached and could not be downloaded: %s' % (
            program.spec, os.path.relpath(list_path, ROOT), e)
    return os.path.join(tree, program.exe), None


def timed(argv, env, cwd):
    # files, not pipes: the services Wine starts inherit them and would
    # hold a pipe open after the program exits
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        code = subprocess.run(argv, env=env, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out,
                              stderr=err, timeout=120).returncode
        took = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        text = out.read().decode('utf-8', 'replace')
        if code != 0 or WANT not in text:
            sys.exit('go_startup: %s: exit %d, stdout %r, stderr %r' % (
                ' '.join(argv), code, text[:200], err.read()[-400:]))
    return took


def runners(args, exe, native, scratch):
    """name -> (argv, env)"""
    out = {'lsw': ([args.lsw, 'run', '--prefix', os.path.join(scratch, 'prefix'), '--', exe]
                   + ARGS, None)}
    if native:
        out['native'] = ([native] + ARGS, None)
    if not args.no_wine and shutil.which('wine'):
        prefix = wine.make_prefix(shim=True)
        env = dict(os.environ, WINEPREFIX=prefix, WINEDEBUG='-all')
        subprocess.run(['wineserver', '-p'], env=env, check=True)  # kept warm for the run
        out['wine'] = (['wine', exe] + ARGS, env)
    return out


def measure(table, runs, cwd):
    for argv, env in table.values():  # warm-up: page cache, lsw prefix, wineserver
        timed(argv, env, cwd)
    times = {name: [] for name in table}
    for _ in range(runs):
        for name, (argv, env) in table.items():
            times[name].append(timed(argv, env, cwd))
    return times


def report(times, runs):
    lsw = statistics.median(times['lsw'])
    print('Go start to exit: %s %s (median of %d, interleaved)' % (PROGRAM, ' '.join(ARGS), runs))
    print('%-8s %10s %10s %10s' % ('', 'median', 'min', 'lsw/this'))
    for name, t in times.items():
        med = statistics.median(t)
        print('%-8s %8.1f ms %7.1f ms %9.2fx' % (name, med * 1e3, min(t) * 1e3, lsw / med))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--lsw', default=os.path.join(ROOT, 'build', 'cli', 'lsw'))
    ap.add_argument('--runs', type=int, default=20)
    ap.add_argument('--no-wine', action='store_true')
    ap.add_argument('--cache', default=fetch.default_cache_dir())
    args = ap.parse_args()
    if not os.access(args.lsw, os.X_OK):
        sys.exit('go_startup: %s: no lsw there (build first)' % args.lsw)
    exe, why = obtain(manifest.DEFAULT_MANIFEST, args.cache)
    if not exe:
        print('go_startup: skipped, nothing measured: ' + why)
        return SKIP
    native, why = obtain(os.path.join(ROOT, 'bench', 'go_native.list'), args.cache)
    if not native:
        print('go_startup: no native column: ' + why)
    scratch = tempfile.mkdtemp(prefix='lsw-go-startup-')
    table = {}
    try:
        table = runners(args, exe, native, scratch)
        report(measure(table, args.runs, scratch), args.runs)
    finally:
        if 'wine' in table:
            wine.remove_prefix(table['wine'][1]['WINEPREFIX'])
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
