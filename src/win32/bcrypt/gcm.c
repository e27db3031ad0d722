/* GCM through BCryptEncrypt/BCryptDecrypt: the nonce, the authenticated
 * data and the tag come in BCRYPT_AUTHENTICATED_CIPHER_MODE_INFO.  With
 * BCRYPT_AUTH_MODE_CHAIN_CALLS_FLAG one message spans several calls (the
 * key keeps it) and the call without the flag ends it with the tag. */
#include "bcrypt_private.h"

/* Nonce of 12 bytes and tags of 12 to 16 (BCRYPT_AUTH_TAG_LENGTH). */
static BOOL info_valid(const BCRYPT_AUTHENTICATED_CIPHER_MODE_INFO *info)
{
	if (!info || info->cbSize != sizeof(*info) || info->dwInfoVersion != 1)
		return FALSE;
	if (!info->pbNonce || info->cbNonce != 12)
		return FALSE;
	if (info->cbAuthData && !info->pbAuthData)
		return FALSE;
	return info->pbTag && info->cbTag >= 12 && info->cbTag <= 16;
}

/* The tag: written when encrypting, compared when decrypting. */
static NTSTATUS finish(struct aes_gcm *g, BOOL encrypt,
		       const BCRYPT_AUTHENTICATED_CIPHER_MODE_INFO *info)
{
	UCHAR tag[AES_BLOCK];
	UCHAR diff = 0;

	aes_gcm_tag(g, tag, info->cbTag);
	if (encrypt) {
		memcpy(info->pbTag, tag, info->cbTag);
		return STATUS_SUCCESS;
	}
	for (ULONG i = 0; i < info->cbTag; i++)
		diff |= tag[i] ^ info->pbTag[i];
	return diff ? STATUS_AUTH_TAG_MISMATCH : STATUS_SUCCESS;
}

NTSTATUS bc_gcm_crypt(struct bc_key *k, BOOL encrypt, const UCHAR *in, ULONG in_len,
		      const BCRYPT_AUTHENTICATED_CIPHER_MODE_INFO *info, UCHAR *out,
		      ULONG out_len, ULONG *result, ULONG flags)
{
	BOOL chain = info && (info->dwFlags & BC_AUTH_MODE_CHAIN_CALLS);
	struct aes_gcm local, *g = chain || k->gcm_open ? &k->gcm : &local;

	if (!info_valid(info))
		return STATUS_INVALID_PARAMETER;
	if (flags & BC_BLOCK_PADDING) {
		ULONG padded = (in_len / AES_BLOCK + 1) * AES_BLOCK;

		*result = padded;
		return out && out_len < padded ? STATUS_BUFFER_TOO_SMALL : STATUS_INVALID_PARAMETER;
	}
	*result = in_len;
	if (!out && in)
		return STATUS_SUCCESS; /* the size only */
	if (out_len < in_len)
		return STATUS_BUFFER_TOO_SMALL;
	if (g == &local || !k->gcm_open) {
		aes_gcm_start(g, &k->aes, info->pbNonce, info->cbNonce);
		aes_gcm_aad(g, info->pbAuthData, info->cbAuthData);
		k->gcm_open = chain;
	}
	aes_gcm_crypt(g, encrypt, in, out, in_len);
	if (chain)
		return STATUS_SUCCESS;
	k->gcm_open = FALSE;
	return finish(g, encrypt, info);
}
