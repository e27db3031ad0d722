/*
 * The storage provider: only the Microsoft Software Key Storage
 * Provider (the default), and the algorithms it keeps keys for.
 */
#include "ncrypt_private.h"

NCRYPT_API SECURITY_STATUS WINAPI NCryptOpenStorageProvider(NCRYPT_PROV_HANDLE *out,
							    const WCHAR *name, DWORD flags)
{
	if (!out)
		return NC_NULL_REF;
	if (flags & ~NCRYPT_SILENT_FLAG)
		return NTE_BAD_FLAGS;
	if (name && lstrcmpiW(name, MS_KEY_STORAGE_PROVIDER))
		return NTE_PROV_DLL_NOT_FOUND;
	struct nc_provider *p = nc_new(NC_PROVIDER, sizeof(*p));
	if (!p)
		return NTE_NO_MEMORY;
	*out = (NCRYPT_PROV_HANDLE)p;
	return ERROR_SUCCESS;
}

/* The key algorithms: asymmetric ones and the block ciphers the
 * software provider keeps keys for; hashes and RNGs are bcrypt's only. */
static const WCHAR *const key_algorithms[] = {
	BCRYPT_RSA_ALGORITHM, BCRYPT_DSA_ALGORITHM, BCRYPT_DH_ALGORITHM,
	L"ECDH", L"ECDSA",	/* the curve named by a property */
	BCRYPT_ECDH_P256_ALGORITHM, BCRYPT_ECDH_P384_ALGORITHM, BCRYPT_ECDH_P521_ALGORITHM,
	BCRYPT_ECDSA_P256_ALGORITHM, BCRYPT_ECDSA_P384_ALGORITHM, BCRYPT_ECDSA_P521_ALGORITHM,
	BCRYPT_AES_ALGORITHM, BCRYPT_3DES_ALGORITHM, BCRYPT_3DES_112_ALGORITHM,
	BCRYPT_DES_ALGORITHM, BCRYPT_RC2_ALGORITHM,
};

BOOL nc_key_algorithm(const WCHAR *alg)
{
	for (size_t i = 0; i < ARRAYSIZE(key_algorithms); i++)
		if (!lstrcmpiW(alg, key_algorithms[i]))
			return TRUE;
	return FALSE;
}

NCRYPT_API SECURITY_STATUS WINAPI NCryptIsAlgSupported(NCRYPT_PROV_HANDLE prov, const WCHAR *alg,
						       DWORD flags)
{
	if (!nc_provider_of(prov))
		return NTE_INVALID_HANDLE;
	if (!alg)
		return NC_NULL_REF;
	if (flags & ~NCRYPT_SILENT_FLAG)
		return NTE_BAD_FLAGS;
	return nc_key_algorithm(alg) ? ERROR_SUCCESS : NTE_NOT_SUPPORTED;
}

/* No key is stored: an enumeration is empty from the start. */
NCRYPT_API SECURITY_STATUS WINAPI NCryptEnumKeys(NCRYPT_PROV_HANDLE prov, const WCHAR *scope,
						 NCryptKeyName **name, PVOID *state, DWORD flags)
{
	if (!nc_provider_of(prov))
		return NTE_INVALID_HANDLE;
	if (!name || !state)
		return NC_NULL_REF;
	return NTE_NO_MORE_ITEMS;
}

NCRYPT_API SECURITY_STATUS WINAPI NCryptOpenKey(NCRYPT_PROV_HANDLE prov, NCRYPT_KEY_HANDLE *key,
						const WCHAR *name, DWORD spec, DWORD flags)
{
	if (!nc_provider_of(prov))
		return NTE_INVALID_HANDLE;
	if (!key || !name)
		return NC_NULL_REF;
	return NTE_BAD_KEYSET;
}
