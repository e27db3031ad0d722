/* The C runtime's pure part: what needs no operating system (strings,
 * conversions, the printf and scanf engines, math), shared by msvcrt,
 * ucrtbase and ntdll.  We cannot include mingw's <stdio.h> and friends:
 * they declare these same functions dllimport.  Layouts and constants
 * follow the public CRT headers.  The runtime part: crt_internal.h. */
#ifndef LSW_CRT_H
#define LSW_CRT_H

#include <stdint.h>
#include <stdarg.h>
#include <limits.h>
#include "crt_types.h"

/* What a DLL exports is its spec's business (the .def made from it): the
 * shared sources mark exported functions and data only for the reader. */
#define CRTAPI
#define CRTDATA

typedef unsigned short wchar;   /* wchar_t is 16-bit on Windows */
typedef unsigned short wint;

#define EOF (-1)
#define WEOF ((wint)0xFFFF)

/* errno values, as in the public <errno.h> */
#define EPERM 1
#define ENOENT 2
#define ESRCH 3
#define EINTR 4
#define EIO 5
#define ENXIO 6
#define E2BIG 7
#define ENOEXEC 8
#define EBADF 9
#define ECHILD 10
#define EAGAIN 11
#define ENOMEM 12
#define EACCES 13
#define EFAULT 14
#define EBUSY 16
#define EEXIST 17
#define EXDEV 18
#define ENODEV 19
#define ENOTDIR 20
#define EISDIR 21
#define EINVAL 22
#define ENFILE 23
#define EMFILE 24
#define ENOTTY 25
#define EFBIG 27
#define ENOSPC 28
#define ESPIPE 29
#define EROFS 30
#define EMLINK 31
#define EPIPE 32
#define EDOM 33
#define ERANGE 34
#define EDEADLK 36
#define ENAMETOOLONG 38
#define ENOLCK 39
#define ENOSYS 40
#define ENOTEMPTY 41
#define EILSEQ 42

/* ---- what each DLL provides ---- */
void crt_set_errno(int e);
/* An invalid argument to a function that documents the invalid parameter
 * handler: each DLL decides what that does (msvcrt: the handler, if the
 * program set one; ucrtbase: the handler or the end of the process). */
void crt_invalid_parameter(void);

/* ---- strings ---- */
CRTAPI void *memcpy(void *, const void *, size_t);
CRTAPI void *memmove(void *, const void *, size_t);
CRTAPI void *memset(void *, int, size_t);
CRTAPI int memcmp(const void *, const void *, size_t);
CRTAPI void *memchr(const void *, int, size_t);
CRTAPI size_t strlen(const char *);
CRTAPI size_t strnlen(const char *, size_t);
CRTAPI size_t strspn(const char *, const char *);
CRTAPI int strcmp(const char *, const char *);
CRTAPI int strncmp(const char *, const char *, size_t);
CRTAPI char *strchr(const char *, int);
CRTAPI int _strnicmp(const char *, const char *, size_t);
CRTAPI size_t wcslen(const wchar *);
CRTAPI wchar *wcschr(const wchar *, wchar);
CRTAPI int _wcsnicmp(const wchar *, const wchar *, size_t);
CRTAPI int wcscmp(const wchar *, const wchar *);
CRTAPI wint towlower(wint);
CRTAPI wint towupper(wint);
/* The "C" locale's case of a wide character: A-Z and a-z alone (the
 * string functions use these, so ntdll's Unicode towlower stays its own). */
static inline wint crt_c_wlower(wint c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
static inline wint crt_c_wupper(wint c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }
CRTAPI int tolower(int);
CRTAPI int toupper(int);
CRTAPI int isspace(int);
CRTAPI int isdigit(int);
CRTAPI int iswspace(wint);
int crt_wdigit_value(wint c);   /* 0-9 for a decimal digit (any script), else -1 */

/* ---- formatted output ---- */
/* The body of a variadic entry point over its va_list form; the
 * arguments follow `last` (VA_WRAP: after `fmt`). */
#define VA_WRAP_FROM(last, call) \
    va_list ap;       \
    int r;            \
    va_start(ap, last);\
    r = call;         \
    va_end(ap);       \
    return r
#define VA_WRAP(call) VA_WRAP_FROM(fmt, call)


/* How the engine formats, where the runtimes differ.  0 is msvcrt.dll's
 * way; the UCRT's __stdio_common_* callers pick their options from the
 * caller's _CRT_INTERNAL_PRINTF_* bits (ucrtbase/stdio_common.c). */
#define FMTO_EXP2 0x01          /* exponents of at least 2 digits, not 3 */
#define FMTO_C99_SPECIAL 0x02   /* "inf", "nan", "-nan(ind)", not "1.#INF" */
#define FMTO_ROUND_EVEN 0x04    /* exact decimal ties round to even */
#define FMTO_WIDE_STD 0x08      /* wide format: %s %c narrow, as C says */
#define FMTO_COUNT_N 0x10       /* %n stores the count (else refused) */
#define FMTO_NO_N 0x20          /* %n is an invalid parameter (UCRT) */
#define FMTO_POSITIONAL 0x40    /* %N$ and *N$ name arguments (the _p forms) */
#define FMTO_UCRT 0x80          /* the UCRT's rules, not msvcrt's: see printf_core.c */

struct fmt_out {
    /* Receives narrow text (narrow sink) or is asked to widen it. */
    int (*put)(struct fmt_out *, const char *, size_t);
    int (*putw)(struct fmt_out *, const wchar *, size_t);
    size_t total;       /* characters produced, including truncated ones */
    int error;
    unsigned opts;      /* FMTO_* */
};
int fmt_core(struct fmt_out *o, const void *fmt, int wide_fmt, va_list ap);
/* Float conversion: writes the text of `v` formatted per conv into buf. */
struct fmt_spec {
    int flags;
    int width;
    int prec;           /* -1 if none */
    char conv;
    unsigned opts;      /* the engine's FMTO_* */
};
#define FMT_LEFT 0x01
#define FMT_PLUS 0x02
#define FMT_SPACE 0x04
#define FMT_ALT 0x08
#define FMT_ZERO 0x10
int fmt_float(char *buf, size_t cap, double v, const struct fmt_spec *s);
#define FMT_FLOAT_BUF 1600

/* ---- big integers for exact float conversion ---- */
/* 20480 bits: strtod divides 800-digit numbers by powers of ten down to
 * the 80-bit long double's smallest denormal (10^-4951). */
#define BIG_WORDS 640
struct big {
    int n;               /* words in use */
    uint32_t w[BIG_WORDS];
};
void big_set(struct big *b, uint64_t v);
void big_copy(struct big *dst, const struct big *src);
void big_mul_small(struct big *b, uint32_t m);
void big_add_small(struct big *b, uint32_t a);
uint32_t big_div_small(struct big *b, uint32_t d);
void big_shl(struct big *b, int bits);
int big_cmp(const struct big *a, const struct big *b);
void big_sub(struct big *a, const struct big *b);   /* a -= b, a >= b */
int big_bits(const struct big *b);
int big_is_zero(const struct big *b);

/* ---- the multibyte code page (_setmbcp) ---- */
/* _mbctype's bits: single-byte symbol and punctuation (code page 932's
 * kana), lead and trail bytes, single-byte upper and lower case. */
#define MBT_MS 0x01
#define MBT_MP 0x02
#define MBT_LEAD 0x04
#define MBT_TRAIL 0x08
#define MBT_UPPER 0x10
#define MBT_LOWER 0x20
extern unsigned char _mbctype[257];     /* [0] is EOF's entry */
extern unsigned char _mbcasemap[256];
extern int crt_mbcp;                    /* _getmbcp(); 0 for none */
/* Fills the tables for cp: lead and trail bytes if it is one of the
 * double-byte pages, ASCII letters' case (none for cp 0). */
void crt_mbcp_fill(int cp);
int crt_mbcp_is_dbcs(int cp);
static inline int crt_mb_lead(unsigned c) { return _mbctype[(c & 0xFF) + 1] & MBT_LEAD; }
static inline int crt_mb_trail(unsigned c) { return _mbctype[(c & 0xFF) + 1] & MBT_TRAIL; }

/* ---- conversions ---- */
/* A binary floating-point format: significand bits, normal exponent
 * range, and decimal exponents past which a number is surely out of it. */
struct fp_fmt {
    int mant, emin, emax;
    long dec_max, dec_min;
};
#define FP_UNDERFLOW 1
#define FP_OVERFLOW 2
/* A rounded value: (-1)^neg * m * 2^e2; range FP_OVERFLOW means infinity,
 * FP_UNDERFLOW a non-zero number that rounded to zero. */
struct fp_result {
    uint64_t m;
    int e2, neg, range;
};
extern const struct fp_fmt crt_fp_double, crt_fp_float, crt_fp_ldouble;
size_t crt_parse_fp(const char *s, const struct fp_fmt *f, struct fp_result *r);
double crt_fp_to_double(const struct fp_result *r);
double crt_strtod(const char *s, char **end, int *range_err);
CRTAPI double ucrt_strtod(const char *s, char **end);     /* C99 syntax */
int crt_wide_to_narrow(char *dst, wchar c);   /* C locale; -1 if unmappable */
/* In the locale's code page: the bytes (dst holds 4), or -1 if unmappable. */
int crt_wide_to_mb(char *dst, wchar c);
/* The multibyte conversions of mbcs.c in a named locale's code page (NULL:
 * the "C" locale; msvcrt's and ucrtbase's setlocale sets them, ntdll never):
 * one character's bytes (at most n) to *wc: its length, 0 for the NUL,
 * -1 invalid, -2 cut short (lenient: an undefined pair is the default
 * character, as mbrtowc has it); and a character's bytes (MB_CUR_MAX
 * room), -1 when the code page has none. */
extern int (*crt_mb_decode)(const char *s, size_t n, wchar *wc, int lenient);
extern int (*crt_mb_encode)(char *dst, wchar wc);
extern int (*crt_mb_is_c)(void);   /* set with them: is the thread's LC_CTYPE "C"? */
/* A named locale's case of the bytes (LC_CTYPE; NULL: the "C" locale's
 * A-Z/a-z) for toupper/tolower, and its collation (LC_COLLATE; NULL: the
 * plain comparison) for strcoll and friends: a and b (na, nb units, -1 up
 * to the NUL), NORM_IGNORECASE when icase; <0, 0, >0, or INT_MAX with
 * EINVAL.  msvcrt's and ucrtbase's setlocale set them; ntdll's stay NULL. */
extern const unsigned char *crt_upper_map, *crt_lower_map;
extern int (*crt_collate)(const void *a, int na, const void *b, int nb, int wide, int icase);
/* strxfrm/wcsxfrm in a named LC_COLLATE (NULL: the identity): the sort
 * key's length without its NUL, written when it fits in n units. */
extern size_t (*crt_transform)(void *dst, const void *src, size_t n, int wide);
extern char crt_decimal_point;     /* fmt_float.c: the decimal point printf writes, strtod and scanf read */

/* ---- formatted input ---- */
/* Options, as for printf: 0 is msvcrt's way. */
#define SCANO_SECURE 0x01       /* scanf_s: %c %s %[ take a buffer size */
#define SCANO_WIDE_STD 0x02     /* wide format: %s %c narrow, as C says */
#define SCANO_C99 0x04          /* %f reads INF, NAN and hexadecimal (UCRT) */
#define SCANO_NO_FLOAT 0x08     /* ntdll's: %e %f %g %a match nothing */

struct scan_in {
    int (*get)(struct scan_in *);   /* next char or EOF */
    void (*unget)(struct scan_in *, int c);
    void *ctx;
    const unsigned char *s;         /* string sources */
    const wchar *ws;
    int wide;                       /* source yields wide chars */
    size_t consumed;
    size_t left;                    /* string sources: characters left */
    unsigned opts;                  /* SCANO_* */
};
int scan_core(struct scan_in *in, const void *fmt, int wide_fmt, va_list ap);
/* A string source of at most n characters ((size_t)-1: up to its NUL). */
int crt_scan_string(const void *s, size_t n, int wide, unsigned opts,
                    const void *fmt, va_list ap);

#endif
