/* The multibyte code page's byte classes: _mbctype (lead and trail bytes,
 * single-byte case and kana classes) and _mbcasemap, which _setmbcp
 * fills.  The double-byte pages are described here, not taken from the
 * system: their byte ranges are part of each code page's definition. */
#include "crt.h"

CRTDATA unsigned char _mbctype[257];
CRTDATA unsigned char _mbcasemap[256];
int crt_mbcp;

CRTAPI unsigned char *__p__mbctype(void) { return _mbctype; }
CRTAPI unsigned char *__p__mbcasemap(void) { return _mbcasemap; }

/* Inclusive byte ranges, zero-terminated pairs. */
struct dbcs_page {
    int cp;
    unsigned char lead[8], trail[8];
};

static const struct dbcs_page dbcs_pages[] = {
    { 932, { 0x81, 0x9F, 0xE0, 0xFC }, { 0x40, 0x7E, 0x80, 0xFC } },     /* Shift_JIS */
    { 936, { 0x81, 0xFE }, { 0x40, 0xFE } },                             /* GBK */
    { 949, { 0x81, 0xFE }, { 0x41, 0xFE } },                             /* Unified Hangul */
    { 950, { 0x81, 0xFE }, { 0x40, 0x7E, 0xA1, 0xFE } },                 /* Big5 */
    { 1361, { 0x81, 0xD3, 0xD8, 0xDE, 0xE0, 0xF9 }, { 0x31, 0x7E, 0x81, 0xFE } },  /* Johab */
};

static void mark_ranges(const unsigned char *r, unsigned char bit)
{
    for (; r[0]; r += 2)
        for (unsigned c = r[0]; c <= r[1]; c++)
            _mbctype[c + 1] |= bit;
}

/* Code page 932's single-byte kana: punctuation 0xA1-0xA5, letters
 * 0xA6-0xDF. */
static void mark_kana(void)
{
    for (unsigned c = 0xA1; c <= 0xDF; c++)
        _mbctype[c + 1] |= c <= 0xA5 ? MBT_MP : MBT_MS;
}

static const struct dbcs_page *find_page(int cp)
{
    for (size_t i = 0; i < sizeof(dbcs_pages) / sizeof(dbcs_pages[0]); i++)
        if (dbcs_pages[i].cp == cp)
            return &dbcs_pages[i];
    return NULL;
}

int crt_mbcp_is_dbcs(int cp) { return find_page(cp) != NULL; }

void crt_mbcp_fill(int cp)
{
    const struct dbcs_page *page = find_page(cp);

    memset(_mbctype, 0, sizeof(_mbctype));
    memset(_mbcasemap, 0, sizeof(_mbcasemap));
    if (cp) {
        for (unsigned c = 'A'; c <= 'Z'; c++) {
            _mbctype[c + 1] |= MBT_UPPER;
            _mbctype[c + 0x21] |= MBT_LOWER;
            _mbcasemap[c] = (unsigned char)(c + 0x20);
            _mbcasemap[c + 0x20] = (unsigned char)c;
        }
    }
    if (!page)
        return;
    mark_ranges(page->lead, MBT_LEAD);
    mark_ranges(page->trail, MBT_TRAIL);
    if (cp == 932)
        mark_kana();
}

CRTAPI int _ismbblead(unsigned c) { return crt_mb_lead(c) != 0; }
CRTAPI int _ismbbtrail(unsigned c) { return crt_mb_trail(c) != 0; }

/* Code page 932's single-byte kana classes (no byte has them elsewhere). */
CRTAPI int _ismbbkalnum(unsigned c) { return (_mbctype[(c & 0xFF) + 1] & MBT_MS) != 0; }
CRTAPI int _ismbbkpunct(unsigned c) { return (_mbctype[(c & 0xFF) + 1] & MBT_MP) != 0; }
CRTAPI int _ismbbkana(unsigned c) { return (_mbctype[(c & 0xFF) + 1] & (MBT_MS | MBT_MP)) != 0; }
CRTAPI int _ismbbkprint(unsigned c) { return _ismbbkana(c); }
/* No symbol class is known for any page. */
CRTAPI int _ismbcnone(unsigned c) { return 0; }
