/* msvcrt's printf variants: numbered arguments (_p), the locale forms
 * (_l, "C" locale only), the _c forms that cut and terminate. */
#include <stdio.h>
#include <stdarg.h>
#include <stdlib.h>
#include <errno.h>
#include <wchar.h>
#include <string.h>
#include <windows.h>

typedef int (__cdecl *vsp_fn)(char *, size_t, const char *, va_list);
typedef int (__cdecl *vswl_fn)(wchar_t *, const wchar_t *, void *, va_list);
typedef int (__cdecl *vswc_fn)(wchar_t *, size_t, const wchar_t *, va_list);
typedef int (__cdecl *vswcl_fn)(wchar_t *, size_t, const wchar_t *, void *, va_list);
typedef int (__cdecl *vscpl_fn)(const char *, void *, va_list);
typedef int (__cdecl *fpp_fn)(FILE *, const char *, ...);

static HMODULE crt;

static void quiet(const wchar_t *e, const wchar_t *f, const wchar_t *file,
                  unsigned line, uintptr_t r)
{
}

static void sp(const char *fmt, ...)
{
    vsp_fn f = (vsp_fn)GetProcAddress(crt, "_vsprintf_p");
    char buf[64] = "untouched";
    va_list ap;
    int r;

    va_start(ap, fmt);
    errno = 0;
    r = f(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    printf("_vsprintf_p(\"%s\") = %d [%s] errno=%d\n", fmt, r, r < 0 ? "" : buf, errno);
}

static void sp_small(size_t n, const char *fmt, ...)
{
    vsp_fn f = (vsp_fn)GetProcAddress(crt, "_vsprintf_p");
    char buf[16];
    va_list ap;
    int r;

    va_start(ap, fmt);
    r = f(buf, n, fmt, ap);
    va_end(ap);
    printf("_vsprintf_p(%u, \"%s\") = %d [%s]\n", (unsigned)n, fmt, r, buf);
}

static void swl(const wchar_t *fmt, ...)
{
    vswl_fn f = (vswl_fn)GetProcAddress(crt, "_vswprintf_l");
    wchar_t buf[64];
    va_list ap;
    int r;

    va_start(ap, fmt);
    r = f(buf, fmt, NULL, ap);
    va_end(ap);
    printf("_vswprintf_l = %d [%ls]\n", r, buf);
}

static void swc(const char *name, size_t n, const wchar_t *fmt, ...)
{
    wchar_t buf[32];
    va_list ap;
    int r;

    for (int i = 0; i < 32; i++)
        buf[i] = 'x';
    va_start(ap, fmt);
    if (name[strlen(name) - 1] == 'l')   /* the _l forms take a locale */
        r = ((vswcl_fn)GetProcAddress(crt, name))(buf, n, fmt, NULL, ap);
    else
        r = ((vswc_fn)GetProcAddress(crt, name))(buf, n, fmt, ap);
    va_end(ap);
    buf[31] = 0;
    printf("%s(%u) = %d [%ls]\n", name, (unsigned)n, r, buf);
}

static void scp(const char *fmt, ...)
{
    vscpl_fn f = (vscpl_fn)GetProcAddress(crt, "_vscprintf_p_l");
    va_list ap;
    int r;

    va_start(ap, fmt);
    r = f(fmt, NULL, ap);
    va_end(ap);
    printf("_vscprintf_p_l(\"%s\") = %d\n", fmt, r);
}

int main(void)
{
    fpp_fn fpp;

    crt = GetModuleHandleA("msvcrt.dll");
    _set_invalid_parameter_handler(quiet);
    sp("%s %d", "test", 1234);
    sp("%1$d", 1234, "additional param");
    sp("%2$s %1$d", 1234, "test");
    sp("%2$*3$s %2$.*1$s", 2, "test", 3);
    sp("%3$.2f|%1$c|%2$05x|%%", 'q', 255, 2.5);
    sp("%1$lld %1$lld", 1LL << 40);
    sp("%d %1$d", 1234);            /* mixed: an invalid parameter */
    sp("%1$d %d", 1234);
    swl(L"%s %d", L"number", 123);
    swc("_vswprintf_c", 20, L"%s %d", L"number", 123);
    swc("_vswprintf_c", 10, L"%s %d", L"number", 123);
    swc("_vswprintf_c", 11, L"%s %d", L"number", 123);
    swc("_vswprintf_c_l", 20, L"%s %d", L"number", 123);
    swc("_vswprintf_p_l", 20, L"%2$d %1$s", L"number", 123);
    scp("%2$s%1$d", 77, "abc");
    fpp = (fpp_fn)GetProcAddress(crt, "_fprintf_p");
    printf("_fprintf_p = %d\n", fpp(stdout, "[%2$s|%1$3d]\n", 5, "five"));
    printf("_sprintf_l = %d\n", _sprintf_l((char[32]){0}, "%d", NULL, 42));
    return 0;
}
