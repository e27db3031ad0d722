/* DER primitives of crypt32's ASN.1 codec (der.h). */
#include "der.h"

#define DER_MAX_NESTING 32

static HRESULT read_tlv(const BYTE *p, DWORD avail, struct der_tlv *out, int depth);

/* BER's indefinite length (constructed values only): the contents run
 * to the end-of-contents octets 00 00 after nested values. */
static HRESULT read_indefinite(const BYTE *p, DWORD avail, struct der_tlv *out, int depth)
{
	DWORD at = 2;

	if (!(p[0] & DER_CONSTRUCTED) || depth > DER_MAX_NESTING)
		return CRYPT_E_ASN1_CORRUPT;
	for (;;) {
		struct der_tlv inner;
		HRESULT hr;

		if (avail - at < 2)
			return CRYPT_E_ASN1_EOD;
		if (!p[at]) {
			if (p[at + 1])
				return CRYPT_E_ASN1_CORRUPT;
			break;
		}
		if ((hr = read_tlv(p + at, avail - at, &inner, depth + 1)))
			return hr;
		at += inner.size;
	}
	out->tag = p[0];
	out->value = p + 2;
	out->len = at - 2;
	out->size = at + 2;
	return 0;
}

HRESULT der_read(const BYTE *p, DWORD avail, struct der_tlv *out)
{
	return read_tlv(p, avail, out, 0);
}

static HRESULT read_tlv(const BYTE *p, DWORD avail, struct der_tlv *out, int depth)
{
	DWORD len, head = 2;

	if (!p || avail < 2)
		return CRYPT_E_ASN1_EOD;
	if ((p[0] & 0x1f) == 0x1f)
		return CRYPT_E_ASN1_BADTAG;
	len = p[1];
	if (len == 0x80)
		return read_indefinite(p, avail, out, depth);
	if (len > 0x80) {
		DWORD n = len & 0x7f;

		if (n > 4)
			return CRYPT_E_ASN1_LARGE;
		if (avail - 2 < n)
			return CRYPT_E_ASN1_EOD;
		len = 0;
		for (DWORD i = 0; i < n; i++)
			len = len << 8 | p[2 + i];
		head += n;
	}
	if (len > avail - head)
		return CRYPT_E_ASN1_EOD;
	out->tag = p[0];
	out->value = p + head;
	out->len = len;
	out->size = head + len;
	return 0;
}

static BOOL der_reserve(struct der_out *o, DWORD more)
{
	if (o->failed)
		return FALSE;
	if (o->len + more > o->cap) {
		DWORD cap = o->cap ? o->cap * 2 : 64;
		BYTE *data;

		while (cap < o->len + more)
			cap *= 2;
		data = o->data ? HeapReAlloc(GetProcessHeap(), 0, o->data, cap)
			       : HeapAlloc(GetProcessHeap(), 0, cap);
		if (!data) {
			o->failed = TRUE;
			return FALSE;
		}
		o->data = data;
		o->cap = cap;
	}
	return TRUE;
}

void der_put(struct der_out *o, const void *bytes, DWORD n)
{
	if (!n || !der_reserve(o, n))
		return;
	memcpy(o->data + o->len, bytes, n);
	o->len += n;
}

DWORD der_header_size(DWORD len)
{
	DWORD n = 2;

	if (len < 0x80)
		return n;
	for (; len; len >>= 8)
		n++; /* 0x80 | count, then the length's bytes */
	return n;
}

void der_wrap(struct der_out *o, DWORD start, BYTE tag)
{
	DWORD len = o->len - start, head = der_header_size(len);
	BYTE *p;

	if (!der_reserve(o, head))
		return;
	p = o->data + start;
	memmove(p + head, p, len);
	p[0] = tag;
	if (head == 2) {
		p[1] = (BYTE)len;
	} else {
		p[1] = 0x80 | (BYTE)(head - 2);
		for (DWORD i = head - 1; i >= 2; i--, len >>= 8)
			p[i] = (BYTE)len;
	}
	o->len += head;
}

void der_put_tlv(struct der_out *o, BYTE tag, const void *value, DWORD len)
{
	DWORD start = o->len;

	der_put(o, value, len);
	der_wrap(o, start, tag);
}

void der_free(struct der_out *o)
{
	HeapFree(GetProcessHeap(), 0, o->data);
	memset(o, 0, sizeof(*o));
}

void der_put_integer_le(struct der_out *o, BYTE tag, const BYTE *in, DWORD n, BOOL is_unsigned)
{
	DWORD start = o->len;
	BYTE zero = 0;

	if (is_unsigned) {
		while (n > 1 && !in[n - 1])
			n--;
		if (n && in[n - 1] & 0x80)
			der_put(o, &zero, 1);
	} else {
		/* drop the sign bytes the next byte repeats */
		while (n > 1 && ((in[n - 1] == 0 && !(in[n - 2] & 0x80)) ||
				 (in[n - 1] == 0xff && (in[n - 2] & 0x80))))
			n--;
	}
	for (DWORD i = n; i > 0; i--)
		der_put(o, &in[i - 1], 1);
	der_wrap(o, start, tag);
}

static void put_base128(struct der_out *o, ULONG64 v)
{
	BYTE b[10];
	int n = 0;

	do {
		b[n++] = (BYTE)(v & 0x7f);
		v >>= 7;
	} while (v);
	while (n-- > 0) {
		BYTE c = b[n] | (n ? 0x80 : 0);

		der_put(o, &c, 1);
	}
}

BOOL der_put_oid(struct der_out *o, const char *oid)
{
	ULONG64 arcs[2] = { 0 };
	int count = 0;
	const char *p = oid;

	if (!oid)
		return FALSE;
	while (*p) {
		ULONG64 v = 0;

		if (*p < '0' || *p > '9')
			return FALSE;
		while (*p >= '0' && *p <= '9') {
			v = v * 10 + (ULONG64)(*p++ - '0');
			if (v >> 40)
				return FALSE;
		}
		if (*p == '.' && p[1])
			p++;
		else if (*p)
			return FALSE;
		if (count < 2) {
			arcs[count] = v;
			if (count == 1) {
				if (arcs[0] > 2 || (arcs[0] < 2 && arcs[1] > 39))
					return FALSE;
				put_base128(o, arcs[0] * 40 + arcs[1]);
			}
		} else {
			put_base128(o, v);
		}
		count++;
	}
	return count >= 2;
}

DWORD der_oid_text(const BYTE *v, DWORD len, char *text)
{
	DWORD out = 0, i = 0;
	BOOL first = TRUE;
	char part[48];

	if (!len)
		return 0;
	while (i < len) {
		ULONG64 arc = 0;
		int n;

		do {
			if (arc >> 56)
				return 0;
			arc = arc << 7 | (v[i] & 0x7f);
		} while (v[i++] & 0x80 && i < len);
		if (v[i - 1] & 0x80)
			return 0; /* the last arc runs past the end */
		if (first) {
			ULONG64 top = arc < 40 ? 0 : arc < 80 ? 1 : 2;

			part[0] = (char)('0' + top);
			part[1] = '.';
			_ui64toa(arc - top * 40, part + 2, 10);
			first = FALSE;
		} else {
			part[0] = '.';
			_ui64toa(arc, part + 1, 10);
		}
		n = (int)strlen(part);
		if (text)
			memcpy(text + out, part, n);
		out += n;
	}
	if (text)
		text[out] = 0;
	return out + 1;
}

static BOOL read_digits(const BYTE **p, const BYTE *end, int count, WORD *value)
{
	int v = 0;

	if (end - *p < count)
		return FALSE;
	for (int i = 0; i < count; i++) {
		BYTE c = (*p)[i];

		if (c < '0' || c > '9')
			return FALSE;
		v = v * 10 + (c - '0');
	}
	*p += count;
	*value = (WORD)v;
	return TRUE;
}

HRESULT der_time_value(BYTE tag, const BYTE *v, DWORD len, FILETIME *ft)
{
	const BYTE *p = v, *end = v + len;
	SYSTEMTIME st = { 0 };
	WORD year, offset_h = 0, offset_m = 0;
	LONG64 minutes = 0;
	ULARGE_INTEGER u;

	if (tag == DER_UTCTIME) {
		if (!read_digits(&p, end, 2, &year))
			return CRYPT_E_ASN1_CORRUPT;
		st.wYear = year < 50 ? 2000 + year : 1900 + year;
	} else if (!read_digits(&p, end, 4, &st.wYear)) {
		return CRYPT_E_ASN1_CORRUPT;
	}
	if (!read_digits(&p, end, 2, &st.wMonth) || !read_digits(&p, end, 2, &st.wDay) ||
	    !read_digits(&p, end, 2, &st.wHour))
		return CRYPT_E_ASN1_CORRUPT;
	if (tag == DER_UTCTIME && !read_digits(&p, end, 2, &st.wMinute))
		return CRYPT_E_ASN1_CORRUPT; /* UTCTime always has minutes */
	if (tag != DER_UTCTIME && p < end && *p >= '0' && *p <= '9' &&
	    !read_digits(&p, end, 2, &st.wMinute))
		return CRYPT_E_ASN1_CORRUPT;
	if (p < end && *p >= '0' && *p <= '9' && !read_digits(&p, end, 2, &st.wSecond))
		return CRYPT_E_ASN1_CORRUPT;
	if (tag != DER_UTCTIME && p < end && (*p == '.' || *p == ',')) {
		int digits = 0, ms = 0;

		for (p++; p < end && *p >= '0' && *p <= '9'; p++, digits++)
			if (digits < 3)
				ms = ms * 10 + (*p - '0');
		for (; digits < 3; digits++)
			ms *= 10;
		st.wMilliseconds = (WORD)ms;
	}
	if (p < end && (*p == '+' || *p == '-')) {
		/* the offset is added as written (what Windows does) */
		int sign = *p++ == '+' ? 1 : -1;

		if (!read_digits(&p, end, 2, &offset_h))
			return CRYPT_E_ASN1_CORRUPT;
		if (p < end && !read_digits(&p, end, 2, &offset_m))
			return CRYPT_E_ASN1_CORRUPT;
		minutes = sign * (offset_h * 60 + offset_m);
	} else if (p < end && *p == 'Z') {
		p++;
	}
	if (p != end && !(p < end && *p == 0))
		return CRYPT_E_ASN1_CORRUPT;
	if (!SystemTimeToFileTime(&st, ft))
		return CRYPT_E_ASN1_CORRUPT;
	u.LowPart = ft->dwLowDateTime;
	u.HighPart = ft->dwHighDateTime;
	u.QuadPart += minutes * 60 * 10000000LL;
	ft->dwLowDateTime = u.LowPart;
	ft->dwHighDateTime = u.HighPart;
	return 0;
}

static char *put_digits(char *p, unsigned v, int count)
{
	for (int i = count - 1; i >= 0; i--, v /= 10)
		p[i] = (char)('0' + v % 10);
	return p + count;
}

BOOL der_put_time(struct der_out *o, const FILETIME *ft, BOOL utc_only)
{
	SYSTEMTIME st;
	char text[24], *p = text;
	BOOL utc;

	if (!FileTimeToSystemTime(ft, &st))
		return FALSE;
	utc = st.wYear >= 1950 && st.wYear < 2050;
	if (!utc && utc_only)
		return FALSE;
	p = utc ? put_digits(p, st.wYear % 100, 2) : put_digits(p, st.wYear, 4);
	p = put_digits(p, st.wMonth, 2);
	p = put_digits(p, st.wDay, 2);
	p = put_digits(p, st.wHour, 2);
	p = put_digits(p, st.wMinute, 2);
	p = put_digits(p, st.wSecond, 2);
	*p++ = 'Z';
	der_put_tlv(o, utc ? DER_UTCTIME : DER_GENERALTIME, text, (DWORD)(p - text));
	return TRUE;
}
