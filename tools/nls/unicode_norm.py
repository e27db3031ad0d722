"""Normalization data (UAX #15): canonical combining classes, the full
canonical and compatibility decompositions of every character (Hangul
syllables are decomposed by rule and left out), and the canonical
composition pairs (primary composites only: a pair is listed when composing
its decomposition gives the character back, which leaves out the
composition exclusions)."""
import unicodedata

from . import ctable

HANGUL = range(0xAC00, 0xD7A4)


def utf16(s):
    units = []
    for ch in s:
        c = ord(ch)
        if c >= 0x10000:
            c -= 0x10000
            units += [0xD800 + (c >> 10), 0xDC00 + (c & 0x3FF)]
        else:
            units.append(c)
    return units


def decompositions(form):
    """code point -> UTF-16 units of its full decomposition, where it has one."""
    out = {}
    for c in range(0x110000):
        if c in HANGUL or 0xD800 <= c < 0xE000:
            continue
        d = unicodedata.normalize(form, chr(c))
        if d != chr(c):
            out[c] = utf16(d)
    return out


def pool_tables(name, decomp):
    """A pool of sequences (each: length, then the units) and a BMP
    two-level index of pool offsets + 1 (0: no decomposition), plus a
    sorted list of the supplementary characters."""
    pool, where = [], {}
    for c in sorted(decomp):
        seq = tuple(decomp[c])
        if seq not in where:
            where[seq] = len(pool)
            pool += [len(seq)] + list(seq)
    index = [where[tuple(decomp[c])] + 1 if c in decomp else 0 for c in range(0x10000)]
    supp = ['{0x%X, %d}' % (c, where[tuple(decomp[c])]) for c in sorted(decomp) if c >= 0x10000]
    return '\n'.join([
        ctable.array('unsigned short', name + '_pool', ['0x%X' % u for u in pool], per_line=12),
        ctable.two_level(index, 'unsigned short', name),
        ctable.array('struct nls_supp_decomp', name + '_supp', supp, per_line=4),
    ])


def composition_pairs():
    pairs = []
    for c in range(0x110000):
        if c in HANGUL or 0xD800 <= c < 0xE000:
            continue
        d = unicodedata.decomposition(chr(c))
        if not d or d.startswith('<'):
            continue
        parts = [int(x, 16) for x in d.split()]
        if len(parts) == 2 and unicodedata.normalize('NFC', chr(parts[0]) + chr(parts[1])) == chr(c):
            pairs.append((parts[0], parts[1], c))
    return sorted(pairs)


def combining_classes():
    bmp = [unicodedata.combining(chr(c)) for c in range(0x10000)]
    supp = []
    for c in range(0x10000, 0x110000):
        ccc = unicodedata.combining(chr(c))
        if not ccc:
            continue
        if supp and supp[-1][1] == c - 1 and supp[-1][2] == ccc:
            supp[-1][1] = c
        else:
            supp.append([c, c, ccc])
    return bmp, supp


def emit():
    bmp, supp = combining_classes()
    return '\n'.join([
        ctable.header('Python unicodedata (UCD %s)' % unicodedata.unidata_version,
                      'Normalization: combining classes, decompositions, compositions.'),
        ctable.two_level(bmp, 'unsigned char', 'norm_ccc'),
        ctable.array('struct nls_ccc_range', 'norm_ccc_supp',
                     ['{0x%X, 0x%X, %d}' % tuple(r) for r in supp], per_line=4),
        pool_tables('norm_canon', decompositions('NFD')),
        pool_tables('norm_compat', decompositions('NFKD')),
        ctable.array('struct nls_composition', 'norm_compositions',
                     ['{0x%X, 0x%X, 0x%X}' % p for p in composition_pairs()], per_line=4),
    ])
