#!/usr/bin/env python3
"""Runs one program under `lsw run` and checks what it did.

usage: check_run.py LSW [options] -- PROG.exe [ARGS...]
  --stdin TEXT            feed TEXT on standard input (default: empty)
  --stdout TEXT           expected standard output, exactly
  --stdout-file FILE      expected standard output, CR LF read as LF
  --stdout-has TEXT       standard output must contain TEXT (repeatable)
  --stdout-lacks TEXT     standard output must not contain TEXT (repeatable)
  --stderr-has TEXT       standard error must contain TEXT (repeatable)
  --exit N                expected exit status (default 0)
  --absent PATH           PATH must not exist afterwards (repeatable)
  --lsw-opt OPT           extra option for `lsw run` (repeatable)
  --nofile SOFT[:HARD]    start lsw with this RLIMIT_NOFILE (a distribution
                          default such as 1024 is lower than what a program
                          holding many files needs); HARD defaults to the
                          current hard limit
  --traced                run under `lsw trace -o /dev/null` instead: the
                          program must behave exactly as under `lsw run`
Every check is reported; the exit status is 0 only if all pass.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile


def main():
    argv = sys.argv[1:]
    if '--' not in argv:
        sys.exit('check_run.py: missing --')
    split = argv.index('--')
    p = argparse.ArgumentParser()
    p.add_argument('lsw')
    p.add_argument('--stdin', default='')
    p.add_argument('--stdout')
    p.add_argument('--stdout-file')
    p.add_argument('--stdout-has', action='append', default=[])
    p.add_argument('--stdout-lacks', action='append', default=[])
    p.add_argument('--stderr-has', action='append', default=[])
    p.add_argument('--exit', type=int, default=0)
    p.add_argument('--absent', action='append', default=[])
    p.add_argument('--lsw-opt', action='append', default=[])
    p.add_argument('--cwd', help='run in this directory (default: a fresh one)')
    p.add_argument('--traced', action='store_true')
    p.add_argument('--nofile')
    a = p.parse_args(argv[:split])
    prog = argv[split + 1:]
    scratch = tempfile.mkdtemp(prefix='lsw-test-')
    prefix = os.path.join(scratch, 'prefix')
    if a.cwd is None:
        a.cwd = os.path.join(scratch, 'cwd')
        os.mkdir(a.cwd)
    try:
        run(a, prog, prefix)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def run(a, prog, prefix):
    verb = ['trace', '-o', os.devnull, '-k'] if a.traced else ['run']
    cmd = [a.lsw] + verb + ['--prefix', prefix, '--timeout', '60'] + a.lsw_opt + ['--'] + prog
    stdin = a.stdin.encode().decode('unicode_escape').encode()
    def lower_nofile():
        import resource
        soft, _, hard = a.nofile.partition(':')
        hard = int(hard) if hard else resource.getrlimit(resource.RLIMIT_NOFILE)[1]
        resource.setrlimit(resource.RLIMIT_NOFILE, (int(soft), hard))
    # a session of its own: no controlling terminal, so the console
    # (CONOUT$, CONIN$) is lsw's standard handles wherever the suite runs
    r = subprocess.run(cmd, input=stdin, capture_output=True, timeout=120, cwd=a.cwd,
                       preexec_fn=lower_nofile if a.nofile else None, start_new_session=True)
    out, err = r.stdout.decode(errors='replace'), r.stderr.decode(errors='replace')
    failures = []
    if r.returncode != a.exit:
        failures.append(f'exit status {r.returncode}, expected {a.exit}')
    if a.stdout is not None and out != a.stdout.encode().decode('unicode_escape'):
        failures.append(f'stdout {out!r}, expected {a.stdout.encode().decode("unicode_escape")!r}')
    if a.stdout_file is not None:
        want = open(a.stdout_file, encoding='utf-8', errors='replace').read()
        got = out.replace('\r\n', '\n')
        if got != want:
            import difflib
            diff = ''.join(difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                                'expected', 'actual'))
            failures.append('stdout differs from ' + a.stdout_file + ':\n' + diff)
    for want in a.stdout_has:
        if want not in out:
            failures.append(f'stdout lacks {want!r}')
    for bad in a.stdout_lacks:
        if bad in out:
            failures.append(f'stdout contains {bad!r}')
    for want in a.stderr_has:
        if want not in err:
            failures.append(f'stderr lacks {want!r}')
    for path in a.absent:
        if os.path.lexists(path):
            failures.append(f'{path} exists: the program reached the host')
            os.unlink(path)
    print('$', ' '.join(cmd))
    print('--- stdout ---\n' + out + '--- stderr ---\n' + err + f'--- exit {r.returncode}')
    # a program that says what this machine lacks and exits 77 (meson's
    # skip status) is reported as skipped, never as passed
    if r.returncode == 77 and 'skipped:' in out and a.exit != 77:
        sys.exit(77)
    for f in failures:
        print('FAIL:', f)
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
