#!/usr/bin/env python3
"""Random bytes under lsw (fixtures/random.c).

usage: random_test.py LSW random.exe runs|trace
  runs   two runs give different bytes from every source ("sample:" lines)
  trace  `lsw trace` shows where they come from: \\Device\\CNG opened and
         NtDeviceIoControlFile with IOCTL_KSEC_RNG answered with bytes
"""
import os
import re
import subprocess
import sys
import tempfile

SOURCES = ['ProcessPrng', 'BCryptGenRandom', 'RtlGenRandom', 'CryptGenRandom', '\\Device\\CNG']


def run(cmd, cwd):
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=100)


def samples(out):
    return dict(re.findall(r'^sample: (\S+) ([0-9a-f]{32})$', out, re.M))


def check_runs(lsw, exe, d, errors):
    got = []
    for i in range(2):
        r = run([lsw, 'run', '--prefix', os.path.join(d, 'prefix'), '--', exe], d)
        if r.returncode != 0 or '0 failed' not in r.stdout:
            errors.append(f'run {i + 1} exited {r.returncode}:\n{r.stdout}{r.stderr}')
        got.append(samples(r.stdout))
    for name in SOURCES:
        if name not in got[0] or name not in got[1]:
            errors.append(f'{name}: no sample line')
        elif got[0][name] == got[1][name]:
            errors.append(f'{name}: both runs gave {got[0][name]}')
    if len(set(got[0].values())) != len(got[0]):
        errors.append(f'two sources gave the same bytes: {got[0]}')


def check_trace(lsw, exe, d, errors):
    out = os.path.join(d, 'trace.txt')
    r = run([lsw, 'trace', '-o', out, '--prefix', os.path.join(d, 'prefix'), '--', exe], d)
    text = open(out).read() if os.path.exists(out) else ''
    if r.returncode != 0:
        errors.append(f'lsw trace exited {r.returncode}: {r.stderr}')
    if not re.search(r'NtOpenFile\(&0x\w+ <\\Device\\CNG>, FILE_READ_DATA\|SYNCHRONIZE, '
                     r'\{"\\Device\\CNG"\}', text):
        errors.append('trace: no NtOpenFile of \\Device\\CNG')
    # bcryptprimitives' seed: 32 bytes; the fixture's own requests: 64 KiB pieces
    if not re.search(r'NtDeviceIoControlFile\(0x\w+ <\\Device\\CNG>, NULL, NULL, NULL, '
                     r'\{STATUS_SUCCESS, 32\}, IOCTL_KSEC_RNG, NULL, 0, "[^\n]*, 32\) = '
                     r'STATUS_SUCCESS', text):
        errors.append('trace: no 32-byte IOCTL_KSEC_RNG answered')
    if not re.search(r'IOCTL_KSEC_RNG, NULL, 0, "[^\n]*, 65536\) = STATUS_SUCCESS', text):
        errors.append('trace: no 64 KiB IOCTL_KSEC_RNG answered')


def main():
    lsw, exe, what = sys.argv[1:4]
    errors = []
    with tempfile.TemporaryDirectory() as d:
        (check_runs if what == 'runs' else check_trace)(lsw, exe, d, errors)
    for e in errors:
        print('FAILED:', e)
    print('ok' if not errors else f'{len(errors)} failed')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
