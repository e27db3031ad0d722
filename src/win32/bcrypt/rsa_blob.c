/* RSA keys in and out of their blobs (BCRYPT_RSAKEY_BLOB): the header,
 * then big-endian fields: the public exponent and the modulus; a private
 * blob adds the primes p and q; a full private blob adds d mod (p-1),
 * d mod (q-1), q^-1 mod p and d.  Each field has the size the header
 * gives it. */
#include "bcrypt_private.h"

#ifndef NTE_BAD_DATA
#define NTE_BAD_DATA ((NTSTATUS)0x80090005)
#endif

enum rsa_blob_kind { RSA_BLOB_PUBLIC, RSA_BLOB_PRIVATE, RSA_BLOB_FULL };

static const ULONG blob_magics[] = {
	BCRYPT_RSAPUBLIC_MAGIC, BCRYPT_RSAPRIVATE_MAGIC, BCRYPT_RSAFULLPRIVATE_MAGIC,
};

/* The blob a type names; PRIVATEBLOB and PUBLICBLOB go by the magic. */
static BOOL kind_of_type(const WCHAR *type, ULONG magic, enum rsa_blob_kind *kind)
{
	if (!_wcsicmp(type, BCRYPT_RSAPUBLIC_BLOB) || !_wcsicmp(type, BCRYPT_PUBLIC_KEY_BLOB))
		*kind = RSA_BLOB_PUBLIC;
	else if (!_wcsicmp(type, BCRYPT_RSAPRIVATE_BLOB))
		*kind = RSA_BLOB_PRIVATE;
	else if (!_wcsicmp(type, BCRYPT_RSAFULLPRIVATE_BLOB))
		*kind = RSA_BLOB_FULL;
	else if (!_wcsicmp(type, BCRYPT_PRIVATE_KEY_BLOB))
		*kind = magic == BCRYPT_RSAFULLPRIVATE_MAGIC ? RSA_BLOB_FULL : RSA_BLOB_PRIVATE;
	else
		return FALSE;
	return TRUE;
}

static SIZE_T blob_size(enum rsa_blob_kind kind, SIZE_T e, SIZE_T n, SIZE_T p, SIZE_T q)
{
	SIZE_T size = sizeof(BCRYPT_RSAKEY_BLOB) + e + n;

	if (kind >= RSA_BLOB_PRIVATE)
		size += p + q;
	if (kind == RSA_BLOB_FULL)
		size += 2 * p + q + n;
	return size;
}

/* The header's sizes, checked against the blob's length and our limits. */
static NTSTATUS check_header(const BCRYPT_RSAKEY_BLOB *h, enum rsa_blob_kind kind, ULONG in_len)
{
	if (h->cbPublicExp < 1 || h->cbPublicExp > 8 || !h->cbModulus ||
	    h->cbModulus > RSA_MAX_BITS / 8 || h->BitLength > 8 * h->cbModulus)
		return NTE_BAD_DATA;
	if (kind >= RSA_BLOB_PRIVATE && (!h->cbPrime1 || !h->cbPrime2 ||
					 h->cbPrime1 > h->cbModulus || h->cbPrime2 > h->cbModulus))
		return NTE_BAD_DATA;
	if (blob_size(kind, h->cbPublicExp, h->cbModulus, h->cbPrime1, h->cbPrime2) > in_len)
		return STATUS_INVALID_PARAMETER;
	return STATUS_SUCCESS;
}

/* Reads the next field of len bytes into n. */
static const UCHAR *read_field(struct bn *n, const UCHAR *p, ULONG len)
{
	bn_from_bytes(n, p, len);
	return p + len;
}

static NTSTATUS read_key(struct rsa_key *r, const BCRYPT_RSAKEY_BLOB *h, enum rsa_blob_kind kind)
{
	const UCHAR *p = (const UCHAR *)(h + 1);

	p = read_field(&r->e, p, h->cbPublicExp);
	p = read_field(&r->n, p, h->cbModulus);
	r->e_len = h->cbPublicExp;
	r->n_len = h->cbModulus;
	if (bn_bits(&r->n) < 2 || !bn_bit(&r->n, 0) || bn_bits(&r->n) > h->BitLength ||
	    bn_is_zero(&r->e))
		return NTE_BAD_DATA;
	if (kind == RSA_BLOB_PUBLIC)
		return STATUS_SUCCESS;
	p = read_field(&r->p, p, h->cbPrime1);
	p = read_field(&r->q, p, h->cbPrime2);
	r->p_len = h->cbPrime1;
	r->q_len = h->cbPrime2;
	if (kind == RSA_BLOB_PRIVATE)
		return rsa_complete(r) ? NTE_BAD_DATA : STATUS_SUCCESS;
	p = read_field(&r->dp, p, h->cbPrime1);
	p = read_field(&r->dq, p, h->cbPrime2);
	p = read_field(&r->qinv, p, h->cbPrime1);
	read_field(&r->d, p, h->cbModulus);
	r->has_private = 1;
	return rsa_check_factors(r) ? NTE_BAD_DATA : STATUS_SUCCESS;
}

NTSTATUS bc_rsa_import(const struct bc_alg *a, const WCHAR *type, void **handle,
		       const UCHAR *in, ULONG in_len)
{
	const BCRYPT_RSAKEY_BLOB *h = (const void *)in;
	enum rsa_blob_kind kind;
	struct rsa_key *rsa;
	struct bc_key *k;
	NTSTATUS st;

	if (in_len < sizeof(*h))
		return STATUS_INVALID_PARAMETER;
	if (!kind_of_type(type, h->Magic, &kind))
		return STATUS_NOT_SUPPORTED;
	if (h->Magic != blob_magics[kind])
		return STATUS_INVALID_PARAMETER;
	if ((st = check_header(h, kind, in_len)) != STATUS_SUCCESS)
		return st;
	if (!(rsa = bc_alloc(sizeof(*rsa))))
		return STATUS_NO_MEMORY;
	if ((st = read_key(rsa, h, kind)) == STATUS_SUCCESS && (st = bc_new_key(&k)) == STATUS_SUCCESS) {
		k->name = a->name;
		k->kind = BC_KIND_RSA;
		k->bits = h->BitLength;
		k->rsa = rsa;
		k->finalized = TRUE;
		*handle = k;
		return STATUS_SUCCESS;
	}
	RtlSecureZeroMemory(rsa, sizeof(*rsa));
	bc_free(rsa);
	return st;
}

static UCHAR *write_field(UCHAR *p, const struct bn *n, SIZE_T len)
{
	bn_to_bytes(n, p, len);
	return p + len;
}

static void write_key(const struct rsa_key *r, ULONG bits, enum rsa_blob_kind kind, UCHAR *out)
{
	BCRYPT_RSAKEY_BLOB h = { blob_magics[kind], bits, (ULONG)r->e_len, (ULONG)r->n_len, 0, 0 };
	UCHAR *p = out + sizeof(h);

	if (kind >= RSA_BLOB_PRIVATE) {
		h.cbPrime1 = (ULONG)r->p_len;
		h.cbPrime2 = (ULONG)r->q_len;
	}
	memcpy(out, &h, sizeof(h));
	p = write_field(p, &r->e, r->e_len);
	p = write_field(p, &r->n, r->n_len);
	if (kind == RSA_BLOB_PUBLIC)
		return;
	p = write_field(p, &r->p, r->p_len);
	p = write_field(p, &r->q, r->q_len);
	if (kind == RSA_BLOB_PRIVATE)
		return;
	p = write_field(p, &r->dp, r->p_len);
	p = write_field(p, &r->dq, r->q_len);
	p = write_field(p, &r->qinv, r->p_len);
	write_field(p, &r->d, r->n_len);
}

NTSTATUS bc_rsa_export(const struct bc_key *k, const WCHAR *type, UCHAR *out, ULONG out_len,
		       ULONG *result)
{
	const struct rsa_key *r = k->rsa;
	enum rsa_blob_kind kind;

	if (!k->finalized)
		return STATUS_INVALID_HANDLE;
	if (!kind_of_type(type, r->has_private ? BCRYPT_RSAPRIVATE_MAGIC : 0, &kind))
		return STATUS_NOT_SUPPORTED;
	if (kind != RSA_BLOB_PUBLIC && !r->has_private)
		return STATUS_INVALID_PARAMETER;
	*result = (ULONG)blob_size(kind, r->e_len, r->n_len, r->p_len, r->q_len);
	if (!out)
		return STATUS_SUCCESS;
	if (out_len < *result)
		return STATUS_BUFFER_TOO_SMALL;
	write_key(r, k->bits, kind, out);
	return STATUS_SUCCESS;
}
