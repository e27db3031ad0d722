/* The SystemFunction exports built on DES and RC4 that the LAN Manager
 * and NTLM code of Windows used: DES of a block under a 7-byte key (001,
 * 002), the LM hash (003, 006) and LM/NTLM challenge response (008,
 * 009), two-block ciphers under a 14-byte key (012-023) or a 4-byte one
 * (024-027), DES of a length-prefixed blob (004, 005), the 16-byte
 * comparisons (030, 031) and RC4 in place (032, 033).  They take no
 * lengths, so a NULL pointer is the only thing they can refuse
 * (STATUS_UNSUCCESSFUL). */
#include "adv_private.h"
#include "bcrypt/des.h"
#include "bcrypt/rc4.h"

/* The counted buffer 004, 005, 032 and 033 take (a UNICODE_STRING with
 * DWORD lengths). */
struct crypt_buffer {
	DWORD Length;
	DWORD MaximumLength;
	UCHAR *Buffer;
};

/* The LM magic: "KGS!@#$%", encrypted under each half of a password. */
static const UCHAR lm_magic[8] = { 'K', 'G', 'S', '!', '@', '#', '$', '%' };

/* A 7-byte (56-bit) key spread over the 8 bytes DES reads, seven bits
 * each, the low (parity) bit left clear. */
static void des_key7(struct des_key *k, const UCHAR key7[7])
{
	uint8_t key8[8];
	uint64_t bits = 0;

	for (int i = 0; i < 7; i++)
		bits = bits << 8 | key7[i];
	for (int i = 0; i < 8; i++)
		key8[i] = (uint8_t)(((bits >> (49 - 7 * i)) & 0x7f) << 1);
	des_set_key(k, key8);
}

static void des7(const UCHAR key7[7], int encrypt, const UCHAR in[8], UCHAR out[8])
{
	struct des_key k;

	des_key7(&k, key7);
	des_block(&k, encrypt, in, out);
}

/* 001 / 002: one block under a 7-byte key. */
ADVAPI NTSTATUS WINAPI SystemFunction001(const UCHAR *data, const UCHAR *key, UCHAR *out)
{
	if (!data || !key || !out)
		return STATUS_UNSUCCESSFUL;
	des7(key, 1, data, out);
	return STATUS_SUCCESS;
}

ADVAPI NTSTATUS WINAPI SystemFunction002(const UCHAR *data, const UCHAR *key, UCHAR *out)
{
	if (!data || !key || !out)
		return STATUS_UNSUCCESSFUL;
	des7(key, 0, data, out);
	return STATUS_SUCCESS;
}

/* 003: the LM magic under a 7-byte key (one half of an LM hash). */
ADVAPI NTSTATUS WINAPI SystemFunction003(const UCHAR *key, UCHAR *out)
{
	if (!key || !out)
		return STATUS_UNSUCCESSFUL;
	des7(key, 1, lm_magic, out);
	return STATUS_SUCCESS;
}

/* 006: the LM hash of an OEM password of at most 14 characters, taken as
 * given (the caller upper-cases it), zero-padded to 14. */
ADVAPI NTSTATUS WINAPI SystemFunction006(const char *password, UCHAR *hash)
{
	UCHAR pw[14] = { 0 };

	if (!password || !hash)
		return STATUS_UNSUCCESSFUL;
	for (int i = 0; i < 14 && password[i]; i++)
		pw[i] = (UCHAR)password[i];
	des7(pw, 1, lm_magic, hash);
	des7(pw + 7, 1, lm_magic, hash + 8);
	return STATUS_SUCCESS;
}

/* 008 / 009: the 24-byte response to an 8-byte challenge: the challenge
 * under each third of the 16-byte hash padded with zeros to 21 bytes.
 * The hash pointer is read without a check, as Windows does. */
ADVAPI NTSTATUS WINAPI SystemFunction008(const UCHAR *challenge, const UCHAR *hash, UCHAR *response)
{
	UCHAR key[21] = { 0 };

	if (!challenge || !response)
		return STATUS_UNSUCCESSFUL;
	memcpy(key, hash, 16);
	for (int i = 0; i < 3; i++)
		des7(key + 7 * i, 1, challenge, response + 8 * i);
	return STATUS_SUCCESS;
}

ADVAPI NTSTATUS WINAPI SystemFunction009(const UCHAR *challenge, const UCHAR *hash, UCHAR *response)
{
	return SystemFunction008(challenge, hash, response);
}

/* Two blocks, the first under key[0..6], the second under key[7..13]. */
static NTSTATUS two_blocks(const UCHAR *in, const UCHAR key[14], UCHAR *out, int encrypt)
{
	if (!in || !key || !out)
		return STATUS_UNSUCCESSFUL;
	des7(key, encrypt, in, out);
	des7(key + 7, encrypt, in + 8, out + 8);
	return STATUS_SUCCESS;
}

/* The 4-byte key of 024-027 repeated to fill the 14 bytes two_blocks takes. */
static NTSTATUS two_blocks_int_key(const UCHAR *in, const UCHAR key4[4], UCHAR *out, int encrypt)
{
	UCHAR key[16];

	if (!in || !key4 || !out)
		return STATUS_UNSUCCESSFUL;
	for (int i = 0; i < 16; i++)
		key[i] = key4[i % 4];
	return two_blocks(in, key, out, encrypt);
}

#define TWO_BLOCK_PAIR(enc, dec, fn)                                                       \
	ADVAPI NTSTATUS WINAPI SystemFunction##enc(const UCHAR *in, const UCHAR *key, UCHAR *out) \
	{                                                                                  \
		return fn(in, key, out, 1);                                                \
	}                                                                                  \
	ADVAPI NTSTATUS WINAPI SystemFunction##dec(const UCHAR *in, const UCHAR *key, UCHAR *out) \
	{                                                                                  \
		return fn(in, key, out, 0);                                                \
	}

TWO_BLOCK_PAIR(012, 013, two_blocks)
TWO_BLOCK_PAIR(014, 015, two_blocks)
TWO_BLOCK_PAIR(016, 017, two_blocks)
TWO_BLOCK_PAIR(018, 019, two_blocks)
TWO_BLOCK_PAIR(020, 021, two_blocks)
TWO_BLOCK_PAIR(022, 023, two_blocks)
TWO_BLOCK_PAIR(024, 025, two_blocks_int_key)
TWO_BLOCK_PAIR(026, 027, two_blocks_int_key)

/* 004 / 005 cut the key in 7-byte pieces, one per block, starting over
 * when it runs out; a short last piece is padded with zeros. */
struct blob_key {
	const struct crypt_buffer *key;
	DWORD offset;
};

static void blob_next_key(struct blob_key *bk, struct des_key *k)
{
	UCHAR piece[7] = { 0 };
	DWORD left = bk->key->Length - bk->offset;

	memcpy(piece, bk->key->Buffer + bk->offset, left < 7 ? left : 7);
	bk->offset += 7;
	if (bk->offset >= bk->key->Length)
		bk->offset = 0;
	des_key7(k, piece);
}

/* The blob's first block: its plain length and version 1. */
#define BLOB_HEADER 8
#define BLOB_VERSION 1

/* 004: encrypts in into out as [length, version] then the data in
 * zero-padded 8-byte blocks; out->Length is the size written (or
 * needed, with STATUS_BUFFER_TOO_SMALL). */
ADVAPI NTSTATUS WINAPI SystemFunction004(const struct crypt_buffer *in, const struct crypt_buffer *key,
					 struct crypt_buffer *out)
{
	struct blob_key bk = { key, 0 };
	struct des_key k;
	UCHAR block[8];
	DWORD need;

	if (!key->Length || !key->Buffer)
		return STATUS_INVALID_PARAMETER_2;
	if (in->Length > 0xffffffffu - 15)
		return STATUS_INVALID_PARAMETER_1;
	need = BLOB_HEADER + (in->Length + 7) / 8 * 8;
	if (out->MaximumLength < need || !out->Buffer) {
		out->Length = need;
		return STATUS_BUFFER_TOO_SMALL;
	}
	memcpy(block, &in->Length, 4);
	memcpy(block + 4, &(DWORD){ BLOB_VERSION }, 4);
	blob_next_key(&bk, &k);
	des_block(&k, 1, block, out->Buffer);
	for (DWORD at = 0; at < in->Length; at += 8) {
		DWORD n = in->Length - at < 8 ? in->Length - at : 8;

		memset(block, 0, sizeof block);
		memcpy(block, in->Buffer + at, n);
		blob_next_key(&bk, &k);
		des_block(&k, 1, block, out->Buffer + BLOB_HEADER + at);
	}
	out->Length = need;
	return STATUS_SUCCESS;
}

/* 005: the reverse of 004; a header that does not decrypt to version 1
 * means the wrong key (STATUS_UNKNOWN_REVISION). */
ADVAPI NTSTATUS WINAPI SystemFunction005(const struct crypt_buffer *in, const struct crypt_buffer *key,
					 struct crypt_buffer *out)
{
	struct blob_key bk = { key, 0 };
	struct des_key k;
	UCHAR block[8];
	DWORD length, version;

	if (!key->Length || !key->Buffer)
		return STATUS_INVALID_PARAMETER_2;
	if (in->Length < BLOB_HEADER || in->Length % 8 || !in->Buffer)
		return STATUS_INVALID_PARAMETER_1;
	blob_next_key(&bk, &k);
	des_block(&k, 0, in->Buffer, block);
	memcpy(&length, block, 4);
	memcpy(&version, block + 4, 4);
	if (version != BLOB_VERSION)
		return STATUS_UNKNOWN_REVISION;
	if (length > in->Length - BLOB_HEADER)
		return STATUS_INVALID_PARAMETER_1;
	if (out->MaximumLength < length || (length && !out->Buffer)) {
		out->Length = length;
		return STATUS_BUFFER_TOO_SMALL;
	}
	for (DWORD at = 0; at < length; at += 8) {
		DWORD n = length - at < 8 ? length - at : 8;

		blob_next_key(&bk, &k);
		des_block(&k, 0, in->Buffer + BLOB_HEADER + at, block);
		memcpy(out->Buffer + at, block, n);
	}
	out->Length = length;
	return STATUS_SUCCESS;
}

/* 030 / 031: TRUE when the first 16 bytes are equal, in the whole
 * register (callers compare the int they get with 1). */
ADVAPI BOOL WINAPI SystemFunction030(const void *a, const void *b)
{
	return !memcmp(a, b, 16);
}

ADVAPI BOOL WINAPI SystemFunction031(const void *a, const void *b)
{
	return SystemFunction030(a, b);
}

/* 032 / 033: RC4 over data->Length bytes in place. */
ADVAPI NTSTATUS WINAPI SystemFunction032(struct crypt_buffer *data, const struct crypt_buffer *key)
{
	struct rc4_state r;

	if (!data || !key || !key->Length || !key->Buffer || (data->Length && !data->Buffer))
		return STATUS_INVALID_PARAMETER;
	rc4_init(&r, key->Buffer, key->Length);
	rc4_crypt(&r, data->Buffer, data->Buffer, data->Length);
	return STATUS_SUCCESS;
}

ADVAPI NTSTATUS WINAPI SystemFunction033(struct crypt_buffer *data, const struct crypt_buffer *key)
{
	return SystemFunction032(data, key);
}
