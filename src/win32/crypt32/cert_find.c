/* Searches in the arrays of a decoded certificate (extensions,
 * attributes, the attributes of a name) by object identifier, and the
 * validity period check.  As on Windows, a search that finds nothing
 * returns NULL and leaves the last error alone. */
#include "crypt32_private.h"

static BOOL same_oid(LPCSTR want, LPCSTR have)
{
	return have && !strcmp(want, have);
}

C32_API PCERT_EXTENSION WINAPI CertFindExtension(LPCSTR oid, DWORD count, CERT_EXTENSION exts[])
{
	if (!oid || !exts)
		return NULL;
	for (DWORD i = 0; i < count; i++)
		if (same_oid(oid, exts[i].pszObjId))
			return &exts[i];
	return NULL;
}

C32_API PCRYPT_ATTRIBUTE WINAPI CertFindAttribute(LPCSTR oid, DWORD count, CRYPT_ATTRIBUTE attrs[])
{
	if (!oid || !attrs)
		return NULL;
	for (DWORD i = 0; i < count; i++)
		if (same_oid(oid, attrs[i].pszObjId))
			return &attrs[i];
	return NULL;
}

C32_API PCERT_RDN_ATTR WINAPI CertFindRDNAttr(LPCSTR oid, PCERT_NAME_INFO name)
{
	if (!oid || !name)
		return NULL;
	for (DWORD i = 0; i < name->cRDN; i++) {
		CERT_RDN *rdn = &name->rgRDN[i];

		for (DWORD j = 0; j < rdn->cRDNAttr; j++)
			if (same_oid(oid, rdn->rgRDNAttr[j].pszObjId))
				return &rdn->rgRDNAttr[j];
	}
	return NULL;
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
