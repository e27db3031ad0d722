/* qsort, bsearch, rand, div, ctype and string functions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <ctype.h>
#include <wchar.h>
#include <errno.h>
#include <stdint.h>
#include <malloc.h>

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

int main(void)
{
    int v[50], key = 37;
    for (int i = 0; i < 50; i++)
        v[i] = (i * 37) % 101;
    qsort(v, 50, sizeof(int), cmp_int);
    for (int i = 0; i < 50; i++)
        printf("%d%c", v[i], i == 49 ? '\n' : ' ');
    int *p = bsearch(&key, v, 50, sizeof(int), cmp_int);
    printf("bsearch 37 -> index %d\n", p ? (int)(p - v) : -1);
    srand(1);
    printf("rand:");
    for (int i = 0; i < 5; i++)
        printf(" %d", rand());
    srand(12345);
    printf(" | %d %d\n", rand(), rand());
    div_t d = div(-7, 2);
    ldiv_t ld = ldiv(7L, -2L);
    printf("div %d %d ldiv %ld %ld abs %d labs %ld\n", d.quot, d.rem, ld.quot, ld.rem, abs(-3), labs(-4L));

    printf("ctype:");
    for (int c = 0; c < 128; c += 9)
        printf(" %02x:%d%d%d%d%d%d%d%d%d", c, !!isalpha(c), !!isdigit(c), !!isspace(c),
               !!ispunct(c), !!isupper(c), !!islower(c), !!isxdigit(c), !!iscntrl(c), !!isprint(c));
    printf("\ntoupper %c%c tolower %c%c\n", toupper('a'), toupper('1'), tolower('Z'), tolower('['));
    printf("isblank tab %d\n", !!isblank('\t'));

    char buf[64] = "Hello, World";
    printf("strchr %s strrchr %s strstr %s\n", strchr(buf, 'o'), strrchr(buf, 'o'), strstr(buf, "Wor"));
    printf("strcmp %d %d %d strncmp %d\n", strcmp("a", "b") < 0, strcmp("b", "a") > 0, strcmp("x", "x"),
           strncmp("abcd", "abce", 3));
    printf("_stricmp %d _strnicmp %d\n", _stricmp("HeLLo", "hello"), _strnicmp("ABCx", "abcy", 3));
    printf("strspn %u strcspn %u strpbrk %s\n", (unsigned)strspn("aabbc", "ab"),
           (unsigned)strcspn("hello", "lo"), strpbrk("hello", "ol"));
    char t[] = "a,b,,c";
    printf("strtok:");
    for (char *tok = strtok(t, ","); tok; tok = strtok(NULL, ","))
        printf(" [%s]", tok);
    printf("\n_strrev %s _strupr %s _strlwr %s\n", _strrev(strcpy(buf, "abc")),
           _strupr(strcpy(buf + 10, "mIx")), _strlwr(strcpy(buf + 20, "MiX")));
    char *dup = _strdup("dup");
    printf("_strdup %s memcmp %d\n", dup, memcmp("ab", "ac", 2) < 0);
    free(dup);
    wchar_t w[32];
    wcscpy(w, L"wide");
    wcscat(w, L"str");
    printf("wcslen %u wcscmp %d wcschr %ls _wcsicmp %d\n", (unsigned)wcslen(w), wcscmp(w, L"widestr"),
           wcschr(w, L's'), _wcsicmp(L"ABC", L"abc"));
    size_t n = mbstowcs(w, "multi", 32);
    char nb[32];
    size_t m = wcstombs(nb, w, 32);
    printf("mbstowcs %u wcstombs %u [%s]\n", (unsigned)n, (unsigned)m, nb);
    /* Alignment 0 passes the runtimes' power-of-two test: a pointer's. */
    void *al = _aligned_malloc(256, 0), *al3;
    errno = 0;
    al3 = _aligned_malloc(256, 3);
    printf("_aligned_malloc(256, 0) %s, aligned %d; (256, 3) %s errno %d\n", al ? "ok" : "NULL",
           al && !((uintptr_t)al & 7), al3 ? "ok" : "NULL", errno);
    _aligned_free(al);
    /* The case forms clear the first character even of a size-0 buffer. */
    char cb[4] = "ab";
    wchar_t wcb[4] = L"ab";
    int e1 = _strupr_s(cb, 0), e2 = _wcslwr_s(wcb, 0);
    printf("_strupr_s(size 0) %d [%s], _wcslwr_s(size 0) %d [%ls]\n", e1, cb, e2, wcb);
    return 0;
}
