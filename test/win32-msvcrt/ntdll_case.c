/* ntdll's C library case functions: towlower changes A-Z and the Latin-1
 * capitals, towupper is RtlUpcaseUnicodeChar, and the string functions
 * (_wcslwr, _wcsupr, _wcsicmp, _wcsnicmp) fold ASCII alone; tolower and
 * toupper look at the low byte, toupper as an ANSI (code page 1252)
 * character. */
#include <stdio.h>
#include <windows.h>

typedef unsigned short (__cdecl *case_fn)(unsigned short);
typedef WCHAR (WINAPI *rtl_case_fn)(WCHAR);
typedef wchar_t *(__cdecl *str_fn)(wchar_t *);
typedef int (__cdecl *cmp_fn)(const wchar_t *, const wchar_t *);
typedef int (__cdecl *ncmp_fn)(const wchar_t *, const wchar_t *, size_t);

/* Prints the ranges of code units that f(c) != c. */
static void changed(const char *name, unsigned (*f)(void *, unsigned), void *fn)
{
    int start = -1, n = 0;

    printf("%-9s changes:", name);
    for (unsigned c = 0; c <= 0x10000; c++) {
        int ch = c < 0x10000 && f(fn, c) != c;
        if (ch && start < 0)
            start = (int)c;
        if (!ch && start >= 0) {
            printf(" %04x-%04x", start, c - 1);
            start = -1;
        }
        n += ch;
    }
    printf(" (%d)\n", n);
}

static unsigned call_case(void *fn, unsigned c) { return ((case_fn)fn)((unsigned short)c); }

static unsigned call_str(void *fn, unsigned c)
{
    wchar_t s[2] = { (wchar_t)c, 0 };

    ((str_fn)fn)(s);
    return s[0];
}

static int sign(int v) { return (v > 0) - (v < 0); }

int main(void)
{
    HMODULE nt = GetModuleHandleA("ntdll.dll");
    case_fn up = (case_fn)GetProcAddress(nt, "towupper");
    rtl_case_fn rtl_up = (rtl_case_fn)GetProcAddress(nt, "RtlUpcaseUnicodeChar");
    cmp_fn icmp = (cmp_fn)GetProcAddress(nt, "_wcsicmp");
    ncmp_fn nicmp = (ncmp_fn)GetProcAddress(nt, "_wcsnicmp");
    int bad = 0;

    changed("towlower", call_case, (void *)GetProcAddress(nt, "towlower"));
    changed("_wcslwr", call_str, (void *)GetProcAddress(nt, "_wcslwr"));
    changed("_wcsupr", call_str, (void *)GetProcAddress(nt, "_wcsupr"));
    for (unsigned c = 0; c < 0x10000; c++)
        bad += up((unsigned short)c) != rtl_up((WCHAR)c);
    printf("towupper != RtlUpcaseUnicodeChar: %d\n", bad);
    bad = 0;
    for (unsigned i = 1; i < 0x300; i++)
        for (unsigned j = 1; j < 0x300; j++) {
            wchar_t a[2] = { (wchar_t)i, 0 }, b[2] = { (wchar_t)j, 0 };
            int la = i >= 'A' && i <= 'Z' ? i + 32 : i, lb = j >= 'A' && j <= 'Z' ? j + 32 : j;
            bad += sign(icmp(a, b)) != sign(la - lb) || sign(nicmp(a, b, 2)) != sign(la - lb);
        }
    printf("_wcsicmp/_wcsnicmp not ASCII folding: %d\n", bad);
    printf("towupper(e9)=%04x towupper(3b1)=%04x\n", up(0xe9), up(0x3b1));
    {
        typedef int (__cdecl *int_fn)(int);
        int_fn lo = (int_fn)GetProcAddress(nt, "tolower"), hi = (int_fn)GetProcAddress(nt, "toupper");
        static const int v[] = { 'A', 'z', 0x141, -191, 0x2f6a, 0xe9, 0x1e0, -1, 0x5b };
        for (unsigned i = 0; i < sizeof(v) / sizeof(v[0]); i++)
            printf("tolower(%d)=%d toupper(%d)=%d\n", v[i], lo(v[i]), v[i], hi(v[i]));
    }
    {
        typedef int (__cdecl *cls_fn)(unsigned short);
        typedef int (__cdecl *type_fn)(unsigned short, unsigned short);
        cls_fn alpha = (cls_fn)GetProcAddress(nt, "iswalpha");
        type_fn type = (type_fn)GetProcAddress(nt, "iswctype");
        printf("ntdll iswalpha: 'a'=%x 0xc0=%x 0x100=%x 0x3b1=%x; iswctype(9)=%x iswctype(0xaa)=%x\n",
               alpha('a'), alpha(0xc0), alpha(0x100), alpha(0x3b1), type(9, 0xffff), type(0xaa, 0xffff));
    }
    {
        typedef WCHAR (WINAPI *a2u_fn)(char **);
        a2u_fn a2u = (a2u_fn)GetProcAddress(nt, "RtlAnsiCharToUnicodeChar");
        char text[] = "\x80\xe9z", *p = text;
        for (int i = 0; i < 3; i++) {
            WCHAR w = a2u(&p);
            printf("RtlAnsiCharToUnicodeChar: %04x, moved %d\n", w, (int)(p - text));
        }
    }
    return 0;
}
