/* DSA keys through the API: generation, the BCRYPT_DSA_KEY_BLOB blobs
 * (the header with count, seed and q, then p, g and y of cbKey bytes
 * each, and for a private blob x; big-endian) and CAPI's version 2
 * private blob (LEGACY_DSA_V2_PRIVATE_BLOB: a BLOBHEADER, "DSS2" and the
 * bit length, then p, q, g and x little-endian, then the seed's counter
 * and seed), and signatures (r || s, 40 bytes). */
#include "bcrypt_private.h"

#define LEGACY_HEADER 16   /* BLOBHEADER + DSSPUBKEY */
#define LEGACY_SEED 24     /* DSSSEED */
#define DSS2_MAGIC 0x32535344u
#define CAPI_PRIVATEKEYBLOB 7
#define CAPI_DSS_SIGN 0x2200u

enum dsa_blob { DSA_BLOB_PUBLIC, DSA_BLOB_PRIVATE, DSA_BLOB_LEGACY_PRIVATE };

static BOOL blob_of_type(const WCHAR *type, ULONG magic, enum dsa_blob *b)
{
	if (!_wcsicmp(type, BCRYPT_DSA_PUBLIC_BLOB) || !_wcsicmp(type, BCRYPT_PUBLIC_KEY_BLOB))
		*b = DSA_BLOB_PUBLIC;
	else if (!_wcsicmp(type, BCRYPT_DSA_PRIVATE_BLOB))
		*b = DSA_BLOB_PRIVATE;
	else if (!_wcsicmp(type, BCRYPT_PRIVATE_KEY_BLOB))
		*b = magic == BCRYPT_DSA_PRIVATE_MAGIC ? DSA_BLOB_PRIVATE : DSA_BLOB_PUBLIC;
	else if (!_wcsicmp(type, LEGACY_DSA_V2_PRIVATE_BLOB))
		*b = DSA_BLOB_LEGACY_PRIVATE;
	else
		return FALSE;
	return TRUE;
}

/* n bytes little-endian (CAPI's order) in and out. */
static void read_le(struct bn *r, const UCHAR *p, ULONG n)
{
	UCHAR be[DSA_MAX_BITS / 8];

	for (ULONG i = 0; i < n; i++)
		be[i] = p[n - 1 - i];
	bn_from_bytes(r, be, n);
}

static void write_le(const struct bn *v, UCHAR *p, ULONG n)
{
	UCHAR be[DSA_MAX_BITS / 8];

	bn_to_bytes(v, be, n);
	for (ULONG i = 0; i < n; i++)
		p[i] = be[n - 1 - i];
}

static BOOL size_ok(ULONG bytes)
{
	return bytes >= DSA_MIN_BITS / 8 && bytes <= DSA_MAX_BITS / 8 && bytes % 8 == 0;
}

static NTSTATUS read_cng(struct dsa_key *k, const UCHAR *in, ULONG in_len, BOOL private)
{
	const BCRYPT_DSA_KEY_BLOB *h = (const void *)in;
	const UCHAR *p = in + sizeof(*h);
	ULONG n;

	if (in_len < sizeof(*h))
		return STATUS_INVALID_PARAMETER;
	n = h->cbKey;
	if (h->dwMagic != (private ? BCRYPT_DSA_PRIVATE_MAGIC : BCRYPT_DSA_PUBLIC_MAGIC) ||
	    !size_ok(n) || in_len < sizeof(*h) + 3 * n + (private ? DSA_Q_BYTES : 0))
		return STATUS_INVALID_PARAMETER;
	memcpy(k->count, h->Count, 4);
	memcpy(k->seed, h->Seed, 20);
	bn_from_bytes(&k->q, h->q, DSA_Q_BYTES);
	bn_from_bytes(&k->p, p, n);
	bn_from_bytes(&k->g, p + n, n);
	bn_from_bytes(&k->y, p + 2 * n, n);
	if (private)
		bn_from_bytes(&k->x, p + 3 * n, DSA_Q_BYTES);
	k->has_private = private;
	k->p_len = n;
	return STATUS_SUCCESS;
}

static NTSTATUS read_legacy(struct dsa_key *k, const UCHAR *in, ULONG in_len)
{
	const UCHAR *p = in + LEGACY_HEADER;
	ULONG magic, bits, n;

	if (in_len < LEGACY_HEADER || in[0] != CAPI_PRIVATEKEYBLOB)
		return STATUS_INVALID_PARAMETER;
	memcpy(&magic, in + 8, 4);
	memcpy(&bits, in + 12, 4);
	n = bits / 8;
	if (magic != DSS2_MAGIC || !size_ok(n) ||
	    in_len < LEGACY_HEADER + 2 * n + 2 * DSA_Q_BYTES + LEGACY_SEED)
		return STATUS_INVALID_PARAMETER;
	read_le(&k->p, p, n);
	read_le(&k->q, p + n, DSA_Q_BYTES);
	read_le(&k->g, p + n + DSA_Q_BYTES, n);
	read_le(&k->x, p + 2 * n + DSA_Q_BYTES, DSA_Q_BYTES);
	p += 2 * n + 2 * DSA_Q_BYTES;
	for (int i = 0; i < 4; i++)
		k->count[i] = p[3 - i];       /* the DWORD, kept big-endian as CNG's */
	memcpy(k->seed, p + 4, 20);
	k->has_private = 1;
	k->p_len = n;
	dsa_public_from_private(k);
	return STATUS_SUCCESS;
}

/* What any key must have: p and q odd, q of about 160 bits, 1 < g < p,
 * y < p, x < q (that they are primes, q | p - 1, is not checked). */
static BOOL sane(const struct dsa_key *k)
{
	return bn_bit(&k->p, 0) && bn_bit(&k->q, 0) && bn_bits(&k->q) > 150 &&
	       bn_cmp(&k->g, &k->p) < 0 &&
	       bn_bits(&k->g) > 1 && bn_cmp(&k->y, &k->p) < 0 &&
	       (!k->has_private || (!bn_is_zero(&k->x) && bn_cmp(&k->x, &k->q) < 0));
}

NTSTATUS bc_dsa_import(const struct bc_alg *a, const WCHAR *type, void **handle,
		       const UCHAR *in, ULONG in_len)
{
	ULONG magic = in_len >= 4 ? *(const ULONG *)in : 0;
	enum dsa_blob b;
	struct dsa_key *k;
	struct bc_key *key;
	NTSTATUS st;

	if (!blob_of_type(type, magic, &b))
		return STATUS_NOT_SUPPORTED;
	if (!(k = bc_alloc(sizeof(*k))))
		return STATUS_NO_MEMORY;
	st = b == DSA_BLOB_LEGACY_PRIVATE ? read_legacy(k, in, in_len)
					  : read_cng(k, in, in_len, b == DSA_BLOB_PRIVATE);
	if (st == STATUS_SUCCESS && !sane(k))
		st = STATUS_INVALID_PARAMETER;
	if (st == STATUS_SUCCESS && (st = bc_new_key(&key)) == STATUS_SUCCESS) {
		key->name = a->name;
		key->kind = BC_KIND_DSA;
		key->bits = (ULONG)k->p_len * 8;
		key->dsa = k;
		key->finalized = TRUE;
		*handle = key;
		return STATUS_SUCCESS;
	}
	RtlSecureZeroMemory(k, sizeof(*k));
	bc_free(k);
	return st;
}

static ULONG blob_size(const struct dsa_key *k, enum dsa_blob b)
{
	ULONG n = (ULONG)k->p_len;

	if (b == DSA_BLOB_LEGACY_PRIVATE)
		return LEGACY_HEADER + 2 * n + 2 * DSA_Q_BYTES + LEGACY_SEED;
	return sizeof(BCRYPT_DSA_KEY_BLOB) + 3 * n + (b == DSA_BLOB_PRIVATE ? DSA_Q_BYTES : 0);
}

static void write_cng(const struct dsa_key *k, BOOL private, UCHAR *out)
{
	BCRYPT_DSA_KEY_BLOB *h = (void *)out;
	UCHAR *p = out + sizeof(*h);
	ULONG n = (ULONG)k->p_len;

	h->dwMagic = private ? BCRYPT_DSA_PRIVATE_MAGIC : BCRYPT_DSA_PUBLIC_MAGIC;
	h->cbKey = n;
	memcpy(h->Count, k->count, 4);
	memcpy(h->Seed, k->seed, 20);
	bn_to_bytes(&k->q, h->q, DSA_Q_BYTES);
	bn_to_bytes(&k->p, p, n);
	bn_to_bytes(&k->g, p + n, n);
	bn_to_bytes(&k->y, p + 2 * n, n);
	if (private)
		bn_to_bytes(&k->x, p + 3 * n, DSA_Q_BYTES);
}

static void write_legacy(const struct dsa_key *k, UCHAR *out)
{
	ULONG n = (ULONG)k->p_len, magic = DSS2_MAGIC, bits = n * 8, alg = CAPI_DSS_SIGN;
	UCHAR *p = out + LEGACY_HEADER;

	memset(out, 0, LEGACY_HEADER);
	out[0] = CAPI_PRIVATEKEYBLOB;
	out[1] = 2;
	memcpy(out + 4, &alg, 4);
	memcpy(out + 8, &magic, 4);
	memcpy(out + 12, &bits, 4);
	write_le(&k->p, p, n);
	write_le(&k->q, p + n, DSA_Q_BYTES);
	write_le(&k->g, p + n + DSA_Q_BYTES, n);
	write_le(&k->x, p + 2 * n + DSA_Q_BYTES, DSA_Q_BYTES);
	p += 2 * n + 2 * DSA_Q_BYTES;
	for (int i = 0; i < 4; i++)
		p[i] = k->count[3 - i];
	memcpy(p + 4, k->seed, 20);
}

NTSTATUS bc_dsa_export(const struct bc_key *k, const WCHAR *type, UCHAR *out, ULONG out_len,
		       ULONG *result)
{
	const struct dsa_key *d = k->dsa;
	enum dsa_blob b;

	if (!k->finalized)
		return STATUS_INVALID_HANDLE;
	if (!blob_of_type(type, d->has_private ? BCRYPT_DSA_PRIVATE_MAGIC : 0, &b))
		return STATUS_NOT_SUPPORTED;
	if (b != DSA_BLOB_PUBLIC && !d->has_private)
		return STATUS_INVALID_PARAMETER;
	*result = blob_size(d, b);
	if (!out)
		return STATUS_SUCCESS;
	if (out_len < *result)
		return STATUS_BUFFER_TOO_SMALL;
	if (b == DSA_BLOB_LEGACY_PRIVATE)
		write_legacy(d, out);
	else
		write_cng(d, b == DSA_BLOB_PRIVATE, out);
	return STATUS_SUCCESS;
}

NTSTATUS bc_dsa_finalize(struct bc_key *k)
{
	struct dsa_key *d = bc_alloc(sizeof(*d));

	if (!d)
		return STATUS_NO_MEMORY;
	if (dsa_generate(d, k->bits, bc_random)) {
		bc_free(d);
		return STATUS_INVALID_PARAMETER;
	}
	k->dsa = d;
	k->finalized = TRUE;
	return STATUS_SUCCESS;
}

/* DSA takes no padding: flags must be 0. */
NTSTATUS bc_dsa_sign(const struct bc_key *k, const UCHAR *hash, ULONG hash_len, UCHAR *sig,
		     ULONG sig_len, ULONG *result, ULONG flags)
{
	if (flags)
		return STATUS_INVALID_PARAMETER;
	*result = 2 * DSA_Q_BYTES;
	if (!sig)
		return STATUS_SUCCESS;
	if (!k->dsa->has_private || !hash_len)
		return STATUS_INVALID_PARAMETER;
	if (sig_len < 2 * DSA_Q_BYTES)
		return STATUS_BUFFER_TOO_SMALL;
	return dsa_sign(k->dsa, hash, hash_len, sig, bc_random) ? STATUS_INVALID_PARAMETER
								 : STATUS_SUCCESS;
}

NTSTATUS bc_dsa_verify(const struct bc_key *k, const UCHAR *hash, ULONG hash_len,
		       const UCHAR *sig, ULONG sig_len, ULONG flags)
{
	if (flags)
		return STATUS_INVALID_PARAMETER;
	if (sig_len != 2 * DSA_Q_BYTES || !hash_len || dsa_verify(k->dsa, hash, hash_len, sig))
		return STATUS_INVALID_SIGNATURE;
	return STATUS_SUCCESS;
}
