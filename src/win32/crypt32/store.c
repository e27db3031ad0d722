/* Certificate stores: in memory, or over a registry key (system stores:
 * store_registry.c); the sandbox shares no certificates with the host, so
 * a new prefix's system stores are empty.  A store is
 * reference-counted; it holds a reference on each certificate and CRL
 * context in it (cert_context.c, crl_context.c), whose hCertStore is the
 * store; CTLs likewise (ctl_context.c).  A collection store holds stores instead: it
 * enumerates theirs in priority order, and what is added to it goes to
 * its first member that allows adding. */
#include "crypt32_private.h"

/* A store's contexts of one kind, newest first. */
struct store_list {
	const void **items;
	DWORD count, cap;
};

struct member {
	HCERTSTORE store; /* a reference */
	DWORD flags;      /* CERT_PHYSICAL_STORE_ADD_ENABLE_FLAG */
	DWORD priority;
};

struct store {
	DWORD magic;
	LONG refs;
	CRITICAL_SECTION lock; /* guards lists and members */
	struct store_list lists[C32_KINDS];
	BOOL collection;
	struct member *members; /* highest priority first */
	DWORD n_members;
	HKEY reg;       /* a registry store's key: changes are written there */
	BOOL read_only; /* CERT_STORE_READONLY_FLAG */
};
#define STORE_MAGIC 0x524f5453u /* "STOR" */

static const void *item_dup(int kind, const void *item)
{
	return kind == C32_CRLS	  ? (const void *)CertDuplicateCRLContext(item)
	       : kind == C32_CTLS ? (const void *)CertDuplicateCTLContext(item)
				  : (const void *)CertDuplicateCertificateContext(item);
}

static void item_free(int kind, const void *item)
{
	if (kind == C32_CRLS)
		CertFreeCRLContext(item);
	else if (kind == C32_CTLS)
		CertFreeCTLContext(item);
	else
		CertFreeCertificateContext(item);
}

static HCERTSTORE item_store(int kind, const void *item)
{
	return kind == C32_CRLS	  ? ((PCCRL_CONTEXT)item)->hCertStore
	       : kind == C32_CTLS ? ((PCCTL_CONTEXT)item)->hCertStore
				  : ((PCCERT_CONTEXT)item)->hCertStore;
}

/* Providers this can stand for (wincrypt.h's CERT_STORE_PROV_*): in
 * memory, system, registry, physical and collection stores. */
static BOOL is_collection(LPCSTR provider)
{
	return provider == CERT_STORE_PROV_COLLECTION ||
	       ((ULONG_PTR)provider >> 16 && !lstrcmpiA(provider, "Collection"));
}

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

/* The whole of a file, allocated. */
static BYTE *read_file(HANDLE file, DWORD *len)
{
	LARGE_INTEGER size;
	BYTE *data;
	DWORD got;

	if (!GetFileSizeEx(file, &size) || size.QuadPart > 64 * 1024 * 1024) {
		SetLastError((DWORD)CRYPT_E_FILE_ERROR);
		return NULL;
	}
	if (!(data = HeapAlloc(GetProcessHeap(), 0, size.LowPart ? size.LowPart : 1))) {
		SetLastError(ERROR_NOT_ENOUGH_MEMORY);
		return NULL;
	}
	if (!ReadFile(file, data, size.LowPart, &got, NULL) || got != size.LowPart) {
		HeapFree(GetProcessHeap(), 0, data);
		SetLastError((DWORD)CRYPT_E_FILE_ERROR);
		return NULL;
	}
	*len = got;
	return data;
}

/* The providers that open stores over bytes: serialized (a CRYPT_DATA_BLOB
 * of a saved store), PKCS #7 (a blob), a decoded message, a file handle or
 * a file name (a saved store or PKCS #7).  0: not one of them. */
static int loading_provider(LPCSTR provider)
{
	switch ((ULONG_PTR)provider) {
	case (ULONG_PTR)CERT_STORE_PROV_SERIALIZED: return 1;
	case (ULONG_PTR)CERT_STORE_PROV_PKCS7: return 2;
	case (ULONG_PTR)CERT_STORE_PROV_MSG: return 3;
	case (ULONG_PTR)CERT_STORE_PROV_FILE: return 4;
	case (ULONG_PTR)CERT_STORE_PROV_FILENAME_A: return 5;
	case (ULONG_PTR)CERT_STORE_PROV_FILENAME_W: return 6;
	}
	return 0;
}

static BOOL load(HCERTSTORE store, int how, const void *para)
{
	const CRYPT_DATA_BLOB *blob = para;
	HANDLE file = (HANDLE)para;
	BYTE *data;
	DWORD len;
	BOOL ok;

	if (!para)
		return c32_fail(E_INVALIDARG);
	if (how == 1)
		return c32_store_load_serialized(store, blob->pbData, blob->cbData);
	if (how == 2)
		return c32_store_load_pkcs7(store, blob->pbData, blob->cbData);
	if (how == 3)
		return c32_store_load_message(store, (HCRYPTMSG)para);
	if (how != 4)
		file = how == 5 ? CreateFileA(para, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL)
				: CreateFileW(para, GENERIC_READ, FILE_SHARE_READ, NULL, OPEN_EXISTING, 0, NULL);
	if (file == INVALID_HANDLE_VALUE)
		return FALSE;
	data = read_file(file, &len);
	if (how != 4)
		CloseHandle(file);
	if (!data)
		return FALSE;
	/* an empty file is an empty store */
	ok = !len || c32_store_load_serialized(store, data, len) ||
	     c32_store_load_pkcs7(store, data, len);
	HeapFree(GetProcessHeap(), 0, data);
	return ok;
}

static BOOL is_registry(LPCSTR provider)
{
	static const char *names[] = { "System", "SystemRegistry" };
	ULONG_PTR id = (ULONG_PTR)provider;

	if (id >> 16 == 0)
		return id == (ULONG_PTR)CERT_STORE_PROV_REG || id == (ULONG_PTR)CERT_STORE_PROV_SYSTEM_A ||
		       id == (ULONG_PTR)CERT_STORE_PROV_SYSTEM_W ||
		       id == (ULONG_PTR)CERT_STORE_PROV_SYSTEM_REGISTRY_A ||
		       id == (ULONG_PTR)CERT_STORE_PROV_SYSTEM_REGISTRY_W;
	for (size_t i = 0; i < ARRAYSIZE(names); i++)
		if (!lstrcmpiA(provider, names[i]))
			return TRUE;
	return FALSE;
}

/* A store over a registry key (CERT_STORE_PROV_REG: the caller's HKEY) or
 * a system store's key: its contexts loaded, its changes written back. */
static HCERTSTORE open_registry(LPCSTR provider, DWORD flags, const void *para)
{
	BOOL ansi = provider == CERT_STORE_PROV_SYSTEM_A ||
		    provider == CERT_STORE_PROV_SYSTEM_REGISTRY_A;
	WCHAR name[256];
	struct store *s;
	HKEY key = NULL;
	LSTATUS err;

	if (provider == CERT_STORE_PROV_REG) {
		if (!para) {
			SetLastError(ERROR_INVALID_HANDLE);
			return NULL;
		}
		if (flags & CERT_STORE_DELETE_FLAG) {
			SetLastError(ERROR_CALL_NOT_IMPLEMENTED);
			return NULL;
		}
		if ((err = RegOpenKeyExW((HKEY)para, NULL, 0,
					 flags & CERT_STORE_READONLY_FLAG ? KEY_READ
									  : KEY_READ | KEY_WRITE,
					 &key))) {
			SetLastError(err);
			return NULL;
		}
	} else {
		if (!para) {
			SetLastError(E_INVALIDARG);
			return NULL;
		}
		if (ansi && !MultiByteToWideChar(CP_ACP, 0, para, -1, name, ARRAYSIZE(name))) {
			SetLastError(E_INVALIDARG);
			return NULL;
		}
		if (!(key = c32_reg_system_key(ansi ? name : para, flags)))
			return NULL;
	}
	if (!(s = new_store())) {
		RegCloseKey(key);
		return NULL;
	}
	c32_reg_load(s, key);
	s->reg = key; /* from now on, changes are written */
	s->read_only = (flags & CERT_STORE_READONLY_FLAG) != 0;
	return s;
}

C32_API HCERTSTORE WINAPI CertOpenStore(LPCSTR provider, DWORD encoding, HCRYPTPROV_LEGACY prov,
					DWORD flags, const void *para)
{
	HCERTSTORE store;
	int how = loading_provider(provider);

	if (how) {
		if (flags & CERT_STORE_DELETE_FLAG) {
			SetLastError(ERROR_CALL_NOT_IMPLEMENTED); /* nothing to delete them from */
			return NULL;
		}
		if ((store = new_store()) && !load(store, how, para)) {
			DWORD error = GetLastError();

			CertCloseStore(store, 0);
			SetLastError(error);
			return NULL;
		}
		return store;
	}
	if (is_registry(provider))
		return open_registry(provider, flags, para);
	if (!provider_known(provider)) {
		SetLastError(ERROR_CALL_NOT_IMPLEMENTED); /* file, PKCS#7, serialized... */
		return NULL;
	}
	if (flags & CERT_STORE_DELETE_FLAG) { /* documented: NULL, and no error when deleted */
		SetLastError(ERROR_SUCCESS);
		return NULL;
	}
	store = new_store();
	if (store && is_collection(provider))
		((struct store *)store)->collection = TRUE;
	return store;
}

/* The current user's system store of that name. */
C32_API HCERTSTORE WINAPI CertOpenSystemStoreW(HCRYPTPROV_LEGACY prov, LPCWSTR name)
{
	return CertOpenStore(CERT_STORE_PROV_SYSTEM_W, 0, prov, CERT_SYSTEM_STORE_CURRENT_USER, name);
}

C32_API HCERTSTORE WINAPI CertOpenSystemStoreA(HCRYPTPROV_LEGACY prov, LPCSTR name)
{
	return CertOpenStore(CERT_STORE_PROV_SYSTEM_A, 0, prov, CERT_SYSTEM_STORE_CURRENT_USER, name);
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
	if (h == c32_shared_store()) /* the store of unstored contexts stays open */
		return c32_fail(E_UNEXPECTED);
	if (InterlockedDecrement(&s->refs) == 0) {
		s->magic = 0;
		for (int kind = 0; kind < C32_KINDS; kind++) {
			for (DWORD i = 0; i < s->lists[kind].count; i++)
				item_free(kind, s->lists[kind].items[i]);
			HeapFree(GetProcessHeap(), 0, s->lists[kind].items);
		}
		for (DWORD i = 0; i < s->n_members; i++)
			CertCloseStore(s->members[i].store, 0);
		if (s->reg)
			RegCloseKey(s->reg);
		HeapFree(GetProcessHeap(), 0, s->members);
		DeleteCriticalSection(&s->lock);
		HeapFree(GetProcessHeap(), 0, s);
	}
	return TRUE;
}

/* The context after prev (NULL: the first) that match accepts, with a
 * reference for the caller; prev's reference is released.  NULL with
 * CRYPT_E_NOT_FOUND at the end. */
/* A collection's members, each with a reference for the caller (n in *n). */
static HCERTSTORE *members_of(struct store *s, DWORD *n)
{
	HCERTSTORE *list;

	EnterCriticalSection(&s->lock);
	*n = s->n_members;
	list = HeapAlloc(GetProcessHeap(), 0, (*n ? *n : 1) * sizeof(*list));
	for (DWORD i = 0; list && i < *n; i++)
		list[i] = CertDuplicateStore(s->members[i].store);
	LeaveCriticalSection(&s->lock);
	if (!list)
		*n = 0;
	return list;
}

/* The next context of a collection: after prev in prev's member, then in
 * the members after it. */
static const void *collection_next(struct store *s, int kind, const void *prev,
				   BOOL (*match)(const void *, const void *), const void *para)
{
	DWORD n, i = 0;
	HCERTSTORE *list = members_of(s, &n);
	const void *found = NULL;

	if (prev) {
		while (i < n && list[i] != item_store(kind, prev))
			i++;
		if (i == n) { /* its store left the collection */
			item_free(kind, prev);
			prev = NULL;
		}
	}
	for (; i < n && !found; i++, prev = NULL)
		found = c32_store_next_item(list[i], kind, prev, match, para);
	for (i = 0; i < n; i++)
		CertCloseStore(list[i], 0);
	HeapFree(GetProcessHeap(), 0, list);
	if (!found)
		SetLastError((DWORD)CRYPT_E_NOT_FOUND);
	return found;
}

BOOL c32_store_persists(HCERTSTORE h)
{
	struct store *s = store_of(h);

	return s && s->reg && !s->read_only;
}

HCERTSTORE c32_store_target(HCERTSTORE h)
{
	struct store *s = store_of(h);
	HCERTSTORE target = NULL;

	if (!s || !s->collection)
		return h;
	EnterCriticalSection(&s->lock);
	for (DWORD i = 0; i < s->n_members && !target; i++)
		if (s->members[i].flags & CERT_PHYSICAL_STORE_ADD_ENABLE_FLAG)
			target = c32_store_target(s->members[i].store);
	LeaveCriticalSection(&s->lock);
	if (!target)
		SetLastError(E_ACCESSDENIED);
	return target;
}

C32_API BOOL WINAPI CertAddStoreToCollection(HCERTSTORE collection, HCERTSTORE sibling,
					     DWORD flags, DWORD priority)
{
	struct store *s = store_of(collection);
	struct member *grown;
	DWORD at = 0;

	if (!s || !s->collection || !store_of(sibling))
		return c32_fail(E_INVALIDARG);
	EnterCriticalSection(&s->lock);
	grown = s->members ? HeapReAlloc(GetProcessHeap(), 0, s->members,
					 (s->n_members + 1) * sizeof(*grown))
			   : HeapAlloc(GetProcessHeap(), 0, sizeof(*grown));
	if (grown) {
		s->members = grown;
		while (at < s->n_members && s->members[at].priority >= priority)
			at++;
		memmove(&s->members[at + 1], &s->members[at],
			(s->n_members - at) * sizeof(*s->members));
		s->members[at] = (struct member){ CertDuplicateStore(sibling), flags, priority };
		s->n_members++;
	}
	LeaveCriticalSection(&s->lock);
	return grown ? TRUE : c32_fail(ERROR_NOT_ENOUGH_MEMORY);
}

C32_API void WINAPI CertRemoveStoreFromCollection(HCERTSTORE collection, HCERTSTORE sibling)
{
	struct store *s = store_of(collection);
	HCERTSTORE gone = NULL;

	if (!s || !s->collection)
		return;
	EnterCriticalSection(&s->lock);
	for (DWORD i = 0; i < s->n_members && !gone; i++)
		if (s->members[i].store == sibling) {
			gone = sibling;
			memmove(&s->members[i], &s->members[i + 1],
				(s->n_members - i - 1) * sizeof(*s->members));
			s->n_members--;
		}
	LeaveCriticalSection(&s->lock);
	if (gone)
		CertCloseStore(gone, 0);
}

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
	if (s->collection)
		return collection_next(s, kind, prev, match, para);
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
	const void *added = ctx;
	struct store_list *l;
	BOOL ok = TRUE;

	if (!s)
		return c32_fail(ERROR_INVALID_HANDLE);
	if (s->read_only)
		return c32_fail(E_ACCESSDENIED);
	if (s->reg && replaced)
		c32_reg_delete(s->reg, kind, replaced);
	if (s->reg && !c32_reg_write(s->reg, kind, added))
		return FALSE;
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
	if (found && s->reg)
		c32_reg_delete(s->reg, kind, ctx);
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
	return c32_store_next_item(h, C32_CTLS, prev, NULL, NULL);
}
