#!/usr/bin/env python3
"""Makes or refreshes a DLL's spec file from the list of names it must export.

Every name of the spec's !names source that the spec lacks gets a line; the
lines already there are kept as they are (they are source: edit them by
hand).  A new line is

  - impl / fwd / data when --built DLL exports the name (a one-time
    migration of a DLL whose exports were dllexport attributes and .def
    files), or fwd=OTHER.NAME when --forward-to OTHER.spec has it (impl,
    data, fwd or stub there: implementing it there serves both);
  - else a stub, typed from mingw-w64's prototypes, failing as the rules
    below say (see default_failure).  Review new stubs: the rules know the
    usual documented failure of a return type, not every function's.

usage:
  refresh_spec.py SPEC [--built DLL] [--forward-to OTHER.spec ...]
  refresh_spec.py SPEC --new DLLNAME NAMES_KIND NAMES_WHAT ERROR_MODE [...]
  refresh_spec.py SPEC --status     retype listed stubs that return status codes
e.g.
  refresh_spec.py src/win32/kernel32/kernel32.spec
  refresh_spec.py src/win32/kernelbase/kernelbase.spec --new kernelbase.dll \\
      apiset kernelbase.dll lasterror --forward-to src/win32/kernel32/kernel32.spec
"""
import argparse
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from winapi import spec as specmod  # noqa: E402
from winapi import names, pe, protos  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# Functions whose documented failure is INVALID_HANDLE_VALUE or (DWORD)-1.
INVALID_HANDLE = re.compile(r'^(CreateFile|FindFirst|CreateNamedPipe|CreateMailslot|'
                            r'CreateToolhelp32Snapshot|CreateConsoleScreenBuffer|'
                            r'FindFirstChangeNotification|ReOpenFile|OpenFileById)')
MINUS_ONE_DWORD = re.compile(r'^(GetFileAttributes[AW]?|SetFilePointer|GetFileSize|TlsAlloc|'
                             r'FlsAlloc|WaitFor\w+|SignalObjectAndWait|SuspendThread|'
                             r'ResumeThread|Wow64SuspendThread|GetCompressedFileSize\w*|'
                             r'GetFileAttributesTransacted\w*|GetCompressedFileSizeTransacted\w*)$')
CRT_MINUS_ONE = re.compile(r'^_*w?(open|sopen|creat|close|read|write|lseek|tell|eof|commit|chsize|'
                           r'locking|dup2?|pipe|access|chmod|chdir|chdrive|mkdir|rmdir|unlink|'
                           r'rename|remove|stat|fstat|futime|utime|spawn|exec|cwait|setmaxstdio|'
                           r'putenv|system|pclose|rmtmp|fflush|fclose|fseek|fputs|fputc|putc|puts|'
                           r'getw|putw|heap|setmode|filelength|findnext|findclose|mktime|mkgmtime)'
                           r'|.*(printf|scanf)')
POINTERS = ('ptr', 'str', 'wstr')

# Families whose result is a status code although their prototypes say
# LONG/DWORD/ULONG (NET_API_STATUS is a #define of DWORD), or whose
# prototypes mingw-w64 lacks: (DLLs, name pattern, result type word).
STATUS_FAMILIES = [
    (('advapi32', 'kernelbase', 'kernel32'), r'^Reg(?!ister)', 'errcode'),  # LSTATUS
    (('advapi32', 'sechost', 'kernelbase'),
     r'^((Start|Stop|Control|Query|Flush|Update)Trace[AW]?|QueryAllTraces[AW]?|EnableTrace(Ex2?)?|'
     r'(Register|Unregister)TraceGuids[AW]?|TraceEvent(Instance)?|TraceMessage(Va)?|'
     r'Trace(Set|Query)Information|EnumerateTraceGuids(Ex)?|ProcessTrace|CloseTrace|'
     r'Event(Register|Unregister|Write\w*|SetInformation|ActivityIdControl|Access\w+))$',
     'errcode'),  # ETW's ULONG error codes
    (('netapi32',), r'^(Net(?!p|bios)|I_Net|I_Browser|Ds(?!RoleFreeMemory$|GetDcClose|Free))',
     'errcode'),  # NET_API_STATUS, and DsGetDcName's DWORD
    (('iphlpapi',), r'^(?!Get\w*Compartment(Id|Scope)$)(Get(?!FriendlyIfIndex$|RTTAndHopCount$)|'
     r'Set|Create|Delete|Add|Flush|Notify|Cancel|Enable|Restore|Unenable|Resolve)\w+$',
     'errcode'),  # DWORD NO_ERROR (a compartment's id or scope is no code)
    (('advapi32', 'sspicli', 'secur32'), r'^Lsa(?!NtStatusToWinError$)', 'ntstatus'),
]

# What a stub returning errcode fails with: the family's own "not
# supported" code, else ERROR_CALL_NOT_IMPLEMENTED.
ERRCODE_FAILURES = [
    (r'^CM_', '0x34'),                  # CONFIGRET: CR_CALL_NOT_IMPLEMENTED
    (r'^(Rpc|I_Rpc|Ndr|Uuid)', '1764'),  # RPC_S_CANNOT_SUPPORT
    (r'^Pdh', '0xC0000BD3'),            # PDH_NOT_IMPLEMENTED
    (r'^mci', '274'),                   # MCIERR_UNSUPPORTED_FUNCTION
    (r'^(wave|midi|mixer|aux|joy|mmio|time)', '8'),  # MMSYSERR_NOTSUPPORTED
    (r'^(Net|I_Net|I_Browser|Ds)', '50'),  # ERROR_NOT_SUPPORTED
]


def status_signature(spec, name, sig):
    """sig with its result typed as a status code when the function's
    family returns one (STATUS_FAMILIES), else sig unchanged."""
    ret = re.match(r'^(\w+|\?)', sig).group(1)
    if ret not in ('int', 'uint', '?'):
        return sig
    for dlls, pattern, word in STATUS_FAMILIES:
        if spec.base in dlls and re.match(pattern, name):
            return word + (sig[len(ret):] if '(' in sig else '(?)')
    return sig


def errcode_failure(name):
    for pattern, value in ERRCODE_FAILURES:
        if re.match(pattern, name):
            return value
    return '120'  # ERROR_CALL_NOT_IMPLEMENTED


def default_failure(spec, name, sig):
    """The fail= option (and err=none or not) for a new stub."""
    ret = re.match(r'^(\w+|\?)', sig).group(1)
    args = sig[sig.find('(') + 1:-1].split(',') if '(' in sig else []
    if ret == 'hresult':
        return ['fail=E_NOTIMPL', 'err=none']
    if ret == 'ntstatus':
        return ['fail=STATUS_NOT_IMPLEMENTED', 'err=none']
    if ret == 'errcode':
        return [f'fail={errcode_failure(name)}', 'err=none']
    if ret == '?' and spec.error_mode == 'none':
        # an unknown return type has no safe failure: 0xC0000002 would read
        # as TRUE or a pointer (gen_dll.py failures); type the line instead
        return ['fail=raise']
    if ret == 'void':
        # a void function with pointer arguments may owe its caller results
        return ['fail=raise'] if any(a in POINTERS for a in args) else ['fail=none']
    if ret in ('float', 'double', 'struct'):
        return ['fail=raise']
    if spec.error_mode == 'errno' or (spec.base == 'ntdll' and re.match(r'^[a-z_]', name)):
        return crt_failure(name, ret)  # a C runtime function (ntdll has some)
    if ret == 'handle' and INVALID_HANDLE.match(name):
        return ['fail=INVALID_HANDLE_VALUE']
    if ret == 'uint' and MINUS_ONE_DWORD.match(name):
        return ['fail=0xFFFFFFFF']
    return ['fail=0']


def crt_failure(name, ret):
    """The C runtime: NULL (pointer results) or -1 (the I/O, process and
    printf/scanf families) with errno ENOSYS, ENOSYS for errno_t (_s)
    functions; anything else has no failure value the caller would check
    (classification, comparison, math, C++ support) and raises."""
    if name.startswith('?') or ret == '?':
        return ['fail=raise']
    if ret in POINTERS or ret == 'handle':
        return ['fail=NULL']
    if ret == 'int' and name.endswith('_s'):
        return ['fail=ENOSYS', 'err=none']
    if ret in ('int', 'intptr', 'int64') and CRT_MINUS_ONE.match(name):
        return ['fail=-1']
    return ['fail=raise']


def format_line(ordinal, name, kind, sig, options):
    ordinal = '@' if ordinal is None else str(ordinal)
    return f'{ordinal:<3} {name:<42} {kind:<8} {sig}' + ''.join(' ' + o for o in options)


def classify(spec, export, built, forwards, known):
    """(kind, options) for a name the spec lacks."""
    name = export.name
    if name in built:
        fwd = built[name]
        return (f'fwd={fwd}', []) if fwd else ('data' if export.data and name not in known
                                                  else 'impl', [])
    for other in forwards:
        if name in other:
            return f'fwd={other.base}.{name}', []
    if export.data and name not in known:
        return 'stubdata', ['size=8']
    return 'stub', None


def header_lines(path):
    """The comments and directives above the first export line."""
    out = []
    for line in open(path).read().splitlines():
        s = line.strip()
        if s and not s.startswith('#') and not s.startswith('!'):
            break
        out.append(line)
    while out and not out[-1].strip():
        out.pop()
    return out


def known_prototypes(spec):
    kind = 'crt' if spec.error_mode == 'errno' else 'win32'
    known = protos.prototypes(kind)
    if spec.base == 'ntdll':
        known = {**protos.prototypes('crt'), **known}
    if spec.base == 'ucrtbase':
        known = {**known, **protos.prototypes('ucrt')}
    return known


def retype_status(path):
    """Stubs already listed whose result is a status code (by prototype or
    STATUS_FAMILIES) but that are typed or fail as if it were not: retyped,
    failing with their type's code.  A stub returning 0 from such a
    function would tell its caller it succeeded."""
    spec = specmod.Spec(path)
    known = known_prototypes(spec)
    text = open(path).read().split('\n')
    changed = 0
    for e in spec.exports:
        if e.kind != 'stub':
            continue
        sig, proto = e.signature, known.get(e.name, '?')
        if proto.split('(')[0] in specmod.STATUS_TYPES and e.ret() in ('int', 'uint', '?', None):
            sig = proto
        sig = status_signature(spec, e.name, sig)
        if sig.split('(')[0] not in specmod.STATUS_TYPES:
            continue
        if sig == e.signature and e.fail_value() not in (0, 'raise'):
            continue
        keep = [k for k in e.options if k in ('noname', 'private')]
        text[e.line - 1] = format_line(e.ordinal, e.name, 'stub', sig,
                                       default_failure(spec, e.name, sig) + keep)
        changed += 1
    with open(path, 'w') as f:
        f.write('\n'.join(text))
    specmod.Spec(path)  # still parses
    print(f'{path}: {changed} stubs retyped as status codes')


def refresh(path, built_path, forward_specs):
    spec = specmod.Spec(path)
    existing = {e.name: e for e in spec.exports}
    known = known_prototypes(spec)
    built = {}
    if built_path:
        built = {v[0]: v[1] for v in pe.exports(built_path).values() if v[0]}
    forwards = [ForwardSource(specmod.Spec(p)) for p in forward_specs]
    syscalls = set(spec.syscall_names(ROOT))
    text = open(path).read().splitlines()
    lines = {name: text[e.line - 1] for name, e in existing.items()}
    for export in names.source_exports(spec, ROOT):
        if export.name in existing or export.name in syscalls or export.name in lines:
            continue
        sig = status_signature(spec, export.name, known.get(export.name, '?'))
        k, options = classify(spec, export, built, forwards, known)
        if k in ('data', 'stubdata'):
            sig = '-'
        if options is None:
            options = default_failure(spec, export.name, sig)
        lines[export.name] = format_line(export.ordinal, export.name, k, sig, options)
    for name in built:  # ours, not Windows': keep them, marked private
        if name not in lines and name not in syscalls:
            fwd = built[name]
            lines[name] = format_line(None, name, f'fwd={fwd}' if fwd else 'impl',
                                      known.get(name, '?'), ['private'])
    body = [lines[n] for n in sorted(lines, key=lambda s: s.encode())]
    header = header_lines(path)
    with open(path, 'w') as f:
        f.write('\n'.join(header + [''] + body) + '\n')
    specmod.Spec(path)  # still parses
    print(f'{path}: {len(body)} exports')


class ForwardSource:
    def __init__(self, spec):
        self.base = spec.base
        self.names = {e.name for e in spec.exports}

    def __contains__(self, name):
        return name in self.names


def new_spec(path, dll, names_kind, names_what, error_mode):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    base = os.path.splitext(dll)[0]
    with open(path, 'w') as f:
        f.write(f'# {base}.spec: every export of {dll} (Windows 10 22H2), one line each.\n'
                f'# Format: tools/winapi/spec.py.  New names: tools/refresh_spec.py.\n'
                f'!dll {dll}\n!names {names_kind} {names_what.replace(",", " ")}\n'
                f'!error {error_mode}\n')


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('spec')
    ap.add_argument('--built')
    ap.add_argument('--forward-to', nargs='*', default=[])
    ap.add_argument('--new', nargs=4, metavar=('DLL', 'KIND', 'WHAT', 'ERROR'),
                    help='WHAT: import libraries separated by commas, or the host DLL')
    ap.add_argument('--status', action='store_true',
                    help='retype listed stubs whose result is a status code (retype_status)')
    a = ap.parse_args()
    if a.status:
        return retype_status(a.spec)
    if a.new:
        new_spec(a.spec, *a.new)
    refresh(a.spec, a.built, a.forward_to)


if __name__ == '__main__':
    main()
