"""Runs one corpus program (under lsw, or Wine as a yardstick) in a scratch
directory and checks what it did against its manifest line."""
import os
import re
import shutil
import subprocess
import zipfile


class Result:
    """state is 'passed', 'failed' or 'skipped'; reason is one line."""

    def __init__(self, state, reason='', log=()):
        self.state, self.reason, self.log = state, reason, list(log)

    def line(self, name):
        return '%s: %s%s' % (name, self.state, ': ' + self.reason if self.reason else '')


class LswRunner:
    name = 'lsw'

    def __init__(self, lsw):
        self.lsw = lsw

    def argv(self, program, trees, exe, args, scratch):
        # the whole unpacked package, read-only: programs find their own
        # files beside bin/ (cmake's share/, node's lib/); and the with=
        # package the program works on
        opts = ['--prefix', os.path.join(scratch, 'prefix'), '--timeout', str(program.timeout)]
        for tree in trees:
            opts += ['--map', os.path.realpath(tree) + ':ro']
        for e in program.env:
            opts += ['--env', e]
        return [self.lsw, 'run'] + opts + ['--', exe] + args, None

    @staticmethod
    def noise(line):
        return False

    @staticmethod
    def own_message(stderr):
        """lsw's own first error line (loader, exception, timeout)."""
        return next((l for l in stderr.splitlines() if l.startswith('lsw')), None)


class WineRunner:
    name = 'wine'
    NOISE = ('wine32 is missing', 'multiarch needs', 'dpkg --add-architecture', 'apt-get install wine32')

    def __init__(self, prefix, wine='wine', overrides=None):
        self.prefix, self.wine, self.overrides = prefix, wine, overrides

    def argv(self, program, trees, exe, args, scratch):
        env = dict(os.environ, WINEPREFIX=self.prefix, WINEDEBUG='err+module')
        if self.overrides:
            env['WINEDLLOVERRIDES'] = self.overrides
        env.update(e.split('=', 1) for e in program.env if '=' in e)
        return ['timeout', '-k', '5', str(program.timeout), self.wine, exe] + args, env

    @classmethod
    def noise(cls, line):
        """Wine's own chatter: debug channels and the wine32 advice."""
        return bool(re.match(r'[0-9a-f]{4}:(err|fixme|warn|trace):', line)) or \
            any(n in line for n in cls.NOISE)

    @staticmethod
    def own_message(stderr):
        lines = [l for l in stderr.splitlines() if ':err:module:' in l]
        if not lines:
            return None
        return 'wine: ' + re.sub(r' \(which is needed by L".*?"\)', '', lines[0].split(':', 3)[-1])


def _text(data):
    return data.decode('utf-8', 'replace').replace('\r\n', '\n')


ESCAPES = {'\\n': '\n', '\\t': '\t', '\\\\': '\\'}


def unescape(text):
    """The manifest's \\n (line break), \\t (tab) and \\\\ (backslash)."""
    return re.sub(r'\\[nt\\]', lambda m: ESCAPES[m.group()], text)


def _split(value, parts):
    """'a:b:c' -> parts fields; the last one keeps any further colons."""
    fields = value.split(':', parts - 1)
    return fields if len(fields) == parts else None


def _check_file(cwd, value):
    fields = _split(value, 2)
    if not fields:
        return 'file-has=%s: want PATH:TEXT' % value
    path, text = os.path.join(cwd, fields[0]), fields[1]
    if not os.path.isfile(path):
        return '%s was not created' % fields[0]
    with open(path, 'rb') as f:
        if text.encode() not in f.read().replace(b'\r\n', b'\n'):
            return '%s lacks %r' % (fields[0], text)
    return None


def _check_zip(cwd, value):
    fields = _split(value, 3)
    if not fields:
        return 'zip-has=%s: want ARCHIVE:MEMBER:TEXT' % value
    archive, member, text = fields
    try:
        with zipfile.ZipFile(os.path.join(cwd, archive)) as z:
            bad = z.testzip()
            if bad:
                return '%s: member %s fails its CRC' % (archive, bad)
            data = z.read(member)
    except (OSError, KeyError, zipfile.BadZipFile) as e:
        return '%s: %s' % (archive, e)
    return None if text.encode() in data.replace(b'\r\n', b'\n') else '%s:%s lacks %r' % (archive, member, text)


def check(program, code, out, err, cwd):
    """The list of expectations that were not met, in manifest order."""
    failures = []
    if code != program.exit:
        failures.append('exit %d, expected %d' % (code, program.exit))
    for key, value in program.checks:
        value = unescape(value)
        if key == 'stdout-has' and value not in out:
            failures.append('stdout lacks %r' % value)
        elif key == 'stdout-lacks' and value in out:
            failures.append('stdout has %r' % value)
        elif key == 'stderr-has' and value not in err:
            failures.append('stderr lacks %r' % value)
        elif key == 'file-has':
            failures.append(_check_file(cwd, value))
        elif key == 'zip-has':
            failures.append(_check_zip(cwd, value))
    return [f for f in failures if f]


def _excerpt(label, text, limit=40):
    lines = text.splitlines()
    more = ['  ... (%d more lines)' % (len(lines) - limit)] if len(lines) > limit else []
    return ['%s:' % label] + ['  ' + l for l in lines[:limit]] + more


def run(program, tree, runner, scratch, extra=None):
    """extra: the with= package's tree, {with} in the arguments."""
    cwd = os.path.join(scratch, 'cwd')
    if program.inputs:
        shutil.copytree(program.inputs, cwd)
    else:
        os.makedirs(cwd)
    exe = os.path.join(tree, program.exe)
    args = [a.replace('{dir}', os.path.dirname(exe)) for a in program.args]
    if extra:
        args = [a.replace('{with}', extra) for a in args]
    argv, env = runner.argv(program, [tree] + ([extra] if extra else []), exe, args, scratch)
    stdin = b''
    if program.stdin:
        with open(os.path.join(program.inputs or '', program.stdin), 'rb') as f:
            stdin = f.read()
    try:
        r = subprocess.run(argv, cwd=cwd, input=stdin, capture_output=True, env=env,
                           timeout=program.timeout + 30)
    except subprocess.TimeoutExpired:
        return Result('failed', '%s did not stop %ds after its --timeout' % (runner.name, 30))
    out, err = _text(r.stdout), _text(r.stderr)
    failures = check(program, r.returncode, out, err, cwd)
    log = ['$ ' + ' '.join(argv), 'exit: %d' % r.returncode] + \
        _excerpt('stdout', out) + _excerpt('stderr', err)
    if not failures:
        return Result('passed', log=log)
    reason = runner.own_message(err) or failures[0]
    first_err = next((l for l in err.splitlines()
                      if re.search(r'[A-Za-z]', l) and not runner.noise(l)), None)
    if reason.startswith('exit ') and first_err:
        reason += ': ' + first_err.strip()
    return Result('failed', reason, log + ['unmet: ' + f for f in failures])
