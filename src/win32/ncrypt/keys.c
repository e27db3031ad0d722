/*
 * Keys: created (algorithm and properties first, then finalized, which
 * generates it in bcrypt) or imported from a BCRYPT blob; exported the
 * same way; their properties.
 */
#include <stddef.h>
#include "ncrypt_private.h"

BOOL nc_key_algorithm(const WCHAR *alg);

static BOOL is_symmetric(const WCHAR *alg)
{
	return !lstrcmpiW(alg, BCRYPT_AES_ALGORITHM) || !lstrcmpiW(alg, BCRYPT_3DES_ALGORITHM) ||
	       !lstrcmpiW(alg, BCRYPT_3DES_112_ALGORITHM) || !lstrcmpiW(alg, BCRYPT_DES_ALGORITHM) ||
	       !lstrcmpiW(alg, BCRYPT_RC2_ALGORITHM);
}

/* The default length of a new key of that algorithm, in bits. */
static DWORD default_length(const WCHAR *alg)
{
	if (!lstrcmpiW(alg, BCRYPT_RSA_ALGORITHM) || !lstrcmpiW(alg, BCRYPT_DSA_ALGORITHM) ||
	    !lstrcmpiW(alg, BCRYPT_DH_ALGORITHM))
		return 1024;
	if (wcsstr(alg, L"P384"))
		return 384;
	if (wcsstr(alg, L"P521"))
		return 521;
	if (!lstrcmpiW(alg, BCRYPT_3DES_ALGORITHM))
		return 192;
	if (!lstrcmpiW(alg, BCRYPT_3DES_112_ALGORITHM))
		return 128;
	if (!lstrcmpiW(alg, BCRYPT_DES_ALGORITHM))
		return 64;
	if (!lstrcmpiW(alg, BCRYPT_RC2_ALGORITHM))
		return 128;
	return 256;	/* AES, the P-256 curves */
}

static struct nc_key *key_new(const WCHAR *alg)
{
	struct nc_key *k = nc_new(NC_KEY, sizeof(*k));
	if (!k)
		return NULL;
	lstrcpynW(k->alg, alg, ARRAYSIZE(k->alg));
	k->length = default_length(alg);
	k->usage = NCRYPT_ALLOW_ALL_USAGES;
	return k;
}

NCRYPT_API SECURITY_STATUS WINAPI NCryptCreatePersistedKey(NCRYPT_PROV_HANDLE prov,
							   NCRYPT_KEY_HANDLE *out,
							   const WCHAR *alg, const WCHAR *name,
							   DWORD spec, DWORD flags)
{
	if (!nc_provider_of(prov))
		return NTE_INVALID_HANDLE;
	if (!out || !alg)
		return NC_NULL_REF;
	if (!nc_key_algorithm(alg))
		return NTE_NOT_SUPPORTED;
	if (name)
		return NTE_NOT_SUPPORTED;	/* no key store (ncrypt_private.h) */
	struct nc_key *k = key_new(alg);
	if (!k)
		return NTE_NO_MEMORY;
	*out = (NCRYPT_KEY_HANDLE)k;
	return ERROR_SUCCESS;
}

NCRYPT_API SECURITY_STATUS WINAPI NCryptFinalizeKey(NCRYPT_KEY_HANDLE h, DWORD flags)
{
	struct nc_key *k = nc_key_of(h);
	/* A finalized key is no longer one that can be finalized. */
	if (!k || k->key)
		return NTE_INVALID_HANDLE;
	NTSTATUS st = BCryptOpenAlgorithmProvider(&k->alg_handle, k->alg, NULL, 0);
	if (st)
		return nc_status(st);
	if (is_symmetric(k->alg)) {
		BYTE secret[64];
		DWORD bytes = k->length / 8;
		if (bytes > sizeof(secret))
			return NTE_INVALID_PARAMETER;
		BCryptGenRandom(NULL, secret, bytes, BCRYPT_USE_SYSTEM_PREFERRED_RNG);
		st = BCryptGenerateSymmetricKey(k->alg_handle, &k->key, NULL, 0, secret, bytes, 0);
		SecureZeroMemory(secret, sizeof(secret));
		return nc_status(st);
	}
	st = BCryptGenerateKeyPair(k->alg_handle, &k->key, k->length, 0);
	if (!st)
		st = BCryptFinalizeKeyPair(k->key, 0);
	if (st && k->key) {
		BCryptDestroyKey(k->key);
		k->key = NULL;
	}
	return nc_status(st);
}

/* The algorithm a key blob's magic names, and whether its size is the
 * one its header announces (CNG refuses a byte more or less). */
static const WCHAR *blob_algorithm(const BYTE *blob, DWORD size, SECURITY_STATUS *err)
{
	*err = NTE_BAD_DATA;
	if (size < sizeof(ULONG) * 2)
		return NULL;
	ULONG magic = ((const ULONG *)blob)[0];
	switch (magic) {
	case BCRYPT_RSAPUBLIC_MAGIC:
	case BCRYPT_RSAPRIVATE_MAGIC:
	case BCRYPT_RSAFULLPRIVATE_MAGIC: {
		BCRYPT_RSAKEY_BLOB h;
		if (size < sizeof(h))
			return NULL;
		memcpy(&h, blob, sizeof(h));
		if (h.cbPublicExp > 8 || !h.cbModulus)
			return NULL;
		ULONG64 want = sizeof(h) + (ULONG64)h.cbPublicExp + h.cbModulus;
		if (magic != BCRYPT_RSAPUBLIC_MAGIC)
			want += (ULONG64)h.cbPrime1 + h.cbPrime2;
		if (magic == BCRYPT_RSAFULLPRIVATE_MAGIC)
			want += (ULONG64)h.cbPrime1 + h.cbPrime2 + h.cbPrime1 + h.cbModulus;
		if (want != size)
			return NULL;
		return BCRYPT_RSA_ALGORITHM;
	}
	case BCRYPT_ECDSA_PUBLIC_P256_MAGIC: case BCRYPT_ECDSA_PRIVATE_P256_MAGIC:
		return BCRYPT_ECDSA_P256_ALGORITHM;
	case BCRYPT_ECDSA_PUBLIC_P384_MAGIC: case BCRYPT_ECDSA_PRIVATE_P384_MAGIC:
		return BCRYPT_ECDSA_P384_ALGORITHM;
	case BCRYPT_ECDSA_PUBLIC_P521_MAGIC: case BCRYPT_ECDSA_PRIVATE_P521_MAGIC:
		return BCRYPT_ECDSA_P521_ALGORITHM;
	case BCRYPT_ECDH_PUBLIC_P256_MAGIC: case BCRYPT_ECDH_PRIVATE_P256_MAGIC:
		return BCRYPT_ECDH_P256_ALGORITHM;
	case BCRYPT_ECDH_PUBLIC_P384_MAGIC: case BCRYPT_ECDH_PRIVATE_P384_MAGIC:
		return BCRYPT_ECDH_P384_ALGORITHM;
	case BCRYPT_ECDH_PUBLIC_P521_MAGIC: case BCRYPT_ECDH_PRIVATE_P521_MAGIC:
		return BCRYPT_ECDH_P521_ALGORITHM;
	case BCRYPT_DSA_PUBLIC_MAGIC: case BCRYPT_DSA_PRIVATE_MAGIC:
		return BCRYPT_DSA_ALGORITHM;
	}
	*err = NTE_INVALID_PARAMETER;
	return NULL;
}

NCRYPT_API SECURITY_STATUS WINAPI NCryptImportKey(NCRYPT_PROV_HANDLE prov, NCRYPT_KEY_HANDLE wrap,
						  const WCHAR *type, NCryptBufferDesc *params,
						  NCRYPT_KEY_HANDLE *out, BYTE *blob, DWORD size,
						  DWORD flags)
{
	if (!nc_provider_of(prov))
		return NTE_INVALID_HANDLE;
	if (!type || !out || !blob)
		return NC_NULL_REF;
	if (flags & ~(NCRYPT_SILENT_FLAG | NCRYPT_NO_KEY_VALIDATION | NCRYPT_DO_NOT_FINALIZE_FLAG |
		      NCRYPT_OVERWRITE_KEY_FLAG))
		return NTE_BAD_FLAGS;
	if (wrap)
		return NTE_NOT_SUPPORTED;	/* wrapped (encrypted) blobs */
	SECURITY_STATUS err;
	const WCHAR *alg = blob_algorithm(blob, size, &err);
	if (!alg)
		return err;
	struct nc_key *k = key_new(alg);
	if (!k)
		return NTE_NO_MEMORY;
	/* The provider takes an RSA key's length from its modulus, whatever
	 * the header's BitLength says (bcrypt's import checks it): a copy
	 * with the length mended goes to bcrypt. */
	BYTE *copy = NULL;
	if (!lstrcmpW(alg, BCRYPT_RSA_ALGORITHM)) {
		if (!(copy = HeapAlloc(GetProcessHeap(), 0, size))) {
			NCryptFreeObject((NCRYPT_HANDLE)k);
			return NTE_NO_MEMORY;
		}
		memcpy(copy, blob, size);
		BCRYPT_RSAKEY_BLOB *h = (BCRYPT_RSAKEY_BLOB *)copy;
		h->BitLength = h->cbModulus * 8;
		blob = copy;
	}
	NTSTATUS st = BCryptOpenAlgorithmProvider(&k->alg_handle, alg, NULL, 0);
	if (!st)
		st = BCryptImportKeyPair(k->alg_handle, NULL, type, &k->key, blob, size, 0);
	if (copy) {
		SecureZeroMemory(copy, size);
		HeapFree(GetProcessHeap(), 0, copy);
	}
	if (st) {
		NCryptFreeObject((NCRYPT_HANDLE)k);
		return nc_status(st);
	}
	DWORD bits = 0, got;
	if (!BCryptGetProperty(k->key, BCRYPT_KEY_LENGTH, (BYTE *)&bits, sizeof(bits), &got, 0))
		k->length = bits;
	*out = (NCRYPT_KEY_HANDLE)k;
	return ERROR_SUCCESS;
}

NCRYPT_API SECURITY_STATUS WINAPI NCryptExportKey(NCRYPT_KEY_HANDLE h, NCRYPT_KEY_HANDLE wrap,
						  const WCHAR *type, NCryptBufferDesc *params,
						  BYTE *out, DWORD out_size, DWORD *result, DWORD flags)
{
	struct nc_key *k = nc_key_of(h);
	if (!k)
		return NTE_INVALID_HANDLE;
	if (!type || !result)
		return NC_NULL_REF;
	if (!k->key)
		return NTE_BAD_KEY_STATE;
	if (wrap)
		return NTE_NOT_SUPPORTED;
	/* Private material leaves only when the key's policy allows it. */
	BOOL public_only = !lstrcmpW(type, BCRYPT_PUBLIC_KEY_BLOB) ||
			   !lstrcmpW(type, BCRYPT_RSAPUBLIC_BLOB) ||
			   !lstrcmpW(type, BCRYPT_ECCPUBLIC_BLOB) ||
			   !lstrcmpW(type, BCRYPT_DSA_PUBLIC_BLOB);
	if (!public_only && !(k->export_policy & NCRYPT_ALLOW_PLAINTEXT_EXPORT_FLAG))
		return NTE_NOT_SUPPORTED;
	ULONG n = 0;
	NTSTATUS st = BCryptExportKey(k->key, NULL, type, out, out_size, &n, 0);
	*result = n;
	return nc_status(st);
}

/* A property's value: copied out, or its size alone when out is NULL. */
static SECURITY_STATUS give(const void *value, DWORD size, BYTE *out, DWORD out_size,
			    DWORD *result)
{
	*result = size;
	if (!out)
		return ERROR_SUCCESS;
	if (out_size < size)
		return NTE_BUFFER_TOO_SMALL;
	memcpy(out, value, size);
	return ERROR_SUCCESS;
}

static const WCHAR *algorithm_group(const WCHAR *alg)
{
	if (!lstrcmpiW(alg, BCRYPT_RSA_ALGORITHM))
		return NCRYPT_RSA_ALGORITHM_GROUP;
	if (!lstrcmpiW(alg, BCRYPT_DSA_ALGORITHM))
		return NCRYPT_DSA_ALGORITHM_GROUP;
	if (!lstrcmpiW(alg, BCRYPT_DH_ALGORITHM))
		return NCRYPT_DH_ALGORITHM_GROUP;
	if (!wcsncmp(alg, L"ECDSA", 5))
		return NCRYPT_ECDSA_ALGORITHM_GROUP;
	if (!wcsncmp(alg, L"ECDH", 4))
		return NCRYPT_ECDH_ALGORITHM_GROUP;
	return alg;
}

static SECURITY_STATUS key_property(struct nc_key *k, const WCHAR *name, BYTE *out, DWORD size,
				    DWORD *result)
{
	const WCHAR *s = NULL;
	DWORD dw;
	if (!lstrcmpW(name, NCRYPT_ALGORITHM_GROUP_PROPERTY))
		s = algorithm_group(k->alg);
	else if (!lstrcmpW(name, NCRYPT_ALGORITHM_PROPERTY))
		s = k->alg;
	else if (!lstrcmpW(name, NCRYPT_PROVIDER_HANDLE_PROPERTY))
		return NTE_NOT_SUPPORTED;
	if (s)
		return give(s, (lstrlenW(s) + 1) * sizeof(WCHAR), out, size, result);
	if (!lstrcmpW(name, NCRYPT_LENGTH_PROPERTY))
		dw = k->length;
	else if (!lstrcmpW(name, NCRYPT_EXPORT_POLICY_PROPERTY))
		dw = k->export_policy;
	else if (!lstrcmpW(name, NCRYPT_KEY_USAGE_PROPERTY))
		dw = k->usage;
	else if (!lstrcmpW(name, NCRYPT_KEY_TYPE_PROPERTY))
		dw = 0;	/* a user key, not the machine's */
	else if (!lstrcmpW(name, NCRYPT_BLOCK_LENGTH_PROPERTY) && k->key)
		return BCryptGetProperty(k->key, BCRYPT_BLOCK_LENGTH, out, size, result, 0) ?
			       NTE_NOT_SUPPORTED : ERROR_SUCCESS;
	else
		return NTE_NOT_SUPPORTED;
	return give(&dw, sizeof(dw), out, size, result);
}

NCRYPT_API SECURITY_STATUS WINAPI NCryptGetProperty(NCRYPT_HANDLE h, const WCHAR *name, BYTE *out,
						    DWORD size, DWORD *result, DWORD flags)
{
	struct nc_key *k = nc_key_of(h);
	if (!k && !nc_provider_of(h))
		return NTE_INVALID_HANDLE;
	if (!name || !result)
		return NC_NULL_REF;
	if (k)
		return key_property(k, name, out, size, result);
	if (!lstrcmpW(name, NCRYPT_NAME_PROPERTY))
		return give(MS_KEY_STORAGE_PROVIDER, sizeof(MS_KEY_STORAGE_PROVIDER), out, size,
			    result);
	if (!lstrcmpW(name, NCRYPT_IMPL_TYPE_PROPERTY)) {
		DWORD impl = NCRYPT_IMPL_SOFTWARE_FLAG;
		return give(&impl, sizeof(impl), out, size, result);
	}
	return NTE_NOT_SUPPORTED;
}

NCRYPT_API SECURITY_STATUS WINAPI NCryptSetProperty(NCRYPT_HANDLE h, const WCHAR *name, BYTE *in,
						    DWORD size, DWORD flags)
{
	struct nc_key *k = nc_key_of(h);
	if (!k)
		return nc_provider_of(h) ? NTE_NOT_SUPPORTED : NTE_INVALID_HANDLE;
	if (!name || !in)
		return NC_NULL_REF;
	DWORD *target = NULL;
	if (!lstrcmpW(name, NCRYPT_LENGTH_PROPERTY))
		target = &k->length;
	else if (!lstrcmpW(name, NCRYPT_EXPORT_POLICY_PROPERTY))
		target = &k->export_policy;
	else if (!lstrcmpW(name, NCRYPT_KEY_USAGE_PROPERTY))
		target = &k->usage;
	if (!target)
		return NTE_NOT_SUPPORTED;
	if (size != sizeof(DWORD))
		return NTE_INVALID_PARAMETER;
	/* A key that exists already keeps its length. */
	if (target != &k->length || !k->key)
		memcpy(target, in, sizeof(DWORD));
	return ERROR_SUCCESS;
}
