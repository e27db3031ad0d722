/*
 * UI languages: the preferred-language lists (ntdll's Rtl forms do the
 * work: one language, en-US), GetThreadUILanguage and EnumUILanguages.
 */
#include "k32_nls.h"

NTSYSAPI NTSTATUS NTAPI RtlGetSystemPreferredUILanguages(ULONG flags, ULONG unknown,
							 ULONG *count, WCHAR *buf, ULONG *size);
NTSYSAPI NTSTATUS NTAPI RtlGetUserPreferredUILanguages(ULONG flags, ULONG unknown, ULONG *count,
						       WCHAR *buf, ULONG *size);
NTSYSAPI NTSTATUS NTAPI RtlGetThreadPreferredUILanguages(ULONG flags, ULONG *count, WCHAR *buf,
							 ULONG *size);
NTSYSAPI NTSTATUS NTAPI RtlGetProcessPreferredUILanguages(ULONG flags, ULONG *count, WCHAR *buf,
							  ULONG *size);

K32API BOOL WINAPI GetSystemPreferredUILanguages(DWORD flags, ULONG *count, WCHAR *buf,
						 ULONG *size)
{
	NTSTATUS st = RtlGetSystemPreferredUILanguages(flags, 0, count, buf, size);

	return st ? k32_fail(st) : TRUE;
}

K32API BOOL WINAPI GetUserPreferredUILanguages(DWORD flags, ULONG *count, WCHAR *buf, ULONG *size)
{
	NTSTATUS st = RtlGetUserPreferredUILanguages(flags, 0, count, buf, size);

	return st ? k32_fail(st) : TRUE;
}

K32API BOOL WINAPI GetThreadPreferredUILanguages(DWORD flags, ULONG *count, WCHAR *buf,
						 ULONG *size)
{
	NTSTATUS st = RtlGetThreadPreferredUILanguages(flags, count, buf, size);

	return st ? k32_fail(st) : TRUE;
}

K32API BOOL WINAPI GetProcessPreferredUILanguages(DWORD flags, ULONG *count, WCHAR *buf,
						  ULONG *size)
{
	NTSTATUS st = RtlGetProcessPreferredUILanguages(flags, count, buf, size);

	return st ? k32_fail(st) : TRUE;
}

/* A thread's own UI language (SetThreadUILanguage) lives in a TLS slot
 * taken on first use; 0 there means the default. */
static DWORD ui_slot = TLS_OUT_OF_INDEXES;

static DWORD thread_ui_slot(void)
{
	DWORD slot;

	if (ui_slot != TLS_OUT_OF_INDEXES)
		return ui_slot;
	if ((slot = TlsAlloc()) == TLS_OUT_OF_INDEXES)
		return slot;
	if (InterlockedCompareExchange((LONG *)&ui_slot, (LONG)slot, (LONG)TLS_OUT_OF_INDEXES) !=
	    (LONG)TLS_OUT_OF_INDEXES)
		TlsFree(slot); /* another thread was first */
	return ui_slot;
}

K32API LANGID WINAPI GetThreadUILanguage(void)
{
	DWORD error = RtlGetLastWin32Error(); /* TlsGetValue clears it */
	LANGID lang = 0;

	if (ui_slot != TLS_OUT_OF_INDEXES)
		lang = (LANGID)(ULONG_PTR)TlsGetValue(ui_slot);
	RtlSetLastWin32Error(error);
	return lang ? lang : NLS_DEFAULT_LCID;
}

/* 0 keeps the current language (documented: the one that suits the
 * console, which here is the current one); returns the language set. */
K32API LANGID WINAPI SetThreadUILanguage(LANGID lang)
{
	struct k32_locale loc;
	DWORD slot;

	if (!lang)
		return GetThreadUILanguage();
	if (!k32_locale_from_lcid(MAKELCID(lang, SORT_DEFAULT), &loc)) {
		k32_error(ERROR_INVALID_PARAMETER);
		return 0;
	}
	if ((slot = thread_ui_slot()) == TLS_OUT_OF_INDEXES || !TlsSetValue(slot, (void *)(ULONG_PTR)lang))
		return 0;
	return lang;
}

/* The installed UI languages: en-US, as a LANGID in hex ("0409", the
 * default) or a name (MUI_LANGUAGE_NAME). */
static BOOL enum_ui_languages(UILANGUAGE_ENUMPROCW procw, UILANGUAGE_ENUMPROCA proca,
			      DWORD flags, LONG_PTR param)
{
	BOOL by_name = (flags & MUI_LANGUAGE_NAME) != 0;

	if (!procw && !proca)
		return k32_error(ERROR_INVALID_PARAMETER);
	if (flags & ~(MUI_LANGUAGE_ID | MUI_LANGUAGE_NAME))
		return k32_error(ERROR_INVALID_FLAGS);
	if (procw)
		procw(by_name ? L"en-US" : L"0409", param);
	else
		proca(by_name ? "en-US" : "0409", param);
	return TRUE;
}

K32API BOOL WINAPI EnumUILanguagesW(UILANGUAGE_ENUMPROCW proc, DWORD flags, LONG_PTR param)
{
	return enum_ui_languages(proc, NULL, flags, param);
}

K32API BOOL WINAPI EnumUILanguagesA(UILANGUAGE_ENUMPROCA proc, DWORD flags, LONG_PTR param)
{
	return enum_ui_languages(NULL, proc, flags, param);
}
