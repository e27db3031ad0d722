/*
 * Locale names and LCIDs: RtlLocaleNameToLcid, RtlLcidToLocaleName,
 * RtlIsValidLocaleName over the shared table (src/win32/nls/locales.txt).
 * A neutral name ("en") is accepted only with RTL_LOCALE_ALLOW_NEUTRAL_NAMES;
 * the default locale (user, system and UI) is en-US.
 */
#include "rtl_private.h"
#include "nls/nls.h"

#define RTL_LOCALE_ALLOW_NEUTRAL_NAMES 2

static const struct nls_locale_name *find_name(const WCHAR *name, ULONG flags)
{
	const struct nls_locale_name *e;

	if (!name || !(e = nls_locale_by_name(name)))
		return NULL;
	if (e->kind == NLS_LOCALE_NEUTRAL && !(flags & RTL_LOCALE_ALLOW_NEUTRAL_NAMES))
		return NULL;
	return e;
}

RTLAPI NTSTATUS NTAPI RtlLocaleNameToLcid(const WCHAR *name, LCID *lcid, ULONG flags)
{
	const struct nls_locale_name *e = find_name(name, flags);

	if (!e)
		return STATUS_INVALID_PARAMETER_1;
	if (lcid)
		*lcid = e->lcid;
	return STATUS_SUCCESS;
}

RTLAPI BOOLEAN NTAPI RtlIsValidLocaleName(const WCHAR *name, ULONG flags)
{
	return find_name(name, flags) != NULL;
}

/* The entry of an LCID, with the special LCIDs resolved; NULL if none. */
static const struct nls_locale_name *lcid_entry(LCID lcid, ULONG flags)
{
	const struct nls_locale_name *e;

	switch (lcid) {
	case LOCALE_USER_DEFAULT:
	case LOCALE_SYSTEM_DEFAULT:
	case LOCALE_CUSTOM_DEFAULT:
	case LOCALE_CUSTOM_UI_DEFAULT:
		lcid = NLS_DEFAULT_LCID;
		break;
	case LOCALE_NEUTRAL:
	case LOCALE_CUSTOM_UNSPECIFIED:
		return NULL;
	}
	if (!(e = nls_locale_by_lcid(lcid)))
		return NULL;
	if (e->kind == NLS_LOCALE_NEUTRAL && !(flags & RTL_LOCALE_ALLOW_NEUTRAL_NAMES))
		return NULL;
	return e;
}

RTLAPI NTSTATUS NTAPI RtlLcidToLocaleName(LCID lcid, UNICODE_STRING *str, ULONG flags,
					    BOOLEAN allocate)
{
	const struct nls_locale_name *e = lcid_entry(lcid, flags);
	USHORT len;

	if (!e)
		return STATUS_INVALID_PARAMETER_1;
	if (!str)
		return STATUS_INVALID_PARAMETER_2;
	len = (USHORT)(wcslen(e->name) * sizeof(WCHAR));
	if (allocate) {
		str->Buffer = RtlAllocateHeap(lsw_process_heap(), 0, len + sizeof(WCHAR));
		if (!str->Buffer)
			return STATUS_NO_MEMORY;
		str->MaximumLength = len + sizeof(WCHAR);
	} else if (str->MaximumLength < len + sizeof(WCHAR)) {
		return STATUS_BUFFER_TOO_SMALL;
	}
	memcpy(str->Buffer, e->name, len + sizeof(WCHAR));
	str->Length = len;
	return STATUS_SUCCESS;
}
