#!/usr/bin/env python3
"""A terminal as the standard handles: the program's console read waits in
the supervisor (deferred, never blocking it) until a line is typed.  And
the console is the terminal even when the standard output is redirected:
CONOUT$ writes reach the screen, not the file.
usage: tty_test.py LSW STDIO.EXE DEVICES.EXE"""
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


def conout_on_terminal(lsw, devices, prefix):
    """devices.exe with stdout to a pipe, the terminal its console."""
    r, w = os.pipe()
    pid, fd = pty.fork()
    if pid == 0:
        os.dup2(w, 1)
        os.execv(lsw, [lsw, 'run', '--prefix', prefix, '--timeout', '30', devices])
    os.close(w)
    screen = read_until(fd, b'via CONOUT$')
    _, status = os.waitpid(pid, 0)
    piped = b''
    while chunk := os.read(r, 4096):
        piped += chunk
    os.close(r)
    print('screen:', screen.decode(errors='replace'))
    print('stdout:', piped.decode(errors='replace'))
    return (b'via CONOUT$' in screen and b'via CONOUT$' not in piped and
            b'NUL: opened' in piped and b'NUL: opened' not in screen)


def main():
    lsw, exe, devices = sys.argv[1], sys.argv[2], sys.argv[3]
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
    print(got.decode(errors='replace'))
    ok = b'line 1: first' in got and b'lines=1 x=2' in got and b'puts ok' in got
    ok = ok and os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    if not conout_on_terminal(lsw, devices, prefix):
        print('FAIL: CONOUT$ did not reach the terminal alone')
        ok = False
    shutil.rmtree(prefix, ignore_errors=True)
    print('ok' if ok else f'FAIL: status {status}')
    sys.exit(0 if ok else 1)


if __name__ == '__main__':
    main()
