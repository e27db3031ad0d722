/* CryptBinaryToStringA/W and CryptStringToBinaryA/W: base64 (plain or
 * between "-----BEGIN ...-----" lines), hex (HEX, HEXRAW) and binary.
 * Sizes as documented: with no output buffer the size needed (with the
 * NUL for text); a short buffer is ERROR_MORE_DATA; on success the text
 * length without the NUL. */
#include "crypt32_private.h"

#define FORMAT_MASK 0x0000ffffu
#define NOCRLF 0x40000000u
#define NOCR 0x80000000u

static const char *header_of(DWORD format)
{
	switch (format) {
	case CRYPT_STRING_BASE64HEADER: return "CERTIFICATE";
	case CRYPT_STRING_BASE64REQUESTHEADER: return "NEW CERTIFICATE REQUEST";
	case CRYPT_STRING_BASE64X509CRLHEADER: return "X509 CRL";
	}
	return NULL;
}

/* "-----BEGIN x-----" and its end line into line (128 bytes room). */
static DWORD armor(char *line, const char *what, const char *h, const char *eol)
{
	lstrcpyA(line, "-----");
	lstrcatA(line, what);
	lstrcatA(line, h);
	lstrcatA(line, "-----");
	if (eol)
		lstrcatA(line, eol);
	return (DWORD)lstrlenA(line);
}

/* The text of in as format says, into out (NULL: count only). */
static int encode(const BYTE *in, DWORD n, DWORD flags, char *out)
{
	DWORD format = flags & FORMAT_MASK, len = 0;
	const char *eol = flags & NOCRLF ? NULL : flags & NOCR ? "\n" : "\r\n", *h = header_of(format);
	char line[128];

	if (format == CRYPT_STRING_BINARY) {
		if (out)
			memcpy(out, in, n);
		return (int)n;
	}
	if (format == CRYPT_STRING_HEX || format == CRYPT_STRING_HEXRAW)
		return (int)c32_hex_encode(in, n, format == CRYPT_STRING_HEXRAW, eol, out);
	if (format != CRYPT_STRING_BASE64 && !h)
		return -1;
	if (h) {
		len = armor(line, "BEGIN ", h, eol);
		if (out)
			memcpy(out, line, len);
	}
	len += c32_base64_encode(in, n, eol, out ? out + len : NULL);
	if (h) {
		DWORD k = armor(line, "END ", h, eol);

		if (out)
			memcpy(out + len, line, k);
		len += k;
	}
	return (int)len;
}

/* The text in a heap block (NUL-terminated), its length in *len. */
static char *encode_alloc(const BYTE *in, DWORD n, DWORD flags, DWORD *len)
{
	int need = encode(in, n, flags, NULL);
	char *text;

	if (need < 0) {
		SetLastError(ERROR_INVALID_PARAMETER);
		return NULL;
	}
	if (!(text = HeapAlloc(GetProcessHeap(), 0, (SIZE_T)need + 1))) {
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
		return NULL;
	}
	encode(in, n, flags, text);
	text[need] = 0;
	*len = (DWORD)need;
	return text;
}

/* CRYPT_STRING_BINARY: the bytes themselves, in either form, counted in
 * bytes with no terminator. */
static WINBOOL copy_binary(const BYTE *in, DWORD n, void *out, DWORD *size)
{
	DWORD room = *size;

	*size = n;
	if (!out)
		return TRUE;
	if (room < n)
		return c32_fail(ERROR_MORE_DATA);
	memcpy(out, in, n);
	return TRUE;
}

/* A buffer too short for the text: MORE_DATA.  Base64 tells the size
 * needed and the narrow form gets what fits; hex leaves the size as
 * given, and the narrow form gets the whole digit pairs that fit and a
 * NUL (nothing below 3 characters of room). */
static WINBOOL short_buffer(const char *text, DWORD len, DWORD format, void *out, DWORD *size,
			    BOOL wide)
{
	BOOL hex = format == CRYPT_STRING_HEX || format == CRYPT_STRING_HEXRAW;
	DWORD room = *size, n;

	if (!hex) {
		*size = len + 1;
		if (!wide)
			memcpy(out, text, room);
	} else if (!wide && room >= 3) {
		n = (room - 1) & ~1u;
		memcpy(out, text, n);
		((char *)out)[n] = 0;
	}
	return c32_fail(ERROR_MORE_DATA);
}

/* Both forms: the text copied narrow or wide. */
static WINBOOL binary_to_string(const BYTE *in, DWORD n, DWORD flags, void *out, DWORD *size,
				BOOL wide)
{
	DWORD len;
	char *text;
	BOOL ok = TRUE;

	if (!in || !size)
		return c32_fail(ERROR_INVALID_PARAMETER);
	if ((flags & FORMAT_MASK) == CRYPT_STRING_BINARY)
		return copy_binary(in, n, out, size);
	if (!(text = encode_alloc(in, n, flags, &len)))
		return FALSE;
	if (!out) {
		*size = len + 1;
	} else if (*size < len + 1) {
		ok = short_buffer(text, len, flags & FORMAT_MASK, out, size, wide);
	} else {
		for (DWORD i = 0; i <= len; i++)
			if (wide)
				((WCHAR *)out)[i] = (BYTE)text[i];
			else
				((char *)out)[i] = text[i];
		*size = len;
	}
	HeapFree(GetProcessHeap(), 0, text);
	return ok;
}

C32_API WINBOOL WINAPI CryptBinaryToStringA(const BYTE *in, DWORD n, DWORD flags, LPSTR out,
					    DWORD *size)
{
	return binary_to_string(in, n, flags, out, size, FALSE);
}

C32_API WINBOOL WINAPI CryptBinaryToStringW(const BYTE *in, DWORD n, DWORD flags, LPWSTR out,
					    DWORD *size)
{
	return binary_to_string(in, n, flags, out, size, TRUE);
}

/* "-----BEGIN <label>-----": where that line starts (*begin: what a
 * caller is told was skipped) and where the base64 after it starts (the
 * result), or -1 when the text has none.  The space after BEGIN is
 * required. */
static int header_body(const char *text, DWORD len, DWORD *begin)
{
	for (DWORD i = 0; i + 11 < len; i++) {
		if (memcmp(text + i, "-----BEGIN ", 11))
			continue;
		*begin = i;
		for (i += 11; i + 5 <= len && memcmp(text + i, "-----", 5); i++)
			;
		if (i + 5 > len)
			return -1;
		i += 5;
		while (i < len && (text[i] == '\r' || text[i] == '\n'))
			i++;
		return (int)i;
	}
	return -1;
}

/* "-----END <label>-----" at text (the space required). */
static BOOL trailer_at(const char *text, DWORD len)
{
	if (len < 9 || memcmp(text, "-----END ", 9))
		return FALSE;
	for (DWORD i = 9; i + 5 <= len; i++)
		if (!memcmp(text + i, "-----", 5))
			return TRUE;
	return FALSE;
}

/* The base64 between a header and its trailer. */
static int armored(const char *text, DWORD len, BYTE *out, DWORD *skip)
{
	DWORD end;
	int start, n;

	if ((start = header_body(text, len, skip)) < 0)
		return -1;
	text += start;
	len -= (DWORD)start;
	if ((n = c32_base64_decode(text, len, out, &end)) < 0 || !trailer_at(text + end, len - end))
		return -1;
	return n;
}

/* The bytes of text in format (decoded into out; NULL: count only), the
 * format found (for the _ANY ones) and where the data started. */
static int decode(const char *text, DWORD len, DWORD format, BYTE *out, DWORD *found, DWORD *skip)
{
	int n;

	*skip = 0;
	*found = format;
	switch (format) {
	case CRYPT_STRING_BINARY:
		if (out)
			memcpy(out, text, len);
		return (int)len;
	case CRYPT_STRING_HEXRAW: case CRYPT_STRING_HEX_ANY:
		*found = format == CRYPT_STRING_HEX_ANY ? CRYPT_STRING_HEX : format;
		return c32_hex_decode(text, len, out);
	case CRYPT_STRING_BASE64:
		return c32_base64_decode(text, len, out, NULL);
	case CRYPT_STRING_BASE64HEADER: case CRYPT_STRING_BASE64REQUESTHEADER:
	case CRYPT_STRING_BASE64X509CRLHEADER:
		return armored(text, len, out, skip);
	case CRYPT_STRING_BASE64_ANY: case CRYPT_STRING_ANY:
		if ((n = decode(text, len, CRYPT_STRING_BASE64HEADER, out, found, skip)) >= 0 ||
		    (n = decode(text, len, CRYPT_STRING_BASE64, out, found, skip)) >= 0 ||
		    format == CRYPT_STRING_BASE64_ANY)
			return n;
		return decode(text, len, CRYPT_STRING_BINARY, out, found, skip);
	}
	return -2;
}

/* CRYPT_STRING_HEX: the skip and format are 0 until the text is read
 * whole; malformed text only counted reads as 0 bytes; a short buffer
 * gets what fits, its size left as given. */
static WINBOOL hex_to_binary(const char *text, DWORD len, BYTE *out, DWORD *size, DWORD *skip_out,
			     DWORD *flags_out)
{
	DWORD count = 0, err;

	if (skip_out)
		*skip_out = 0;
	if (flags_out)
		*flags_out = 0;
	err = c32_hex_read(text, len, out, *size, &count);
	if (err == ERROR_INVALID_DATA && !out)
		*size = 0;
	if (err)
		return c32_fail(err);
	if (flags_out)
		*flags_out = CRYPT_STRING_HEX;
	*size = count;
	return TRUE;
}

static WINBOOL string_to_binary(const char *text, DWORD len, DWORD flags, BYTE *out, DWORD *size,
				DWORD *skip_out, DWORD *flags_out)
{
	DWORD found, skip;
	int n;

	if (!text || !size)
		return c32_fail(ERROR_INVALID_PARAMETER);
	if (!len)
		len = (DWORD)lstrlenA(text);
	if (flags & (NOCR | NOCRLF))
		return c32_fail(ERROR_INVALID_DATA); /* encoding's flags */
	if ((flags & FORMAT_MASK) == CRYPT_STRING_HEX)
		return hex_to_binary(text, len, out, size, skip_out, flags_out);
	if ((n = decode(text, len, flags & FORMAT_MASK, NULL, &found, &skip)) < 0)
		return c32_fail(n == -2 ? ERROR_INVALID_PARAMETER : ERROR_INVALID_DATA);
	if (out && *size < (DWORD)n)
		return c32_fail(ERROR_MORE_DATA); /* the size left as given, as Windows */
	if (out)
		decode(text, len, flags & FORMAT_MASK, out, &found, &skip);
	*size = (DWORD)n;
	if (skip_out)
		*skip_out = skip;
	if (flags_out)
		*flags_out = found;
	return TRUE;
}

C32_API WINBOOL WINAPI CryptStringToBinaryA(LPCSTR text, DWORD len, DWORD flags, BYTE *out,
					    DWORD *size, DWORD *skip, DWORD *flags_out)
{
	return string_to_binary(text, len, flags, out, size, skip, flags_out);
}

/* The text is ASCII (base64, hex): narrowed, anything else becoming '?'. */
C32_API WINBOOL WINAPI CryptStringToBinaryW(LPCWSTR text, DWORD len, DWORD flags, BYTE *out,
					    DWORD *size, DWORD *skip, DWORD *flags_out)
{
	char *a;
	BOOL ok;

	if (!text || !size)
		return c32_fail(ERROR_INVALID_PARAMETER);
	if (!len)
		len = (DWORD)lstrlenW(text);
	if (!len)
		return c32_fail(ERROR_INVALID_PARAMETER); /* as Windows: the empty wide string */
	if (!(a = HeapAlloc(GetProcessHeap(), 0, (SIZE_T)len + 1)))
		return c32_fail(ERROR_NOT_ENOUGH_MEMORY);
	for (DWORD i = 0; i < len; i++)
		a[i] = text[i] < 0x80 ? (char)text[i] : '?'; /* NUL stays NUL */
	a[len] = 0;
	ok = string_to_binary(a, len, flags, out, size, skip, flags_out);
	HeapFree(GetProcessHeap(), 0, a);
	return ok;
}
