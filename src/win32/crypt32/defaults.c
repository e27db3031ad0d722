/* crypt32's private helpers that other crypto DLLs call: the default
 * CryptoAPI provider for an algorithm, and the Authenticode policy
 * values of the trusted publisher store. */
#include "crypt32_private.h"

/* The provider type that serves an algorithm; 0: not an algorithm this
 * answers for (Windows: E_INVALIDARG).  Algorithm 0: the default RSA
 * provider. */
static DWORD provider_type_for(ALG_ID alg)
{
	if (!alg)
		return PROV_RSA_FULL;
	if (alg > 0xffff) /* an ALG_ID is class, type and id in 16 bits */
		return 0;
	switch (GET_ALG_CLASS(alg)) {
	case ALG_CLASS_HASH:
		return PROV_RSA_AES;
	case ALG_CLASS_KEY_EXCHANGE:
		return PROV_RSA_FULL;
	case ALG_CLASS_SIGNATURE:
		return alg == CALG_DSS_SIGN ? PROV_DSS : PROV_RSA_FULL;
	}
	return 0;
}

/* A verification context (no key container) of the provider for alg,
 * which the caller releases; 0 and the last error on failure. */
C32_API HCRYPTPROV WINAPI I_CryptGetDefaultCryptProv(ALG_ID alg)
{
	DWORD type = provider_type_for(alg);
	HCRYPTPROV prov;

	if (!type) {
		SetLastError(E_INVALIDARG);
		return 0;
	}
	if (!CryptAcquireContextW(&prov, NULL, NULL, type, CRYPT_VERIFYCONTEXT))
		return 0;
	return prov;
}

/* A DWORD value under the trusted publisher policy key; *value is 0 when
 * the value is absent (then FALSE). */
C32_API BOOL WINAPI I_CryptReadTrustedPublisherDWORDValueFromRegistry(LPCWSTR name, DWORD *value)
{
	static const WCHAR key_path[] = L"Software\\Policies\\Microsoft\\SystemCertificates\\"
					L"TrustedPublisher\\Safer";
	DWORD size = sizeof(*value), type;
	BOOL found = FALSE;
	HKEY key;

	*value = 0;
	if (RegOpenKeyExW(HKEY_LOCAL_MACHINE, key_path, 0, KEY_READ, &key))
		return FALSE;
	if (!RegQueryValueExW(key, name, NULL, &type, (BYTE *)value, &size) && type == REG_DWORD &&
	    size == sizeof(*value))
		found = TRUE;
	else
		*value = 0;
	RegCloseKey(key);
	return found;
}
