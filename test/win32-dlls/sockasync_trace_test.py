#!/usr/bin/env python3
"""`lsw trace` of overlapped sockets (fixtures/sockasync.c).

usage: sockasync_trace_test.py LSW sockasync.exe
The fixture passes under `lsw trace`, and the trace names the overlapped
requests by name: an overlapped receive that pends (STATUS_PENDING), an
AcceptEx, a ConnectEx, an event select and IOCTL_AFD_POLL.  Exit 77 (a
skip) when the sandbox can make no socket.
"""
import os
import re
import subprocess
import sys
import tempfile

NAMES = ['IOCTL_LSW_SOCKET_ACCEPT_INTO', 'IOCTL_LSW_SOCKET_CONNECT_ASYNC',
         'IOCTL_LSW_SOCKET_SEND_ASYNC', 'IOCTL_LSW_SOCKET_EVENT_SELECT',
         'IOCTL_LSW_SOCKET_NETWORK_EVENTS', 'IOCTL_LSW_SOCKET_TRANSMIT_FILE', 'IOCTL_AFD_POLL']


def main():
    lsw, exe = sys.argv[1], sys.argv[2]
    errors = []
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, 'trace.txt')
        r = subprocess.run([lsw, 'trace', '-o', out, '--prefix', os.path.join(d, 'prefix'), '--',
                            exe], cwd=d, capture_output=True, text=True, timeout=200)
        if r.returncode == 77:
            print(r.stdout)
            return 77
        text = open(out).read() if os.path.exists(out) else ''
    if r.returncode != 0 or not re.search(r'sockasync: \d+ checks, 0 failed', r.stdout):
        errors.append(f'lsw trace exited {r.returncode}:\n{r.stdout[-3000:]}{r.stderr[-2000:]}')
    if not re.search(r'NtDeviceIoControlFile\([^\n]*IOCTL_LSW_SOCKET_RECV_ASYNC[^\n]*\) = '
                     r'STATUS_PENDING', text):
        errors.append('trace: no overlapped receive answered STATUS_PENDING')
    for name in NAMES:
        if not re.search(r'NtDeviceIoControlFile\([^\n]*' + name, text):
            errors.append(f'trace: no {name}')
    for e in errors:
        print(e)
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
