/*
 * The preferred UI languages (RtlGet{System,User,Thread,Process}Preferred-
 * UILanguages): one, en-US, the only language lsw's DLLs speak.  The list
 * is a multi-string (each language NUL-terminated, an empty one ends it)
 * of LANGIDs as four hex digits (MUI_LANGUAGE_ID) or of names (the
 * default, MUI_LANGUAGE_NAME); sizes count WCHARs.
 */
#include "rtl_private.h"

#define MUI_LANGUAGE_ID 0x4
#define MUI_LANGUAGE_NAME 0x8
#define MUI_MERGE_FALLBACKS 0x30
#define MUI_THREAD_LANGUAGES 0x40
#define MUI_FILTERS 0x301 /* console, complex script, reset */
#define MUI_MACHINE_LANGUAGE_SETTINGS 0x400

#define UI_LANGUAGE_ID L"0409"
#define UI_LANGUAGE_NAME L"en-US"

/* `allowed`: the flags this form takes besides ID and NAME.  With no
 * buffer *size must be 0 (strict) or is ignored. */
static NTSTATUS preferred_languages(ULONG flags, ULONG allowed, BOOL strict, ULONG *count,
				    WCHAR *buf, ULONG *size)
{
	const WCHAR *lang = (flags & MUI_LANGUAGE_ID) ? UI_LANGUAGE_ID : UI_LANGUAGE_NAME;
	ULONG len = (ULONG)wcslen(lang), need = len + 2;

	if ((flags & ~(allowed | MUI_LANGUAGE_ID | MUI_LANGUAGE_NAME)) ||
	    (flags & (MUI_LANGUAGE_ID | MUI_LANGUAGE_NAME)) == (MUI_LANGUAGE_ID | MUI_LANGUAGE_NAME) ||
	    !count || !size || (strict && !buf && *size))
		return STATUS_INVALID_PARAMETER;
	*count = 1;
	if (buf && *size < need) {
		*size = need;
		return STATUS_BUFFER_TOO_SMALL;
	}
	if (buf) {
		memcpy(buf, lang, (len + 1) * sizeof(WCHAR));
		buf[len + 1] = 0;
	}
	*size = need;
	return STATUS_SUCCESS;
}

RTLAPI NTSTATUS NTAPI RtlGetSystemPreferredUILanguages(ULONG flags, ULONG unknown, ULONG *count,
							 WCHAR *buf, ULONG *size)
{
	return preferred_languages(flags, MUI_MACHINE_LANGUAGE_SETTINGS, TRUE, count, buf, size);
}

RTLAPI NTSTATUS NTAPI RtlGetUserPreferredUILanguages(ULONG flags, ULONG unknown, ULONG *count,
						       WCHAR *buf, ULONG *size)
{
	return preferred_languages(flags, 0, TRUE, count, buf, size);
}

RTLAPI NTSTATUS NTAPI RtlGetThreadPreferredUILanguages(ULONG flags, ULONG *count, WCHAR *buf,
							 ULONG *size)
{
	return preferred_languages(flags, MUI_MERGE_FALLBACKS | MUI_THREAD_LANGUAGES | MUI_FILTERS,
				   FALSE, count, buf, size);
}

RTLAPI NTSTATUS NTAPI RtlGetProcessPreferredUILanguages(ULONG flags, ULONG *count, WCHAR *buf,
							  ULONG *size)
{
	return preferred_languages(flags, 0, FALSE, count, buf, size);
}
