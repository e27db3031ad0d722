/* Base64 (RFC 4648 section 4), both ways. */
#include "crypt32_private.h"

static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

DWORD c32_base64_encode(const BYTE *in, DWORD n, const char *eol, char *out)
{
	DWORD len = 0, col = 0, eol_len = eol ? lstrlenA(eol) : 0;

	for (DWORD i = 0; i < n; i += 3) {
		DWORD v = (DWORD)in[i] << 16 | (i + 1 < n ? (DWORD)in[i + 1] << 8 : 0) |
			  (i + 2 < n ? in[i + 2] : 0);
		char q[4] = { alphabet[v >> 18], alphabet[(v >> 12) & 63],
			      i + 1 < n ? alphabet[(v >> 6) & 63] : '=', i + 2 < n ? alphabet[v & 63] : '=' };

		for (int k = 0; k < 4; k++, len++, col++)
			if (out)
				out[len] = q[k];
		if (eol && (col == 64 || i + 3 >= n)) {
			if (out)
				memcpy(out + len, eol, eol_len);
			len += eol_len;
			col = 0;
		}
	}
	return len;
}

static int value_of(char c)
{
	const char *p = c ? strchr(alphabet, c) : NULL;

	return p ? (int)(p - alphabet) : -1;
}

static BOOL blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Padding ends the data: it must complete the last quantum ("V===" does,
 * "V==" does not, as Windows reads it); what follows it is not read. */
static BOOL padding_ok(const char *text, DWORD i, DWORD len, DWORD digits)
{
	DWORD pads = 0;

	while (i < len && text[i] == '=')
		pads++, i++;
	return digits % 4 == 0 || digits % 4 + pads >= 4;
}

int c32_base64_decode(const char *text, DWORD len, BYTE *out, DWORD *end)
{
	DWORD v = 0, bits = 0, n = 0, digits = 0, i;

	for (i = 0; i < len && text[i] && text[i] != '-' && text[i] != '='; i++) {
		int d;

		if (blank(text[i]))
			continue;
		if ((d = value_of(text[i])) < 0)
			return -1; /* not base64 */
		digits++;
		v = v << 6 | (DWORD)d;
		if ((bits += 6) >= 8) {
			bits -= 8;
			if (out)
				out[n] = (BYTE)(v >> bits);
			n++;
		}
	}
	if (i < len && text[i] == '=' && !padding_ok(text, i, len, digits))
		return -1;
	if (end) { /* past the padding and blanks */
		while (i < len && (text[i] == '=' || blank(text[i])))
			i++;
		*end = i;
	}
	if (digits % 4 == 1) { /* a lone last digit still makes a byte, as on Windows */
		if (out)
			out[n] = (BYTE)(v << 2);
		n++;
	}
	return (int)n;
}
