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

int c32_base64_decode(const char *text, DWORD len, BYTE *out)
{
	DWORD v = 0, bits = 0, n = 0, digits = 0;

	for (DWORD i = 0; i < len && text[i] && text[i] != '-' && text[i] != '='; i++) {
		char c = text[i];
		int d;

		if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
			continue;
		if ((d = value_of(c)) < 0)
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
	if (digits % 4 == 1) { /* a lone last digit still makes a byte, as on Windows */
		if (out)
			out[n] = (BYTE)(v << 2);
		n++;
	}
	return (int)n;
}
