#!/usr/bin/env python3
"""The console as programs query it: conquery.exe on a 100x30 terminal
(a pty whose size the supervisor reads), with "abc" and Enter typed ahead; what
reaches the terminal is checked byte for byte (VT passes through,
SetConsoleTextAttribute becomes SGR, UTF-16 and code page 65001 become
UTF-8).  usage: console_test.py LSW CONQUERY.EXE"""
import fcntl
import os
import pty
import shutil
import struct
import sys
import tempfile
import termios

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tty_test import read_until  # noqa: E402


def run_on_pty(lsw, exe, prefix):
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(lsw, [lsw, 'run', '--prefix', prefix, '--timeout', '30', exe, 'tty'])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 30, 100, 0, 0))
    os.write(fd, b'abc\n')
    data = read_until(fd, b' failed', 40)
    _, status = os.waitpid(pid, 0)
    return data, status


def main():
    lsw, exe = sys.argv[1], sys.argv[2]
    prefix = tempfile.mkdtemp(prefix='lsw-console-')
    data, status = run_on_pty(lsw, exe, prefix)
    shutil.rmtree(prefix, ignore_errors=True)
    text = data.decode('utf-8', errors='replace')
    print(text)
    want = [b'size 100x30 window 0,0-99,29 attr 7', b'[\x1b[1mvt bold\x1b[0m]',
            b'\x1b[0;91;44m', b'\x1b[0;37;40m', 'wide: \u00e9\u20ac \U0001F600'.encode(),
            'caf\u00e9 \u20ac'.encode(), b'checks, 0 failed']
    ok = os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    for w in want:
        if w not in data:
            print('FAIL: missing', w)
            ok = False
    print('ok' if ok else f'FAIL: status {status}')
    sys.exit(0 if ok else 1)


if __name__ == '__main__':
    main()
