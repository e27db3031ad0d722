/* CryptoAPI provider contexts and random bytes: CryptAcquireContextA/W,
 * CryptContextAddRef, CryptReleaseContext, CryptGenRandom, and
 * SystemFunction036 (RtlGenRandom).  The random bytes are the process
 * generator's (bcryptprimitives' ProcessPrng), as on Windows 10.
 *
 * Key containers live as long as the process: none exists until
 * CRYPT_NEWKEYSET makes it; opening one that does not exist is
 * NTE_BAD_KEYSET, which programs answer by retrying with CRYPT_NEWKEYSET.
 * CRYPT_VERIFYCONTEXT needs none.  Handles that are not live contexts
 * (made up, or released) are ERROR_INVALID_PARAMETER, as on Windows. */
#include "adv_crypt.h"

/* The providers a program may name (wincrypt.h's MS_*_PROV) and the type
 * each serves. */
static const struct {
	const WCHAR *name;
	DWORD type;
} providers[] = {
	{ L"Microsoft Base Cryptographic Provider v1.0", ADV_PROV_RSA_FULL },
	{ L"Microsoft Enhanced Cryptographic Provider v1.0", ADV_PROV_RSA_FULL },
	{ L"Microsoft Strong Cryptographic Provider", ADV_PROV_RSA_FULL },
	{ L"Microsoft Enhanced RSA and AES Cryptographic Provider", ADV_PROV_RSA_AES },
	{ L"Microsoft Enhanced RSA and AES Cryptographic Provider (Prototype)", ADV_PROV_RSA_AES },
	{ L"Microsoft RSA SChannel Cryptographic Provider", ADV_PROV_RSA_SCHANNEL },
	{ L"Microsoft Base Smart Card Crypto Provider", ADV_PROV_RSA_FULL },
};

/* Key containers made with CRYPT_NEWKEYSET in this process (names, upper
 * case, "type:name", and their key pairs), none stored: a new process
 * starts with none. */
static SRWLOCK containers_lock = SRWLOCK_INIT;
static struct {
	WCHAR *name;
	void *pairs[2];
} containers[64];

struct adv_prov *adv_prov_from_handle(HCRYPTPROV handle)
{
	struct adv_prov *p = (struct adv_prov *)handle;

	if (handle < 0x10000 || !live_has(p) || p->magic != ADV_PROV_MAGIC)
		return NULL;
	return p;
}

/* NTE_* of a provider name and type that do not go together, or 0. */
static DWORD provider_check(const WCHAR *name, DWORD type)
{
	if (!type || type > 999)
		return NTE_BAD_PROV_TYPE;
	if (!name || !*name) {
		for (size_t i = 0; i < ARRAYSIZE(providers); i++)
			if (providers[i].type == type)
				return 0;
		return NTE_PROV_TYPE_NOT_DEF;
	}
	for (size_t i = 0; i < ARRAYSIZE(providers); i++)
		if (!_wcsicmp(name, providers[i].name))
			return providers[i].type == type ? 0 : NTE_PROV_TYPE_NO_MATCH;
	return NTE_KEYSET_NOT_DEF;
}

/* The name of the provider a context is of: the one named, else the
 * first of its type. */
static const WCHAR *provider_name(const WCHAR *name, DWORD type)
{
	for (size_t i = 0; i < ARRAYSIZE(providers); i++)
		if (name && *name ? !_wcsicmp(name, providers[i].name) : providers[i].type == type)
			return providers[i].name;
	return providers[0].name;
}

/* "type:NAME" of a container (the default one: the empty name). */
static WCHAR *container_key(DWORD type, const WCHAR *container)
{
	size_t n = container ? wcslen(container) : 0;
	WCHAR *key = adv_alloc((n + 12) * sizeof(WCHAR));

	if (!key)
		return NULL;
	key[0] = (WCHAR)(L'0' + type / 100);
	key[1] = (WCHAR)(L'0' + type / 10 % 10);
	key[2] = (WCHAR)(L'0' + type % 10);
	key[3] = L':';
	for (size_t i = 0; i < n; i++)
		key[4 + i] = towupper(container[i]);
	key[4 + n] = 0;
	return key;
}

/* Looks a container up; CRYPT_NEWKEYSET adds it, CRYPT_DELETEKEYSET
 * removes it (and its pairs).  The error, or 0; *pairs: its key pairs. */
static DWORD container_op(DWORD type, const WCHAR *container, DWORD flags, void ***pairs)
{
	WCHAR *key = container_key(type, container);
	int found = -1, empty = -1;
	DWORD err = 0;

	if (!key)
		return ERROR_NOT_ENOUGH_MEMORY;
	RtlAcquireSRWLockExclusive(&containers_lock);
	for (int i = 0; i < (int)ARRAYSIZE(containers); i++) {
		if (containers[i].name && !wcscmp(containers[i].name, key))
			found = i;
		else if (!containers[i].name && empty < 0)
			empty = i;
	}
	if (flags & CRYPT_NEWKEYSET) {
		if (found >= 0)
			err = (DWORD)NTE_EXISTS;
		else if (empty < 0)
			err = (DWORD)NTE_NO_MEMORY;
		else
			containers[empty].name = key, key = NULL, *pairs = containers[empty].pairs;
	} else if (found < 0) {
		err = (DWORD)NTE_BAD_KEYSET;
	} else if (flags & CRYPT_DELETEKEYSET) {
		adv_free(containers[found].name);
		containers[found].name = NULL;
		adv_pairs_clear(containers[found].pairs);
	} else {
		*pairs = containers[found].pairs;
	}
	RtlReleaseSRWLockExclusive(&containers_lock);
	adv_free(key);
	return err;
}

#define KNOWN_FLAGS (CRYPT_VERIFYCONTEXT | CRYPT_NEWKEYSET | CRYPT_DELETEKEYSET | \
		     CRYPT_MACHINE_KEYSET | CRYPT_SILENT | CRYPT_DEFAULT_CONTAINER_OPTIONAL)

ADVAPI BOOL WINAPI CryptAcquireContextW(HCRYPTPROV *out, LPCWSTR container, LPCWSTR provider,
					DWORD type, DWORD flags)
{
	struct adv_prov *p;
	void **pairs = NULL;
	DWORD err;

	if (!out)
		return adv_fail(ERROR_INVALID_PARAMETER);
	*out = 0;
	if ((err = provider_check(provider, type)))
		return adv_fail(err);
	if (flags & ~KNOWN_FLAGS)
		return adv_fail(NTE_BAD_FLAGS);
	if (!(flags & CRYPT_VERIFYCONTEXT) && (err = container_op(type, container, flags, &pairs)))
		return adv_fail(err);
	if (flags & CRYPT_DELETEKEYSET)
		return TRUE; /* deleted; *out stays 0, as documented */
	if (!(p = adv_alloc(sizeof(*p))))
		return adv_fail(ERROR_NOT_ENOUGH_MEMORY);
	*p = (struct adv_prov){ ADV_PROV_MAGIC, 1, type };
	p->pairs = pairs ? pairs : p->own_pairs;
	p->name = provider_name(provider, type);
	p->container = adv_alloc(((container ? wcslen(container) : 0) + 1) * sizeof(WCHAR));
	if (p->container)
		wcscpy(p->container, container ? container : L"");
	if (!p->container || !live_add(p)) {
		adv_free(p->container);
		adv_free(p);
		return adv_fail(ERROR_NOT_ENOUGH_MEMORY);
	}
	*out = (HCRYPTPROV)p;
	RtlSetLastWin32Error(ERROR_SUCCESS); /* as Windows leaves it */
	return TRUE;
}

ADVAPI BOOL WINAPI CryptAcquireContextA(HCRYPTPROV *out, LPCSTR container, LPCSTR provider,
					DWORD type, DWORD flags)
{
	WCHAR *wprov = NULL, *wcont = NULL;
	LSTATUS err = adv_a_to_w(provider, &wprov);
	BOOL ok;

	if (err == ERROR_SUCCESS && (err = adv_a_to_w(container, &wcont)) != ERROR_SUCCESS)
		adv_free(wprov);
	if (err != ERROR_SUCCESS)
		return adv_fail(err);
	ok = CryptAcquireContextW(out, wcont, wprov, type, flags);
	adv_free(wprov);
	adv_free(wcont);
	return ok;
}

ADVAPI BOOL WINAPI CryptContextAddRef(HCRYPTPROV handle, DWORD *reserved, DWORD flags)
{
	struct adv_prov *p = adv_prov_from_handle(handle);

	if (!p)
		return adv_fail(ERROR_INVALID_PARAMETER);
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
		return adv_fail(ERROR_INVALID_PARAMETER);
	if (InterlockedDecrement(&p->refs) == 0) {
		live_remove(p);
		p->magic = 0;
		adv_pairs_clear(p->own_pairs);
		adv_free(p->container);
		adv_free(p);
	}
	return flags ? adv_fail(NTE_BAD_FLAGS) : TRUE;
}

ADVAPI BOOL WINAPI CryptGenRandom(HCRYPTPROV handle, DWORD len, BYTE *buf)
{
	if (!adv_prov_from_handle(handle))
		return adv_fail(ERROR_INVALID_PARAMETER);
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
