/*
 * Code pages: which ones exist and what GetCPInfo says of them.  The ANSI
 * code page is 1252 and the OEM one 437 (an en-US Windows 10); the single-
 * byte pages are tables (src/win32/nls), the double-byte ones (932, 936,
 * 949, 950) System32's NLS files (dbcs.c), UTF-7 and UTF-8 are code.
 */
#include "k32_nls.h"

#define ANSI_CP 1252
#define OEM_CP 437
#define MAC_CP 10000

UINT k32_resolve_cp(UINT cp)
{
	struct k32_locale loc;
	UINT acp;

	switch (cp) {
	case CP_ACP:
		return ANSI_CP;
	case CP_OEMCP:
		return OEM_CP;
	case CP_MACCP:
		return MAC_CP;
	case CP_THREAD_ACP:
		if (!k32_locale_from_lcid(k32_thread_lcid(), &loc))
			return ANSI_CP;
		if (!(acp = k32_locale_number(&loc, LF_ANSI)))
			return ANSI_CP;
		return nls_sb_page(acp) || k32_dbcs_page(acp) ? acp : CP_UTF8;
	}
	return cp;
}

K32API UINT WINAPI GetACP(void)
{
	return ANSI_CP;
}

K32API UINT WINAPI GetOEMCP(void)
{
	return OEM_CP;
}

K32API BOOL WINAPI IsValidCodePage(UINT cp)
{
	return cp == CP_UTF7 || cp == CP_UTF8 || nls_sb_page(cp) || k32_dbcs_page(cp);
}

/* "1252  (ANSI - Latin I)": the number left-aligned in five columns. */
static void code_page_name(UINT cp, const WCHAR *name, WCHAR *out)
{
	int n = k32_utow(cp, out);

	while (n < 5)
		out[n++] = ' ';
	out[n++] = ' ';
	out[n++] = '(';
	while (*name && n < MAX_PATH - 2)
		out[n++] = *name++;
	out[n++] = ')';
	out[n] = 0;
}

/* GetCPInfoEx names of the double-byte pages. */
static const WCHAR *dbcs_name(UINT cp)
{
	switch (cp) {
	case 932: return L"ANSI/OEM - Japanese Shift-JIS";
	case 936: return L"ANSI/OEM - Simplified Chinese GBK";
	case 949: return L"ANSI/OEM - Korean";
	default: return L"ANSI/OEM - Traditional Chinese Big5";
	}
}

static void dbcs_info(UINT cp, const LSW_CPTABLEINFO *t, CPINFOEXW *info)
{
	memset(info, 0, sizeof(*info));
	info->MaxCharSize = 2;
	info->DefaultChar[0] = (BYTE)t->DefaultChar;
	memcpy(info->LeadByte, t->LeadByte, sizeof(info->LeadByte));
	info->UnicodeDefaultChar = t->UniDefaultChar;
	info->CodePage = cp;
	code_page_name(cp, dbcs_name(cp), info->CodePageName);
}

/* The GetCPInfoEx view of a (resolved) code page; FALSE if unsupported. */
static BOOL cp_info(UINT cp, CPINFOEXW *info)
{
	const struct nls_sb_page *page = nls_sb_page(cp);
	const LSW_CPTABLEINFO *dbcs = page ? NULL : k32_dbcs_page(cp);
	const WCHAR *name = page ? page->name : cp == CP_UTF8 ? L"UTF-8" : L"UTF-7";

	if (dbcs) {
		dbcs_info(cp, dbcs, info);
		return TRUE;
	}
	if (!page && cp != CP_UTF8 && cp != CP_UTF7)
		return FALSE;
	memset(info, 0, sizeof(*info));
	info->MaxCharSize = page ? 1 : cp == CP_UTF8 ? 4 : 5;
	info->DefaultChar[0] = '?';
	info->UnicodeDefaultChar = page ? '?' : 0xFFFD;
	info->CodePage = cp;
	code_page_name(cp, name, info->CodePageName);
	return TRUE;
}

/* Only the fields and the name up to its NUL reach the caller, as on
 * Windows: .NET Core 2.x's CPINFOEXW declares CodePageName as 260 bytes
 * (284 in all, not 544), and filling the whole structure overran its
 * stack frame (its GS cookie check then failed fast). */
K32API BOOL WINAPI GetCPInfoExW(UINT cp, DWORD flags, LPCPINFOEXW info)
{
	CPINFOEXW w;

	if (!info || !cp_info(k32_resolve_cp(cp), &w))
		return k32_error(ERROR_INVALID_PARAMETER);
	memcpy(info, &w, offsetof(CPINFOEXW, CodePageName) +
				 (wcslen(w.CodePageName) + 1) * sizeof(WCHAR));
	return TRUE;
}

K32API BOOL WINAPI GetCPInfoExA(UINT cp, DWORD flags, LPCPINFOEXA info)
{
	CPINFOEXW w;

	if (!info || !cp_info(k32_resolve_cp(cp), &w))
		return k32_error(ERROR_INVALID_PARAMETER);
	memcpy(info, &w, offsetof(CPINFOEXA, CodePageName));
	WideCharToMultiByte(CP_ACP, 0, w.CodePageName, -1, info->CodePageName,
			    sizeof(info->CodePageName), NULL, NULL);
	return TRUE;
}

K32API BOOL WINAPI GetCPInfo(UINT cp, LPCPINFO info)
{
	CPINFOEXW w;

	if (!info || !cp_info(k32_resolve_cp(cp), &w))
		return k32_error(ERROR_INVALID_PARAMETER);
	memcpy(info, &w, sizeof(*info));
	return TRUE;
}

K32API BOOL WINAPI IsDBCSLeadByteEx(UINT cp, BYTE c)
{
	const LSW_CPTABLEINFO *dbcs;
	CPINFOEXW w;

	cp = k32_resolve_cp(cp);
	if ((dbcs = k32_dbcs_page(cp)))
		return k32_dbcs_is_lead(dbcs, c);
	if (!cp_info(cp, &w))
		return k32_error(ERROR_INVALID_PARAMETER);
	return FALSE;
}

K32API BOOL WINAPI IsDBCSLeadByte(BYTE c)
{
	return IsDBCSLeadByteEx(CP_ACP, c);
}

typedef BOOL(CALLBACK *cp_enum_w)(LPWSTR);
typedef BOOL(CALLBACK *cp_enum_a)(LPSTR);

/* Calls back with each code page number as text, A or W. */
static BOOL enum_code_pages(cp_enum_w procw, cp_enum_a proca, DWORD flags)
{
	static const UINT utf[] = { CP_UTF7, CP_UTF8 };
	const struct nls_sb_page *page;
	int i, n = 0;

	if (!procw && !proca)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (flags != CP_INSTALLED && flags != CP_SUPPORTED)
		return k32_error(ERROR_INVALID_FLAGS);
	for (i = 0; (page = nls_sb_page_at(i)) || n < 2; i++) {
		UINT cp = page ? page->cp : utf[n++];
		WCHAR w[12];
		char a[12];
		int len = k32_utow(cp, w), j;
		for (j = 0; j <= len; j++)
			a[j] = (char)w[j];
		if (procw ? !procw(w) : !proca(a))
			break;
	}
	return TRUE;
}

K32API BOOL WINAPI EnumSystemCodePagesW(CODEPAGE_ENUMPROCW proc, DWORD flags)
{
	return enum_code_pages(proc, NULL, flags);
}

K32API BOOL WINAPI EnumSystemCodePagesA(CODEPAGE_ENUMPROCA proc, DWORD flags)
{
	return enum_code_pages(NULL, proc, flags);
}
