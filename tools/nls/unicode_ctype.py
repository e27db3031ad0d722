"""Character types of GetStringTypeW (CT_CTYPE1, CT_CTYPE2, CT_CTYPE3) for
every UTF-16 code unit, derived from the Unicode general category, bidi
class and East Asian width, with the exceptions Windows keeps for the C
runtime's sake (Latin-1 symbols and fractions count as punctuation,
superscript digits as digits).  Bit values: winnls.h."""
import unicodedata

from . import ctable

C1_UPPER, C1_LOWER, C1_DIGIT, C1_SPACE, C1_PUNCT = 0x1, 0x2, 0x4, 0x8, 0x10
C1_CNTRL, C1_BLANK, C1_XDIGIT, C1_ALPHA, C1_DEFINED = 0x20, 0x40, 0x80, 0x100, 0x200

C3_NONSPACING, C3_DIACRITIC, C3_VOWELMARK, C3_SYMBOL = 0x1, 0x2, 0x4, 0x8
C3_KATAKANA, C3_HIRAGANA, C3_HALFWIDTH, C3_FULLWIDTH = 0x10, 0x20, 0x40, 0x80
C3_IDEOGRAPH, C3_KASHIDA, C3_LEXICAL, C3_HIGHSURROGATE = 0x100, 0x200, 0x400, 0x800
C3_LOWSURROGATE, C3_ALPHA = 0x1000, 0x8000

CTYPE1_BY_CATEGORY = {
    'Lu': C1_UPPER | C1_ALPHA, 'Ll': C1_LOWER | C1_ALPHA,
    'Lt': C1_UPPER | C1_LOWER | C1_ALPHA, 'Lm': C1_ALPHA, 'Lo': C1_ALPHA, 'Nl': C1_ALPHA,
    'Nd': C1_DIGIT, 'Zs': C1_SPACE | C1_BLANK, 'Zl': C1_SPACE, 'Zp': C1_SPACE,
    'Cc': C1_CNTRL, 'Cf': C1_CNTRL,
}

CTYPE2_BY_BIDI = {
    'L': 1, 'R': 2, 'AL': 2, 'EN': 3, 'ES': 4, 'ET': 5, 'AN': 6, 'CS': 7,
    'B': 8, 'S': 9, 'WS': 10, 'ON': 11,
}

XDIGITS = set(map(ord, '0123456789abcdefABCDEF')) | set(range(0xFF10, 0xFF1A)) | \
    set(range(0xFF21, 0xFF27)) | set(range(0xFF41, 0xFF47))
LEXICAL = {0x27, 0x2D, 0x3D, 0xAA, 0xAD, 0xBA, 0x640, 0x2010, 0x2011}


def ctype1(c, cat):
    if cat == 'Cn':
        return 0
    t = C1_DEFINED | CTYPE1_BY_CATEGORY.get(cat, 0)
    if cat[0] == 'P' or (cat[0] == 'S' and c < 0x100):
        t |= C1_PUNCT
    if 0x09 <= c <= 0x0D or c == 0x85:
        t |= C1_SPACE
    if c in (0x09, 0xFEFF):
        t |= C1_BLANK
    if c == 0xAD or c in (0xBC, 0xBD, 0xBE):  # the soft hyphen, the vulgar fractions
        t |= C1_PUNCT
    if c in (0xB2, 0xB3, 0xB9):
        t |= C1_DIGIT
    if c in (0x2071, 0x207F):  # Ll in the Unicode versions Windows took its table from
        t |= C1_LOWER
    if c in XDIGITS:
        t |= C1_XDIGIT
    return t


def ctype3(c, ch, cat):
    if 0xD800 <= c < 0xDC00:
        return C3_HIGHSURROGATE
    if 0xDC00 <= c < 0xE000:
        return C3_LOWSURROGATE
    if cat == 'Cn':
        return 0
    t = 0
    if cat in ('Mn', 'Me'):
        t |= C3_NONSPACING | (C3_DIACRITIC if unicodedata.combining(ch) else 0)
    if cat == 'Sk':
        t |= C3_DIACRITIC
    if cat in ('Mn', 'Mc') and 'VOWEL SIGN' in unicodedata.name(ch, ''):
        t |= C3_VOWELMARK
    if cat[0] == 'S':
        t |= C3_SYMBOL
    if cat[0] == 'L' or cat == 'Mc':
        t |= C3_ALPHA
    t |= kana_and_width(c, ch)
    if 'IDEOGRAPH' in unicodedata.name(ch, '') or c == 0x3007:
        t |= C3_IDEOGRAPH
    if c == 0x640:
        t |= C3_KASHIDA
    if c in LEXICAL:
        t |= C3_LEXICAL
    return t


def kana_and_width(c, ch):
    t = 0
    if 0x3041 <= c <= 0x309F and c not in (0x3099, 0x309A, 0x309B, 0x309C):
        t |= C3_HIRAGANA
    if 0x30A1 <= c <= 0x30FA or 0x31F0 <= c <= 0x31FF or 0xFF66 <= c <= 0xFF9D:
        t |= C3_KATAKANA
    w = unicodedata.east_asian_width(ch)
    if w in ('H', 'Na'):
        t |= C3_HALFWIDTH
    elif w in ('F', 'W'):
        t |= C3_FULLWIDTH
    return t


def ctype2(c, ch, cat):
    if cat == 'Cn':
        return 0
    return CTYPE2_BY_BIDI.get(unicodedata.bidirectional(ch), 0)


# Digits MAP_FOLDDIGITS folds that have no Unicode digit value: Windows'
# older data counts these numbers as digits too.
EXTRA_DIGITS = {0x3007: 0, **{0x3021 + i: i + 1 for i in range(9)},
                **{0x10107 + i: i + 1 for i in range(9)}, 0x10320: 1, 0x10321: 5,
                **{0xC78 + i: i for i in range(4)}, **{0xC7C + i: i + 1 for i in range(3)},
                **{0xA8E0 + i: i for i in range(10)}}


def digit_ranges():
    """Runs of consecutive code points with consecutive digit values."""
    runs = []
    for c in range(0x110000):
        if 0xD800 <= c < 0xE000:
            continue
        d = unicodedata.digit(chr(c), EXTRA_DIGITS.get(c))
        if d is None:
            continue
        if runs and runs[-1][1] == c - 1 and runs[-1][2] + c - runs[-1][0] == d:
            runs[-1][1] = c
        else:
            runs.append([c, c, d])
    return runs


def emit():
    classes, index, values = [], {}, []
    for c in range(0x10000):
        ch = chr(c)
        cat = unicodedata.category(ch)
        key = (ctype1(c, cat), ctype2(c, ch, cat), ctype3(c, ch, cat))
        if key not in index:
            index[key] = len(classes)
            classes.append(key)
        values.append(index[key])
    elem = 'unsigned char' if len(classes) <= 256 else 'unsigned short'
    return '\n'.join([
        ctable.header('Python unicodedata (UCD %s)' % unicodedata.unidata_version,
                      'GetStringTypeW classes: CT_CTYPE1, CT_CTYPE2, CT_CTYPE3.'),
        ctable.array('unsigned short', 'ctype_classes',
                     ['{0x%04X, %d, 0x%04X}' % k for k in classes], per_line=4)
        .replace('ctype_classes[%d]' % len(classes), 'ctype_classes[%d][3]' % len(classes)),
        ctable.two_level(values, elem, 'ctype_class'),
        ctable.array('struct nls_digit_range', 'digit_ranges',
                     ['{0x%X, 0x%X, %d}' % tuple(r) for r in digit_ranges()], per_line=4),
    ])
