/* BCryptGetProperty and BCryptSetProperty, on providers and hash objects:
 * the lengths a caller sizes its buffers by, and the algorithm's name. */
#include "bcrypt_private.h"

/* What a handle is, for its properties: a provider or a hash object. */
struct bc_subject {
	const struct hash_alg *hash; /* NULL: the RNG */
	const WCHAR *name;
};

static BOOL subject_of(void *handle, struct bc_subject *s)
{
	const struct bc_alg *a = bc_alg_from_handle(handle);
	const struct bc_hash *h = a ? NULL : bc_hash_from_handle(handle);

	if (a)
		*s = (struct bc_subject){ a->hash, a->name };
	else if (h)
		*s = (struct bc_subject){ h->hash, h->name };
	return a || h;
}

/* The property's value into val (at most 64 bytes), its size into *len;
 * STATUS_NOT_SUPPORTED for a property this subject has not. */
static NTSTATUS property_value(const struct bc_subject *s, const WCHAR *prop, UCHAR *val,
			       ULONG *len)
{
	DWORD d;

	if (!_wcsicmp(prop, L"AlgorithmName")) {
		*len = (ULONG)(wcslen(s->name) + 1) * sizeof(WCHAR);
		memcpy(val, s->name, *len);
		return STATUS_SUCCESS;
	}
	if (!s->hash)
		return STATUS_NOT_SUPPORTED;
	if (!_wcsicmp(prop, L"ObjectLength"))
		d = sizeof(struct bc_hash);
	else if (!_wcsicmp(prop, L"HashDigestLength"))
		d = s->hash->digest_len;
	else if (!_wcsicmp(prop, L"HashBlockLength"))
		d = s->hash->block_len;
	else
		return STATUS_NOT_SUPPORTED;
	memcpy(val, &d, sizeof(d));
	*len = sizeof(d);
	return STATUS_SUCCESS;
}

BCRYPT_API NTSTATUS WINAPI BCryptGetProperty(void *handle, const WCHAR *prop, UCHAR *out,
					     ULONG out_len, ULONG *result, ULONG flags)
{
	struct bc_subject s;
	UCHAR val[64];
	ULONG len;
	NTSTATUS st;

	if (!subject_of(handle, &s))
		return STATUS_INVALID_HANDLE;
	if (!prop || !result || flags)
		return STATUS_INVALID_PARAMETER;
	if ((st = property_value(&s, prop, val, &len)) != STATUS_SUCCESS)
		return st;
	*result = len;
	if (!out)
		return STATUS_SUCCESS; /* the size only */
	if (out_len < len)
		return STATUS_BUFFER_TOO_SMALL;
	memcpy(out, val, len);
	return STATUS_SUCCESS;
}

/* The digests and the RNG have nothing to set (no chaining mode, no key
 * length). */
BCRYPT_API NTSTATUS WINAPI BCryptSetProperty(void *handle, const WCHAR *prop, UCHAR *in,
					     ULONG in_len, ULONG flags)
{
	struct bc_subject s;

	if (!subject_of(handle, &s))
		return STATUS_INVALID_HANDLE;
	if (!prop)
		return STATUS_INVALID_PARAMETER;
	return STATUS_NOT_SUPPORTED;
}
