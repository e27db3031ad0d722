"""A throwaway Wine prefix for the yardstick runs (Wine is never a
dependency of LSW: it only tells which programs a mature implementation runs).

Wine 8.0 has no bcryptprimitives.dll, which every Go >= 1.22 and Rust >= 1.78
program imports (for ProcessPrng); with shim=True a ten-line stand-in built
here with mingw-w64 is put in the prefix, to see how far such programs get."""
import os
import shutil
import subprocess
import tempfile

SHIM_SOURCE = os.path.join(os.path.dirname(os.path.abspath(__file__)), 'wine_shim_bcryptprimitives.c')


def _wine(prefix, *argv):
    env = dict(os.environ, WINEPREFIX=prefix, WINEDEBUG='-all')
    subprocess.run(list(argv), env=env, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=300, check=True)


def make_prefix(shim=False, dlls=()):
    """A new prefix that reports Windows 10 (Node.js refuses older ones);
    dlls are copied into its system32 (to be loaded with WINEDLLOVERRIDES
    set to native: see crt_overrides)."""
    if not shutil.which('wine'):
        raise RuntimeError('wine is not installed')
    prefix = tempfile.mkdtemp(prefix='lsw-corpus-wine-')
    _wine(prefix, 'wineboot', '-i')
    _wine(prefix, 'wine', 'reg', 'add', r'HKCU\Software\Wine', '/v', 'Version', '/d', 'win10', '/f')
    _wine(prefix, 'wineserver', '-w')
    if shim:
        dll = os.path.join(prefix, 'drive_c', 'windows', 'system32', 'bcryptprimitives.dll')
        subprocess.run(['x86_64-w64-mingw32-gcc', '-shared', '-O2', '-o', dll, SHIM_SOURCE,
                        '-ladvapi32'], check=True)
    for dll in dlls:
        shutil.copy(dll, os.path.join(prefix, 'drive_c', 'windows', 'system32'))
    return prefix


def crt_overrides(dll_dir):
    """Our C runtimes (LSW's build) for the wine-crt runner: Wine with them
    in place of its own measures them against real programs."""
    dlls = [os.path.join(dll_dir, d) for d in ('ucrtbase.dll', 'msvcrt.dll')]
    missing = [d for d in dlls if not os.path.exists(d)]
    if missing:
        raise RuntimeError('%s: not built' % ', '.join(missing))
    return dlls, 'ucrtbase,msvcrt=n'


def remove_prefix(prefix):
    try:
        _wine(prefix, 'wineserver', '-k')
    except (subprocess.SubprocessError, OSError):
        pass
    shutil.rmtree(prefix, ignore_errors=True)
