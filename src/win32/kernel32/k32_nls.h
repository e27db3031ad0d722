/* kernel32's national-language support: resolved locales and the helpers
 * the NLS entry points share (locale_*.c, codepage.c, mbtowc.c, ...). */
#ifndef LSW_K32_NLS_H
#define LSW_K32_NLS_H

#include "k32_private.h"
#include "nls/nls.h"
#include "nls/locale_fields.h"

/* ntdll exports that mingw-w64's headers do not declare. */
NTSYSAPI NTSTATUS NTAPI RtlNormalizeString(ULONG form, PCWSTR src, LONG srclen, PWSTR dst,
					   PLONG dstlen);
NTSYSAPI NTSTATUS NTAPI RtlIsNormalizedString(ULONG form, PCWSTR src, LONG srclen,
					      BOOLEAN *normalized);

/* A locale as the API names it: the entry (name, LCID) and its data. */
struct k32_locale {
	const struct nls_locale_name *entry;
	unsigned record;
};

/* locale_find.c.  The LCID form resolves LOCALE_USER_DEFAULT & co and maps
 * a neutral LCID to its specific locale; the name form takes NULL
 * (LOCALE_NAME_USER_DEFAULT), LOCALE_NAME_SYSTEM_DEFAULT and, when
 * allow_neutral, neutral names.  FALSE: unknown (no error set). */
BOOL k32_locale_from_lcid(LCID lcid, struct k32_locale *loc);
BOOL k32_locale_from_name(const WCHAR *name, BOOL allow_neutral, struct k32_locale *loc);
LCID k32_locale_lcid(const struct k32_locale *loc); /* the LCID of its data */
LCID k32_thread_lcid(void);

/* locale_data.c: a field's text (never NULL). */
const WCHAR *k32_locale_field(const struct k32_locale *loc, enum locale_field f);
UINT k32_locale_number(const struct k32_locale *loc, enum locale_field f);
/* The ANSI code page of a locale (CP_ACP's if it has none). */
UINT k32_locale_ansi_cp(const struct k32_locale *loc);

/* locale_info.c: GetLocaleInfoW's work for a resolved locale. */
int k32_get_locale_info(const struct k32_locale *loc, LCTYPE type, WCHAR *buf, int size);

/* locale_user.c: the user's override of a LOCALE_* value (SetLocaleInfo)
 * into out when loc is the user's default locale and one is set. */
#define K32_OVERRIDE_MAX 80
BOOL k32_user_override(const struct k32_locale *loc, LCTYPE type, WCHAR out[K32_OVERRIDE_MAX]);

/* fold.c: the letters MAP_EXPAND_LIGATURES spells a ligature with, or NULL. */
const WCHAR *k32_ligature(WCHAR c);

/* codepage.c: a code page number resolved (CP_ACP, CP_THREAD_ACP...). */
UINT k32_resolve_cp(UINT cp);

/* dbcs.c: a double-byte code page's table, NULL if cp is not one we have;
 * conversions as MultiByteToWideChar and WideCharToMultiByte do them. */
const LSW_CPTABLEINFO *k32_dbcs_page(UINT cp);
BOOL k32_dbcs_is_lead(const LSW_CPTABLEINFO *t, BYTE b);
int k32_dbcs_to_w(const LSW_CPTABLEINFO *t, DWORD flags, const char *src, int n, WCHAR *dst,
		  int dn);
int k32_w_to_dbcs(const LSW_CPTABLEINFO *t, DWORD flags, const WCHAR *src, int n, char *dst,
		  int dn, const char *defchar, BOOL *used);

/* utf7.c: length, or -1 when dst (dn > 0) is too small. */
int k32_utf7_encode(const WCHAR *src, int n, char *dst, int dn);
int k32_utf7_decode(const char *src, int n, WCHAR *dst, int dn);

/* Convert a W result for an A entry point: `wlen` units of w (with its
 * NUL) into a in code page cp; returns the A length (with NUL) or 0 with
 * ERROR_INSUFFICIENT_BUFFER; size 0 asks the length only. */
int k32_w_result_to_a(UINT cp, const WCHAR *w, int wlen, char *a, int size);
/* An A argument as a heap UTF-16 string (NUL-terminated), its length in
 * *len (without NUL) when len is not NULL; n < 0 means NUL-terminated. */
WCHAR *k32_a_arg(UINT cp, const char *a, int n, int *len);

/* Decimal digits of n into buf (NUL-terminated); returns the length. */
static inline int k32_utow(unsigned n, WCHAR *buf)
{
	WCHAR tmp[10];
	int len = 0, i = 0;

	do
		tmp[len++] = (WCHAR)('0' + n % 10);
	while ((n /= 10));
	while (len)
		buf[i++] = tmp[--len];
	buf[i] = 0;
	return i;
}

static inline int k32_wcslen(const WCHAR *s)
{
	int n = 0;

	while (s[n])
		n++;
	return n;
}

#endif
