/* RSA public keys (RFC 8017 A.1.1: SEQUENCE { modulus, publicExponent })
 * as CryptoAPI's PUBLICKEYBLOB (RSA_CSP_PUBLICKEYBLOB: little-endian) and
 * CNG's BCRYPT_RSAKEY_BLOB (CNG_RSA_PUBLIC_KEY_BLOB: big-endian). */
#include "asn.h"
#include <bcrypt.h>

/* An unsigned big-endian integer be[n] as INTEGER. */
static void put_uint_be(struct der_out *o, const BYTE *be, DWORD n)
{
	DWORD start = o->len;

	while (n > 1 && !be[0]) {
		be++;
		n--;
	}
	if (!n || be[0] & 0x80)
		der_put(o, "", 1);
	der_put(o, be, n);
	der_wrap(o, start, DER_INTEGER);
}

/* The modulus and exponent of an encoded key, without sign bytes. */
struct rsa_parts {
	const BYTE *modulus, *exponent;
	DWORD modulus_len, exponent_len;
};

static HRESULT read_unsigned(const BYTE **p, const BYTE *end, const BYTE **v, DWORD *n)
{
	struct der_tlv tlv;
	HRESULT hr = der_read(*p, (DWORD)(end - *p), &tlv);

	if (hr)
		return hr;
	if (tlv.tag != DER_INTEGER)
		return CRYPT_E_ASN1_BADTAG;
	if (!tlv.len)
		return CRYPT_E_ASN1_CORRUPT;
	*v = tlv.value;
	*n = tlv.len;
	while (*n > 1 && !**v) {
		(*v)++;
		(*n)--;
	}
	*p += tlv.size;
	return 0;
}

static HRESULT read_parts(const struct der_tlv *tlv, struct rsa_parts *k)
{
	const BYTE *p = tlv->value, *end = tlv->value + tlv->len;
	HRESULT hr;

	if (tlv->tag != DER_SEQUENCE)
		return CRYPT_E_ASN1_BADTAG;
	if ((hr = read_unsigned(&p, end, &k->modulus, &k->modulus_len)) ||
	    (hr = read_unsigned(&p, end, &k->exponent, &k->exponent_len)))
		return hr;
	return 0;
}

static HRESULT encode_csp(const struct asn_type *t, const void *value, BYTE tag,
			  struct der_out *o, struct asn_encoder *e)
{
	const BLOBHEADER *hdr = value;
	const RSAPUBKEY *key = (const RSAPUBKEY *)(hdr + 1);
	const BYTE *modulus = (const BYTE *)(key + 1);
	DWORD n = key->bitlen / 8, start = o->len;
	BYTE be[4];

	if (hdr->bType != PUBLICKEYBLOB)
		return E_INVALIDARG;
	der_put_integer_le(o, DER_INTEGER, modulus, n, TRUE);
	for (int i = 0; i < 4; i++)
		be[i] = (BYTE)(key->pubexp >> (24 - 8 * i));
	put_uint_be(o, be, 4);
	der_wrap(o, start, DER_SEQUENCE);
	return 0;
}

static HRESULT decode_csp(const struct asn_type *t, const struct der_tlv *tlv, void *value,
			  struct asn_arena *a)
{
	struct rsa_parts k;
	HRESULT hr = read_parts(tlv, &k);
	BYTE *out;

	if (hr)
		return hr;
	if (k.exponent_len > 4)
		return CRYPT_E_ASN1_LARGE;
	out = asn_take(a, sizeof(BLOBHEADER) + sizeof(RSAPUBKEY) + k.modulus_len);
	if (out) {
		BLOBHEADER *hdr = (BLOBHEADER *)out;
		RSAPUBKEY *key = (RSAPUBKEY *)(hdr + 1);
		BYTE *modulus = (BYTE *)(key + 1);

		hdr->bType = PUBLICKEYBLOB;
		hdr->bVersion = CUR_BLOB_VERSION;
		hdr->aiKeyAlg = CALG_RSA_KEYX;
		key->magic = 0x31415352; /* "RSA1" */
		key->bitlen = k.modulus_len * 8;
		for (DWORD i = 0; i < k.exponent_len; i++)
			key->pubexp = key->pubexp << 8 | k.exponent[i];
		for (DWORD i = 0; i < k.modulus_len; i++)
			modulus[i] = k.modulus[k.modulus_len - 1 - i];
	}
	return 0;
}

static HRESULT encode_cng(const struct asn_type *t, const void *value, BYTE tag,
			  struct der_out *o, struct asn_encoder *e)
{
	const BCRYPT_RSAKEY_BLOB *hdr = value;
	const BYTE *exponent = (const BYTE *)(hdr + 1);
	DWORD start = o->len;

	put_uint_be(o, exponent + hdr->cbPublicExp, hdr->cbModulus);
	put_uint_be(o, exponent, hdr->cbPublicExp);
	der_wrap(o, start, DER_SEQUENCE);
	return 0;
}

static HRESULT decode_cng(const struct asn_type *t, const struct der_tlv *tlv, void *value,
			  struct asn_arena *a)
{
	struct rsa_parts k;
	HRESULT hr = read_parts(tlv, &k);
	BYTE *out;

	if (hr)
		return hr;
	out = asn_take(a, sizeof(BCRYPT_RSAKEY_BLOB) + k.exponent_len + k.modulus_len);
	if (out) {
		BCRYPT_RSAKEY_BLOB *hdr = (BCRYPT_RSAKEY_BLOB *)out;

		hdr->Magic = BCRYPT_RSAPUBLIC_MAGIC;
		hdr->BitLength = k.modulus_len * 8;
		hdr->cbPublicExp = k.exponent_len;
		hdr->cbModulus = k.modulus_len;
		memcpy(hdr + 1, k.exponent, k.exponent_len);
		memcpy((BYTE *)(hdr + 1) + k.exponent_len, k.modulus, k.modulus_len);
	}
	return 0;
}

const struct asn_type asn_rsa_public_key = { .tag = DER_SEQUENCE, .size = 0,
					     .encode = encode_csp, .decode = decode_csp };
const struct asn_type asn_cng_rsa_public_key = { .tag = DER_SEQUENCE, .size = 0,
						 .encode = encode_cng, .decode = decode_cng };

/* RSAPrivateKey (RFC 8017 A.1.2: version, n, e, d, p, q, dP, dQ, qInv) as
 * a PRIVATEKEYBLOB (PKCS_RSA_PRIVATE_KEY): the header and RSAPUBKEY
 * ("RSA2"), then n, p, q, dP, dQ, qInv and d little-endian, n and d
 * bitlen/8 bytes long, the rest bitlen/16. */
static HRESULT decode_private(const struct asn_type *t, const struct der_tlv *tlv, void *value,
			      struct asn_arena *a)
{
	/* the blob's order, as indexes of the key's integers after version */
	static const int order[] = { 0, 3, 4, 5, 6, 7, 2 };
	const BYTE *p = tlv->value, *end = tlv->value + tlv->len, *v[8];
	DWORD n[8], half;
	BYTE *out;
	HRESULT hr;

	if (tlv->tag != DER_SEQUENCE)
		return CRYPT_E_ASN1_BADTAG;
	for (int i = 0; i < 9; i++) {
		const BYTE *x;
		DWORD len;

		if ((hr = read_unsigned(&p, end, &x, &len)))
			return hr == CRYPT_E_ASN1_EOD ? CRYPT_E_ASN1_CORRUPT : hr;
		if (i) {
			v[i - 1] = x;
			n[i - 1] = len;
		}
	}
	if (n[1] > 4)
		return CRYPT_E_ASN1_LARGE;
	half = (n[0] + 1) / 2;
	for (int i = 3; i < 8; i++)
		if (n[i] > half)
			return CRYPT_E_ASN1_CORRUPT; /* a prime or its exponent longer than half n */
	if (n[2] > n[0])
		return CRYPT_E_ASN1_CORRUPT;
	out = asn_take(a, sizeof(BLOBHEADER) + sizeof(RSAPUBKEY) + n[0] * 2 + half * 5);
	if (out) {
		BLOBHEADER *hdr = (BLOBHEADER *)out;
		RSAPUBKEY *key = (RSAPUBKEY *)(hdr + 1);
		BYTE *at = (BYTE *)(key + 1);

		hdr->bType = PRIVATEKEYBLOB;
		hdr->bVersion = CUR_BLOB_VERSION;
		hdr->aiKeyAlg = CALG_RSA_KEYX;
		key->magic = 0x32415352; /* "RSA2" */
		key->bitlen = n[0] * 8;
		for (DWORD i = 0; i < n[1]; i++)
			key->pubexp = key->pubexp << 8 | v[1][i];
		for (int k = 0; k < ARRAYSIZE(order); k++) {
			int i = order[k];
			DWORD width = i == 0 || i == 2 ? n[0] : half;

			for (DWORD j = 0; j < n[i]; j++)
				at[j] = v[i][n[i] - 1 - j]; /* the rest stays zero */
			at += width;
		}
	}
	return 0;
}

const struct asn_type asn_rsa_private_key = { .tag = DER_SEQUENCE, .size = 0,
					      .decode = decode_private };
