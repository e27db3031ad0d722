#!/usr/bin/env python3
"""Generates the NLS tables of src/win32/nls from public Unicode data.

The Unicode Character Database comes from Python's unicodedata module (its
version is written into each table), the code page mappings from Python's
codecs.  The tables are committed: a build never needs this script, and a
different Python (another UCD version) changes them only when rerun.

usage: gen_nls.py OUTDIR           writes case_table.h fold_table.h ctype_table.h norm_table.h
                                   sbcs_table.h, and from OUTDIR/locales.txt
                                   locale_fields.h, locale_names.h, locale_table.h,
                                   and geo_table.h from OUTDIR/geo.txt
       gen_nls.py --locales OUTDIR only the locale tables (they do not
                                   depend on the Python version)
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from nls import codepages, geo, locales, unicode_case, unicode_ctype, unicode_norm  # noqa: E402

TABLES = {
    'case_table.h': unicode_case.emit,
    'fold_table.h': unicode_case.emit_fold,
    'ctype_table.h': unicode_ctype.emit,
    'norm_table.h': unicode_norm.emit,
    'sbcs_table.h': codepages.emit,
}


LOCALE_TABLES = {
    'locale_fields.h': locales.emit_fields,
    'locale_names.h': locales.emit_names,
    'locale_table.h': locales.emit_table,
}

DATA_TABLES = {  # (source in OUTDIR, emitter)
    'geo_table.h': ('geo.txt', geo.emit_table),
}


def main():
    args = sys.argv[1:]
    only_locales = args[:1] == ['--locales']
    if only_locales:
        args = args[1:]
    if len(args) != 1:
        sys.exit(__doc__)
    out = args[0]
    if not only_locales:
        for name, emit in TABLES.items():
            with open(os.path.join(out, name), 'w') as f:
                f.write(emit())
    for name, emit in LOCALE_TABLES.items():
        with open(os.path.join(out, name), 'w') as f:
            f.write(emit(os.path.join(out, 'locales.txt')))
    for name, (source, emit) in DATA_TABLES.items():
        with open(os.path.join(out, name), 'w') as f:
            f.write(emit(os.path.join(out, source)))


if __name__ == '__main__':
    main()
