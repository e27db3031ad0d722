"""The missing-imports report: for each corpus program and the DLLs it
ships, the imports that the DLL directory of a build does not export.

An API-set name (api-ms-win-*, ext-ms-win-*) is looked up as a DLL of that
name first; without one, it is taken to mean its Windows 10 host, as the
API set schema maps it: api-ms-win-crt-* to ucrtbase.dll and every other
api-ms-win-core-* to kernelbase.dll (kernel32.dll while we have no
kernelbase.dll).  Delay-loaded DLLs are listed apart: they are loaded at the
first call, so they do not stop the loader."""
import collections
import os

from . import pe


class DllDir:
    """The exports of the DLLs in one directory (a build's src/win32)."""

    def __init__(self, path):
        self.path, self.cache = path, {}
        self.files = {f.lower(): os.path.join(path, f) for f in os.listdir(path)
                      if f.lower().endswith('.dll')}

    def exports(self, dll):
        dll = dll.lower()
        if dll not in self.cache:
            path = self.files.get(dll)
            self.cache[dll] = pe.exports(pe.load(path)) if path else None
        return self.cache[dll]

    def host(self, dll):
        """The DLL that serves an import from `dll` (API sets resolved)."""
        dll = dll.lower()
        if dll in self.files or not dll.startswith(('api-ms-win-', 'ext-ms-win-')):
            return dll
        if dll.startswith('api-ms-win-crt-'):
            return 'ucrtbase.dll'
        return 'kernelbase.dll' if 'kernelbase.dll' in self.files else 'kernel32.dll'

    def missing(self, dll, symbol, depth=0):
        """None if `symbol` resolves, else (dll, symbol) that is missing,
        following forwarders (DLL.Name, DLL.#ordinal)."""
        host = self.host(dll)
        table = self.exports(host)
        if table is None:
            return host, symbol
        by_name, by_ordinal = table
        entries = by_ordinal if isinstance(symbol, int) else by_name
        if symbol not in entries:
            return host, symbol
        forward = entries[symbol]
        if not forward or depth > 8:
            return None
        target, _, name = forward.rpartition('.')
        name = int(name[1:]) if name.startswith('#') else name
        return self.missing(target + '.dll', name, depth + 1)


def module_imports(exe):
    """{(module, dll, delay): [symbols]} for exe and the DLLs it loads from
    its own directory (which the program ships), recursively."""
    out, todo, seen = {}, [exe], set()
    home = os.path.dirname(exe)
    shipped = {f.lower(): os.path.join(home, f) for f in os.listdir(home)}
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        try:
            img = pe.load(path)
        except pe.PEError:
            if path == exe:
                raise
            continue  # a shipped file of that name that is no PE32+ DLL
        for delay, table in ((False, pe.imports(img)), (True, pe.delay_imports(img))):
            for dll, symbols in table.items():
                if dll.lower() in shipped:
                    todo.append(shipped[dll.lower()])
                else:
                    out[(os.path.basename(path), dll.lower(), delay)] = symbols
    return out


def report(programs_exes, dlls):
    """programs_exes: [(program name, exe path)].  Returns a dict:
    missing[(dll, symbol)] = set of programs, whole[dll] = set of programs,
    delay[(dll, symbol)] = set of programs, per_program[name] = count."""
    missing = collections.defaultdict(set)
    delay = collections.defaultdict(set)
    whole = collections.defaultdict(set)
    per_program = {}
    for name, exe in programs_exes:
        gaps = set()
        for (_module, dll, delayed), symbols in module_imports(exe).items():
            for symbol in symbols:
                gap = dlls.missing(dll, symbol)
                if not gap:
                    continue
                (delay if delayed else missing)[gap].add(name)
                if not delayed:
                    gaps.add(gap)
                    if dlls.exports(gap[0]) is None:
                        whole[gap[0]].add(name)
        per_program[name] = gaps
    return {'missing': missing, 'delay': delay, 'whole': whole, 'per_program': per_program}


def _symbol(s):
    return '#%d' % s if isinstance(s, int) else s


def _ranking(title, items, top):
    ranked = sorted(items, key=lambda kv: (-len(kv[1]), kv[0][0], str(kv[0][1])))
    lines = ['%s (top %d of %d):' % (title, min(top, len(ranked)), len(ranked))]
    for (dll, symbol), progs in ranked[:top]:
        lines.append('  %3d  %-22s %s' % (len(progs), dll, _symbol(symbol)))
    return lines + ['']


def format_text(rep, top=40):
    missing, whole = rep['missing'], rep['whole']
    lines = _ranking('Missing exports by number of programs (those of wholly missing DLLs'
                     ' included)', missing.items(), top)
    lines += _ranking('Missing exports of the DLLs we have, by number of programs',
                      [kv for kv in missing.items() if kv[0][0] not in whole], top)
    lines.append('Wholly missing DLLs (programs, distinct imports):')
    for dll, progs in sorted(whole.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        count = sum(1 for (d, _s) in missing if d == dll)
        lines.append('  %3d  %-28s %4d imports  %s' % (len(progs), dll, count, ' '.join(sorted(progs))))
    lines.append('')
    lines.append('Missing exports of present DLLs, per DLL (programs, distinct exports):')
    per_dll = collections.defaultdict(lambda: [set(), 0])
    for (dll, _s), progs in missing.items():
        if dll not in whole:
            per_dll[dll][0].update(progs)
            per_dll[dll][1] += 1
    for dll, (progs, count) in sorted(per_dll.items(), key=lambda kv: (-len(kv[1][0]), kv[0])):
        lines.append('  %3d  %-28s %4d exports' % (len(progs), dll, count))
    lines.append('')
    lines.append('Per program (missing imports, of which in wholly missing DLLs):')
    for name, gaps in sorted(rep['per_program'].items()):
        in_whole = sum(1 for d, _s in gaps if d in whole)
        lines.append('  %-24s %5d  %5d' % (name, len(gaps), in_whole))
    if rep['delay']:
        dlls = collections.defaultdict(set)
        for (dll, _s), progs in rep['delay'].items():
            dlls[dll].update(progs)
        lines.append('')
        lines.append('Delay-loaded (loaded at the first call), DLLs with missing exports:')
        for dll, progs in sorted(dlls.items(), key=lambda kv: (-len(kv[1]), kv[0])):
            lines.append('  %3d  %s' % (len(progs), dll))
    return '\n'.join(lines)


def as_json(rep):
    def rows(table):
        return [{'dll': d, 'export': _symbol(s), 'programs': sorted(p)}
                for (d, s), p in sorted(table.items(), key=lambda kv: (-len(kv[1]), kv[0][0], str(kv[0][1])))]
    return {'missing': rows(rep['missing']), 'delay_loaded': rows(rep['delay']),
            'wholly_missing_dlls': {d: sorted(p) for d, p in rep['whole'].items()},
            'per_program': {n: len(g) for n, g in rep['per_program'].items()}}
