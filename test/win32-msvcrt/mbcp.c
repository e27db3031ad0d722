/* The multibyte code page: _setmbcp's tables (_mbctype) for the
 * double-byte pages and a single-byte one, and the _mbs/_mbc functions
 * that follow it: lead and trail bytes, character walking and copying,
 * spans, and code page 932's conversions. */
#include <stdio.h>
#include <string.h>
#include <errno.h>
#include <mbstring.h>
#include <mbctype.h>
#include <windows.h>

static unsigned char *ctype;

/* The table as runs of equal entries: value x count, EOF's entry first. */
static void dump_table(int cp)
{
    int r = _setmbcp(cp), run = 1;

    printf("_setmbcp(%d) = %d, _getmbcp %d:", cp, r, _getmbcp());
    for (int i = 1; i <= 257; i++, run++) {
        if (i < 257 && ctype[i] == ctype[i - 1])
            continue;
        printf(" %x*%d", ctype[i - 1], run);
        run = 0;
    }
    printf("\n");
}

static void hex(const char *what, const unsigned char *b, int n)
{
    printf("%s:", what);
    for (int i = 0; i < n; i++)
        printf(" %02x", b[i]);
    printf("\n");
}

static void walk_936(void)
{
    const unsigned char *s = (const unsigned char *)"\xb0\xb1\xb2 \xb3\xb4 \xb5";
    const unsigned char *lead_nul = (const unsigned char *)"\xb0\0\xb1\xb2 \xb3";
    const unsigned char *s2 = (const unsigned char *)"\xb0\xb1\xb2\xb3Q\xb4\xb5";
    unsigned char buf[16];
    int copied, e;

    _setmbcp(936);
    for (int i = 0; i <= 8; i++)
        printf("[%d] lead %d trail %d btype %d\n", i, _ismbslead(s, s + i),
               _ismbstrail(s, s + i), _mbsbtype(s, i));
    for (int i = 0; i <= 5; i++)
        printf("lead_nul[%d] lead %d trail %d btype %d\n", i, _ismbslead(lead_nul, lead_nul + i),
               _ismbstrail(lead_nul, lead_nul + i), _mbsbtype(lead_nul, i));
    printf("nextc %x %x %x clen %d %d %d\n", _mbsnextc(s), _mbsnextc(s + 2), _mbsnextc(s + 3),
           (int)_mbclen(s), (int)_mbclen(s + 3), (int)_mbclen(lead_nul));
    printf("mbslen %d %d %d mbsnlen %d %d %d\n", (int)_mbslen(s), (int)_mbslen(s2),
           (int)_mbslen(lead_nul), (int)_mbsnlen(s, 8), (int)_mbsnlen(s, 9), (int)_mbsnlen(lead_nul, 2));
    printf("mbsninc %d %d %d mbsinc %d mbsdec %d %d\n", (int)(_mbsninc(s2, 3) - s2),
           (int)(_mbsninc(s2, 17) - s2), (int)(_mbsninc(lead_nul, 1) - lead_nul),
           (int)(_mbsinc(s + 2) - s), (int)(_mbsdec(s, s + 4) - s), (int)(_mbsdec(s, s + 7) - s));
    printf("mbsnbcnt %d mbsnccnt %d %d\n", (int)_mbsnbcnt(s2, 3), (int)_mbsnccnt(s2, 3),
           (int)_mbsnccnt(s2, 5));
    for (int n = 1; n <= 5; n++) {
        memset(buf, 0xff, sizeof(buf));
        _mbsncpy(buf, s, n);
        printf("_mbsncpy %d", n);
        hex("", buf, 10);
    }
    for (int n = 2; n <= 4; n++) {
        memset(buf, 0xff, sizeof(buf));
        _mbsnbcpy(buf, s2, n);
        printf("_mbsnbcpy %d", n);
        hex("", buf, 6);
    }
    memset(buf, 0xff, sizeof(buf));
    _mbsnbcpy(buf, lead_nul, 5);
    hex("_mbsnbcpy lead_nul 5", buf, 6);
    memset(buf, 0xff, sizeof(buf));
    e = _mbccpy_s(buf, 1, &copied, s);
    printf("_mbccpy_s size 1: %d copied %d buf %02x\n", e, copied, buf[0]);
    e = _mbccpy_s(buf, 2, &copied, (const unsigned char *)"\xb0");
    printf("_mbccpy_s lone lead: %d copied %d buf %02x\n", e, copied, buf[0]);
    memset(buf, 0xff, sizeof(buf));
    _mbccpy(buf, s);
    hex("_mbccpy", buf, 3);
}

static void span_932(void)
{
    const unsigned char *s = (const unsigned char *)" 2019\x94\x4e" "6\x8c\x8e" "29\x93\xfa";
    const unsigned char *set1 = (const unsigned char *)"0123456789 \x94\x4e";
    const unsigned char *set2 = (const unsigned char *)" \x94\x4e\x8c\x8e";
    const unsigned char *p;

    _setmbcp(932);
    printf("spn %d %d %d %d cspn %d %d\n", (int)_mbsspn(s, set1), (int)_mbsspn(s, set2),
           (int)_mbsspn(s + 8, set1), (int)_mbsspn(s + 8, set2), (int)_mbscspn(s + 8, set1),
           (int)_mbscspn(s, set2));
    p = _mbsspnp(s, set1);
    printf("spnp %d", p ? (int)(p - s) : -1);
    p = _mbspbrk(s, (const unsigned char *)"\x8c\x8e");
    printf(" pbrk %d\n", p ? (int)(p - s) : -1);
}

static void conversions(int cp)
{
    static const unsigned jis[] = { 0x2121, 0x2120, 0x255f, 0x2560, 0x2223, 0x7e7e, 0x7f7e, 0x2121ffff };
    static const unsigned jms[] = { 0x8140, 0x8180, 0x819f, 0x81fc, 0x81fd, 0x9ffc, 0xa040, 0xe040, 0xeffc, 0xf040 };
    static const unsigned kana[] = { 0x8340, 0x837e, 0x837f, 0x8380, 0x8393, 0x8394, 0x8396, 0x829f, 0x82dd, 0x82de, 0x82f1, 0xb0 };
    static const unsigned bytes[] = { 0x20, 0x39, 0x40, 0x41, 0x5e, 0x7e, 0x7f, 0xa1, 0xa7, 0xb0, 0xd1, 0xdf };
    static const unsigned wide[] = { 0x8140, 0x814f, 0x8197, 0x8258, 0x8260, 0x829f, 0x8340, 0x834b, 0x8396, 0x8397, 0x82f1 };

    _setmbcp(cp);
    printf("cp %d jistojms:", cp);
    for (size_t i = 0; i < sizeof(jis) / sizeof(jis[0]); i++)
        printf(" %x", _mbcjistojms(jis[i]));
    printf("\njmstojis:");
    for (size_t i = 0; i < sizeof(jms) / sizeof(jms[0]); i++)
        printf(" %x", _mbcjmstojis(jms[i]));
    printf("\nkana (hira kata iskata ishira):");
    for (size_t i = 0; i < sizeof(kana) / sizeof(kana[0]); i++)
        printf(" %x:%x,%x,%d,%d", kana[i], _mbctohira(kana[i]), _mbctokata(kana[i]),
               !!_ismbckata(kana[i]), !!_ismbchira(kana[i]));
    printf("\nmbbtombc:");
    for (size_t i = 0; i < sizeof(bytes) / sizeof(bytes[0]); i++)
        printf(" %x", _mbbtombc(bytes[i]));
    printf("\nmbctombb:");
    for (size_t i = 0; i < sizeof(wide) / sizeof(wide[0]); i++)
        printf(" %x", _mbctombb(wide[i]));
    printf("\nlegal %d %d %d l0 %d %d l1 %d %d l2 %d kana %d\n", !!_ismbclegal(0x8140),
           !!_ismbclegal(0x817f), !!_ismbclegal(0xa0a1), !!_ismbcl0(0x8140), !!_ismbcl0(0x817f),
           !!_ismbcl1(0x889f), !!_ismbcl1(0x88fd), !!_ismbcl2(0x989f), !!_ismbbkana(0xb1));
}

/* Case: trail bytes that look like ASCII letters stay as they are. */
static void case_mapping(void)
{
    unsigned char s932[] = "a\x82\x81\x83\x61z\x82\x60";
    unsigned char s936[] = "\xa2\xa1\xa2\xa2q\xa3\xc1";
    unsigned char small[4] = "abc";
    int e;

    _setmbcp(932);
    _mbsupr(s932);
    hex("932 _mbsupr", s932, 9);
    _mbslwr(s932);
    hex("932 _mbslwr", s932, 9);
    printf("932 _mbctoupper %x %x %x _mbctolower %x\n", _mbctoupper(0x8281), _mbctoupper('q'),
           _mbctoupper(0x83bf), _mbctolower(0x8260));
    _setmbcp(936);
    e = _mbsupr_s(s936, sizeof(s936));
    printf("936 _mbsupr_s %d", e);
    hex("", s936, 8);
    e = _mbslwr_s(s936, sizeof(s936));
    printf("936 _mbslwr_s %d", e);
    hex("", s936, 8);
    e = _mbsupr_s(small, 3);
    printf("_mbsupr_s unterminated %d %02x, (NULL, 0) %d\n", e, small[0], _mbsupr_s(NULL, 0));
    _setmbcp(1252);
    printf("1252 _mbctoupper %x %x _mbctolower %x %x\n", _mbctoupper(0xe9), _mbctoupper(0xff),
           _mbctolower(0xc9), _mbctolower(0x8a));
    _setmbcp(932);
    printf("932 _mbbtype:");
    for (unsigned c = 0x1f; c <= 0xe0; c += 0x21)
        printf(" %x:%d,%d", c, _mbbtype((unsigned char)c, 0), _mbbtype((unsigned char)c, 1));
    printf("\n");
}

int main(void)
{
    static const int cps[] = { 932, 936, 949, 950, 1361, 0 };
    static const unsigned char latin1[] = { 'A', 'z', '5', 0x8a, 0x9a, 0x9f, 0xc0, 0xd7, 0xe9, 0xf7, 0xff };
    int r;

    ctype = (unsigned char *)GetProcAddress(GetModuleHandleA("msvcrt.dll"), "_mbctype");
    printf("initial _getmbcp %d\n", _getmbcp());
    errno = 0;
    r = _setmbcp(939);
    printf("_setmbcp(939) = %d errno %d, _getmbcp %d\n", r, errno, _getmbcp());
    for (size_t i = 0; i < sizeof(cps) / sizeof(cps[0]); i++)
        dump_table(cps[i]);
    printf("_setmbcp(1252) = %d:", _setmbcp(1252));
    for (size_t i = 0; i < sizeof(latin1); i++)
        printf(" %x:%x", latin1[i], ctype[latin1[i] + 1]);
    printf("\n");
    _setmbcp(936);
    printf("936 lead %d %d %d trail %d %d\n", _ismbblead(0xec), _ismbblead(' '),
           _ismbblead(0x1234b0), _ismbbtrail(0xb0), _ismbbtrail(' '));
    walk_936();
    span_932();
    conversions(932);
    conversions(936);
    case_mapping();
    return 0;
}
