/* CryptoAPI hashes: CryptCreateHash, CryptHashData, CryptGetHashParam,
 * CryptDuplicateHash, CryptDestroyHash for MD5, SHA-1 and (with a
 * PROV_RSA_AES context, as on Windows) SHA-256/384/512, over bcrypt.dll's
 * hash objects.  Reading HP_HASHVAL finishes the hash: later data is
 * NTE_BAD_HASH_STATE, the value can be read again. */
#include "adv_crypt.h"

struct adv_hash {
	ULONG magic;                 /* ADV_HASH_MAGIC while alive */
	ALG_ID algid;
	HCRYPTPROV prov;             /* its context: releasing that ends the hash */
	DWORD len;                   /* digest bytes */
	void *bcrypt;                /* bcrypt's hash object */
	BOOL finished;
	BYTE value[64];
};
#define ADV_HASH_MAGIC 0x48534148u /* "HASH" */

/* CALG_* -> bcrypt's pseudo-handle (bcrypt.h: 0x21 MD5 ... 0x61 SHA512). */
static const struct {
	ALG_ID algid;
	ULONG_PTR bcrypt_alg;
	DWORD len;
	BOOL aes_only;               /* PROV_RSA_AES's algorithms */
} algorithms[] = {
	{ CALG_MD4, 0x11, 16, FALSE },
	{ CALG_MD5, 0x21, 16, FALSE },
	{ CALG_SHA1, 0x31, 20, FALSE },
	{ CALG_SHA_256, 0x41, 32, TRUE },
	{ CALG_SHA_384, 0x51, 48, TRUE },
	{ CALG_SHA_512, 0x61, 64, TRUE },
};

static struct adv_hash *hash_from_handle(HCRYPTHASH handle)
{
	struct adv_hash *h = (struct adv_hash *)handle;

	if (handle < 0x10000 || !live_has(h) || h->magic != ADV_HASH_MAGIC ||
	    !adv_prov_from_handle(h->prov))
		return NULL;
	return h;
}

ADVAPI BOOL WINAPI CryptCreateHash(HCRYPTPROV prov_handle, ALG_ID algid, HCRYPTKEY key,
				   DWORD flags, HCRYPTHASH *out)
{
	struct adv_prov *prov = adv_prov_from_handle(prov_handle);
	struct adv_hash *h;

	if (!prov)
		return adv_fail(ERROR_INVALID_PARAMETER);
	if (!out)
		return adv_fail(ERROR_INVALID_PARAMETER);
	if (flags)
		return adv_fail(NTE_BAD_FLAGS);
	if (key)
		return adv_fail(NTE_BAD_KEY); /* these digests take no key */
	for (size_t i = 0; i < ARRAYSIZE(algorithms); i++) {
		if (algorithms[i].algid != algid)
			continue;
		if (algorithms[i].aes_only && prov->type != ADV_PROV_RSA_AES)
			break;
		if (!(h = adv_alloc(sizeof(*h))))
			return adv_fail(ERROR_NOT_ENOUGH_MEMORY);
		*h = (struct adv_hash){ ADV_HASH_MAGIC, algid, prov_handle, algorithms[i].len };
		if (BCryptCreateHash((void *)algorithms[i].bcrypt_alg, &h->bcrypt, NULL, 0, NULL, 0, 0)) {
			adv_free(h);
			return adv_fail(ERROR_NOT_ENOUGH_MEMORY);
		}
		if (!live_add(h)) {
			BCryptDestroyHash(h->bcrypt);
			adv_free(h);
			return adv_fail(ERROR_NOT_ENOUGH_MEMORY);
		}
		*out = (HCRYPTHASH)h;
		return TRUE;
	}
	return adv_fail(NTE_BAD_ALGID);
}

ADVAPI BOOL WINAPI CryptHashData(HCRYPTHASH handle, const BYTE *data, DWORD len, DWORD flags)
{
	struct adv_hash *h = hash_from_handle(handle);

	if (!h)
		return adv_fail(ERROR_INVALID_PARAMETER);
	if (flags & ~CRYPT_USERDATA)
		return adv_fail(NTE_BAD_FLAGS);
	if (len && !data)
		return adv_fail(ERROR_INVALID_PARAMETER);
	if (h->finished)
		return adv_fail(NTE_BAD_HASH_STATE);
	BCryptHashData(h->bcrypt, (UCHAR *)data, len, 0);
	return TRUE;
}

ADVAPI BOOL WINAPI CryptGetHashParam(HCRYPTHASH handle, DWORD param, BYTE *data, DWORD *len,
				     DWORD flags)
{
	struct adv_hash *h = hash_from_handle(handle);
	DWORD v;

	if (!h)
		return adv_fail(ERROR_INVALID_PARAMETER);
	if (!len)
		return adv_fail(ERROR_INVALID_PARAMETER);
	if (flags)
		return adv_fail(NTE_BAD_FLAGS);
	switch (param) {
	case HP_ALGID:
		v = h->algid;
		return adv_copy_param(&v, sizeof(v), data, len);
	case HP_HASHSIZE:
		v = h->len;
		return adv_copy_param(&v, sizeof(v), data, len);
	case HP_HASHVAL:
		if (data && *len >= h->len && !h->finished) {
			BCryptFinishHash(h->bcrypt, h->value, h->len, 0);
			h->finished = TRUE;
		}
		return adv_copy_param(h->value, h->len, data, len);
	}
	return adv_fail(NTE_BAD_TYPE);
}

BOOL adv_hash_live(HCRYPTHASH handle)
{
	return hash_from_handle(handle) != NULL;
}

HCRYPTPROV adv_hash_prov(HCRYPTHASH handle)
{
	struct adv_hash *h = hash_from_handle(handle);

	return h ? h->prov : 0;
}

/* CryptDeriveKey's key bytes: bcrypt's BCryptDeriveKeyCapi on a copy of
 * the hash; the hash itself is finished, as on Windows. */
BOOL adv_hash_derive(HCRYPTHASH handle, void *target_alg, BYTE *out, DWORD len)
{
	struct adv_hash *h = hash_from_handle(handle);
	BYTE value[64];
	DWORD n = sizeof(value);
	void *copy;
	NTSTATUS st;

	if (!h)
		return adv_fail(ERROR_INVALID_PARAMETER);
	if (h->finished)
		return adv_fail(NTE_BAD_HASH_STATE);
	if (BCryptDuplicateHash(h->bcrypt, &copy, NULL, 0, 0))
		return adv_fail(ERROR_NOT_ENOUGH_MEMORY);
	st = BCryptDeriveKeyCapi(copy, target_alg, out, len, 0);
	BCryptDestroyHash(copy);
	CryptGetHashParam(handle, HP_HASHVAL, value, &n, 0);
	return st ? adv_fail(NTE_BAD_LEN) : TRUE;
}

ADVAPI BOOL WINAPI CryptDuplicateHash(HCRYPTHASH handle, DWORD *reserved, DWORD flags,
				      HCRYPTHASH *out)
{
	struct adv_hash *h = hash_from_handle(handle), *c;

	if (!h)
		return adv_fail(ERROR_INVALID_PARAMETER);
	if (reserved || flags || !out)
		return adv_fail(ERROR_INVALID_PARAMETER);
	if (!(c = adv_alloc(sizeof(*c))))
		return adv_fail(ERROR_NOT_ENOUGH_MEMORY);
	*c = *h;
	if (!h->finished && BCryptDuplicateHash(h->bcrypt, &c->bcrypt, NULL, 0, 0)) {
		adv_free(c);
		return adv_fail(ERROR_NOT_ENOUGH_MEMORY);
	}
	if (h->finished)
		c->bcrypt = NULL;
	if (!live_add(c)) {
		if (c->bcrypt)
			BCryptDestroyHash(c->bcrypt);
		adv_free(c);
		return adv_fail(ERROR_NOT_ENOUGH_MEMORY);
	}
	*out = (HCRYPTHASH)c;
	return TRUE;
}

ADVAPI BOOL WINAPI CryptDestroyHash(HCRYPTHASH handle)
{
	struct adv_hash *h = hash_from_handle(handle);

	if (!h)
		return adv_fail(ERROR_INVALID_PARAMETER);
	if (h->bcrypt)
		BCryptDestroyHash(h->bcrypt);
	live_remove(h);
	memset(h, 0, sizeof(*h));
	adv_free(h);
	return TRUE;
}
