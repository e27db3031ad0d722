#!/usr/bin/env python3
"""Writes the NLS data files of System32 (c_NNN.nls, locale.nls) at build
time, from Python's codecs and unicodedata and src/win32/nls/locales.txt
(layout: tools/nls/nls_files.py).

usage: gen_nls_files.py --list              the file names, one a line
       gen_nls_files.py LOCALES_TXT OUTDIR  writes them into OUTDIR
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nls import nls_files  # noqa: E402


def main():
    args = sys.argv[1:]
    if args == ['--list']:
        print('\n'.join(nls_files.file_names()))
    elif len(args) == 2:
        nls_files.build(args[1], args[0])
    else:
        sys.exit(__doc__)


if __name__ == '__main__':
    main()
