/* CryptFormatObject: the text of an encoded object for display.  We have
 * no per-structure formatter yet (names, key usages...): every object is
 * shown the way Windows shows one it has no formatter for, as hex bytes
 * separated by spaces ("02 01 01").  A caller that asks for no hex
 * (CRYPT_FORMAT_STR_NO_HEX) gets ERROR_FILE_NOT_FOUND, as Windows answers
 * when it finds no formatter; so does an encoding other than X.509's. */
#include "crypt32_private.h"

static DWORD hex_text_bytes(DWORD n)
{
	return (n ? n * 3 : 1) * sizeof(WCHAR); /* "xx " per byte, the last ' ' is the NUL */
}

static void hex_text(const BYTE *in, DWORD n, WCHAR *out)
{
	static const char digits[] = "0123456789abcdef";

	for (DWORD i = 0; i < n; i++) {
		*out++ = digits[in[i] >> 4];
		*out++ = digits[in[i] & 15];
		if (i + 1 < n)
			*out++ = ' ';
	}
	*out = 0;
}

C32_API BOOL WINAPI CryptFormatObject(DWORD encoding, DWORD type, DWORD str_type, void *format_struct,
				      LPCSTR struct_type, const BYTE *encoded, DWORD encoded_len,
				      void *out, DWORD *out_len)
{
	DWORD need = hex_text_bytes(encoded_len);

	(void)type;
	(void)format_struct;
	(void)struct_type;
	if (GET_CERT_ENCODING_TYPE(encoding) != X509_ASN_ENCODING || (str_type & CRYPT_FORMAT_STR_NO_HEX))
		return c32_fail(ERROR_FILE_NOT_FOUND);
	if (!out_len || (encoded_len && !encoded))
		return c32_fail(ERROR_INVALID_PARAMETER);
	if (!out) {
		*out_len = need;
		return TRUE;
	}
	if (*out_len < need) {
		*out_len = need;
		return c32_fail(ERROR_MORE_DATA);
	}
	hex_text(encoded, encoded_len, out);
	*out_len = need;
	return TRUE;
}
