#!/usr/bin/env python3
"""A terminal as the standard handles: the program's console read waits in
the supervisor (deferred, never blocking it) until a line is typed.
usage: tty_test.py LSW STDIO.EXE"""
import os
import pty
import select
import shutil
import sys
import tempfile
import time


def read_until(fd, want, timeout=20):
    data = b''
    end = time.time() + timeout
    while want not in data and time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.5)
        if r:
            try:
                chunk = os.read(fd, 4096)
            except OSError:
                break
            if not chunk:
                break
            data += chunk
    return data


def main():
    lsw, exe = sys.argv[1], sys.argv[2]
    prefix = tempfile.mkdtemp(prefix='lsw-tty-')
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(lsw, [lsw, 'run', '--prefix', prefix, '--timeout', '30', exe])
    time.sleep(0.3)  # the program is now waiting in a console read
    os.write(fd, b'first\n')
    got = read_until(fd, b'line 1: first')
    os.write(fd, b'.\nxx\n\x04')
    got += read_until(fd, b'puts ok')
    _, status = os.waitpid(pid, 0)
    shutil.rmtree(prefix, ignore_errors=True)
    print(got.decode(errors='replace'))
    ok = b'line 1: first' in got and b'lines=1 x=2' in got and b'puts ok' in got
    ok = ok and os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    print('ok' if ok else f'FAIL: status {status}')
    sys.exit(0 if ok else 1)


if __name__ == '__main__':
    main()
