#!/usr/bin/env python3
"""Tests of tools/corpus.py itself, offline: a stand-in npm registry on
loopback serves a tarball made here, the programs are our own fixtures, and the DLLs of the
missing-imports report are built here with mingw-w64.

usage: test_corpus_tool.py   (env: LSW, LSW_FIXTURES, LSW_DLLS)"""
import hashlib
import http.server
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import threading
import unittest
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TOOL = os.path.join(ROOT, 'tools', 'corpus.py')
sys.path.insert(0, os.path.join(ROOT, 'tools'))
from lswcorpus import fetch, imports, manifest, run  # noqa: E402

class FakeRegistry(http.server.BaseHTTPRequestHandler):
    """npm's registry in miniature: /fake/1.0.0 is the metadata naming the
    tarball, /fake-1.0.0.tgz the tarball; each tarball fetch is logged."""
    tarball = log = None

    def do_GET(self):
        if self.path == '/fake/1.0.0':
            host = 'http://%s:%d' % self.server.server_address
            body = json.dumps({'dist': {'tarball': host + '/fake-1.0.0.tgz'}}).encode()
        elif self.path == '/fake-1.0.0.tgz':
            with open(self.server.tarball, 'rb') as f:
                body = f.read()
            with open(self.server.log, 'a') as f:
                f.write(self.path + '\n')
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def make_tarball(path, files):
    with tarfile.open(path, 'w:gz') as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size, info.mode = len(data), 0o755
            tar.addfile(info, io.BytesIO(data))
    with open(path, 'rb') as f:
        return hashlib.sha256(f.read()).hexdigest()


class CorpusTool(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix='lsw-corpus-selftest-')
        fixtures = os.environ['LSW_FIXTURES']
        self.tarball = os.path.join(self.tmp, 'fake.tgz')
        files = {}
        for name in ('hello.exe', 'args.exe'):
            with open(os.path.join(fixtures, name), 'rb') as f:
                files['package/' + name] = f.read()
        self.sha = make_tarball(self.tarball, files)
        self.log = os.path.join(self.tmp, 'downloads.log')
        self.server = http.server.HTTPServer(('127.0.0.1', 0), FakeRegistry)
        self.server.tarball, self.server.log = self.tarball, self.log
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.env = dict(os.environ, LSW_NPM_REGISTRY='http://127.0.0.1:%d'
                        % self.server.server_address[1])
        self.cache = os.path.join(self.tmp, 'cache')
        self.list = os.path.join(self.tmp, 'corpus.list')

    def tearDown(self):
        self.server.shutdown()
        self.server.server_close()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def write_list(self, *lines):
        with open(self.list, 'w') as f:
            f.write('# test corpus\n' + '\n'.join(lines) + '\n')

    def line(self, name='hello', exe='hello.exe', sha=None, expect='run', more=''):
        return ('%s lang=C pkg=npm:fake@1.0.0 sha256=%s exe=package/%s set=ci expect=%s %s'
                % (name, sha or self.sha, exe, expect, more))

    def tool(self, *argv):
        r = subprocess.run([sys.executable, TOOL, '--manifest', self.list, '--cache', self.cache]
                           + list(argv), env=self.env, capture_output=True, text=True)
        return r.returncode, r.stdout, r.stderr

    def run_test(self, name='hello'):
        return self.tool('test', name, '--lsw', os.environ['LSW'])

    def downloads(self):
        if not os.path.exists(self.log):
            return 0
        with open(self.log) as f:
            return len(f.readlines())

    def test_program_that_runs_passes(self):
        self.write_list(self.line(more="stdout-has='Hello from Windows, running under lsw!\\n'"))
        code, out, _ = self.run_test()
        self.assertEqual(code, 0, out)
        self.assertTrue(out.startswith('hello: passed\n'), out)

    def test_unmet_expectation_fails_with_reason(self):
        self.write_list(self.line(more="exit=3 stdout-has='Goodbye'"))
        code, out, _ = self.run_test()
        self.assertEqual(code, 1, out)
        self.assertIn("hello: failed: exit 0, expected 3", out)
        self.assertIn("unmet: stdout lacks 'Goodbye'", out)

    def test_expected_failure_that_passes_asks_for_update(self):
        self.write_list(self.line(expect='fail', more="stdout-has='Hello from Windows'"))
        code, out, _ = self.run_test()
        self.assertEqual(code, 0, out)  # meson's should_fail makes it an unexpected pass
        self.assertIn('hello: now passes, update the list: expect=run', out)

    def test_expected_failure_reports_its_reason(self):
        self.write_list(self.line(expect='fail', more="stdout-has='never printed'"))
        code, out, _ = self.run_test()
        self.assertEqual(code, 1, out)
        self.assertIn("hello: failed: stdout lacks 'never printed' (expected: listed as expect=fail)", out)

    def test_arguments_and_program_directory(self):
        self.write_list(self.line('args', 'args.exe', more="args='x \"b c\" {dir}/hello.exe' "
                                  "stdout-has='argc=4\\n[x]\\n[b c]\\n['"))
        code, out, _ = self.run_test('args')
        self.assertEqual(code, 0, out)
        tree = fetch.tree_path(self.cache, manifest.load(self.list)[0])
        self.assertIn('[%s/package/hello.exe]' % tree, out)

    def run_copy(self, data, more):
        """copyfile.exe in bin/ of a package with share/data.txt holding
        data, run with the manifest's more; asserts that it passed."""
        with open(os.path.join(os.environ['LSW_FIXTURES'], 'copyfile.exe'), 'rb') as f:
            exe = f.read()
        self.sha = make_tarball(self.tarball, {'package/bin/copyfile.exe': exe,
                                               'package/share/data.txt': data})
        self.write_list(self.line('copy', 'bin/copyfile.exe', more=more(self.sha)))
        code, out, err = self.run_test('copy')
        self.assertEqual(code, 0, out + err)
        self.assertTrue(out.startswith('copy: passed\n'), out)

    def test_program_sees_its_whole_package(self):
        # cmake finds share/ beside bin/: the runner maps the package, not
        # only the program's directory
        self.run_copy(b'beside bin\n', lambda sha: "args='{dir}/../share/data.txt out.txt' "
                      "stdout-has='copied 11 bytes' file-has='out.txt:beside bin\\n'")

    def test_with_package_is_fetched_and_named_in_arguments(self):
        # node runs the JavaScript of a second package: {with} is its tree
        self.run_copy(b'from the other package\n',
                      lambda sha: "with=npm:fake@1.0.0:%s args='{with}/package/share/data.txt "
                      "out.txt' file-has='out.txt:from the other package\\n'" % sha)

    def test_cached_archive_is_not_downloaded_again(self):
        self.write_list(self.line())
        self.assertEqual(self.tool('fetch')[0], 0)
        self.assertEqual(self.tool('fetch')[0], 0)
        self.assertEqual(self.run_test()[0], 0)
        self.assertEqual(self.downloads(), 1)

    def test_download_failure_is_skipped(self):
        self.write_list(self.line())
        self.env['LSW_NPM_REGISTRY'] = 'http://127.0.0.1:9'  # discard: nothing listens
        code, out, _ = self.run_test()
        self.assertEqual(code, 77, out)
        self.assertIn('hello: skipped: download failed: fake@1.0.0: ', out)

    def test_checksum_mismatch_is_an_error_not_a_new_download(self):
        self.write_list(self.line(sha='0' * 64))
        code, _, err = self.run_test()
        self.assertEqual(code, 99)
        self.assertIn('downloaded archive has sha256 %s, the manifest says %s' % (self.sha, '0' * 64), err)
        self.assertFalse(os.path.exists(fetch.archive_path(self.cache, manifest.load(self.list)[0])))

    def test_corrupt_cache_is_an_error(self):
        self.write_list(self.line())
        self.assertEqual(self.tool('fetch')[0], 0)
        program = manifest.load(self.list)[0]
        with open(fetch.archive_path(self.cache, program), 'ab') as f:
            f.write(b'x')
        os.remove(os.path.join(fetch.tree_path(self.cache, program), '.sha256'))
        code, _, err = self.run_test()
        self.assertEqual(code, 99)
        self.assertIn('(delete it to fetch again)', err)
        self.assertEqual(self.downloads(), 1)

    def test_record_fills_in_the_first_checksum(self):
        self.write_list(self.line(sha='?'), self.line('args', 'args.exe', sha='?'))
        self.assertEqual(self.run_test()[0], 99)  # not recorded yet: an error
        code, out, _ = self.tool('fetch', '--record')
        self.assertEqual(code, 0, out)
        self.assertEqual([p.sha256 for p in manifest.load(self.list)], [self.sha, self.sha])
        self.assertEqual(self.downloads(), 1)

    def test_list_gives_names_and_expectations(self):
        self.write_list(self.line(), self.line('args', 'args.exe', expect='fail').replace('set=ci', 'set=full'))
        self.assertEqual(self.tool('list', '--set', 'ci')[1], 'hello run\n')
        self.assertEqual(self.tool('list', '--set', 'full')[1], 'hello run\nargs fail\n')


class Manifest(unittest.TestCase):
    BASE = 'p lang=C pkg=npm:a@1 sha256=%s exe=package/p.exe set=ci expect=run' % ('a' * 64)

    def parse(self, text):
        return manifest.parse_line(text, 'x:1')

    def test_bad_lines_are_refused(self):
        for text in (self.BASE + ' colour=red', self.BASE.replace('set=ci', 'set=most'),
                     self.BASE.replace('a' * 64, 'abc'), self.BASE.replace('exe=package/', 'exe=../'),
                     self.BASE.replace('npm:a@1', 'pypi:a@1'), self.BASE + ' exit=1 exit=2',
                     self.BASE.replace(' expect=run', ''), self.BASE + ' stdin=nowhere.txt',
                     self.BASE + ' with=npm:b@2', self.BASE + ' with=npm:b@2:?'):
            with self.subTest(text=text):
                self.assertRaises(manifest.ManifestError, self.parse, text)

    def test_fields(self):
        p = self.parse(self.BASE + " args='-a \"b c\"' exit=3 stdout-has=x stdout-has=y env=A=1")
        self.assertEqual((p.package, p.version, p.args, p.exit), ('a', '1', ['-a', 'b c'], 3))
        self.assertEqual(p.checks, [('stdout-has', 'x'), ('stdout-has', 'y')])
        self.assertEqual(p.env, ['A=1'])
        w = self.parse(self.BASE + ' with=npm:@s/b@2.0.1:' + 'b' * 64).extra
        self.assertEqual((w.source, w.package, w.version, w.sha256), ('npm', '@s/b', '2.0.1', 'b' * 64))
        self.assertEqual(manifest.parse_pkg('npm:@scope/name@1.0.0-rc.1', 'x'),
                         ('npm', '@scope/name', '1.0.0-rc.1'))

    def test_the_real_manifest_parses(self):
        programs = manifest.load()
        self.assertGreaterEqual(len(programs), 20)
        self.assertTrue(all(p.sha256 != '?' for p in programs))


class Checks(unittest.TestCase):
    def test_files_and_zips_read_crlf_as_lf(self):
        cwd = tempfile.mkdtemp()
        try:
            with open(os.path.join(cwd, 'out.txt'), 'wb') as f:
                f.write(b'one\r\ntwo\r\n')
            with zipfile.ZipFile(os.path.join(cwd, 'a.zip'), 'w') as z:
                z.writestr('m.txt', 'hello\r\nzip')
            p = manifest.parse_line(Manifest.BASE + r" file-has='out.txt:one\ntwo' "
                                    r"zip-has='a.zip:m.txt:hello\nzip' file-has=missing.txt:", 'x:1')
            self.assertEqual(run.check(p, 0, '', '', cwd), ['missing.txt was not created'])
        finally:
            shutil.rmtree(cwd)

    def test_unescape(self):
        self.assertEqual(run.unescape(r'a\nb\tc\\n x\v1'), 'a\nb\tc\\n x\\v1')

    def test_unsafe_archive_member_is_refused(self):
        tmp = tempfile.mkdtemp()
        try:
            path = os.path.join(tmp, 'evil.tgz')
            make_tarball(path, {'package/../../escape': b'x'})
            self.assertRaises(fetch.IntegrityError, fetch.unpack, path, os.path.join(tmp, 't'), 'npm')
            self.assertFalse(os.path.exists(os.path.join(tmp, 'escape')))
        finally:
            shutil.rmtree(tmp)


DLL_ENTRY = 'int __stdcall DllMainCRTStartup(void *h, unsigned r, void *p) { return 1; }\n'
SHIPPED_C = DLL_ENTRY + 'int __stdcall GetTickCount(void); int __stdcall GetCurrentProcessId(void);\n' \
    '__declspec(dllexport) int Helper(void) { return GetTickCount() + GetCurrentProcessId(); }\n'
PROG_C = 'int Helper(void); void __stdcall Sleep(unsigned);\nvoid start(void) { Helper(); Sleep(0); }\n'
KERNEL32_DEF = 'LIBRARY kernel32.dll\nEXPORTS\nGetTickCount\nGetCurrentProcessId = ntdll.NtNoSuchCall\n'


class Imports(unittest.TestCase):
    """A program that ships a DLL, against a DLL directory whose kernel32
    forwards one export to a DLL that is not there."""

    @classmethod
    def gcc(cls, *argv):
        subprocess.run(['x86_64-w64-mingw32-gcc', '-nostdlib', '-O0'] + list(argv),
                       cwd=cls.tmp, check=True)

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix='lsw-corpus-imports-')
        for name, text in (('shipped.c', SHIPPED_C), ('prog.c', PROG_C), ('k.def', KERNEL32_DEF),
                           ('k.c', DLL_ENTRY + 'int GetTickCount(void) { return 1; }\n')):
            with open(os.path.join(cls.tmp, name), 'w') as f:
                f.write(text)
        os.makedirs(os.path.join(cls.tmp, 'app'))
        os.makedirs(os.path.join(cls.tmp, 'dlls'))
        cls.gcc('-shared', '-o', 'app/shipped.dll', 'shipped.c', '-Wl,--out-implib,libshipped.a',
                 '-lkernel32')
        cls.gcc('-o', 'app/prog.exe', 'prog.c', '-e', 'start', '-L.', '-lshipped', '-lkernel32')
        cls.gcc('-shared', '-o', 'dlls/kernel32.dll', 'k.c', 'k.def')

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def test_report(self):
        rep = imports.report([('prog', os.path.join(self.tmp, 'app', 'prog.exe'))],
                             imports.DllDir(os.path.join(self.tmp, 'dlls')))
        self.assertEqual(dict(rep['missing']), {('kernel32.dll', 'Sleep'): {'prog'},
                                                ('ntdll.dll', 'NtNoSuchCall'): {'prog'}})
        self.assertEqual(dict(rep['whole']), {'ntdll.dll': {'prog'}})
        text = imports.format_text(rep)
        self.assertIn('    1  kernel32.dll           Sleep', text)
        self.assertIn('    1  ntdll.dll                       1 imports  prog', text)

    def test_api_sets_resolve_to_their_host(self):
        dlls = imports.DllDir(os.path.join(self.tmp, 'dlls'))
        self.assertEqual(dlls.host('api-ms-win-crt-stdio-l1-1-0.dll'), 'ucrtbase.dll')
        self.assertEqual(dlls.host('API-MS-Win-Core-Synch-L1-2-0.dll'), 'kernel32.dll')
        self.assertEqual(dlls.host('kernel32.dll'), 'kernel32.dll')

    def test_our_fixture_needs_nothing_we_lack(self):
        hello = os.path.join(os.environ['LSW_FIXTURES'], 'hello.exe')
        rep = imports.report([('hello', hello)], imports.DllDir(os.environ['LSW_DLLS']))
        self.assertEqual(dict(rep['missing']), {})


if __name__ == '__main__':
    unittest.main(verbosity=2)
