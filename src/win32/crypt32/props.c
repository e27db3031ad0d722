/* The properties of certificate and CRL contexts: a list of (id, bytes),
 * each id once, guarded by its context's lock. */
#include "crypt32_private.h"

struct c32_prop *c32_prop_find(struct c32_prop *list, DWORD id)
{
	while (list && list->id != id)
		list = list->next;
	return list;
}

void c32_prop_remove(struct c32_prop **list, DWORD id)
{
	for (struct c32_prop **at = list; *at; at = &(*at)->next)
		if ((*at)->id == id) {
			struct c32_prop *gone = *at;

			*at = gone->next;
			HeapFree(GetProcessHeap(), 0, gone);
			return;
		}
}

BOOL c32_prop_store(struct c32_prop **list, DWORD id, const void *data, DWORD len)
{
	struct c32_prop *p = HeapAlloc(GetProcessHeap(), 0, sizeof(*p) + len);

	if (!p)
		return c32_fail(ERROR_NOT_ENOUGH_MEMORY);
	p->id = id;
	p->len = len;
	memcpy(p->data, data, len);
	c32_prop_remove(list, id);
	p->next = *list;
	*list = p;
	return TRUE;
}

void c32_prop_free_all(struct c32_prop **list)
{
	while (*list) {
		struct c32_prop *next = (*list)->next;

		HeapFree(GetProcessHeap(), 0, *list);
		*list = next;
	}
}

/* A property; the hashes (SHA-1, MD5) of the context's encoding are
 * computed on first request and kept. */
struct c32_prop *c32_prop_get(struct c32_prop **list, DWORD id, const BYTE *encoded, DWORD len)
{
	struct c32_prop *p = c32_prop_find(*list, id);
	BYTE hash[20];
	DWORD n = sizeof(hash);

	if (p || (id != CERT_SHA1_HASH_PROP_ID && id != CERT_MD5_HASH_PROP_ID))
		return p;
	if (CryptHashCertificate(0, id == CERT_MD5_HASH_PROP_ID ? CALG_MD5 : CALG_SHA1, 0, encoded,
				 len, hash, &n) &&
	    c32_prop_store(list, id, hash, n))
		p = c32_prop_find(*list, id);
	return p;
}

/* A property's bytes out as the Get*ContextProperty functions give them. */
BOOL c32_prop_out_bytes(const void *src, DWORD n, void *data, DWORD *len)
{
	if (data && *len < n) {
		*len = n;
		return c32_fail(ERROR_MORE_DATA);
	}
	if (data)
		memcpy(data, src, n);
	*len = n;
	return TRUE;
}

BOOL c32_prop_out(const struct c32_prop *p, void *data, DWORD *len)
{
	if (!p)
		return c32_fail((DWORD)CRYPT_E_NOT_FOUND);
	return c32_prop_out_bytes(p->data, p->len, data, len);
}

/* The smallest id above prev (0: none), for the Enum*ContextProperties. */
DWORD c32_prop_next_id(const struct c32_prop *list, DWORD prev)
{
	DWORD next = 0;

	for (; list; list = list->next)
		if (list->id > prev && (!next || list->id < next))
			next = list->id;
	return next;
}

void c32_props_init(struct c32_props *ps)
{
	InitializeCriticalSection(&ps->lock);
	ps->list = NULL;
}

void c32_props_free(struct c32_props *ps)
{
	c32_prop_free_all(&ps->list);
	DeleteCriticalSection(&ps->lock);
}

BOOL c32_props_get(struct c32_props *ps, DWORD id, const BYTE *encoded, DWORD enc_len,
		   void *data, DWORD *len)
{
	EnterCriticalSection(&ps->lock);
	BOOL ok = c32_prop_out(c32_prop_get(&ps->list, id, encoded, enc_len), data, len);
	LeaveCriticalSection(&ps->lock);
	return ok;
}

BOOL c32_props_set(struct c32_props *ps, DWORD id, const void *data, DWORD len, BOOL remove)
{
	BOOL ok = TRUE;

	EnterCriticalSection(&ps->lock);
	if (remove)
		c32_prop_remove(&ps->list, id);
	else
		ok = c32_prop_store(&ps->list, id, data, len);
	LeaveCriticalSection(&ps->lock);
	return ok;
}

DWORD c32_props_next(struct c32_props *ps, DWORD prev)
{
	EnterCriticalSection(&ps->lock);
	DWORD next = c32_prop_next_id(ps->list, prev);
	LeaveCriticalSection(&ps->lock);
	return next;
}

void c32_props_copy_missing(struct c32_props *dst, struct c32_props *src)
{
	if (dst == src)
		return;
	EnterCriticalSection(&src->lock);
	EnterCriticalSection(&dst->lock);
	for (struct c32_prop *p = src->list; p; p = p->next)
		if (!c32_prop_find(dst->list, p->id))
			c32_prop_store(&dst->list, p->id, p->data, p->len);
	LeaveCriticalSection(&dst->lock);
	LeaveCriticalSection(&src->lock);
}
