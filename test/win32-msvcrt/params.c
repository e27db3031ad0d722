/* Documented parameter checks (invalid parameter: errno EINVAL and the
 * documented result), and case conversion that leaves characters already
 * in case untouched (so a read-only string survives). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <search.h>
#include <errno.h>
#include <limits.h>
#include <wctype.h>
#include <mbstring.h>
#include <windows.h>

static void quiet(const wchar_t *e, const wchar_t *f, const wchar_t *file,
                  unsigned line, uintptr_t r)
{
}

static int cmp_ctx(void *ctx, const void *a, const void *b)
{
    return *(const int *)a - *(const int *)b;
}

int main(void)
{
    static const int v[] = { 5, 7, 9 };
    static const char lower[] = "already lowercase";
    unsigned n = 3;
    int key = 9, r;
    size_t z;
    void *p;
    char buf[32];

    _set_invalid_parameter_handler(quiet);
    errno = 0;
    z = strxfrm(NULL, "src", 1);
    printf("strxfrm(NULL, src, 1) = %s errno=%d\n", z == INT_MAX ? "INT_MAX" : "?", errno);
    errno = 0;
    z = strxfrm(buf, NULL, 10);
    printf("strxfrm(buf, NULL, 10) = %s errno=%d\n", z == INT_MAX ? "INT_MAX" : "?", errno);
    z = strxfrm(NULL, "src", 0);
    printf("strxfrm(NULL, src, 0) = %d\n", (int)z);

    errno = 0;
    p = _lfind_s(NULL, v, &n, sizeof(int), cmp_ctx, NULL);
    printf("_lfind_s(NULL key) = %p errno=%d\n", p, errno);
    errno = 0;
    p = _lfind_s(&key, v, &n, 0, cmp_ctx, NULL);
    printf("_lfind_s(width 0) = %p errno=%d\n", p, errno);
    p = _lfind_s(&key, v, &n, sizeof(int), cmp_ctx, NULL);
    printf("_lfind_s(9) = index %d\n", (int)((const int *)p - v));

    errno = 0;
    r = _mbscmp(NULL, (const unsigned char *)"a");
    printf("_mbscmp(NULL, a) = %s errno=%d\n", r == INT_MAX ? "INT_MAX" : "?", errno);
    printf("_mbscmp(a, b) = %d, _mbsncmp(NULL, NULL, 0) = %d\n",
           _mbscmp((const unsigned char *)"a", (const unsigned char *)"b"), _mbsncmp(NULL, NULL, 0));
    errno = 0;
    r = _memicmp("abc", NULL, 1);
    printf("_memicmp(abc, NULL, 1) = %s errno=%d, _memicmp(NULL, NULL, 0) = %d\n",
           r == INT_MAX ? "INT_MAX" : "?", errno, _memicmp(NULL, NULL, 0));
    printf("_strlwr(read-only, lower) = %s\n", _strlwr((char *)lower));
    strcpy(buf, "MiXeD");
    printf("_strupr = %s\n", _strupr(buf));
    printf("_strlwr = %s\n", _strlwr(buf));

    printf("iswalpha('A')=%x iswalpha(0xe9)=%x iswalnum('5')=%x iswprint(' ')=%x iswgraph('!')=%x\n",
           iswalpha('A'), iswalpha(0xe9), iswalnum('5'), iswprint(' '), iswgraph('!'));
    printf("iswctype('\\t', 0xffff)=%x iswctype(0xb2, 0xffff)=%x\n", iswctype('\t', 0xffff), iswctype(0xb2, 0xffff));
    fflush(stdout);
    /* Documented (invalid parameter, EOF, EINVAL); Wine 8 crashes here. */
    errno = 0;
    r = fputs("x", NULL);
    printf("fputs(NULL stream) = %d errno=%d\n", r, errno);
    return 0;
}
