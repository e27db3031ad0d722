#!/usr/bin/env python3
"""Stub calls are never silent: `lsw trace` has a line for each call of a
stub, `lsw run --debug` names each stub once (stubcall.exe calls
kernel32!SetFirmwareEnvironmentVariableW twice, five other stubs once).

usage: stub_visible.py LSW stubcall.exe
"""
import os
import subprocess
import sys
import tempfile

STUB = 'kernel32!SetFirmwareEnvironmentVariableW'
ONCE = ['kernel32!ApplicationRecoveryInProgress', 'ntdll!RtlCreateUserProcess', 'msvcrt!_heapwalk',
        'netapi32!NetUseAdd', 'rpcrt4!I_RpcBindingInqLocalClientPID']


def run(cmd, cwd):
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=100)


def main():
    lsw, exe = sys.argv[1], sys.argv[2]
    errors = []
    with tempfile.TemporaryDirectory() as d:
        env_prefix = ['--prefix', os.path.join(d, 'prefix')]
        trace = os.path.join(d, 'trace.txt')
        r = run([lsw, 'trace', '-o', trace] + env_prefix + ['--', exe], d)
        text = open(trace).read() if os.path.exists(trace) else ''
        if r.returncode != 0:
            errors.append(f'lsw trace exited {r.returncode}: {r.stderr}')
        if text.count(f'--- stub {STUB} called ---') != 2:
            errors.append(f'trace: want 2 lines "--- stub {STUB} called ---"')
        for name in ONCE:
            if text.count(f'--- stub {name} called ---') != 1:
                errors.append(f'trace: want 1 line "--- stub {name} called ---"')
        r = run([lsw, 'run', '--debug'] + env_prefix + ['--', exe], d)
        if r.returncode != 0:
            errors.append(f'lsw run --debug exited {r.returncode}')
        for name in [STUB] + ONCE:
            n = r.stderr.count(f'lsw: {name} is a stub')
            if n != 1:
                errors.append(f'--debug named {name} {n} times, want once')
    for e in errors:
        print('FAILED:', e)
    print('ok' if not errors else f'{len(errors)} failed')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
