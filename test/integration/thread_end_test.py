#!/usr/bin/env python3
"""Nothing completes for a thread that is gone, even once its Linux thread
id names another process (fixtures/threadend.c, modes stdin and
stdin-hostile).

usage: thread_end_test.py LSW THREADEND.EXE

Runs itself again in a private PID namespace (unshare -p -f -m
--mount-proc; not as root, with a user namespace that maps the user to
itself and keeps its capabilities there), where the next process id can be
chosen through /proc/sys/kernel/ns_last_pid.  threadend.exe has a thread wait in
ReadFile(stdin) into a buffer at 0x30000000, then terminates it.  The test
starts a victim process (same uid, outside the sandbox) with the ended
thread's Linux tid and a page of its own at 0x30000000, and sends bytes on
the program's stdin.  The victim's page must stay untouched, and the bytes
must still be there for the program's next read.  In stdin-hostile the
thread first blocks lsw's interrupt signal through the runtime's gate and
leaves through it, without its exit work.  Exits 77 (skipped) where
unprivileged user and PID namespaces are not allowed.
"""
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time

DATA = b'bytes-for-whoever-reads-next\n'
failures = []

VICTIM = r'''
import ctypes, sys
libc = ctypes.CDLL(None, use_errno=True)
libc.mmap.restype = ctypes.c_void_p
libc.mmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int,
                      ctypes.c_int, ctypes.c_long]
MAP_FIXED_NOREPLACE = 0x100000
if libc.mmap(0x30000000, 0x10000, 3, 0x22 | MAP_FIXED_NOREPLACE, -1, 0) != 0x30000000:
    print('no page', flush=True)
    sys.exit(2)
print('victim ready', flush=True)
sys.stdin.readline()
page = ctypes.string_at(0x30000000, 64)
print('untouched' if page == bytes(64) else 'CHANGED ' + repr(page), flush=True)
'''


def check(cond, what):
    print(('ok: ' if cond else 'FAILED: ') + what, flush=True)
    if not cond:
        failures.append(what)
    return cond


def read_until(stream, text, seconds, seen):
    """Reads stream into seen (a bytearray) until text shows up."""
    end = time.monotonic() + seconds
    while text not in seen:
        left = end - time.monotonic()
        if left <= 0 or not select.select([stream], [], [], left)[0]:
            return False
        chunk = os.read(stream.fileno(), 4096)
        if not chunk:
            return False
        seen += chunk
    return True


def child_of(pid):
    for entry in os.listdir('/proc'):
        if entry.isdigit():
            try:
                with open(f'/proc/{entry}/stat') as f:
                    if int(f.read().rsplit(')', 1)[1].split()[1]) == pid:
                        return int(entry)
            except (OSError, ValueError, IndexError):
                pass
    return None


def start_victim(tid):
    """A process whose pid is tid, with its page at 0x30000000 mapped.  A
    thread gone from /proc may hold its number a moment longer: retried."""
    for _ in range(20):
        with open('/proc/sys/kernel/ns_last_pid', 'w') as f:
            f.write(str(tid - 1))
        v = subprocess.Popen([sys.executable, '-c', VICTIM], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE)
        if v.pid == tid and b'victim ready' in v.stdout.readline():
            return v
        v.kill()
        v.wait()
        time.sleep(0.1)
    return None


def scenario(lsw, exe, mode):
    print(f'== threadend {mode}', flush=True)
    work = tempfile.mkdtemp(prefix='lsw-threadend-')
    p = subprocess.Popen([lsw, 'run', '--prefix', os.path.join(work, 'pfx'), '--timeout', '60',
                          exe, mode], cwd=work, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE)
    out = bytearray()
    try:
        if not check(read_until(p.stdout, b'reader waiting', 30, out), 'the reader waits'):
            print(out.decode(errors='replace'), p.stderr.read1(4096).decode(errors='replace'))
            return
        runtime = child_of(p.pid)
        tids = [int(t) for t in os.listdir(f'/proc/{runtime}/task')] if runtime else []
        # besides the first: the runtime's service thread (made 30 ms after
        # the start, so before or after the reader) and the reader, which
        # is the one that goes
        others = sorted(t for t in tids if t != runtime)
        if not check(len(others) == 2, f'one reader thread besides the first and the service thread: {tids}'):
            return
        open(os.path.join(work, 'end-it'), 'w').close()
        if not check(read_until(p.stdout, b'reader ended', 30, out), 'the reader ended'):
            return
        reader = None
        for _ in range(100):
            gone = [t for t in others if not os.path.exists(f'/proc/{runtime}/task/{t}')]
            if gone:
                reader = gone[0]
                break
            time.sleep(0.05)
        if not check(reader is not None, 'the reader\'s Linux thread is gone'):
            return
        victim = start_victim(reader)
        if not check(victim is not None, f'a victim process got the reader\'s tid {reader}'):
            return
        p.stdin.write(DATA)
        p.stdin.flush()
        time.sleep(1.0)  # the supervisor would have written by now
        victim.stdin.write(b'\n')
        victim.stdin.flush()
        said = victim.stdout.readline().decode().strip()
        victim.wait()
        check(said == 'untouched', f'the victim\'s memory is untouched ({said})')
        open(os.path.join(work, 'go'), 'w').close()
        rest, err = p.communicate(timeout=60)
        out += rest
        text = out.decode(errors='replace')
        check(f'threadend {mode}: ' in text and ', 0 failed' in text and p.returncode == 0,
              'the bytes were left for the next read, the buffer untouched')
        if failures:
            print(text + err.decode(errors='replace'))
    finally:
        if p.poll() is None:
            p.kill()
            p.wait()
        shutil.rmtree(work, ignore_errors=True)


def main():
    lsw, exe = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    if os.environ.get('LSW_TEST_IN_PIDNS') != '1':
        ns = ['unshare', '-p', '-f', '-m', '--mount-proc']
        if os.geteuid() != 0:
            ns[1:1] = ['--map-current-user', '--keep-caps']
        if subprocess.run(ns + ['true'], capture_output=True).returncode != 0:
            print('no private user and PID namespaces here: skipped')
            sys.exit(77)
        env = dict(os.environ, LSW_TEST_IN_PIDNS='1')
        sys.exit(subprocess.run(ns + [sys.executable, __file__, lsw, exe], env=env).returncode)
    for mode in ('stdin', 'stdin-hostile'):
        scenario(lsw, exe, mode)
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
