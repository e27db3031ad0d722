/* CRYPT_STRING_HEX ("30 82 01 0a ...", 16 bytes a line, the halves split
 * by two spaces; with NOCRLF one line, single spaces) and
 * CRYPT_STRING_HEXRAW ("3082010a"), both ways. */
#include "crypt32_private.h"

static const char digits[] = "0123456789abcdef";

DWORD c32_hex_encode(const BYTE *in, DWORD n, BOOL raw, const char *eol, char *out)
{
	DWORD len = 0, eol_len = eol ? lstrlenA(eol) : 0;

#define PUT(c) do { if (out) out[len] = (c); len++; } while (0)
	for (DWORD i = 0; i < n; i++) {
		if (!raw && i && (!eol || i % 16))
			PUT(' ');
		if (!raw && eol && i % 16 == 8)
			PUT(' ');
		PUT(digits[in[i] >> 4]);
		PUT(digits[in[i] & 15]);
		if (!raw && eol && (i % 16 == 15 || i + 1 == n)) {
			if (out)
				memcpy(out + len, eol, eol_len);
			len += eol_len;
		}
	}
	if (raw && eol) {
		if (out)
			memcpy(out + len, eol, eol_len);
		len += eol_len;
	}
#undef PUT
	return len;
}

static int nibble(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c |= 0x20;
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

static BOOL hex_separator(char c)
{
	return c == '-' || c == ',' || c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* CRYPT_STRING_HEX as Windows reads it: separators (blanks, '-', ',')
 * around and between pairs of digits (its own output has blanks), a lone
 * digit is malformed; the text ends at len (a NUL before it is not
 * allowed).  Writes what fits of out_len
 * bytes; returns the error (0: none) and the byte count in *count. */
DWORD c32_hex_read(const char *text, DWORD len, BYTE *out, DWORD out_len, DWORD *count)
{
	DWORD i = 0, n = 0;
	int hi, lo;

	while (i < len && text[i] && hex_separator(text[i]))
		i++;
	while (i < len && (hi = nibble(text[i])) >= 0) {
		if (i + 1 >= len || (lo = nibble(text[i + 1])) < 0)
			return ERROR_INVALID_DATA;
		if (out && n < out_len)
			out[n] = (BYTE)(hi << 4 | lo);
		n++;
		for (i += 2; i < len && text[i] && hex_separator(text[i]); i++)
			;
	}
	for (; i < len; i++)
		if (!text[i] || !hex_separator(text[i]))
			return ERROR_INVALID_DATA;
	*count = n;
	return out && n > out_len ? ERROR_MORE_DATA : 0;
}

/* HEXRAW and the like: pairs of hex digits; blanks between pairs are
 * skipped. */
int c32_hex_decode(const char *text, DWORD len, BYTE *out)
{
	DWORD n = 0;

	for (DWORD i = 0; i < len && text[i];) {
		int hi, lo;

		if (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n') {
			i++;
			continue;
		}
		if (i + 1 >= len || (hi = nibble(text[i])) < 0 || (lo = nibble(text[i + 1])) < 0)
			return -1;
		if (out)
			out[n] = (BYTE)(hi << 4 | lo);
		n++;
		i += 2;
	}
	return (int)n;
}
