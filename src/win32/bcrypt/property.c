/* BCryptGetProperty and BCryptSetProperty, on providers, hash objects and
 * keys: the lengths a caller sizes its buffers by, the algorithm's name,
 * and a cipher's chaining mode (the one thing that can be set). */
#include "bcrypt_private.h"

/* What a handle is, for its properties. */
struct bc_subject {
	enum bc_kind kind;
	const struct hash_alg *hash;  /* the digests */
	const WCHAR *name;
	enum bc_mode mode;            /* the ciphers */
	struct bc_alg *alg;           /* a provider (NULL: a hash or a key) */
	struct bc_key *key;           /* a key */
};

static BOOL subject_of(void *handle, struct bc_subject *s)
{
	const struct bc_alg *a = bc_alg_from_handle(handle);
	struct bc_hash *h = a ? NULL : bc_hash_from_handle(handle);
	struct bc_key *k = a || h ? NULL : bc_key_from_handle(handle);

	if (a)
		*s = (struct bc_subject){ a->kind, a->hash, a->name, a->mode, (struct bc_alg *)a, NULL };
	else if (h)
		*s = (struct bc_subject){ BC_KIND_HASH, h->hash, h->name, BC_MODE_NA, NULL, NULL };
	else if (k)
		*s = (struct bc_subject){ k->kind, NULL, k->name, k->mode, NULL, k };
	return a || h || k;
}

static NTSTATUS dword_value(DWORD d, UCHAR *val, ULONG *len)
{
	memcpy(val, &d, sizeof(d));
	*len = sizeof(d);
	return STATUS_SUCCESS;
}

static NTSTATUS lengths_value(DWORD min, DWORD max, DWORD step, UCHAR *val, ULONG *len)
{
	BCRYPT_KEY_LENGTHS_STRUCT l = { min, max, step };

	memcpy(val, &l, sizeof(l));
	*len = sizeof(l);
	return STATUS_SUCCESS;
}

static NTSTATUS hash_property(const struct bc_subject *s, const WCHAR *prop, UCHAR *val,
			      ULONG *len)
{
	if (!_wcsicmp(prop, BCRYPT_OBJECT_LENGTH))
		return dword_value(sizeof(struct bc_hash), val, len);
	if (!_wcsicmp(prop, BCRYPT_HASH_LENGTH))
		return dword_value(s->hash->digest_len, val, len);
	if (!_wcsicmp(prop, BCRYPT_HASH_BLOCK_LENGTH))
		return dword_value(s->hash->block_len, val, len);
	return STATUS_NOT_SUPPORTED;
}

/* The chaining mode is a string in a buffer of 64 bytes, as on Windows. */
static NTSTATUS cipher_property(const struct bc_subject *s, const WCHAR *prop, UCHAR *val,
				ULONG *len)
{
	if (!_wcsicmp(prop, BCRYPT_CHAINING_MODE)) {
		memset(val, 0, 64);
		memcpy(val, bc_mode_names[s->mode], (wcslen(bc_mode_names[s->mode]) + 1) * sizeof(WCHAR));
		*len = 64;
		return STATUS_SUCCESS;
	}
	if (!_wcsicmp(prop, BCRYPT_BLOCK_LENGTH))
		return dword_value(s->kind == BC_KIND_RC4 ? 1 : s->kind == BC_KIND_3DES ? DES_BLOCK
										: AES_BLOCK, val, len);
	if (s->key && (!_wcsicmp(prop, BCRYPT_KEY_LENGTH) || !_wcsicmp(prop, BCRYPT_KEY_STRENGTH)))
		return dword_value(s->key->secret_len * 8, val, len);
	if (s->key)
		return STATUS_NOT_SUPPORTED;
	if (!_wcsicmp(prop, BCRYPT_OBJECT_LENGTH))
		return dword_value(sizeof(struct bc_key), val, len);
	if (!_wcsicmp(prop, BCRYPT_KEY_LENGTHS))
		return s->kind == BC_KIND_RC4 ? lengths_value(40, 512, 8, val, len)
		       : s->kind == BC_KIND_3DES ? lengths_value(192, 192, 0, val, len)
		       : lengths_value(128, 256, 64, val, len);
	if (!_wcsicmp(prop, BCRYPT_AUTH_TAG_LENGTH) && s->mode == BC_MODE_GCM)
		return lengths_value(12, 16, 1, val, len);
	return STATUS_NOT_SUPPORTED;
}

/* Key pairs: a key's length; RSA's paddings and key lengths, a curve's
 * one length, DSA's lengths (it has no paddings). */
static NTSTATUS pair_property(const struct bc_subject *s, const WCHAR *prop, UCHAR *val,
			      ULONG *len)
{
	if (s->key && (!_wcsicmp(prop, BCRYPT_KEY_LENGTH) || !_wcsicmp(prop, BCRYPT_KEY_STRENGTH)))
		return dword_value(s->key->bits, val, len);
	if (s->key)
		return STATUS_NOT_SUPPORTED;
	if (BC_KIND_IS_ECC(s->kind))
		return !_wcsicmp(prop, BCRYPT_KEY_LENGTHS)
		       ? lengths_value(s->alg->curve_bits, s->alg->curve_bits, 0, val, len)
		       : STATUS_NOT_SUPPORTED;
	if (s->kind == BC_KIND_DSA)
		return !_wcsicmp(prop, BCRYPT_KEY_LENGTHS)
		       ? lengths_value(DSA_MIN_BITS, DSA_MAX_BITS, 64, val, len)
		       : STATUS_NOT_SUPPORTED;
	if (!_wcsicmp(prop, BCRYPT_PADDING_SCHEMES))
		return dword_value(BCRYPT_SUPPORTED_PAD_PKCS1_ENC | BCRYPT_SUPPORTED_PAD_PKCS1_SIG |
				   BCRYPT_SUPPORTED_PAD_OAEP | BCRYPT_SUPPORTED_PAD_PSS, val, len);
	if (!_wcsicmp(prop, BCRYPT_KEY_LENGTHS))
		return lengths_value(RSA_MIN_BITS, RSA_MAX_BITS, 64, val, len);
	return STATUS_NOT_SUPPORTED;
}

/* The property's value into val (at most 64 bytes), its size into *len;
 * STATUS_NOT_SUPPORTED for a property this subject has not. */
static NTSTATUS property_value(const struct bc_subject *s, const WCHAR *prop, UCHAR *val,
			       ULONG *len)
{
	if (!_wcsicmp(prop, BCRYPT_ALGORITHM_NAME)) {
		*len = (ULONG)(wcslen(s->name) + 1) * sizeof(WCHAR);
		memcpy(val, s->name, *len);
		return STATUS_SUCCESS;
	}
	if (s->kind == BC_KIND_HASH)
		return hash_property(s, prop, val, len);
	if (BC_KIND_IS_BLOCK(s->kind) || s->kind == BC_KIND_RC4)
		return cipher_property(s, prop, val, len);
	if (BC_KIND_IS_PAIR(s->kind))
		return pair_property(s, prop, val, len);
	return STATUS_NOT_SUPPORTED;
}

BCRYPT_API NTSTATUS WINAPI BCryptGetProperty(void *handle, const WCHAR *prop, UCHAR *out,
					     ULONG out_len, ULONG *result, ULONG flags)
{
	struct bc_subject s;
	UCHAR val[64];
	ULONG len;
	NTSTATUS st;

	if (!subject_of(handle, &s))
		return STATUS_INVALID_HANDLE;
	if (!prop || !result || flags)
		return STATUS_INVALID_PARAMETER;
	if ((st = property_value(&s, prop, val, &len)) != STATUS_SUCCESS)
		return st;
	*result = len;
	if (!out)
		return STATUS_SUCCESS; /* the size only */
	if (out_len < len)
		return STATUS_BUFFER_TOO_SMALL;
	memcpy(out, val, len);
	return STATUS_SUCCESS;
}

/* The modes a cipher runs here: AES's ECB, CBC, CFB and GCM (CCM is not
 * one of them); 3DES has no authenticated mode. */
static BOOL mode_of(enum bc_kind kind, const WCHAR *name, enum bc_mode *mode)
{
	int last = kind == BC_KIND_3DES ? BC_MODE_CFB : BC_MODE_GCM;

	for (int m = BC_MODE_ECB; m <= last; m++)
		if (m != BC_MODE_CCM && !_wcsicmp(name, bc_mode_names[m])) {
			*mode = (enum bc_mode)m;
			return TRUE;
		}
	return FALSE;
}

/* A key pair's length, a DWORD: taken until the pair is finalized, and
 * accepted but without effect after, as Windows 10 does. */
static NTSTATUS set_pair_length(struct bc_key *k, const UCHAR *in, ULONG in_len)
{
	DWORD bits;

	if (!in || in_len != sizeof(bits))
		return STATUS_INVALID_PARAMETER;
	memcpy(&bits, in, sizeof(bits));
	if (bits < RSA_MIN_BITS || bits > RSA_MAX_BITS || bits % 64)
		return STATUS_INVALID_PARAMETER;
	if (!k->finalized)
		k->bits = bits;
	return STATUS_SUCCESS;
}

/* A cipher's chaining mode can be set: on a provider (its new keys
 * take it; a pseudo-handle's is fixed) or on a key.  Windows reads the
 * mode as a string whatever the length given.  And a key pair's length. */
BCRYPT_API NTSTATUS WINAPI BCryptSetProperty(void *handle, const WCHAR *prop, UCHAR *in,
					     ULONG in_len, ULONG flags)
{
	struct bc_subject s;
	enum bc_mode mode;

	if (!subject_of(handle, &s))
		return STATUS_INVALID_HANDLE;
	if (!prop)
		return STATUS_INVALID_PARAMETER;
	if (s.key && s.kind == BC_KIND_RSA && !_wcsicmp(prop, BCRYPT_KEY_LENGTH))
		return set_pair_length(s.key, in, in_len);
	if (!BC_KIND_IS_BLOCK(s.kind) || _wcsicmp(prop, BCRYPT_CHAINING_MODE))
		return STATUS_NOT_SUPPORTED;
	if (s.alg && s.alg->pseudo)
		return STATUS_ACCESS_DENIED;
	if (!in)
		return STATUS_INVALID_PARAMETER;
	if (!mode_of(s.kind, (const WCHAR *)in, &mode))
		return STATUS_NOT_SUPPORTED;
	if (s.alg)
		s.alg->mode = mode;
	else
		s.key->mode = mode;
	return STATUS_SUCCESS;
}
