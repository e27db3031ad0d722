/* The key pairs of a key container: AT_KEYEXCHANGE and AT_SIGNATURE, each
 * one RSA key of bcrypt.dll's.  CryptGenKey makes one, CryptImportKey of a
 * PRIVATEKEYBLOB puts one in (crypt_rsa.c), CryptGetUserKey hands out a key
 * for one, CryptSignHash signs a hash with one (PKCS #1 v1.5 with the
 * hash's DigestInfo, the signature little-endian as CryptoAPI writes it)
 * and CryptExportKey gives a pair's PUBLICKEYBLOB.  A named container keeps
 * its pairs for the life of the process; a CRYPT_VERIFYCONTEXT context has
 * its own, which end with it. */
#include "adv_crypt.h"

#define BC_RSA ((void *)0xe1)
#define RSA1_MAGIC 0x31415352u /* CryptoAPI's "RSA1": a public key */
#define DEFAULT_BITS 1024      /* the Microsoft providers' default */
#define BASE_DEFAULT_BITS 512  /* the Base provider's (MS_DEF_PROV), as documented */

/* bcrypt.h's BCRYPT_RSAKEY_BLOB and BCRYPT_PKCS1_PADDING_INFO. */
struct cng_rsa_header {
	ULONG magic, bits, e_len, n_len, p_len, q_len;
};
struct cng_pkcs1 {
	const WCHAR *alg;
};
#define CNG_PAD_PKCS1 0x2

static int slot_of(DWORD spec)
{
	return spec == AT_KEYEXCHANGE ? 0 : spec == AT_SIGNATURE ? 1 : -1;
}

void adv_pairs_clear(void **pairs)
{
	for (int i = 0; i < 2; i++)
		if (pairs[i]) {
			BCryptDestroyKey(pairs[i]);
			pairs[i] = NULL;
		}
}

/* A key handle over its own copy of bcrypt's pair. */
static BOOL pair_handle(HCRYPTPROV prov, ALG_ID algid, void *pair, DWORD flags, HCRYPTKEY *out)
{
	struct adv_key *k = adv_alloc(sizeof(*k));

	if (!k)
		return adv_fail(ERROR_NOT_ENOUGH_MEMORY);
	*k = (struct adv_key){ ADV_KEY_MAGIC, prov, algid };
	k->pair = TRUE;
	k->exportable = (flags & CRYPT_EXPORTABLE) != 0;
	if (BCryptDuplicateKey(pair, &k->bcrypt, NULL, 0, 0) || !live_add(k)) {
		if (k->bcrypt)
			BCryptDestroyKey(k->bcrypt);
		adv_free(k);
		return adv_fail(ERROR_NOT_ENOUGH_MEMORY);
	}
	*out = (HCRYPTKEY)k;
	return TRUE;
}

/* The container's pair for spec becomes a copy of bcrypt's key. */
BOOL adv_pair_keep(HCRYPTPROV prov, DWORD spec, void *key)
{
	struct adv_prov *p = adv_prov_from_handle(prov);
	int slot = slot_of(spec);
	void *copy;

	if (!p || slot < 0 || BCryptDuplicateKey(key, &copy, NULL, 0, 0))
		return FALSE;
	if (p->pairs[slot])
		BCryptDestroyKey(p->pairs[slot]);
	p->pairs[slot] = copy;
	return TRUE;
}

BOOL adv_is_pair_alg(ALG_ID algid)
{
	return algid == AT_KEYEXCHANGE || algid == AT_SIGNATURE || algid == CALG_RSA_KEYX ||
	       algid == CALG_RSA_SIGN;
}

/* CryptGenKey of a pair: the upper 16 bits of flags are its length. */
BOOL adv_gen_pair(HCRYPTPROV prov, ALG_ID algid, DWORD flags, HCRYPTKEY *out)
{
	struct adv_prov *p = adv_prov_from_handle(prov);
	DWORD bits = flags >> 16;
	DWORD spec = algid == AT_SIGNATURE || algid == CALG_RSA_SIGN ? AT_SIGNATURE : AT_KEYEXCHANGE;
	void *key = NULL;
	BOOL ok;

	if (!p)
		return adv_fail(ERROR_INVALID_PARAMETER);
	if (!bits)
		bits = wcscmp(p->name, MS_DEF_PROV_W) ? DEFAULT_BITS : BASE_DEFAULT_BITS;
	if (bits < 384 || bits > 16384 || bits % 8)
		return adv_fail(NTE_BAD_FLAGS);
	if (BCryptGenerateKeyPair(BC_RSA, &key, bits, 0) || BCryptFinalizeKeyPair(key, 0)) {
		if (key)
			BCryptDestroyKey(key);
		return adv_fail(NTE_FAIL);
	}
	ok = adv_pair_keep(prov, spec, key) &&
	     pair_handle(prov, spec == AT_SIGNATURE ? CALG_RSA_SIGN : CALG_RSA_KEYX, key, flags, out);
	BCryptDestroyKey(key);
	return ok || adv_fail(ERROR_NOT_ENOUGH_MEMORY);
}

ADVAPI BOOL WINAPI CryptGetUserKey(HCRYPTPROV prov, DWORD spec, HCRYPTKEY *out)
{
	struct adv_prov *p = adv_prov_from_handle(prov);
	int slot = slot_of(spec);

	if (!p || !out)
		return adv_fail(ERROR_INVALID_PARAMETER);
	if (slot < 0 || !p->pairs[slot])
		return adv_fail(NTE_NO_KEY);
	return pair_handle(prov, spec == AT_SIGNATURE ? CALG_RSA_SIGN : CALG_RSA_KEYX,
			   p->pairs[slot], 0, out);
}

ADVAPI BOOL WINAPI CryptSignHashW(HCRYPTHASH hash, DWORD spec, LPCWSTR desc, DWORD flags,
				  BYTE *sig, DWORD *len)
{
	struct adv_prov *p = adv_prov_from_handle(adv_hash_prov(hash));
	BYTE value[64];
	DWORD n = sizeof(value), algid_len = sizeof(ALG_ID);
	int slot = slot_of(spec);
	ULONG need = 0;
	struct cng_pkcs1 pad;
	ALG_ID algid;

	if (!p || !len)
		return adv_fail(ERROR_INVALID_PARAMETER);
	if (flags & ~(CRYPT_NOHASHOID | CRYPT_X931_FORMAT))
		return adv_fail(NTE_BAD_FLAGS);
	if (slot < 0 || !p->pairs[slot])
		return adv_fail(NTE_NO_KEY);
	if (!CryptGetHashParam(hash, HP_ALGID, (BYTE *)&algid, &algid_len, 0) ||
	    !(pad.alg = adv_digest_name(algid)))
		return adv_fail(NTE_BAD_ALGID);
	if (flags & CRYPT_NOHASHOID)
		pad.alg = NULL; /* PKCS #1 padding around the bare hash */
	BCryptSignHash(p->pairs[slot], &pad, NULL, 0, NULL, 0, &need, CNG_PAD_PKCS1);
	if (!sig) {
		*len = need;
		return TRUE;
	}
	if (*len < need) {
		*len = need;
		return adv_fail(ERROR_MORE_DATA);
	}
	if (!CryptGetHashParam(hash, HP_HASHVAL, value, &n, 0) ||
	    BCryptSignHash(p->pairs[slot], &pad, value, n, sig, need, &need, CNG_PAD_PKCS1))
		return adv_fail(NTE_BAD_SIGNATURE);
	for (DWORD i = 0; i < need / 2; i++) { /* big-endian to CryptoAPI's little-endian */
		BYTE t = sig[i];

		sig[i] = sig[need - 1 - i];
		sig[need - 1 - i] = t;
	}
	*len = need;
	return TRUE;
}

ADVAPI BOOL WINAPI CryptSignHashA(HCRYPTHASH hash, DWORD spec, LPCSTR desc, DWORD flags,
				  BYTE *sig, DWORD *len)
{
	return CryptSignHashW(hash, spec, NULL, flags, sig, len);
}

/* A pair's PUBLICKEYBLOB: BLOBHEADER, RSAPUBKEY, the modulus little-endian. */
BOOL adv_export_public(struct adv_key *k, BYTE *data, DWORD *len)
{
	BYTE cng[sizeof(struct cng_rsa_header) + 8 + 2048];
	const struct cng_rsa_header *h = (const void *)cng;
	ULONG got = 0;
	DWORD need, room = *len, exp = 0;
	const BYTE *e, *n;
	BLOBHEADER *b = (BLOBHEADER *)data;
	RSAPUBKEY *r = (RSAPUBKEY *)(b + 1);

	if (BCryptExportKey(k->bcrypt, NULL, L"RSAPUBLICBLOB", cng, sizeof(cng), &got, 0) ||
	    got < sizeof(*h) || h->e_len > 4 || sizeof(*h) + h->e_len + h->n_len > got)
		return adv_fail(NTE_BAD_KEY);
	e = cng + sizeof(*h);
	n = e + h->e_len;
	need = sizeof(*b) + sizeof(*r) + h->n_len;
	*len = need;
	if (!data)
		return TRUE;
	if (room < need)
		return adv_fail(ERROR_MORE_DATA);
	for (DWORD i = 0; i < h->e_len; i++)
		exp = exp << 8 | e[i];
	*b = (BLOBHEADER){ PUBLICKEYBLOB, CUR_BLOB_VERSION, 0, k->algid };
	*r = (RSAPUBKEY){ RSA1_MAGIC, h->bits, exp };
	for (DWORD i = 0; i < h->n_len; i++)
		((BYTE *)(r + 1))[i] = n[h->n_len - 1 - i];
	return TRUE;
}
