/* BCryptEncrypt and BCryptDecrypt with RC4 keys (a stream) and AES and
 * 3DES keys: ECB, CBC and CFB (8-bit
 * feedback, CNG's default message block length of 1) with optional PKCS#7
 * padding (BCRYPT_BLOCK_PADDING), and GCM (authenticated, no padding).
 * A call with no IV goes on from the chaining value the key kept from its
 * last call; a caller's IV buffer gets the next chaining value.  RSA keys
 * are rsa_crypt.c's. */
#include "bcrypt_private.h"

static void encrypt_aes(const void *k, const UCHAR *in, UCHAR *out)
{
	aes_encrypt_block(k, in, out);
}

static void decrypt_aes(const void *k, const UCHAR *in, UCHAR *out)
{
	aes_decrypt_block(k, in, out);
}

struct block_cipher bc_block_cipher(const struct bc_key *k)
{
	if (k->kind == BC_KIND_3DES)
		return (struct block_cipher){ DES_BLOCK, &k->des3, des3_encrypt_block,
					      des3_decrypt_block };
	return (struct block_cipher){ AES_BLOCK, &k->aes, encrypt_aes, decrypt_aes };
}

/* Runs the non-authenticated modes over buf (whole blocks, or any length
 * for CFB), in place. */
static NTSTATUS run_mode(struct bc_key *k, BOOL encrypt, UCHAR *iv, ULONG iv_len, UCHAR *buf,
			 ULONG len)
{
	struct block_cipher c = bc_block_cipher(k);
	UCHAR chain[BLOCK_MAX];

	if (k->mode == BC_MODE_ECB) {
		if (iv)
			return STATUS_INVALID_PARAMETER; /* ECB takes none */
		block_ecb(&c, encrypt, buf, buf, len);
		return STATUS_SUCCESS;
	}
	if (iv && iv_len != c.size)
		return STATUS_INVALID_PARAMETER;
	memcpy(chain, iv ? iv : k->iv, c.size);
	if (k->mode == BC_MODE_CBC)
		block_cbc(&c, encrypt, chain, buf, buf, len);
	else
		block_cfb(&c, encrypt, 1, chain, buf, buf, len);
	memcpy(k->iv, chain, c.size);
	if (iv)
		memcpy(iv, chain, c.size);
	return STATUS_SUCCESS;
}

/* The output a call needs, or STATUS_INVALID_BUFFER_SIZE. */
static NTSTATUS output_size(const struct bc_key *k, BOOL encrypt, ULONG in_len, ULONG flags,
			    ULONG *need)
{
	BOOL stream = k->mode == BC_MODE_CFB;
	ULONG bs = (ULONG)bc_block_cipher(k).size;

	*need = in_len;
	if (encrypt && (flags & BC_BLOCK_PADDING))
		*need = (in_len / bs + 1) * bs;
	else if (in_len % bs && (!stream || (!encrypt && (flags & BC_BLOCK_PADDING))))
		return STATUS_INVALID_BUFFER_SIZE;
	return STATUS_SUCCESS;
}

/* Strips PKCS#7 padding (blocks of bs bytes) off the decrypted text: its
 * length without it. */
static NTSTATUS unpad(const UCHAR *buf, ULONG len, ULONG bs, ULONG *plain_len)
{
	UCHAR n = len ? buf[len - 1] : 0;

	if (!n || n > bs || n > len)
		return STATUS_DATA_ERROR;
	for (ULONG i = len - n; i < len; i++)
		if (buf[i] != n)
			return STATUS_DATA_ERROR;
	*plain_len = len - n;
	return STATUS_SUCCESS;
}

static NTSTATUS block_encrypt(struct bc_key *k, const UCHAR *in, ULONG in_len, UCHAR *iv,
			      ULONG iv_len, UCHAR *out, ULONG out_len, ULONG need)
{
	UCHAR *buf;
	NTSTATUS st;

	if (out_len < need)
		return STATUS_BUFFER_TOO_SMALL;
	if (!(buf = bc_alloc(need)))
		return STATUS_NO_MEMORY;
	if (in_len)
		memcpy(buf, in, in_len);
	memset(buf + in_len, (int)(need - in_len), need - in_len);
	if ((st = run_mode(k, TRUE, iv, iv_len, buf, need)) == STATUS_SUCCESS)
		memcpy(out, buf, need);
	RtlSecureZeroMemory(buf, need);
	bc_free(buf);
	return st;
}

/* With padding, the plain text's length is known once decrypted: a buffer
 * short of all but the last block is told the whole length, one short of
 * the plain text its length. */
static NTSTATUS block_decrypt(struct bc_key *k, const UCHAR *in, ULONG in_len, UCHAR *iv,
			      ULONG iv_len, UCHAR *out, ULONG out_len, ULONG flags,
			      ULONG *result)
{
	BOOL padded = (flags & BC_BLOCK_PADDING) != 0;
	ULONG plain_len = in_len, bs = (ULONG)bc_block_cipher(k).size;
	UCHAR *buf;
	NTSTATUS st;

	ULONG least = padded && in_len >= bs ? in_len - bs : in_len;

	if (out_len < least)
		return STATUS_BUFFER_TOO_SMALL;
	if (!(buf = bc_alloc(in_len)))
		return STATUS_NO_MEMORY;
	if (in_len)
		memcpy(buf, in, in_len);
	st = run_mode(k, FALSE, iv, iv_len, buf, in_len);
	if (st == STATUS_SUCCESS && padded)
		st = unpad(buf, in_len, bs, &plain_len);
	if (st == STATUS_SUCCESS) {
		*result = plain_len;
		if (out_len < plain_len)
			st = STATUS_BUFFER_TOO_SMALL;
		else
			memcpy(out, buf, plain_len);
	}
	RtlSecureZeroMemory(buf, in_len);
	bc_free(buf);
	return st;
}

/* RC4: a stream, any length, no IV, no padding. */
static NTSTATUS rc4_call(struct bc_key *k, const UCHAR *in, ULONG in_len, UCHAR *iv, UCHAR *out,
			 ULONG out_len, ULONG *result, ULONG flags)
{
	*result = in_len;
	if (iv || (flags & BC_BLOCK_PADDING))
		return STATUS_INVALID_PARAMETER;
	if (!out)
		return STATUS_SUCCESS;
	if (out_len < in_len)
		return STATUS_BUFFER_TOO_SMALL;
	rc4_crypt(&k->rc4, in, out, in_len);
	return STATUS_SUCCESS;
}

static NTSTATUS crypt(void *handle, BOOL encrypt, UCHAR *in, ULONG in_len, void *padding,
		      UCHAR *iv, ULONG iv_len, UCHAR *out, ULONG out_len, ULONG *result,
		      ULONG flags)
{
	struct bc_key *k = bc_key_from_handle(handle);
	ULONG need;
	NTSTATUS st;

	if (!k)
		return STATUS_INVALID_HANDLE;
	if (BC_KIND_IS_ECC(k->kind) || k->kind == BC_KIND_DSA)
		return STATUS_NOT_SUPPORTED;
	if (k->kind == BC_KIND_RSA)
		return !result || iv || (in_len && !in) ? STATUS_INVALID_PARAMETER
			: bc_rsa_crypt(k, encrypt, in, in_len, padding, out, out_len, result, flags);
	if (!result || (flags & ~BC_BLOCK_PADDING) || (in_len && !in))
		return STATUS_INVALID_PARAMETER;
	if (k->kind == BC_KIND_RC4)
		return padding ? STATUS_INVALID_PARAMETER
			       : rc4_call(k, in, in_len, iv, out, out_len, result, flags);
	if (k->mode == BC_MODE_GCM)
		return bc_gcm_crypt(k, encrypt, in, in_len, padding, out, out_len, result, flags);
	if (padding)
		return STATUS_INVALID_PARAMETER;
	st = output_size(k, encrypt, in_len, flags, &need);
	*result = need;
	if (st != STATUS_SUCCESS)
		return st;
	if (k->mode == BC_MODE_ECB && iv)
		return STATUS_INVALID_PARAMETER;
	if (!out)
		return STATUS_SUCCESS; /* the size only */
	if (encrypt)
		return block_encrypt(k, in, in_len, iv, iv_len, out, out_len, need);
	return block_decrypt(k, in, in_len, iv, iv_len, out, out_len, flags, result);
}

BCRYPT_API NTSTATUS WINAPI BCryptEncrypt(void *handle, UCHAR *in, ULONG in_len, void *padding,
					 UCHAR *iv, ULONG iv_len, UCHAR *out, ULONG out_len,
					 ULONG *result, ULONG flags)
{
	return crypt(handle, TRUE, in, in_len, padding, iv, iv_len, out, out_len, result, flags);
}

BCRYPT_API NTSTATUS WINAPI BCryptDecrypt(void *handle, UCHAR *in, ULONG in_len, void *padding,
					 UCHAR *iv, ULONG iv_len, UCHAR *out, ULONG out_len,
					 ULONG *result, ULONG flags)
{
	return crypt(handle, FALSE, in, in_len, padding, iv, iv_len, out, out_len, result, flags);
}
