/* Searches in the arrays of a decoded certificate (extensions,
 * attributes, the attributes of a name) by object identifier, and the
 * validity period check.  As on Windows, a search that finds nothing
 * returns NULL and leaves the last error alone. */
#include "crypt32_private.h"

/* The first of count structures of the given size whose first member,
 * an object identifier string (pszObjId), is oid; NULL if none is. */
static void *find_by_oid(LPCSTR oid, DWORD count, void *array, size_t size)
{
	for (DWORD i = 0; oid && array && i < count; i++) {
		BYTE *item = (BYTE *)array + i * size;
		LPCSTR have = *(LPCSTR *)item;

		if (have && !strcmp(oid, have))
			return item;
	}
	return NULL;
}

C32_API PCERT_EXTENSION WINAPI CertFindExtension(LPCSTR oid, DWORD count, CERT_EXTENSION exts[])
{
	return find_by_oid(oid, count, exts, sizeof(*exts));
}

C32_API PCRYPT_ATTRIBUTE WINAPI CertFindAttribute(LPCSTR oid, DWORD count, CRYPT_ATTRIBUTE attrs[])
{
	return find_by_oid(oid, count, attrs, sizeof(*attrs));
}

C32_API PCERT_RDN_ATTR WINAPI CertFindRDNAttr(LPCSTR oid, PCERT_NAME_INFO name)
{
	CERT_RDN_ATTR *found = NULL;

	for (DWORD i = 0; oid && name && !found && i < name->cRDN; i++)
		found = find_by_oid(oid, name->rgRDN[i].cRDNAttr, name->rgRDN[i].rgRDNAttr,
				    sizeof(CERT_RDN_ATTR));
	return found;
}

static ULONGLONG filetime_value(const FILETIME *ft)
{
	return (ULONGLONG)ft->dwHighDateTime << 32 | ft->dwLowDateTime;
}

/* -1: before NotBefore, 1: after NotAfter, 0: within (both ends count
 * as within).  No time given: now. */
C32_API LONG WINAPI CertVerifyTimeValidity(LPFILETIME when, PCERT_INFO info)
{
	FILETIME now;

	if (!when) {
		GetSystemTimeAsFileTime(&now);
		when = &now;
	}
	if (filetime_value(when) < filetime_value(&info->NotBefore))
		return -1;
	if (filetime_value(when) > filetime_value(&info->NotAfter))
		return 1;
	return 0;
}
