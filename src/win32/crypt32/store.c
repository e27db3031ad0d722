/* Certificate stores, in memory: the sandbox shares no certificates with
 * the host, so every store opens empty (system stores included) and holds
 * what the program adds to it until it is closed.  A store is
 * reference-counted; it holds a reference on each certificate and CRL
 * context in it (cert_context.c, crl_context.c), whose hCertStore is the
 * store.  CTLs are never held: their enumeration finds nothing
 * (CRYPT_E_NOT_FOUND). */
#include "crypt32_private.h"

/* A store's contexts of one kind, newest first. */
struct store_list {
	const void **items;
	DWORD count, cap;
};

struct store {
	DWORD magic;
	LONG refs;
	CRITICAL_SECTION lock; /* guards lists */
	struct store_list lists[C32_KINDS];
};
#define STORE_MAGIC 0x524f5453u /* "STOR" */

static const void *item_dup(int kind, const void *item)
{
	return kind == C32_CRLS ? (const void *)CertDuplicateCRLContext(item)
				: (const void *)CertDuplicateCertificateContext(item);
}

static void item_free(int kind, const void *item)
{
	if (kind == C32_CRLS)
		CertFreeCRLContext(item);
	else
		CertFreeCertificateContext(item);
}

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
		for (int kind = 0; kind < C32_KINDS; kind++) {
			for (DWORD i = 0; i < s->lists[kind].count; i++)
				item_free(kind, s->lists[kind].items[i]);
			HeapFree(GetProcessHeap(), 0, s->lists[kind].items);
		}
		DeleteCriticalSection(&s->lock);
		HeapFree(GetProcessHeap(), 0, s);
	}
	return TRUE;
}

/* The context after prev (NULL: the first) that match accepts, with a
 * reference for the caller; prev's reference is released.  NULL with
 * CRYPT_E_NOT_FOUND at the end. */
const void *c32_store_next_item(HCERTSTORE h, int kind, const void *prev,
				BOOL (*match)(const void *, const void *), const void *para)
{
	struct store *s = store_of(h);
	const void *found = NULL;
	struct store_list *l;
	DWORD i = 0;

	if (!s) {
		SetLastError(ERROR_INVALID_HANDLE);
		return NULL;
	}
	l = &s->lists[kind];
	EnterCriticalSection(&s->lock);
	if (prev) {
		while (i < l->count && l->items[i] != prev)
			i++;
		i++; /* past prev (or past the end if it is no longer here) */
	}
	for (; i < l->count && !found; i++)
		if (!match || match(l->items[i], para))
			found = item_dup(kind, l->items[i]);
	LeaveCriticalSection(&s->lock);
	if (prev)
		item_free(kind, prev);
	if (!found)
		SetLastError((DWORD)CRYPT_E_NOT_FOUND);
	return found;
}

PCCERT_CONTEXT c32_store_next(HCERTSTORE h, PCCERT_CONTEXT prev,
			      BOOL (*match)(PCCERT_CONTEXT, const void *), const void *para)
{
	return c32_store_next_item(h, C32_CERTS, prev, (BOOL (*)(const void *, const void *))match,
				   para);
}

C32_API PCCERT_CONTEXT WINAPI CertEnumCertificatesInStore(HCERTSTORE h, PCCERT_CONTEXT prev)
{
	return c32_store_next(h, prev, NULL, NULL);
}

/* Puts ctx (whose reference the store takes) in the store; replaced: a
 * context it takes the place of. */
BOOL c32_store_put_item(HCERTSTORE h, int kind, const void *ctx, const void *replaced)
{
	struct store *s = store_of(h);
	struct store_list *l;
	BOOL ok = TRUE;

	if (!s)
		return c32_fail(ERROR_INVALID_HANDLE);
	l = &s->lists[kind];
	EnterCriticalSection(&s->lock);
	for (DWORD i = 0; replaced && i < l->count; i++)
		if (l->items[i] == replaced) {
			l->items[i] = ctx;
			ctx = NULL;
			break;
		}
	if (ctx && l->count == l->cap) {
		DWORD cap = l->cap ? l->cap * 2 : 8;
		const void **grown = l->items ? HeapReAlloc(GetProcessHeap(), 0, l->items,
							    cap * sizeof(*grown))
					      : HeapAlloc(GetProcessHeap(), 0, cap * sizeof(*grown));

		if (grown) {
			l->items = grown;
			l->cap = cap;
		} else {
			ok = c32_fail(ERROR_NOT_ENOUGH_MEMORY);
		}
	}
	if (ctx && ok) { /* newest first, as Windows enumerates a memory store */
		memmove(&l->items[1], &l->items[0], l->count * sizeof(*l->items));
		l->items[0] = ctx;
		l->count++;
	}
	LeaveCriticalSection(&s->lock);
	if (replaced && !ctx)
		item_free(kind, replaced);
	return ok;
}

BOOL c32_store_put(HCERTSTORE store, PCCERT_CONTEXT ctx, PCCERT_CONTEXT replaced)
{
	return c32_store_put_item(store, C32_CERTS, ctx, replaced);
}

/* Takes ctx out of its store (dropping the store's reference). */
BOOL c32_store_remove_item(HCERTSTORE h, int kind, const void *ctx)
{
	struct store *s = store_of(h);
	struct store_list *l;
	BOOL found = FALSE;

	if (!s)
		return FALSE;
	l = &s->lists[kind];
	EnterCriticalSection(&s->lock);
	for (DWORD i = 0; i < l->count; i++)
		if (l->items[i] == ctx) {
			memmove(&l->items[i], &l->items[i + 1], (l->count - i - 1) * sizeof(*l->items));
			l->count--;
			found = TRUE;
			break;
		}
	LeaveCriticalSection(&s->lock);
	if (found)
		item_free(kind, ctx);
	return found;
}

BOOL c32_store_remove(HCERTSTORE store, PCCERT_CONTEXT ctx)
{
	return c32_store_remove_item(store, C32_CERTS, ctx);
}

C32_API PCCTL_CONTEXT WINAPI CertEnumCTLsInStore(HCERTSTORE h, PCCTL_CONTEXT prev)
{
	SetLastError(store_of(h) ? (DWORD)CRYPT_E_NOT_FOUND : ERROR_INVALID_HANDLE);
	return NULL;
}
