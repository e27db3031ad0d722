"""The spec file of one of our DLLs: one line per export.

    src/win32/<dll>/<dll>.spec

Lines starting with '#' are comments; blank lines are ignored.  Directives
start with '!':

    !dll kernel32.dll            the DLL's file name
    !names implib libkernel32.a  where the list of export names comes from:
                                 mingw-w64 import libraries (one or more), or
    !names apiset kernelbase.dll the functions of the API sets this DLL hosts
                                 (src/win32/ntdll/apiset.def) as listed by
                                 mingw-w64's umbrella import libraries
    !error lasterror             what a failing stub also does: lasterror
                                 (ERROR_CALL_NOT_IMPLEMENTED), errno
                                 (ENOSYS, the C runtime's errno) or none
    !also NAME...                names Windows 10 22H2 exports that the !names
                                 source lacks (say why in a comment)
    !syscalls include/lsw/ntcalls.def
                                 every NTCALL row exports Nt<name> and
                                 Zw<name> (ntdll's system call stubs); those
                                 names are not repeated here

Every other line is one export, in columns separated by blanks:

    ORDINAL NAME KIND SIGNATURE [OPTION...]

ORDINAL  '@': the ordinal is the export's place in the sorted list of all
         names (1, 2, ...), skipping pinned ordinals.  Microsoft's linker
         numbers a DLL built without ordinals this way, and programs never
         import these DLLs by ordinal.  A number pins the ordinal (DLLs
         that programs import by ordinal: ws2_32, oleaut32, shlwapi...).
NAME     the exported name.
KIND     impl          the C function NAME of this DLL implements it
         impl=SYMBOL   the C function SYMBOL implements it
         data          the variable NAME of this DLL (exported as DATA)
         fwd=DLL.NAME  a forwarder to another DLL's export (DLL.#ORD too)
         stub          not implemented: a generated function fails the way
                       fail= says and tells the supervisor (lsw trace,
                       lsw run --debug)
         stubdata      not implemented data: size= zero bytes
SIGNATURE  RET(ARG,ARG,...) in the type words below, '?' when unknown, '-'
         for data.  Types: void bool (BOOL, 4 bytes) boolean (BOOLEAN, 1
         byte) int uint (32 bits) short ushort char uchar int64 uint64
         intptr uintptr (pointer-sized integers: SIZE_T, ULONG_PTR...)
         float double ptr str wstr (NUL-terminated narrow/wide strings)
         handle hresult ntstatus struct (by value) '...' (variadic);
         errcode: a 32-bit result code where 0 means success (LSTATUS,
         NET_API_STATUS, RPC_STATUS, PDH_STATUS, CONFIGRET, DNS_STATUS,
         MMRESULT, the ULONG error codes of ETW...): a stub of one must
         fail with a code, never 0.
         RET(?) knows the return type only.  A stub failing with an
         NTSTATUS must return ntstatus (or errcode: PDH_STATUS codes have
         that form), and a stub returning ntstatus, hresult or errcode
         never fails with 0, their success (`gen_dll.py failures` checks).
OPTIONS  fail=VALUE    a stub's result: a number, or FALSE NULL
                       INVALID_HANDLE_VALUE E_NOTIMPL STATUS_NOT_IMPLEMENTED
                       ENOSYS; fail=raise when no failure value is safe
                       (raises STATUS_NOT_IMPLEMENTED naming DLL!NAME, which
                       ends the program unless it handles it); fail=none for
                       a void function that may do nothing
         err=none      this stub leaves the last error / errno alone
         size=N        stubdata: bytes
         noname        exported by ordinal only
         private       ours, not a Windows export (kept out of the name
                       list check)
"""
import os
import re

TYPES = {'void', 'bool', 'boolean', 'int', 'uint', 'short', 'ushort', 'char', 'uchar',
         'int64', 'uint64', 'intptr', 'uintptr', 'float', 'double', 'ptr', 'str', 'wstr',
         'handle', 'hresult', 'ntstatus', 'errcode', 'struct', '...', '?'}

# The result types whose 0 is success: their stubs fail with another value.
STATUS_TYPES = ('ntstatus', 'hresult', 'errcode')

FAIL_VALUES = {
    'FALSE': 0, 'NULL': 0, 'INVALID_HANDLE_VALUE': -1, 'E_NOTIMPL': 0x80004001,
    'STATUS_NOT_IMPLEMENTED': 0xC0000002, 'ENOSYS': 40,
}

KINDS = ('impl', 'data', 'fwd', 'stub', 'stubdata')
ERROR_MODES = ('lasterror', 'errno', 'none')


class SpecError(Exception):
    pass


class Export:
    def __init__(self, ordinal, name, kind, target, signature, options, line):
        self.ordinal, self.name, self.kind, self.target = ordinal, name, kind, target
        self.signature, self.options, self.line = signature, options, line

    @property
    def private(self):
        return 'private' in self.options

    @property
    def noname(self):
        return 'noname' in self.options

    @property
    def is_data(self):
        return self.kind in ('data', 'stubdata')

    def ret(self):
        """The return type word, or None when the signature is unknown."""
        m = re.match(r'^(\w+|\?)\(', self.signature)
        return m.group(1) if m else None

    def ntstatus_failure(self):
        """True when this stub's failure is an NTSTATUS (a STATUS_ name or an
        error-severity 0xCxxxxxxx number; -1 is not one)."""
        v = self.options.get('fail', 'raise')
        if v.startswith('STATUS_'):
            return True
        value = self.fail_value()
        return isinstance(value, int) and (value & 0xFFFFFFFF) >> 28 == 0xC

    def fail_value(self):
        """A stub's result: an int, 'raise' or 'none'."""
        v = self.options.get('fail', 'raise')
        if v in ('raise', 'none'):
            return v
        if v in FAIL_VALUES:
            return FAIL_VALUES[v]
        return int(v, 0)


class Spec:
    def __init__(self, path):
        self.path = path
        self.dll = None
        self.names_source = None   # ('implib', [libs]) or ('apiset', ['x.dll'])
        self.error_mode = 'lasterror'
        self.syscalls = None       # path of ntcalls.def, relative to the source root
        self.also = []             # !also: names the source lacks
        self.exports = []
        self.parse(open(path).read().splitlines())

    def parse(self, lines):
        seen = set()
        for n, raw in enumerate(lines, 1):
            line = re.split(r'(?:^|\s)#', raw, 1)[0].strip()
            if not line:
                continue
            try:
                if line.startswith('!'):
                    self.directive(line[1:].split())
                    continue
                e = parse_export(line, n)
            except (SpecError, ValueError) as err:
                raise SpecError(f'{self.path}:{n}: {err}') from None
            if e.name in seen:
                raise SpecError(f'{self.path}:{n}: {e.name} is listed twice')
            seen.add(e.name)
            self.exports.append(e)
        if not self.dll:
            raise SpecError(f'{self.path}: no !dll line')

    def directive(self, words):
        key, args = words[0], words[1:]
        if key == 'dll' and len(args) == 1:
            self.dll = args[0].lower()
        elif key == 'names' and len(args) >= 2 and args[0] in ('implib', 'apiset'):
            self.names_source = (args[0], args[1:])
        elif key == 'error' and len(args) == 1 and args[0] in ERROR_MODES:
            self.error_mode = args[0]
        elif key == 'also' and args:
            self.also += args
        elif key == 'syscalls' and len(args) == 1:
            self.syscalls = args[0]
        else:
            raise SpecError('unknown directive !' + ' '.join(words))

    @property
    def base(self):
        """'kernel32' for kernel32.dll: the forwarder prefix and stub names."""
        return os.path.splitext(self.dll)[0]

    def syscall_names(self, root):
        """Nt*/Zw* names of the NTCALL rows, when the spec has !syscalls."""
        if not self.syscalls:
            return []
        out = []
        for line in open(os.path.join(root, self.syscalls)):
            m = re.match(r'^NTCALL\(\s*0x[0-9a-fA-F]+,\s*Nt(\w+),', line)
            if m:
                out += ['Nt' + m.group(1), 'Zw' + m.group(1)]
        return out


def parse_export(line, n):
    cols = line.split()
    if len(cols) < 4:
        raise SpecError('want ORDINAL NAME KIND SIGNATURE [OPTION...]')
    ordinal = None if cols[0] == '@' else int(cols[0])
    if ordinal is not None and not 1 <= ordinal <= 65535:
        raise SpecError(f'ordinal {ordinal} out of range')
    name = cols[1]
    kind, _, target = cols[2].partition('=')
    if kind not in KINDS:
        raise SpecError(f'unknown kind {cols[2]}')
    if kind == 'fwd' and '.' not in target:
        raise SpecError('fwd= wants DLL.NAME')
    if kind not in ('impl', 'fwd') and target:
        raise SpecError(f'{kind} takes no =')
    sig = cols[3]
    check_signature(sig, kind)
    options = {}
    for opt in cols[4:]:
        k, eq, v = opt.partition('=')
        options[k] = v if eq else True
    e = Export(ordinal, name, kind, target or None, sig, options, n)
    check_options(e)
    return e


def check_signature(sig, kind):
    if sig in ('?', '-'):
        return
    m = re.match(r'^(\w+|\?)\((.*)\)$', sig)
    if not m:
        raise SpecError(f'bad signature {sig}')
    words = [m.group(1)] + (m.group(2).split(",") if m.group(2) else [])
    for w in words:
        if w not in TYPES:
            raise SpecError(f'unknown type {w} in {sig}')


def check_options(e):
    known = {'fail', 'err', 'size', 'noname', 'private'}
    for k in e.options:
        if k not in known:
            raise SpecError(f'unknown option {k}')
    if e.kind == 'stub':
        e.fail_value()  # raises ValueError when malformed
        if e.options.get('fail') == 'none' and e.ret() not in (None, 'void'):
            raise SpecError('fail=none is for void functions')
    elif 'fail' in e.options or 'err' in e.options:
        raise SpecError('fail= and err= are for stubs')
    if e.kind == 'stubdata' and not str(e.options.get('size', '')).isdigit():
        raise SpecError('stubdata wants size=N')


def assign_ordinals(names_pinned):
    """{name: ordinal}: pinned ones kept, the rest numbered in sorted order."""
    taken = {o for o in names_pinned.values() if o is not None}
    out, next_ord = {}, 1
    for name in sorted(names_pinned, key=lambda s: s.encode()):
        if names_pinned[name] is not None:
            out[name] = names_pinned[name]
            continue
        while next_ord in taken:
            next_ord += 1
        out[name] = next_ord
        next_ord += 1
    return out


def all_exports(spec, root):
    """(name, ordinal, Export or None for a syscall) for every export."""
    pinned = {e.name: e.ordinal for e in spec.exports}
    for name in spec.syscall_names(root):
        if name in pinned:
            raise SpecError(f'{spec.path}: {name} is a system call (ntcalls.def)')
        pinned[name] = None
    ords = assign_ordinals(pinned)
    by_name = {e.name: e for e in spec.exports}
    if len(set(ords.values())) != len(ords):
        raise SpecError(f'{spec.path}: two exports share an ordinal')
    return [(n, ords[n], by_name.get(n)) for n in sorted(ords, key=lambda s: s.encode())]
