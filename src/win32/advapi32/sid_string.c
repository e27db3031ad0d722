/* SIDs as text: ConvertSidToStringSidA/W ("S-1-5-21-..."; an authority
 * of 2^32 or more in hex) and ConvertStringSidToSidA/W (that form, or an
 * SDDL alias such as "BA" or "WD").  Results come from the process heap:
 * free them with LocalFree, as documented. */
#include "adv_security.h"

static const struct {
	const WCHAR *alias;
	struct adv_sid sid;
} aliases[] = {
	{ L"WD", { 1, 1, { 0 } } },         { L"CO", { 3, 1, { 0 } } },
	{ L"IU", { 5, 1, { 4 } } },         { L"AU", { 5, 1, { 11 } } },
	{ L"SY", { 5, 1, { 18 } } },        { L"LS", { 5, 1, { 19 } } },
	{ L"NS", { 5, 1, { 20 } } },        { L"BA", { 5, 2, { 32, 544 } } },
	{ L"BU", { 5, 2, { 32, 545 } } },   { L"BG", { 5, 2, { 32, 546 } } },
	{ L"LW", { 16, 1, { 0x1000 } } },   { L"ME", { 16, 1, { 0x2000 } } },
	{ L"HI", { 16, 1, { 0x3000 } } },   { L"SI", { 16, 1, { 0x4000 } } },
};

static WCHAR *put_number(WCHAR *p, ULONGLONG v, BOOL hex)
{
	WCHAR tmp[24];
	int n = 0;

	do
		tmp[n++] = L"0123456789ABCDEF"[v % (hex ? 16 : 10)];
	while ((v /= hex ? 16 : 10));
	if (hex) {
		*p++ = L'0';
		*p++ = L'x';
	}
	while (n)
		*p++ = tmp[--n];
	return p;
}

ADVAPI BOOL WINAPI ConvertSidToStringSidW(PSID sid, LPWSTR *out)
{
	SID *s = sid;
	ULONGLONG auth = 0;
	WCHAR *text, *p;

	if (!out)
		return adv_fail_error(ERROR_INVALID_PARAMETER);
	if (!adv_sid_length(sid))
		return adv_fail_error(ERROR_INVALID_SID);
	if (!(text = adv_alloc((16 + 24 + 11 * s->SubAuthorityCount) * sizeof(WCHAR))))
		return adv_fail_error(ERROR_NOT_ENOUGH_MEMORY);
	for (int i = 0; i < 6; i++)
		auth = auth << 8 | s->IdentifierAuthority.Value[i];
	p = text;
	*p++ = L'S';
	*p++ = L'-';
	p = put_number(p, s->Revision, FALSE);
	*p++ = L'-';
	p = put_number(p, auth, auth >> 32 != 0);
	for (int i = 0; i < s->SubAuthorityCount; i++) {
		*p++ = L'-';
		p = put_number(p, s->SubAuthority[i], FALSE);
	}
	*p = 0;
	*out = text;
	return TRUE;
}

ADVAPI BOOL WINAPI ConvertSidToStringSidA(PSID sid, LPSTR *out)
{
	WCHAR *w;
	char *a;
	SIZE_T i = 0;

	if (!out)
		return adv_fail_error(ERROR_INVALID_PARAMETER);
	if (!ConvertSidToStringSidW(sid, &w))
		return FALSE;
	a = (char *)w; /* the text is ASCII: narrowed in place, front to back */
	do
		a[i] = (char)w[i];
	while (w[i++]);
	*out = a;
	return TRUE;
}

/* A decimal (or 0x hex) number up to '-' or the end; FALSE if none. */
static BOOL get_number(const WCHAR **s, ULONGLONG *v, ULONGLONG max)
{
	const WCHAR *p = *s;
	BOOL hex = p[0] == L'0' && (p[1] | 0x20) == L'x';
	int digits = 0;

	*v = 0;
	for (p += hex ? 2 : 0;; p++, digits++) {
		int d = *p >= L'0' && *p <= L'9' ? *p - L'0'
			: hex && (*p | 0x20) >= L'a' && (*p | 0x20) <= L'f' ? (*p | 0x20) - L'a' + 10 : -1;

		if (d < 0)
			break;
		*v = *v * (hex ? 16 : 10) + (ULONGLONG)d;
		if (*v > max)
			return FALSE;
	}
	*s = p;
	return digits > 0;
}

static BOOL parse_sid(const WCHAR *text, SID *s)
{
	ULONGLONG v;

	if ((text[0] | 0x20) != L's' || text[1] != L'-')
		return FALSE;
	text += 2;
	if (!get_number(&text, &v, 255) || v != SID_REVISION || *text++ != L'-' ||
	    !get_number(&text, &v, 0xFFFFFFFFFFFFull))
		return FALSE;
	s->Revision = SID_REVISION;
	s->SubAuthorityCount = 0;
	for (int i = 0; i < 6; i++)
		s->IdentifierAuthority.Value[i] = (BYTE)(v >> (40 - 8 * i));
	while (*text) {
		if (*text++ != L'-' || s->SubAuthorityCount == SID_MAX_SUB_AUTHORITIES ||
		    !get_number(&text, &v, 0xFFFFFFFFull))
			return FALSE;
		s->SubAuthority[s->SubAuthorityCount++] = (DWORD)v;
	}
	return TRUE;
}

static BOOL alias_sid(const WCHAR *text, SID *s)
{
	for (size_t i = 0; i < ARRAYSIZE(aliases); i++) {
		if (_wcsicmp(text, aliases[i].alias))
			continue;
		s->Revision = SID_REVISION;
		s->SubAuthorityCount = aliases[i].sid.count;
		memset(&s->IdentifierAuthority, 0, 6);
		s->IdentifierAuthority.Value[5] = aliases[i].sid.authority;
		memcpy(s->SubAuthority, aliases[i].sid.sub, 4u * aliases[i].sid.count);
		return TRUE;
	}
	return FALSE;
}

ADVAPI BOOL WINAPI ConvertStringSidToSidW(LPCWSTR text, PSID *out)
{
	BYTE buf[8 + 4 * SID_MAX_SUB_AUTHORITIES];
	SID *s = (SID *)buf;
	DWORD n;

	if (!text || !out)
		return adv_fail_error(ERROR_INVALID_PARAMETER);
	if (!parse_sid(text, s) && !alias_sid(text, s))
		return adv_fail_error(ERROR_INVALID_SID);
	n = adv_sid_length(s);
	if (!(*out = adv_alloc(n)))
		return adv_fail_error(ERROR_NOT_ENOUGH_MEMORY);
	memcpy(*out, s, n);
	return TRUE;
}

ADVAPI BOOL WINAPI ConvertStringSidToSidA(LPCSTR text, PSID *out)
{
	WCHAR *w = NULL;
	LSTATUS err = adv_a_to_w(text, &w);
	BOOL ok;

	if (err != ERROR_SUCCESS)
		return adv_fail_error(err);
	ok = ConvertStringSidToSidW(w, out);
	adv_free(w);
	return ok;
}
