#!/usr/bin/env python3
"""lsw trace -f on four threads making different NT calls at once.

usage: threads_check.py LSW TRACETHREADS.EXE [PROCESSES]
Runs fixtures/tracethreads.c under `lsw trace -f` (PROCESSES 2: built as
tracetwo.exe, its workers split over a parent and the child it starts),
then checks the trace against what the program says each thread did:
every line of a worker's call carries that worker's process and thread
id, its own call name, its own arguments
(its mark and round) and its status; each worker's calls appear exactly
once each, in order, rounds 0..R-1; every "<unfinished ...>" is resumed by
the same thread with the same call.  A trace that mixes one thread's call
with another's arguments, or loses a line, fails here.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile

CALLS = 'NtDelayExecution,NtWaitForSingleObject,NtClose,NtQueryVirtualMemory'

LINE = re.compile(r'^\[(\d+)/(\d+)\] (.*)$')
EXIT = re.compile(r'^\[\d+\] \+\+\+ exited with \d+ \+\+\+$')
UNFINISHED = re.compile(r'^(\w+)\((.*?),? ?<unfinished \.\.\.>$')
RESUMED = re.compile(r'^<\.\.\. (\w+) resumed>(.*)\) = (\w+)$')
COMPLETE = re.compile(r'^(\w+)\((.*)\) = (\w+)$')

# worker: call name, arguments -> round, expected status (None: any, but
# the same for every round)
WORKERS = {
    0: ('NtDelayExecution', re.compile(r'^FALSE, \[-(\d+)\]$'),
        lambda m: int(m.group(1)) - 10000, 'STATUS_SUCCESS'),
    1: ('NtWaitForSingleObject', re.compile(r'^0x[0-9a-f]+( <[^>]*>)?, FALSE, \[-(\d+)\]$'),
        lambda m: int(m.group(2)) - 20000, 'STATUS_TIMEOUT'),
    2: ('NtClose', re.compile(r'^(0x[0-9a-f]+)$'),
        lambda m: (int(m.group(1), 16) - 0x70000000) // 4, 'STATUS_INVALID_HANDLE'),
    3: ('NtQueryVirtualMemory',
        re.compile(r'^-1 <current process>, (0x[0-9a-f]+), MemoryBasicInformation, .*, 0x30, NULL$'),
        lambda m: (int(m.group(1), 16) - 0x7e0000000000) // 0x10000, None),
}
BY_NAME = {spec[0]: w for w, spec in WORKERS.items()}


def fail(msg):
    print('FAIL:', msg)
    sys.exit(1)


def run(lsw, exe):
    scratch = tempfile.mkdtemp(prefix='lsw-threads-')
    try:
        out = os.path.join(scratch, 'trace.out')
        cmd = [lsw, 'trace', '--prefix', os.path.join(scratch, 'prefix'), '-f', '-o', out,
               '-e', 'trace=' + CALLS, '--', exe]
        r = subprocess.run(cmd, cwd=scratch, stdin=subprocess.DEVNULL, capture_output=True,
                           text=True, timeout=120)
        print('$', ' '.join(cmd), f'(exit {r.returncode})')
        if r.returncode != 0:
            fail(f'exit status {r.returncode}: {r.stderr}')
        return r.stdout, open(out).read()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def report_of(stdout, processes):
    """{worker: (pid, tid, rounds)} and the main threads' (pid, tid), as the
    program saw them."""
    workers = {int(w): (int(p), int(t), int(n)) for w, p, t, n in
               re.findall(r'^worker (\d) pid (\d+) tid (\d+) rounds (\d+)$', stdout, re.M)}
    mains = {(int(p), int(t)) for p, t in re.findall(r'^main pid (\d+) tid (\d+)$', stdout, re.M)}
    if sorted(workers) != [0, 1, 2, 3] or len(mains) != processes:
        fail('the program did not report its threads:\n' + stdout)
    pids = {p for p, _ in mains}
    if len(pids) != processes or {p for p, _, _ in workers.values()} != pids:
        fail(f'want {processes} processes, the report names {sorted(pids)}:\n' + stdout)
    if processes == 2 and (workers[0][0] != workers[2][0] or workers[1][0] != workers[3][0]):
        fail('workers 0 and 2 run in the parent, 1 and 3 in the child:\n' + stdout)
    return workers, mains


def calls_of(trace):
    """(line, pid, tid, name, args, status) per call, resumed halves joined
    to their start."""
    pending, calls = {}, []
    for n, line in enumerate(trace.splitlines(), 1):
        if EXIT.match(line):
            continue
        m = LINE.match(line)
        if not m:
            fail(f'line {n} is not a -f trace line: {line!r}')
        pid, tid, rest = int(m.group(1)), int(m.group(2)), m.group(3)
        if (u := UNFINISHED.match(rest)):
            if tid in pending:
                fail(f'line {n}: thread {tid} starts a call inside {pending[tid][0]}')
            pending[tid] = (u.group(1), u.group(2))
        elif (r := RESUMED.match(rest)):
            if pending.get(tid, (None,))[0] != r.group(1):
                fail(f'line {n}: thread {tid} resumes {r.group(1)}, which it did not start')
            name, args = pending.pop(tid)
            args = ', '.join(a for a in (args, r.group(2)) if a)
            calls.append((n, pid, tid, name, args, r.group(3)))
        elif (c := COMPLETE.match(rest)):
            calls.append((n, pid, tid, c.group(1), c.group(2), c.group(3)))
        else:
            fail(f'line {n} is not a call: {line!r}')
    if pending:
        fail(f'calls never resumed: {pending}')
    return calls


def check(workers, mains, calls):
    seen = {w: [] for w in WORKERS}
    statuses = {w: set() for w in WORKERS}
    for n, pid, tid, name, args, status in calls:
        if (pid, tid) in mains:
            continue  # the loaders' own calls, before the workers start
        w = BY_NAME.get(name)
        if w is None:
            fail(f'line {n}: {name} was not asked for')
        _, pattern, round_of, want = WORKERS[w]
        m = pattern.match(args)
        if not m:
            fail(f'line {n}: {name} of thread {tid} with arguments not its own: {args}')
        if (pid, tid) != workers[w][:2]:
            fail(f'line {n}: worker {w}\'s {name} under {pid}/{tid}, not '
                 f'{workers[w][0]}/{workers[w][1]}')
        if want and status != want:
            fail(f'line {n}: {name} = {status}, expected {want}')
        seen[w].append(round_of(m))
        statuses[w].add(status)
    for w, (_, tid, rounds) in workers.items():
        if seen[w] != list(range(rounds)):
            lost = sorted(set(range(rounds)) - set(seen[w]))
            fail(f'worker {w} (thread {tid}) made rounds 0..{rounds - 1}; the trace shows '
                 f'{len(seen[w])} calls, missing {lost[:10]}')
        if len(statuses[w]) > 1:
            fail(f'worker {w}: one call, several statuses {statuses[w]}')
    print('ok:', ', '.join(f'worker {w} {len(seen[w])} calls' for w in sorted(seen)))


def main():
    lsw, exe = (os.path.abspath(a) for a in sys.argv[1:3])
    processes = int(sys.argv[3]) if len(sys.argv) > 3 else 1
    stdout, trace = run(lsw, exe)
    workers, mains = report_of(stdout, processes)
    check(workers, mains, calls_of(trace))


if __name__ == '__main__':
    main()
