/*
 * UTF-8 <-> UTF-16 for registry names and text.  A lone surrogate in
 * UTF-16 becomes the three bytes it would be as a code point (so nothing
 * the guest wrote is dropped); UTF-8 input is decoded strictly.
 */
#include <stdlib.h>
#include <string.h>
#include "emul/registry/reg_store.h"

/* The code point at s[*i] (advancing *i), or -1 for a malformed sequence. */
static long utf8_next(const unsigned char *s, size_t len, size_t *i)
{
	unsigned char c = s[(*i)++];
	int more;
	long cp, min;

	if (c < 0x80)
		return c;
	if (c >= 0xC2 && c <= 0xDF)
		more = 1, cp = c & 0x1F, min = 0x80;
	else if (c >= 0xE0 && c <= 0xEF)
		more = 2, cp = c & 0x0F, min = 0x800;
	else if (c >= 0xF0 && c <= 0xF4)
		more = 3, cp = c & 0x07, min = 0x10000;
	else
		return -1;
	while (more--) {
		if (*i >= len || (s[*i] & 0xC0) != 0x80)
			return -1;
		cp = cp << 6 | (s[(*i)++] & 0x3F);
	}
	return cp < min || cp > 0x10FFFF ? -1 : cp;
}

uint16_t *reg_utf8_to_utf16(const char *text, size_t len, size_t *outlen, size_t *bad_at)
{
	const unsigned char *s = (const unsigned char *)text;
	uint16_t *out = malloc((len + 1) * sizeof(uint16_t));
	size_t i = 0, n = 0;

	if (!out)
		return NULL;
	while (i < len) {
		size_t start = i;
		long cp = utf8_next(s, len, &i);

		if (cp < 0) {
			if (bad_at)
				*bad_at = start;
			free(out);
			return NULL;
		}
		if (cp >= 0x10000) {
			out[n++] = (uint16_t)(0xD800 + ((cp - 0x10000) >> 10));
			out[n++] = (uint16_t)(0xDC00 + ((cp - 0x10000) & 0x3FF));
		} else {
			out[n++] = (uint16_t)cp;
		}
	}
	*outlen = n;
	return out;
}

char *reg_utf16_to_utf8(const uint16_t *s, size_t len, size_t *outlen)
{
	char *out = malloc(len * 3 + 1);
	size_t n = 0;

	if (!out)
		return NULL;
	for (size_t i = 0; i < len; i++) {
		uint32_t cp = s[i];

		if (cp >= 0xD800 && cp < 0xDC00 && i + 1 < len && s[i + 1] >= 0xDC00 &&
		    s[i + 1] < 0xE000) {
			cp = 0x10000 + ((cp - 0xD800) << 10) + (s[++i] - 0xDC00);
			out[n++] = (char)(0xF0 | cp >> 18);
			out[n++] = (char)(0x80 | (cp >> 12 & 0x3F));
			out[n++] = (char)(0x80 | (cp >> 6 & 0x3F));
			out[n++] = (char)(0x80 | (cp & 0x3F));
		} else if (cp < 0x80) {
			out[n++] = (char)cp;
		} else if (cp < 0x800) {
			out[n++] = (char)(0xC0 | cp >> 6);
			out[n++] = (char)(0x80 | (cp & 0x3F));
		} else {
			out[n++] = (char)(0xE0 | cp >> 12);
			out[n++] = (char)(0x80 | (cp >> 6 & 0x3F));
			out[n++] = (char)(0x80 | (cp & 0x3F));
		}
	}
	out[n] = 0;
	if (outlen)
		*outlen = n;
	return out;
}
