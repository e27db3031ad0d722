/* Certificate stores, all empty: the sandbox holds no certificates (no
 * system store is shared with the host).  Any store can be opened,
 * duplicated and closed; enumerations and searches find nothing
 * (CRYPT_E_NOT_FOUND).  A store is reference-counted. */
#include "crypt32_private.h"

struct store {
	DWORD magic;
	LONG refs;
};
#define STORE_MAGIC 0x524f5453u /* "STOR" */

/* Providers this can stand for (wincrypt.h's CERT_STORE_PROV_*): in
 * memory, system, registry, physical and collection stores. */
static BOOL provider_known(LPCSTR provider)
{
	static const char *names[] = { "Memory", "System", "SystemRegistry", "Collection",
				       "Physical" };
	ULONG_PTR id = (ULONG_PTR)provider;

	if (id >> 16 == 0)
		return id == 2 || (id >= 9 && id <= 14); /* MEMORY, SYSTEM_A.. PHYSICAL_W */
	for (size_t i = 0; i < ARRAYSIZE(names); i++)
		if (!lstrcmpiA(provider, names[i]))
			return TRUE;
	return FALSE;
}

static HCERTSTORE new_store(void)
{
	struct store *s = HeapAlloc(GetProcessHeap(), 0, sizeof(*s));

	if (!s) {
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
		return NULL;
	}
	s->magic = STORE_MAGIC;
	s->refs = 1;
	return s;
}

static struct store *store_of(HCERTSTORE h)
{
	struct store *s = h;

	return s && s->magic == STORE_MAGIC ? s : NULL;
}

C32_API HCERTSTORE WINAPI CertOpenStore(LPCSTR provider, DWORD encoding, HCRYPTPROV_LEGACY prov,
					DWORD flags, const void *para)
{
	if (!provider_known(provider)) {
		SetLastError(ERROR_CALL_NOT_IMPLEMENTED); /* file, PKCS#7, serialized... */
		return NULL;
	}
	if (flags & CERT_STORE_DELETE_FLAG) { /* documented: NULL, and no error when deleted */
		SetLastError(ERROR_SUCCESS);
		return NULL;
	}
	return new_store();
}

C32_API HCERTSTORE WINAPI CertOpenSystemStoreW(HCRYPTPROV_LEGACY prov, LPCWSTR name)
{
	return new_store();
}

C32_API HCERTSTORE WINAPI CertOpenSystemStoreA(HCRYPTPROV_LEGACY prov, LPCSTR name)
{
	return new_store();
}

C32_API HCERTSTORE WINAPI CertDuplicateStore(HCERTSTORE h)
{
	struct store *s = store_of(h);

	if (s)
		InterlockedIncrement(&s->refs);
	return h;
}

C32_API WINBOOL WINAPI CertCloseStore(HCERTSTORE h, DWORD flags)
{
	struct store *s = store_of(h);

	if (!h)
		return TRUE;
	if (!s)
		return c32_fail(ERROR_INVALID_HANDLE);
	if (InterlockedDecrement(&s->refs) == 0) {
		s->magic = 0;
		HeapFree(GetProcessHeap(), 0, s);
	}
	return TRUE;
}

C32_API PCCERT_CONTEXT WINAPI CertEnumCertificatesInStore(HCERTSTORE h, PCCERT_CONTEXT prev)
{
	SetLastError(store_of(h) ? (DWORD)CRYPT_E_NOT_FOUND : ERROR_INVALID_HANDLE);
	return NULL;
}

C32_API PCCERT_CONTEXT WINAPI CertFindCertificateInStore(HCERTSTORE h, DWORD encoding, DWORD flags,
							 DWORD type, const void *para,
							 PCCERT_CONTEXT prev)
{
	SetLastError(store_of(h) ? (DWORD)CRYPT_E_NOT_FOUND : ERROR_INVALID_HANDLE);
	return NULL;
}

C32_API PCCRL_CONTEXT WINAPI CertEnumCRLsInStore(HCERTSTORE h, PCCRL_CONTEXT prev)
{
	SetLastError(store_of(h) ? (DWORD)CRYPT_E_NOT_FOUND : ERROR_INVALID_HANDLE);
	return NULL;
}

C32_API PCCTL_CONTEXT WINAPI CertEnumCTLsInStore(HCERTSTORE h, PCCTL_CONTEXT prev)
{
	SetLastError(store_of(h) ? (DWORD)CRYPT_E_NOT_FOUND : ERROR_INVALID_HANDLE);
	return NULL;
}

/* No CRL context is ever handed out; freeing NULL is allowed and succeeds. */
C32_API WINBOOL WINAPI CertFreeCRLContext(PCCRL_CONTEXT ctx)
{
	return TRUE;
}
