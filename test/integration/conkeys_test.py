#!/usr/bin/env python3
"""The console over a terminal, as interactive programs use it: conkeys.exe
on a pseudo-terminal made here.  Keys written to the pty master come back
from ReadConsoleInputW as the KEY_EVENT_RECORDs a Windows keyboard gives
(raw mode: no line editing, no echo), a resize as a
WINDOW_BUFFER_SIZE_EVENT, VT input passes through; the screen buffer's
cursor, fills and cell writes reach the terminal as the right VT bytes;
and the terminal's modes are back as they were after a raw-mode program is
killed.  usage: conkeys_test.py LSW CONKEYS.EXE"""
import fcntl
import os
import pty
import shutil
import signal
import struct
import sys
import tempfile
import termios
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from tty_test import read_until  # noqa: E402
from stdout_stall_test import check, failures  # noqa: E402


def start(lsw, exe, prefix, arg, timeout=30):
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(lsw, [lsw, 'run', '--prefix', prefix, '--timeout', str(timeout), exe, arg])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 30, 100, 0, 0))
    return pid, fd


def finish(pid, fd, data, want, timeout=20):
    data += read_until(fd, want, timeout)
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return data, status


# What a terminal sends -> the key-down line conkeys prints for it
# (virtual key, scan code, character, control key state, in hex).
KEYS = [
    (b'a', 'key 41 1e 0061 0'),
    (b'Z', 'key 5a 2c 005a 10'),            # Shift
    (b'1', 'key 31 02 0031 0'),
    (b'!', 'key 31 02 0021 10'),
    (b'\r', 'key 0d 1c 000d 0'),            # Enter
    (b'\t', 'key 09 0f 0009 0'),
    (b'\x7f', 'key 08 0e 0008 0'),          # Backspace
    (b'\x01', 'key 41 1e 0001 8'),          # Ctrl-A
    (b'\x1b[A', 'key 26 48 0000 100'),      # Up, an enhanced key
    (b'\x1b[D', 'key 25 4b 0000 100'),      # Left
    (b'\x1b[H', 'key 24 47 0000 100'),      # Home
    (b'\x1b[F', 'key 23 4f 0000 100'),      # End
    (b'\x1b[5~', 'key 21 49 0000 100'),     # PgUp
    (b'\x1b[6~', 'key 22 51 0000 100'),     # PgDn
    (b'\x1b[2~', 'key 2d 52 0000 100'),     # Insert
    (b'\x1b[3~', 'key 2e 53 0000 100'),     # Delete
    (b'\x1bOP', 'key 70 3b 0000 0'),        # F1
    (b'\x1b[15~', 'key 74 3f 0000 0'),      # F5
    (b'\x1b[24~', 'key 7b 58 0000 0'),      # F12
    (b'\x1b[1;5C', 'key 27 4d 0000 108'),   # Ctrl-Right
    (b'\x1b[1;2B', 'key 28 50 0000 110'),   # Shift-Down
    (b'\x1bx', 'key 58 2d 0078 2'),         # Alt-x
    ('\u00e9'.encode(), 'key 00 00 00e9 0'),  # UTF-8 text
    (b'\x1b', 'key 1b 01 001b 0'),          # Escape alone
]


def keys(lsw, exe, prefix):
    pid, fd = start(lsw, exe, prefix, 'keys')
    data = read_until(fd, b'ready')
    check(b'ready' in data, 'keys: the program is ready')
    time.sleep(0.3)
    attrs = termios.tcgetattr(fd)
    check(not (attrs[3] & termios.ICANON) and not (attrs[3] & termios.ECHO),
          'keys: the terminal is raw (no ICANON, no ECHO) while keys are read')
    for seq, _ in KEYS:
        os.write(fd, seq)
        time.sleep(0.15)  # one key at a time, as typed (ESC alone needs a pause)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack('HHHH', 40, 120, 0, 0))
    time.sleep(0.3)
    os.write(fd, b'q')
    data, status = finish(pid, fd, data, b'done')
    text = data.decode('utf-8', 'replace').replace('\r', '')
    print(text)
    lines = [l for l in text.split('\n') if l.startswith('key ') and not l.endswith(' up')]
    for seq, want in KEYS:
        check(want in lines, f'keys: {seq!r} -> {want}')
    ups = [l for l in text.split('\n') if l.startswith('key ') and l.endswith(' up')]
    check(len(ups) >= len(KEYS), f'keys: each key also comes up ({len(ups)} key-ups)')
    for mod, name in [('key 10 2a 0000 10', 'Shift'), ('key 11 1d 0000 8', 'Ctrl'),
                      ('key 12 38 0000 2', 'Alt')]:
        check(mod in lines, f'keys: {name} goes down around the keys it modifies')
    check('resize 120x40' in text, 'keys: a resize is WINDOW_BUFFER_SIZE_EVENT 120x40')
    check(os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, f'keys: exit status {status}')


def vtkeys(lsw, exe, prefix):
    pid, fd = start(lsw, exe, prefix, 'vtkeys')
    data = read_until(fd, b'ready')
    os.write(fd, b'\x1b[A')
    time.sleep(0.2)
    os.write(fd, b'q')
    data, status = finish(pid, fd, data, b'done')
    text = data.decode('utf-8', 'replace').replace('\r', '')
    print(text)
    check('vt 001b\nvt 005b\nvt 0041\n' in text,
          'vtkeys: ENABLE_VIRTUAL_TERMINAL_INPUT passes ESC [ A through')


def linekeys(lsw, exe, prefix):
    pid, fd = start(lsw, exe, prefix, 'linekeys')
    data = read_until(fd, b'ready')
    time.sleep(0.2)
    os.write(fd, b'a')
    data += read_until(fd, b'key 41 1e 0061 0', 10)
    os.write(fd, b'q')
    data, status = finish(pid, fd, data, b'done')
    text = data.decode('utf-8', 'replace').replace('\r', '')
    print(text)
    check('key 41 1e 0061 0\n' in text and 'key 51 10 0071 0\n' in text,
          'linekeys: in line mode ReadConsoleInputW has each key without Enter')


def chars(lsw, exe, prefix):
    pid, fd = start(lsw, exe, prefix, 'chars')
    data = read_until(fd, b'ready')
    for seq in (b'h', b'\x1b[A', '\u00e9'.encode(), b'q'):
        os.write(fd, seq)
        time.sleep(0.15)
    data, status = finish(pid, fd, data, b'done')
    text = data.decode('utf-8', 'replace').replace('\r', '')
    print(text)
    check('char 0068\nchar 00e9\nchar 0071\n' in text,
          'chars: ReadConsoleW without line input gives the keys\' characters, '
          'none for an arrow')


def getch(lsw, exe, prefix):
    pid, fd = start(lsw, exe, prefix, 'getch')
    data = read_until(fd, b'ready')
    time.sleep(0.2)
    os.write(fd, b'x')  # no Enter: _getch has it at once
    data += read_until(fd, b'getch 78', 10)
    os.write(fd, b'q')
    data, status = finish(pid, fd, data, b'done')
    text = data.decode('utf-8', 'replace').replace('\r', '')
    print(text)
    check('conin mode input' in text, 'getch: CONIN$ takes input modes')
    check('getch 78\n' in text and 'getch 71\n' in text and 'x' not in text.split('getch 78')[0].split('ready')[-1],
          'getch: _getch gives a key without Enter and without echo')


def screen(lsw, exe, prefix):
    pid, fd = start(lsw, exe, prefix, 'screen')
    data = read_until(fd, b'attach: ', 40)
    if not data.endswith(b'\n'):
        data += read_until(fd, b'\n', 10)  # the rest of the attach line
    data, status = finish(pid, fd, data, b'')
    print(data.decode('utf-8', 'replace'))
    check(b'screen: ' in data and b', 0 failed' in data, 'screen: all its checks pass')
    check(b'attach: 0 failed' in data, 'screen: FreeConsole then AllocConsole gives a console')
    for want, what in [(b'\x1b[6;11H', 'SetConsoleCursorPosition(10,5) is CUP 6;11'),
                       (b'\x1b[8;3H\x1b[0;37;40m*****\x1b[6;14H', 'the fill of (2,7) drawn, '
                        'then the cursor back at (13,5)'),
                       (b'\x1b[0;93;44mabc', 'FillConsoleOutputAttribute(0x1E) redraws abc '
                        'yellow on blue'),
                       (b'\x1b[?25l', 'a hidden cursor is DECTCEM off'),
                       (b'\x1b[?25h', 'a shown cursor is DECTCEM on'),
                       (b'\x1b]0;lsw title\x07', 'the title is OSC 0')]:
        check(want in data, 'screen: ' + what)
    check(os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0, f'screen: exit status {status}')


def killed(lsw, exe, prefix):
    pid, fd = start(lsw, exe, prefix, 'hang', timeout=4)
    before = termios.tcgetattr(fd)
    data = read_until(fd, b'ready')
    time.sleep(0.3)
    raw = termios.tcgetattr(fd)
    check(not (raw[3] & termios.ICANON), 'hang: raw while the program runs')
    os.kill(pid, signal.SIGTERM)
    os.waitpid(pid, 0)
    # the slave is gone with lsw; the master still holds the terminal's modes
    after = termios.tcgetattr(fd)
    os.close(fd)
    check(after[3] == before[3] and after[0] == before[0],
          'hang: the terminal is back in its modes after lsw is terminated')
    pid, fd = start(lsw, exe, prefix, 'hang', timeout=2)
    before = termios.tcgetattr(fd)
    read_until(fd, b'ready')
    os.waitpid(pid, 0)
    after = termios.tcgetattr(fd)
    os.close(fd)
    check(after[3] == before[3], 'hang: and after --timeout kills the program')


def main():
    lsw, exe = sys.argv[1], sys.argv[2]
    prefix = tempfile.mkdtemp(prefix='lsw-conkeys-')
    try:
        keys(lsw, exe, prefix)
        vtkeys(lsw, exe, prefix)
        linekeys(lsw, exe, prefix)
        chars(lsw, exe, prefix)
        getch(lsw, exe, prefix)
        screen(lsw, exe, prefix)
        killed(lsw, exe, prefix)
    finally:
        shutil.rmtree(prefix, ignore_errors=True)
    print('FAILED: ' + '; '.join(failures) if failures else 'all passed')
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
