/* BCryptEncrypt and BCryptDecrypt of RSA keys: a message of the key's
 * length as it is (BCRYPT_PAD_NONE), or encoded by PKCS #1 v1.5 or OAEP
 * (with the digest and label of a BCRYPT_OAEP_PADDING_INFO). */
#include "bcrypt_private.h"

struct enc_padding {
	ULONG flags;                  /* BCRYPT_PAD_NONE, _PKCS1 or _OAEP */
	const struct hash_alg *hash;  /* OAEP's */
	const UCHAR *label;
	ULONG label_len;
};

static NTSTATUS padding_of(const void *info, ULONG flags, struct enc_padding *p)
{
	const BCRYPT_OAEP_PADDING_INFO *oaep = info;

	*p = (struct enc_padding){ flags, NULL, NULL, 0 };
	if (flags != BCRYPT_PAD_NONE && flags != BCRYPT_PAD_PKCS1 && flags != BCRYPT_PAD_OAEP)
		return STATUS_INVALID_PARAMETER;
	if (flags != BCRYPT_PAD_OAEP)
		return STATUS_SUCCESS;
	if (!oaep || !oaep->pszAlgId || (oaep->cbLabel && !oaep->pbLabel))
		return STATUS_INVALID_PARAMETER;
	if (!(p->hash = bc_hash_named(oaep->pszAlgId)))
		return STATUS_NOT_SUPPORTED;
	p->label = oaep->pbLabel;
	p->label_len = oaep->cbLabel;
	return STATUS_SUCCESS;
}

static int encode(const struct rsa_key *r, const struct enc_padding *p, const UCHAR *in,
		  ULONG in_len, UCHAR *em)
{
	switch (p->flags) {
	case BCRYPT_PAD_NONE:
		if (in_len != r->n_len)
			return -1;
		memcpy(em, in, in_len);
		return 0;
	case BCRYPT_PAD_PKCS1:
		return rsa_pkcs1_enc_encode(in, in_len, em, r->n_len, bc_random);
	default:
		return rsa_oaep_encode(p->hash, p->label, p->label_len, in, in_len, em, r->n_len,
				       bc_random);
	}
}

static int decode(const struct rsa_key *r, const struct enc_padding *p, UCHAR *em,
		  const UCHAR **msg, size_t *len)
{
	switch (p->flags) {
	case BCRYPT_PAD_NONE:
		*msg = em;
		*len = r->n_len;
		return 0;
	case BCRYPT_PAD_PKCS1:
		return rsa_pkcs1_enc_decode(em, r->n_len, msg, len);
	default:
		return rsa_oaep_decode(p->hash, p->label, p->label_len, em, r->n_len, msg, len);
	}
}

static NTSTATUS encrypt_message(const struct rsa_key *r, const struct enc_padding *p, const UCHAR *in,
			ULONG in_len, UCHAR *out, ULONG out_len, ULONG *result)
{
	UCHAR em[BN_MAX_BYTES];

	if (p->flags == BCRYPT_PAD_NONE && in_len != r->n_len)
		return STATUS_INVALID_PARAMETER;
	*result = (ULONG)r->n_len;
	if (!out)
		return STATUS_SUCCESS; /* the size only */
	if (out_len < r->n_len)
		return STATUS_BUFFER_TOO_SMALL;
	if (encode(r, p, in, in_len, em) || rsa_public(r, em, out))
		return STATUS_INVALID_PARAMETER;
	return STATUS_SUCCESS;
}

/* The plain text's length is known once decrypted: a size query decrypts. */
static NTSTATUS decrypt_message(const struct rsa_key *r, const struct enc_padding *p, const UCHAR *in,
			ULONG in_len, UCHAR *out, ULONG out_len, ULONG *result)
{
	UCHAR em[BN_MAX_BYTES];
	const UCHAR *msg;
	size_t len;
	NTSTATUS st = STATUS_SUCCESS;

	if (!r->has_private || in_len != r->n_len)
		return STATUS_INVALID_PARAMETER;
	if (rsa_private(r, in, em) || decode(r, p, em, &msg, &len)) {
		st = STATUS_INVALID_PARAMETER;
	} else {
		*result = (ULONG)len;
		if (out && out_len < len)
			st = STATUS_BUFFER_TOO_SMALL;
		else if (out)
			memcpy(out, msg, len);
	}
	RtlSecureZeroMemory(em, sizeof(em));
	return st;
}

NTSTATUS bc_rsa_crypt(const struct bc_key *k, BOOL encrypting, const UCHAR *in, ULONG in_len,
		      const void *info, UCHAR *out, ULONG out_len, ULONG *result, ULONG flags)
{
	struct enc_padding p;
	NTSTATUS st;

	if (!k->finalized)
		return STATUS_INVALID_HANDLE;
	if ((st = padding_of(info, flags, &p)) != STATUS_SUCCESS)
		return st;
	return encrypting ? encrypt_message(k->rsa, &p, in, in_len, out, out_len, result)
			  : decrypt_message(k->rsa, &p, in, in_len, out, out_len, result);
}
