/* shell32's A entry points: W results in the ANSI code page. */
#include "shell32_private.h"

void sh_w_to_a(const WCHAR *w, char *a, int size)
{
	if (!WideCharToMultiByte(CP_ACP, 0, w, -1, a, size, NULL, NULL))
		a[0] = 0;
}
