/*
 * RtlUTF8ToUnicodeN and RtlUnicodeToUTF8N.  Both accept a NULL destination
 * to compute the size.  Ill-formed input (overlong forms, encoded
 * surrogates, values above U+10FFFF, truncated sequences, lone surrogates
 * in UTF-16) becomes U+FFFD and the call returns STATUS_SOME_NOT_MAPPED.
 * A destination that is too small receives what fits (the high half of a
 * surrogate pair included) and the call returns STATUS_BUFFER_TOO_SMALL.
 */
#include "rtl_private.h"

#define REPLACEMENT 0xFFFD

/* Decode one code point at s[0..n); returns bytes consumed (>= 1).  On an
 * ill-formed sequence *cp is U+FFFD and the maximal valid prefix is used
 * (Windows counts a second byte outside the lead's range in that prefix). */
static ULONG utf8_decode(const BYTE *s, ULONG n, ULONG *cp, BOOL *bad)
{
	ULONG need, c, i;
	BYTE lo = 0x80, hi = 0xBF;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		need = 1, c = s[0] & 0x1F;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		need = 2, c = s[0] & 0x0F, lo = s[0] == 0xE0 ? 0xA0 : 0x80,
		hi = s[0] == 0xED ? 0x9F : 0xBF;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		need = 3, c = s[0] & 0x07, lo = s[0] == 0xF0 ? 0x90 : 0x80,
		hi = s[0] == 0xF4 ? 0x8F : 0xBF;
	else
		goto bad1;
	for (i = 1; i <= need; i++) {
		/* Only the second byte has the narrowed range. */
		BYTE l = i == 1 ? lo : 0x80, h = i == 1 ? hi : 0xBF;
		if (i >= n || s[i] < l || s[i] > h) {
			*cp = REPLACEMENT;
			*bad = TRUE;
			/* Windows takes a continuation byte out of the lead's
			 * range (an encoded surrogate, an overlong form, a
			 * value past U+10FFFF) with the lead: one U+FFFD */
			return i == 1 && i < n && s[i] >= 0x80 && s[i] <= 0xBF ? 2 : i;
		}
		c = (c << 6) | (s[i] & 0x3F);
	}
	*cp = c;
	return need + 1;
bad1:
	*cp = REPLACEMENT;
	*bad = TRUE;
	return 1;
}

RTLAPI NTSTATUS NTAPI RtlUTF8ToUnicodeN(PWSTR dst, ULONG dst_bytes, PULONG res,
					  const CHAR *src, ULONG src_bytes)
{
	const BYTE *s = (const BYTE *)src;
	ULONG pos = 0, out = 0, max = dst_bytes / sizeof(WCHAR);
	BOOL bad = FALSE, small = FALSE;

	if (!src)
		return STATUS_INVALID_PARAMETER_4;
	if (!res)
		return STATUS_INVALID_PARAMETER;
	while (pos < src_bytes) {
		ULONG cp, units;
		pos += utf8_decode(s + pos, src_bytes - pos, &cp, &bad);
		units = cp >= 0x10000 ? 2 : 1;
		if (dst) {
			if (out + units > max) {
				/* Windows fills the last unit with the high
				 * half of a pair that does not fit whole. */
				if (units == 2 && out < max)
					dst[out++] = (WCHAR)(0xD800 + ((cp - 0x10000) >> 10));
				small = TRUE;
				break;
			}
			if (units == 2) {
				dst[out] = (WCHAR)(0xD800 + ((cp - 0x10000) >> 10));
				dst[out + 1] = (WCHAR)(0xDC00 + (cp & 0x3FF));
			} else {
				dst[out] = (WCHAR)cp;
			}
		}
		out += units;
	}
	*res = out * sizeof(WCHAR);
	if (small)
		return STATUS_BUFFER_TOO_SMALL;
	return bad ? STATUS_SOME_NOT_MAPPED : STATUS_SUCCESS;
}

/* Encode one code point; returns the byte count (1-4). */
static ULONG utf8_encode(ULONG cp, BYTE *out)
{
	if (cp < 0x80) {
		out[0] = (BYTE)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (BYTE)(0xC0 | (cp >> 6));
		out[1] = (BYTE)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (BYTE)(0xE0 | (cp >> 12));
		out[1] = (BYTE)(0x80 | ((cp >> 6) & 0x3F));
		out[2] = (BYTE)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (BYTE)(0xF0 | (cp >> 18));
	out[1] = (BYTE)(0x80 | ((cp >> 12) & 0x3F));
	out[2] = (BYTE)(0x80 | ((cp >> 6) & 0x3F));
	out[3] = (BYTE)(0x80 | (cp & 0x3F));
	return 4;
}

RTLAPI NTSTATUS NTAPI RtlUnicodeToUTF8N(PCHAR dst, ULONG dst_bytes, PULONG res,
					  const WCHAR *src, ULONG src_bytes)
{
	ULONG n = src_bytes / sizeof(WCHAR), i, out = 0;
	BOOL bad = FALSE, small = FALSE;

	if (!src)
		return STATUS_INVALID_PARAMETER_4;
	if (!res)
		return STATUS_INVALID_PARAMETER;
	/* Half a UTF-16 unit cannot be converted; only a size query (no
	 * destination) rounds the length down. */
	if (dst && (src_bytes & 1))
		return STATUS_INVALID_PARAMETER_5;
	for (i = 0; i < n; i++) {
		ULONG cp = src[i], len;
		BYTE buf[4];
		if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < n && src[i + 1] >= 0xDC00 &&
		    src[i + 1] <= 0xDFFF) {
			cp = 0x10000 + ((cp - 0xD800) << 10) + (src[i + 1] - 0xDC00);
			i++;
		} else if (cp >= 0xD800 && cp <= 0xDFFF) {
			cp = REPLACEMENT;
			bad = TRUE;
		}
		len = utf8_encode(cp, buf);
		if (dst) {
			if (out + len > dst_bytes) {
				small = TRUE;
				break;
			}
			memcpy(dst + out, buf, len);
		}
		out += len;
	}
	*res = out;
	if (small)
		return STATUS_BUFFER_TOO_SMALL;
	return bad ? STATUS_SOME_NOT_MAPPED : STATUS_SUCCESS;
}
