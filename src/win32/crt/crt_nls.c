/* msvcrt's __crt* forms of kernel32's NLS functions, which the CRT's own
 * locale code once called through: the first argument is reserved. */
#include "crt_internal.h"

CRTAPI int __crtGetStringTypeW(unsigned long reserved, unsigned long type, const wchar *s,
                               int n, unsigned short *out)
{
    return GetStringTypeW(type, s, n, out);
}
