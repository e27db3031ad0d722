"""Where a DLL's export names come from (a spec's !names line).

  implib LIB...    the names mingw-w64's import library LIB imports (its
                   aliases, "strdup == _strdup", import one name once)
  apiset HOST.DLL  the functions of every API set that HOST.DLL hosts in
                   src/win32/ntdll/apiset.def, as mingw-w64's umbrella import
                   libraries (UMBRELLAS) list them
"""
import os
import re

from . import implib

MINGW_LIB = os.environ.get('MINGW_LIB', '/usr/x86_64-w64-mingw32/lib')
UMBRELLAS = ('libmincore.a', 'libwindowsapp.a', 'libsynchronization.a', 'libpathcch.a')
APISET_DEF = 'src/win32/ntdll/apiset.def'
APISET_ROW = re.compile(r'^APISET\("([^"]+)",\s*(\d+),\s*"([^"]*)"\)')


def apiset_table(root):
    """[(set name without minor version, host dll or '')] in file order."""
    rows = []
    for line in open(os.path.join(root, APISET_DEF)):
        m = APISET_ROW.match(line)
        if m:
            rows.append((m.group(1), m.group(3)))
    return rows


def set_of(dll_name):
    """'API-MS-Win-Core-Synch-L1-2-0.dll' -> 'api-ms-win-core-synch-l1-2'."""
    base = dll_name.lower()
    if base.endswith('.dll'):
        base = base[:-4]
    return base.rsplit('-', 1)[0]


def implib_exports(libs):
    """Unique exports (first occurrence of each name) of import libraries."""
    seen, out = set(), []
    for lib in libs:
        for e in implib.read(os.path.join(MINGW_LIB, lib)):
            if e.name not in seen:
                seen.add(e.name)
                out.append(e)
    return out


def apiset_exports(host, root):
    hosted = {s for s, h in apiset_table(root) if h == host}
    seen, out = set(), []
    for lib in UMBRELLAS:
        for e in implib.read(os.path.join(MINGW_LIB, lib)):
            if set_of(e.dll) in hosted and e.name not in seen:
                seen.add(e.name)
                out.append(e)
    return out


def source_exports(spec, root):
    kind, what = spec.names_source
    return implib_exports(what) if kind == 'implib' else apiset_exports(what[0], root)


def source_names(spec, root):
    if not spec.names_source:
        return [e.name for e in spec.exports if not e.private]
    return [e.name for e in source_exports(spec, root)]
