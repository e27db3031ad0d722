"""Simple (one to one) case mappings, as UnicodeData.txt fields 12-14 give
them.  Python's str.upper()/lower() apply the full mappings of
SpecialCasing.txt; where those are longer than one character the simple
mapping is the title-case one (Greek iota subscript forms) or none.

Windows' own table leaves out the two Turkish I's (U+0130 does not
lower-case to 'i', U+0131 does not upper-case to 'I'); those belong to the
linguistic casing of LCMapString only (documented in LCMapStringEx)."""
from . import ctable

EXCLUDED_UPPER = {0x131}
EXCLUDED_LOWER = {0x130}


def simple_upper(c):
    ch = chr(c)
    u = ch.upper()
    if len(u) == 1:
        return ord(u)
    t = ch.title()
    return ord(t) if len(t) == 1 and t != ch else c


def simple_lower(c):
    ch = chr(c)
    lo = ch.lower()
    return ord(lo) if len(lo) == 1 else c


def mapping(fn, excluded):
    return [c if c in excluded or (0xD800 <= c < 0xE000) else fn(c) for c in range(0x110000)]


def supplementary_ranges(m):
    """Runs of supplementary code points with the same delta (non-zero)."""
    runs = []
    for c in range(0x10000, 0x110000):
        d = m[c] - c
        if not d:
            continue
        if runs and runs[-1][1] == c - 1 and runs[-1][2] == d:
            runs[-1][1] = c
        else:
            runs.append([c, c, d])
    return runs


def emit():
    upper = mapping(simple_upper, EXCLUDED_UPPER)
    lower = mapping(simple_lower, EXCLUDED_LOWER)
    out = [ctable.header('Python unicodedata (UCD %s)' % ucd_version(),
                         'Simple case mappings: deltas (mapped - code point) mod 2^16.')]
    for name, m in (('case_upper', upper), ('case_lower', lower)):
        out.append(ctable.two_level([(m[c] - c) & 0xFFFF for c in range(0x10000)],
                                    'unsigned short', name))
        runs = supplementary_ranges(m)
        out.append(ctable.array('struct nls_case_range', name + '_supp',
                                ['{0x%X, 0x%X, %d}' % tuple(r) for r in runs], per_line=3))
    return '\n'.join(out)


def ucd_version():
    import unicodedata
    return unicodedata.unidata_version


def emit_fold():
    """Full case folding (CaseFolding.txt's C and F entries, as Python's
    str.casefold() applies them) where it differs from the simple lower-case
    mapping above: the one-to-many folds (U+00DF to "ss") and the folds of
    characters that are no capitals (U+0345 to U+03B9).  For IDN mapping."""
    lower = mapping(simple_lower, EXCLUDED_LOWER)
    rows = []
    for c in range(0x10000):
        if 0xD800 <= c < 0xE000:
            continue
        f = chr(c).casefold()
        if f != chr(lower[c]) and all(ord(x) < 0x10000 for x in f):
            units = [ord(x) for x in f] + [0] * (3 - len(f))
            rows.append('{0x%04X, {0x%04X, 0x%04X, 0x%04X}}' % tuple([c] + units))
    out = [ctable.header('Python unicodedata (UCD %s)' % ucd_version(),
                         'Full case folds that differ from the simple lower case, by code point.')]
    out.append(ctable.array('struct nls_fold', 'case_fold', rows, per_line=2))
    return '\n'.join(out)
