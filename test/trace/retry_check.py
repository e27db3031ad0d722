#!/usr/bin/env python3
"""lsw trace -f of a wait made again: one call to the program, one call in
the trace.

usage: retry_check.py LSW WAITCONTEXT.EXE
fixtures/waitcontext.c reads and sets the context of a thread blocked in
an infinite NtWaitForSingleObject; the supervisor gives that wait up and
the thread makes it again (the restart a context call needs).  The trace
must show the wait once: one "<unfinished ...>" and one "<... resumed>"
on that thread, never a second first half or a complete line.
"""
import re
import subprocess
import sys

WAIT = re.compile(r'^\[(\d+)/(\d+)\] NtWaitForSingleObject\(0x[0-9a-f]+, FALSE, NULL(.*)$')
RESUMED = re.compile(r'^\[(\d+)/(\d+)\] <\.\.\. NtWaitForSingleObject resumed>\) = (\w+)$')


def main():
    lsw, exe = sys.argv[1], sys.argv[2]
    run = subprocess.run([lsw, 'trace', '-f', '-e', 'trace=NtWaitForSingleObject', '--', exe],
                         capture_output=True, text=True, timeout=100)
    lines = (run.stdout + run.stderr).splitlines()
    firsts = [m for m in map(WAIT.match, lines) if m]
    errors = []
    if run.returncode != 0:
        errors.append(f'exit status {run.returncode}')
    if len(firsts) != 1 or firsts[0].group(3) != ' <unfinished ...>':
        errors.append(f'the infinite wait shows {len(firsts)} first halves: '
                      f'{[m.group(0) for m in firsts]}')
    else:
        tid = firsts[0].group(2)
        resumed = [m for m in map(RESUMED.match, lines) if m and m.group(2) == tid]
        if len(resumed) != 1 or resumed[0].group(3) != 'STATUS_SUCCESS':
            errors.append(f'thread {tid} resumes its wait {len(resumed)} times')
    if errors:
        print('\n'.join(lines))
        print('FAIL: ' + '; '.join(errors))
        return 1
    print('ok: the wait made again is one call in the trace')
    return 0


if __name__ == '__main__':
    sys.exit(main())
