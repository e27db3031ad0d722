#!/usr/bin/env python3
"""Generates the NLS tables of src/win32/nls from public Unicode data.

The Unicode Character Database comes from Python's unicodedata module (its
version is written into each table), the code page mappings from Python's
codecs.  The tables are committed: a build never needs this script, and a
different Python (another UCD version) changes them only when rerun.

usage: gen_nls.py OUTDIR     writes case_table.h ctype_table.h
                             norm_table.h sbcs_table.h
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nls import codepages, unicode_case, unicode_ctype, unicode_norm  # noqa: E402

TABLES = {
    'case_table.h': unicode_case.emit,
    'ctype_table.h': unicode_ctype.emit,
    'norm_table.h': unicode_norm.emit,
    'sbcs_table.h': codepages.emit,
}


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    for name, emit in TABLES.items():
        with open(os.path.join(sys.argv[1], name), 'w') as f:
            f.write(emit())


if __name__ == '__main__':
    main()
