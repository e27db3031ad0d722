/* towupper/towlower of msvcrt and ucrtbase: in the "C" locale, the only
 * locale here, the CRT changes the case of A-Z and a-z alone (ntdll's
 * exports use the Unicode table of wcase.c instead). */
#include "crt.h"

CRTAPI wint towupper(wint c) { return c >= 'a' && c <= 'z' ? c - 32 : c; }
CRTAPI wint towlower(wint c) { return c >= 'A' && c <= 'Z' ? c + 32 : c; }
