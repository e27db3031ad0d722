"""test/corpus/corpus.list: one logical line per program (see its header)."""
import os
import re
import shlex

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
DEFAULT_MANIFEST = os.path.join(ROOT, 'test', 'corpus', 'corpus.list')
INPUTS = os.path.join(ROOT, 'test', 'corpus', 'inputs')

SINGLE = {'lang', 'pkg', 'sha256', 'exe', 'set', 'expect', 'args', 'stdin', 'exit', 'timeout',
          'with'}
REPEATED = {'stdout-has', 'stdout-lacks', 'stderr-has', 'file-has', 'zip-has', 'env'}
REQUIRED = ('lang', 'pkg', 'sha256', 'exe', 'set', 'expect')
SETS = ('ci', 'full')
EXPECTS = ('run', 'fail')


class ManifestError(Exception):
    pass


class Package:
    """A second archive a program works on (with=npm:NAME@VERSION:SHA256),
    unpacked beside the program's own: node and the JavaScript it runs."""
    exe = None

    def __init__(self, text, where):
        spec, _sep, self.sha256 = text.rpartition(':')
        if not re.fullmatch(r'[0-9a-f]{64}', self.sha256):
            raise ManifestError('%s: with= must be npm:NAME@VERSION:SHA256 (64 hex digits)' % where)
        self.source, self.package, self.version = parse_pkg(spec, where)
        self.name = self.package

    @property
    def spec(self):
        return '%s@%s' % (self.package, self.version)


class Program:
    """One manifest line, fields checked."""

    def __init__(self, name, fields, where):
        self.name, self.where = name, where
        for key in REQUIRED:
            if key not in fields:
                raise ManifestError('%s: %s: missing %s=' % (where, name, key))
        self.lang = fields['lang']
        self.source, self.package, self.version = parse_pkg(fields['pkg'], where)
        self.sha256 = fields['sha256']
        if self.sha256 != '?' and not re.fullmatch(r'[0-9a-f]{64}', self.sha256):
            raise ManifestError('%s: %s: sha256= must be 64 hex digits or ?' % (where, name))
        self.exe = fields['exe']
        if self.exe.startswith('/') or '..' in self.exe.split('/'):
            raise ManifestError('%s: %s: exe= must be a relative path' % (where, name))
        self.set = _choice(fields, 'set', SETS, where, name)
        self.expect = _choice(fields, 'expect', EXPECTS, where, name)
        self.args = shlex.split(fields.get('args', ''))
        self.stdin = fields.get('stdin')
        self.exit = int(fields.get('exit', '0'))
        self.timeout = int(fields.get('timeout', '30'))
        self.checks = [(k, v) for k, v in fields['_repeated']
                       if k in ('stdout-has', 'stdout-lacks', 'stderr-has', 'file-has', 'zip-has')]
        self.env = [v for k, v in fields['_repeated'] if k == 'env']
        self.extra = Package(fields['with'], where) if 'with' in fields else None
        if self.stdin and not os.path.isfile(os.path.join(self.inputs or '', self.stdin)):
            raise ManifestError('%s: %s: stdin=%s is not in %s' % (where, name, self.stdin,
                                os.path.join(INPUTS, name)))

    @property
    def spec(self):
        return '%s@%s' % (self.package, self.version)

    @property
    def inputs(self):
        """The directory copied into the program's working directory, if any."""
        d = os.path.join(INPUTS, self.name)
        return d if os.path.isdir(d) else None


def _choice(fields, key, allowed, where, name):
    value = fields[key]
    if value not in allowed:
        raise ManifestError('%s: %s: %s= must be one of %s' % (where, name, key, ', '.join(allowed)))
    return value


def parse_pkg(text, where):
    source, sep, rest = text.partition(':')
    at = rest.rfind('@')
    if not sep or source not in ('npm', 'deb') or at <= 0:
        raise ManifestError('%s: pkg= must be npm:NAME@VERSION or deb:NAME@VERSION' % where)
    return source, rest[:at], rest[at + 1:]


def logical_lines(path):
    """(line number, text) of each logical line: comments and blank lines
    dropped, a trailing backslash joins the next line."""
    with open(path, encoding='utf-8') as f:
        pending, start = '', 0
        for number, line in enumerate(f, 1):
            line = line.rstrip('\n')
            if not pending and (not line.strip() or line.lstrip().startswith('#')):
                continue
            if not pending:
                start = number
            if line.endswith('\\'):
                pending += line[:-1] + ' '
                continue
            yield start, pending + line
            pending = ''
        if pending:
            yield start, pending


def parse_line(text, where):
    words = shlex.split(text)
    name, fields, repeated = words[0], {}, []
    if not re.fullmatch(r'[a-z0-9][a-z0-9_.-]*', name):
        raise ManifestError('%s: bad program name %r' % (where, name))
    for word in words[1:]:
        key, sep, value = word.partition('=')
        if not sep:
            raise ManifestError('%s: %s: %r is not key=value' % (where, name, word))
        if key in REPEATED:
            repeated.append((key, value))
        elif key in SINGLE:
            if key in fields:
                raise ManifestError('%s: %s: %s= given twice' % (where, name, key))
            fields[key] = value
        else:
            raise ManifestError('%s: %s: unknown key %s=' % (where, name, key))
    fields['_repeated'] = repeated
    return Program(name, fields, where)


def load(path=DEFAULT_MANIFEST):
    if not os.path.isfile(path):
        raise ManifestError('%s: no such file' % path)
    programs, seen = [], set()
    for number, text in logical_lines(path):
        where = '%s:%d' % (os.path.basename(path), number)
        p = parse_line(text, where)
        if p.name in seen:
            raise ManifestError('%s: %s listed twice' % (where, p.name))
        seen.add(p.name)
        programs.append(p)
    return programs


def select(programs, which, names=()):
    """The programs of set `which` ('ci' or 'full', which includes ci), or
    exactly those named."""
    if names:
        by_name = {p.name: p for p in programs}
        unknown = [n for n in names if n not in by_name]
        if unknown:
            raise ManifestError('not in the corpus: ' + ', '.join(unknown))
        return [by_name[n] for n in names]
    return [p for p in programs if which == 'full' or p.set == 'ci']


def record_sha256(path, program, digest):
    """Writes a first download's digest in place of program's `sha256=?`."""
    with open(path, encoding='utf-8') as f:
        lines = f.readlines()
    number = int(program.where.rsplit(':', 1)[1])
    for i in range(number - 1, len(lines)):
        if 'sha256=?' in lines[i]:
            lines[i] = lines[i].replace('sha256=?', 'sha256=' + digest, 1)
            break
        if not lines[i].rstrip('\n').endswith('\\'):
            raise ManifestError('%s: %s: no sha256=? to fill in' % (program.where, program.name))
    with open(path + '.tmp', 'w', encoding='utf-8') as f:
        f.writelines(lines)
    os.replace(path + '.tmp', path)
