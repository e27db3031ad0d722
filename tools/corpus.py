#!/usr/bin/env python3
"""LSW's corpus of real third-party Windows programs (test/corpus/corpus.list).

usage: corpus.py [--manifest FILE] [--cache DIR] COMMAND ...
  list    [--set ci|full]                 names and expectations (for meson)
  fetch   [--set S] [--record] [NAME...]  download what is not cached yet
  test    NAME [--lsw PATH]               one program under lsw: the meson test
  status  [--set S] [--runner R]... [--jobs N] [--markdown] [NAME...]
                                          a table of every program's state
                                          under each runner: lsw, wine, wine-shim,
                                          wine-crt (wine-shim with LSW's ucrtbase
                                          and msvcrt in place of Wine's)
  imports [--set S] [--dlls DIR] [--top N] [--json] [NAME...]
                                          exports the DLL directory lacks
  summary [--log FILE]                    each program's line from the last
                                          `meson test` (its testlog.json)

The cache is $LSW_CORPUS_CACHE, else ${XDG_CACHE_HOME:-~/.cache}/lsw-corpus.
`test` exits 0 passed, 1 failed, 77 skipped (the download failed), 99 for
an error of the corpus itself (manifest, checksum); meson's should_fail turns
the exit of an expect=fail program into an expected failure.
"""
import argparse
import os
import shutil
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lswcorpus import fetch, imports, manifest, run, wine  # noqa: E402

BUILD = os.path.join(manifest.ROOT, 'build')
SKIP, ERROR = 77, 99


def obtain(program, args, record=None):
    """(tree, None) or (None, Result) when the program cannot be had."""
    try:
        return fetch.ensure(program, args.cache, record), None
    except fetch.DownloadError as e:
        return None, run.Result('skipped', 'download failed: %s' % e)


def run_one(program, args, runner):
    tree, result = obtain(program, args)
    if result:
        return result
    extra = None
    if program.extra:
        extra, result = obtain(program.extra, args)
        if result:
            return result
    scratch = tempfile.mkdtemp(prefix='lsw-corpus-%s-' % program.name)
    try:
        return run.run(program, tree, runner, scratch, extra)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def cmd_list(args, programs):
    for p in manifest.select(programs, args.set):
        print(p.name, p.expect)
    return 0


def cmd_fetch(args, programs):
    def record(program, digest):
        manifest.record_sha256(args.manifest, program, digest)
        print('%s: recorded sha256=%s' % (program.name, digest))
    status = 0
    for p in manifest.select(programs, args.set, args.names):
        tree, result = obtain(p, args, record if args.record else None)
        if not result and p.extra:
            result = obtain(p.extra, args)[1]
        if result:
            print(result.line(p.name))
            status = 1
        else:
            print('%s: %s' % (p.name, os.path.join(tree, p.exe)))
    return status


def cmd_test(args, programs):
    program = manifest.select(programs, 'full', [args.name])[0]
    result = run_one(program, args, lsw_runner(args.lsw))
    if result.state == 'skipped':
        print(result.line(program.name))
        return SKIP
    if program.expect == 'fail' and result.state == 'passed':
        print('%s: now passes, update the list: expect=run in %s (%s)'
              % (program.name, os.path.relpath(args.manifest, manifest.ROOT), program.where))
    elif program.expect == 'fail':
        print(result.line(program.name) + ' (expected: listed as expect=fail)')
    else:
        print(result.line(program.name))
    print('\n'.join(result.log))
    return 0 if result.state == 'passed' else 1


def lsw_runner(path):
    if not os.access(path, os.X_OK):
        raise manifest.ManifestError('%s: no lsw there (build it, or give --lsw)' % path)
    return run.LswRunner(os.path.abspath(path))


def make_runner(kind, args):
    if kind == 'lsw':
        return lsw_runner(args.lsw)
    if kind == 'wine-crt':
        dlls, overrides = wine.crt_overrides(args.dlls)
        return run.WineRunner(wine.make_prefix(shim=True, dlls=dlls), overrides=overrides)
    return run.WineRunner(wine.make_prefix(shim=(kind == 'wine-shim')))


def mib(path):
    return '%.1f' % (os.path.getsize(path) / 1048576.0)


def cmd_status(args, programs):
    selected = manifest.select(programs, args.set, args.names)
    runners = [make_runner(kind, args) for kind in args.runner or ['lsw']]
    try:
        with ThreadPoolExecutor(args.jobs) as pool:
            table = {kind: list(pool.map(lambda p, r=r: run_one(p, args, r), selected))
                     for kind, r in zip(args.runner or ['lsw'], runners)}
    finally:
        for r in runners:
            if isinstance(r, run.WineRunner):
                wine.remove_prefix(r.prefix)
    rows = []
    for i, p in enumerate(selected):
        sizes = ['', '']
        if os.path.exists(fetch.archive_path(args.cache, p)):
            sizes = [mib(fetch.archive_path(args.cache, p)),
                     mib(os.path.join(fetch.tree_path(args.cache, p), p.exe))]
        states = [table[k][i].line(p.name).split(': ', 1)[1] for k in table]
        rows.append([p.name, p.lang, p.spec, p.set] + sizes + states)
    head = ['program', 'toolchain', 'package', 'set', 'archive MiB', 'exe MiB'] + list(table)
    print(format_table(head, rows, args.markdown))
    return 0


def format_table(head, rows, markdown):
    if markdown:
        out = ['| ' + ' | '.join(head) + ' |', '|' + '---|' * len(head)]
        return '\n'.join(out + ['| ' + ' | '.join(c.replace('|', '\\|') for c in r) + ' |' for r in rows])
    widths = [max(len(r[i]) for r in [head] + rows) for i in range(len(head))]
    return '\n'.join('  '.join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in [head] + rows)


def cmd_imports(args, programs):
    exes = []
    for p in manifest.select(programs, args.set, args.names):
        tree, result = obtain(p, args)
        if result:
            print(result.line(p.name), file=sys.stderr)
            continue
        exe = os.path.join(tree, p.exe)
        if exe not in [e for _n, e in exes]:
            exes.append((p.name, exe))
    rep = imports.report(exes, imports.DllDir(args.dlls))
    if args.json:
        import json
        print(json.dumps(imports.as_json(rep), indent=1))
    else:
        print('%d programs, DLL directory %s\n' % (len(exes), args.dlls))
        print(imports.format_text(rep, args.top))
    return 0


def cmd_summary(args, programs):
    import json
    with open(args.log) as f:
        tests = [json.loads(line) for line in f if line.strip()]
    names = {'corpus-' + p.name for p in programs}
    for t in tests:
        if t['name'].split(' / ')[-1] in names:
            first = (t.get('stdout') or '').split('\n', 1)[0]
            print('%-13s %s' % (t['result'], first))
    return 0


def parse(argv):
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--manifest', default=manifest.DEFAULT_MANIFEST)
    ap.add_argument('--cache', default=fetch.default_cache_dir())
    sub = ap.add_subparsers(dest='command', required=True)
    sets = dict(choices=manifest.SETS, default='ci')
    p = sub.add_parser('list')
    p.add_argument('--set', **sets)
    p = sub.add_parser('fetch')
    p.add_argument('--set', **sets)
    p.add_argument('--record', action='store_true', help='write the sha256 of first downloads')
    p.add_argument('names', nargs='*')
    p = sub.add_parser('test')
    p.add_argument('name')
    p.add_argument('--lsw', default=os.path.join(BUILD, 'cli', 'lsw'))
    p = sub.add_parser('status')
    p.add_argument('--set', **sets)
    p.add_argument('--lsw', default=os.path.join(BUILD, 'cli', 'lsw'))
    p.add_argument('--runner', action='append', choices=['lsw', 'wine', 'wine-shim', 'wine-crt'])
    p.add_argument('--dlls', default=os.path.join(BUILD, 'src', 'win32'),
                   help='wine-crt: the build\'s DLL directory')
    p.add_argument('--jobs', type=int, default=2)
    p.add_argument('--markdown', action='store_true')
    p.add_argument('names', nargs='*')
    p = sub.add_parser('imports')
    p.add_argument('--set', **sets)
    p.add_argument('--dlls', default=os.path.join(BUILD, 'src', 'win32'))
    p.add_argument('--top', type=int, default=40)
    p.add_argument('--json', action='store_true')
    p.add_argument('names', nargs='*')
    p = sub.add_parser('summary')
    p.add_argument('--log', default=os.path.join(BUILD, 'meson-logs', 'testlog.json'))
    return ap.parse_args(argv)


COMMANDS = {'list': cmd_list, 'fetch': cmd_fetch, 'test': cmd_test, 'status': cmd_status,
            'imports': cmd_imports, 'summary': cmd_summary}


def main(argv):
    args = parse(argv)
    try:
        return COMMANDS[args.command](args, manifest.load(args.manifest))
    except (manifest.ManifestError, fetch.IntegrityError) as e:
        print('corpus: %s' % e, file=sys.stderr)
        return ERROR
    except Exception:
        import traceback
        traceback.print_exc()
        return ERROR


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
