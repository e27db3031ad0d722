/* CryptoAPI session keys over bcrypt.dll's: RC4 (any provider) and AES
 * (PROV_RSA_AES): CryptGenKey, CryptDeriveKey, CryptImportKey (and RSA's
 * blobs, crypt_rsa.c) and CryptExportKey (PLAINTEXTKEYBLOB), CryptDuplicateKey, CryptDestroyKey,
 * CryptGetKeyParam and CryptSetKeyParam (KP_IV, KP_MODE).  A key ends
 * with its context, as on Windows. */
#include "adv_crypt.h"

#define BC_RC4 ((void *)0x71)
#define BC_AES_CBC ((void *)0x1a1)
#define BC_AES_ECB ((void *)0x1b1)

struct adv_key *adv_key_from_handle(HCRYPTKEY handle)
{
	struct adv_key *k = (struct adv_key *)handle;

	if (handle < 0x10000 || !live_has(k) || k->magic != ADV_KEY_MAGIC ||
	    !adv_prov_from_handle(k->prov))
		return NULL;
	return k;
}

BOOL adv_is_aes(ALG_ID algid)
{
	return algid == CALG_AES_128 || algid == CALG_AES_192 || algid == CALG_AES_256;
}

/* bcrypt's key for the current secret and mode, its stream or chain
 * restarted. */
BOOL adv_key_reset(struct adv_key *k)
{
	if (k->pair)
		return FALSE; /* an RSA key has no stream or chain */
	void *alg = k->algid == CALG_RC4 ? BC_RC4 : k->mode == CRYPT_MODE_ECB ? BC_AES_ECB : BC_AES_CBC;

	if (k->bcrypt)
		BCryptDestroyKey(k->bcrypt);
	k->bcrypt = NULL;
	memcpy(k->chain, k->iv, sizeof(k->chain));
	return !BCryptGenerateSymmetricKey(alg, &k->bcrypt, NULL, 0, k->secret, k->len, 0);
}

/* The key bytes an algorithm takes under these flags (the upper 16 bits
 * of CryptGenKey's and CryptDeriveKey's flags are a length in bits), or 0
 * with the error set. */
static DWORD key_bytes(const struct adv_prov *p, ALG_ID algid, DWORD flags)
{
	DWORD bits = flags >> 16;

	if (algid == CALG_RC4) {
		if (!bits)
			return 16;
		if (bits < 40 || bits > 128 || bits % 8)
			return adv_fail(NTE_BAD_FLAGS), 0;
		return bits / 8;
	}
	if (!adv_is_aes(algid) || p->type != ADV_PROV_RSA_AES)
		return adv_fail(NTE_BAD_ALGID), 0;
	return algid == CALG_AES_128 ? 16 : algid == CALG_AES_192 ? 24 : 32;
}

static BOOL new_key(HCRYPTPROV prov, ALG_ID algid, const BYTE *secret, DWORD len, DWORD flags,
		    HCRYPTKEY *out)
{
	struct adv_key *k = adv_alloc(sizeof(*k));

	if (!k)
		return adv_fail(ERROR_NOT_ENOUGH_MEMORY);
	*k = (struct adv_key){ ADV_KEY_MAGIC, prov, algid, len, CRYPT_MODE_CBC,
			       (flags & CRYPT_EXPORTABLE) != 0 };
	memcpy(k->secret, secret, len);
	if (!adv_key_reset(k) || !live_add(k)) {
		if (k->bcrypt)
			BCryptDestroyKey(k->bcrypt);
		adv_free(k);
		return adv_fail(ERROR_NOT_ENOUGH_MEMORY);
	}
	*out = (HCRYPTKEY)k;
	return TRUE;
}

ADVAPI BOOL WINAPI CryptGenKey(HCRYPTPROV prov, ALG_ID algid, DWORD flags, HCRYPTKEY *out)
{
	struct adv_prov *p = adv_prov_from_handle(prov);
	BYTE secret[32];
	DWORD len;
	BOOL ok;

	if (!p || !out)
		return adv_fail(ERROR_INVALID_PARAMETER);
	if (adv_is_pair_alg(algid))
		return adv_gen_pair(prov, algid, flags, out);
	if (!(len = key_bytes(p, algid, flags)))
		return FALSE;
	ProcessPrng(secret, len);
	ok = new_key(prov, algid, secret, len, flags, out);
	RtlSecureZeroMemory(secret, sizeof(secret));
	return ok;
}

ADVAPI BOOL WINAPI CryptDeriveKey(HCRYPTPROV prov, ALG_ID algid, HCRYPTHASH hash, DWORD flags,
				  HCRYPTKEY *out)
{
	struct adv_prov *p = adv_prov_from_handle(prov);
	BYTE derived[32];
	DWORD len;
	BOOL ok;

	if (!p || !out || !hash)
		return adv_fail(ERROR_INVALID_PARAMETER);
	if (!(len = key_bytes(p, algid, flags)))
		return FALSE;
	if (!adv_hash_derive(hash, adv_is_aes(algid) ? BC_AES_CBC : BC_RC4, derived, len))
		return FALSE;
	ok = new_key(prov, algid, derived, len, flags, out);
	RtlSecureZeroMemory(derived, sizeof(derived));
	return ok;
}

ADVAPI BOOL WINAPI CryptDestroyKey(HCRYPTKEY handle)
{
	struct adv_key *k = adv_key_from_handle(handle);

	if (!k)
		return adv_fail(ERROR_INVALID_PARAMETER);
	if (k->bcrypt)
		BCryptDestroyKey(k->bcrypt);
	live_remove(k);
	RtlSecureZeroMemory(k, sizeof(*k));
	adv_free(k);
	return TRUE;
}

ADVAPI BOOL WINAPI CryptDuplicateKey(HCRYPTKEY handle, DWORD *reserved, DWORD flags,
				     HCRYPTKEY *out)
{
	struct adv_key *k = adv_key_from_handle(handle);

	if (!k || reserved || flags || !out)
		return adv_fail(ERROR_INVALID_PARAMETER);
	if (k->pair)
		return adv_fail(NTE_BAD_KEY); /* RSA keys are not duplicated here */
	return new_key(k->prov, k->algid, k->secret, k->len,
		       k->exportable ? CRYPT_EXPORTABLE : 0, out);
}

/* PLAINTEXTKEYBLOB: BLOBHEADER, the key's byte count, the key. */
struct plain_blob {
	BLOBHEADER header;
	DWORD len;
};

ADVAPI BOOL WINAPI CryptImportKey(HCRYPTPROV prov, const BYTE *data, DWORD data_len,
				  HCRYPTKEY pub, DWORD flags, HCRYPTKEY *out)
{
	struct adv_prov *p = adv_prov_from_handle(prov);
	struct plain_blob b;
	DWORD want;

	if (!p || !data || !out || pub)
		return adv_fail(ERROR_INVALID_PARAMETER);
	if (data_len < sizeof(b))
		return adv_fail(NTE_BAD_DATA);
	if (adv_is_rsa_blob(data, data_len))
		return adv_import_rsa(prov, data, data_len, flags, out);
	memcpy(&b, data, sizeof(b));
	if (b.header.bType != PLAINTEXTKEYBLOB)
		return adv_fail(NTE_BAD_TYPE);
	if (b.header.bVersion != CUR_BLOB_VERSION || b.len > data_len - sizeof(b))
		return adv_fail(NTE_BAD_DATA);
	if (!(want = key_bytes(p, b.header.aiKeyAlg, (b.len * 8) << 16)))
		return FALSE;
	if (want != b.len)
		return adv_fail(NTE_BAD_DATA);
	return new_key(prov, b.header.aiKeyAlg, data + sizeof(b), b.len, flags, out);
}

ADVAPI BOOL WINAPI CryptExportKey(HCRYPTKEY key, HCRYPTKEY exp_key, DWORD type, DWORD flags,
				  BYTE *data, DWORD *len)
{
	struct adv_key *k = adv_key_from_handle(key);
	struct plain_blob b = { { PLAINTEXTKEYBLOB, CUR_BLOB_VERSION, 0, 0 }, 0 };
	DWORD room;

	if (!k || !len || (exp_key && !adv_key_from_handle(exp_key)))
		return adv_fail(ERROR_INVALID_PARAMETER);
	if (k->pair && type == PUBLICKEYBLOB)
		return adv_export_public(k, data, len);
	if (type != PLAINTEXTKEYBLOB || k->pair)
		return adv_fail(NTE_BAD_TYPE); /* no private RSA blob is exported here */
	if (!k->exportable)
		return adv_fail(NTE_BAD_KEY_STATE);
	room = *len;
	*len = sizeof(b) + k->len;
	if (!data)
		return TRUE;
	if (room < *len)
		return adv_fail(ERROR_MORE_DATA);
	b.header.aiKeyAlg = k->algid;
	b.len = k->len;
	memcpy(data, &b, sizeof(b));
	memcpy(data + sizeof(b), k->secret, k->len);
	return TRUE;
}
