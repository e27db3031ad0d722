"""The NLS data files of System32 that programs reach through
NtGetNlsSectionPtr and NtInitializeNlsFiles, built from the same public
data as the tables of src/win32/nls.

Code page files (c_NNN.nls) follow the NLS code page file layout
(little-endian 16-bit words):

  header     13 words: HeaderSize (13), CodePage, MaximumCharacterSize,
             DefaultChar, UniDefaultChar, TransDefaultChar,
             TransUniDefaultChar, LeadByte[12] (byte pairs, first..last)
  word 13    the number of words from word 14 to the wide-char table
  MB table   256 words: the character of each byte (a lead byte's entry is 0)
  glyph      one word, 0: no glyph table follows
  DBCS       one word: the number of lead byte ranges (0: single-byte);
             if not 0, 256 word offsets, one per byte, of the byte's
             256-word trail table counted from the offsets' start, then the
             trail tables
  WC table   65536 entries, one per UTF-16 unit: bytes for a single-byte
             page, words (lead << 8 | trail, or the byte) for a double-byte one

The default characters are those of Microsoft's published best-fit tables
(bestfitNNN.txt, "CPINFO" line): '?' everywhere, U+30FB as the Unicode
default of 932 and 936.

locale.nls starts with eight 32-bit offsets of its parts; the fifth is the
locale table, whose first words are 8, the number of locales, its size and
the magic 'NSDS' (as Windows' file has them at those places), followed by
(LCID, name offset) records sorted by name and the NUL-terminated UTF-16
names.
"""
import os
import struct

from . import codepages, locales

# (code page, Python codec, Unicode default character)
DBCS_PAGES = [(932, 'cp932', 0x30FB), (936, 'gbk', 0x30FB), (949, 'cp949', 0x003F),
              (950, 'cp950', 0x003F)]
# Windows' bytes the Python codecs lack.
DBCS_ADDITIONS = {936: {0x80: 0x20AC}}
DEFAULT_CHAR = 0x3F
LOCALE_MAGIC = 0x5344534E  # 'NSDS'


def file_names():
    return (['c_%d.nls' % cp for cp, _, _ in codepages.PAGES] +
            ['c_%d.nls' % cp for cp, _, _ in DBCS_PAGES] + ['locale.nls'])


def words(values):
    return struct.pack('<%dH' % len(values), *values)


def header(cp, max_size, uni_default, lead_ranges):
    lead = []
    for first, last in lead_ranges[:5]:
        lead += [first, last]
    lead += [0] * (12 - len(lead))
    return (words([13, cp, max_size, DEFAULT_CHAR, uni_default, DEFAULT_CHAR, DEFAULT_CHAR]) +
            bytes(lead))


def wide_table(reverse, base_of):
    """The byte sequence of each UTF-16 unit: its own mapping, else its
    best-fit base letter's, else the default character."""
    out = []
    for u in range(0x10000):
        m = reverse.get(u)
        if m is None and 0xD800 <= u < 0xE000:
            m = DEFAULT_CHAR
        if m is None:
            m = reverse.get(base_of(u), DEFAULT_CHAR)
        out.append(m)
    return out


def best_fit_cache():
    cache = {}

    def base_of(u):
        if u not in cache:
            cache[u] = codepages.best_fit_base(u)
        return cache[u]
    return base_of


def sbcs_file(cp, codec, base_of):
    mb = codepages.to_unicode(cp, codec)
    reverse = {}
    for b, u in enumerate(mb):
        reverse.setdefault(u, b)
    wc = wide_table(reverse, base_of)
    body = words(mb) + words([0, 0])
    return (header(cp, 1, DEFAULT_CHAR, []) + words([len(body) // 2]) + body + bytes(wc))


def decode(codec, raw):
    try:
        s = raw.decode(codec)
    except UnicodeDecodeError:
        return None
    return ord(s) if len(s) == 1 and ord(s) < 0x10000 else None


def lead_ranges(leads):
    ranges = []
    for b in leads:
        if ranges and ranges[-1][1] == b - 1:
            ranges[-1][1] = b
        else:
            ranges.append([b, b])
    return ranges


def dbcs_file(cp, codec, uni_default, base_of):
    extra = DBCS_ADDITIONS.get(cp, {})
    mb, leads, trails, reverse = [], [], {}, {}
    for b in range(256):
        u = extra.get(b, decode(codec, bytes([b])))
        if u is None:
            row = [decode(codec, bytes([b, t])) for t in range(256)]
            if any(x is not None for x in row):
                leads.append(b)
                trails[b] = [DEFAULT_CHAR if x is None else x for x in row]
                for t, x in enumerate(row):
                    if x is not None:
                        reverse.setdefault(x, b << 8 | t)
                u = 0
            else:
                u = DEFAULT_CHAR
        mb.append(u)
        if u or b == 0:
            reverse.setdefault(u, b)
    offsets = [0] * 256
    for i, b in enumerate(leads):
        offsets[b] = 256 * (i + 1)
    ranges = lead_ranges(leads)
    body = words(mb) + words([0, len(ranges)]) + words(offsets)
    for b in leads:
        body += words(trails[b])
    wc = wide_table(reverse, base_of)
    return header(cp, 2, uni_default, ranges) + words([len(body) // 2]) + body + words(wc)


def locale_file(locales_txt):
    _, entries = locales.build(locales_txt)
    ordered = sorted(entries, key=lambda e: locales.key(e[0]))
    names = b''
    records = b''
    table_head = 16
    names_at = table_head + 8 * len(ordered)
    for name, lcid, _, _, _ in ordered:
        records += struct.pack('<II', lcid, names_at + len(names))
        names += (name + '\0').encode('utf-16-le')
    size = names_at + len(names)
    table = struct.pack('<IIII', 8, len(ordered), size, LOCALE_MAGIC) + records + names
    parts = 8 * 4
    return struct.pack('<8I', 0, 0, 0, 0, parts, 0, 0, 0) + table


def build(out_dir, locales_txt):
    base_of = best_fit_cache()
    files = {}
    for cp, codec, _ in codepages.PAGES:
        files['c_%d.nls' % cp] = sbcs_file(cp, codec, base_of)
    for cp, codec, uni_default in DBCS_PAGES:
        files['c_%d.nls' % cp] = dbcs_file(cp, codec, uni_default, base_of)
    files['locale.nls'] = locale_file(locales_txt)
    for name, data in files.items():
        with open(os.path.join(out_dir, name), 'wb') as f:
            f.write(data)
