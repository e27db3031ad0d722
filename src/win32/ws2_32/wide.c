/* Names here are ASCII (numbers, "localhost", the computer name): wide
 * strings are narrowed character by character, anything else becoming
 * '?', which no name matches. */
#include "ws_private.h"

char *ws_narrow(const WCHAR *w)
{
	size_t n = 0;
	char *a;

	if (!w)
		return NULL;
	while (w[n])
		n++;
	if (!(a = ws_alloc(n + 1)))
		return NULL;
	for (size_t i = 0; i < n; i++)
		a[i] = w[i] < 0x80 ? (char)w[i] : '?';
	return a;
}

void ws_widen(const char *a, WCHAR *w)
{
	while ((*w++ = (unsigned char)*a++))
		;
}
