"""Prototypes from mingw-w64's headers, in the spec's type words.

The compiler itself reads the headers: `gcc -aux-info` writes one line per
declared function with its return and argument types as written (typedef
names kept), e.g.
  /* .../winbase.h:1380:NC */ extern WINBOOL SetProcessPriorityBoost (HANDLE, WINBOOL);
"""
import os
import re
import subprocess
import tempfile

CC = os.environ.get('MINGW_CC', 'x86_64-w64-mingw32-gcc')
DEFINES = ['-D_WIN32_WINNT=0x0A00', '-DWINVER=0x0A00', '-DNTDDI_VERSION=0x0A00000B',
           '-D__CRT__NO_INLINE', '-D_CRT_SECURE_NO_WARNINGS', '-DSECURITY_WIN32']

HEADERS = {
    # winsock2.h before windows.h (which would bring the old winsock.h)
    'win32': ['winsock2.h', 'ws2tcpip.h', 'mswsock.h', 'windows.h', 'shlobj.h', 'shlwapi.h',
              'imm.h', 'roapi.h', 'winstring.h', 'winternl.h', 'psapi.h', 'tlhelp32.h',
              'winsvc.h', 'wincrypt.h',
              'sddl.h', 'aclapi.h', 'evntprov.h', 'evntrace.h', 'ntsecapi.h', 'wincred.h',
              # (werapi.h is left out: mingw-w64 12's does not compile alone,
              # and an error anywhere loses every prototype)
              'pathcch.h', 'appmodel.h', 'wct.h', 'winsafer.h', 'lmcons.h',
              # the crypto, network and system-information DLLs (lm.h's
              # parts: lm.h itself clashes with pdh.h over HLOG)
              'bcrypt.h', 'ncrypt.h', 'dpapi.h', 'dbghelp.h', 'iphlpapi.h', 'userenv.h',
              'powrprof.h', 'pdh.h', 'lmaccess.h', 'lmapibuf.h', 'lmjoin.h', 'lmwksta.h',
              'lmserver.h', 'lmshare.h', 'setupapi.h', 'cfgmgr32.h', 'security.h', 'sspi.h',
              # the rest of netapi32's (what lm.h would bring, less its
              # HLOG clash, with lmaudit.h and lmerrlog.h) and the directory service's
              'lmdfs.h', 'lmuse.h', 'lmmsg.h', 'lmremutl.h', 'lmstats.h', 'lmat.h',
              'lmconfig.h', 'lmrepl.h', 'lmsvc.h', 'lmalert.h', 'dsgetdc.h',
              'dsrole.h', 'ntdsapi.h', 'windns.h'],
    'crt': ['stdio.h', 'stdlib.h', 'string.h', 'wchar.h', 'math.h', 'time.h', 'io.h',
            'direct.h', 'process.h', 'conio.h', 'ctype.h', 'wctype.h', 'locale.h', 'signal.h',
            'setjmp.h', 'mbstring.h', 'mbctype.h', 'sys/stat.h', 'sys/timeb.h',
            'sys/utime.h', 'fcntl.h', 'errno.h', 'float.h', 'malloc.h', 'search.h'],
}
# ucrtbase: the same headers as the UCRT sees them (-D_UCRT), plus its own.
HEADERS['ucrt'] = HEADERS['crt'] + ['corecrt_startup.h', 'fenv.h', 'uchar.h', 'complex.h']
KIND_DEFINES = {'ucrt': ['-D_UCRT']}

EXACT = {
    'void': 'void', 'WINBOOL': 'bool', 'BOOL': 'bool', 'BOOLEAN': 'boolean', '_Bool': 'boolean',
    'int': 'int', 'INT': 'int', 'LONG': 'int', 'long int': 'int', 'long': 'int', 'errno_t': 'int',
    'HFILE': 'int', 'LSTATUS': 'errcode', 'NTSTATUS': 'ntstatus', 'HRESULT': 'hresult',
    'unsigned int': 'uint', 'UINT': 'uint', 'DWORD': 'uint', 'ULONG': 'uint', 'long unsigned int': 'uint',
    'unsigned long': 'uint', 'LCID': 'uint', 'LANGID': 'ushort', 'ATOM': 'ushort', 'REGSAM': 'uint',
    'ACCESS_MASK': 'uint', 'COLORREF': 'uint', 'EXECUTION_STATE': 'uint', 'LCTYPE': 'uint',
    'CALID': 'uint', 'CALTYPE': 'uint', 'GEOID': 'int', 'GEOTYPE': 'uint', 'GEOCLASS': 'uint',
    'SECURITY_INFORMATION': 'uint', 'TRACEHANDLE': 'uint64', 'REGHANDLE': 'uint64',
    'short int': 'short', 'short': 'short', 'SHORT': 'short',
    'short unsigned int': 'ushort', 'WORD': 'ushort', 'USHORT': 'ushort', 'wchar_t': 'ushort',
    'WCHAR': 'ushort', 'wint_t': 'ushort', 'wctype_t': 'ushort', 'char': 'char', 'CHAR': 'char',
    'signed char': 'char', 'unsigned char': 'uchar', 'UCHAR': 'uchar', 'BYTE': 'uchar',
    'long long int': 'int64', 'LONGLONG': 'int64', 'LONG64': 'int64', 'INT64': 'int64',
    '__int64': 'int64', 'time_t': 'int64', '__time64_t': 'int64', 'USN': 'int64',
    'long long unsigned int': 'uint64', 'ULONGLONG': 'uint64', 'DWORD64': 'uint64',
    'ULONG64': 'uint64', 'UINT64': 'uint64', 'DWORDLONG': 'uint64', 'unsigned __int64': 'uint64',
    '__time32_t': 'int', 'clock_t': 'int', '_fsize_t': 'uint', '_dev_t': 'uint', '_ino_t': 'ushort',
    '_off_t': 'int', 'off_t': 'int', '_off64_t': 'int64', '_mbstate_t': 'int', 'intptr_t': 'intptr',
    'SIZE_T': 'uintptr', 'size_t': 'uintptr', 'ULONG_PTR': 'uintptr', 'DWORD_PTR': 'uintptr',
    'UINT_PTR': 'uintptr', 'uintptr_t': 'uintptr', 'WPARAM': 'uintptr', 'KAFFINITY': 'uintptr',
    'SSIZE_T': 'intptr', 'LONG_PTR': 'intptr', 'INT_PTR': 'intptr', 'ptrdiff_t': 'intptr',
    'LPARAM': 'intptr', 'LRESULT': 'intptr', 'ssize_t': 'intptr',
    'float': 'float', 'FLOAT': 'float', 'double': 'double', 'DOUBLE': 'double',
    'long double': 'double', 'LARGE_INTEGER': 'int64', 'ULARGE_INTEGER': 'uint64',
    'LPCSTR': 'str', 'LPSTR': 'str', 'PCSTR': 'str', 'PSTR': 'str', 'PCHAR': 'str', 'LPCH': 'str',
    'PCH': 'str', 'PCNZCH': 'str', 'PZPCSTR': 'ptr', 'LPCWSTR': 'wstr', 'LPWSTR': 'wstr',
    'PCWSTR': 'wstr', 'PWSTR': 'wstr', 'PWCHAR': 'wstr', 'LPWCH': 'wstr', 'PWCH': 'wstr',
    'LPCWCH': 'wstr', 'LPCCH': 'str', 'PCWCH': 'wstr', 'PCZZWSTR': 'wstr', 'PZZWSTR': 'wstr',
    'PCNZWCH': 'wstr', 'LPTSTR': 'str', 'LPCTSTR': 'str', 'FARPROC': 'ptr', 'PVOID': 'ptr',
    'LPVOID': 'ptr', 'LPCVOID': 'ptr', 'PCVOID': 'ptr', 'va_list': 'ptr', '__builtin_va_list': 'ptr',
    'HANDLE': 'handle', 'HMODULE': 'handle', 'HINSTANCE': 'handle', 'HKEY': 'handle',
    'HLOCAL': 'handle', 'HGLOBAL': 'handle', 'HRSRC': 'handle', 'HWND': 'handle', 'SC_HANDLE': 'handle',
    'DLL_DIRECTORY_COOKIE': 'ptr', 'PSID': 'ptr', 'PACL': 'ptr', 'SC_LOCK': 'ptr', 'HCRYPTPROV': 'uintptr',
    'HCRYPTKEY': 'uintptr', 'HCRYPTHASH': 'uintptr', 'FILE': 'struct', 'GUID': 'struct',
    'LUID': 'int64', 'FILETIME': 'uint64', 'COORD': 'uint', 'SMALL_RECT': 'uint64',
    'EXCEPTION_DISPOSITION': 'int', 'PTP_CALLBACK_INSTANCE': 'ptr', '_locale_t': 'ptr',
    'BSTR': 'wstr', 'OLECHAR': 'ushort', 'LPOLESTR': 'wstr', 'LPCOLESTR': 'wstr',
    'REFIID': 'ptr', 'REFCLSID': 'ptr', 'REFGUID': 'ptr', 'REFFMTID': 'ptr', 'REFPROPVARIANT': 'ptr',
    'REFKNOWNFOLDERID': 'ptr', 'VARTYPE': 'ushort', 'VARIANT_BOOL': 'short', 'DATE': 'double',
    'SCODE': 'int', 'DISPID': 'int', 'MEMBERID': 'int', 'MMRESULT': 'errcode', 'MCIERROR': 'errcode',
    'MCIDEVICEID': 'uint', 'FOURCC': 'uint', 'HSTRING': 'handle', 'CY': 'struct',
    'DECIMAL': 'struct', 'LANGID': 'ushort', 'LGRPID': 'uint', 'SHSTOCKICONID': 'int',
    'ASSOCSTR': 'int', 'ASSOCF': 'uint', 'URLIS': 'int', 'SFGAOF': 'uint', 'KNOWN_FOLDER_FLAG': 'int',
}

# The typedefs of those DLLs' headers.
EXACT.update({
    'SOCKET': 'uintptr', 'u_long': 'uint', 'u_int': 'uint', 'u_short': 'ushort', 'GROUP': 'uint',
    'ADDRESS_FAMILY': 'ushort', 'socklen_t': 'int', 'INT_PTR': 'intptr', 'ALG_ID': 'uint',
    'BCRYPT_HANDLE': 'ptr', 'BCRYPT_ALG_HANDLE': 'ptr', 'BCRYPT_HASH_HANDLE': 'ptr',
    'BCRYPT_KEY_HANDLE': 'ptr', 'BCRYPT_SECRET_HANDLE': 'ptr', 'NCRYPT_HANDLE': 'uintptr',
    'NCRYPT_PROV_HANDLE': 'uintptr', 'NCRYPT_KEY_HANDLE': 'uintptr',
    'NCRYPT_SECRET_HANDLE': 'uintptr', 'NCRYPT_HASH_HANDLE': 'uintptr',
    'HCERTSTORE': 'ptr', 'HCRYPTMSG': 'ptr', 'HCERTCHAINENGINE': 'ptr',
    'HCRYPTPROV_LEGACY': 'uintptr', 'HCRYPTPROV_OR_NCRYPT_KEY_HANDLE': 'uintptr',
    # result codes whose 0 is success (spec.py's errcode; SSPI's are HRESULTs)
    'NET_API_STATUS': 'errcode', 'RPC_STATUS': 'errcode', 'PDH_STATUS': 'errcode',
    'CONFIGRET': 'errcode', 'DNS_STATUS': 'errcode', 'SECURITY_STATUS': 'hresult',
    'DEVINST': 'uint', 'DEVNODE': 'uint', 'RETURN_TYPE': 'uint', 'NET_IFINDEX': 'uint',
    'IF_INDEX': 'uint', 'IPAddr': 'uint', 'IPMask': 'uint', 'DWORD64': 'uint64',
    'POWER_INFORMATION_LEVEL': 'int', 'HDEVINFO': 'ptr', 'SYM_TYPE': 'int',
})


def map_type(t):
    """A C type as -aux-info writes it -> a spec type word, or '?'."""
    t = re.sub(r'\b(const|volatile|struct|union|enum|__restrict__|restrict)\b', ' ', t)
    t = re.sub(r'\s+', ' ', t).strip()
    if t.endswith('*'):
        base = t[:-1].strip()
        if base in ('char', 'CHAR', 'signed char'):
            return 'str'
        if base in ('wchar_t', 'WCHAR', 'short unsigned int'):
            return 'wstr'
        return 'ptr'
    if '(' in t or '[' in t:
        return 'ptr'
    if t in EXACT:
        return EXACT[t]
    if re.match(r'^(LP|P|PC|LPC)[A-Z0-9_]', t) or t.startswith('PFN') or t.endswith('PROC') \
            or t.endswith('ROUTINE') or t.endswith('CALLBACK') or t.endswith('_FUNC'):
        return 'ptr'
    if re.match(r'^H[A-Z0-9_]+$', t):
        return 'handle'
    if re.match(r'^[A-Z0-9_]+$', t) and (t.endswith('_TYPE') or t.endswith('_CLASS')
                                         or t.endswith('CLASS') or t.endswith('_LEVEL')):
        return 'int'  # an enum
    return '?'


LINE = re.compile(r'^/\* [^*]*:(\d+):(?:N|O)([CF]) \*/ (?:extern |static )?(.*?)\s*;(?:\s*/\*.*\*/)?\s*$')


def split_args(s):
    out, depth, cur = [], 0, ''
    for ch in s:
        if ch == ',' and depth == 0:
            out.append(cur.strip())
            cur = ''
            continue
        depth += ch == '('
        depth -= ch == ')'
        cur += ch
    if cur.strip():
        out.append(cur.strip())
    return out


def strip_param_name(arg):
    """A definition's parameter keeps its name ('const char *_Format'):
    mingw's inline definitions name them with a leading underscore."""
    m = re.match(r'^(.*[\s*])(_\w*)$', arg)
    return m.group(1).strip() if m and m.group(1).strip() else arg


def parse_decl(decl, definition=False):
    """'WINBOOL SetProcessPriorityBoost (HANDLE, WINBOOL)' -> (name, signature)."""
    m = re.match(r'^(.*?)\b(\w+) \((.*)\)$', decl)
    if not m or '(*' in m.group(1):
        return None
    ret = re.sub(r'\b(__attribute__\s*\(\(.*?\)\)|__declspec\s*\(.*?\)|inline|__inline__|'
                 r'__cdecl|__stdcall)\b', ' ', m.group(1)).strip()
    args = split_args(m.group(3))
    if definition:
        args = [strip_param_name(a) for a in args]
    if args in (['void'], []):
        words = []
    else:
        words = ['...' if a == '...' else map_type(a) for a in args]
    return m.group(2), f'{map_type(ret)}({",".join(words)})'


def prototypes(kind):
    """{function name: signature} for the 'win32', 'crt' or 'ucrt' header set."""
    with tempfile.TemporaryDirectory() as d:
        src, aux = os.path.join(d, 'p.c'), os.path.join(d, 'aux.txt')
        with open(src, 'w') as f:
            for h in HEADERS[kind]:  # a header this mingw-w64 lacks is passed over
                f.write(f'#if __has_include(<{h}>)\n#include <{h}>\n#endif\n')
        subprocess.run([CC, '-fsyntax-only', '-w', *DEFINES, *KIND_DEFINES.get(kind, []), '-aux-info', aux, src],
                       check=False, capture_output=True)
        out = {}
        for line in open(aux, errors='replace'):
            m = LINE.match(line)
            if not m:
                continue
            parsed = parse_decl(m.group(3), m.group(2) == 'F')
            if parsed and parsed[0] not in out:
                out[parsed[0]] = parsed[1]
        return out
