#!/usr/bin/env python3
"""The spec format and the generator on a made-up DLL: ordinals (sorted
names, pinned ones skipped), NONAME, DATA, forwarders, impl=SYMBOL, stub
descriptors and data stubs, the errors a malformed spec gets, and the
stubs `failures` rejects (an NTSTATUS failure from a non-NTSTATUS function).

usage: spec_format_test.py tools/gen_dll.py
"""
import os
import subprocess
import sys
import tempfile

SPEC = """\
!dll demo.dll
!error lasterror
@   Zeta        impl     int()
2   Alpha       impl=alpha_impl bool(ptr)
@   Beta        fwd=ntdll.RtlBeta void()
@   Gamma       stub     handle(wstr) fail=INVALID_HANDLE_VALUE
@   Delta       stub     hresult() fail=E_NOTIMPL err=none
@   Epsilon     stub     void(ptr) fail=raise
@   counter     data     -
@   table       stubdata -   size=24
7   Hidden      impl     void() noname
@   ??0x@@QEAA@XZ stub   ? fail=raise
"""

BAD = {
    '@ A bogus int()': 'unknown kind',
    '@ A impl int(': 'bad signature',
    '@ A impl int(wat)': 'unknown type',
    '@ A stub int() fail=sometimes': 'invalid literal',
    '@ A impl int() fail=0': 'fail= and err= are for stubs',
    '@ A stubdata -': 'stubdata wants size=N',
    '0 A impl int()': 'out of range',
    '@ A stub int() fail=none': 'fail=none is for void functions',
}

# `gen_dll.py failures`: which stub lines it accepts (True) and rejects.
FAILURES = {
    '@ A stub ntstatus(ptr) fail=STATUS_NOT_IMPLEMENTED err=none': True,
    '@ A stub ntstatus(?) fail=0xC00000BB err=none': True,
    '@ A stub int(ptr) fail=-1': True,
    '@ A stub int(ptr) fail=0x80090029': True,
    '@ A stub boolean(ptr) fail=STATUS_NOT_IMPLEMENTED err=none': False,
    '@ A stub ptr() fail=0xC0000002': False,
    '@ A stub ? fail=STATUS_NOT_IMPLEMENTED err=none': False,
}


def run(gen, *args):
    return subprocess.run([sys.executable, gen] + list(args), capture_output=True, text=True)


def check(cond, what, errors):
    if not cond:
        errors.append(what)


def main():
    gen, errors = sys.argv[1], []
    with tempfile.TemporaryDirectory() as d:
        spec = os.path.join(d, 'demo.spec')
        open(spec, 'w').write(SPEC)
        r = run(gen, 'def', spec, os.path.join(d, 'demo.def'))
        check(r.returncode == 0, f'def failed: {r.stderr}', errors)
        lines = open(os.path.join(d, 'demo.def')).read().splitlines()
        # sorted: ??0x@@QEAA@XZ Alpha(2) Beta Delta Epsilon Gamma Hidden(7) Zeta counter table
        for want in ['  "??0x@@QEAA@XZ"=lsw_stub_', '  Alpha=alpha_impl @2', '  Beta=ntdll.RtlBeta @3',
                     '  Delta @4', '  Epsilon @5', '  Gamma @6', '  Hidden @7 NONAME', '  Zeta @8',
                     '  counter @9 DATA', '  table @10 DATA']:
            check(any(l.startswith(want) for l in lines), f'.def lacks {want!r}: {lines}', errors)
        check(any(l.startswith('  "??0x@@QEAA@XZ"') and l.endswith('@1') for l in lines),
              'the C++ name is not ordinal 1', errors)
        r = run(gen, 'stubs', spec, os.path.join(d, 'demo.S'))
        asm = open(os.path.join(d, 'demo.S')).read()
        for want in ['"demo!Gamma"', '.quad .Ln', '0xffffffffffffffff', '0x80004001',
                     'jmp lsw_stub_entry', 'table:', '.zero 24', 'lsw_stub_errno:\n\t.quad 0']:
            check(want in asm, f'stubs lack {want!r}', errors)
        check('.long 4, 10' in asm and '.long 1, 12' in asm,
              'Gamma sets the last error (4), Epsilon raises (1)', errors)
        check('.long 0, 10' in asm, 'Delta (err=none) sets nothing', errors)
        for line, message in BAD.items():
            open(spec, 'w').write('!dll demo.dll\n' + line + '\n')
            r = run(gen, 'def', spec, os.path.join(d, 'x.def'))
            check(r.returncode == 1 and 'demo.spec:2:' in r.stderr and message in r.stderr,
                  f'{line!r}: want "demo.spec:2: ...{message}", got {r.stderr.strip()!r}', errors)
        for line, ok in FAILURES.items():
            open(spec, 'w').write('!dll demo.dll\n' + line + '\n')
            r = run(gen, 'failures', spec)
            check(r.returncode == (0 if ok else 1) and (ok or 'demo.spec:2: A returns' in r.stderr),
                  f'failures on {line!r}: want {"accepted" if ok else "rejected"}, got '
                  f'{r.returncode} {r.stderr.strip()!r}', errors)
    for e in errors:
        print('FAILED:', e)
    print(f'{len(errors)} failed' if errors else 'ok')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main())
