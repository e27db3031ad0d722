#!/usr/bin/env python3
"""Hostile clients of lswhost: malformed messages get an ERROR reply (or
the connection closed) and the daemon keeps serving.
usage: lswhost_protocol.py SOCKET BUILD_ID"""
import os
import socket
import struct
import sys

sock_path, build = sys.argv[1], sys.argv[2].encode()
HELLO, HELLO_OK, RUN, STATUS, STATUS_INFO, ERROR, SIGNAL = 1, 2, 3, 10, 11, 14, 6


def msg(kind, payload=b""):
    return struct.pack("<II", len(payload), kind) + payload


def string(s):
    return struct.pack("<I", len(s)) + s


PROTO_VERSION = 3  # src/host/protocol.h


def hello():
    return msg(HELLO, struct.pack("<I", PROTO_VERSION) + string(build))


def exchange(data, fds=None, close_early=False):
    """Sends data on a new connection; the reply type, or None if closed."""
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(5)
    s.connect(sock_path)
    if fds:
        socket.send_fds(s, [data], fds)
    else:
        s.sendall(data)
    if close_early:
        s.close()
        return None
    s.shutdown(socket.SHUT_WR)  # all sent: a message cut short ends here
    replies = []
    buf = b""
    try:
        while True:
            chunk = s.recv(65536)
            if not chunk:
                break
            buf += chunk
    except socket.timeout:
        raise SystemExit("FAIL: the daemon neither answered nor closed")
    except ConnectionResetError:
        pass  # closed with our bytes unread: a close
    s.close()
    while len(buf) >= 8:
        size, kind = struct.unpack("<II", buf[:8])
        replies.append(kind)
        buf = buf[8 + size:]
    return replies


def recv_exact(s, n):
    buf = b""
    while len(buf) < n:
        chunk = s.recv(n - len(buf))
        if not chunk:
            return None
        buf += chunk
    return buf


def recv_type(s):
    """The type of the next whole message, or None at the end."""
    try:
        head = recv_exact(s, 8)
        if head is None:
            return None
        size, kind = struct.unpack("<II", head)
        return kind if recv_exact(s, size) is not None else None
    except ConnectionResetError:
        return None


def alive():
    r = exchange(hello() + msg(STATUS))
    if r != [HELLO_OK, STATUS_INFO]:
        raise SystemExit("FAIL: the daemon stopped answering: %r" % r)


def run_payload(bad_field=None):
    p = struct.pack("<I", 0) + string(b"x.exe") + struct.pack("<I", 0)
    p += struct.pack("<QIIQI", 1 << 30, 64, 0, 0, 0)  # commit, threads, cpus, pool quota, timeout
    p += string(b"x.exe") + struct.pack("<I", 0) + struct.pack("<I", 0)
    p += string(b"") + string(b"")
    if bad_field == "maps":
        p = struct.pack("<I", 0) + string(b"x.exe") + struct.pack("<I", 999) + p[17:]
    if bad_field == "flags":
        p = struct.pack("<I", 0x8000) + p[4:]
    if bad_field == "memory":
        p = p.replace(struct.pack("<Q", 1 << 30), struct.pack("<Q", 0), 1)
    if bad_field == "trailing":
        p += b"junk"
    return p


cases = {
    "huge length": struct.pack("<II", 0xFFFFFFF0, HELLO),
    "unknown type": msg(77, b"abc"),
    "no HELLO first": msg(STATUS),
    "HELLO string longer than the message": msg(HELLO, struct.pack("<II", 1, 5000) + b"ab"),
    "HELLO with trailing bytes": msg(HELLO, struct.pack("<I", PROTO_VERSION) + string(build) + b"x"),
    "SIGNAL without a job": hello() + msg(SIGNAL, struct.pack("<I", 2)),
    "a daemon's message": hello() + msg(HELLO_OK, b""),
    "RUN without fds": hello() + msg(RUN, run_payload()),
    "RUN with too many maps": hello() + msg(RUN, run_payload("maps")),
    "RUN with unknown flags": hello() + msg(RUN, run_payload("flags")),
    "RUN with no memory": hello() + msg(RUN, run_payload("memory")),
    "RUN with trailing bytes": hello() + msg(RUN, run_payload("trailing")),
    "RUN cut short": hello() + msg(RUN, run_payload())[:-7],
}
for name, data in cases.items():
    r = exchange(data)  # read to the end: the daemon closed it
    if any(k not in (HELLO_OK, ERROR) for k in r):
        raise SystemExit("FAIL: %s: replies %r, want ERROR or a close" % (name, r))
    alive()

# fds with a message that takes none, and a RUN whose cwd is not a directory
null = os.open("/dev/null", os.O_RDWR)
r = exchange(hello(), fds=[null])
if r and r[-1] != ERROR:
    raise SystemExit("FAIL: fds with HELLO: %r" % r)
alive()
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.settimeout(5)
s.connect(sock_path)
s.sendall(hello())
if recv_type(s) != HELLO_OK:
    raise SystemExit("FAIL: no HELLO_OK")
socket.send_fds(s, [msg(RUN, run_payload())], [null, null, null, null])
if recv_type(s) not in (ERROR, None):
    raise SystemExit("FAIL: RUN with a file as its directory was not refused")
s.close()
alive()

# half a message, then silence: the daemon serves others meanwhile
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.connect(sock_path)
s.sendall(hello()[:5])
alive()
s.close()
exchange(hello()[:3], close_early=True)
alive()
print("ok: %d malformed messages refused, the daemon still serving" % (len(cases) + 2))
