/* Helpers shared by the IPv4 and IPv6 string functions (ip_string.h). */
#include "ip_string.h"

BOOL ip_parse_number(const struct ip_text *t, SIZE_T *pos, unsigned base,
		     ULONG min, ULONG max, ULONG *value)
{
	ULONG v = 0;
	SIZE_T i = *pos, first = i;
	int d;

	for (; (d = ip_digit(ip_ch(t, i), base)) >= 0; i++) {
		if (v > (max - (ULONG)d) / base)
			return FALSE; /* past max: also stops a 32-bit wrap */
		v = v * base + (ULONG)d;
	}
	if (i == first || v < min)
		return FALSE;
	*pos = i;
	*value = v;
	return TRUE;
}

void ip_store(const char *text, void *out, BOOL wide)
{
	SIZE_T i = 0;

	do {
		if (wide)
			((WCHAR *)out)[i] = (unsigned char)text[i];
		else
			((char *)out)[i] = text[i];
	} while (text[i++]);
}

NTSTATUS ip_store_counted(const char *text, void *out, ULONG *len, BOOL wide)
{
	ULONG need = (ULONG)strlen(text) + 1;

	if (*len < need) {
		*len = need;
		return STATUS_INVALID_PARAMETER;
	}
	ip_store(text, out, wide);
	*len = need;
	return STATUS_SUCCESS;
}
