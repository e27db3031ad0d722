/* Key derivation: BCryptDeriveKeyPBKDF2 (pbkdf2.c, with the HMAC of a
 * digest provider as its pseudo-random function) and BCryptDeriveKeyCapi. */
#include "bcrypt_private.h"

BCRYPT_API NTSTATUS WINAPI BCryptDeriveKeyPBKDF2(void *prf, UCHAR *password, ULONG password_len,
						 UCHAR *salt, ULONG salt_len, ULONGLONG iterations,
						 UCHAR *out, ULONG out_len, ULONG flags)
{
	const struct bc_alg *a = bc_alg_from_handle(prf);

	if (!a || a->kind != BC_KIND_HASH)
		return STATUS_INVALID_HANDLE;
	if (!iterations || flags || !out || !out_len || (password_len && !password) ||
	    (salt_len && !salt))
		return STATUS_INVALID_PARAMETER;
	pbkdf2(a->hash, password, password_len, salt, salt_len, iterations, out, out_len);
	return STATUS_SUCCESS;
}

/* The hash of 64 bytes of pad XORed with the value (CryptDeriveKey's
 * documented stretching). */
static void stretch_half(const struct hash_alg *a, const UCHAR *value, UCHAR pad, UCHAR *out)
{
	UCHAR buf[64];
	struct hash_ctx c;

	memset(buf, pad, sizeof(buf));
	for (unsigned i = 0; i < a->digest_len && i < sizeof(buf); i++)
		buf[i] ^= value[i];
	hash_init(&c, a);
	hash_update(&c, a, buf, sizeof(buf));
	hash_final(&c, a, out);
}

/* CryptoAPI's key derivation (CryptDeriveKey's documented rules): the
 * hash's value itself when it is long enough, unless the key is for AES
 * and the hash is not SHA-2; else the hashes of the value XORed into 64
 * bytes of 0x36 and of 0x5c, one after the other.  The hash is finished. */
BCRYPT_API NTSTATUS WINAPI BCryptDeriveKeyCapi(void *hash_handle, void *target, UCHAR *out,
					       ULONG out_len, ULONG flags)
{
	struct bc_hash *h = bc_hash_from_handle(hash_handle);
	const struct bc_alg *t = target ? bc_alg_from_handle(target) : NULL;
	UCHAR value[HASH_MAX_DIGEST], both[2 * HASH_MAX_DIGEST];
	const struct hash_alg *a;
	BOOL sha2;

	if (!h || h->finished)
		return STATUS_INVALID_HANDLE; /* a derived-from hash is spent, as on Windows */
	if (h->hmac)
		return STATUS_INVALID_PARAMETER;
	if ((target && !t) || !out || !out_len || flags)
		return STATUS_INVALID_PARAMETER;
	a = h->hash;
	if (out_len > 2 * a->digest_len)
		return STATUS_INVALID_PARAMETER;
	hash_final(&h->now, a, value);
	h->finished = TRUE;
	sha2 = a == &hash_sha256 || a == &hash_sha384 || a == &hash_sha512;
	if (out_len <= a->digest_len && (sha2 || !t || t->kind != BC_KIND_AES)) {
		memcpy(out, value, out_len);
		return STATUS_SUCCESS;
	}
	stretch_half(a, value, 0x36, both);
	stretch_half(a, value, 0x5c, both + a->digest_len);
	memcpy(out, both, out_len);
	RtlSecureZeroMemory(both, sizeof(both));
	return STATUS_SUCCESS;
}
