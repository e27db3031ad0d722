/*
 * Double-byte code pages (932, 936, 949, 950): their tables are the NLS
 * files System32 holds (c_NNN.nls), mapped once per page with
 * NtGetNlsSectionPtr and read with RtlInitCodePageTable, as Windows'
 * kernelbase reads them.  A byte that starts a pair is a lead byte; a pair
 * or lead byte the page does not define converts to the default character
 * and is invalid for MB_ERR_INVALID_CHARS.
 */
#include "k32_nls.h"

#define DBCS_PAGES 8

static struct {
	UINT cp;
	LSW_CPTABLEINFO table;
} dbcs_pages[DBCS_PAGES];
static LONG dbcs_count;
static SRWLOCK dbcs_lock = SRWLOCK_INIT;

static const LSW_CPTABLEINFO *find_page(UINT cp)
{
	LONG i, n = *(volatile LONG *)&dbcs_count;

	for (i = 0; i < n; i++)
		if (dbcs_pages[i].cp == cp)
			return &dbcs_pages[i].table;
	return NULL;
}

/* Maps the page's file on first use; NULL if it has none or is not DBCS. */
static const LSW_CPTABLEINFO *load_page(UINT cp)
{
	const LSW_CPTABLEINFO *t;
	void *ptr = NULL;
	SIZE_T size = 0;
	LSW_CPTABLEINFO info;

	RtlAcquireSRWLockExclusive(&dbcs_lock);
	if (!(t = find_page(cp)) && dbcs_count < DBCS_PAGES &&
	    !NtGetNlsSectionPtr(LSW_NLS_SECTION_CODEPAGE, cp, NULL, &ptr, &size)) {
		RtlInitCodePageTable(ptr, &info);
		if (info.DBCSCodePage && info.CodePage == cp) {
			dbcs_pages[dbcs_count].cp = cp;
			dbcs_pages[dbcs_count].table = info;
			t = &dbcs_pages[dbcs_count].table;
			InterlockedIncrement(&dbcs_count);
		} else {
			UnmapViewOfFile(ptr);
		}
	}
	RtlReleaseSRWLockExclusive(&dbcs_lock);
	return t;
}

const LSW_CPTABLEINFO *k32_dbcs_page(UINT cp)
{
	const LSW_CPTABLEINFO *t;

	if (cp != 932 && cp != 936 && cp != 949 && cp != 950)
		return NULL;
	t = find_page(cp);
	return t ? t : load_page(cp);
}

BOOL k32_dbcs_is_lead(const LSW_CPTABLEINFO *t, BYTE b)
{
	return t->DBCSOffsets[b] != 0;
}

/* The character of src[*i..] (advancing *i); *bad when the page does not
 * define it. */
static WCHAR dbcs_char(const LSW_CPTABLEINFO *t, const BYTE *src, int n, int *i, BOOL *bad)
{
	BYTE b = src[(*i)++];
	WCHAR u;

	*bad = FALSE;
	if (!k32_dbcs_is_lead(t, b)) {
		u = t->MultiByteTable[b];
		*bad = u == t->TransUniDefaultChar && b != t->DefaultChar;
		return u;
	}
	/* A lead byte at the end or before a NUL is '?' (the MB default's
	 * Unicode form), and the NUL stays a character of its own. */
	if (*i >= n || !src[*i]) {
		*bad = TRUE;
		return t->TransDefaultChar;
	}
	u = t->DBCSOffsets[t->DBCSOffsets[b] + src[(*i)++]];
	*bad = u == t->TransUniDefaultChar;
	return u;
}

int k32_dbcs_to_w(const LSW_CPTABLEINFO *t, DWORD flags, const char *src, int n, WCHAR *dst,
		  int dn)
{
	int i = 0, len = 0;

	while (i < n) {
		BOOL bad;
		WCHAR u = dbcs_char(t, (const BYTE *)src, n, &i, &bad);

		if (bad && (flags & MB_ERR_INVALID_CHARS))
			return k32_error(ERROR_NO_UNICODE_TRANSLATION);
		if (dn) {
			if (len >= dn)
				return k32_error(ERROR_INSUFFICIENT_BUFFER);
			dst[len] = u;
		}
		len++;
	}
	return len;
}

/* The bytes of c (lead << 8 | trail, or one byte); *used when c had no
 * mapping of its own (a best fit, or with no_best_fit, the default). */
static USHORT dbcs_bytes(const LSW_CPTABLEINFO *t, WCHAR c, BOOL no_best_fit, USHORT def,
			 BOOL *used)
{
	USHORT m = ((const USHORT *)t->WideCharTable)[c];
	WCHAR back;

	if (m >> 8)
		back = t->DBCSOffsets[t->DBCSOffsets[m >> 8] + (m & 0xFF)];
	else
		back = t->MultiByteTable[m];
	if (back == c)
		return m;
	if (m != t->DefaultChar && !no_best_fit)
		return m;
	*used = TRUE;
	return def;
}

int k32_w_to_dbcs(const LSW_CPTABLEINFO *t, DWORD flags, const WCHAR *src, int n, char *dst,
		  int dn, const char *defchar, BOOL *used)
{
	USHORT def = t->DefaultChar;
	BOOL was_used = FALSE;
	int i, len = 0;

	/* the caller's default is a pair when its first byte is a lead byte */
	if (defchar)
		def = k32_dbcs_is_lead(t, (BYTE)defchar[0]) && defchar[1]
			      ? (USHORT)((BYTE)defchar[0] << 8 | (BYTE)defchar[1])
			      : (BYTE)defchar[0];
	for (i = 0; i < n; i++) {
		USHORT m = dbcs_bytes(t, src[i], flags & WC_NO_BEST_FIT_CHARS, def, &was_used);
		int k = m >> 8 ? 2 : 1;

		if (dn) {
			if (len + k > dn)
				break;
			if (k == 2)
				dst[len] = (char)(m >> 8);
			dst[len + k - 1] = (char)m;
		}
		len += k;
	}
	if (used)
		*used = was_used;
	return i < n ? k32_error(ERROR_INSUFFICIENT_BUFFER) : len;
}
