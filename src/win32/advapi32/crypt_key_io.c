/* CryptEncrypt and CryptDecrypt with session keys: RC4 as a stream, AES
 * in CBC (the default) or ECB with PKCS#5 padding on the final call.  A
 * final call restarts the key (the chain from KP_IV, the RC4 stream from
 * its start), as the Microsoft providers do.  And a key's parameters and
 * its PLAINTEXTKEYBLOB. */
#include "adv_crypt.h"

#define AES_BLOCK 16

/* The hash given along, if any, gets the plain text. */
static BOOL hash_check(HCRYPTHASH hash, struct adv_key **k, HCRYPTKEY key)
{
	BYTE dummy;

	*k = adv_key_from_handle(key);
	if (!*k)
		return adv_fail(ERROR_INVALID_PARAMETER);
	if (hash && !CryptHashData(hash, &dummy, 0, 0))
		return adv_fail(ERROR_INVALID_PARAMETER);
	return TRUE;
}

static BOOL run(struct adv_key *k, BOOL encrypt, BOOL final, BYTE *data, DWORD len, DWORD room,
		DWORD *result)
{
	BOOL block = k->algid != CALG_RC4;
	ULONG flags = block && final ? BCRYPT_BLOCK_PADDING : 0, got = 0;
	BYTE *iv = block && k->mode == CRYPT_MODE_CBC ? k->chain : NULL;
	NTSTATUS st;

	if (k->pair)
		return adv_fail(NTE_BAD_KEY); /* RSA encryption is not offered here */
	st = (encrypt ? BCryptEncrypt : BCryptDecrypt)(k->bcrypt, data, len, NULL, iv,
						       iv ? AES_BLOCK : 0, data, room, &got, flags);
	if (st)
		return adv_fail(st == (NTSTATUS)0xC0000023 ? ERROR_MORE_DATA : (DWORD)NTE_BAD_DATA);
	*result = got;
	return !final || adv_key_reset(k) || adv_fail(ERROR_NOT_ENOUGH_MEMORY);
}

ADVAPI BOOL WINAPI CryptEncrypt(HCRYPTKEY key, HCRYPTHASH hash, BOOL final, DWORD flags,
				BYTE *data, DWORD *len, DWORD room)
{
	struct adv_key *k;
	DWORD need;

	if (!hash_check(hash, &k, key))
		return FALSE;
	if (!len)
		return adv_fail(ERROR_INVALID_PARAMETER);
	need = k->algid != CALG_RC4 && final ? (*len / AES_BLOCK + 1) * AES_BLOCK : *len;
	if (k->algid != CALG_RC4 && !final && *len % AES_BLOCK)
		return adv_fail(NTE_BAD_DATA);
	if (!data) {
		*len = need;
		return TRUE;
	}
	if (room < need) {
		*len = need;
		return adv_fail(ERROR_MORE_DATA);
	}
	if (hash && !CryptHashData(hash, data, *len, 0))
		return FALSE;
	return run(k, TRUE, final, data, *len, room, len);
}

ADVAPI BOOL WINAPI CryptDecrypt(HCRYPTKEY key, HCRYPTHASH hash, BOOL final, DWORD flags,
				BYTE *data, DWORD *len)
{
	struct adv_key *k;

	if (!hash_check(hash, &k, key))
		return FALSE;
	if (!len || (*len && !data))
		return adv_fail(ERROR_INVALID_PARAMETER);
	if (k->algid != CALG_RC4 && *len % AES_BLOCK)
		return adv_fail(NTE_BAD_DATA);
	if (!run(k, FALSE, final, data, *len, *len, len))
		return FALSE;
	return !hash || CryptHashData(hash, data, *len, 0);
}

ADVAPI BOOL WINAPI CryptGetKeyParam(HCRYPTKEY key, DWORD param, BYTE *data, DWORD *len, DWORD flags)
{
	struct adv_key *k = adv_key_from_handle(key);
	BOOL block;
	DWORD v;

	if (!k || !len)
		return adv_fail(ERROR_INVALID_PARAMETER);
	if (flags)
		return adv_fail(NTE_BAD_FLAGS);
	block = k->algid != CALG_RC4;
	switch (param) {
	case KP_ALGID: v = k->algid; break;
	case KP_KEYLEN: v = k->len * 8; break;
	case KP_BLOCKLEN: v = block ? AES_BLOCK * 8 : 0; break;
	case KP_MODE: if (!block) return adv_fail(NTE_BAD_TYPE); v = k->mode; break;
	case KP_PADDING: if (!block) return adv_fail(NTE_BAD_TYPE); v = PKCS5_PADDING; break;
	case KP_IV: return block ? adv_copy_param(k->iv, AES_BLOCK, data, len) : adv_fail(NTE_BAD_TYPE);
	default: return adv_fail(NTE_BAD_TYPE);
	}
	return adv_copy_param(&v, sizeof(v), data, len);
}

ADVAPI BOOL WINAPI CryptSetKeyParam(HCRYPTKEY key, DWORD param, const BYTE *data, DWORD flags)
{
	struct adv_key *k = adv_key_from_handle(key);
	DWORD mode;

	if (!k)
		return adv_fail(ERROR_INVALID_PARAMETER);
	if (!data)
		return adv_fail(ERROR_INVALID_PARAMETER);
	if (k->algid == CALG_RC4 || (param != KP_IV && param != KP_MODE))
		return adv_fail(NTE_BAD_TYPE);
	if (param == KP_IV) {
		memcpy(k->iv, data, AES_BLOCK);
		memcpy(k->chain, data, AES_BLOCK);
		return TRUE;
	}
	memcpy(&mode, data, sizeof(mode));
	if (mode != CRYPT_MODE_CBC && mode != CRYPT_MODE_ECB)
		return adv_fail(NTE_BAD_DATA);
	k->mode = mode;
	return adv_key_reset(k) || adv_fail(ERROR_NOT_ENOUGH_MEMORY);
}
