/* towupper/towlower of msvcrt and ucrtbase: in the "C" locale, the only
 * locale here, the CRT changes the case of A-Z and a-z alone (ntdll's
 * exports follow its Unicode table: ntdll/rtl/casemap.c). */
#include "crt.h"

CRTAPI wint towupper(wint c) { return crt_c_wupper(c); }
CRTAPI wint towlower(wint c) { return crt_c_wlower(c); }
