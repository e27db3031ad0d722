/* Elliptic-curve keys (ECDSA and ECDH on P-256 and P-384): generation,
 * BCRYPT_ECCKEY_BLOB import and export (the header, then X and Y, then
 * for a private blob d, each cbKey bytes big-endian) and ECDSA
 * signatures (r || s). */
#include "bcrypt_private.h"

/* The blob magics: [ECDH?][P-384?][private?]. */
static const ULONG ecc_magics[2][2][2] = {
	{ { BCRYPT_ECDSA_PUBLIC_P256_MAGIC, BCRYPT_ECDSA_PRIVATE_P256_MAGIC },
	  { BCRYPT_ECDSA_PUBLIC_P384_MAGIC, BCRYPT_ECDSA_PRIVATE_P384_MAGIC } },
	{ { BCRYPT_ECDH_PUBLIC_P256_MAGIC, BCRYPT_ECDH_PRIVATE_P256_MAGIC },
	  { BCRYPT_ECDH_PUBLIC_P384_MAGIC, BCRYPT_ECDH_PRIVATE_P384_MAGIC } },
};

static ULONG magic_of(enum bc_kind kind, ULONG bits, BOOL private)
{
	return ecc_magics[kind == BC_KIND_ECDH][bits == 384][private != 0];
}

/* The blob a type names: FALSE when not an ECC blob.  PRIVATEBLOB and
 * PUBLICBLOB go by the magic. */
static BOOL private_of_type(const WCHAR *type, ULONG magic, enum bc_kind kind, ULONG bits,
			    BOOL *private)
{
	if (!_wcsicmp(type, BCRYPT_ECCPUBLIC_BLOB) || !_wcsicmp(type, BCRYPT_PUBLIC_KEY_BLOB))
		*private = FALSE;
	else if (!_wcsicmp(type, BCRYPT_ECCPRIVATE_BLOB))
		*private = TRUE;
	else if (!_wcsicmp(type, BCRYPT_PRIVATE_KEY_BLOB))
		*private = magic == magic_of(kind, bits, TRUE);
	else
		return FALSE;
	return TRUE;
}

static struct bc_ecc *new_ecc(ULONG bits)
{
	struct bc_ecc *e = bc_alloc(sizeof(*e));

	if (e && ecc_curve_load(&e->curve, bits)) {
		bc_free(e);
		return NULL;
	}
	return e;
}

static void free_ecc(struct bc_ecc *e)
{
	RtlSecureZeroMemory(e, sizeof(*e));
	bc_free(e);
}

NTSTATUS bc_ecc_finalize(struct bc_key *k)
{
	struct bc_ecc *e = new_ecc(k->bits);

	if (!e)
		return STATUS_NO_MEMORY;
	ecc_generate(&e->curve, &e->d, &e->q, bc_random);
	e->has_private = TRUE;
	k->ecc = e;
	k->finalized = TRUE;
	return STATUS_SUCCESS;
}

/* The blob's key into e: a point on the curve, a private scalar in
 * [1, n - 1] whose public point it is. */
static NTSTATUS read_key(struct bc_ecc *e, const UCHAR *p, BOOL private)
{
	size_t n = e->curve.bytes;
	struct ecc_point check;
	struct ecc_point g = { 0, e->curve.gx, e->curve.gy };

	e->q.infinity = 0;
	bn_from_bytes(&e->q.x, p, n);
	bn_from_bytes(&e->q.y, p + n, n);
	if (!ecc_on_curve(&e->curve, &e->q))
		return STATUS_INVALID_PARAMETER;
	if (!private)
		return STATUS_SUCCESS;
	bn_from_bytes(&e->d, p + 2 * n, n);
	if (bn_is_zero(&e->d) || bn_cmp(&e->d, &e->curve.n) >= 0)
		return STATUS_INVALID_PARAMETER;
	ecc_mul(&e->curve, &check, &e->d, &g);
	if (bn_cmp(&check.x, &e->q.x) || bn_cmp(&check.y, &e->q.y))
		return STATUS_INVALID_PARAMETER;
	e->has_private = TRUE;
	return STATUS_SUCCESS;
}

NTSTATUS bc_ecc_import(const struct bc_alg *a, const WCHAR *type, void **handle,
		       const UCHAR *in, ULONG in_len)
{
	const BCRYPT_ECCKEY_BLOB *h = (const void *)in;
	ULONG bytes = a->curve_bits / 8;
	struct bc_ecc *e;
	struct bc_key *k;
	BOOL private;
	NTSTATUS st;

	if (in_len < sizeof(*h))
		return STATUS_INVALID_PARAMETER;
	if (!private_of_type(type, h->dwMagic, a->kind, a->curve_bits, &private))
		return STATUS_NOT_SUPPORTED;
	if (h->dwMagic != magic_of(a->kind, a->curve_bits, private) || h->cbKey != bytes ||
	    in_len < sizeof(*h) + (private ? 3 : 2) * bytes)
		return STATUS_INVALID_PARAMETER;
	if (!(e = new_ecc(a->curve_bits)))
		return STATUS_NO_MEMORY;
	if ((st = read_key(e, in + sizeof(*h), private)) == STATUS_SUCCESS &&
	    (st = bc_new_key(&k)) == STATUS_SUCCESS) {
		k->name = a->name;
		k->kind = a->kind;
		k->bits = a->curve_bits;
		k->ecc = e;
		k->finalized = TRUE;
		*handle = k;
		return STATUS_SUCCESS;
	}
	free_ecc(e);
	return st;
}

NTSTATUS bc_ecc_export(const struct bc_key *k, const WCHAR *type, UCHAR *out, ULONG out_len,
		       ULONG *result)
{
	const struct bc_ecc *e = k->ecc;
	BCRYPT_ECCKEY_BLOB h;
	BOOL private;
	size_t n;

	if (!k->finalized)
		return STATUS_INVALID_HANDLE;
	if (!private_of_type(type, magic_of(k->kind, k->bits, e->has_private), k->kind, k->bits,
			     &private))
		return STATUS_NOT_SUPPORTED;
	if (private && !e->has_private)
		return STATUS_INVALID_PARAMETER;
	n = e->curve.bytes;
	*result = (ULONG)(sizeof(h) + (private ? 3 : 2) * n);
	if (!out)
		return STATUS_SUCCESS;
	if (out_len < *result)
		return STATUS_BUFFER_TOO_SMALL;
	h.dwMagic = magic_of(k->kind, k->bits, private);
	h.cbKey = (ULONG)n;
	memcpy(out, &h, sizeof(h));
	bn_to_bytes(&e->q.x, out + sizeof(h), n);
	bn_to_bytes(&e->q.y, out + sizeof(h) + n, n);
	if (private)
		bn_to_bytes(&e->d, out + sizeof(h) + 2 * n, n);
	return STATUS_SUCCESS;
}

/* ECDSA takes no padding: flags must be 0. */
NTSTATUS bc_ecc_sign(const struct bc_key *k, const UCHAR *hash, ULONG hash_len, UCHAR *sig,
		     ULONG sig_len, ULONG *result, ULONG flags)
{
	const struct bc_ecc *e = k->ecc;
	ULONG need = (ULONG)(2 * e->curve.bytes);

	if (k->kind != BC_KIND_ECDSA)
		return STATUS_NOT_SUPPORTED;
	if (flags)
		return STATUS_INVALID_PARAMETER;
	*result = need;
	if (!sig)
		return STATUS_SUCCESS;
	if (!e->has_private || !hash_len)
		return STATUS_INVALID_PARAMETER;
	if (sig_len < need)
		return STATUS_BUFFER_TOO_SMALL;
	ecdsa_sign(&e->curve, &e->d, hash, hash_len, sig, bc_random);
	return STATUS_SUCCESS;
}

NTSTATUS bc_ecc_verify(const struct bc_key *k, const UCHAR *hash, ULONG hash_len,
		       const UCHAR *sig, ULONG sig_len, ULONG flags)
{
	const struct bc_ecc *e = k->ecc;

	if (k->kind != BC_KIND_ECDSA)
		return STATUS_NOT_SUPPORTED;
	if (flags)
		return STATUS_INVALID_PARAMETER;
	if (sig_len != 2 * e->curve.bytes || !hash_len ||
	    ecdsa_verify(&e->curve, &e->q, hash, hash_len, sig))
		return STATUS_INVALID_SIGNATURE;
	return STATUS_SUCCESS;
}
