#!/usr/bin/env python3
"""Golden-output test for lsw trace.

usage: run_golden.py LSW EXPECTED [--update] -- [TRACE OPTIONS] -- PROG.exe [ARGS]
Runs `lsw trace -o OUT OPTIONS PROG ARGS` in a fresh directory and compares
OUT, normalized, with EXPECTED.  Normalized: process ids, addresses (hex of
five digits or more, lower case), times and durations, the scratch
directory's path.  --update rewrites EXPECTED instead (review the diff!).
"""
import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile

RULES = [
    # -k: frame offsets move whenever a DLL is rebuilt; module and export
    # names and the frame count are what the test pins down (before the
    # address rule: a large DLL's offsets have five digits or more)
    (re.compile(r'^( > [^+\n]+)\+0x[0-9a-f]+$', re.M), r'\1+OFF'),
    (re.compile(r'\[\d+/\d+\]'), '[PID/TID]'),
    (re.compile(r'\[\d+\]'), '[PID]'),
    (re.compile(r'"(pid|tid)":\d+'), r'"\1":N'),
    (re.compile(r'"time":[0-9.]+'), '"time":T'),
    (re.compile(r'"duration_us":[0-9.]+'), '"duration_us":T'),
    (re.compile(r'0x[0-9a-f]{5,}'), '0xADDR'),
    (re.compile(r'<\d+\.\d{6}>'), '<T>'),
    (re.compile(r'^(\[PID[^\]]*\] )\d\d:\d\d:\d\d\.\d{6} ', re.M), r'\1HH:MM:SS.us '),
    (re.compile(r'^(\[PID[^\]]*\] )\d\d:\d\d:\d\d ', re.M), r'\1HH:MM:SS '),
    (re.compile(r'^(\[PID[^\]]*\] ) *\d+\.\d{6} ', re.M), r'\1REL '),
    # -c: times vary, counts do not
    (re.compile(r'^ *\d+\.\d\d +\d+\.\d{6} +\d* +', re.M), 'TIME '),
]


def normalize(text, scratch, progdir):
    for path, name in ((scratch, '$CWD'), (progdir, '$PROGDIR')):
        dos = 'Z:' + path.replace('/', '\\')
        text = text.replace(dos.replace('\\', '\\\\'), name).replace(dos, name)
    for rx, rep in RULES:
        text = rx.sub(rep, text)
    return sort_summary(text)


def sort_summary(text):
    """-c rows are ordered by time, which varies: compare them sorted."""
    lines = text.split('\n')
    rules = [i for i, l in enumerate(lines) if l.startswith('------')]
    if len(rules) == 2:
        lines[rules[0] + 1:rules[1]] = sorted(lines[rules[0] + 1:rules[1]])
    return '\n'.join(lines)


def main():
    args = sys.argv[1:]
    lsw, expected = args[0], args[1]
    update = '--update' in args[2:args.index('--')]
    rest = args[args.index('--') + 1:]
    opts, prog = rest[:rest.index('--')], rest[rest.index('--') + 1:]
    scratch = os.path.realpath(tempfile.mkdtemp(prefix='lsw-golden-'))
    try:
        out = os.path.join(scratch, 'trace.out')
        cwd = os.path.join(scratch, 'cwd')
        os.mkdir(cwd)
        cmd = [lsw, 'trace', '--prefix', os.path.join(scratch, 'prefix'), '-o', out] + opts + ['--'] + prog
        r = subprocess.run(cmd, cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True, timeout=120)
        progdir = os.path.dirname(os.path.realpath(prog[0]))
        got = normalize(open(out, errors='replace').read(), cwd, progdir) if os.path.exists(out) else ''
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    print('$', ' '.join(cmd), f'(exit {r.returncode})')
    if update:
        open(expected, 'w').write(got)
        print('updated', expected)
        return 0
    want = open(expected).read()
    if got != want:
        sys.stdout.writelines(difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                                   expected, 'actual'))
        print('FAIL: trace differs from', expected)
        return 1
    print('ok')
    return 0


if __name__ == '__main__':
    sys.exit(main())
