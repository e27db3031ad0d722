"""Single-byte code pages: byte -> UTF-16 tables, sorted reverse tables,
names (as GetCPInfoEx reports them) and the best-fit base of characters.

The byte -> Unicode mappings are Python's codecs of the same names (the
public mapping files of each standard), with Windows' additions: bytes a
Windows page leaves undefined in 0x80-0x9F map to the C1 control of the same
value (Windows 1252 maps 0x81 to U+0081); other undefined bytes map to the
private-use character U+F700 + byte and are "invalid" for
MB_ERR_INVALID_CHARS; 20127 (US-ASCII) maps bytes 0x80-0xFF to their low
seven bits."""
import codecs
import unicodedata

from . import ctable

# (code page, Python codec, GetCPInfoEx name)
PAGES = [
    (437, 'cp437', 'OEM - United States'), (737, 'cp737', 'OEM - Greek 437G'),
    (775, 'cp775', 'OEM - Baltic'), (850, 'cp850', 'OEM - Multilingual Latin I'),
    (852, 'cp852', 'OEM - Latin II'), (855, 'cp855', 'OEM - Cyrillic'),
    (857, 'cp857', 'OEM - Turkish'), (860, 'cp860', 'OEM - Portuguese'),
    (861, 'cp861', 'OEM - Icelandic'), (862, 'cp862', 'OEM - Hebrew'),
    (863, 'cp863', 'OEM - Canadian French'), (864, 'cp864', 'OEM - Arabic'),
    (865, 'cp865', 'OEM - Nordic'), (866, 'cp866', 'OEM - Russian'),
    (869, 'cp869', 'OEM - Modern Greek'), (874, 'cp874', 'ANSI/OEM - Thai'),
    (1250, 'cp1250', 'ANSI - Central Europe'), (1251, 'cp1251', 'ANSI - Cyrillic'),
    (1252, 'cp1252', 'ANSI - Latin I'), (1253, 'cp1253', 'ANSI - Greek'),
    (1254, 'cp1254', 'ANSI - Turkish'), (1255, 'cp1255', 'ANSI - Hebrew'),
    (1256, 'cp1256', 'ANSI - Arabic'), (1257, 'cp1257', 'ANSI - Baltic'),
    (1258, 'cp1258', 'ANSI/OEM - Viet Nam'), (10000, 'mac_roman', 'MAC - Roman'),
    (20127, 'ascii', 'US-ASCII'), (20866, 'koi8_r', 'Russian - KOI8'),
    (21866, 'koi8_u', 'Ukrainian - KOI8-U'), (28591, 'latin_1', 'ISO 8859-1 Latin I'),
    (28592, 'iso8859_2', 'ISO 8859-2 Central Europe'), (28593, 'iso8859_3', 'ISO 8859-3 Latin 3'),
    (28594, 'iso8859_4', 'ISO 8859-4 Baltic'), (28595, 'iso8859_5', 'ISO 8859-5 Cyrillic'),
    (28596, 'iso8859_6', 'ISO 8859-6 Arabic'), (28597, 'iso8859_7', 'ISO 8859-7 Greek'),
    (28598, 'iso8859_8', 'ISO 8859-8 Hebrew: Visual Ordering'),
    (28599, 'iso8859_9', 'ISO 8859-9 Latin 5'), (28603, 'iso8859_13', 'ISO 8859-13 Latin 7'),
    (28605, 'iso8859_15', 'ISO 8859-15 Latin 9'),
]

# Windows 10's 1255 assigns 0xCA (the Python codec predates it).
ADDITIONS = {1255: {0xCA: 0x05BA}}
UNDEFINED_BASE = 0xF700

# Best fit for characters without a decomposition to their base letter.
BEST_FIT_EXTRA = {
    0x0110: 'D', 0x0111: 'd', 0x0126: 'H', 0x0127: 'h', 0x0131: 'i', 0x0141: 'L',
    0x0142: 'l', 0x0166: 'T', 0x0167: 't', 0x0180: 'b', 0x0197: 'I', 0x01B5: 'Z',
    0x01B6: 'z', 0x01E4: 'G', 0x01E5: 'g', 0x00D8: 'O', 0x00F8: 'o',
    0x2010: '-', 0x2011: '-', 0x2012: '-', 0x2013: '-', 0x2014: '-', 0x2015: '-',
    0x2212: '-', 0x2018: "'", 0x2019: "'", 0x201A: "'", 0x201B: "'", 0x2032: "'",
    0x201C: '"', 0x201D: '"', 0x201E: '"', 0x201F: '"', 0x2033: '"', 0x2039: '<',
    0x203A: '>', 0x02C6: '^', 0x02DC: '~', 0x2022: '.', 0x00AB: '<', 0x00BB: '>',
    # combining accents best-fit to their spacing forms (Windows' bestfit tables)
    0x0300: '`', 0x0301: '\xb4', 0x0302: '^', 0x0303: '~', 0x0304: '\xaf', 0x0308: '\xa8',
    0x030A: '\xb0', 0x0327: '\xb8', 0x03BC: '\xb5', 0x2044: '/',
}


def to_unicode(cp, codec):
    table = []
    for b in range(256):
        if cp == 20127 and b >= 0x80:
            table.append(b & 0x7F)
            continue
        try:
            table.append(ord(bytes([b]).decode(codec)))
        except UnicodeDecodeError:
            table.append(ADDITIONS.get(cp, {}).get(b, b if 0x80 <= b < 0xA0
                                                    else UNDEFINED_BASE + b))
    return table


def reverse(table):
    """(unicode, byte) pairs sorted by unicode, first byte wins; identity
    ASCII mappings are implied and left out."""
    seen = {}
    for b, u in enumerate(table):
        if u not in seen:
            seen[u] = b
    return sorted((u, b) for u, b in seen.items() if not (u == b and b < 0x80))


def best_fit_base(c):
    if c in BEST_FIT_EXTRA:
        return ord(BEST_FIT_EXTRA[c])
    d = unicodedata.normalize('NFKD', chr(c))
    base = [x for x in d if unicodedata.category(x)[0] != 'M']
    if len(base) == 1 and base[0] != chr(c) and ord(base[0]) < 0x10000:
        return ord(base[0])
    return c


def emit():
    out = [ctable.header('Python codecs and unicodedata (UCD %s)' % unicodedata.unidata_version,
                         'Single-byte code pages and best-fit bases.')]
    descs = []
    for cp, codec, name in PAGES:
        table = to_unicode(cp, codec)
        out.append(ctable.array('unsigned short', 'cp%d_to_unicode' % cp,
                                ['0x%04X' % u for u in table], per_line=8))
        rev = reverse(table)
        out.append(ctable.array('struct nls_sb_reverse', 'cp%d_from_unicode' % cp,
                                ['{0x%04X, 0x%02X}' % p for p in rev], per_line=6))
        descs.append('{%d, L"%s", cp%d_to_unicode, cp%d_from_unicode, %d}'
                     % (cp, name, cp, cp, len(rev)))
    out.append(ctable.array('struct nls_sb_page', 'nls_sb_pages', descs, per_line=1))
    base = [(best_fit_base(c) - c) & 0xFFFF for c in range(0x10000)]
    out.append(ctable.two_level(base, 'unsigned short', 'best_fit'))
    return '\n'.join(out)
