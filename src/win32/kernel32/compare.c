/*
 * CompareString, CompareStringOrdinal, FindNLSString, FindStringOrdinal and
 * the sort version.  The linguistic ones compare sort keys (sort_key.c); a
 * locale tailors the default sort only as k32_sort_tailoring says.
 */
#include "k32_nls.h"
#include "k32_sort.h"

/* Our collation's version, as GetNLSVersion reports it (major.minor). */
#define SORT_VERSION 0x00010001

/* The locale a linguistic function names: NULL is the user default. */
static BOOL sort_locale_name(const WCHAR *name)
{
	struct k32_locale loc;

	return k32_locale_from_name(name, TRUE, &loc) || k32_error(ERROR_INVALID_PARAMETER);
}

static BOOL sort_locale_lcid(LCID lcid)
{
	struct k32_locale loc;

	return k32_locale_from_lcid(lcid, &loc) || k32_error(ERROR_INVALID_PARAMETER);
}

static int compare(const struct k32_locale *loc, DWORD flags, const WCHAR *s1, int n1,
		   const WCHAR *s2, int n2)
{
	if (!s1 || !s2)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (flags & ~K32_SORT_FLAGS)
		return k32_error(ERROR_INVALID_FLAGS);
	if (n1 < 0)
		n1 = k32_wcslen(s1);
	if (n2 < 0)
		n2 = k32_wcslen(s2);
	return k32_sort_compare(s1, n1, s2, n2, flags | k32_sort_tailoring(loc));
}

K32API int WINAPI CompareStringEx(LPCWSTR locale, DWORD flags, LPCWCH s1, int n1, LPCWCH s2,
				  int n2, LPNLSVERSIONINFO version, LPVOID reserved, LPARAM param)
{
	struct k32_locale loc;

	if (reserved || param || !k32_locale_from_name(locale, TRUE, &loc))
		return k32_error(ERROR_INVALID_PARAMETER);
	return compare(&loc, flags, s1, n1, s2, n2);
}

K32API int WINAPI CompareStringW(LCID lcid, DWORD flags, PCNZWCH s1, int n1, PCNZWCH s2, int n2)
{
	struct k32_locale loc;

	if (!k32_locale_from_lcid(lcid, &loc))
		return k32_error(ERROR_INVALID_PARAMETER);
	return compare(&loc, flags, s1, n1, s2, n2);
}

/* Converted in the locale's ANSI code page (LOCALE_USE_CP_ACP: CP_ACP's). */
K32API int WINAPI CompareStringA(LCID lcid, DWORD flags, PCNZCH s1, int n1, PCNZCH s2, int n2)
{
	struct k32_locale loc;
	WCHAR *w1 = NULL, *w2 = NULL;
	int l1, l2, r = 0;
	UINT cp;

	if (!s1 || !s2)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (!k32_locale_from_lcid(lcid, &loc))
		return k32_error(ERROR_INVALID_PARAMETER);
	if (flags & SORT_DIGITSASNUMBERS) /* a W-only flag */
		return k32_error(ERROR_INVALID_FLAGS);
	cp = (flags & LOCALE_USE_CP_ACP) ? CP_ACP : k32_locale_ansi_cp(&loc);
	flags &= ~LOCALE_USE_CP_ACP;
	if ((w1 = k32_a_arg(cp, s1, n1, &l1)) && (w2 = k32_a_arg(cp, s2, n2, &l2)))
		r = compare(&loc, flags, w1, l1, w2, l2);
	k32_free(w1);
	k32_free(w2);
	return r;
}

/* Code-point order, optionally after upper-casing (documented). */
K32API int WINAPI CompareStringOrdinal(LPCWCH s1, int n1, LPCWCH s2, int n2, BOOL ignore_case)
{
	int i, n;

	if (!s1 || !s2)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (n1 < 0)
		n1 = k32_wcslen(s1);
	if (n2 < 0)
		n2 = k32_wcslen(s2);
	n = n1 < n2 ? n1 : n2;
	for (i = 0; i < n; i++) {
		WCHAR a = s1[i], b = s2[i];
		if (ignore_case)
			a = (WCHAR)nls_toupper(a), b = (WCHAR)nls_toupper(b);
		if (a != b)
			return a < b ? CSTR_LESS_THAN : CSTR_GREATER_THAN;
	}
	return n1 < n2 ? CSTR_LESS_THAN : n1 > n2 ? CSTR_GREATER_THAN : CSTR_EQUAL;
}

#define FIND_FLAGS (FIND_STARTSWITH | FIND_ENDSWITH | FIND_FROMSTART | FIND_FROMEND)

static BOOL sort_equal(const WCHAR *a, int na, const WCHAR *b, int nb, DWORD flags)
{
	return k32_sort_compare(a, na, b, nb, flags) == CSTR_EQUAL;
}

/* The first (or last) src[i..j) that sorts equal to value; a match is at
 * most 2 * nv + 16 units long (the ignorable characters it may hold). */
static int find_sorted(DWORD flags, const WCHAR *src, int ns, const WCHAR *value, int nv,
		       int *found)
{
	DWORD cmp = flags & K32_SORT_FLAGS;
	BOOL back = (flags & (FIND_FROMEND | FIND_ENDSWITH)) != 0;
	int i, j, k, longest = 2 * nv + 16, lo = 0, hi = ns;

	if (flags & FIND_STARTSWITH)
		hi = 0;
	if ((flags & FIND_ENDSWITH) && ns > longest)
		lo = ns - longest;
	for (k = 0; k <= hi - lo; k++) {
		i = back ? hi - k : lo + k;
		for (j = (flags & FIND_ENDSWITH) ? ns : i; j <= ns && j - i <= longest; j++) {
			if (sort_equal(src + i, j - i, value, nv, cmp)) {
				if (found)
					*found = j - i;
				return i;
			}
		}
	}
	k32_error(ERROR_SUCCESS);
	return -1;
}

static int find_nls(DWORD flags, const WCHAR *src, int ns, const WCHAR *value, int nv,
		    int *found)
{
	if (!src || !value || !ns || !nv || ns < -1 || nv < -1) {
		k32_error(ERROR_INVALID_PARAMETER);
		return -1;
	}
	if (flags & ~(K32_SORT_FLAGS | FIND_FLAGS)) {
		k32_error(ERROR_INVALID_FLAGS);
		return -1;
	}
	if (ns < 0)
		ns = k32_wcslen(src);
	if (nv < 0)
		nv = k32_wcslen(value);
	return find_sorted(flags, src, ns, value, nv, found);
}

K32API int WINAPI FindNLSStringEx(LPCWSTR locale, DWORD flags, LPCWSTR src, int ns,
				  LPCWSTR value, int nv, LPINT found, LPNLSVERSIONINFO version,
				  LPVOID reserved, LPARAM handle)
{
	if (reserved || handle || !sort_locale_name(locale)) {
		k32_error(ERROR_INVALID_PARAMETER);
		return -1;
	}
	return find_nls(flags, src, ns, value, nv, found);
}

K32API int WINAPI FindNLSString(LCID lcid, DWORD flags, LPCWSTR src, int ns, LPCWSTR value,
				int nv, LPINT found)
{
	if (!sort_locale_lcid(lcid))
		return -1;
	return find_nls(flags, src, ns, value, nv, found);
}

static BOOL ordinal_at(const WCHAR *s, const WCHAR *v, int nv, BOOL ignore_case)
{
	int i;

	for (i = 0; i < nv; i++)
		if (ignore_case ? nls_toupper(s[i]) != nls_toupper(v[i]) : s[i] != v[i])
			return FALSE;
	return TRUE;
}

K32API int WINAPI FindStringOrdinal(DWORD flags, LPCWSTR src, int ns, LPCWSTR value, int nv,
				    BOOL ignore_case)
{
	int i, first, step;

	if (!src || !value) {
		k32_error(ERROR_INVALID_PARAMETER);
		return -1;
	}
	if (flags != FIND_FROMSTART && flags != FIND_FROMEND && flags != FIND_STARTSWITH &&
	    flags != FIND_ENDSWITH) {
		k32_error(ERROR_INVALID_FLAGS);
		return -1;
	}
	if (ns < 0)
		ns = k32_wcslen(src);
	if (nv < 0)
		nv = k32_wcslen(value);
	k32_error(ERROR_SUCCESS);
	if (nv > ns)
		return -1;
	first = (flags == FIND_FROMEND || flags == FIND_ENDSWITH) ? ns - nv : 0;
	step = first ? -1 : 1;
	for (i = first; i >= 0 && i <= ns - nv; i += step) {
		if (ordinal_at(src + i, value, nv, ignore_case))
			return i;
		if (flags == FIND_STARTSWITH || flags == FIND_ENDSWITH)
			break;
	}
	return -1;
}

/* NLSVERSIONINFO (12 bytes) or NLSVERSIONINFOEX (32) of a locale's sort. */
static BOOL nls_version(NLS_FUNCTION fn, const struct k32_locale *loc, NLSVERSIONINFOEX *info)
{
	if (fn != COMPARE_STRING)
		return k32_error(ERROR_INVALID_FLAGS);
	if (!info || (info->dwNLSVersionInfoSize != sizeof(NLSVERSIONINFOEX) &&
		      info->dwNLSVersionInfoSize != offsetof(NLSVERSIONINFOEX, dwEffectiveId)))
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	info->dwNLSVersion = SORT_VERSION;
	info->dwDefinedVersion = SORT_VERSION;
	if (info->dwNLSVersionInfoSize == sizeof(NLSVERSIONINFOEX)) {
		info->dwEffectiveId = k32_locale_lcid(loc);
		memset(&info->guidCustomVersion, 0, sizeof(GUID));
	}
	return TRUE;
}

K32API BOOL WINAPI GetNLSVersion(NLS_FUNCTION fn, LCID lcid, LPNLSVERSIONINFO info)
{
	struct k32_locale loc;

	if (!k32_locale_from_lcid(lcid, &loc))
		return k32_error(ERROR_INVALID_PARAMETER);
	return nls_version(fn, &loc, (NLSVERSIONINFOEX *)info);
}

K32API BOOL WINAPI GetNLSVersionEx(NLS_FUNCTION fn, LPCWSTR name, LPNLSVERSIONINFOEX info)
{
	struct k32_locale loc;

	if (!k32_locale_from_name(name, TRUE, &loc))
		return k32_error(ERROR_INVALID_PARAMETER);
	return nls_version(fn, &loc, info);
}

/* A version is ours when its major part (all but the low byte: the
 * revision) is, and for the EX form its custom-version GUID too; FALSE
 * with ERROR_SUCCESS when it is not ours. */
K32API DWORD WINAPI IsValidNLSVersion(NLS_FUNCTION fn, LPCWSTR name, LPNLSVERSIONINFOEX info)
{
	static const GUID our_guid;
	struct k32_locale loc;

	if (fn != COMPARE_STRING || !info || !k32_locale_from_name(name, TRUE, &loc))
		return k32_error(ERROR_INVALID_PARAMETER);
	if (info->dwNLSVersionInfoSize != sizeof(NLSVERSIONINFOEX) &&
	    info->dwNLSVersionInfoSize != offsetof(NLSVERSIONINFOEX, dwEffectiveId))
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	if ((info->dwNLSVersion >> 8) != (SORT_VERSION >> 8) ||
	    (info->dwNLSVersionInfoSize == sizeof(NLSVERSIONINFOEX) &&
	     memcmp(&info->guidCustomVersion, &our_guid, sizeof(GUID))))
		return k32_error(ERROR_SUCCESS);
	return TRUE;
}

/* Every character of the string assigned (ctype C1_DEFINED, a surrogate
 * only as half of a pair); FALSE without an error otherwise. */
K32API BOOL WINAPI IsNLSDefinedString(NLS_FUNCTION fn, DWORD flags, LPNLSVERSIONINFO info,
				      LPCWSTR str, INT n)
{
	int i;

	if (fn != COMPARE_STRING)
		return k32_error(ERROR_INVALID_FLAGS);
	if (info && info->dwNLSVersionInfoSize != sizeof(NLSVERSIONINFOEX) &&
	    info->dwNLSVersionInfoSize != offsetof(NLSVERSIONINFOEX, dwEffectiveId))
		return k32_error(ERROR_INSUFFICIENT_BUFFER);
	if (!str)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (n < 0)
		n = k32_wcslen(str);
	for (i = 0; i < n; i++) {
		if (IS_HIGH_SURROGATE(str[i]) && i + 1 < n && IS_LOW_SURROGATE(str[i + 1]))
			i++;
		else if (IS_HIGH_SURROGATE(str[i]) || IS_LOW_SURROGATE(str[i]) ||
			 !(nls_ctype1(str[i]) & C1_DEFINED))
			return FALSE;
	}
	return TRUE;
}
