/* The character conversions and classes of code page 932 (Shift_JIS):
 * JIS X 0208 <-> Shift_JIS codes, hiragana <-> katakana, half-width
 * (single-byte) <-> full-width characters, and the JIS levels.  Under
 * any other multibyte code page they change nothing and classify
 * nothing; _ismbclegal follows every double-byte page. */
#include "crt.h"

#define IS_932 (crt_mbcp == 932)
#define HIRA_FIRST 0x829F       /* small a */
#define HIRA_LAST 0x82F1        /* n */
#define KATA_FIRST 0x8340       /* small a */
#define KATA_GAP 0x837F         /* no character: katakana skip it */
#define KATA_LAST 0x8396        /* small ke */

CRTAPI int _ismbclegal(unsigned c)
{
    return crt_mb_lead(c >> 8) && crt_mb_trail(c) && c <= 0xFFFF;
}

/* JIS row/cell 0x2121-0x7E7E to its Shift_JIS code; 0 if invalid. */
CRTAPI unsigned _mbcjistojms(unsigned c)
{
    unsigned hi = c >> 8, lo = c & 0xFF;

    if (!IS_932)
        return c;
    if (c > 0xFFFF || hi < 0x21 || hi > 0x7E || lo < 0x21 || lo > 0x7E)
        return 0;
    lo += hi & 1 ? (lo >= 0x60 ? 0x20 : 0x1F) : 0x7E;
    hi = ((hi + 1) >> 1) + (hi <= 0x5E ? 0x70 : 0xB0);
    return hi << 8 | lo;
}

CRTAPI unsigned _mbcjmstojis(unsigned c)
{
    unsigned hi = c >> 8, lo = c & 0xFF;

    if (!IS_932)
        return c;
    if (c > 0xFFFF || !_ismbclegal(c))
        return 0;
    hi = ((hi >= 0xE0 ? hi - 0x40 : hi) - 0x81) * 2 + 0x21;
    if (lo >= 0x9F)
        hi++, lo -= 0x7E;
    else
        lo -= lo >= 0x80 ? 0x20 : 0x1F;
    return hi > 0x7E ? 0 : hi << 8 | lo;
}

CRTAPI int _ismbchira(unsigned c) { return IS_932 && c >= HIRA_FIRST && c <= HIRA_LAST; }

CRTAPI int _ismbckata(unsigned c)
{
    return IS_932 && c >= KATA_FIRST && c <= KATA_LAST && c != KATA_GAP;
}

/* Katakana skip 0x837F, hiragana do not: the offset grows by one past it. */
CRTAPI unsigned _mbctohira(unsigned c)
{
    if (!_ismbckata(c) || c > 0x8393)
        return c;
    return c - (c < KATA_GAP ? 0xA1 : 0xA2);
}

CRTAPI unsigned _mbctokata(unsigned c)
{
    if (!_ismbchira(c))
        return c;
    return c + (c <= 0x82DD ? 0xA1 : 0xA2);
}

/* The level of a legal character: 0 non-kanji, 1 and 2 the JIS kanji
 * levels. */
static int jis_level(unsigned c, unsigned first, unsigned last)
{
    return IS_932 && c >= first && c <= last && _ismbclegal(c);
}

CRTAPI int _ismbcl0(unsigned c) { return jis_level(c, 0x8140, 0x889E); }
CRTAPI int _ismbcl1(unsigned c) { return jis_level(c, 0x889F, 0x9872); }
CRTAPI int _ismbcl2(unsigned c) { return jis_level(c, 0x989F, 0xEAA4); }

/* The full-width form of each single byte: ASCII 0x20-0x7E, then the
 * half-width kana 0xA1-0xDF. */
static const unsigned short full_of_ascii[0x5F] = {
    0x8140, 0x8149, 0x8168, 0x8194, 0x8190, 0x8193, 0x8195, 0x8166,     /*  !"#$%&' */
    0x8169, 0x816A, 0x8196, 0x817B, 0x8143, 0x817C, 0x8144, 0x815E,     /* ()*+,-./ */
    0x824F, 0x8250, 0x8251, 0x8252, 0x8253, 0x8254, 0x8255, 0x8256,     /* 0-7 */
    0x8257, 0x8258, 0x8146, 0x8147, 0x8183, 0x8181, 0x8184, 0x8148,     /* 89:;<=>? */
    0x8197, 0x8260, 0x8261, 0x8262, 0x8263, 0x8264, 0x8265, 0x8266,     /* @A-G */
    0x8267, 0x8268, 0x8269, 0x826A, 0x826B, 0x826C, 0x826D, 0x826E,     /* H-O */
    0x826F, 0x8270, 0x8271, 0x8272, 0x8273, 0x8274, 0x8275, 0x8276,     /* P-W */
    0x8277, 0x8278, 0x8279, 0x816D, 0x818F, 0x816E, 0x814F, 0x8151,     /* XYZ[\]^_ */
    0x814D, 0x8281, 0x8282, 0x8283, 0x8284, 0x8285, 0x8286, 0x8287,     /* `a-g */
    0x8288, 0x8289, 0x828A, 0x828B, 0x828C, 0x828D, 0x828E, 0x828F,     /* h-o */
    0x8290, 0x8291, 0x8292, 0x8293, 0x8294, 0x8295, 0x8296, 0x8297,     /* p-w */
    0x8298, 0x8299, 0x829A, 0x816F, 0x8162, 0x8170, 0x8150,             /* xyz{|}~ */
};

static const unsigned short full_of_kana[0x3F] = {
    0x8142, 0x8175, 0x8176, 0x8141, 0x8145, 0x8392, 0x8340, 0x8342,     /* A1-A8 */
    0x8344, 0x8346, 0x8348, 0x8383, 0x8385, 0x8387, 0x8362, 0x815B,     /* A9-B0 */
    0x8341, 0x8343, 0x8345, 0x8347, 0x8349, 0x834A, 0x834C, 0x834E,     /* B1-B8 */
    0x8350, 0x8352, 0x8354, 0x8356, 0x8358, 0x835A, 0x835C, 0x835E,     /* B9-C0 */
    0x8360, 0x8363, 0x8365, 0x8367, 0x8369, 0x836A, 0x836B, 0x836C,     /* C1-C8 */
    0x836D, 0x836E, 0x8371, 0x8374, 0x8377, 0x837A, 0x837D, 0x837E,     /* C9-D0 */
    0x8380, 0x8381, 0x8382, 0x8384, 0x8386, 0x8388, 0x8389, 0x838A,     /* D1-D8 */
    0x838B, 0x838C, 0x838D, 0x838F, 0x8393, 0x814A, 0x814B,             /* D9-DF */
};

/* The half-width kana of each katakana 0x8340-0x8396: voiced and small
 * forms give their plain letter (0 at the gap 0x837F). */
static const unsigned char half_of_kata[KATA_LAST - KATA_FIRST + 1] = {
    0xA7, 0xB1, 0xA8, 0xB2, 0xA9, 0xB3, 0xAA, 0xB4, 0xAB, 0xB5,         /* a i u e o */
    0xB6, 0xB6, 0xB7, 0xB7, 0xB8, 0xB8, 0xB9, 0xB9, 0xBA, 0xBA,         /* ka-go */
    0xBB, 0xBB, 0xBC, 0xBC, 0xBD, 0xBD, 0xBE, 0xBE, 0xBF, 0xBF,         /* sa-zo */
    0xC0, 0xC0, 0xC1, 0xC1, 0xAF, 0xC2, 0xC2, 0xC3, 0xC3, 0xC4, 0xC4,   /* ta-do */
    0xC5, 0xC6, 0xC7, 0xC8, 0xC9,                                       /* na-no */
    0xCA, 0xCA, 0xCA, 0xCB, 0xCB, 0xCB, 0xCC, 0xCC, 0xCC,               /* ha-pu */
    0xCD, 0xCD, 0xCD, 0xCE, 0xCE, 0xCE,                                 /* he-po */
    0xCF, 0xD0, 0x00, 0xD1, 0xD2, 0xD3,                                 /* ma-mo */
    0xAC, 0xD4, 0xAD, 0xD5, 0xAE, 0xD6,                                 /* ya-yo */
    0xD7, 0xD8, 0xD9, 0xDA, 0xDB,                                       /* ra-ro */
    0xDC, 0xDC, 0xB2, 0xB4, 0xA6, 0xDD, 0xB3, 0xB6, 0xB9,               /* wa-ke */
};

CRTAPI unsigned _mbbtombc(unsigned c)
{
    if (!IS_932)
        return c;
    if (c >= 0x20 && c <= 0x7E)
        return full_of_ascii[c - 0x20];
    if (c >= 0xA1 && c <= 0xDF)
        return full_of_kana[c - 0xA1];
    return c;
}

static unsigned find_half(const unsigned short *table, size_t n, unsigned first, unsigned c)
{
    for (size_t i = 0; i < n; i++)
        if (table[i] == c)
            return first + (unsigned)i;
    return 0;
}

CRTAPI unsigned _mbctombb(unsigned c)
{
    unsigned k = _mbctokata(c), half;

    if (!IS_932)
        return c;
    if (_ismbckata(k))
        return half_of_kata[k - KATA_FIRST];
    if ((half = find_half(full_of_ascii, sizeof(full_of_ascii) / 2, 0x20, c)))
        return half;
    if ((half = find_half(full_of_kana, sizeof(full_of_kana) / 2, 0xA1, c)))
        return half;
    return c;
}
