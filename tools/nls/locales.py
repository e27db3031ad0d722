"""Locale data: src/win32/nls/locales.txt -> locale_names.h (names and
LCIDs, for ntdll and kernel32) and locale_table.h (the GetLocaleInfo
fields, kernel32).

locales.txt holds one block per locale, "[name]" then "key = value" lines;
"base = other" starts from another block's values.  Lists are separated by
";", escapes are Python's (\\u00a0).  Lines "neutral NAME LCID SPECIFIC"
and "alias NAME LCID TARGET" add names that share a block's data: a
neutral name (LCID of SUBLANG_NEUTRAL) resolves to its specific locale, an
alias is a sort variant (de-DE_phoneb) or an older name.  The fields
GetLocaleInfo computes from others (LOCALE_IDATE from the short date...)
are derived here, once.
"""
import re

from . import ctable

NAME_LISTS = {  # key: (count, LOCALE_* of the first item)
    'days': 7, 'abbrev_days': 7, 'shortest_days': 7,
    'months': 12, 'abbrev_months': 12, 'genitive_months': 12, 'genitive_abbrev_months': 12,
}
FORMAT_LISTS = ('short_dates', 'long_dates', 'times', 'short_times', 'year_months')

# Plain string fields, in the order of the generated LF_ enum.
FIELDS = [
    'name', 'parent', 'language', 'native_language', 'country', 'native_country',
    'display', 'native_display', 'iso639', 'iso639_2', 'iso3166', 'iso3166_2', 'abbrev_lang',
    'abbrev_ctry', 'geoid', 'phone', 'ansi', 'oem', 'mac', 'ebcdic', 'scripts', 'decimal',
    'thousand', 'grouping', 'negative', 'positive', 'digits', 'lzero', 'negnumber',
    'native_digits', 'digit_subst', 'list', 'measure', 'paper', 'currency', 'intl_currency',
    'currency_english', 'currency_native', 'mon_decimal', 'mon_thousand', 'mon_grouping',
    'curr_digits', 'icurrency', 'negcurr', 'month_day', 'am', 'pm', 'first_day', 'first_week',
    'calendar', 'reading_layout', 'percent', 'permille', 'pos_percent', 'neg_percent', 'nan',
    'pos_infinity', 'neg_infinity', 'sort_name', 'duration', 'short_date', 'long_date',
    'time_format', 'short_time', 'year_month', 'idate', 'ildate', 'itime', 'itimemarkposn',
    'icentury', 'itlzero', 'idaylzero', 'imonlzero', 'sdate', 'stime', 'iposssignposn',
    'inegsignposn', 'ipossymprecedes', 'iposssepbyspace', 'inegsymprecedes', 'inegsepbyspace',
    'opentype_tag', 'keyboards',
] + ['%s%d' % (k, i + 1) for k, n in NAME_LISTS.items() for i in range(n)] + list(FORMAT_LISTS)

# INEGCURR pattern -> (INEGSIGNPOSN, INEGSYMPRECEDES, INEGSEPBYSPACE)
NEGCURR = [(0, 1, 0), (1, 1, 0), (4, 1, 0), (2, 1, 0), (0, 0, 0), (1, 0, 0), (3, 0, 0),
           (2, 0, 0), (1, 0, 1), (1, 1, 1), (2, 0, 1), (2, 1, 1), (4, 1, 1), (3, 0, 1),
           (0, 1, 1), (0, 0, 1)]


def parse(path):
    blocks, order, names, cur = {}, [], [], None
    for raw in open(path, encoding='utf-8'):
        line = raw.rstrip('\n')
        if not line.strip() or line.lstrip().startswith('#'):
            continue
        m = re.match(r'^\[(.*)\]$', line)
        if m:
            cur = {}
            blocks[m.group(1)] = cur
            order.append(m.group(1))
            continue
        words = line.split()
        if words[0] in ('neutral', 'alias'):
            names.append((words[0], words[1], int(words[2], 16), words[3]))
            continue
        key, _, value = line.partition('=')
        value = value.strip().encode('latin-1', 'backslashreplace').decode('unicode_escape') \
            if '\\' in value else value.strip()
        cur[key.strip()] = value
    return blocks, order, names


def resolve(blocks, name, seen=()):
    b = blocks[name]
    if 'base' not in b:
        return dict(b)
    if b['base'] in seen:
        raise SystemExit('locales.txt: base cycle at ' + name)
    out = resolve(blocks, b['base'], seen + (name,))
    out.update({k: v for k, v in b.items() if k != 'base'})
    return out


def date_order(fmt):
    letters = [c for c in re.sub(r"'[^']*'", '', fmt) if c in 'Mdy']
    first = {c: letters.index(c) for c in 'Mdy' if c in letters}
    order = ''.join(sorted(first, key=first.get))
    return {'Mdy': '0', 'dMy': '1', 'yMd': '2'}.get(order, '0')


def separator(fmt, letters):
    m = re.search('[%s]+([^%s\']+)[%s]' % (letters, letters, letters), fmt)
    return m.group(1) if m else ''


def derive(d, name, lcid):
    d['name'] = name
    lang = name.split('-')[0] if name else 'iv'
    d.setdefault('iso639', lang)
    d.setdefault('parent', name.rsplit('-', 1)[0] if '-' in name else '')
    d.setdefault('display', '%s (%s)' % (d['language'], d['country']))
    d.setdefault('native_display', '%s (%s)' % (d['native_language'], d['native_country']))
    d.setdefault('keyboards', '%04x:%08x' % (lcid & 0xFFFF, lcid & 0xFFFF))
    d.setdefault('abbrev_ctry', d.get('iso3166_2', ''))
    if '-' in name:
        d.setdefault('iso3166', name.split('-')[-1].split('_')[0])
    for key, lst in (('short_date', 'short_dates'), ('long_date', 'long_dates'),
                     ('time_format', 'times'), ('short_time', 'short_times'),
                     ('year_month', 'year_months')):
        d[key] = d[lst].split(';')[0]
        d[lst] = '\n'.join(d[lst].split(';'))
    derive_dates(d)
    neg = NEGCURR[int(d['negcurr'])]
    d['inegsignposn'], d['inegsymprecedes'], d['inegsepbyspace'] = map(str, neg)
    d['iposssignposn'] = '3'
    d['ipossymprecedes'] = '1' if d['icurrency'] in ('0', '2') else '0'
    d['iposssepbyspace'] = '1' if d['icurrency'] in ('2', '3') else '0'
    for key, n in NAME_LISTS.items():
        src = d.get(key) or d.get(key.replace('genitive_', ''), '')
        items = src.split(';') if src else [''] * n
        if len(items) != n:
            raise SystemExit('locales.txt: %s: %s has %d items' % (name, key, len(items)))
        for i, v in enumerate(items):
            d['%s%d' % (key, i + 1)] = v


def derive_dates(d):
    short, long_, time = d['short_date'], d['long_date'], d['time_format']
    d['idate'] = date_order(short)
    d['ildate'] = date_order(long_)
    d['icentury'] = '1' if 'yyyy' in short else '0'
    d['idaylzero'] = '1' if 'dd' in short else '0'
    d['imonlzero'] = '1' if 'MM' in short else '0'
    d['sdate'] = separator(short, 'Mdy')
    bare = re.sub(r"'[^']*'", '', time)
    d['itime'] = '1' if 'H' in bare else '0'
    d['itlzero'] = '1' if 'hh' in bare or 'HH' in bare else '0'
    d['itimemarkposn'] = '1' if 't' in bare and bare.index('t') < bare.lower().index('h') else '0'
    d['stime'] = separator(time, 'hHms')


def build(path):
    blocks, order, names = parse(path)
    records, entries = [], []
    for name in order:
        if blocks[name].get('abstract'):
            continue
        d = resolve(blocks, name)
        d.pop('abstract', None)
        lcid = int(d['lcid'], 16)
        derive(d, name, lcid)
        missing = [f for f in FIELDS if f not in d]
        if missing:
            raise SystemExit('locales.txt: %s lacks %s' % (name, ', '.join(missing)))
        entries.append((name, lcid, len(records), 0, name))
        records.append(d)
    index = {e[0]: e for e in entries}
    for kind, name, lcid, target in names:
        rec = index[target][2]
        entries.append((name, lcid, rec, 1 if kind == 'neutral' else 2, target))
    return records, entries


def key(name):
    return name.lower().replace('_', '-')


def emit_names(path):
    records, entries = build(path)
    ordered = sorted(entries, key=lambda e: key(e[0]))
    pos = {e[0]: i for i, e in enumerate(ordered)}
    rows = ['{L"%s", 0x%05X, %d, %d, %d}' % (e[0], e[1], e[2], e[3], pos[e[4]]) for e in ordered]
    by_lcid = sorted(range(len(ordered)), key=lambda i: (ordered[i][1], ordered[i][3]))
    return '\n'.join([
        ctable.header('src/win32/nls/locales.txt', 'Locale names and LCIDs, sorted by name.'),
        ctable.array('struct nls_locale_name', 'nls_locale_names', rows, per_line=1),
        ctable.array('unsigned short', 'nls_locale_lcid_order', [str(i) for i in by_lcid]),
    ])


def c_string(s):
    out = []
    for ch in s:
        c = ord(ch)
        out.append(ch if 0x20 <= c < 0x7F and ch not in '\\"' else '\\x%04x""' % c)
    return ''.join(out)


def emit_table(path):
    records, _ = build(path)
    pool, where = [], {}
    total = 0
    for d in records:
        for f in FIELDS:
            v = d[f]
            if v not in where:
                where[v] = total
                pool.append(v)
                total += len(v) + 1
    offsets = ['{' + ', '.join(str(where[d[f]]) for f in FIELDS) + '}' for d in records]
    otype = 'unsigned short' if total < 65536 else 'unsigned int'
    strings = ['static const WCHAR locale_strings[] ='] + \
        ['\tL"%s\\0"' % c_string(v) for v in pool] + ['\t;']
    return '\n'.join([
        ctable.header('src/win32/nls/locales.txt', 'GetLocaleInfo fields of each locale.'),
        '\n'.join(strings), '',
        'static const %s locale_fields[%d][LF_COUNT] = {' % (otype, len(records)),
        '\n'.join('\t' + o + ',' for o in offsets), '};', ''])


def emit_fields(path):
    enum = ['enum locale_field {'] + ['\tLF_%s,' % f.upper() for f in FIELDS] + ['\tLF_COUNT', '};']
    return '\n'.join([
        ctable.header('tools/nls/locales.py', 'The fields of a locale in locale_table.h.'),
        '#ifndef LSW_NLS_LOCALE_FIELDS_H', '#define LSW_NLS_LOCALE_FIELDS_H',
        '\n'.join(enum), '#endif', ''])
