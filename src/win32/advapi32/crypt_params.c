/* The rest of a context's and a hash's surface: provider parameters (the
 * type, the implementation, the version, its name and its container's), CryptHashSessionKey and
 * CryptVerifySignature (an RSA key's; a session key is NTE_BAD_KEY).  The
 * key pairs themselves: crypt_pair.c. */
#include "adv_crypt.h"

BOOL adv_copy_param(const void *val, DWORD n, BYTE *data, DWORD *len)
{
	DWORD room = *len;

	*len = n;
	if (!data)
		return TRUE;
	if (room < n)
		return adv_fail(ERROR_MORE_DATA);
	memcpy(data, val, n);
	return TRUE;
}

/* A name parameter: an ANSI string with its NUL. */
static BOOL copy_ansi_param(const WCHAR *w, BYTE *data, DWORD *len)
{
	SIZE_T n = wcslen(w) + 1;
	char *a = adv_alloc(n);
	BOOL ok;

	if (!a)
		return adv_fail(ERROR_NOT_ENOUGH_MEMORY);
	adv_w_to_a(w, n, a);
	ok = adv_copy_param(a, (DWORD)n, data, len);
	adv_free(a);
	return ok;
}

ADVAPI BOOL WINAPI CryptGetProvParam(HCRYPTPROV prov, DWORD param, BYTE *data, DWORD *len,
				     DWORD flags)
{
	struct adv_prov *p = adv_prov_from_handle(prov);
	DWORD v;

	if (!p || !len)
		return adv_fail(ERROR_INVALID_PARAMETER);
	switch (param) {
	case PP_PROVTYPE: v = p->type; break;
	case PP_IMPTYPE: v = CRYPT_IMPL_SOFTWARE; break;
	case PP_VERSION: v = 0x200; break; /* 2.0, as the Microsoft providers say */
	case PP_NAME: return copy_ansi_param(p->name, data, len);
	case PP_CONTAINER:
	case PP_UNIQUE_CONTAINER: return copy_ansi_param(p->container, data, len);
	default: return adv_fail(NTE_BAD_TYPE);
	}
	return adv_copy_param(&v, sizeof(v), data, len);
}

ADVAPI BOOL WINAPI CryptSetProvParam(HCRYPTPROV prov, DWORD param, const BYTE *data, DWORD flags)
{
	if (!adv_prov_from_handle(prov))
		return adv_fail(ERROR_INVALID_PARAMETER);
	return adv_fail(NTE_BAD_TYPE);
}

ADVAPI BOOL WINAPI CryptSetHashParam(HCRYPTHASH hash, DWORD param, const BYTE *data, DWORD flags)
{
	if (!adv_hash_live(hash))
		return adv_fail(ERROR_INVALID_PARAMETER);
	return adv_fail(NTE_BAD_TYPE);
}

/* The key's bytes go into the hash, as documented for session keys. */
ADVAPI BOOL WINAPI CryptHashSessionKey(HCRYPTHASH hash, HCRYPTKEY key, DWORD flags)
{
	struct adv_key *k = adv_key_from_handle(key);

	if (!k || !adv_hash_live(hash))
		return adv_fail(ERROR_INVALID_PARAMETER);
	if (flags & ~CRYPT_LITTLE_ENDIAN)
		return adv_fail(NTE_BAD_FLAGS);
	return CryptHashData(hash, k->secret, k->len, 0);
}

ADVAPI BOOL WINAPI CryptVerifySignatureW(HCRYPTHASH hash, const BYTE *sig, DWORD len, HCRYPTKEY key,
					 LPCWSTR desc, DWORD flags)
{
	struct adv_key *k = adv_key_from_handle(key);

	if (!adv_hash_live(hash) || !k)
		return adv_fail(ERROR_INVALID_PARAMETER);
	if (!k->pair)
		return adv_fail(NTE_BAD_KEY); /* session keys do not verify signatures */
	return adv_verify_rsa(k, hash, sig, len);
}

ADVAPI BOOL WINAPI CryptVerifySignatureA(HCRYPTHASH hash, const BYTE *sig, DWORD len, HCRYPTKEY key,
					 LPCSTR desc, DWORD flags)
{
	return CryptVerifySignatureW(hash, sig, len, key, NULL, flags);
}
