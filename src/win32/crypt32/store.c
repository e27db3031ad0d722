/* Certificate stores, in memory: the sandbox shares no certificates with
 * the host, so every store opens empty (system stores included) and holds
 * what the program adds to it until it is closed.  A store is
 * reference-counted; it holds a reference on each certificate context in
 * it (cert_context.c), whose hCertStore is the store.  CRLs and CTLs are
 * never held: their enumerations find nothing (CRYPT_E_NOT_FOUND). */
#include "crypt32_private.h"

struct store {
	DWORD magic;
	LONG refs;
	CRITICAL_SECTION lock; /* guards certs */
	PCCERT_CONTEXT *certs;
	DWORD count, cap;
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
	memset(s, 0, sizeof(*s));
	s->magic = STORE_MAGIC;
	s->refs = 1;
	InitializeCriticalSection(&s->lock);
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
		for (DWORD i = 0; i < s->count; i++)
			c32_cert_leave_store(s->certs[i]);
		DeleteCriticalSection(&s->lock);
		HeapFree(GetProcessHeap(), 0, s->certs);
		HeapFree(GetProcessHeap(), 0, s);
	}
	return TRUE;
}

/* The certificate after prev (NULL: the first) that match accepts, with
 * a reference for the caller; prev's reference is released.  NULL with
 * CRYPT_E_NOT_FOUND at the end. */
PCCERT_CONTEXT c32_store_next(HCERTSTORE h, PCCERT_CONTEXT prev,
			      BOOL (*match)(PCCERT_CONTEXT, const void *), const void *para)
{
	struct store *s = store_of(h);
	PCCERT_CONTEXT found = NULL;
	DWORD i = 0;

	if (!s) {
		SetLastError(ERROR_INVALID_HANDLE);
		return NULL;
	}
	EnterCriticalSection(&s->lock);
	if (prev) {
		while (i < s->count && s->certs[i] != prev)
			i++;
		i++; /* past prev (or past the end if it is no longer here) */
	}
	for (; i < s->count && !found; i++)
		if (!match || match(s->certs[i], para))
			found = CertDuplicateCertificateContext(s->certs[i]);
	LeaveCriticalSection(&s->lock);
	if (prev)
		CertFreeCertificateContext(prev);
	if (!found)
		SetLastError((DWORD)CRYPT_E_NOT_FOUND);
	return found;
}

C32_API PCCERT_CONTEXT WINAPI CertEnumCertificatesInStore(HCERTSTORE h, PCCERT_CONTEXT prev)
{
	return c32_store_next(h, prev, NULL, NULL);
}

/* Puts ctx (whose reference the store takes) in the store; replaced: a
 * context it takes the place of. */
BOOL c32_store_put(HCERTSTORE h, PCCERT_CONTEXT ctx, PCCERT_CONTEXT replaced)
{
	struct store *s = store_of(h);
	BOOL ok = TRUE;

	if (!s)
		return c32_fail(ERROR_INVALID_HANDLE);
	EnterCriticalSection(&s->lock);
	for (DWORD i = 0; replaced && i < s->count; i++)
		if (s->certs[i] == replaced) {
			s->certs[i] = ctx;
			ctx = NULL;
			break;
		}
	if (ctx && s->count == s->cap) {
		DWORD cap = s->cap ? s->cap * 2 : 8;
		PCCERT_CONTEXT *grown = s->certs ? HeapReAlloc(GetProcessHeap(), 0, s->certs,
								cap * sizeof(*grown))
						 : HeapAlloc(GetProcessHeap(), 0, cap * sizeof(*grown));

		if (grown) {
			s->certs = grown;
			s->cap = cap;
		} else {
			ok = c32_fail(ERROR_NOT_ENOUGH_MEMORY);
		}
	}
	if (ctx && ok) { /* newest first, as Windows enumerates a memory store */
		memmove(&s->certs[1], &s->certs[0], s->count * sizeof(*s->certs));
		s->certs[0] = ctx;
		s->count++;
	}
	LeaveCriticalSection(&s->lock);
	if (replaced && !ctx)
		c32_cert_leave_store(replaced);
	return ok;
}

/* Takes ctx out of its store (dropping the store's reference). */
BOOL c32_store_remove(HCERTSTORE h, PCCERT_CONTEXT ctx)
{
	struct store *s = store_of(h);
	BOOL found = FALSE;

	if (!s)
		return FALSE;
	EnterCriticalSection(&s->lock);
	for (DWORD i = 0; i < s->count; i++)
		if (s->certs[i] == ctx) {
			memmove(&s->certs[i], &s->certs[i + 1], (s->count - i - 1) * sizeof(*s->certs));
			s->count--;
			found = TRUE;
			break;
		}
	LeaveCriticalSection(&s->lock);
	if (found)
		c32_cert_leave_store(ctx);
	return found;
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
