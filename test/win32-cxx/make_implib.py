#!/usr/bin/env python3
"""Makes an MSVC-style import library (for lld-link) from the module
definition tools/gen_dll.py wrote for one of our DLLs.

usage: make_implib.py LLVM-DLLTOOL DLL.def OUT.lib

The generated .def names internal symbols ("name=lsw_stub_..."), ordinals
and forwarders; an import library needs only each exported name (and
DATA), so those are dropped first.
"""
import os
import re
import subprocess
import sys
import tempfile

EXPORT = re.compile(r'^\s+("[^"]+"|\S+?)(=\S+)?\s+@\d+(.*)$')


def clean(lines):
    out = []
    for line in lines:
        m = EXPORT.match(line)
        if m:
            flags = m.group(3).split()
            out.append('  ' + m.group(1) + (' DATA' if 'DATA' in flags else ''))
        elif line.startswith(('LIBRARY', 'EXPORTS')):
            out.append(line.rstrip())
    return out


def main():
    dlltool, src, lib = sys.argv[1:4]
    with open(src) as f:
        lines = clean(f.readlines())
    with tempfile.NamedTemporaryFile('w', suffix='.def', delete=False) as tmp:
        tmp.write('\n'.join(lines) + '\n')
    try:
        subprocess.run([dlltool, '-m', 'i386:x86-64', '-d', tmp.name, '-l', lib], check=True)
    finally:
        os.unlink(tmp.name)


if __name__ == '__main__':
    main()
