/* CryptoAPI RSA keys: PUBLICKEYBLOB and PRIVATEKEYBLOB (a BLOBHEADER, an
 * RSAPUBKEY, then the modulus and for a private key the primes, the CRT
 * values and d, all little-endian) imported into bcrypt.dll's RSA, and
 * CryptVerifySignature over them: PKCS #1 v1.5 with the hash's
 * DigestInfo, the signature little-endian as CryptoAPI writes it. */
#include "adv_crypt.h"

#define BC_RSA ((void *)0xe1)
#define RSA1_MAGIC 0x31415352u /* "RSA1": public */
#define RSA2_MAGIC 0x32415352u /* "RSA2": private */
#define MAX_MODULUS 512        /* bcrypt's largest: 4096 bits */

/* bcrypt.h's BCRYPT_RSAKEY_BLOB and BCRYPT_PKCS1_PADDING_INFO. */
struct cng_rsa_header {
	ULONG magic, bits, e_len, n_len, p_len, q_len;
};
struct cng_pkcs1 {
	const WCHAR *alg;
};
#define CNG_RSAPUBLIC_MAGIC 0x31415352u
#define CNG_RSAPRIVATE_MAGIC 0x32415352u
#define CNG_PAD_PKCS1 0x2

BOOL adv_is_rsa_blob(const BYTE *data, DWORD len)
{
	const BLOBHEADER *h = (const void *)data;

	return len >= sizeof(*h) && (h->bType == PUBLICKEYBLOB || h->bType == PRIVATEKEYBLOB) &&
	       (h->aiKeyAlg == CALG_RSA_KEYX || h->aiKeyAlg == CALG_RSA_SIGN);
}

/* n bytes reversed: CryptoAPI's little-endian to CNG's big-endian. */
static BYTE *reversed(BYTE *out, const BYTE *in, DWORD n)
{
	for (DWORD i = 0; i < n; i++)
		out[i] = in[n - 1 - i];
	return out + n;
}

/* The CNG blob (RSAPUBLIC or RSAPRIVATE: e, n, p, q) of a CAPI one. */
static DWORD cng_blob(const BYTE *data, DWORD len, BYTE *out, BOOL *private)
{
	const BLOBHEADER *h = (const void *)data;
	const RSAPUBKEY *k = (const void *)(h + 1);
	const BYTE *n = (const BYTE *)(k + 1);
	DWORD bytes, half;
	struct cng_rsa_header c;
	BYTE *p = out + sizeof(c);

	if (len < sizeof(*h) + sizeof(*k))
		return 0;
	*private = h->bType == PRIVATEKEYBLOB;
	bytes = k->bitlen / 8;
	half = bytes / 2;
	if (k->magic != (*private ? RSA2_MAGIC : RSA1_MAGIC) || k->bitlen % 16 || !bytes ||
	    bytes > MAX_MODULUS ||
	    len < sizeof(*h) + sizeof(*k) + bytes + (*private ? 5 * half + bytes : 0))
		return 0;
	c = (struct cng_rsa_header){ *private ? CNG_RSAPRIVATE_MAGIC : CNG_RSAPUBLIC_MAGIC,
				     k->bitlen, 4, bytes, *private ? half : 0, *private ? half : 0 };
	memcpy(out, &c, sizeof(c));
	p = reversed(p, (const BYTE *)&k->pubexp, 4);
	p = reversed(p, n, bytes);
	if (*private) {
		p = reversed(p, n + bytes, half);
		p = reversed(p, n + bytes + half, half);
	}
	return (DWORD)(p - out);
}

BOOL adv_import_rsa(HCRYPTPROV prov, const BYTE *data, DWORD len, DWORD flags, HCRYPTKEY *out)
{
	const SIZE_T room = sizeof(struct cng_rsa_header) + 4 + 2 * MAX_MODULUS;
	const BLOBHEADER *h = (const void *)data;
	BYTE *blob = adv_alloc(room);
	struct adv_key *k = adv_alloc(sizeof(*k));
	BOOL private, ok = FALSE;
	DWORD size;

	if (blob && k && h->bVersion == CUR_BLOB_VERSION && (size = cng_blob(data, len, blob, &private))) {
		*k = (struct adv_key){ ADV_KEY_MAGIC, prov, h->aiKeyAlg };
		k->pair = TRUE;
		k->exportable = (flags & CRYPT_EXPORTABLE) != 0;
		ok = !BCryptImportKeyPair(BC_RSA, NULL, private ? L"RSAPRIVATEBLOB" : L"RSAPUBLICBLOB",
					  &k->bcrypt, blob, size, 0) && live_add(k);
		/* a private key becomes the container's pair of its kind */
		if (ok && private)
			adv_pair_keep(prov, h->aiKeyAlg == CALG_RSA_SIGN ? AT_SIGNATURE : AT_KEYEXCHANGE,
				      k->bcrypt);
	}
	if (blob) {
		RtlSecureZeroMemory(blob, room);
		adv_free(blob);
	}
	if (ok) {
		*out = (HCRYPTKEY)k;
		return TRUE;
	}
	if (k && k->bcrypt)
		BCryptDestroyKey(k->bcrypt);
	adv_free(k);
	return adv_fail(blob && k ? NTE_BAD_DATA : ERROR_NOT_ENOUGH_MEMORY);
}

const WCHAR *adv_digest_name(ALG_ID algid)
{
	switch (algid) {
	case CALG_MD2: return L"MD2";
	case CALG_MD4: return L"MD4";
	case CALG_MD5: return L"MD5";
	case CALG_SHA1: return L"SHA1";
	case CALG_SHA_256: return L"SHA256";
	case CALG_SHA_384: return L"SHA384";
	case CALG_SHA_512: return L"SHA512";
	}
	return NULL;
}

BOOL adv_verify_rsa(struct adv_key *k, HCRYPTHASH hash, const BYTE *sig, DWORD len)
{
	BYTE value[64], be[MAX_MODULUS];
	DWORD n = sizeof(value), algid_len = sizeof(ALG_ID);
	ALG_ID algid;
	struct cng_pkcs1 pad;

	if (!sig && len)
		return adv_fail(ERROR_INVALID_PARAMETER);
	if (!CryptGetHashParam(hash, HP_ALGID, (BYTE *)&algid, &algid_len, 0) ||
	    !(pad.alg = adv_digest_name(algid)) || !CryptGetHashParam(hash, HP_HASHVAL, value, &n, 0))
		return adv_fail(NTE_BAD_ALGID);
	if (!len || len > MAX_MODULUS)
		return adv_fail(NTE_BAD_SIGNATURE);
	reversed(be, sig, len);
	if (BCryptVerifySignature(k->bcrypt, &pad, value, n, be, len, CNG_PAD_PKCS1))
		return adv_fail(NTE_BAD_SIGNATURE);
	return TRUE;
}
