/* A-function helpers of the NLS calls: results and arguments converted
 * with a given code page (the locale's, or CP_ACP). */
#include "k32_nls.h"

int k32_w_result_to_a(UINT cp, const WCHAR *w, int wlen, char *a, int size)
{
	int n = WideCharToMultiByte(cp, 0, w, wlen, NULL, 0, NULL, NULL);
	char *tmp;

	if (!n || !size)
		return n;
	if (size >= n)
		return WideCharToMultiByte(cp, 0, w, wlen, a, size, NULL, NULL);
	/* Too small: Windows fills what fits (programs rely on it). */
	if ((tmp = RtlAllocateHeap(k32_heap(), 0, (SIZE_T)n))) {
		WideCharToMultiByte(cp, 0, w, wlen, tmp, n, NULL, NULL);
		memcpy(a, tmp, (SIZE_T)size);
		k32_free(tmp);
	}
	return k32_error(ERROR_INSUFFICIENT_BUFFER);
}

WCHAR *k32_a_arg(UINT cp, const char *a, int n, int *len)
{
	int wn;
	WCHAR *w;

	if (n < 0)
		n = (int)strlen(a);
	wn = n ? MultiByteToWideChar(cp, 0, a, n, NULL, 0) : 0;
	if (!(w = RtlAllocateHeap(k32_heap(), 0, (SIZE_T)(wn + 1) * sizeof(WCHAR)))) {
		k32_error(ERROR_NOT_ENOUGH_MEMORY);
		return NULL;
	}
	if (wn)
		MultiByteToWideChar(cp, 0, a, n, w, wn);
	w[wn] = 0;
	if (len)
		*len = wn;
	return w;
}
