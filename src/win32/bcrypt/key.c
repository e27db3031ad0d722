/* Keys: BCryptGenerateSymmetricKey, BCryptImportKey and
 * BCryptExportKey (BCRYPT_KEY_DATA_BLOB, and an opaque blob that is the
 * same bytes under another magic), BCryptDuplicateKey, BCryptDestroyKey.
 * AES takes 16, 24 or 32-byte secrets (a longer one is cut to 32 bytes,
 * as Windows 10 does), 3DES 24, RC4 5 to 64 (40 to 512 bits).  A key pair's
 * export is rsa_blob.c's, ecc_key.c's or dsa_blob.c's; its duplicate has
 * its own copy. */
#include "bcrypt_private.h"

#define OPAQUE_MAGIC 0x4d42444fu /* "OBDM": our own opaque blob */

struct bc_key *bc_key_from_handle(void *handle)
{
	struct bc_key *k = handle;

	if ((ULONG_PTR)handle < 0x10000 || !live_has(k) || k->magic != BC_KEY_MAGIC)
		return NULL;
	return k;
}

/* The caller's buffer (at least BCRYPT_OBJECT_LENGTH bytes) or ours. */
static NTSTATUS place_key(UCHAR *buf, ULONG len, struct bc_key **out)
{
	struct bc_key *k = (struct bc_key *)buf;

	if (buf && len < sizeof(*k))
		return STATUS_BUFFER_TOO_SMALL;
	if (!buf && !(k = bc_alloc(sizeof(*k))))
		return STATUS_NO_MEMORY;
	memset(k, 0, sizeof(*k));
	k->allocated = !buf;
	if (live_has(k) || live_add(k)) {
		*out = k;
		return STATUS_SUCCESS;
	}
	if (!buf)
		bc_free(k);
	return STATUS_NO_MEMORY;
}

NTSTATUS bc_new_key(struct bc_key **out)
{
	NTSTATUS st = place_key(NULL, 0, out);

	if (st == STATUS_SUCCESS)
		(*out)->magic = BC_KEY_MAGIC;
	return st;
}

static NTSTATUS make_key(const struct bc_alg *a, void **handle, UCHAR *object, ULONG object_len,
			 const UCHAR *secret, ULONG secret_len)
{
	struct bc_key *k;
	NTSTATUS st;

	if (a->kind == BC_KIND_RC4 && (secret_len < 5 || secret_len > 64))
		return STATUS_INVALID_PARAMETER;
	if (a->kind == BC_KIND_AES && secret_len > 32)
		secret_len = 32;
	if (a->kind == BC_KIND_AES && secret_len != 16 && secret_len != 24 && secret_len != 32)
		return STATUS_INVALID_PARAMETER;
	if (a->kind == BC_KIND_3DES && secret_len != 24)
		return STATUS_INVALID_PARAMETER;
	if ((st = place_key(object, object_len, &k)) != STATUS_SUCCESS)
		return st;
	k->name = a->name;
	k->kind = a->kind;
	k->mode = a->mode;
	k->secret_len = secret_len;
	memcpy(k->secret, secret, secret_len);
	if (a->kind == BC_KIND_RC4)
		rc4_init(&k->rc4, secret, secret_len);
	else if (a->kind == BC_KIND_3DES)
		des3_set_key(&k->des3, secret, secret_len);
	else
		aes_set_key(&k->aes, secret, secret_len);
	k->magic = BC_KEY_MAGIC;
	*handle = k;
	return STATUS_SUCCESS;
}

BCRYPT_API NTSTATUS WINAPI BCryptGenerateSymmetricKey(void *alg_handle, void **handle,
						      UCHAR *object, ULONG object_len,
						      UCHAR *secret, ULONG secret_len, ULONG flags)
{
	const struct bc_alg *a = bc_alg_from_handle(alg_handle);

	if (!a || (!BC_KIND_IS_BLOCK(a->kind) && a->kind != BC_KIND_RC4))
		return STATUS_INVALID_HANDLE;
	if (!handle || (secret_len && !secret))
		return STATUS_INVALID_PARAMETER;
	return make_key(a, handle, object, object_len, secret, secret_len);
}

BCRYPT_API NTSTATUS WINAPI BCryptImportKey(void *alg_handle, void *import_key, const WCHAR *type,
					   void **handle, UCHAR *object, ULONG object_len,
					   UCHAR *input, ULONG input_len, ULONG flags)
{
	const struct bc_alg *a = bc_alg_from_handle(alg_handle);
	const BCRYPT_KEY_DATA_BLOB_HEADER *h = (const void *)input;
	ULONG magic;

	if (!a || (!BC_KIND_IS_BLOCK(a->kind) && a->kind != BC_KIND_RC4))
		return STATUS_INVALID_HANDLE;
	if (!type || !handle || !input || import_key)
		return STATUS_INVALID_PARAMETER;
	if (!_wcsicmp(type, BCRYPT_KEY_DATA_BLOB))
		magic = BCRYPT_KEY_DATA_BLOB_MAGIC;
	else if (!_wcsicmp(type, BCRYPT_OPAQUE_KEY_BLOB))
		magic = OPAQUE_MAGIC;
	else
		return STATUS_NOT_SUPPORTED;
	if (input_len < sizeof(*h))
		return STATUS_INVALID_PARAMETER;
	if (h->dwMagic != magic)
		return STATUS_INVALID_PARAMETER;
	if (h->dwVersion != BCRYPT_KEY_DATA_BLOB_VERSION1)
		return STATUS_INVALID_PARAMETER;
	if (h->cbKeyData > input_len - sizeof(*h))
		return STATUS_INVALID_PARAMETER;
	return make_key(a, handle, object, object_len, input + sizeof(*h), h->cbKeyData);
}

BCRYPT_API NTSTATUS WINAPI BCryptExportKey(void *handle, void *export_key, const WCHAR *type,
					   UCHAR *out, ULONG out_len, ULONG *result, ULONG flags)
{
	struct bc_key *k = bc_key_from_handle(handle);
	BCRYPT_KEY_DATA_BLOB_HEADER h;

	if (!k)
		return STATUS_INVALID_HANDLE;
	if (!type || !result || export_key)
		return STATUS_INVALID_PARAMETER;
	if (k->kind == BC_KIND_RSA)
		return bc_rsa_export(k, type, out, out_len, result);
	if (BC_KIND_IS_ECC(k->kind))
		return bc_ecc_export(k, type, out, out_len, result);
	if (k->kind == BC_KIND_DSA)
		return bc_dsa_export(k, type, out, out_len, result);
	if (!_wcsicmp(type, BCRYPT_KEY_DATA_BLOB))
		h.dwMagic = BCRYPT_KEY_DATA_BLOB_MAGIC;
	else if (!_wcsicmp(type, BCRYPT_OPAQUE_KEY_BLOB))
		h.dwMagic = OPAQUE_MAGIC;
	else
		return STATUS_NOT_SUPPORTED;
	h.dwVersion = BCRYPT_KEY_DATA_BLOB_VERSION1;
	h.cbKeyData = k->secret_len;
	*result = sizeof(h) + k->secret_len;
	if (!out)
		return STATUS_SUCCESS;
	if (out_len < *result)
		return STATUS_BUFFER_TOO_SMALL;
	memcpy(out, &h, sizeof(h));
	memcpy(out + sizeof(h), k->secret, k->secret_len);
	return STATUS_SUCCESS;
}

/* A key pair's own copy of its RSA, ECC or DSA key, or STATUS_NO_MEMORY. */
static NTSTATUS copy_pair(const struct bc_key *k, struct bc_key *c)
{
	c->rsa = NULL;
	c->ecc = NULL;
	c->dsa = NULL;
	if (k->rsa && (c->rsa = bc_alloc(sizeof(*c->rsa))))
		*c->rsa = *k->rsa;
	if (k->ecc && (c->ecc = bc_alloc(sizeof(*c->ecc))))
		*c->ecc = *k->ecc;
	if (k->dsa && (c->dsa = bc_alloc(sizeof(*c->dsa))))
		*c->dsa = *k->dsa;
	return (k->rsa && !c->rsa) || (k->ecc && !c->ecc) || (k->dsa && !c->dsa) ? STATUS_NO_MEMORY
										 : STATUS_SUCCESS;
}

BCRYPT_API NTSTATUS WINAPI BCryptDuplicateKey(void *handle, void **copy, UCHAR *object,
					      ULONG object_len, ULONG flags)
{
	struct bc_key *k = bc_key_from_handle(handle), *c;
	NTSTATUS st;

	if (!k)
		return STATUS_INVALID_HANDLE;
	if (!copy || flags)
		return STATUS_INVALID_PARAMETER;
	if ((st = place_key(object, object_len, &c)) != STATUS_SUCCESS)
		return st;
	BOOL allocated = c->allocated;
	*c = *k;
	c->allocated = allocated;
	c->gcm.key = &c->aes; /* an open GCM message goes on with the copy's own key */
	if ((st = copy_pair(k, c)) != STATUS_SUCCESS) {
		BCryptDestroyKey(c);
		return st;
	}
	*copy = c;
	return STATUS_SUCCESS;
}

BCRYPT_API NTSTATUS WINAPI BCryptDestroyKey(void *handle)
{
	struct bc_key *k = bc_key_from_handle(handle);
	BOOL allocated;

	if (!k)
		return STATUS_INVALID_HANDLE;
	allocated = k->allocated;
	live_remove(k);
	if (k->rsa) {
		RtlSecureZeroMemory(k->rsa, sizeof(*k->rsa));
		bc_free(k->rsa);
	}
	if (k->ecc) {
		RtlSecureZeroMemory(k->ecc, sizeof(*k->ecc));
		bc_free(k->ecc);
	}
	if (k->dsa) {
		RtlSecureZeroMemory(k->dsa, sizeof(*k->dsa));
		bc_free(k->dsa);
	}
	RtlSecureZeroMemory(k, sizeof(*k)); /* the secret and the magic */
	if (allocated)
		bc_free(k);
	return STATUS_SUCCESS;
}
