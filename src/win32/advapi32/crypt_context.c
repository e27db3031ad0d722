/* CryptoAPI provider contexts and random bytes: CryptAcquireContextA/W,
 * CryptContextAddRef, CryptReleaseContext, CryptGenRandom, and
 * SystemFunction036 (RtlGenRandom).  The random bytes are the process
 * generator's (bcryptprimitives' ProcessPrng), as on Windows 10.
 *
 * Key containers: nothing is ever stored, so no container exists until
 * CRYPT_NEWKEYSET makes one for this context; opening the default
 * container without it is NTE_BAD_KEYSET, which programs answer by
 * retrying with CRYPT_NEWKEYSET.  CRYPT_VERIFYCONTEXT needs none. */
#include "adv_crypt.h"

/* The providers a program may name (wincrypt.h's MS_*_PROV); each serves
 * the RSA family here. */
static const WCHAR *const provider_names[] = {
	L"Microsoft Base Cryptographic Provider v1.0",
	L"Microsoft Enhanced Cryptographic Provider v1.0",
	L"Microsoft Strong Cryptographic Provider",
	L"Microsoft Enhanced RSA and AES Cryptographic Provider",
	L"Microsoft Enhanced RSA and AES Cryptographic Provider (Prototype)",
	L"Microsoft RSA SChannel Cryptographic Provider",
	L"Microsoft Base Smart Card Crypto Provider",
};

struct adv_prov *adv_prov_from_handle(HCRYPTPROV handle)
{
	struct adv_prov *p = (struct adv_prov *)handle;

	if (handle < 0x10000 || p->magic != ADV_PROV_MAGIC)
		return NULL;
	return p;
}

static BOOL provider_known(const WCHAR *name)
{
	if (!name)
		return TRUE;
	for (size_t i = 0; i < ARRAYSIZE(provider_names); i++)
		if (!_wcsicmp(name, provider_names[i]))
			return TRUE;
	return FALSE;
}

static BOOL type_known(DWORD type)
{
	return type == ADV_PROV_RSA_FULL || type == ADV_PROV_RSA_SIG ||
	       type == ADV_PROV_RSA_SCHANNEL || type == ADV_PROV_RSA_AES;
}

#define KNOWN_FLAGS (CRYPT_VERIFYCONTEXT | CRYPT_NEWKEYSET | CRYPT_DELETEKEYSET | \
		     CRYPT_MACHINE_KEYSET | CRYPT_SILENT | CRYPT_DEFAULT_CONTAINER_OPTIONAL)

ADVAPI BOOL WINAPI CryptAcquireContextW(HCRYPTPROV *out, LPCWSTR container, LPCWSTR provider,
					DWORD type, DWORD flags)
{
	struct adv_prov *p;

	if (!out)
		return adv_fail(ERROR_INVALID_PARAMETER);
	*out = 0;
	if (flags & ~KNOWN_FLAGS)
		return adv_fail(NTE_BAD_FLAGS);
	if (!type_known(type))
		return adv_fail(NTE_PROV_TYPE_NOT_DEF);
	if (!provider_known(provider))
		return adv_fail(NTE_KEYSET_NOT_DEF);
	if (flags & CRYPT_DELETEKEYSET)
		return TRUE; /* nothing was stored: deleted; *out stays 0, as documented */
	if (!(flags & (CRYPT_VERIFYCONTEXT | CRYPT_NEWKEYSET)))
		return adv_fail(NTE_BAD_KEYSET);
	if (!(p = adv_alloc(sizeof(*p))))
		return adv_fail(ERROR_NOT_ENOUGH_MEMORY);
	*p = (struct adv_prov){ ADV_PROV_MAGIC, 1, type };
	*out = (HCRYPTPROV)p;
	return TRUE;
}

ADVAPI BOOL WINAPI CryptAcquireContextA(HCRYPTPROV *out, LPCSTR container, LPCSTR provider,
					DWORD type, DWORD flags)
{
	WCHAR *wprov = NULL;
	LSTATUS err = adv_a_to_w(provider, &wprov);
	BOOL ok;

	if (err != ERROR_SUCCESS)
		return adv_fail(err);
	ok = CryptAcquireContextW(out, NULL, wprov, type, flags);
	adv_free(wprov);
	return ok;
}

ADVAPI BOOL WINAPI CryptContextAddRef(HCRYPTPROV handle, DWORD *reserved, DWORD flags)
{
	struct adv_prov *p = adv_prov_from_handle(handle);

	if (!p)
		return adv_fail(NTE_BAD_UID);
	if (reserved || flags)
		return adv_fail(ERROR_INVALID_PARAMETER);
	InterlockedIncrement(&p->refs);
	return TRUE;
}

/* Flags are reserved: with any, the context is released all the same and
 * the call fails with NTE_BAD_FLAGS, as documented. */
ADVAPI BOOL WINAPI CryptReleaseContext(HCRYPTPROV handle, DWORD flags)
{
	struct adv_prov *p = adv_prov_from_handle(handle);

	if (!p)
		return adv_fail(NTE_BAD_UID);
	if (InterlockedDecrement(&p->refs) == 0) {
		p->magic = 0;
		adv_free(p);
	}
	return flags ? adv_fail(NTE_BAD_FLAGS) : TRUE;
}

ADVAPI BOOL WINAPI CryptGenRandom(HCRYPTPROV handle, DWORD len, BYTE *buf)
{
	if (!adv_prov_from_handle(handle))
		return adv_fail(NTE_BAD_UID);
	if (len && !buf)
		return adv_fail(ERROR_INVALID_PARAMETER);
	ProcessPrng(buf, len);
	return TRUE;
}

/* RtlGenRandom: documented to return TRUE on success; the generator does
 * not fail (it ends the program when it cannot seed). */
ADVAPI BOOLEAN WINAPI SystemFunction036(PVOID buf, ULONG len)
{
	if (len && !buf)
		return FALSE;
	ProcessPrng(buf, len);
	return TRUE;
}
