/* The multibyte conversions' _l forms: the plain conversion (mbcs.c) run
 * in the locale object's LC_CTYPE code page; a NULL object is the current
 * locale. */
#include "crt_locale.h"

/* mbcs.c */
CRTAPI int mblen(const char *s, size_t n);
CRTAPI int mbtowc(wchar *wc, const char *s, size_t n);
CRTAPI int wctomb(char *s, wchar wc);
CRTAPI size_t mbstowcs(wchar *dst, const char *src, size_t n);
CRTAPI size_t wcstombs(char *dst, const wchar *src, size_t n);
CRTAPI int mbstowcs_s(size_t *ret, wchar *dst, size_t size, const char *src, size_t n);
CRTAPI int wcstombs_s(size_t *ret, char *dst, size_t size, const wchar *src, size_t n);

#define CONVERSION_L(type, name, params, args)                              \
    CRTAPI type _##name##_l params                                          \
    {                                                                       \
        const struct crt_locinfo *saved = crt_conversion_enter(l);          \
        type r = name args;                                                 \
        crt_conversion_leave(l, saved);                                     \
        return r;                                                           \
    }

CONVERSION_L(int, mblen, (const char *s, size_t n, struct locale_object *l), (s, n))
CONVERSION_L(int, mbtowc, (wchar *wc, const char *s, size_t n, struct locale_object *l),
             (wc, s, n))
CONVERSION_L(int, wctomb, (char *s, wchar wc, struct locale_object *l), (s, wc))
CONVERSION_L(size_t, mbstowcs, (wchar *dst, const char *src, size_t n, struct locale_object *l),
             (dst, src, n))
CONVERSION_L(size_t, wcstombs, (char *dst, const wchar *src, size_t n, struct locale_object *l),
             (dst, src, n))
CONVERSION_L(int, mbstowcs_s, (size_t *ret, wchar *dst, size_t size, const char *src,
                               size_t n, struct locale_object *l), (ret, dst, size, src, n))
CONVERSION_L(int, wcstombs_s, (size_t *ret, char *dst, size_t size, const wchar *src,
                               size_t n, struct locale_object *l), (ret, dst, size, src, n))
