/* Hash objects: BCryptCreateHash, HashData, FinishHash, DuplicateHash,
 * DestroyHash, and the one-shot BCryptHash.  The state after the key is
 * kept, for a reusable hash to start over from. */
#include "bcrypt_private.h"

struct bc_hash *bc_hash_from_handle(void *handle)
{
	struct bc_hash *h = handle;

	if ((ULONG_PTR)handle < 0x10000 || !live_has(h) || h->magic != BC_HASH_MAGIC)
		return NULL;
	return h;
}

/* The caller's buffer (at least sizeof(struct bc_hash): BCryptGetProperty's
 * ObjectLength) or, with none, our own allocation. */
static NTSTATUS place(UCHAR *buf, ULONG len, struct bc_hash **out)
{
	if (buf) {
		if (len < sizeof(struct bc_hash))
			return STATUS_BUFFER_TOO_SMALL;
		*out = (struct bc_hash *)buf;
		memset(*out, 0, sizeof(**out));
	} else if ((*out = bc_alloc(sizeof(**out)))) {
		(*out)->allocated = TRUE;
	} else {
		return STATUS_NO_MEMORY;
	}
	if (live_has(*out) || live_add(*out))
		return STATUS_SUCCESS;
	if ((*out)->allocated)
		bc_free(*out);
	return STATUS_NO_MEMORY;
}

static void keyed_start(struct bc_hash *h, const UCHAR *secret, ULONG secret_len)
{
	struct hmac_ctx keyed;

	if (h->hmac) {
		hmac_init(&keyed, h->hash, secret, secret_len);
		hash_save(&keyed.outer, &h->start_outer);
	} else {
		hash_init(&keyed.inner, h->hash);
	}
	hash_save(&keyed.inner, &h->start_inner);
	hash_restore(&h->now, &h->start_inner);
	RtlSecureZeroMemory(&keyed, sizeof(keyed));
}

BCRYPT_API NTSTATUS WINAPI BCryptCreateHash(void *alg_handle, void **handle, UCHAR *object,
					    ULONG object_len, UCHAR *secret, ULONG secret_len,
					    ULONG flags)
{
	const struct bc_alg *a = bc_alg_from_handle(alg_handle);
	struct bc_hash *h;
	NTSTATUS st;

	if (!a || a->kind != BC_KIND_HASH)
		return STATUS_INVALID_HANDLE;
	if (!handle || (flags & ~BC_HASH_REUSABLE_FLAG) || (secret_len && !secret))
		return STATUS_INVALID_PARAMETER;
	if ((st = place(object, object_len, &h)) != STATUS_SUCCESS)
		return st;
	h->magic = BC_HASH_MAGIC;
	h->hash = a->hash;
	h->name = a->name;
	h->hmac = (a->flags & BC_ALG_HANDLE_HMAC_FLAG) != 0;
	h->reusable = ((a->flags | flags) & BC_HASH_REUSABLE_FLAG) != 0;
	keyed_start(h, secret, secret_len);
	*handle = h;
	return STATUS_SUCCESS;
}

BCRYPT_API NTSTATUS WINAPI BCryptHashData(void *handle, UCHAR *input, ULONG len, ULONG flags)
{
	struct bc_hash *h = bc_hash_from_handle(handle);

	if (!h || h->finished)
		return STATUS_INVALID_HANDLE;
	if ((len && !input) || flags)
		return STATUS_INVALID_PARAMETER;
	hash_update(&h->now, h->hash, input, len);
	return STATUS_SUCCESS;
}

BCRYPT_API NTSTATUS WINAPI BCryptFinishHash(void *handle, UCHAR *out, ULONG out_len, ULONG flags)
{
	struct bc_hash *h = bc_hash_from_handle(handle);

	if (!h || h->finished)
		return STATUS_INVALID_HANDLE;
	if (!out || out_len != h->hash->digest_len || flags)
		return STATUS_INVALID_PARAMETER;
	if (h->hmac) {
		struct hmac_ctx both;

		both.inner = h->now;
		hash_restore(&both.outer, &h->start_outer);
		hmac_final(&both, h->hash, out);
	} else {
		hash_final(&h->now, h->hash, out);
	}
	if (h->reusable)
		hash_restore(&h->now, &h->start_inner);
	else
		h->finished = TRUE;
	return STATUS_SUCCESS;
}

BCRYPT_API NTSTATUS WINAPI BCryptDuplicateHash(void *handle, void **copy, UCHAR *object,
					       ULONG object_len, ULONG flags)
{
	struct bc_hash *h = bc_hash_from_handle(handle), *c;
	NTSTATUS st;

	if (!h || h->finished)
		return STATUS_INVALID_HANDLE;
	if (!copy || flags)
		return STATUS_INVALID_PARAMETER;
	if ((st = place(object, object_len, &c)) != STATUS_SUCCESS)
		return st;
	BOOL allocated = c->allocated;
	*c = *h;
	c->allocated = allocated;
	*copy = c;
	return STATUS_SUCCESS;
}

BCRYPT_API NTSTATUS WINAPI BCryptDestroyHash(void *handle)
{
	struct bc_hash *h = bc_hash_from_handle(handle);
	BOOL allocated;

	if (!h)
		return STATUS_INVALID_PARAMETER; /* not INVALID_HANDLE, as Windows answers */
	allocated = h->allocated;
	live_remove(h);
	memset(h, 0, sizeof(*h)); /* the key's traces and the magic */
	if (allocated)
		bc_free(h);
	return STATUS_SUCCESS;
}

BCRYPT_API NTSTATUS WINAPI BCryptHash(void *alg_handle, UCHAR *secret, ULONG secret_len,
				      UCHAR *input, ULONG input_len, UCHAR *out, ULONG out_len)
{
	struct bc_hash h;
	void *handle;
	NTSTATUS st = BCryptCreateHash(alg_handle, &handle, (UCHAR *)&h, sizeof(h), secret,
				       secret_len, 0);

	if (st == STATUS_SUCCESS && (st = BCryptHashData(handle, input, input_len, 0)) == STATUS_SUCCESS)
		st = BCryptFinishHash(handle, out, out_len, 0);
	if (bc_hash_from_handle(&h))
		BCryptDestroyHash(&h);
	return st;
}
