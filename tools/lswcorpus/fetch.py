"""The download cache.  Each archive is fetched once (npm's registry over
HTTPS, Debian's with apt-get download), checked against the manifest's sha256,
and unpacked once; later runs use what is cached and never download again.

Layout under the cache directory:
  archives/<source>/<package>@<version>.<tgz|deb>   as downloaded
  trees/<source>/<package>@<version>/                unpacked, with .sha256
"""
import fcntl
import glob
import hashlib
import io
import json
import lzma
import os
import shutil
import subprocess
import tarfile
import tempfile
import urllib.error
import urllib.parse
import urllib.request


class DownloadError(Exception):
    """The archive could not be fetched (no network, registry refused)."""


class IntegrityError(Exception):
    """What was fetched or cached is not what the manifest describes."""


def default_cache_dir():
    if os.environ.get('LSW_CORPUS_CACHE'):
        return os.environ['LSW_CORPUS_CACHE']
    base = os.environ.get('XDG_CACHE_HOME') or os.path.join(os.path.expanduser('~'), '.cache')
    return os.path.join(base, 'lsw-corpus')


def _key(program):
    return '%s@%s' % (program.package.replace('/', '+'), program.version)


def archive_path(cache, program):
    ext = 'tgz' if program.source == 'npm' else 'deb'
    return os.path.join(cache, 'archives', program.source, _key(program) + '.' + ext)


def tree_path(cache, program):
    return os.path.join(cache, 'trees', program.source, _key(program))


def sha256_of(path):
    h = hashlib.sha256()
    with open(path, 'rb') as f:
        for block in iter(lambda: f.read(1 << 20), b''):
            h.update(block)
    return h.hexdigest()


def _run_client(argv, cwd, explain):
    """stdout of a registry client; a failure raises DownloadError with
    explain(stdout, stderr), the client's own words."""
    try:
        r = subprocess.run(argv, cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True,
                           text=True, timeout=300)
    except FileNotFoundError:
        raise DownloadError('%s is not installed' % argv[0])
    except subprocess.TimeoutExpired:
        raise DownloadError('%s timed out' % argv[0])
    if r.returncode != 0:
        raise DownloadError('%s: %s' % (argv[0], explain(r.stdout, r.stderr) or 'exit %d' % r.returncode))
    return r.stdout


def _apt_error(stdout, stderr):
    return next((l for l in stderr.splitlines() if l.startswith('E:')), None)


NPM_REGISTRY = os.environ.get('LSW_NPM_REGISTRY', 'https://registry.npmjs.org')


def _http_get(url, what):
    """The body at url; any failure to get it is a DownloadError."""
    try:
        with urllib.request.urlopen(url, timeout=60) as r:
            return r.read()
    except (urllib.error.URLError, OSError, ValueError) as e:
        raise DownloadError('%s: %s' % (what, getattr(e, 'reason', e)))


def _download_npm(program, tmp):
    """The package's tarball, straight from the registry (its metadata names
    the tarball): no npm client is needed on the machine."""
    name = urllib.parse.quote(program.package, safe='@')
    meta = _http_get('%s/%s/%s' % (NPM_REGISTRY, name, program.version), program.spec)
    try:
        url = json.loads(meta)['dist']['tarball']
    except (ValueError, LookupError, TypeError):
        raise DownloadError('%s: the registry sent no tarball address' % program.spec)
    path = os.path.join(tmp, 'package.tgz')
    with open(path, 'wb') as f:
        f.write(_http_get(url, program.spec))
    return path


def _download_deb(program, tmp):
    _run_client(['apt-get', 'download', '-q', '%s=%s' % (program.package, program.version)], tmp,
                _apt_error)
    debs = glob.glob(os.path.join(tmp, '*.deb'))
    if len(debs) != 1:
        raise DownloadError('apt-get download: no .deb file')
    return debs[0]


def download(program, dest):
    """Fetches program's archive to dest (atomically) and returns its sha256."""
    os.makedirs(os.path.dirname(dest), exist_ok=True)
    with tempfile.TemporaryDirectory(prefix='lsw-corpus-') as tmp:
        os.chmod(tmp, 0o755)  # apt-get download drops to the _apt user
        fetch_one = _download_npm if program.source == 'npm' else _download_deb
        got = fetch_one(program, tmp)
        digest = sha256_of(got)
        if program.sha256 != '?' and digest != program.sha256:
            raise IntegrityError('%s: downloaded archive has sha256 %s, the manifest says %s'
                                 % (program.spec, digest, program.sha256))
        shutil.move(got, dest + '.part')
        os.replace(dest + '.part', dest)
    return digest


def _safe_members(tar):
    """Regular files and directories only, each staying inside the tree."""
    for m in tar.getmembers():
        parts = m.name.replace('\\', '/').split('/')
        if m.name.startswith('/') or '..' in parts:
            raise IntegrityError('archive member %r leaves the tree' % m.name)
        if m.isfile() or m.isdir():
            yield m


def _extract_tar(fileobj, dest):
    with tarfile.open(fileobj=fileobj) as tar:
        for m in _safe_members(tar):
            target = os.path.join(dest, m.name)
            if m.isdir():
                os.makedirs(target, exist_ok=True)
                continue
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with tar.extractfile(m) as src, open(target, 'wb') as out:
                shutil.copyfileobj(src, out)
            os.chmod(target, 0o755 if m.mode & 0o111 else 0o644)


def _deb_data(path):
    """The data.tar member of a .deb (an ar archive)."""
    with open(path, 'rb') as f:
        if f.read(8) != b'!<arch>\n':
            raise IntegrityError('%s is not a .deb' % path)
        while True:
            header = f.read(60)
            if len(header) < 60:
                raise IntegrityError('%s has no data.tar' % path)
            name = header[:16].decode('ascii').strip().rstrip('/')
            size = int(header[48:58])
            body = f.read(size)
            f.read(size & 1)
            if name == 'data.tar.xz':
                return io.BytesIO(lzma.decompress(body))
            if name in ('data.tar.gz', 'data.tar'):
                return io.BytesIO(body)
            if name.startswith('data.tar'):
                raise IntegrityError('%s: %s is not supported' % (path, name))


def unpack(archive, dest, source):
    part = dest + '.part'
    shutil.rmtree(part, ignore_errors=True)
    os.makedirs(part)
    if source == 'npm':
        with open(archive, 'rb') as f:
            _extract_tar(f, part)
    else:
        _extract_tar(_deb_data(archive), part)
    shutil.rmtree(dest, ignore_errors=True)
    os.replace(part, dest)


def ensure(program, cache, record=None):
    """The directory holding program's unpacked archive, fetched if needed.
    record(program, digest) is called for a first download whose sha256 the
    manifest does not hold yet; without it such a program is an error."""
    if program.sha256 == '?' and record is None:
        raise IntegrityError('%s: no sha256 recorded: run tools/corpus.py fetch --record %s'
                             % (program.spec, program.name))
    archive, tree = archive_path(cache, program), tree_path(cache, program)
    os.makedirs(os.path.dirname(archive), exist_ok=True)
    with open(archive + '.lock', 'w') as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not os.path.exists(archive):
            digest = download(program, archive)
        elif program.sha256 == '?':
            digest = sha256_of(archive)
        if program.sha256 == '?':
            record(program, digest)
            program.sha256 = digest
        marker = os.path.join(tree, '.sha256')
        if _read(marker) != program.sha256:
            digest = sha256_of(archive)
            if digest != program.sha256:
                raise IntegrityError('%s: cached %s has sha256 %s, the manifest says %s '
                                     '(delete it to fetch again)'
                                     % (program.spec, archive, digest, program.sha256))
            unpack(archive, tree, program.source)
            with open(marker, 'w') as f:
                f.write(program.sha256)
    if program.exe is None:  # a with= package: no program of its own
        return tree
    exe = os.path.join(tree, program.exe)
    if not os.path.isfile(exe):
        raise IntegrityError('%s: %s is not in the archive' % (program.spec, program.exe))
    return tree


def _read(path):
    try:
        with open(path) as f:
            return f.read().strip()
    except OSError:
        return None
